"""A Security: SecurityEventNotification (A04) and SignCertificate (A02/A03).

Security events are recorded by the tracker as station messages (and logged for the operator).
A station's CSR is checked (key strength, subject = the station: a CSR naming another station is
never signed) and goes to the context's ``signer`` (``ocppkit server --signing-ca-key``, or any
``ocppkit.security.ca.CertificateSigner``): with none configured it is Rejected; with one, it is
Accepted and the signed chain is sent back with CertificateSigned (A02/A03) from a task of its
own, after the SignCertificateResponse.
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.registry import Charger
from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    CertificateSignedRequest,
    CertificateSigningUseEnumType,
    SecurityEventNotificationRequest,
    SecurityEventNotificationResponse,
    SignCertificateRequest,
    SignCertificateResponse,
    StatusInfoType,
)
from ocppkit.security.ca import CsrRejected, check_csr

log = logging.getLogger("ocppkit.csms")


class Security(Block):
    """Keeps the stations' security events and signs their certificates through the signer."""

    @handles("SecurityEventNotification", notice=Notice())
    async def on_security_event_notification(
        self, charger: Charger, request: SecurityEventNotificationRequest
    ) -> SecurityEventNotificationResponse:
        """A04: security events are kept (the tracker's station messages) and logged."""
        log.info(
            "[%s] security event %s at %s", charger.charger_id, request.type, request.timestamp
        )
        return SecurityEventNotificationResponse()

    @handles("SignCertificate", notice=Notice())
    async def on_sign_certificate(
        self, charger: Charger, request: SignCertificateRequest
    ) -> SignCertificateResponse:
        """A02/A03: Accepted when a signer is configured (the chain follows in CertificateSigned),
        else Rejected: no certificate authority to forward the CSR to."""
        if self.ctx.signer is None or self.ctx.spawn is None or self.ctx.send is None:
            return SignCertificateResponse(status="Rejected")
        try:
            check_csr(request.csr, charger.charger_id)
        except CsrRejected as exc:
            log.warning("[%s] SignCertificate refused: %s", charger.charger_id, exc)
            return SignCertificateResponse(
                status="Rejected",
                status_info=StatusInfoType(
                    reason_code="InvalidCSR", additional_info=str(exc)[:512]
                ),
            )
        self.ctx.spawn(self._send_signed(charger.charger_id, request))
        return SignCertificateResponse(status="Accepted")

    async def _send_signed(self, station_id: str, request: SignCertificateRequest) -> None:
        """A02/A03: the signed chain, sent with CertificateSigned (tracked)."""
        assert self.ctx.signer is not None and self.ctx.send is not None
        certificate_type = str(
            request.certificate_type or CertificateSigningUseEnumType.ChargingStationCertificate
        )
        try:
            chain = await self.ctx.signer.sign(station_id, request.csr, certificate_type)
        except Exception:
            log.exception("[%s] signing the CSR failed", station_id)
            return
        signed = CertificateSignedRequest(
            certificate_chain=chain, certificate_type=request.certificate_type
        )
        try:
            response = await self.ctx.send(station_id, "CertificateSigned", signed)
        except OCPPKitError as exc:
            log.warning("[%s] CertificateSigned not delivered: %r", station_id, exc)
            return
        log.info("[%s] CertificateSigned: %s", station_id, getattr(response, "status", response))
