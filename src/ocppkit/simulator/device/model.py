"""The station's device model: its variables addressed by ``Key``, GetVariables and SetVariables
(B06, B05), change listeners, and typed accessors for the settings that drive behaviour, pure.

Values are wire strings; the station reads a setting each time it acts on it (heartbeat, sample,
reconnect, remote start), so an accepted SetVariables takes effect at the next such moment, and
listeners (``listen``) hear of every change at once (the heartbeat timer restarts, the aligned-data
clock re-aligns, monitors are checked, the state file is written).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ocppkit.protocol.models import (
    AttributeEnumType,
    ComponentType,
    GetVariableDataType,
    GetVariableResultType,
    GetVariableStatusEnumType,
    SetVariableDataType,
    SetVariableResultType,
    SetVariableStatusEnumType,
    StatusInfoType,
    VariableType,
)
from ocppkit.simulator.device.variables import InvalidValue, Key, Mutability, Variable

GetStatus = GetVariableStatusEnumType
SetStatus = SetVariableStatusEnumType
Actual = AttributeEnumType.Actual
Listener = Callable[[Key], None]
KeyLike = Key | tuple[str, str]  # a (component, variable) pair names a variable of no EVSE

COMM = "OCPPCommCtrlr"
HEARTBEAT_INTERVAL = Key(COMM, "HeartbeatInterval")
TX_UPDATED_INTERVAL = Key("SampledDataCtrlr", "TxUpdatedInterval")
TX_STARTED_MEASURANDS = Key("SampledDataCtrlr", "TxStartedMeasurands")
TX_UPDATED_MEASURANDS = Key("SampledDataCtrlr", "TxUpdatedMeasurands")
TX_ENDED_MEASURANDS = Key("SampledDataCtrlr", "TxEndedMeasurands")
ALIGNED_INTERVAL = Key("AlignedDataCtrlr", "Interval")
ALIGNED_MEASURANDS = Key("AlignedDataCtrlr", "Measurands")
ALIGNED_SEND_DURING_IDLE = Key("AlignedDataCtrlr", "SendDuringIdle")
AUTHORIZE_REMOTE_START = Key("AuthCtrlr", "AuthorizeRemoteStart")
LOCAL_PRE_AUTHORIZE = Key("AuthCtrlr", "LocalPreAuthorize")
LOCAL_AUTHORIZE_OFFLINE = Key("AuthCtrlr", "LocalAuthorizeOffline")
OFFLINE_TX_FOR_UNKNOWN_ID = Key("AuthCtrlr", "OfflineTxForUnknownIdEnabled")
EV_CONNECTION_TIMEOUT = Key("TxCtrlr", "EVConnectionTimeOut")
TX_START_POINT = Key("TxCtrlr", "TxStartPoint")
TX_STOP_POINT = Key("TxCtrlr", "TxStopPoint")
RETRY_WAIT_MINIMUM = Key(COMM, "RetryBackOffWaitMinimum")
RETRY_RANDOM_RANGE = Key(COMM, "RetryBackOffRandomRange")
RETRY_REPEAT_TIMES = Key(COMM, "RetryBackOffRepeatTimes")


@dataclass(frozen=True, slots=True)
class RetryBackOff:
    """OCPPCommCtrlr.RetryBackOff*: the first reconnect waits ``wait_minimum`` plus a random
    part up to ``random_range``; the wait doubles after each failure, ``repeat_times`` times."""

    wait_minimum: float
    random_range: float
    repeat_times: int


def _info(reason: str, detail: str | None = None) -> StatusInfoType:
    return StatusInfoType(reason_code=reason, additional_info=detail[:512] if detail else None)


def _key(key: KeyLike) -> Key:
    return key if isinstance(key, Key) else Key(*key)


def _restore(variable: Variable, values: dict[str, str]) -> int:
    taken = 0
    for kind, raw in values.items():
        known = kind in AttributeEnumType.__members__
        attr = variable.attributes.get(AttributeEnumType(kind)) if known else None
        if attr is None or attr.mutability == Mutability.ReadOnly:
            continue
        try:
            attr.value = variable.normalise(raw)
        except InvalidValue:
            continue
        taken += 1
    return taken


class DeviceModel:
    """The station's variables.

    Args:
        variables: every variable the station has (see ``catalog.standard_variables``).
    """

    def __init__(self, variables: Iterable[Variable]) -> None:
        self._vars: dict[Key, Variable] = {v.key: v for v in variables}
        self._components = {key.component_key for key in self._vars}
        self._listeners: list[Listener] = []

    def __iter__(self) -> Iterator[Variable]:
        return iter(self._vars.values())

    def __len__(self) -> int:
        return len(self._vars)

    # --- inside the station ---

    def listen(self, listener: Listener) -> None:
        """Call ``listener(key)`` after every change of a stored value."""
        self._listeners.append(listener)

    def bind(self, key: KeyLike, source: Callable[[], str]) -> None:
        """Make ``source()`` the live Actual value of a ReadOnly variable.

        Raises:
            KeyError: the station has no such variable.
        """
        self._vars[_key(key)].source = source

    def find(self, key: KeyLike) -> Variable | None:
        """The variable at ``key``, if the station has it."""
        return self._vars.get(_key(key))

    def value(self, key: KeyLike) -> str:
        """The Actual value of a variable the station defines.

        Raises:
            KeyError: the station has no such variable.
        """
        return self._vars[_key(key)].actual

    def set_value(self, key: KeyLike, value: str) -> None:
        """Set a variable's Actual value from inside the station (e.g. the heartbeat interval a
        BootNotificationResponse gave); listeners hear of it.

        Raises:
            KeyError: the station has no such variable.
        """
        variable = self._vars[_key(key)]
        variable.attributes[Actual].value = value
        self._changed(variable.key)

    def _changed(self, key: Key) -> None:
        for listener in self._listeners:
            listener(key)

    # --- the CSMS's view (B05, B06) ---

    def lookup(self, component: ComponentType, variable: VariableType) -> Variable | GetStatus:
        """The variable a wire component and variable address, or why there is none."""
        key = Key.of(component, variable)
        if key.component_key not in self._components:
            return GetStatus.UnknownComponent
        found = self._vars.get(key)
        return GetStatus.UnknownVariable if found is None else found

    def get(self, data: GetVariableDataType) -> GetVariableResultType:
        """One GetVariables result (B06): the value, or UnknownComponent, UnknownVariable,
        NotSupportedAttributeType, or Rejected for a WriteOnly attribute."""
        attribute = data.attribute_type or Actual
        result = GetVariableResultType(
            attribute_status=GetStatus.Accepted,
            component=data.component,
            variable=data.variable,
            attribute_type=attribute,
        )
        found = self.lookup(data.component, data.variable)
        if not isinstance(found, Variable):
            result.attribute_status = found
        elif attribute not in found.attributes:
            result.attribute_status = GetStatus.NotSupportedAttributeType
        elif found.attributes[attribute].mutability == Mutability.WriteOnly:
            result.attribute_status = GetStatus.Rejected
            result.attribute_status_info = _info("WriteOnly")
        else:
            result.attribute_value = found.value_of(attribute)
        return result

    def set(self, data: SetVariableDataType) -> SetVariableResultType:
        """Apply one SetVariables entry (B05): Accepted (RebootRequired for a variable that
        takes effect after a reboot), Rejected (read-only, wrong type, out of range, not in the
        values list), UnknownComponent, UnknownVariable or NotSupportedAttributeType."""
        attribute = data.attribute_type or Actual
        result = SetVariableResultType(
            attribute_status=SetStatus.Accepted,
            component=data.component,
            variable=data.variable,
            attribute_type=attribute,
        )
        found = self.lookup(data.component, data.variable)
        if not isinstance(found, Variable):
            result.attribute_status = SetStatus(found.value)
            return result
        if attribute not in found.attributes:
            result.attribute_status = SetStatus.NotSupportedAttributeType
            return result
        if found.attributes[attribute].mutability == Mutability.ReadOnly:
            result.attribute_status = SetStatus.Rejected
            result.attribute_status_info = _info("ReadOnly")
            return result
        try:
            value = found.normalise(data.attribute_value)
        except InvalidValue as exc:
            result.attribute_status = SetStatus.Rejected
            result.attribute_status_info = _info(exc.reason, str(exc))
            return result
        found.attributes[attribute].value = value
        if found.reboot_required:
            result.attribute_status = SetStatus.RebootRequired
        self._changed(found.key)
        return result

    # --- persistence (state_dir) ---

    def persistent_values(self) -> dict[str, dict[str, str]]:
        """Every writable attribute value, by variable label and attribute type."""
        return {
            v.key.label(): {
                kind.value: attr.value
                for kind, attr in v.attributes.items()
                if attr.mutability != Mutability.ReadOnly
            }
            for v in self._vars.values()
            if v.writable and v.source is None
        }

    def restore(self, values: dict[str, dict[str, str]]) -> int:
        """Take back values saved by ``persistent_values``; unknown or no longer valid ones are
        skipped. Returns how many were taken."""
        by_label = {v.key.label(): v for v in self._vars.values()}
        taken = 0
        for label, attributes in values.items():
            variable = by_label.get(label)
            if variable is not None:
                taken += _restore(variable, attributes)
        return taken

    # --- settings that drive behaviour ---

    def integer(self, key: KeyLike) -> int:
        """An integer setting."""
        return int(self.value(key))

    def number(self, key: KeyLike) -> float:
        """A decimal (or integer) setting."""
        return float(self.value(key))

    def flag(self, key: KeyLike) -> bool:
        """A boolean setting."""
        return self.value(key) == "true"

    def members(self, key: KeyLike) -> tuple[str, ...]:
        """The members of a MemberList or SequenceList setting, in order."""
        text = self.value(key)
        return tuple(text.split(",")) if text else ()

    @property
    def heartbeat_interval(self) -> float:
        """OCPPCommCtrlr.HeartbeatInterval (s)."""
        return self.number(HEARTBEAT_INTERVAL)

    @property
    def tx_updated_interval(self) -> float:
        """SampledDataCtrlr.TxUpdatedInterval (s); 0: no periodic samples."""
        return self.number(TX_UPDATED_INTERVAL)

    @property
    def aligned_interval(self) -> int:
        """AlignedDataCtrlr.Interval (s); 0: no clock-aligned meter values."""
        return self.integer(ALIGNED_INTERVAL)

    @property
    def authorize_remote_start(self) -> bool:
        """AuthCtrlr.AuthorizeRemoteStart: a remote start is Authorized first (F01.FR.02)."""
        return self.flag(AUTHORIZE_REMOTE_START)

    @property
    def local_pre_authorize(self) -> bool:
        """AuthCtrlr.LocalPreAuthorize: start at once on a locally known idToken (C02)."""
        return self.flag(LOCAL_PRE_AUTHORIZE)

    @property
    def local_authorize_offline(self) -> bool:
        """AuthCtrlr.LocalAuthorizeOffline: offline, idTokens known locally may start."""
        return self.flag(LOCAL_AUTHORIZE_OFFLINE)

    @property
    def offline_tx_for_unknown_id(self) -> bool:
        """AuthCtrlr.OfflineTxForUnknownIdEnabled: offline, unknown idTokens may start (C15)."""
        return self.flag(OFFLINE_TX_FOR_UNKNOWN_ID)

    @property
    def ev_connection_timeout(self) -> float:
        """TxCtrlr.EVConnectionTimeOut (s): how long an authorization waits for the EV."""
        return self.number(EV_CONNECTION_TIMEOUT)

    @property
    def tx_start_points(self) -> frozenset[str]:
        """TxCtrlr.TxStartPoint: the events that start a transaction (E01)."""
        return frozenset(self.members(TX_START_POINT))

    @property
    def tx_stop_points(self) -> frozenset[str]:
        """TxCtrlr.TxStopPoint: the events that end a transaction (E06)."""
        return frozenset(self.members(TX_STOP_POINT))

    def retry_backoff(self) -> RetryBackOff:
        """OCPPCommCtrlr.RetryBackOffWaitMinimum, RandomRange and RepeatTimes (B04/A06)."""
        return RetryBackOff(
            self.number(RETRY_WAIT_MINIMUM),
            self.number(RETRY_RANDOM_RANGE),
            self.integer(RETRY_REPEAT_TIMES),
        )

    def items_per_message(self, component: str, action: str) -> int:
        """ItemsPerMessage(``action``) of DeviceDataCtrlr or MonitoringCtrlr."""
        return self.integer(Key(component, "ItemsPerMessage", variable_instance=action))

    def bytes_per_message(self, component: str, action: str) -> int:
        """BytesPerMessage(``action``) of DeviceDataCtrlr or MonitoringCtrlr."""
        return self.integer(Key(component, "BytesPerMessage", variable_instance=action))
