"""Block A (CertificateSigned, A02/A03; SignCertificate is sent on TriggerMessage, see
``send_sign_certificate``) and block M (InstallCertificate M05, DeleteCertificate M04,
GetInstalledCertificateIds M03)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    CertificateHashDataChainType,
    CertificateSignedRequest,
    CertificateSignedResponse,
    CertificateSignedStatusEnumType,
    CertificateSigningUseEnumType,
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
    SignCertificateRequest,
    SignCertificateResponse,
    StatusInfoType,
)
from ocppkit.simulator.certificates import (
    CertificateError,
    parse_der_certificate,
    parse_pem_certificate,
    pem_blocks,
)
from ocppkit.simulator.csr import certificate_signing_request

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
ORGANIZATION = ("SecurityCtrlr", "OrganizationName")


async def on_install_certificate(
    station: ChargerSimulator, request: InstallCertificateRequest
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
    station.certificates.install(request.certificate_type, certificate)
    return InstallCertificateResponse(status=InstallCertificateStatusEnumType.Accepted)


async def on_delete_certificate(
    station: ChargerSimulator, request: DeleteCertificateRequest
) -> DeleteCertificateResponse:
    """M04: Accepted when the certificate named was installed, else NotFound."""
    found = station.certificates.delete(request.certificate_hash_data)
    status = (
        DeleteCertificateStatusEnumType.Accepted
        if found
        else (DeleteCertificateStatusEnumType.NotFound)
    )
    return DeleteCertificateResponse(status=status)


async def on_get_installed_certificate_ids(
    station: ChargerSimulator, request: GetInstalledCertificateIdsRequest
) -> GetInstalledCertificateIdsResponse:
    """M03: the hash data of the installed certificates of the types asked (all when none
    is named), or NotFound."""
    store = station.certificates
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
        status=GetInstalledCertificateStatusEnumType.Accepted, certificate_hash_data_chain=chain
    )


async def on_certificate_signed(
    station: ChargerSimulator, request: CertificateSignedRequest
) -> CertificateSignedResponse:
    """A02/A03: Accepted and kept as the station's certificate when every certificate of the
    chain parses, else Rejected."""
    try:
        for der in pem_blocks(request.certificate_chain):
            parse_der_certificate(der)
    except CertificateError as exc:
        return CertificateSignedResponse(
            status=CertificateSignedStatusEnumType.Rejected,
            status_info=StatusInfoType(reason_code="InvalidChain", additional_info=str(exc)[:512]),
        )
    kind = request.certificate_type or CertificateSigningUseEnumType.ChargingStationCertificate
    station.certificates.signed[str(kind)] = request.certificate_chain
    return CertificateSignedResponse(status=CertificateSignedStatusEnumType.Accepted)


async def send_sign_certificate(station: ChargerSimulator) -> None:
    """A02: a new key pair and a SignCertificate with its CSR (CN = identity, O =
    SecurityCtrlr.OrganizationName); the CSMS answers with CertificateSigned later."""
    organization = station.device_model.value(ORGANIZATION)
    _, csr = certificate_signing_request(station.charger_id, organization)
    request = SignCertificateRequest(
        csr=csr, certificate_type=CertificateSigningUseEnumType.ChargingStationCertificate
    )
    try:
        response: SignCertificateResponse = await station.call("SignCertificate", request)
    except OCPPKitError as exc:
        log.warning("[%s] SignCertificate not delivered: %r", station.charger_id, exc)
        return
    log.info("[%s] SignCertificate: %s", station.charger_id, response.status)


HANDLERS = {
    "CertificateSigned": on_certificate_signed,
    "InstallCertificate": on_install_certificate,
    "DeleteCertificate": on_delete_certificate,
    "GetInstalledCertificateIds": on_get_installed_certificate_ids,
}
