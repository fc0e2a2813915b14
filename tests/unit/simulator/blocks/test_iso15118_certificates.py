"""Block M: InstallCertificate (M05), GetInstalledCertificateIds (M03), DeleteCertificate (M04)."""

from __future__ import annotations

from pathlib import Path

from ocppkit.protocol.models import (
    DeleteCertificateRequest,
    GetInstalledCertificateIdsRequest,
    InstallCertificateRequest,
)
from ocppkit.simulator.blocks.iso15118_certificates import Iso15118Certificates

from .support import make_station, needs_openssl, self_signed_pem


async def test_m05_a_certificate_that_does_not_parse_is_rejected() -> None:
    block = Iso15118Certificates(make_station().ctx)
    answer = await block.on_install_certificate(
        InstallCertificateRequest(certificate_type="V2GRootCertificate", certificate="x")
    )
    assert answer.status == "Rejected" and answer.status_info.reason_code == "InvalidCertificate"
    none = await block.on_get_installed_certificate_ids(GetInstalledCertificateIdsRequest())
    assert none.status == "NotFound"


@needs_openssl
async def test_m03_m04_m05_install_list_and_delete(tmp_path: Path) -> None:
    block = Iso15118Certificates(make_station().ctx)
    pem = self_signed_pem(tmp_path)
    installed = await block.on_install_certificate(
        InstallCertificateRequest(certificate_type="V2GRootCertificate", certificate=pem)
    )
    assert installed.status == "Accepted"
    other = await block.on_get_installed_certificate_ids(
        GetInstalledCertificateIdsRequest(certificate_type=["CSMSRootCertificate"])
    )
    assert other.status == "NotFound"
    listed = await block.on_get_installed_certificate_ids(GetInstalledCertificateIdsRequest())
    (chain,) = listed.certificate_hash_data_chain
    assert listed.status == "Accepted" and chain.certificate_type == "V2GRootCertificate"
    request = DeleteCertificateRequest(certificate_hash_data=chain.certificate_hash_data)
    assert (await block.on_delete_certificate(request)).status == "Accepted"
    assert (await block.on_delete_certificate(request)).status == "NotFound"
