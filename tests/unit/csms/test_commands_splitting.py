"""Splitting list requests per ItemsPerMessage / BytesPerMessage, and merging the answers
(B05.FR.03/04, B06.FR.03/04, D01, N04)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ocppkit.csms.commands import variable_data, variable_settings
from ocppkit.csms.device_models import DeviceModel, ReportAssembler
from ocppkit.csms.splitting import (
    Limits,
    StationLimits,
    merge_responses,
    split_request,
    stops_early,
)
from ocppkit.protocol.models import (
    GetVariablesRequest,
    GetVariablesResponse,
    NotifyReportRequest,
    SendLocalListRequest,
    SendLocalListResponse,
    SetVariablesRequest,
)
from ocppkit.protocol.validation import dump, to_wire_dict

T = datetime(2025, 1, 1, tzinfo=UTC)


def get_request(n: int) -> GetVariablesRequest:
    refs = [("EVSE", f"Var{i}") for i in range(n)]
    return GetVariablesRequest(get_variable_data=variable_data(refs))


def test_b06_five_variables_two_per_message_make_three_parts_in_order() -> None:
    parts = split_request("GetVariables", get_request(5), Limits(items=2))
    names = [[d.variable.name for d in p.get_variable_data] for p in parts]  # type: ignore[attr-defined]
    assert names == [["Var0", "Var1"], ["Var2", "Var3"], ["Var4"]]


def test_no_limit_or_fitting_request_is_sent_as_is() -> None:
    request = get_request(3)
    assert split_request("GetVariables", request, Limits()) == [request]
    assert split_request("GetVariables", request, Limits(items=3)) == [request]
    assert split_request("Reset", request, Limits(items=1)) == [request]


def test_bytes_per_message_bounds_every_frame() -> None:
    request = get_request(20)
    parts = split_request("GetVariables", request, Limits(bytes=300))
    assert len(parts) > 1
    for part in parts:
        assert len(dump(part)) + 60 <= 300
    joined = [d for p in parts for d in p.get_variable_data]  # type: ignore[attr-defined]
    assert joined == request.get_variable_data


def test_an_item_bigger_than_the_byte_limit_goes_alone() -> None:
    parts = split_request("GetVariables", get_request(2), Limits(bytes=10))
    assert [len(p.get_variable_data) for p in parts] == [1, 1]  # type: ignore[attr-defined]


def test_set_variables_short_form() -> None:
    data = variable_settings([("OCPPCommCtrlr", "HeartbeatInterval", "60", "Target")])
    request = SetVariablesRequest(set_variable_data=data)
    assert to_wire_dict(request)["setVariableData"] == [
        {
            "component": {"name": "OCPPCommCtrlr"},
            "variable": {"name": "HeartbeatInterval"},
            "attributeValue": "60",
            "attributeType": "Target",
        }
    ]


def local_list(n: int, update_type: str = "Full") -> SendLocalListRequest:
    entries = [{"idToken": {"idToken": f"T{i}", "type": "Central"}} for i in range(n)]
    return SendLocalListRequest.model_validate(
        {"versionNumber": 7, "updateType": update_type, "localAuthorizationList": entries}
    )


def test_d01_local_list_parts_full_then_differential_same_version() -> None:
    parts = split_request("SendLocalList", local_list(5), Limits(items=2))
    wire = [to_wire_dict(p) for p in parts]
    assert [w["updateType"] for w in wire] == ["Full", "Differential", "Differential"]
    assert {w["versionNumber"] for w in wire} == {7}
    tokens = [e["idToken"]["idToken"] for w in wire for e in w["localAuthorizationList"]]
    assert tokens == [f"T{i}" for i in range(5)]


def test_d01_a_refused_part_stops_the_update() -> None:
    failed = SendLocalListResponse(status="VersionMismatch")
    assert stops_early("SendLocalList", failed)
    assert not stops_early("SendLocalList", SendLocalListResponse(status="Accepted"))


def test_results_are_merged_in_part_order() -> None:
    def answer(*names: str) -> GetVariablesResponse:
        return GetVariablesResponse.model_validate(
            {
                "getVariableResult": [
                    {
                        "attributeStatus": "Accepted",
                        "component": {"name": "EVSE"},
                        "variable": {"name": name},
                        "attributeValue": "1",
                    }
                    for name in names
                ]
            }
        )

    merged = merge_responses("GetVariables", [answer("a", "b"), answer("c")])
    assert [r.variable.name for r in merged.get_variable_result] == ["a", "b", "c"]  # type: ignore[attr-defined]


def device_model(instance: str | None, variable: str, value: str) -> DeviceModel:
    """A device model as assembled from a NotifyReport with one DeviceDataCtrlr variable."""
    variable_field = {"name": variable} | ({"instance": instance} if instance else {})
    request = NotifyReportRequest.model_validate(
        {
            "requestId": 1,
            "generatedAt": "2025-01-01T00:00:00Z",
            "seqNo": 0,
            "reportData": [
                {
                    "component": {"name": "DeviceDataCtrlr"},
                    "variable": variable_field,
                    "variableAttribute": [{"type": "Actual", "value": value}],
                }
            ],
        }
    )
    model = ReportAssembler().add("CP1", request, T, T)
    assert model is not None
    return model


def test_reported_limits_win_over_configured_ones() -> None:
    models: dict[str, DeviceModel] = {}
    limits = StationLimits(models.get)
    assert limits.limits("CP1", "GetVariables") == Limits()
    limits.configure("CP1", Limits(items=10, bytes=5000))
    assert limits.limits("CP1", "SetVariables") == Limits(10, 5000)
    limits.configure("CP1", Limits(items=4), action="GetVariables")
    assert limits.limits("CP1", "GetVariables") == Limits(4, None)
    models["CP1"] = device_model("GetVariables", "ItemsPerMessage", "2")
    assert limits.limits("CP1", "GetVariables") == Limits(2, None)
    assert limits.limits("CP1", "SetVariables") == Limits(10, 5000)
    assert limits.limits("CP2", "GetVariables") == Limits()
    # B05/B06: a value confirmed later (GetVariables / SetVariables answer) replaces it
    models["CP1"].set_value(
        {"name": "DeviceDataCtrlr"},
        {"name": "ItemsPerMessage", "instance": "GetVariables"},
        None,
        "7",
    )
    models["CP1"].set_value(
        {"name": "DeviceDataCtrlr"},
        {"name": "BytesPerMessage", "instance": "GetVariables"},
        "Actual",
        "900",
    )
    assert limits.limits("CP1", "GetVariables") == Limits(7, 900)


@pytest.mark.parametrize("value", ["", "many", "-1", "0"])
def test_unusable_reported_values_are_ignored(value: str) -> None:
    models = {"CP1": device_model("GetVariables", "ItemsPerMessage", value)}
    limits = StationLimits(models.get)
    assert limits.limits("CP1", "GetVariables") == Limits()
