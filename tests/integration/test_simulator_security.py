"""Security profiles 1-3 on the station side, against websockets servers on 127.0.0.1:
HTTP Basic auth checked in the handshake, and TLS with a CA and client certificates made by the
``openssl`` command in a temporary directory."""

from __future__ import annotations

import base64
import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path

import orjson
import pytest
from test_simulator_support import WAIT, bounded
from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

from ocppkit.simulator import ChargerSimulator, SimulatorError
from ocppkit.simulator.security import client_ssl_context, tls_argument

REPLIES = {
    "BootNotification": {
        "currentTime": "2025-01-01T00:00:00Z",
        "interval": 60,
        "status": "Accepted",
    },
    "Heartbeat": {"currentTime": "2025-01-01T00:00:00Z"},
}


class Responder:
    """A bare OCPP responder that records the handshake it saw."""

    def __init__(self, password: str | None = None) -> None:
        self.password = password
        self.authorizations: list[str | None] = []
        self.peer_certificates: list[object] = []

    def check(self, _: ServerConnection, request: Request) -> Response | None:
        header = request.headers.get("Authorization")
        self.authorizations.append(header)
        if self.password is None:
            return None
        identity = request.path.rsplit("/", 1)[-1]
        expected = base64.b64encode(f"{identity}:{self.password}".encode()).decode()
        if header != f"Basic {expected}":
            return Response(HTTPStatus.UNAUTHORIZED, "Unauthorized", _headers(), b"")
        return None

    async def handle(self, ws: ServerConnection) -> None:
        ssl_object = ws.transport.get_extra_info("ssl_object")
        if ssl_object is not None:
            self.peer_certificates.append(ssl_object.getpeercert())
        async for text in ws:
            message = orjson.loads(text)
            if message[0] == 2:
                reply = REPLIES.get(message[2], {})
                await ws.send(orjson.dumps([3, message[1], reply]).decode())


def _headers():  # type: ignore[no-untyped-def]
    from websockets.datastructures import Headers

    return Headers([("WWW-Authenticate", 'Basic realm="ocpp"'), ("Content-Length", "0")])


@asynccontextmanager
async def responder(
    password: str | None = None, tls: ssl.SSLContext | None = None
) -> AsyncIterator[tuple[Responder, int]]:
    r = Responder(password)
    async with serve(
        r.handle,
        "127.0.0.1",
        0,
        subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
        process_request=r.check,
        ssl=tls,
    ) as server:
        yield r, server.sockets[0].getsockname()[1]


async def connects(sim: ChargerSimulator, within: float = WAIT) -> bool:
    try:
        await sim.connect(within)
    except SimulatorError:
        return False
    await sim.disconnect()
    return True


@bounded
async def test_profile_1_sends_basic_auth_with_the_station_id_as_username() -> None:
    async with responder(password="s3cret-pass") as (r, port):
        url = f"ws://127.0.0.1:{port}/ocpp"
        assert await connects(ChargerSimulator("CP-SEC-1", url, basic_auth_password="s3cret-pass"))
        expected = base64.b64encode(b"CP-SEC-1:s3cret-pass").decode()
        assert r.authorizations == [f"Basic {expected}"]
        wrong = ChargerSimulator(
            "CP-SEC-1", url, basic_auth_password="nope", reconnect_min_delay=0.05
        )
        assert not await connects(wrong, within=1.0)
        assert not await connects(
            ChargerSimulator("CP-SEC-1", url, reconnect_min_delay=0.05), within=1.0
        )
        assert None in r.authorizations


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA, a server certificate for 127.0.0.1 and a client certificate, made by openssl."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    d = tmp_path_factory.mktemp("pki")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True, timeout=60)

    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=ocppkit test CA",
    )
    (d / "server.ext").write_text("subjectAltName=IP:127.0.0.1\n")
    for name, subject in (("server", "/CN=127.0.0.1"), ("client", "/CN=CP-SEC-3")):
        openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            f"{name}.key",
            "-out",
            f"{name}.csr",
            "-subj",
            subject,
        )
        extra = ["-extfile", "server.ext"] if name == "server" else []
        openssl(
            "x509",
            "-req",
            "-in",
            f"{name}.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            f"{name}.pem",
            "-days",
            "2",
            *extra,
        )
    return d


def server_context(pki: Path, require_client: bool) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki / "server.pem", pki / "server.key")
    if require_client:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(pki / "ca.pem")
    return context


@bounded
async def test_profile_2_wss_with_a_ca_file_and_basic_auth(pki: Path) -> None:
    async with responder("pw", server_context(pki, require_client=False)) as (r, port):
        url = f"wss://127.0.0.1:{port}/ocpp"
        trusted = client_ssl_context(str(pki / "ca.pem"))
        sim = ChargerSimulator("CP-SEC-2", url, basic_auth_password="pw", ssl_context=trusted)
        assert await connects(sim)
        assert r.authorizations and r.authorizations[0] is not None
        untrusted = ChargerSimulator(
            "CP-SEC-2", url, basic_auth_password="pw", reconnect_min_delay=0.05
        )  # system CAs: not ours
        assert not await connects(untrusted, within=1.0)


@bounded
async def test_profile_3_client_certificate(pki: Path) -> None:
    async with responder(None, server_context(pki, require_client=True)) as (r, port):
        url = f"wss://127.0.0.1:{port}/ocpp"
        context = client_ssl_context(
            str(pki / "ca.pem"), str(pki / "client.pem"), str(pki / "client.key")
        )
        assert await connects(ChargerSimulator("CP-SEC-3", url, ssl_context=context))
        subject = dict(item[0] for item in r.peer_certificates[0]["subject"])  # type: ignore[index]
        assert subject["commonName"] == "CP-SEC-3"
        no_cert = ChargerSimulator(
            "CP-SEC-3",
            url,
            reconnect_min_delay=0.05,
            ssl_context=client_ssl_context(str(pki / "ca.pem")),
        )
        assert not await connects(no_cert, within=1.0)


def test_client_context_needs_a_certificate_for_a_key(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="needs its certificate"):
        client_ssl_context(key_file=str(tmp_path / "k.pem"))
    with pytest.raises(OSError):
        client_ssl_context(ca_file=str(tmp_path / "missing.pem"))


def test_tls_is_used_only_for_wss() -> None:
    assert tls_argument("ws://h/x", ssl.create_default_context()) is None
    assert tls_argument("wss://h/x", None) is True
