"""The OCPP 1.6 Firmware Management profile and the security whitepaper's CP->CS actions on
the CSMS: each notification is recorded by the tracker as a station message and answered."""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.registry import Charger
from ocppkit.protocol import models_v16 as m16
from ocppkit.protocol.versions import OcppVersion

log = logging.getLogger("ocppkit.csms")

V16 = OcppVersion.V16


class FirmwareManagement16(Block):
    """1.6 Firmware Management: diagnostics uploads and firmware updates."""

    @handles("DiagnosticsStatusNotification", notice=Notice(), version=V16)
    async def on_diagnostics_status_notification(
        self, charger: Charger, request: m16.DiagnosticsStatusNotificationRequest
    ) -> m16.DiagnosticsStatusNotificationResponse:
        """6.1: recorded."""
        log.info("[%s] diagnostics upload %s", charger.charger_id, request.status)
        return m16.DiagnosticsStatusNotificationResponse()

    @handles("FirmwareStatusNotification", notice=Notice(), version=V16)
    async def on_firmware_status_notification(
        self, charger: Charger, request: m16.FirmwareStatusNotificationRequest
    ) -> m16.FirmwareStatusNotificationResponse:
        """6.2: recorded, and kept as the station's last firmware status."""
        charger.firmware_status = str(request.status)
        await self.ctx.store.station_updated(charger)
        log.info("[%s] firmware status %s", charger.charger_id, request.status)
        return m16.FirmwareStatusNotificationResponse()


class Security16(Block):
    """The 1.6 security whitepaper's CP->CS actions."""

    @handles("LogStatusNotification", notice=Notice(), version=V16)
    async def on_log_status_notification(
        self, charger: Charger, request: m16.LogStatusNotificationRequest
    ) -> m16.LogStatusNotificationResponse:
        log.info("[%s] log upload %s", charger.charger_id, request.status)
        return m16.LogStatusNotificationResponse()

    @handles("SecurityEventNotification", notice=Notice(), version=V16)
    async def on_security_event_notification(
        self, charger: Charger, request: m16.SecurityEventNotificationRequest
    ) -> m16.SecurityEventNotificationResponse:
        log.warning("[%s] security event %s", charger.charger_id, request.type)
        return m16.SecurityEventNotificationResponse()

    @handles("SignCertificate", notice=Notice(), version=V16)
    async def on_sign_certificate(
        self, charger: Charger, request: m16.SignCertificateRequest
    ) -> m16.SignCertificateResponse:
        """Recorded and Rejected: signing a 1.6 station's CSR (then CertificateSigned) is not
        done on 1.6 links yet."""
        log.warning("[%s] SignCertificate (1.6) rejected: not supported", charger.charger_id)
        return m16.SignCertificateResponse(status="Rejected")

    @handles("SignedFirmwareStatusNotification", notice=Notice(), version=V16)
    async def on_signed_firmware_status_notification(
        self, charger: Charger, request: m16.SignedFirmwareStatusNotificationRequest
    ) -> m16.SignedFirmwareStatusNotificationResponse:
        """Recorded, and kept as the station's last firmware status."""
        charger.firmware_status = str(request.status)
        await self.ctx.store.station_updated(charger)
        log.info("[%s] firmware status %s", charger.charger_id, request.status)
        return m16.SignedFirmwareStatusNotificationResponse()
