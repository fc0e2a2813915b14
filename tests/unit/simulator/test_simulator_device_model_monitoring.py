"""Variable monitoring, pure (N02-N08): statuses of SetVariableMonitoring, events of threshold,
delta and periodic monitors, severity level, monitoring base, reports."""

from __future__ import annotations

from datetime import UTC, datetime

from wire import assert_schema_valid

from ocppkit.protocol.models import (
    EventDataType,
    MonitoringBaseEnumType,
    SetMonitoringDataType,
)
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator.device import DeviceModel, Key, StationSpec, standard_variables
from ocppkit.simulator.monitoring import Monitoring, preconfigured_monitors

POWER = Key("EVSE", "Power", 1)
T0 = datetime(2025, 1, 1, tzinfo=UTC)


class Live:
    """A live value to bind into the device model."""

    def __init__(self) -> None:
        self.value = "0"

    def __call__(self) -> str:
        return self.value


def setup() -> tuple[DeviceModel, Monitoring, Live]:
    dm = DeviceModel(standard_variables(StationSpec("CP-1")))
    power = Live()
    dm.bind(POWER, power)
    return dm, Monitoring(dm, preconfigured_monitors()), power


def monitor(
    kind: str, value: float, component: dict[str, object] | None = None, **extra: object
) -> SetMonitoringDataType:
    return SetMonitoringDataType.model_validate(
        {
            "value": value,
            "type": kind,
            "severity": extra.pop("severity", 5),
            "component": component or {"name": "EVSE", "evse": {"id": 1}},
            "variable": {"name": extra.pop("variable", "Power")},
            **extra,
        }
    )


def status(mon: Monitoring, data: SetMonitoringDataType) -> tuple[str, int | None]:
    result = mon.set(data)
    assert_schema_valid(
        "SetVariableMonitoringResponse", {"setMonitoringResult": [to_wire_dict(result)]}
    )
    return result.status, result.id


def valid(events: list[EventDataType]) -> list[EventDataType]:
    if events:
        payload = {
            "generatedAt": "2025-01-01T00:00:00Z",
            "seqNo": 0,
            "eventData": [to_wire_dict(e) for e in events],
        }
        assert_schema_valid("NotifyEventRequest", payload)
    return events


def test_set_variable_monitoring_statuses_n04() -> None:
    _, mon, _ = setup()
    assert status(mon, monitor("UpperThreshold", 5000)) == ("Accepted", 2)  # 1: preconfigured
    assert status(mon, monitor("UpperThreshold", 5000))[0] == "Duplicate"
    assert status(mon, monitor("UpperThreshold", 4000, id=2)) == ("Accepted", 2)  # replaced
    assert status(mon, monitor("UpperThreshold", 1, id=99))[0] == "Rejected"
    assert status(mon, monitor("UpperThreshold", 1e9))[0] == "Rejected"  # above maxLimit
    assert status(mon, monitor("LowerThreshold", 1, severity=10))[0] == "Rejected"
    assert status(mon, monitor("Periodic", 0))[0] == "Rejected"
    nope = monitor("Delta", 1, {"name": "Nope"})
    assert status(mon, nope)[0] == "UnknownComponent"
    assert status(mon, monitor("Delta", 1, variable="Nope"))[0] == "UnknownVariable"
    boolean = monitor("UpperThreshold", 1, {"name": "ChargingStation"}, variable="Problem")
    assert status(mon, boolean)[0] == "UnsupportedMonitorType"
    cleared = mon.clear([2, 77])
    assert [(c.status, c.id) for c in cleared] == [("Accepted", 2), ("NotFound", 77)]


def test_upper_threshold_alerts_once_and_clears_n07() -> None:
    _, mon, power = setup()
    status(mon, monitor("UpperThreshold", 5000))
    assert mon.needs_polling
    assert valid(mon.evaluate(0, T0, False)) == []
    power.value = "7000.0"
    (event,) = valid(mon.evaluate(1, T0, False))
    assert (event.trigger, event.actual_value, event.cleared) == ("Alerting", "7000.0", False)
    assert event.event_notification_type == "CustomMonitor" and event.variable_monitoring_id == 2
    assert mon.evaluate(2, T0, False) == []  # still above: no second event
    power.value = "100"
    (back,) = valid(mon.evaluate(3, T0, False))
    assert back.cleared is True and back.event_id == event.event_id + 1


def test_delta_and_lower_threshold_n08() -> None:
    _, mon, power = setup()
    status(mon, monitor("Delta", 1000))
    status(mon, monitor("LowerThreshold", 50, severity=3))
    assert [e.trigger for e in mon.evaluate(0, T0, False)] == ["Alerting"]  # 0 < 50
    power.value = "900"
    assert [e.trigger for e in mon.evaluate(1, T0, False)] == ["Alerting"]  # cleared only
    power.value = "1200"
    assert [e.trigger for e in mon.evaluate(2, T0, False)] == ["Delta"]
    power.value = "1900"
    assert mon.evaluate(3, T0, False) == []  # moved 700 from the last reported 1200


def test_periodic_monitors_and_transaction_only() -> None:
    _, mon, _ = setup()
    status(mon, monitor("Periodic", 10))
    status(mon, monitor("PeriodicClockAligned", 60, transaction=True))
    assert mon.evaluate(100, T0, True) == []  # armed: first report one period on
    assert mon.evaluate(105, T0, True) == []
    at = T0.replace(minute=1)
    fired = valid(mon.evaluate(110, at, True))
    assert sorted(e.variable_monitoring_id for e in fired) == [2, 3]
    assert all(e.trigger == "Periodic" for e in fired)
    later = T0.replace(minute=2)
    assert [e.variable_monitoring_id for e in mon.evaluate(120, later, False)] == [2]


def test_monitoring_level_filters_by_severity_n05() -> None:
    _, mon, power = setup()
    status(mon, monitor("UpperThreshold", 10, severity=7))
    assert mon.set_level(5) and not mon.set_level(10)
    power.value = "20"
    assert mon.evaluate(0, T0, False) == []


def test_monitoring_base_and_report_n02_n03() -> None:
    dm, mon, _ = setup()
    status(mon, monitor("UpperThreshold", 10))
    status(mon, monitor("Delta", 5))
    assert [d.variable.name for d in mon.report(None, None)] == ["Problem", "Power"]
    thresholds = mon.report(None, ["ThresholdMonitoring"])
    assert [[m.type for m in d.variable_monitoring] for d in thresholds] == [["UpperThreshold"]]
    selector = [{"component": {"name": "EVSE"}, "variable": {"name": "Power"}}]
    from ocppkit.protocol.models import ComponentVariableType

    picked = mon.report([ComponentVariableType.model_validate(s) for s in selector], None)
    assert len(picked) == 1 and len(picked[0].variable_monitoring) == 2
    payload = {
        "requestId": 1,
        "seqNo": 0,
        "generatedAt": "2025-01-01T00:00:00Z",
        "monitor": [to_wire_dict(d) for d in picked],
    }
    assert_schema_valid("NotifyMonitoringReportRequest", payload)
    mon.set_base(MonitoringBaseEnumType.FactoryDefault)
    assert sorted(mon.monitors) == [1]  # custom monitors gone, the preconfigured one back
    mon.set_base(MonitoringBaseEnumType.HardWiredOnly)
    assert mon.monitors == {} and mon.report(None, None) == []
    dm.set_value(("ChargingStation", "Problem"), "true")
    assert mon.evaluate(0, T0, False) == []
