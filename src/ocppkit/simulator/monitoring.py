"""Variable monitoring (N02-N08), pure: monitors on device-model variables and the events they
raise. No asyncio, no clock reads: ``evaluate`` is given the time.

    UpperThreshold   Alerting when the value rises above the monitor value; cleared when it
                     falls back to it or below (N07)
    LowerThreshold   the same, below the monitor value
    Delta            Delta when a numeric value moved by at least the monitor value from the
                     last reported one, or a non-numeric value changed at all (N08)
    Periodic         Periodic every ``value`` seconds
    PeriodicClockAligned  Periodic at every multiple of ``value`` seconds past midnight UTC

An event is reported only when its monitor's severity is at most the monitoring level (N05), and a
monitor set with ``transaction`` true is active only while a transaction runs (N04). The monitoring
base (N03) keeps every monitor (All), or drops the custom ones (FactoryDefault), or the
preconfigured ones too (HardWiredOnly).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ocppkit.protocol.models import (
    ClearMonitoringResultType,
    ClearMonitoringStatusEnumType,
    ComponentVariableType,
    EventDataType,
    EventNotificationEnumType,
    EventTriggerEnumType,
    MonitorEnumType,
    MonitoringBaseEnumType,
    MonitoringCriterionEnumType,
    MonitoringDataType,
    SetMonitoringDataType,
    SetMonitoringResultType,
    SetMonitoringStatusEnumType,
    StatusInfoType,
    VariableMonitoringType,
)
from ocppkit.simulator.device.model import DeviceModel, Variable
from ocppkit.simulator.device.reports import selects
from ocppkit.simulator.device.variables import Key

Kind = MonitorEnumType
Status = SetMonitoringStatusEnumType
Origin = EventNotificationEnumType
MAX_SEVERITY = 9
THRESHOLDS = (Kind.UpperThreshold, Kind.LowerThreshold)
PERIODIC = (Kind.Periodic, Kind.PeriodicClockAligned)
CRITERIA: dict[MonitoringCriterionEnumType, tuple[MonitorEnumType, ...]] = {
    MonitoringCriterionEnumType.ThresholdMonitoring: THRESHOLDS,
    MonitoringCriterionEnumType.DeltaMonitoring: (Kind.Delta,),
    MonitoringCriterionEnumType.PeriodicMonitoring: PERIODIC,
}


@dataclass(slots=True)
class Monitor:
    """One monitor and what it last saw."""

    id: int
    key: Key
    type: MonitorEnumType
    value: float
    severity: int
    transaction: bool = False
    origin: EventNotificationEnumType = Origin.CustomMonitor
    tripped: bool = False  # a threshold is crossed now (an Alerting event went out)
    reference: str | None = None  # Delta: the value last reported
    due: float | None = None  # Periodic: monotonic time; ClockAligned: wall-clock epoch seconds

    def wire(self) -> VariableMonitoringType:
        """This monitor in a NotifyMonitoringReport."""
        return VariableMonitoringType(
            id=self.id,
            transaction=self.transaction,
            value=self.value,
            type=self.type,
            severity=self.severity,
        )


def _info(reason: str) -> StatusInfoType:
    return StatusInfoType(reason_code=reason)


class Monitoring:
    """The monitors of one station.

    Args:
        model: the device model whose variables are monitored.
        preconfigured: monitors the station comes with (origin PreconfiguredMonitor).
    """

    def __init__(self, model: DeviceModel, preconfigured: Sequence[Monitor] = ()) -> None:
        self._model = model
        self._factory = list(preconfigured)
        self.monitors: dict[int, Monitor] = {}
        self.base = MonitoringBaseEnumType.All
        self.level = MAX_SEVERITY
        self._next_id = 1
        self._next_event_id = 1
        self._restore_factory()

    def _restore_factory(self) -> None:
        for monitor in self._factory:
            copy = Monitor(
                monitor.id,
                monitor.key,
                monitor.type,
                monitor.value,
                monitor.severity,
                monitor.transaction,
                Origin.PreconfiguredMonitor,
            )
            self._arm(copy)
            self.monitors[copy.id] = copy
            self._next_id = max(self._next_id, copy.id + 1)

    # --- N04 SetVariableMonitoring ---

    def set(self, data: SetMonitoringDataType) -> SetMonitoringResultType:
        """Add or replace one monitor; the result carries its id when Accepted."""
        result = SetMonitoringResultType(
            status=Status.Accepted,
            type=data.type,
            component=data.component,
            variable=data.variable,
            severity=data.severity,
            id=data.id,
        )
        found = self._model.lookup(data.component, data.variable)
        if not isinstance(found, Variable):
            result.status = Status(found.value)
            return result
        refusal = self._refusal(found, data)
        if refusal is not None:
            result.status, reason = refusal
            result.status_info = _info(reason)
            return result
        monitor_id = data.id if data.id is not None else self._take_id()
        monitor = Monitor(
            monitor_id, found.key, data.type, data.value, data.severity, bool(data.transaction)
        )
        self._arm(monitor)
        self.monitors[monitor_id] = monitor
        result.id = monitor_id
        return result

    def _take_id(self) -> int:
        while self._next_id in self.monitors:
            self._next_id += 1
        self._next_id += 1
        return self._next_id - 1

    def _refusal(
        self, variable: Variable, data: SetMonitoringDataType
    ) -> tuple[SetMonitoringStatusEnumType, str] | None:
        """Why ``data`` cannot be set on ``variable``, or None."""
        if not variable.supports_monitoring:
            return Status.UnsupportedMonitorType, "NoMonitoring"
        if data.type in THRESHOLDS and variable.numeric() is None:
            return Status.UnsupportedMonitorType, "NotNumeric"
        if not 0 <= data.severity <= MAX_SEVERITY:
            return Status.Rejected, "SeverityOutOfRange"
        periodic_bad = data.type in PERIODIC and data.value <= 0
        if periodic_bad or (data.type == Kind.Delta and data.value < 0):
            return Status.Rejected, "ValueOutOfRange"
        if data.type in THRESHOLDS and not _within(variable, data.value):
            return Status.Rejected, "ValueOutOfRange"
        if data.id is not None:
            existing = self.monitors.get(data.id)
            if existing is None:
                return Status.Rejected, "UnknownMonitorId"  # ids are the station's to give
            if existing.key != variable.key:
                return Status.Rejected, "OtherVariable"
            return None
        for held in self.monitors.values():
            if (held.key, held.type, held.severity) == (variable.key, data.type, data.severity):
                return Status.Duplicate, "Duplicate"
        return None

    def _arm(self, monitor: Monitor) -> None:
        variable = self._model.find(monitor.key)
        monitor.reference = variable.actual if variable is not None else None
        monitor.tripped = False
        monitor.due = None

    # --- N06 ClearVariableMonitoring, N03 SetMonitoringBase, N05 SetMonitoringLevel ---

    def clear(self, ids: Sequence[int]) -> list[ClearMonitoringResultType]:
        """Remove monitors by id: Accepted, or NotFound."""
        results = []
        for monitor_id in ids:
            found = self.monitors.pop(monitor_id, None) is not None
            status = ClearMonitoringStatusEnumType.Accepted
            if not found:
                status = ClearMonitoringStatusEnumType.NotFound
            results.append(ClearMonitoringResultType(status=status, id=monitor_id))
        return results

    def set_base(self, base: MonitoringBaseEnumType) -> None:
        """Apply a monitoring base (N03)."""
        self.base = base
        if base == MonitoringBaseEnumType.All:
            return
        self.monitors = {}
        if base == MonitoringBaseEnumType.FactoryDefault:
            self._restore_factory()

    def set_level(self, severity: int) -> bool:
        """Report only events of this severity or more severe (N05); False when out of 0-9."""
        if not 0 <= severity <= MAX_SEVERITY:
            return False
        self.level = severity
        return True

    # --- N02 GetMonitoringReport ---

    def report(
        self,
        selectors: Sequence[ComponentVariableType] | None,
        criteria: Sequence[MonitoringCriterionEnumType] | None,
    ) -> list[MonitoringDataType]:
        """The monitors that ``selectors`` and ``criteria`` select, grouped by variable."""
        kinds = {k for c in criteria for k in CRITERIA[c]} if criteria else set(Kind)
        grouped: dict[Key, list[VariableMonitoringType]] = {}
        for monitor in sorted(self.monitors.values(), key=lambda m: m.id):
            if monitor.type not in kinds:
                continue
            if selectors is not None and not any(selects(s, monitor.key) for s in selectors):
                continue
            grouped.setdefault(monitor.key, []).append(monitor.wire())
        return [
            MonitoringDataType(
                component=key.component_type(),
                variable=key.variable_type(),
                variable_monitoring=monitors,
            )
            for key, monitors in grouped.items()
        ]

    # --- N07/N08 events ---

    @property
    def needs_polling(self) -> bool:
        """Whether some monitor watches a live value or time (so someone must call
        ``evaluate`` now and then, not only on changes)."""
        return any(self._live(m) or m.type in PERIODIC for m in self.monitors.values())

    def _live(self, monitor: Monitor) -> bool:
        variable = self._model.find(monitor.key)
        return variable is not None and variable.source is not None

    def evaluate(self, mono: float, wall: datetime, in_transaction: bool) -> list[EventDataType]:
        """The events the monitors raise now, ``mono`` being the monotonic time and ``wall`` the
        wall-clock time (UTC)."""
        events = []
        for monitor in list(self.monitors.values()):
            variable = self._model.find(monitor.key)
            if variable is None or (monitor.transaction and not in_transaction):
                continue
            trigger = self._fires(monitor, variable, mono, wall.timestamp())
            if trigger is not None and monitor.severity <= self.level:
                events.append(self._event(monitor, variable, trigger, wall))
        return events

    def _fires(
        self, monitor: Monitor, variable: Variable, mono: float, epoch: float
    ) -> tuple[EventTriggerEnumType, bool | None] | None:
        """(trigger, cleared) when the monitor fires now, else None."""
        if monitor.type in THRESHOLDS:
            return _threshold(monitor, variable)
        if monitor.type == Kind.Delta:
            return _delta(monitor, variable)
        now = mono if monitor.type == Kind.Periodic else epoch
        if monitor.due is None:
            monitor.due = _first_due(monitor, now)
        if now < monitor.due:
            return None
        monitor.due = _first_due(monitor, now)
        return EventTriggerEnumType.Periodic, None

    def _event(
        self,
        monitor: Monitor,
        variable: Variable,
        fired: tuple[EventTriggerEnumType, bool | None],
        wall: datetime,
    ) -> EventDataType:
        trigger, cleared = fired
        event_id = self._next_event_id
        self._next_event_id += 1
        return EventDataType(
            event_id=event_id,
            timestamp=wall.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            trigger=trigger,
            actual_value=variable.actual[:2500],
            component=monitor.key.component_type(),
            event_notification_type=monitor.origin,
            variable=monitor.key.variable_type(),
            cleared=cleared,
            variable_monitoring_id=monitor.id,
        )


def _within(variable: Variable, value: float) -> bool:
    low = -math.inf if variable.min_limit is None else variable.min_limit
    high = math.inf if variable.max_limit is None else variable.max_limit
    return low <= value <= high


def _threshold(
    monitor: Monitor, variable: Variable
) -> tuple[EventTriggerEnumType, bool | None] | None:
    number = variable.numeric()
    if number is None:
        return None
    if monitor.type == Kind.UpperThreshold:
        crossed = number > monitor.value
    else:
        crossed = number < monitor.value
    if crossed == monitor.tripped:
        return None
    monitor.tripped = crossed
    return EventTriggerEnumType.Alerting, not crossed


def _delta(monitor: Monitor, variable: Variable) -> tuple[EventTriggerEnumType, bool | None] | None:
    now, before = variable.actual, monitor.reference
    if now == before:
        return None
    number = variable.numeric()
    if number is not None and before is not None:
        try:
            moved = abs(number - float(before))
        except ValueError:
            moved = math.inf
        if moved < monitor.value:
            return None
    monitor.reference = now
    return EventTriggerEnumType.Delta, None


def _first_due(monitor: Monitor, now: float) -> float:
    """The next moment a periodic monitor reports: one period on (Periodic), or the next
    multiple of the period (PeriodicClockAligned, epoch seconds: midnight UTC is a multiple of
    every period that divides a day)."""
    if monitor.type == Kind.Periodic:
        return now + monitor.value
    return (math.floor(now / monitor.value) + 1) * monitor.value


PROBLEM = Key("ChargingStation", "Problem")
# The monitors a station comes with: a Delta monitor on ChargingStation.Problem (shared: a
# station's monitoring keeps its own copy of each, see ``Monitoring``).
PRECONFIGURED_MONITORS = (Monitor(1, PROBLEM, MonitorEnumType.Delta, 1.0, 2),)


def preconfigured_monitors() -> list[Monitor]:
    """The monitors a station comes with."""
    return list(PRECONFIGURED_MONITORS)
