"""B Provisioning: BootNotification and NotifyReport."""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Route
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import BootInfo, Charger
from ocppkit.protocol.models import (
    BootNotificationRequest,
    BootNotificationResponse,
    NotifyReportRequest,
    NotifyReportResponse,
)

log = logging.getLogger("ocppkit.csms")


class Provisioning:
    """Registers booting stations; this CSMS accepts every station (B01, not B02/B03)."""

    def __init__(self, ctx: CsmsContext) -> None:
        self.ctx = ctx

    def routes(self) -> dict[str, Route]:
        return {
            "BootNotification": self.on_boot_notification,
            "NotifyReport": self.on_notify_report,
        }

    async def on_boot_notification(
        self, charger: Charger, request: BootNotificationRequest
    ) -> BootNotificationResponse:
        """B01: Accepted, with the heartbeat interval the station shall use; the boot is kept."""
        station = request.charging_station
        now = self.ctx.now()
        charger.boot = BootInfo(
            vendor=station.vendor_name,
            model=station.model,
            serial_number=station.serial_number,
            firmware_version=station.firmware_version,
            reason=str(request.reason),
            booted_at=now,
        )
        log.info(
            "[%s] booted: %s %s (firmware %s, reason %s)",
            charger.charger_id, station.vendor_name, station.model,
            station.firmware_version, request.reason,
        )
        await self.ctx.store.station_updated(charger)
        self.ctx.events.emit("booted", charger.charger_id, charger.boot.to_dict())
        return BootNotificationResponse(
            current_time=self.ctx.now_text(),
            interval=self.ctx.heartbeat_interval,
            status="Accepted",
        )

    async def on_notify_report(
        self, charger: Charger, request: NotifyReportRequest
    ) -> NotifyReportResponse:
        """B07/B08: a part of a report the CSMS asked for with GetBaseReport/GetReport."""
        log.debug(
            "[%s] report %d part %d (%d variables, more to follow: %s)",
            charger.charger_id, request.request_id, request.seq_no,
            len(request.report_data or ()), bool(request.tbc),
        )
        return NotifyReportResponse()
