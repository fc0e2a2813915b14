"""Certificates for the security tests, made with ``ocppkit.security.ca`` in a folder: a CA,
the CSMS's certificate for 127.0.0.1, station certificates, an expired one, one from a stranger
CA, and a CSMS started with them."""

from __future__ import annotations

import asyncio
import itertools
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocppkit.csms import OCPPServer
from ocppkit.security.ca import CertificateAuthority, cert_pem, key_pem
from ocppkit.security.limits import Limits
from ocppkit.security.tls import server_ssl_context
from ocppkit.simulator.security import client_ssl_context

_FILES = itertools.count(1)
WAIT = 5.0
PASSWORD = "correct-horse-battery"  # 16-40 characters (A00)
# Tests refuse many handshakes from 127.0.0.1: the failure throttle would slow them down.
TEST_LIMITS = Limits(auth_failure_max_delay=0.0)


@dataclass
class Pki:
    folder: Path
    ca: CertificateAuthority

    @property
    def ca_file(self) -> str:
        return str(self.folder / "ca-cert.pem")

    def station(self, station_id: str, days: int = 30, ca: CertificateAuthority | None = None):
        """(cert file, key file) of a new certificate naming ``station_id``."""
        cert, key = (ca or self.ca).issue_station(station_id, days=days)
        stem = self.folder / f"{station_id}-{next(_FILES)}"
        cert_file, key_file = Path(f"{stem}-cert.pem"), Path(f"{stem}-key.pem")
        cert_file.write_bytes(cert_pem(cert))
        key_file.write_bytes(key_pem(key))
        return str(cert_file), str(key_file)

    def client(self, station_id: str | None = None, **kwargs: Any) -> ssl.SSLContext:
        """A station's TLS context trusting the CA, with a certificate for ``station_id``."""
        if station_id is None:
            return client_ssl_context(self.ca_file)
        return client_ssl_context(self.ca_file, *self.station(station_id, **kwargs))

    def revoke(self, cert_file: str) -> str:
        """A CRL file listing the certificate in ``cert_file``."""
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import Encoding

        serial = x509.load_pem_x509_certificate(Path(cert_file).read_bytes()).serial_number
        crl = self.folder / "crl.pem"
        crl.write_bytes(self.ca.crl([serial]).public_bytes(Encoding.PEM))
        return str(crl)

    def server_context(self, client_ca: bool = True, crl: str | None = None) -> ssl.SSLContext:
        return server_ssl_context(
            str(self.folder / "server-cert.pem"),
            str(self.folder / "server-key.pem"),
            self.ca_file if client_ca else None,
            crl,
        )


def make_pki(folder: Path) -> Pki:
    ca = CertificateAuthority.create("test CA")
    (folder / "ca-cert.pem").write_bytes(cert_pem(ca.cert))
    (folder / "ca-key.pem").write_bytes(key_pem(ca.key))
    cert, key = ca.issue_server(["127.0.0.1", "localhost"])
    (folder / "server-cert.pem").write_bytes(cert_pem(cert))
    (folder / "server-key.pem").write_bytes(key_pem(key))
    return Pki(folder, ca)


@asynccontextmanager
async def csms(**kwargs: Any) -> AsyncIterator[OCPPServer]:
    kwargs.setdefault("limits", TEST_LIMITS)
    server = OCPPServer("127.0.0.1", 0, call_timeout=WAIT, **kwargs)
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        yield server
    finally:
        async with asyncio.timeout(WAIT * 2):
            await server.stop()


def url(server: OCPPServer) -> str:
    return f"{server.scheme}://127.0.0.1:{server.port}/ocpp"
