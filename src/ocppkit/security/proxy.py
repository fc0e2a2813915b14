"""A reverse proxy in front of the CSMS that terminates TLS (docs/security.md).

The proxy verifies the station's client certificate and passes it on in a header; the CSMS
reads such headers only on connections from the proxy's own addresses (``trusted``), checks the
certificate again against its CA (issuer, validity, CRL) and then treats it as if it had done
the TLS itself: the CN must be the station identity (profile 3), and ``X-Forwarded-Proto:
https`` counts as TLS for profile 2. From any other address the headers are ignored, so a
station cannot claim a certificate by sending them.

Headers: ``X-Forwarded-Proto`` and ``X-Client-Cert``, the PEM URL-encoded (nginx's
``$ssl_client_escaped_cert``, HAProxy's and Envoy's equivalents).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.x509.oid import NameOID

CERT_HEADER, PROTO_HEADER = "X-Client-Cert", "X-Forwarded-Proto"


class ProxyRefusal(ValueError):
    """The certificate the proxy passed on cannot be used (the message says why)."""


class TrustedProxy:
    """Which addresses are the proxy, and the CA (and CRL) its client certificates must meet.

    Raises:
        ValueError: an address or network that cannot be read; a CA or CRL file that is not PEM.
        OSError: a file cannot be read.
    """

    def __init__(
        self,
        addresses: Iterable[str],
        client_ca_file: str | None = None,
        crl_file: str | None = None,
    ) -> None:
        self.networks = [ipaddress.ip_network(a, strict=False) for a in addresses]
        self.cas: list[x509.Certificate] = []
        if client_ca_file is not None:
            self.cas = x509.load_pem_x509_certificates(Path(client_ca_file).read_bytes())
        self.revoked: set[int] = set()
        if crl_file is not None:
            crl = x509.load_pem_x509_crl(Path(crl_file).read_bytes())
            self.revoked = {r.serial_number for r in crl}

    def trusts(self, address: str | None) -> bool:
        if not address:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def common_name(self, header: str | None) -> str | None:
        """The CN of the certificate in ``header`` (None without one).

        Raises:
            ProxyRefusal: not a certificate, not from our CA, expired or revoked.
        """
        if not header:
            return None
        try:
            cert = x509.load_pem_x509_certificate(unquote(header).encode())
        except ValueError:
            raise ProxyRefusal("the proxy's X-Client-Cert is not a PEM certificate") from None
        if not any(_issued_by(cert, ca) for ca in self.cas):
            raise ProxyRefusal("the forwarded client certificate is not from this CSMS's CA")
        now = dt.datetime.now(dt.UTC)
        if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
            raise ProxyRefusal("the forwarded client certificate is expired or not yet valid")
        if cert.serial_number in self.revoked:
            raise ProxyRefusal("the forwarded client certificate is revoked")
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else ""


def _issued_by(cert: x509.Certificate, ca: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


__all__ = ["CERT_HEADER", "PROTO_HEADER", "ProxyRefusal", "TrustedProxy"]
