"""Every CS->CSMS action against the CSMS over a real socket, payloads drawn from the official
schemas: the minimal one (required fields only) and random ones. Each must get a CALLRESULT valid
against the official response schema, never a CALLERROR; in memory, on SQLite and on PostgreSQL
(what the CSMS stores must take whatever the schema allows, e.g. NUL characters in strings).

The random payloads come from ``schema_strategy`` below, not hypothesis-jsonschema: its 0.23.1
release fails on any object schema with optional properties under the installed Hypothesis
(``AttributeError: 'many' object has no attribute 'more'``, a private API it relies on). The
strategy covers the keywords the OCPP 2.0.1 schemas use, and every drawn payload is checked
against the official schema with jsonschema before it is sent.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from datetime import UTC, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from databases import BACKENDS, database_url
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_csms_support import WAIT, RawStation
from wire import SCHEMA_DIR, FrameRecorder, assert_schema_valid

from ocppkit.csms import OCPPServer
from ocppkit.protocol.models import CS_TO_CSMS

pytest_plugins = ["test_csms_support"]

ACTIONS = sorted(CS_TO_CSMS)
STORES = ["memory", *BACKENDS]


@cache
def request_schema(action: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (SCHEMA_DIR / f"{action}Request.json").read_text(encoding="utf-8")
    )
    return schema


def minimal(schema: dict[str, Any], root: dict[str, Any]) -> Any:
    """The smallest instance of ``schema``: required properties only, shortest arrays."""
    if "$ref" in schema:
        return minimal(root["definitions"][schema["$ref"].rsplit("/", 1)[-1]], root)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: minimal(props[name], root) for name in schema.get("required", [])}
    if kind == "array":
        return [minimal(schema["items"], root)] * max(1, schema.get("minItems", 1))
    if kind == "string":
        return "2025-01-02T03:04:05Z" if schema.get("format") == "date-time" else "x"
    return {"integer": 1, "number": 1.5, "boolean": True}[kind]


_OFFSETS = st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))])


def _date_time() -> st.SearchStrategy[str]:
    moments = st.datetimes(timezones=_OFFSETS)
    return moments.map(lambda m: m.isoformat().replace("+00:00", "Z"))


def _object(schema: dict[str, Any], root: dict[str, Any]) -> st.SearchStrategy[Any]:
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    strategies = {name: schema_strategy(prop, root) for name, prop in props.items()}
    fixed = st.fixed_dictionaries(
        {name: s for name, s in strategies.items() if name in required},
        optional={name: s for name, s in strategies.items() if name not in required},
    )
    if schema.get("additionalProperties") is not True:
        return fixed
    extra = st.dictionaries(
        st.text(max_size=6).filter(lambda k: k not in props),
        st.none() | st.integers() | st.text(max_size=6),
        max_size=2,
    )
    return st.tuples(fixed, extra).map(lambda pair: {**pair[1], **pair[0]})


def schema_strategy(schema: dict[str, Any], root: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Instances of ``schema`` (the subset of JSON Schema draft-06 the OCPP schemas use)."""
    if "$ref" in schema:
        return schema_strategy(root["definitions"][schema["$ref"].rsplit("/", 1)[-1]], root)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind is None:  # DataTransfer.data: any JSON value
        return st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=6),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=4), inner, max_size=3)
            ),
            max_leaves=6,
        )
    if kind == "object":
        return _object(schema, root)
    if kind == "array":
        low = schema.get("minItems", 0)
        return st.lists(
            schema_strategy(schema["items"], root),
            min_size=low,
            max_size=min(schema.get("maxItems", low + 2), low + 2),
        )
    if kind == "string":
        if schema.get("format") == "date-time":
            return _date_time()
        return st.text(max_size=min(schema.get("maxLength", 40), 40))
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "number":
        return st.floats(
            schema.get("minimum"), schema.get("maximum"), allow_nan=False, allow_infinity=False
        )
    return st.booleans()


