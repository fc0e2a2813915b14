"""A CSMS made of the blocks, without sockets: the router's dispatch called directly (admission,
recording, handler), and commands recorded and answered through the tracker."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ocppkit.csms.context import BootPolicy, CsmsContext, EventHub
from ocppkit.csms.registry import ChargerRegistry
from ocppkit.csms.router import Router
from ocppkit.csms.store import Store, TrackingChange
from ocppkit.csms.tokens import TokenStore
from ocppkit.csms.tracking import Tracker
from ocppkit.protocol import validate_request, validate_response
from ocppkit.protocol.validation import coerce, models_for, to_wire_dict
from ocppkit.storage.records import CommandRecord

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


class RecordingStore(Store):
    """Keeps every tracking change."""

    def __init__(self) -> None:
        self.changes: list[TrackingChange] = []

    async def tracking_changed(self, change: TrackingChange) -> None:
        self.changes.append(change)


class Csms:
    def __init__(
        self,
        tokens: list[str] | None = None,
        max_ended: int = 10,
        boot: BootPolicy | None = None,
        **options: Any,
    ) -> None:
        self.registry = ChargerRegistry(max_ended_transactions=max_ended)
        self.events = EventHub()
        self.store = RecordingStore()
        self.tokens = TokenStore(tokens)
        self.ctx = CsmsContext(
            self.registry,
            lambda: NOW,
            self.tokens,
            self.events,
            45,
            self.store,
            boot or BootPolicy(),
            **options,
        )
        self.tracker = Tracker(lambda: NOW, self.store, self.events)
        self.router = Router(self.ctx, self.tracker)

    async def send(self, station: str, action: str, wire: dict[str, Any]) -> dict[str, Any]:
        """A CALL from the station, answered through the router; the answer in wire form."""
        request = validate_request(action, wire)
        handler = self.router.station_handler(self.registry.ensure(station))
        return to_wire_dict(await handler(action, request))  # type: ignore[arg-type]

    async def command(
        self, station: str, action: str, request: dict[str, Any], answer: dict[str, Any]
    ) -> CommandRecord:
        """A CSMS->CS command recorded as sent, then answered with ``answer``."""
        model = coerce(models_for(action)[0], request, action)
        command = await self.tracker.sent(station, action, model)
        await self.tracker.answered(command, validate_response(action, answer))
        return command

    def objects(self, kind: str, station: str = "CP") -> dict[str, dict[str, Any]]:
        return {o["key"]: o for o in self.tracker.objects(station, kind)}
