"""The small device model: GetVariables, SetVariables and reports."""

from __future__ import annotations

from wire import assert_schema_valid

from ocppkit.protocol.models import (
    GetVariableDataType,
    ReportBaseEnumType,
    SetVariableDataType,
)
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator.device_model import HEARTBEAT_INTERVAL, DeviceModel, standard_variables


def model() -> DeviceModel:
    return DeviceModel(standard_variables("CP-1", 3, 300, 0.5))


def get(dm: DeviceModel, component: str, variable: str, **extra: object) -> tuple[str, str | None]:
    data = GetVariableDataType.model_validate(
        {"component": {"name": component}, "variable": {"name": variable}, **extra}
    )
    result = dm.get(data)
    return result.attribute_status, result.attribute_value


def put(dm: DeviceModel, component: str, variable: str, value: str) -> str:
    data = SetVariableDataType.model_validate(
        {"component": {"name": component}, "variable": {"name": variable}, "attributeValue": value}
    )
    return dm.set(data).attribute_status


def test_get_known_unknown_and_unsupported_attributes() -> None:
    dm = model()
    assert get(dm, "OCPPCommCtrlr", "HeartbeatInterval") == ("Accepted", "300")
    assert get(dm, "SampledDataCtrlr", "TxUpdatedInterval") == ("Accepted", "0.5")
    assert get(dm, "Nope", "HeartbeatInterval") == ("UnknownComponent", None)
    assert get(dm, "OCPPCommCtrlr", "Nope") == ("UnknownVariable", None)
    assert get(dm, "OCPPCommCtrlr", "HeartbeatInterval", attributeType="Target") == (
        "NotSupportedAttributeType",
        None,
    )


def test_set_validates_and_respects_mutability() -> None:
    dm = model()
    assert put(dm, "OCPPCommCtrlr", "HeartbeatInterval", "30") == "Accepted"
    assert dm.value(HEARTBEAT_INTERVAL) == "30"
    for bad in ("0", "-5", "ten", "²", "1.5"):
        assert put(dm, "OCPPCommCtrlr", "HeartbeatInterval", bad) == "Rejected"
    assert put(dm, "SampledDataCtrlr", "TxUpdatedInterval", "0.25") == "Accepted"
    assert put(dm, "SecurityCtrlr", "Identity", "other") == "Rejected"
    assert put(dm, "Nope", "X", "1") == "UnknownComponent"


def test_reports_are_schema_valid() -> None:
    dm = model()
    full = dm.base_report(ReportBaseEnumType.FullInventory)
    config = dm.base_report(ReportBaseEnumType.ConfigurationInventory)
    assert full is not None and config is not None and len(config) < len(full)
    assert dm.base_report(ReportBaseEnumType.SummaryInventory) is None
    payload = {
        "requestId": 1,
        "generatedAt": "2025-01-01T00:00:00Z",
        "seqNo": 0,
        "reportData": [to_wire_dict(r) for r in full],
    }
    assert_schema_valid("NotifyReportRequest", payload)
    assert dm.custom_report(None, ["Problem"]) == []
    assert len(dm.custom_report(None, ["Active"])) == len(full)
