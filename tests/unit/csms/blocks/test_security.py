"""A Security: security events kept, CSRs Rejected without a signer, signed with one."""

import asyncio
from typing import Any

from ocppkit.protocol.models import CertificateSignedResponse, OcppModel
from ocppkit.simulator.csr import certificate_signing_request

from .support import Csms


async def test_sign_certificate_is_rejected_without_a_signer() -> None:
    assert await Csms().send("CP", "SignCertificate", {"csr": "x"}) == {"status": "Rejected"}


async def test_security_events_are_kept() -> None:
    csms = Csms()
    event = {"type": "FirmwareUpdated", "timestamp": "2025-01-02T03:00:00Z", "techInfo": "v2"}
    assert await csms.send("CP", "SecurityEventNotification", event) == {}
    kept = await csms.tracker.messages("CP")
    assert [(m["action"], m["payload"]) for m in kept] == [("SecurityEventNotification", event)]


class Signer:
    async def sign(self, station_id: str, csr: str, certificate_type: str) -> str:
        return f"chain of {station_id} ({certificate_type})"


def csr_of(common_name: str) -> str:
    return certificate_signing_request(common_name, "ocppkit")[1]


async def test_with_a_signer_the_chain_follows_in_certificate_signed() -> None:
    """A02/A03: Accepted, then CertificateSigned with the signed chain, after the answer."""
    sent: list[tuple[str, str, Any]] = []
    tasks: list[asyncio.Task[Any]] = []

    async def send(station_id: str, action: str, request: Any) -> OcppModel:
        sent.append((station_id, action, request))
        return CertificateSignedResponse(status="Accepted")

    csms = Csms(
        signer=Signer(),
        send=send,
        spawn=lambda coro: tasks.append(asyncio.get_running_loop().create_task(coro)),
    )
    wire = {"csr": csr_of("CP"), "certificateType": "ChargingStationCertificate"}
    assert await csms.send("CP", "SignCertificate", wire) == {"status": "Accepted"}
    assert sent == []
    await asyncio.wait_for(asyncio.gather(*tasks), 5)
    [(station_id, action, request)] = sent
    assert (station_id, action) == ("CP", "CertificateSigned")
    assert request.certificate_chain == "chain of CP (ChargingStationCertificate)"
    assert request.certificate_type == "ChargingStationCertificate"


async def test_a_csr_naming_another_station_is_rejected_and_never_signed() -> None:
    """A02.FR.02 (the CSMS checks the CSR): a CSR whose subject is another station, or that is
    no CSR at all, is Rejected InvalidCSR and nothing is sent."""
    sent: list[Any] = []
    tasks: list[asyncio.Task[Any]] = []

    async def send(station_id: str, action: str, request: Any) -> OcppModel:
        sent.append(request)
        return CertificateSignedResponse(status="Accepted")

    csms = Csms(
        signer=Signer(),
        send=send,
        spawn=lambda coro: tasks.append(asyncio.get_running_loop().create_task(coro)),
    )
    for csr in (csr_of("OTHER"), "not a CSR"):
        answer = await csms.send("CP", "SignCertificate", {"csr": csr})
        assert answer["status"] == "Rejected"
        assert answer["statusInfo"]["reasonCode"] == "InvalidCSR"
    assert tasks == [] and sent == []
