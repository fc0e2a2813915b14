"""The device model: the standard catalog, GetVariables/SetVariables statuses (B05/B06),
message limits, reports (B07/B08), measurand selection and the state file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wire import assert_schema_valid

from ocppkit.protocol.errors import FormatViolationError, OccurenceConstraintViolationError
from ocppkit.protocol.models import (
    ComponentVariableType,
    GetVariableDataType,
    GetVariablesRequest,
    ReadingContextEnumType,
    ReportBaseEnumType,
    SetVariableDataType,
)
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator.device import DeviceModel, DeviceModelStore, Key, StationSpec
from ocppkit.simulator.device import standard_variables as catalog
from ocppkit.simulator.device.model import HEARTBEAT_INTERVAL, TX_UPDATED_INTERVAL
from ocppkit.simulator.device.reports import (
    base_report,
    check_limits,
    custom_report,
    parts,
)
from ocppkit.simulator.device.sampling import pick
from ocppkit.simulator.transactions import sampled_values

STANDARD = {
    "OCPPCommCtrlr", "TxCtrlr", "SampledDataCtrlr", "AlignedDataCtrlr", "AuthCtrlr",
    "AuthCacheCtrlr", "LocalAuthListCtrlr", "SmartChargingCtrlr", "ReservationCtrlr",
    "DeviceDataCtrlr", "SecurityCtrlr", "ChargingStation", "EVSE", "Connector",
    "MonitoringCtrlr", "DisplayMessageCtrlr", "ClockCtrlr", "CustomizationCtrlr",
    "TariffCostCtrlr",
}  # fmt: skip


def model(evses: int = 2) -> DeviceModel:
    return DeviceModel(catalog(StationSpec("CP-1", evse_count=evses, sample_s=0.5)))


def wire_component(name: str, evse: int | None, connector: int | None) -> dict[str, object]:
    component: dict[str, object] = {"name": name}
    if evse is not None:
        component["evse"] = {"id": evse} | ({"connectorId": connector} if connector else {})
    return component


def get(dm: DeviceModel, component: str, variable: str, **extra: object) -> tuple[str, str | None]:
    evse, connector = extra.pop("evse", None), extra.pop("connector", None)
    instance = extra.pop("instance", None)
    data = GetVariableDataType.model_validate(
        {
            "component": wire_component(component, evse, connector),  # type: ignore[arg-type]
            "variable": {"name": variable} | ({"instance": instance} if instance else {}),
            **extra,
        }
    )
    result = dm.get(data)
    assert_schema_valid("GetVariablesResponse", {"getVariableResult": [to_wire_dict(result)]})
    return result.attribute_status, result.attribute_value


def put(dm: DeviceModel, component: str, variable: str, value: str, **extra: object) -> str:
    evse = extra.pop("evse", None)
    data = SetVariableDataType.model_validate(
        {
            "component": wire_component(component, evse, None),  # type: ignore[arg-type]
            "variable": {"name": variable},
            "attributeValue": value,
            **extra,
        }
    )
    result = dm.set(data)
    assert_schema_valid("SetVariablesResponse", {"setVariableResult": [to_wire_dict(result)]})
    return result.attribute_status


def test_catalog_has_the_standard_components_per_evse_and_connector() -> None:
    dm = model(evses=2)
    assert {v.key.component for v in dm} == STANDARD
    evses = {(v.key.evse, v.key.connector) for v in dm if v.key.component == "EVSE"}
    connectors = {(v.key.evse, v.key.connector) for v in dm if v.key.component == "Connector"}
    assert evses == {(1, None), (2, None)} and connectors == {(1, 1), (2, 1)}
    heartbeat = dm.find(HEARTBEAT_INTERVAL)
    assert heartbeat is not None and heartbeat.unit == "s" and heartbeat.data_type == "integer"
    power = dm.find(Key("EVSE", "Power", 1))
    assert power is not None and set(power.attributes) == {"Actual", "MaxSet"}
    assert power.max_limit == pytest.approx(230 * 16 * 3)


def test_get_variables_statuses_b06() -> None:
    dm = model()
    assert get(dm, "OCPPCommCtrlr", "HeartbeatInterval") == ("Accepted", "300")
    assert get(dm, "SampledDataCtrlr", "TxUpdatedInterval") == ("Accepted", "0.5")
    assert get(dm, "OCPPCommCtrlr", "MessageTimeout", instance="Default") == ("Accepted", "30")
    assert get(dm, "EVSE", "Power", evse=1, attributeType="MaxSet") == ("Accepted", "11040")
    assert get(dm, "Connector", "ConnectorType", evse=2, connector=1) == ("Accepted", "cType2")
    assert get(dm, "Nope", "HeartbeatInterval") == ("UnknownComponent", None)
    assert get(dm, "OCPPCommCtrlr", "HeartbeatInterval", evse=1)[0] == "UnknownComponent"
    assert get(dm, "EVSE", "Power", evse=3)[0] == "UnknownComponent"
    assert get(dm, "OCPPCommCtrlr", "Nope") == ("UnknownVariable", None)
    assert get(dm, "OCPPCommCtrlr", "MessageTimeout")[0] == "UnknownVariable"  # instance missing
    target = get(dm, "OCPPCommCtrlr", "HeartbeatInterval", attributeType="Target")
    assert target == ("NotSupportedAttributeType", None)
    assert get(dm, "SecurityCtrlr", "BasicAuthPassword") == ("Rejected", None)  # WriteOnly


def test_set_variables_statuses_b05() -> None:
    dm = model()
    assert put(dm, "OCPPCommCtrlr", "HeartbeatInterval", " 30") == "Accepted"
    assert dm.value(HEARTBEAT_INTERVAL) == "30" and dm.heartbeat_interval == 30
    for bad in ("0", "-5", "ten", "²", "1.5", ""):  # B05.FR.07: bad type or out of range
        assert put(dm, "OCPPCommCtrlr", "HeartbeatInterval", bad) == "Rejected"
    assert put(dm, "SampledDataCtrlr", "TxUpdatedInterval", "0.25") == "Accepted"
    assert dm.tx_updated_interval == 0.25
    assert put(dm, "AuthCtrlr", "AuthorizeRemoteStart", "TRUE") == "Accepted"
    assert dm.authorize_remote_start is True
    assert put(dm, "AuthCtrlr", "AuthorizeRemoteStart", "yes") == "Rejected"
    assert put(dm, "SampledDataCtrlr", "TxUpdatedMeasurands", "Voltage,Foo") == "Rejected"
    assert put(dm, "SampledDataCtrlr", "TxUpdatedMeasurands", "Voltage,Voltage") == "Rejected"
    assert put(dm, "SampledDataCtrlr", "TxUpdatedMeasurands", "Voltage") == "Accepted"
    assert put(dm, "AuthCacheCtrlr", "Policy", "FIFO") == "Accepted"
    assert put(dm, "AuthCacheCtrlr", "Policy", "Random") == "Rejected"
    assert put(dm, "SmartChargingCtrlr", "LimitChangeSignificance", "101") == "Rejected"
    assert put(dm, "SecurityCtrlr", "Identity", "other") == "Rejected"  # ReadOnly
    assert put(dm, "EVSE", "Power", "10", evse=1) == "Rejected"
    assert put(dm, "SecurityCtrlr", "BasicAuthPassword", "secret-0123456789") == "RebootRequired"
    assert put(dm, "OCPPCommCtrlr", "NetworkConfigurationPriority", "1") == "RebootRequired"
    assert put(dm, "OCPPCommCtrlr", "HeartbeatInterval", "5", attributeType="MinSet") == (
        "NotSupportedAttributeType"
    )
    assert put(dm, "Nope", "X", "1") == "UnknownComponent"
    assert put(dm, "TxCtrlr", "Nope", "1") == "UnknownVariable"


def test_settings_are_typed_and_tuple_keys_work() -> None:
    dm = model()
    assert dm.value(("AuthCtrlr", "LocalPreAuthorize")) == "false"
    assert dm.tx_start_points == {"PowerPathClosed"}
    assert dm.tx_stop_points == {"EVConnected", "Authorized"}
    backoff = DeviceModel(catalog(StationSpec("X", backoff_min_s=1, backoff_max_s=60)))
    assert backoff.retry_backoff().repeat_times == 6  # 1 s doubled 6 times reaches 60 s
    assert not dm.offline_tx_for_unknown_id and dm.ev_connection_timeout == 60
    with pytest.raises(KeyError):
        dm.value(("AuthCtrlr", "Nope"))
    seen: list[Key] = []
    dm.listen(seen.append)
    dm.set_value(TX_UPDATED_INTERVAL, "2")
    assert seen == [TX_UPDATED_INTERVAL]


def test_items_and_bytes_per_message_b06_fr_03_04() -> None:
    dm = model()
    item = {"component": {"name": "TxCtrlr"}, "variable": {"name": "TxStartPoint"}}
    fifty = GetVariablesRequest.model_validate({"getVariableData": [item] * 50})
    check_limits(dm, "DeviceDataCtrlr", "GetVariables", fifty, 50)
    more = GetVariablesRequest.model_validate({"getVariableData": [item] * 51})
    with pytest.raises(OccurenceConstraintViolationError):
        check_limits(dm, "DeviceDataCtrlr", "GetVariables", more, 51)
    big = {"component": {"name": "x" * 50}, "variable": {"name": "y" * 50, "instance": "z" * 50}}
    heavy = GetVariablesRequest.model_validate({"getVariableData": [big] * 50})
    dm.find(Key("DeviceDataCtrlr", "BytesPerMessage", variable_instance="GetVariables"))
    dm.set_value(Key("DeviceDataCtrlr", "BytesPerMessage", variable_instance="GetVariables"), "999")
    with pytest.raises(FormatViolationError):
        check_limits(dm, "DeviceDataCtrlr", "GetVariables", heavy, 50)


def test_base_reports_b07_are_schema_valid_and_match_get_variables() -> None:
    dm = model()
    full = base_report(dm, ReportBaseEnumType.FullInventory)
    config = base_report(dm, ReportBaseEnumType.ConfigurationInventory)
    summary = base_report(dm, ReportBaseEnumType.SummaryInventory)
    assert len(summary) < len(config) < len(full) == len(dm)
    assert {r.variable.name for r in summary} == {"AvailabilityState", "Available", "Problem"}
    for chunk in parts(full, 50):
        payload = {
            "requestId": 1,
            "generatedAt": "2025-01-01T00:00:00Z",
            "seqNo": 0,
            "reportData": [to_wire_dict(r) for r in chunk],
        }
        assert_schema_valid("NotifyReportRequest", payload)
    for data in full:
        for attribute in data.variable_attribute:
            got = dm.get(
                GetVariableDataType(
                    component=data.component, variable=data.variable, attribute_type=attribute.type
                )
            )
            expected = "Rejected" if attribute.mutability == "WriteOnly" else "Accepted"
            assert (got.attribute_status, got.attribute_value) == (expected, attribute.value)


def test_custom_reports_b08_filter_by_component_variable_and_criteria() -> None:
    dm = model()

    def cv(**fields: object) -> ComponentVariableType:
        return ComponentVariableType.model_validate(fields)

    every_evse = custom_report(dm, [cv(component={"name": "EVSE"})], None)
    assert {r.component.evse.id for r in every_evse if r.component.evse} == {1, 2}
    one = custom_report(dm, [cv(component={"name": "EVSE", "evse": {"id": 2}})], None)
    assert {r.component.evse.id for r in one if r.component.evse} == {2}
    timeout = cv(component={"name": "OCPPCommCtrlr"}, variable={"name": "MessageTimeout"})
    assert [r.variable.instance for r in custom_report(dm, [timeout], None)] == ["Default"]
    assert custom_report(dm, [cv(component={"name": "Nope"})], None) == []
    assert custom_report(dm, None, ["Problem"]) == []
    assert len(custom_report(dm, None, ["Active", "Available"])) == len(dm)
    dm.bind(Key("ChargingStation", "Problem"), lambda: "true")
    problems = custom_report(dm, None, ["Problem"])
    assert problems and {r.component.name for r in problems} == {"ChargingStation"}


def test_parts_cut_in_order() -> None:
    assert parts([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert parts([], 2) == [[]]


def test_measurands_pick_from_the_full_sample() -> None:
    from random import Random

    from ocppkit.simulator.meter import MeterModel

    meter = MeterModel(3, 230.0, 16.0, Random(1))
    values = sampled_values(meter, 10.0, ReadingContextEnumType.Sample_Clock)
    chosen = pick(values, ["Voltage", "Energy.Active.Import.Register"])
    assert [v.measurand for v in chosen] == ["Energy.Active.Import.Register", "Voltage"]
    assert pick(values, []) == []


def test_state_file_round_trip_is_atomic(tmp_path: Path) -> None:
    dm = model()
    store = DeviceModelStore(tmp_path / "state", "CP/1")
    store.attach(dm)
    assert put(dm, "OCPPCommCtrlr", "HeartbeatInterval", "42") == "Accepted"
    assert put(dm, "SecurityCtrlr", "BasicAuthPassword", "secret-0123456789") == "RebootRequired"
    files = sorted(p.name for p in (tmp_path / "state").iterdir())
    assert files == ["CP_1.device-model.json"]  # no temporary file is left behind
    saved = json.loads(store.path.read_text())["variables"]
    assert saved["OCPPCommCtrlr/HeartbeatInterval"] == {"Actual": "42"}
    assert "SecurityCtrlr/Identity" not in saved  # ReadOnly values are not kept
    again = model()
    assert DeviceModelStore(tmp_path / "state", "CP/1").load_into(again) > 0
    assert again.heartbeat_interval == 42
    assert (
        again.find(Key("SecurityCtrlr", "BasicAuthPassword"))
        .attributes[  # type: ignore[union-attr]
            "Actual"
        ]
        .value
        == "secret-0123456789"
    )


def test_a_bad_state_file_is_ignored(tmp_path: Path) -> None:
    store = DeviceModelStore(tmp_path, "CP-1")
    store.path.write_text("{not json")
    dm = model()
    assert store.load_into(dm) == 0
    store.path.write_text(
        json.dumps(
            {
                "variables": {
                    "OCPPCommCtrlr/HeartbeatInterval": {"Actual": "-1", "Bogus": "1"},
                    "SecurityCtrlr/Identity": {"Actual": "evil"},
                    "No/Such": {"Actual": "1"},
                }
            }
        )
    )
    assert store.load_into(dm) == 0
    assert dm.heartbeat_interval == 300 and dm.value(("SecurityCtrlr", "Identity")) == "CP-1"
