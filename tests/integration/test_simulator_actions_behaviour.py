"""CSMS->CS actions answered with behaviour (block by block), against a scripted CSMS and, for
firmware and logs, a small HTTP server on 127.0.0.1 (an ephemeral port, in a thread)."""

from __future__ import annotations

import asyncio
import hashlib
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from test_simulator_support import ScriptedCSMS, bounded
from wire import FrameRecorder

from ocppkit.protocol.models import DataTransferRequest, DataTransferResponse
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.certificates import parse_pem_certificate

ID = "CP-ACT-2"
FIRMWARE = b"firmware image v2\n" * 100


class _Files(BaseHTTPRequestHandler):
    uploads: list[tuple[str, str, bytes]] = []

    def do_GET(self) -> None:
        body = FIRMWARE if self.path.startswith("/fw") else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.uploads.append(("PUT", self.path, self.rfile.read(length)))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def http_server() -> Iterator[str]:
    """A file server on 127.0.0.1 (ephemeral port): its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def unreachable_url() -> str:
    return "http://127.0.0.1:9/nothing"  # discard port: nothing listens


def station(csms: ScriptedCSMS) -> tuple[ChargerSimulator, FrameRecorder]:
    sim = ChargerSimulator(ID, csms.url, seed=2, sample_interval=0.2, reconnect_min_delay=0.05)
    recorder = FrameRecorder()
    sim.frame_observers.append(recorder)
    return sim, recorder


def firmware_statuses(csms: ScriptedCSMS) -> list[str]:
    return [c["status"] for c in csms.calls("FirmwareStatusNotification")]


@bounded
async def test_update_firmware_downloads_installs_and_reboots() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        with http_server() as base:
            answer = await csms.send(
                "UpdateFirmware",
                {
                    "requestId": 4,
                    "firmware": {
                        "location": f"{base}/fw/v2.bin",
                        "retrieveDateTime": "2020-01-01T00:00:00Z",
                    },
                },
            )
            assert answer.status == "Accepted"
            await csms.wait_for(lambda: "Installed" in firmware_statuses(csms))
        assert firmware_statuses(csms) == [  # L01
            "Downloading",
            "Downloaded",
            "Installing",
            "InstallRebooting",
            "Installed",
        ]
        assert all(c["requestId"] == 4 for c in csms.calls("FirmwareStatusNotification"))
        boots = csms.calls("BootNotification")
        assert boots[-1]["reason"] == "FirmwareUpdate"
        assert boots[-1]["chargingStation"]["firmwareVersion"] == "v2.bin"
        failed = await csms.send(
            "UpdateFirmware",
            {
                "requestId": 5,
                "firmware": {
                    "location": unreachable_url(),
                    "retrieveDateTime": "2020-01-01T00:00:00Z",
                },
            },
        )
        assert failed.status == "Accepted"
        await csms.wait_for(lambda: firmware_statuses(csms)[-1] == "DownloadFailed")
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_publish_and_unpublish_firmware() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        checksum = hashlib.md5(FIRMWARE).hexdigest()
        with http_server() as base:
            answer = await csms.send(
                "PublishFirmware",
                {"location": f"{base}/fw/v2.bin", "checksum": checksum, "requestId": 6},
            )
            assert answer.status == "Accepted"
            await csms.wait_for(
                lambda: (
                    csms.calls("PublishFirmwareStatusNotification")[-1:]
                    and csms.calls("PublishFirmwareStatusNotification")[-1]["status"] == "Published"
                )
            )
        steps = [c["status"] for c in csms.calls("PublishFirmwareStatusNotification")]
        assert steps == ["Downloading", "Downloaded", "ChecksumVerified", "Published"]
        assert csms.calls("PublishFirmwareStatusNotification")[-1]["location"]
        gone = await csms.send("UnpublishFirmware", {"checksum": checksum})
        assert gone.status == "Unpublished"
        again = await csms.send("UnpublishFirmware", {"checksum": checksum})
        assert again.status == "NoFirmware"
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_get_log_uploads_or_fails() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        _Files.uploads.clear()
        with http_server() as base:
            answer = await csms.send(
                "GetLog",
                {
                    "log": {"remoteLocation": f"{base}/logs/"},
                    "logType": "DiagnosticsLog",
                    "requestId": 12,
                },
            )
            assert answer.status == "Accepted"
            assert answer.filename == f"{ID}-DiagnosticsLog-12.log"
            await csms.wait_calls("LogStatusNotification", 2)
        method, path, body = _Files.uploads[0]
        assert (method, path) == ("PUT", f"/logs/{ID}-DiagnosticsLog-12.log")
        assert ID.encode() in body
        bad = await csms.send(
            "GetLog",
            {
                "log": {"remoteLocation": unreachable_url()},
                "logType": "SecurityLog",
                "requestId": 13,
            },
        )
        assert bad.status == "Accepted"
        await csms.wait_calls("LogStatusNotification", 4)
        steps = [(c["status"], c["requestId"]) for c in csms.calls("LogStatusNotification")]
        assert steps == [  # N01
            ("Uploading", 12),
            ("Uploaded", 12),
            ("Uploading", 13),
            ("UploadFailure", 13),
        ]
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_local_list_versions_and_cache() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        token = {"idToken": "A", "type": "ISO14443"}
        assert (await csms.send("GetLocalListVersion", {})).version_number == 0
        full = await csms.send(
            "SendLocalList",
            {
                "versionNumber": 2,
                "updateType": "Full",
                "localAuthorizationList": [
                    {"idToken": token, "idTokenInfo": {"status": "Accepted"}}
                ],
            },
        )
        assert full.status == "Accepted"
        stale = await csms.send("SendLocalList", {"versionNumber": 2, "updateType": "Differential"})
        assert stale.status == "VersionMismatch"  # D01
        remove = await csms.send(
            "SendLocalList",
            {
                "versionNumber": 3,
                "updateType": "Differential",
                "localAuthorizationList": [{"idToken": token}],
            },
        )
        assert remove.status == "Accepted" and not sim.local_list.entries
        assert (await csms.send("GetLocalListVersion", {})).version_number == 3  # D02
        assert await sim.present_token("CACHED", 1)
        assert len(sim.authorization.cache.entries) == 1  # C10: the CSMS's answer is cached
        cleared = await csms.send("ClearCache", {})
        assert cleared.status == "Accepted" and not sim.authorization.cache.entries  # C11
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_display_messages_and_costs() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        message = {
            "id": 1,
            "priority": "NormalCycle",
            "message": {"format": "UTF8", "content": "Welcome"},
        }
        assert (await csms.send("SetDisplayMessage", {"message": message})).status == "Accepted"
        orphan = {**message, "id": 2, "transactionId": "nope"}
        unknown = await csms.send("SetDisplayMessage", {"message": orphan})
        assert unknown.status == "UnknownTransaction"
        got = await csms.send("GetDisplayMessages", {"requestId": 3})
        assert got.status == "Accepted"
        (notify,) = await csms.wait_calls("NotifyDisplayMessages")
        assert notify["requestId"] == 3 and notify["messageInfo"][0]["message"]["content"] == (
            "Welcome"
        )
        assert (await csms.send("ClearDisplayMessage", {"id": 1})).status == "Accepted"
        assert (await csms.send("ClearDisplayMessage", {"id": 1})).status == "Unknown"
        assert (await csms.send("GetDisplayMessages", {"requestId": 4})).status == "Unknown"
        await csms.send("CostUpdated", {"totalCost": 3.25, "transactionId": "tx-9"})
        assert sim.tariff_cost.costs == {"tx-9": 3.25}
        await sim.disconnect()
    recorder.assert_all_valid()


def _openssl_certificate(tmp: Path) -> str:
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            str(tmp / "key.pem"),
            "-out",
            str(tmp / "cert.pem"),
            "-subj",
            "/CN=Test Root/O=ocppkit",
            "-days",
            "2",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return (tmp / "cert.pem").read_text()


def _openssl(args: list[str], stdin: str) -> str:
    done = subprocess.run(
        ["openssl", *args], input=stdin, check=True, capture_output=True, text=True, timeout=30
    )
    return done.stdout + done.stderr


class SigningCSMS(ScriptedCSMS):
    """Also answers SignCertificate (A02): Accepted."""

    def response(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        if action == "SignCertificate":
            return {"status": "Accepted"}
        return super().response(action, payload)


@pytest.mark.skipif(
    subprocess.run(["which", "openssl"], capture_output=True).returncode != 0,
    reason="needs the openssl command",
)
@bounded
async def test_certificates(tmp_path: Path) -> None:
    pem = await asyncio.to_thread(_openssl_certificate, tmp_path)
    serial = _openssl(["x509", "-noout", "-serial"], pem).strip().split("=")[1].lower()
    async with SigningCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        bad = await csms.send(
            "InstallCertificate", {"certificateType": "CSMSRootCertificate", "certificate": "x"}
        )
        assert bad.status == "Rejected"
        ok = await csms.send(
            "InstallCertificate", {"certificateType": "CSMSRootCertificate", "certificate": pem}
        )
        assert ok.status == "Accepted"  # M05
        ids = await csms.send(
            "GetInstalledCertificateIds", {"certificateType": ["CSMSRootCertificate"]}
        )
        (chain,) = ids.certificate_hash_data_chain
        data = chain.certificate_hash_data
        assert data.serial_number == serial.lstrip("0")
        cert = parse_pem_certificate(pem)
        assert data.issuer_name_hash == hashlib.sha256(cert.issuer_der).hexdigest()
        none = await csms.send(
            "GetInstalledCertificateIds", {"certificateType": ["MORootCertificate"]}
        )
        assert none.status == "NotFound"
        wire = data.model_dump(by_alias=True, exclude_none=True)
        assert (await csms.send("DeleteCertificate", {"certificateHashData": wire})).status == (
            "Accepted"
        )
        assert (await csms.send("DeleteCertificate", {"certificateHashData": wire})).status == (
            "NotFound"
        )
        trigger = await csms.send(
            "TriggerMessage", {"requestedMessage": "SignChargingStationCertificate"}
        )
        assert trigger.status == "Accepted"
        (sign,) = await csms.wait_calls("SignCertificate")
        verified = await asyncio.to_thread(
            _openssl, ["req", "-verify", "-noout", "-subject"], sign["csr"]
        )
        assert "verify OK" in verified and f"CN = {ID}" in verified  # A02
        signed = await csms.send("CertificateSigned", {"certificateChain": pem})
        assert signed.status == "Accepted"
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_customer_information_reports_then_clears() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        assert await sim.present_token("CUSTOMER", 1)
        token = {"idToken": "CUSTOMER", "type": "ISO14443"}
        invalid = await csms.send(
            "CustomerInformation", {"requestId": 1, "report": True, "clear": False}
        )
        assert invalid.status == "Invalid"
        answer = await csms.send(
            "CustomerInformation", {"requestId": 2, "report": True, "clear": True, "idToken": token}
        )
        assert answer.status == "Accepted"  # N09/N10
        (notify,) = await csms.wait_calls("NotifyCustomerInformation")
        assert notify["requestId"] == 2 and notify["seqNo"] == 0 and not notify["tbc"]
        assert "authorization cache: Accepted" in notify["data"] and "cleared" in notify["data"]
        assert not sim.authorization.cache.entries
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_data_transfer_network_profile_and_triggers() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)

        async def echo(request: DataTransferRequest) -> DataTransferResponse:
            return DataTransferResponse(status="Accepted", data={"echo": request.data})

        sim.register_vendor("org.example", echo)
        await sim.connect()
        unknown = await csms.send("DataTransfer", {"vendorId": "other"})
        assert unknown.status == "UnknownVendorId"
        known = await csms.send("DataTransfer", {"vendorId": "org.example", "data": 5})
        assert (known.status, known.data) == ("Accepted", {"echo": 5})
        profile = {
            "ocppVersion": "OCPP20",
            "ocppTransport": "JSON",
            "ocppCsmsUrl": "wss://x/y",
            "messageTimeout": 30,
            "securityProfile": 2,
            "ocppInterface": "Wired0",
        }
        stored = await csms.send(
            "SetNetworkProfile", {"configurationSlot": 2, "connectionData": profile}
        )
        slots = sim.provisioning.network_profiles
        assert stored.status == "Accepted" and slots[2].ocpp_csms_url == "wss://x/y"
        for message in (
            "FirmwareStatusNotification",
            "LogStatusNotification",
            "PublishFirmwareStatusNotification",
        ):
            answer = await csms.send("TriggerMessage", {"requestedMessage": message})
            assert answer.status == "Accepted"
            (sent,) = await csms.wait_calls(message)
            assert sent["status"] == "Idle"
        await sim.disconnect()
    recorder.assert_all_valid()
