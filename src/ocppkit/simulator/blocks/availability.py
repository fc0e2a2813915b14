"""Block G, availability: ChangeAvailability of an EVSE (G03) or the whole station (G04).

The operational status is kept on the EVSE (``Evse.inoperative``), so it survives a reboot
(G03/G04: persistent); with a ``state_dir`` it is also written to
``<state_dir>/<station_id>.availability.json`` and read back by the next run (``restore``). An
EVSE made Inoperative loses its reservation (ReservationStatusUpdate Removed, H01).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from pathlib import Path

from ocppkit.protocol.models import (
    ChangeAvailabilityRequest,
    ChangeAvailabilityResponse,
    ChangeAvailabilityStatusEnumType,
    EVSEType,
    OperationalStatusEnumType,
    StatusInfoType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.blocks.reservation import Reservations
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device.variables import Key
from ocppkit.simulator.evse import CONNECTOR_ID, Evse

log = logging.getLogger("ocppkit.simulator")
Answer = ChangeAvailabilityStatusEnumType


def _status_of(evse: Evse) -> Callable[[], str]:
    """The live AvailabilityState of ``evse`` (EVSE and Connector variables)."""
    return lambda: evse.status.value


class Availability:
    """The operational status of one station's EVSEs."""

    __slots__ = ("_ctx", "_reservations")

    def __init__(self, ctx: StationContext, reservations: Reservations) -> None:
        self._ctx = ctx
        self._reservations = reservations
        model = ctx.device_model
        model.bind(Key("ChargingStation", "AvailabilityState"), self.station_state)
        for evse_id, evse in ctx.evses.items():
            model.bind(Key("EVSE", "AvailabilityState", evse_id), _status_of(evse))
            state = Key("Connector", "AvailabilityState", evse_id, evse.connector_id)
            model.bind(state, _status_of(evse))

    def station_state(self) -> str:
        """ChargingStation.AvailabilityState: Unavailable or Faulted when every EVSE is."""
        states = {evse.status.value for evse in self._ctx.evses.values()}
        for whole in ("Unavailable", "Faulted"):
            if states == {whole}:
                return whole
        return "Available"

    def routes(self) -> Mapping[str, Handler]:
        return {"ChangeAvailability": self.on_change_availability}

    def _targets(self, evse: EVSEType | None) -> list[Evse] | None:
        evses = self._ctx.evses
        if evse is None or evse.id == 0:
            return list(evses.values())
        found = evses.get(evse.id)
        if found is None or evse.connector_id not in (None, CONNECTOR_ID):
            return None
        return [found]

    def _path(self) -> Path | None:
        state_dir = self._ctx.state_dir
        if state_dir is None:
            return None
        return Path(state_dir) / f"{self._ctx.station_id}.availability.json"

    def save(self) -> None:
        """Write the EVSEs' operational status to the state directory, if there is one."""
        path = self._path()
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        inoperative = [e.evse_id for e in self._ctx.evses.values() if e.inoperative]
        path.write_text(json.dumps({"inoperative": inoperative}), encoding="utf-8")

    def restore(self) -> None:
        """Read back the operational status a previous run saved (before the first boot)."""
        path = self._path()
        if path is None or not path.exists():
            return
        try:
            inoperative = set(json.loads(path.read_text(encoding="utf-8"))["inoperative"])
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("[%s] unreadable %s: %r", self._ctx.station_id, path, exc)
            return
        for evse in self._ctx.evses.values():
            evse.inoperative = evse.evse_id in inoperative
            evse.settle()

    async def _apply(self, evse: Evse, operative: bool) -> bool:
        """Change one EVSE; returns whether the change waits for its transaction."""
        evse.inoperative = not operative
        if not operative and evse.reservation is not None:
            await self._reservations.remove(evse)  # the reservation cannot be honoured
        evse.settle()
        return evse.inoperative_when_idle

    async def _announce(self, evses: list[Evse]) -> None:
        for evse in evses:
            await self._ctx.announce(evse)

    async def on_change_availability(
        self, request: ChangeAvailabilityRequest
    ) -> ChangeAvailabilityResponse:
        """Accepted (and StatusNotification for each EVSE that changed), Scheduled when a
        running transaction delays it (G03), Rejected for an unknown EVSE or connector."""
        targets = self._targets(request.evse)
        if targets is None:
            return ChangeAvailabilityResponse(
                status=Answer.Rejected, status_info=StatusInfoType(reason_code="UnknownEVSE")
            )
        operative = request.operational_status == OperationalStatusEnumType.Operative
        changed, scheduled = [], False
        for evse in targets:
            before = evse.status
            scheduled = await self._apply(evse, operative) or scheduled
            if evse.status != before:
                changed.append(evse)
        self.save()
        if changed:
            self._ctx.spawn(self._announce(changed), "availability status")
        return ChangeAvailabilityResponse(status=Answer.Scheduled if scheduled else Answer.Accepted)
