"""The other CS->CSMS actions: blocks A (security), H (reservation), K (smart charging), L
(firmware), M (ISO 15118 certificates), N (diagnostics), O (display messages), P (data transfer).

Their notifications are recorded by the server's ``Tracker`` (``ocppkit.csms.tracking``) before
these handlers run; here they are acknowledged (the notable ones logged). DataTransfer goes to
the vendor handlers registered with the server (P02); NotifyEVChargingNeeds to the server's
policy (K15-K17), which may answer with a TxProfile. Requests that ask the CSMS for something it
cannot provide get the response status that says so. Nothing here answers a valid request with
a CALLERROR.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from ocppkit.csms.blocks import Route
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.extensions import active_transaction_on
from ocppkit.csms.registry import Charger
from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    ChargingProfileType,
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
        # K15: EV needs that came before their transaction started, by (station, EVSE)
        self._waiting_needs: dict[tuple[str, int], NotifyEVChargingNeedsRequest] = {}
        ctx.events.add(self._on_event)

    def routes(self) -> dict[str, Route]:
        routes = {action: _acknowledge(action, cls) for action, cls in _ACKNOWLEDGED.items()}
        routes.update(
            {
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
            }
        )
        return routes

    async def on_data_transfer(
        self, charger: Charger, request: DataTransferRequest
    ) -> DataTransferResponse:
        """P02: the vendor handler's answer; UnknownVendorId / UnknownMessageId when none is
        registered, Rejected when it fails."""
        log.info("[%s] DataTransfer from vendor %r", charger.charger_id, request.vendor_id)
        return await self.ctx.data_transfer.dispatch(charger.charger_id, request)

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
        """K15/K16: Accepted when the policy gives a TxProfile for the EV's needs, which is then
        sent with SetChargingProfile after this answer; Rejected without a policy or a
        profile (the CSMS provides none).

        An EV's needs may come before the station has started the transaction a TxProfile must
        name (ISO 15118 talks before the TxStartPoint is reached, e.g. PowerPathClosed): with no
        transaction on the EVSE yet, the policy is asked again when one starts there, and the
        answer now is Processing. Newer needs for the EVSE replace waiting ones; a station
        that goes offline drops its own."""
        if (
            self.ctx.ev_charging_needs_policy is None
            or self.ctx.spawn is None
            or self.ctx.send is None
        ):
            return NotifyEVChargingNeedsResponse(status="Rejected")
        key = (charger.charger_id, request.evse_id)
        self._waiting_needs.pop(key, None)
        profile = await self._profile_for(charger, request)
        if profile is not None:
            self.ctx.spawn(self._send_tx_profile(charger.charger_id, request.evse_id, profile))
            return NotifyEVChargingNeedsResponse(status="Accepted")
        if active_transaction_on(charger, request.evse_id) is None:
            self._waiting_needs[key] = request
            return NotifyEVChargingNeedsResponse(status="Processing")
        return NotifyEVChargingNeedsResponse(status="Rejected")

    def _on_event(self, kind: str, charger_id: str, data: dict[str, Any]) -> None:
        """A transaction now running on an EVSE whose EV's needs wait: ask the policy again."""
        if kind == "disconnected":
            for key in [key for key in self._waiting_needs if key[0] == charger_id]:
                del self._waiting_needs[key]
            return
        if kind != "transaction" or not data.get("active") or not self._waiting_needs:
            return
        evse_id = data.get("evse_id")
        request = (
            self._waiting_needs.pop((charger_id, evse_id), None)
            if isinstance(evse_id, int)
            else None
        )
        charger = self.ctx.registry.get(charger_id) if request is not None else None
        if request is not None and charger is not None and self.ctx.spawn is not None:
            self.ctx.spawn(self._answer_waiting_needs(charger, request))

    async def _answer_waiting_needs(
        self, charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> None:
        profile = await self._profile_for(charger, request)
        if profile is None:
            log.info(
                "[%s] EV needs on EVSE %d: the policy gives no TxProfile",
                charger.charger_id,
                request.evse_id,
            )
            return
        await self._send_tx_profile(charger.charger_id, request.evse_id, profile)

    async def _profile_for(
        self, charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> ChargingProfileType | dict[str, Any] | None:
        policy = self.ctx.ev_charging_needs_policy
        if policy is None:
            return None
        try:
            profile = policy(charger, request)
            return await profile if inspect.isawaitable(profile) else profile
        except Exception:
            log.exception("[%s] EV charging needs policy failed", charger.charger_id)
            return None

    async def _send_tx_profile(
        self, charger_id: str, evse_id: int, profile: ChargingProfileType | dict[str, Any]
    ) -> None:
        """K15/K16: the TxProfile for the EV's needs, tracked as any command."""
        assert self.ctx.send is not None
        if isinstance(profile, ChargingProfileType):
            profile = profile.model_dump(mode="json", by_alias=True, exclude_none=True)
        payload = {"evseId": evse_id, "chargingProfile": profile}
        try:
            response = await self.ctx.send(charger_id, "SetChargingProfile", payload)
        except OCPPKitError as exc:
            log.warning("[%s] TxProfile for EVSE %d not sent: %r", charger_id, evse_id, exc)
            return
        log.info(
            "[%s] TxProfile for EVSE %d: %s",
            charger_id,
            evse_id,
            getattr(response, "status", response),
        )

    async def on_notify_ev_charging_schedule(
        self, charger: Charger, request: NotifyEVChargingScheduleRequest
    ) -> NotifyEVChargingScheduleResponse:
        """K15/K17: Accepted, meaning processed (the status approves no schedule): the EV's
        schedule is kept as its EVSE's ``ev_charging_schedule`` (``csms.tracking``)."""
        return NotifyEVChargingScheduleResponse(status="Accepted")

    async def on_reservation_status_update(
        self, charger: Charger, request: ReservationStatusUpdateRequest
    ) -> ReservationStatusUpdateResponse:
        """H03/H04: a reservation expired or was removed."""
        log.info(
            "[%s] reservation %d: %s",
            charger.charger_id,
            request.reservation_id,
            request.reservation_update_status,
        )
        return ReservationStatusUpdateResponse()

    async def on_security_event_notification(
        self, charger: Charger, request: SecurityEventNotificationRequest
    ) -> SecurityEventNotificationResponse:
        """A04: security events are logged for the operator."""
        log.info(
            "[%s] security event %s at %s", charger.charger_id, request.type, request.timestamp
        )
        return SecurityEventNotificationResponse()

    async def on_sign_certificate(
        self, charger: Charger, request: SignCertificateRequest
    ) -> SignCertificateResponse:
        """A02/A03: no certificate authority is configured, so the CSR is not accepted."""
        return SignCertificateResponse(status="Rejected")
