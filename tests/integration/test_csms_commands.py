"""Typed CSMS->CS commands over real sockets: every one of the 40 actions sent to a simulated
station and its typed answer returned; list requests split per ItemsPerMessage/BytesPerMessage
(B05/B06, D01) and merged; one CALL at a time, in order; timeout, offline and CALLERROR."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from databases import BACKENDS, database_url
from test_csms_support import WAIT, RawStation
from test_simulator_actions import minimal
from unit.protocol.schema_payloads import load_schema
from wire import assert_schema_valid

from ocppkit.csms import OCPPServer
from ocppkit.protocol import (
    CallTimeoutError,
    NotConnectedError,
    NotSupportedError,
    OccurenceConstraintViolationError,
)
from ocppkit.protocol.models import ACTIONS, CSMS_TO_CS, GetVariablesResponse, ResetResponse
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.device import Key

pytest_plugins = ["test_csms_support"]


def snake(action: str) -> str:
    return (
        "".join(f"_{c.lower()}" if c.isupper() else c for c in action)
        .lstrip("_")
        .replace("e_v", "ev")
    )


def minimal_kwargs(action: str) -> dict[str, Any]:
    """The smallest valid request of ``action`` as the keyword arguments of its method."""
    schema = load_schema(f"{action}Request")
    request = ACTIONS[action][0].model_validate(minimal(schema, schema), by_alias=True)
    return {name: getattr(request, name) for name in request.model_fields_set}


HAND_WRITTEN: dict[str, dict[str, Any]] = {
    "RequestStartTransaction": {"evse_id": 1, "id_token": "TOKEN-OK"},
    "RequestStopTransaction": {"transaction_id": "nope"},
    "SetChargingProfile": {
        "evse_id": 0,
        "charging_profile": minimal_kwargs("SetChargingProfile")["charging_profile"],
    },
}


@pytest.fixture
async def simulator(csms: OCPPServer) -> AsyncIterator[ChargerSimulator]:
    sim = ChargerSimulator(
        "CP-CMD", f"ws://127.0.0.1:{csms.port}", seed=5, reconnect_min_delay=0.05
    )
    await sim.connect(timeout=WAIT)
    yield sim
    await sim.disconnect()


@pytest.mark.parametrize("action", sorted(CSMS_TO_CS))
async def test_every_command_returns_its_typed_answer(
    csms: OCPPServer, simulator: ChargerSimulator, action: str
) -> None:
    method = getattr(csms, snake(action))
    kwargs = HAND_WRITTEN.get(action) or minimal_kwargs(action)
    async with asyncio.timeout(WAIT):
        answer = await method("CP-CMD", **kwargs)
    assert type(answer) is ACTIONS[action][1]
    assert_schema_valid(f"{action}Response", to_wire_dict(answer))


async def test_keyword_fields_and_models_build_the_request(
    csms: OCPPServer, station: RawStation
) -> None:
    reset = asyncio.create_task(csms.reset("CP001", "OnIdle", evse_id=1))
    call = await station.answer_next_call({"status": "Scheduled"})
    assert call[2:] == ["Reset", {"type": "OnIdle", "evseId": 1}]
    assert await reset == ResetResponse(status="Scheduled")
    trigger = asyncio.create_task(
        csms.trigger_message("CP001", "StatusNotification", evse={"id": 1, "connectorId": 1})
    )
    call = await station.answer_next_call({"status": "Accepted"})
    evse = {"id": 1, "connectorId": 1}
    assert call[3] == {"requestedMessage": "StatusNotification", "evse": evse}
    assert (await trigger).status == "Accepted"


def variable_results(call: list[Any]) -> dict[str, Any]:
    return {
        "getVariableResult": [
            {"attributeStatus": "Accepted", "attributeValue": "v", **item}
            for item in call[3]["getVariableData"]
        ]
    }


async def answer_parts(station: RawStation, count: int) -> list[list[Any]]:
    calls = []
    for _ in range(count):
        call = await station.recv()
        calls.append(call)
        await station.ws.send(json.dumps([3, call[1], variable_results(call)]))
    return calls


async def test_b06_split_per_configured_items_per_message(
    csms: OCPPServer, station: RawStation
) -> None:
    csms.set_station_limits("CP001", items_per_message=2)
    refs = [("EVSE", f"V{i}") for i in range(5)]
    task = asyncio.create_task(csms.get_variables("CP001", refs))
    calls = await answer_parts(station, 3)
    assert [len(c[3]["getVariableData"]) for c in calls] == [2, 2, 1]
    answer = await task
    assert isinstance(answer, GetVariablesResponse)
    assert [r.variable.name for r in answer.get_variable_result] == [f"V{i}" for i in range(5)]


async def test_b06_split_per_items_per_message_the_station_reported(
    csms: OCPPServer, station: RawStation
) -> None:
    csms.set_station_limits("CP001", items_per_message=50)
    await station.result(
        "NotifyReport",
        {
            "requestId": 1,
            "generatedAt": "2025-01-02T03:04:05Z",
            "seqNo": 0,
            "reportData": [
                {
                    "component": {"name": "DeviceDataCtrlr"},
                    "variable": {"name": "ItemsPerMessage", "instance": "GetVariables"},
                    "variableAttribute": [{"type": "Actual", "value": "2"}],
                }
            ],
        },
    )
    task = asyncio.create_task(csms.get_variables("CP001", [("EVSE", f"V{i}") for i in range(5)]))
    await answer_parts(station, 3)
    assert len((await task).get_variable_result) == 5


async def test_b06_split_per_the_limit_read_from_the_simulator(
    csms: OCPPServer, simulator: ChargerSimulator
) -> None:
    limit = Key("DeviceDataCtrlr", "ItemsPerMessage", variable_instance="GetVariables")
    simulator.device_model.set_value(limit, "2")
    read = await csms.get_variables(
        "CP-CMD",
        [
            {
                "component": {"name": "DeviceDataCtrlr"},
                "variable": {"name": "ItemsPerMessage", "instance": "GetVariables"},
            }
        ],
    )
    assert read.get_variable_result[0].attribute_value == "2"
    sent: list[str] = []
    csms.add_frame_observer(lambda _cid, _direction, text: sent.append(text))
    refs = [("OCPPCommCtrlr", "HeartbeatInterval")] * 5
    answer = await csms.get_variables("CP-CMD", refs)  # one CALL would be refused (B06.FR.03)
    assert [r.attribute_status for r in answer.get_variable_result] == ["Accepted"] * 5
    assert len([t for t in sent if '"GetVariables"' in t]) == 3


async def test_d01_local_list_split_full_then_differential(
    csms: OCPPServer, station: RawStation
) -> None:
    csms.set_station_limits("CP001", items_per_message=2, action="SendLocalList")
    entries = [{"idToken": {"idToken": f"T{i}", "type": "Central"}} for i in range(3)]
    task = asyncio.create_task(
        csms.send_local_list("CP001", 3, "Full", local_authorization_list=entries)
    )
    first = await station.answer_next_call({"status": "Accepted"})
    second = await station.answer_next_call({"status": "Accepted"})
    assert [c[3]["updateType"] for c in (first, second)] == ["Full", "Differential"]
    assert [c[3]["versionNumber"] for c in (first, second)] == [3, 3]
    assert (await task).status == "Accepted"


async def test_commands_to_one_station_go_one_at_a_time_in_order(
    csms: OCPPServer, station: RawStation
) -> None:
    tasks = [
        asyncio.create_task(csms.clear_cache("CP001")),
        asyncio.create_task(csms.get_local_list_version("CP001")),
        asyncio.create_task(csms.reset("CP001", "Immediate")),
    ]
    first = await station.recv()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.2):
            await station.ws.recv()  # nothing else while the first is unanswered
    await station.ws.send(json.dumps([3, first[1], {"status": "Accepted"}]))
    second = await station.answer_next_call({"versionNumber": 4})
    third = await station.answer_next_call({"status": "Accepted"})
    assert [c[2] for c in (first, second, third)] == ["ClearCache", "GetLocalListVersion", "Reset"]
    results = await asyncio.gather(*tasks)
    assert results[1].version_number == 4  # type: ignore[union-attr]


async def test_timeout_offline_and_callerror(csms: OCPPServer, station: RawStation) -> None:
    with pytest.raises(CallTimeoutError):
        await csms.clear_cache("CP001", timeout=0.2)
    await station.recv()  # the unanswered ClearCache
    with pytest.raises(NotConnectedError):
        await csms.clear_cache("NOBODY")
    task = asyncio.create_task(csms.get_base_report("CP001", 1, "FullInventory"))
    call = await station.recv()
    await station.ws.send(json.dumps([4, call[1], "NotSupported", "no reports", {}]))
    with pytest.raises(NotSupportedError):
        await task
    task = asyncio.create_task(csms.get_variables("CP001", [("EVSE", "V")] * 3))
    call = await station.recv()
    await station.ws.send(json.dumps([4, call[1], "OccurrenceConstraintViolation", "", {}]))
    with pytest.raises(OccurenceConstraintViolationError):
        await task


@pytest.mark.parametrize("backend", BACKENDS)
async def test_b05_b06_confirmed_values_update_the_stored_device_model(
    backend: str, tmp_path: Path
) -> None:
    """A GetVariables answer and an Accepted SetVariables go into the device model, where
    limits per message read them; the model is stored and survives a restart."""
    async with database_url(backend, tmp_path) as url:
        server = OCPPServer("127.0.0.1", 0, call_timeout=2.0, database_url=url)
        async with asyncio.timeout(WAIT):
            await server.start()
        sim = ChargerSimulator("CP-DM", f"ws://127.0.0.1:{server.port}", seed=5)
        try:
            await sim.connect(timeout=WAIT)
            assert server.get_device_model("CP-DM") is None  # no report asked for
            got = await server.get_variables("CP-DM", [("OCPPCommCtrlr", "HeartbeatInterval")])
            assert got.get_variable_result[0].attribute_status == "Accepted"
            items = {
                "component": {"name": "DeviceDataCtrlr"},
                "variable": {"name": "ItemsPerMessage", "instance": "SetVariables"},
            }
            await server.get_variables("CP-DM", [items])
            answer = await server.set_variables(
                "CP-DM",
                [
                    ("OCPPCommCtrlr", "HeartbeatInterval", "77"),
                    ("NoSuchCtrlr", "NoSuchVariable", "1"),  # rejected: not stored
                ],
            )
            assert [r.attribute_status for r in answer.set_variable_result] == [
                "Accepted",
                "UnknownComponent",
            ]
            model = server.get_device_model("CP-DM")
            reported = server.station_limits.limits("CP-DM", "SetVariables").items
        finally:
            await sim.disconnect()
            async with asyncio.timeout(WAIT):
                await server.stop()
        restarted = OCPPServer("127.0.0.1", 0, database_url=url)
        async with asyncio.timeout(WAIT):
            await restarted.start()
            await restarted.stop()
    assert model is not None and model["request_id"] == -1  # no report: answered values only
    values = {
        (e["component"]["name"], e["variable"]["name"]): e["variableAttribute"][0]["value"]
        for e in model["report_data"]
    }
    assert values[("OCPPCommCtrlr", "HeartbeatInterval")] == "77"
    assert ("NoSuchCtrlr", "NoSuchVariable") not in values
    assert reported == int(values[("DeviceDataCtrlr", "ItemsPerMessage")])
    assert restarted.get_device_model("CP-DM") == model


def _new_link(server: OCPPServer, station_id: str, old: object) -> object | None:
    link = server.chargers.chargers[station_id].connection
    return None if link is None or link is old else link


@pytest.mark.parametrize("backend", BACKENDS)
async def test_every_command_and_its_answer_is_stored(backend: str, tmp_path: Path) -> None:
    """All 40 CSMS->CS actions sent to a simulated station; after a restart each is in the
    database with its request, the station's answer and that answer's status."""
    answers: dict[str, dict[str, Any]] = {}
    async with database_url(backend, tmp_path) as url:
        server = OCPPServer("127.0.0.1", 0, call_timeout=2.0, database_url=url)
        async with asyncio.timeout(WAIT):
            await server.start()
        sim = ChargerSimulator(
            "CP-ALL", f"ws://127.0.0.1:{server.port}", seed=5, reconnect_min_delay=0.05
        )
        try:
            await sim.connect(timeout=WAIT)
            for action in sorted(CSMS_TO_CS):
                async with asyncio.timeout(WAIT):
                    while not server.is_connected("CP-ALL"):  # noqa: ASYNC110 (Reset reboots it)
                        await asyncio.sleep(0.05)
                    link = server.chargers.chargers["CP-ALL"].connection
                    kwargs = HAND_WRITTEN.get(action) or minimal_kwargs(action)
                    answer = await getattr(server, snake(action))("CP-ALL", **kwargs)
                    # Reset: the station goes down shortly after its answer; the next
                    # commands wait for its new link, else one of them may meet the old
                    # link closing (NotConnected).
                    while action == "Reset" and _new_link(server, "CP-ALL", link) is None:  # noqa: ASYNC110
                        await asyncio.sleep(0.05)
                answers[action] = to_wire_dict(answer)
        finally:
            await sim.disconnect()
            async with asyncio.timeout(WAIT):
                await server.stop()
        restarted = OCPPServer("127.0.0.1", 0, database_url=url)
        async with asyncio.timeout(WAIT):
            await restarted.start()
            try:
                stored = await restarted.commands("CP-ALL", limit=1000)
            finally:
                await restarted.stop()
    by_action = {c["action"]: c for c in stored}
    assert set(by_action) == set(CSMS_TO_CS)
    for action, answer in answers.items():
        record = by_action[action]
        assert record["response"] == answer, action
        assert record["status"] == answer.get("status", "Answered"), action
        assert_schema_valid(f"{action}Request", record["payload"])
