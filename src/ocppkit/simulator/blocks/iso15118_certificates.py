"""Block M, ISO 15118 certificate management: InstallCertificate (M05), DeleteCertificate (M04)
and GetInstalledCertificateIds (M03), on the station's ``CertificateStore``."""

from __future__ import annotations

from collections.abc import Mapping

from ocppkit.protocol.models import (
    CertificateHashDataChainType,
    DeleteCertificateRequest,
    DeleteCertificateResponse,
    DeleteCertificateStatusEnumType,
    GetCertificateIdUseEnumType,
    GetInstalledCertificateIdsRequest,
    GetInstalledCertificateIdsResponse,
    GetInstalledCertificateStatusEnumType,
    HashAlgorithmEnumType,
    InstallCertificateRequest,
    InstallCertificateResponse,
    InstallCertificateStatusEnumType,
    StatusInfoType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.certificates import CertificateError, CertificateStore, parse_pem_certificate
from ocppkit.simulator.context import StationContext


class Iso15118Certificates:
    """The certificates installed in one station (by type)."""

    __slots__ = ("_ctx", "store")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.store = CertificateStore()

    def routes(self) -> Mapping[str, Handler]:
        return {
            "InstallCertificate": self.on_install_certificate,
            "DeleteCertificate": self.on_delete_certificate,
            "GetInstalledCertificateIds": self.on_get_installed_certificate_ids,
        }

    async def on_install_certificate(
        self, request: InstallCertificateRequest
    ) -> InstallCertificateResponse:
        """M05: Accepted and installed; Rejected for a certificate that does not parse."""
        try:
            certificate = parse_pem_certificate(request.certificate)
        except CertificateError as exc:
            return InstallCertificateResponse(
                status=InstallCertificateStatusEnumType.Rejected,
                status_info=StatusInfoType(
                    reason_code="InvalidCertificate", additional_info=str(exc)[:512]
                ),
            )
        self.store.install(request.certificate_type, certificate)
        return InstallCertificateResponse(status=InstallCertificateStatusEnumType.Accepted)

    async def on_delete_certificate(
        self, request: DeleteCertificateRequest
    ) -> DeleteCertificateResponse:
        """M04: Accepted when the certificate named was installed, else NotFound."""
        found = self.store.delete(request.certificate_hash_data)
        status = (
            DeleteCertificateStatusEnumType.Accepted
            if found
            else DeleteCertificateStatusEnumType.NotFound
        )
        return DeleteCertificateResponse(status=status)

    async def on_get_installed_certificate_ids(
        self, request: GetInstalledCertificateIdsRequest
    ) -> GetInstalledCertificateIdsResponse:
        """M03: the hash data of the installed certificates of the types asked (all when none
        is named), or NotFound."""
        store = self.store
        types = [str(t) for t in request.certificate_type] if request.certificate_type else None
        chain = [
            CertificateHashDataChainType(
                certificate_type=GetCertificateIdUseEnumType(kind),
                certificate_hash_data=store.hash_data(cert, HashAlgorithmEnumType.SHA256),
            )
            for kind, cert in store.select(types)
        ]
        if not chain:
            return GetInstalledCertificateIdsResponse(
                status=GetInstalledCertificateStatusEnumType.NotFound
            )
        return GetInstalledCertificateIdsResponse(
            status=GetInstalledCertificateStatusEnumType.Accepted,
            certificate_hash_data_chain=chain,
        )
