"""M ISO 15118 certificate management: Get15118EVCertificate (M01/M02) and GetCertificateStatus
(M06), both recorded by the tracker as station messages.

No contract certificate pool and no OCSP responder are connected to this CSMS, so both requests
get the status that says so (Failed), never a CALLERROR.
"""

from __future__ import annotations

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import (
    Get15118EVCertificateRequest,
    Get15118EVCertificateResponse,
    GetCertificateStatusRequest,
    GetCertificateStatusResponse,
)


class Iso15118Certificates(Block):
    """Answers the stations' certificate requests on behalf of their EVs."""

    @handles("Get15118EVCertificate", notice=Notice())
    async def on_get_15118_ev_certificate(
        self, charger: Charger, request: Get15118EVCertificateRequest
    ) -> Get15118EVCertificateResponse:
        """M01/M02: no contract certificate pool is connected, so the request fails."""
        return Get15118EVCertificateResponse(status="Failed", exi_response="")

    @handles("GetCertificateStatus", notice=Notice())
    async def on_get_certificate_status(
        self, charger: Charger, request: GetCertificateStatusRequest
    ) -> GetCertificateStatusResponse:
        """M06: no OCSP responder is reachable from here, so the status cannot be retrieved."""
        return GetCertificateStatusResponse(status="Failed")
