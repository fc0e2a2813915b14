"""G Availability: StatusNotification and Heartbeat, and offline detection.

A station that sends nothing (not even a Heartbeat, G02) for longer than the grace is taken as
gone: ``watch_liveness`` closes its link, so it shows as disconnected and its commands fail fast
instead of timing out. The grace defaults to twice the heartbeat interval plus 10 s.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from ocppkit.csms.blocks import Block, handles
from ocppkit.csms.clock import format_time, parse_time
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger, ConnectorStatus
from ocppkit.protocol.models import (
    HeartbeatRequest,
    HeartbeatResponse,
    StatusNotificationRequest,
    StatusNotificationResponse,
)

log = logging.getLogger("ocppkit.csms")

CLOSE_UNRESPONSIVE = 1001  # going away: the CSMS gives up on a silent link
DEFAULT_GRACE_MARGIN = 10.0  # seconds added to twice the heartbeat interval


def default_offline_grace(heartbeat_interval: float) -> float:
    """Seconds of silence after which a station is taken as offline."""
    return 2 * heartbeat_interval + DEFAULT_GRACE_MARGIN


def unresponsive(ctx: CsmsContext, grace: float) -> list[Charger]:
    """Connected stations whose last message is older than ``grace`` seconds."""
    limit = ctx.now() - timedelta(seconds=grace)
    return [
        charger
        for charger in ctx.registry.chargers.values()
        if charger.connection is not None
        and not charger.connection.closed
        and charger.last_seen is not None
        and charger.last_seen < limit
    ]


async def watch_liveness(ctx: CsmsContext, grace: float) -> None:
    """Run until cancelled: close the link of every station silent for longer than ``grace``
    seconds (by the CSMS's clock), checked a few times per grace period."""
    period = min(5.0, max(0.05, grace / 4))
    while True:
        await asyncio.sleep(period)
        silent = unresponsive(ctx, grace)
        if silent:
            # Closed together: a hung peer holds its close for the closing handshake timeout.
            await asyncio.gather(*(_close_silent(ctx, c, grace) for c in silent))


async def _close_silent(ctx: CsmsContext, charger: Charger, grace: float) -> None:
    connection = charger.connection
    if connection is None:
        return
    seen = format_time(charger.last_seen) if charger.last_seen else "-"
    log.warning("[%s] no message since %s: taken as offline", charger.charger_id, seen)
    ctx.events.emit("unresponsive", charger.charger_id, {"last_seen": seen, "grace_s": grace})
    try:
        await connection.close(CLOSE_UNRESPONSIVE, "no message within the grace period")
    except Exception:  # a link already broken is closed anyway
        log.debug("[%s] closing a silent link failed", charger.charger_id, exc_info=True)


class Availability(Block):
    """Tracks connector statuses (G01) and answers heartbeats (G02)."""

    @handles("Heartbeat")
    async def on_heartbeat(self, charger: Charger, request: HeartbeatRequest) -> HeartbeatResponse:
        """G02: the CSMS's current time, which the station may use to set its clock."""
        return HeartbeatResponse(current_time=self.ctx.now_text())

    @handles("StatusNotification")
    async def on_status_notification(
        self, charger: Charger, request: StatusNotificationRequest
    ) -> StatusNotificationResponse:
        """G01: record the connector's new status, keyed by (evseId, connectorId)."""
        status = ConnectorStatus(
            status=str(request.connector_status),
            timestamp=parse_time(request.timestamp),
            received_at=self.ctx.now(),
        )
        charger.connectors[(request.evse_id, request.connector_id)] = status
        await self.ctx.store.status_changed(charger, request.evse_id, request.connector_id, status)
        self.ctx.events.emit(
            "status",
            charger.charger_id,
            {
                "evse_id": request.evse_id,
                "connector_id": request.connector_id,
                "status": status.status,
                "timestamp": format_time(status.timestamp),
            },
        )
        return StatusNotificationResponse()
