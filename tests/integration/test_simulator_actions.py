"""Every CSMS->CS action, sent to a live simulator: the answer is always a CALLRESULT valid against
the official schema, never a CALLERROR; first with the smallest valid payload (required fields
only, built from the official schema), then with payloads hypothesis-jsonschema draws from it."""

from __future__ import annotations

import asyncio
import copy
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from test_simulator_support import WAIT, ScriptedCSMS
from unit.protocol.schema_payloads import load_schema  # also adapts hypothesis-jsonschema
from wire import FrameRecorder, assert_schema_valid

from ocppkit.protocol.models import CSMS_TO_CS
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator import ChargerSimulator

ACTIONS = sorted(CSMS_TO_CS)
EXAMPLES = 6


def minimal(node: dict[str, Any], root: dict[str, Any]) -> Any:
    """The smallest value ``node`` of the schema ``root`` admits: required properties only,
    the first enum value, the fewest array items."""
    if "$ref" in node:
        return minimal(root["definitions"][node["$ref"].rsplit("/", 1)[-1]], root)
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object":
        props = node.get("properties", {})
        return {name: minimal(props[name], root) for name in node.get("required", [])}
    if kind == "array":
        return [minimal(node["items"], root) for _ in range(node.get("minItems", 0))]
    if kind == "string":
        return "2025-01-01T00:00:00Z" if node.get("format") == "date-time" else "x"
    return {"integer": 1, "number": 1.5, "boolean": False}.get(kind, {})


INT32 = (-(2**31), 2**31 - 1)


def _int32(node: Any) -> None:
    """Bound every unbounded integer of a schema to 32 bits: OCPP 2.0.1 integers are int32."""
    if isinstance(node, dict):
        if node.get("type") == "integer":
            node.setdefault("minimum", INT32[0])
            node.setdefault("maximum", INT32[1])
        for value in node.values():
            _int32(value)
    elif isinstance(node, list):
        for value in node:
            _int32(value)


@cache
def payloads(name: str) -> st.SearchStrategy[Any]:
    """Payloads valid against the official schema ``name``, integers within 32 bits."""
    schema = copy.deepcopy(load_schema(name))
    _int32(schema)
    return from_schema(schema)


class Bench:
    """A scripted CSMS and a simulator connected to it, driven from a synchronous test."""

    def __init__(self) -> None:
        self.csms = ScriptedCSMS()
        self.sim: ChargerSimulator | None = None
        self.recorder = FrameRecorder()

    async def start(self) -> None:
        await self.csms.__aenter__()
        self.sim = ChargerSimulator(
            "CP-ACT", self.csms.url, seed=3, sample_interval=0.2, reconnect_min_delay=0.05
        )
        self.sim.frame_observers.append(self.recorder)
        await self.sim.connect(timeout=WAIT)

    async def stop(self) -> None:
        if self.sim is not None:
            await self.sim.disconnect()
        await self.csms.__aexit__(None, None, None)

    async def exchange(self, action: str, payload: dict[str, Any]) -> None:
        """Send one CALL and check the answer; after an accepted Reset, wait for the reboot."""
        links = len(self.csms.links)
        answer = to_wire_dict(await self.csms.send(action, payload))
        assert_schema_valid(f"{action}Response", answer)
        if action == "Reset" and answer["status"] == "Accepted":
            await self.csms.wait_for(
                lambda: len(self.csms.calls("StatusNotification", link=links)) >= 1
            )


@pytest.mark.parametrize("action", ACTIONS)
async def test_minimal_payload_gets_a_valid_answer(action: str) -> None:
    schema = load_schema(f"{action}Request")
    payload = minimal(schema, schema)
    assert_schema_valid(f"{action}Request", payload)
    bench = Bench()
    async with asyncio.timeout(30):
        await bench.start()
        try:
            await bench.exchange(action, payload)
            await asyncio.sleep(0.05)  # let messages the answer promised go out
        finally:
            await bench.stop()
    bench.csms.recorder.assert_all_valid()
    bench.recorder.assert_all_valid()


@pytest.mark.parametrize("action", ACTIONS)
def test_random_payloads_get_valid_answers(action: str) -> None:
    bench = Bench()
    runner = asyncio.Runner()
    runner.run(_with_timeout(bench.start()))

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(payload=payloads(f"{action}Request"))
    def check(payload: dict[str, Any]) -> None:
        runner.run(_with_timeout(bench.exchange(action, payload)))

    try:
        check()
    finally:
        runner.run(_with_timeout(bench.stop()))
        runner.close()
    bench.csms.recorder.assert_all_valid()
    bench.recorder.assert_all_valid()


async def _with_timeout(coro: Any) -> Any:
    async with asyncio.timeout(WAIT * 2):
        return await coro
