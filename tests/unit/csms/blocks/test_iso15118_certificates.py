"""M ISO 15118 certificates: no pool, no OCSP responder, so both requests fail politely."""

from .support import Csms


async def test_ev_certificate_and_status_requests_fail() -> None:
    csms = Csms()
    ev = {"iso15118SchemaVersion": "x", "action": "Install", "exiRequest": "x"}
    assert await csms.send("CP", "Get15118EVCertificate", ev) == {
        "status": "Failed",
        "exiResponse": "",
    }  # M01/M02
    ocsp = {
        "ocspRequestData": {
            "hashAlgorithm": "SHA256",
            "issuerNameHash": "a",
            "issuerKeyHash": "b",
            "serialNumber": "c",
            "responderURL": "http://ocsp",
        }
    }
    assert await csms.send("CP", "GetCertificateStatus", ocsp) == {"status": "Failed"}  # M06
    kept = await csms.tracker.messages("CP")
    assert [m["action"] for m in kept] == ["GetCertificateStatus", "Get15118EVCertificate"]
