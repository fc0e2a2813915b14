"""A02/A03 with the CSMS's own CA: a station's CSR (SignCertificate, here triggered with
TriggerMessage SignChargingStationCertificate, F06/A02) is checked, signed and sent back with
CertificateSigned, which our simulator accepts and keeps; the CLI's signing-CA options."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from api_support import until
from cryptography import x509
from cryptography.x509.oid import NameOID
from security_support import WAIT, csms, make_pki, url

from ocppkit.security.ca import LocalCASigner
from ocppkit.simulator import ChargerSimulator


def signed_chain(station: ChargerSimulator) -> Callable[[], Awaitable[str | None]]:
    async def chain() -> str | None:
        return station.security.signed.get("ChargingStationCertificate")

    return chain


async def test_a_triggered_renewal_is_signed_by_the_csms_ca_and_kept_by_the_station(
    tmp_path: Path,
) -> None:
    pki = make_pki(tmp_path)
    async with csms(certificate_signer=LocalCASigner(pki.ca)) as server:
        station = ChargerSimulator("CP_RENEW", url(server))
        async with asyncio.timeout(WAIT):
            await station.connect()
        try:
            answer = await server.trigger_message("CP_RENEW", "SignChargingStationCertificate")
            assert answer.status == "Accepted"
            chain = await until(signed_chain(station), WAIT)
            leaf = x509.load_pem_x509_certificate(chain.encode())
            assert leaf.issuer == pki.ca.cert.subject
            names = leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
            assert [n.value for n in names] == ["CP_RENEW"]
            signed = await until(lambda: server.commands("CP_RENEW", "CertificateSigned"), WAIT)
            assert signed[0]["status"] == "Accepted"
        finally:
            await station.disconnect()


async def test_without_a_signer_the_csr_is_rejected_and_nothing_is_signed(tmp_path: Path) -> None:
    async with csms() as server:
        station = ChargerSimulator("CP_NOCA", url(server))
        async with asyncio.timeout(WAIT):
            await station.connect()
        try:
            await server.trigger_message("CP_NOCA", "SignChargingStationCertificate")
            await until(lambda: server.station_messages("CP_NOCA", "SignCertificate"), WAIT)
            await asyncio.sleep(0.2)
            assert station.security.signed == {}
            assert await server.commands("CP_NOCA", "CertificateSigned") == []
        finally:
            await station.disconnect()


def test_the_signing_ca_options_go_together() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ocppkit", "server", "--port", "0", "--signing-ca-cert", "x.pem"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--signing-ca-cert and --signing-ca-key go together" in result.stderr
