"""L Firmware management: FirmwareStatusNotification (L01) and
PublishFirmwareStatusNotification (L03).

Both are recorded by the tracker and move the progress of the command they report on (by
requestId): an UpdateFirmware, a PublishFirmware. The station's last firmware status is kept in
the registry (``firmware_status``).
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import (
    FirmwareStatusNotificationRequest,
    FirmwareStatusNotificationResponse,
    PublishFirmwareStatusNotificationRequest,
    PublishFirmwareStatusNotificationResponse,
)

log = logging.getLogger("ocppkit.csms")


class Firmware(Block):
    """Follows firmware updates and publications."""

    @handles("FirmwareStatusNotification", notice=Notice(reports_on=("UpdateFirmware",)))
    async def on_firmware_status_notification(
        self, charger: Charger, request: FirmwareStatusNotificationRequest
    ) -> FirmwareStatusNotificationResponse:
        """L01: keep the station's last firmware status."""
        charger.firmware_status = str(request.status)
        await self.ctx.store.station_updated(charger)
        log.info("[%s] firmware status %s", charger.charger_id, request.status)
        return FirmwareStatusNotificationResponse()

    @handles("PublishFirmwareStatusNotification", notice=Notice(reports_on=("PublishFirmware",)))
    async def on_publish_firmware_status_notification(
        self, charger: Charger, request: PublishFirmwareStatusNotificationRequest
    ) -> PublishFirmwareStatusNotificationResponse:
        """L03: progress of a firmware publication (kept as the PublishFirmware's progress)."""
        log.info("[%s] firmware publication %s", charger.charger_id, request.status)
        return PublishFirmwareStatusNotificationResponse()
