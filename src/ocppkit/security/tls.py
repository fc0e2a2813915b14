"""The CSMS's TLS (security profiles 2 and 3): the server context and the client's identity.

TLS 1.2 or newer only; for TLS 1.2 only ECDHE key exchange with AES-GCM or ChaCha20-Poly1305
(OCPP 2.0.1 part 2, A00.FR.318 asks for TLS 1.2 and lists cipher suites of that family; TLS 1.3
suites are all modern). With a client CA, a client certificate is asked for and, when sent,
must chain to that CA and be within its validity (OpenSSL refuses it in the TLS handshake
otherwise); with a CRL file, a revoked one is refused too. Whether a certificate is *required*
and whose it must be is decided per station by the handshake (``peer_common_name``).
"""

from __future__ import annotations

import ssl
from typing import Any

MODERN_TLS12_CIPHERS = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL:!MD5:!SHA1:!DSS"


def server_ssl_context(
    cert_file: str,
    key_file: str | None = None,
    client_ca_file: str | None = None,
    crl_file: str | None = None,
) -> ssl.SSLContext:
    """A TLS server context for ``wss://``.

    Args:
        cert_file: the CSMS's certificate (PEM; may hold the chain after it).
        key_file: its private key (default: in ``cert_file``).
        client_ca_file: the CA(s) station certificates must chain to (profile 3); None asks
            for no client certificate.
        crl_file: a PEM CRL of that CA: certificates it lists are refused.

    Raises:
        OSError: a file cannot be read.
        ssl.SSLError: a file is not a valid certificate, key or CRL.
        ValueError: a CRL without a client CA.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(MODERN_TLS12_CIPHERS)
    context.options |= ssl.OP_NO_COMPRESSION | ssl.OP_CIPHER_SERVER_PREFERENCE
    context.load_cert_chain(cert_file, key_file)
    if client_ca_file is not None:
        context.load_verify_locations(cafile=client_ca_file)
        context.verify_mode = ssl.CERT_OPTIONAL  # profile 2 stations send none
        if crl_file is not None:
            context.load_verify_locations(cafile=crl_file)
            context.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    elif crl_file is not None:
        raise ValueError("a CRL (--tls-crl) needs the client CA (--tls-client-ca)")
    return context


def peer_common_name(ssl_object: Any) -> str | None:
    """The subject CN of the verified client certificate, None when the client sent none."""
    if ssl_object is None:
        return None
    cert = ssl_object.getpeercert()
    if not cert:
        return None
    for rdn in cert.get("subject", ()):
        for name, value in rdn:
            if name == "commonName":
                return str(value)
    return ""


__all__ = ["MODERN_TLS12_CIPHERS", "peer_common_name", "server_ssl_context"]
