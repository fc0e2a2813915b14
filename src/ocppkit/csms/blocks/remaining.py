"""The other CS->CSMS actions, answered with valid minimal content.

Blocks A (security), H (reservation), K (smart charging), L (firmware), M (ISO 15118
certificates), N (diagnostics), O (display messages) and P (data transfer) have no behaviour in
this CSMS yet: notifications are acknowledged (and the notable ones logged), requests that ask
the CSMS for something it cannot provide get the response status that says so. Nothing here
answers a valid request with a CALLERROR.
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Route
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import (
    ClearedChargingLimitResponse,
    DataTransferRequest,
    DataTransferResponse,
    FirmwareStatusNotificationRequest,
    FirmwareStatusNotificationResponse,
    Get15118EVCertificateRequest,
    Get15118EVCertificateResponse,
    GetCertificateStatusRequest,
    GetCertificateStatusResponse,
    LogStatusNotificationRequest,
    LogStatusNotificationResponse,
    NotifyChargingLimitResponse,
    NotifyCustomerInformationResponse,
    NotifyDisplayMessagesResponse,
    NotifyEVChargingNeedsRequest,
    NotifyEVChargingNeedsResponse,
    NotifyEVChargingScheduleRequest,
    NotifyEVChargingScheduleResponse,
    NotifyEventResponse,
    NotifyMonitoringReportResponse,
    OcppModel,
    PublishFirmwareStatusNotificationResponse,
    ReportChargingProfilesResponse,
    ReservationStatusUpdateRequest,
    ReservationStatusUpdateResponse,
    SecurityEventNotificationRequest,
    SecurityEventNotificationResponse,
    SignCertificateRequest,
    SignCertificateResponse,
)

log = logging.getLogger("ocppkit.csms")

# Notifications whose response has no required content: acknowledged with an empty response.
_ACKNOWLEDGED: dict[str, type[OcppModel]] = {
    "ClearedChargingLimit": ClearedChargingLimitResponse,  # K13
    "NotifyChargingLimit": NotifyChargingLimitResponse,  # K12
    "NotifyCustomerInformation": NotifyCustomerInformationResponse,  # N09/N10
    "NotifyDisplayMessages": NotifyDisplayMessagesResponse,  # O04
    "NotifyEvent": NotifyEventResponse,  # N07/N08
    "NotifyMonitoringReport": NotifyMonitoringReportResponse,  # N02
    "PublishFirmwareStatusNotification": PublishFirmwareStatusNotificationResponse,  # L03
    "ReportChargingProfiles": ReportChargingProfilesResponse,  # K09
}


def _acknowledge(action: str, response: type[OcppModel]) -> Route:
    async def route(charger: Charger, request: OcppModel) -> OcppModel:
        log.debug("[%s] %s acknowledged", charger.charger_id, action)
        return response()

    return route


class Remaining:
    """Minimal answers for the actions no other block handles."""

    def __init__(self, ctx: CsmsContext) -> None:
        self.ctx = ctx

    def routes(self) -> dict[str, Route]:
        routes = {action: _acknowledge(action, cls) for action, cls in _ACKNOWLEDGED.items()}
        routes.update({
            "DataTransfer": self.on_data_transfer,
            "FirmwareStatusNotification": self.on_firmware_status_notification,
            "Get15118EVCertificate": self.on_get_15118_ev_certificate,
            "GetCertificateStatus": self.on_get_certificate_status,
            "LogStatusNotification": self.on_log_status_notification,
            "NotifyEVChargingNeeds": self.on_notify_ev_charging_needs,
            "NotifyEVChargingSchedule": self.on_notify_ev_charging_schedule,
            "ReservationStatusUpdate": self.on_reservation_status_update,
            "SecurityEventNotification": self.on_security_event_notification,
            "SignCertificate": self.on_sign_certificate,
        })
        return routes

    async def on_data_transfer(
        self, charger: Charger, request: DataTransferRequest
    ) -> DataTransferResponse:
        """P01: no vendor extension is known here, so every vendorId is unknown."""
        log.info("[%s] DataTransfer from vendor %r", charger.charger_id, request.vendor_id)
        return DataTransferResponse(status="UnknownVendorId")

    async def on_firmware_status_notification(
        self, charger: Charger, request: FirmwareStatusNotificationRequest
    ) -> FirmwareStatusNotificationResponse:
        """L01: keep the station's last firmware status."""
        charger.firmware_status = str(request.status)
        await self.ctx.store.station_updated(charger)
        log.info("[%s] firmware status %s", charger.charger_id, request.status)
        return FirmwareStatusNotificationResponse()

    async def on_get_15118_ev_certificate(
        self, charger: Charger, request: Get15118EVCertificateRequest
    ) -> Get15118EVCertificateResponse:
        """M01/M02: no contract certificate pool is connected, so the request fails."""
        return Get15118EVCertificateResponse(status="Failed", exi_response="")

    async def on_get_certificate_status(
        self, charger: Charger, request: GetCertificateStatusRequest
    ) -> GetCertificateStatusResponse:
        """M06: no OCSP responder is reachable from here, so the status cannot be retrieved."""
        return GetCertificateStatusResponse(status="Failed")

    async def on_log_status_notification(
        self, charger: Charger, request: LogStatusNotificationRequest
    ) -> LogStatusNotificationResponse:
        """N01: progress of a log upload the CSMS asked for with GetLog."""
        log.info("[%s] log upload %s", charger.charger_id, request.status)
        return LogStatusNotificationResponse()

    async def on_notify_ev_charging_needs(
        self, charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> NotifyEVChargingNeedsResponse:
        """K15: this CSMS computes no schedule from the EV's needs, so it says it will not."""
        return NotifyEVChargingNeedsResponse(status="Rejected")

    async def on_notify_ev_charging_schedule(
        self, charger: Charger, request: NotifyEVChargingScheduleRequest
    ) -> NotifyEVChargingScheduleResponse:
        """K17: no CSMS limit is in force that the EV's schedule could break, so it is accepted."""
        return NotifyEVChargingScheduleResponse(status="Accepted")

    async def on_reservation_status_update(
        self, charger: Charger, request: ReservationStatusUpdateRequest
    ) -> ReservationStatusUpdateResponse:
        """H03/H04: a reservation expired or was removed."""
        log.info("[%s] reservation %d: %s", charger.charger_id, request.reservation_id,
                 request.reservation_update_status)
        return ReservationStatusUpdateResponse()

    async def on_security_event_notification(
        self, charger: Charger, request: SecurityEventNotificationRequest
    ) -> SecurityEventNotificationResponse:
        """A04: security events are logged for the operator."""
        log.info("[%s] security event %s at %s", charger.charger_id, request.type,
                    request.timestamp)
        return SecurityEventNotificationResponse()

    async def on_sign_certificate(
        self, charger: Charger, request: SignCertificateRequest
    ) -> SignCertificateResponse:
        """A02/A03: no certificate authority is configured, so the CSR is not accepted."""
        return SignCertificateResponse(status="Rejected")
