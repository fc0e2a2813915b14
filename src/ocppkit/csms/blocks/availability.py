"""G Availability: StatusNotification and Heartbeat."""

from __future__ import annotations

from ocppkit.csms.blocks import Route
from ocppkit.csms.clock import format_time, parse_time
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger, ConnectorStatus
from ocppkit.protocol.models import (
    HeartbeatRequest,
    HeartbeatResponse,
    StatusNotificationRequest,
    StatusNotificationResponse,
)


class Availability:
    """Tracks connector statuses (G01) and answers heartbeats (G02)."""

    def __init__(self, ctx: CsmsContext) -> None:
        self.ctx = ctx

    def routes(self) -> dict[str, Route]:
        return {
            "StatusNotification": self.on_status_notification,
            "Heartbeat": self.on_heartbeat,
        }

    async def on_heartbeat(self, charger: Charger, request: HeartbeatRequest) -> HeartbeatResponse:
        """G02: the CSMS's current time, which the station may use to set its clock."""
        return HeartbeatResponse(current_time=self.ctx.now_text())

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
        await self.ctx.store.status_changed(
            charger, request.evse_id, request.connector_id, status
        )
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
