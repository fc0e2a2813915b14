"""Block A, security: the HTTP Basic auth password (A01, SecurityCtrlr.BasicAuthPassword), the
station's certificate (A02/A03: SignCertificate, sent on TriggerMessage, and CertificateSigned).

The link's TLS and Basic auth settings are ``simulator.security``'s; this block keeps the password
the link sends in step with the device model: a value kept in the state file wins over the
constructor's, and a new value set by the CSMS is used from the next connection on (hence
RebootRequired).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    CertificateSignedRequest,
    CertificateSignedResponse,
    CertificateSignedStatusEnumType,
    CertificateSigningUseEnumType,
    SignCertificateRequest,
    SignCertificateResponse,
    StatusInfoType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.certificates import CertificateError, parse_der_certificate, pem_blocks
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.csr import certificate_signing_request
from ocppkit.simulator.device.variables import Key

log = logging.getLogger("ocppkit.simulator")
ORGANIZATION = ("SecurityCtrlr", "OrganizationName")
BASIC_AUTH_PASSWORD = Key("SecurityCtrlr", "BasicAuthPassword")


class Security:
    """The security of one station: its Basic auth password and its signed certificates."""

    __slots__ = ("_ctx", "basic_auth_password", "signed")

    def __init__(self, ctx: StationContext, basic_auth_password: str | None) -> None:
        self._ctx = ctx
        self.signed: dict[str, str] = {}  # certificateType -> the PEM chain CertificateSigned
        self.basic_auth_password = basic_auth_password
        self._adopt_basic_auth_password()

    def routes(self) -> Mapping[str, Handler]:
        return {"CertificateSigned": self.on_certificate_signed}

    def _adopt_basic_auth_password(self) -> None:
        """A01: the password kept in the device model wins; else the constructor's is kept
        there; a later SetVariables changes the one the next connection sends."""
        model = self._ctx.device_model
        kept = model.value(BASIC_AUTH_PASSWORD)
        if kept:
            self.basic_auth_password = kept
        elif self.basic_auth_password:
            model.set_value(BASIC_AUTH_PASSWORD, self.basic_auth_password, notify=False)

        def changed(key: Key | None = None) -> None:
            if key == BASIC_AUTH_PASSWORD:
                self.basic_auth_password = model.value(BASIC_AUTH_PASSWORD) or None

        model.listen(changed)

    async def on_certificate_signed(
        self, request: CertificateSignedRequest
    ) -> CertificateSignedResponse:
        """A02/A03: Accepted and kept as the station's certificate when every certificate of
        the chain parses, else Rejected."""
        try:
            for der in pem_blocks(request.certificate_chain):
                parse_der_certificate(der)
        except CertificateError as exc:
            return CertificateSignedResponse(
                status=CertificateSignedStatusEnumType.Rejected,
                status_info=StatusInfoType(
                    reason_code="InvalidChain", additional_info=str(exc)[:512]
                ),
            )
        kind = request.certificate_type or CertificateSigningUseEnumType.ChargingStationCertificate
        self.signed[str(kind)] = request.certificate_chain
        return CertificateSignedResponse(status=CertificateSignedStatusEnumType.Accepted)

    async def send_sign_certificate(self) -> None:
        """A02: a new key pair and a SignCertificate with its CSR (CN = identity, O =
        SecurityCtrlr.OrganizationName); the CSMS answers with CertificateSigned later."""
        ctx = self._ctx
        organization = ctx.device_model.value(ORGANIZATION)
        _, csr = certificate_signing_request(ctx.station_id, organization)
        request = SignCertificateRequest(
            csr=csr, certificate_type=CertificateSigningUseEnumType.ChargingStationCertificate
        )
        try:
            response: SignCertificateResponse = await ctx.call("SignCertificate", request)
        except OCPPKitError as exc:
            log.warning("[%s] SignCertificate not delivered: %r", ctx.station_id, exc)
            return
        log.info("[%s] SignCertificate: %s", ctx.station_id, response.status)