@pytest.fixture(params=STORES)
async def stored_csms(
    request: pytest.FixtureRequest, recorder: FrameRecorder
) -> AsyncIterator[OCPPServer]:
    """A started CSMS in memory or on a fresh database, its frames going to ``recorder``."""
    async with AsyncExitStack() as stack:
        url = None
        if request.param != "memory":
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            url = await stack.enter_async_context(database_url(request.param, Path(folder)))
        server = OCPPServer("127.0.0.1", 0, call_timeout=2.0, database_url=url)
        server.add_frame_observer(lambda _station, direction, text: recorder(direction, text))
        async with asyncio.timeout(WAIT):
            await server.start()
        try:
            yield server
        finally:
            async with asyncio.timeout(WAIT):
                await server.stop()


@pytest.mark.parametrize("action", ACTIONS)
async def test_minimal_request_gets_a_valid_result(
    stored_csms: OCPPServer, recorder: FrameRecorder, action: str
) -> None:
    payload = minimal(request_schema(action), request_schema(action))
    assert_schema_valid(f"{action}Request", payload)
    station = await RawStation.connect(stored_csms.port)
    try:
        reply = await station.call(action, payload)
    finally:
        await station.close()
    assert reply[0] == 3, reply
    assert recorder.assert_all_valid() == 2


def test_all_25_actions_are_covered() -> None:
    assert len(ACTIONS) == 25


# --- random schema-valid payloads -----------------------------------------------------------
# Hypothesis drives a synchronous test, so the CSMS and the station live on an event loop of
# the fixture's own, shared by all examples of one action.


class LiveLink:
    """A CSMS (in memory or on a fresh database) and a connected raw station on a private event
    loop."""

    def __init__(self, store: str) -> None:
        self.loop = asyncio.new_event_loop()
        self._stack = AsyncExitStack()
        url = None
        if store != "memory":
            folder = self._stack.enter_context(tempfile.TemporaryDirectory())
            url = self.loop.run_until_complete(
                self._stack.enter_async_context(database_url(store, Path(folder)))
            )
        self.server = OCPPServer("127.0.0.1", 0, call_timeout=2.0, database_url=url)
        self.recorder = FrameRecorder()
        self.server.add_frame_observer(lambda _s, d, t: self.recorder(d, t))
        self.loop.run_until_complete(self._bounded(self.server.start()))
        self.station = self.loop.run_until_complete(RawStation.connect(self.server.port))

    @staticmethod
    async def _bounded(awaitable: Any) -> Any:
        async with asyncio.timeout(WAIT):
            return await awaitable

    def call(self, action: str, payload: dict[str, Any]) -> list[Any]:
        return self.loop.run_until_complete(self._bounded(self.station.call(action, payload)))

    def close(self) -> None:
        self.loop.run_until_complete(self.station.close())
        self.loop.run_until_complete(self._bounded(self.server.stop()))
        self.loop.run_until_complete(self._stack.aclose())
        self.loop.close()


@pytest.fixture(params=STORES)
def live_link(request: pytest.FixtureRequest) -> Iterator[LiveLink]:
    link = LiveLink(request.param)
    yield link
    link.close()


@pytest.mark.parametrize("action", ACTIONS)
def test_random_valid_requests_never_get_a_callerror(live_link: LiveLink, action: str) -> None:
    schema = request_schema(action)

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(payload=schema_strategy(schema, schema))
    def check(payload: dict[str, Any]) -> None:
        assert_schema_valid(f"{action}Request", payload)
        reply = live_link.call(action, payload)
        assert reply[0] == 3, f"{action} {payload!r} got {reply!r}"
        assert_schema_valid(f"{action}Response", reply[2])

    check()
    live_link.recorder.assert_all_valid()


@pytest.mark.parametrize("store", STORES)
def test_a_device_model_with_integers_beyond_64_bits_is_stored(store: str) -> None:
    """Found by the random payloads above: orjson refused to write such a NotifyReport, and the
    station got an InternalError. The schemas bound no integer."""
    link = LiveLink(store)
    try:
        reply = link.call(
            "NotifyReport",
            {
                "requestId": 1,
                "generatedAt": "2025-01-01T00:00:00Z",
                "seqNo": 0,
                "reportData": [
                    {
                        "component": {"name": "EVSE", "evse": {"id": -(2**63) - 1025}},
                        "variable": {"name": "Power"},
                        "variableAttribute": [{}],
                    }
                ],
            },
        )
        model = link.server.get_device_model("CP001")
    finally:
        link.close()
    assert reply[0] == 3, reply
    assert model is not None and model["report_data"][0]["component"]["name"] == "EVSE"
    link.recorder.assert_all_valid()
