"""B Provisioning: BootNotification (B01-B03) and NotifyReport (B07/B08).

The status a booting station gets comes from the context's ``BootPolicy``. Until a station is
Accepted its other CALLs are refused with SecurityError (``refusal``, B02.FR.09, B03.FR.08);
after its first Accepted boot the CSMS may ask for its base report (B07), whose NotifyReport
parts are assembled into the station's device model.
"""

from __future__ import annotations

import itertools
import logging

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.clock import parse_time
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.device_models import ReportAssembler
from ocppkit.csms.registry import BootInfo, Charger
from ocppkit.protocol.errors import OCPPKitError, SecurityError
from ocppkit.protocol.models import (
    BootNotificationRequest,
    BootNotificationResponse,
    GetBaseReportRequest,
    NotifyReportRequest,
    NotifyReportResponse,
)

log = logging.getLogger("ocppkit.csms")


def refusal(action: str, charger: Charger) -> SecurityError:
    """The CALLERROR for a CALL (other than BootNotification) of a station that is not
    Accepted: SecurityError (B02.FR.09, B03.FR.08). Which stations are admitted is the context's
    ``BootPolicy.admits``."""
    status = charger.registration_status or "not booted"
    return SecurityError(f"{action} refused: the station's registration is {status}")


class Provisioning(Block):
    """Registers booting stations by policy and keeps their device models."""

    def __init__(self, ctx: CsmsContext) -> None:
        super().__init__(ctx)
        self.reports = ReportAssembler()
        self._request_ids = itertools.count(int(ctx.now().timestamp()) % 1_000_000_000)

    @handles("BootNotification", gated=False)
    async def on_boot_notification(
        self, charger: Charger, request: BootNotificationRequest
    ) -> BootNotificationResponse:
        """B01-B03: Accepted, Pending or Rejected by policy. ``interval`` is the heartbeat
        interval once Accepted, else the time before the station boots again (B02.FR.01,
        B03.FR.01). The boot is kept whatever the status."""
        station = request.charging_station
        now = self.ctx.now()
        registered = charger.registration_status == "Accepted"
        status = self.ctx.boot.status_for(charger.charger_id, registered)
        charger.boot = BootInfo(
            vendor=station.vendor_name,
            model=station.model,
            serial_number=station.serial_number,
            firmware_version=station.firmware_version,
            reason=str(request.reason),
            booted_at=now,
            status=status,
        )
        log.info(
            "[%s] booted: %s %s (firmware %s, reason %s): %s",
            charger.charger_id,
            station.vendor_name,
            station.model,
            station.firmware_version,
            request.reason,
            status,
        )
        await self.ctx.store.station_updated(charger)
        self.ctx.events.emit("booted", charger.charger_id, dict(charger.boot.to_dict()))
        if status == "Accepted" and self._wants_base_report(charger):
            self._spawn_base_report(charger)
        return BootNotificationResponse(
            current_time=self.ctx.now_text(),
            interval=self.ctx.heartbeat_interval,
            status=status,
        )

    def _wants_base_report(self, charger: Charger) -> bool:
        return (
            self.ctx.request_base_report
            and self.ctx.spawn is not None
            and charger.device_model is None
        )

    def _spawn_base_report(self, charger: Charger) -> None:
        assert self.ctx.spawn is not None
        self.ctx.spawn(self._request_base_report(charger, next(self._request_ids)))

    async def _request_base_report(self, charger: Charger, request_id: int) -> None:
        """B07: ask for the full inventory; the answer comes in NotifyReport parts. Sent from
        a task of its own, so it goes out after the BootNotificationResponse."""
        connection = charger.connection
        if connection is None:
            return
        request = GetBaseReportRequest(request_id=request_id, report_base="FullInventory")
        try:
            if self.ctx.send is not None:  # the server's call: tracked as every command
                response = await self.ctx.send(charger.charger_id, "GetBaseReport", request)
            else:
                response = await connection.call("GetBaseReport", request)
        except OCPPKitError as exc:  # a CALLERROR, a timeout, a closed link: the next boot asks
            log.warning("[%s] GetBaseReport failed: %r", charger.charger_id, exc)
            return
        log.info(
            "[%s] GetBaseReport %d: %s",
            charger.charger_id,
            request_id,
            getattr(response, "status", response),
        )

    @handles("NotifyReport", notice=Notice(reports_on=("GetBaseReport", "GetReport")))
    async def on_notify_report(
        self, charger: Charger, request: NotifyReportRequest
    ) -> NotifyReportResponse:
        """B07/B08: one part of a report; the last part (tbc false, every seqNo before it
        received) makes the assembled report the station's device model."""
        model = self.reports.add(
            charger.charger_id, request, parse_time(request.generated_at), self.ctx.now()
        )
        log.debug(
            "[%s] report %d part %d (%d variables, more to follow: %s)",
            charger.charger_id,
            request.request_id,
            request.seq_no,
            len(request.report_data or ()),
            bool(request.tbc),
        )
        if model is not None:
            charger.device_model = model
            await self.ctx.store.device_model_reported(charger, model)
            log.info(
                "[%s] device model from report %d: %d variables",
                charger.charger_id,
                model.request_id,
                len(model.report_data),
            )
        return NotifyReportResponse()
