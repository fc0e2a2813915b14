"""The command pipeline without sockets (``CommandSender.send_command`` over a fake link): the
payload is coerced once, a list beyond the station's limits goes out in parts whose answers are
merged, and what the answers confirm goes into the device model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from ocppkit.csms import commands
from ocppkit.csms.commands import CommandSender
from ocppkit.csms.errors import InvalidCommandError, StationRejectedError
from ocppkit.csms.registry import BootInfo, ChargerRegistry
from ocppkit.protocol.errors import NotConnectedError
from ocppkit.protocol.models import (
    GetVariablesRequest,
    GetVariablesResponse,
    OcppModel,
    ResetResponse,
)
from ocppkit.protocol.validation import to_wire_dict

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class _Link:
    closed: bool = False


@dataclass
class _Store:
    reported: list[Any] = field(default_factory=list)

    async def device_model_reported(self, charger: Any, model: Any) -> None:
        self.reported.append(model)


@dataclass
class _Context:
    store: _Store = field(default_factory=_Store)

    def now(self) -> datetime:
        return NOW


class _Sender(CommandSender):
    """A CommandSender whose CALLs are answered by ``answer(action, request)``."""

    def __init__(self) -> None:
        self.chargers = ChargerRegistry()
        self.chargers.ensure("CP").connection = _Link()  # type: ignore[assignment]
        self._ctx = _Context()  # type: ignore[assignment]
        self._init_commands()
        self.sent: list[tuple[str, dict[str, Any]]] = []

    async def _send_call(
        self,
        charger_id: str,
        action: str,
        request: OcppModel,
        timeout: float | None,  # noqa: ASYNC109
    ) -> OcppModel:
        self.sent.append((action, to_wire_dict(request)))
        if isinstance(request, GetVariablesRequest):
            return GetVariablesResponse.model_validate(
                {
                    "getVariableResult": [
                        {**to_wire_dict(d), "attributeStatus": "Accepted", "attributeValue": "60"}
                        for d in request.get_variable_data
                    ]
                }
            )
        return ResetResponse(status="Accepted")


def _refs(count: int) -> list[dict[str, Any]]:
    return [
        {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": f"V{i}"}}
        for i in range(count)
    ]


async def test_a_wire_payload_is_coerced_once_split_merged_and_learned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    coerced: list[str] = []
    real = commands.coerce

    def counting(model: Any, payload: Any, what: str) -> Any:
        coerced.append(what)
        return real(model, payload, what)

    monkeypatch.setattr(commands, "coerce", counting)
    sender = _Sender()
    sender.set_station_limits("CP", items_per_message=2)
    answer = await sender.send_command(
        "CP", "GetVariables", {"getVariableData": _refs(5)}, GetVariablesResponse
    )
    assert coerced == ["GetVariablesRequest"]
    assert [len(p["getVariableData"]) for _, p in sender.sent] == [2, 2, 1]
    assert [r.variable.name for r in answer.get_variable_result] == [f"V{i}" for i in range(5)]
    model = sender.chargers.chargers["CP"].device_model
    assert model is not None and model.actual("OCPPCommCtrlr", "V4") == "60"
    assert sender._ctx.store.reported == [model]  # type: ignore[attr-defined]


async def test_the_action_and_the_station_are_checked_before_anything_is_sent() -> None:
    sender = _Sender()
    with pytest.raises(InvalidCommandError):
        await sender.send_command("CP", "Heartbeat", {}, ResetResponse)
    with pytest.raises(NotConnectedError):
        await sender.send_command("NOBODY", "Reset", {"type": "OnIdle"}, ResetResponse)
    charger = sender.chargers.chargers["CP"]
    charger.boot = BootInfo("V", "M", None, None, "PowerUp", NOW, status="Rejected")
    with pytest.raises(StationRejectedError):
        await sender.send_command("CP", "Reset", {"type": "OnIdle"}, ResetResponse)
    assert sender.sent == []
