"""A PKCS#10 certificate signing request for SignCertificate (A02/A03), pure Python.

The station makes an ECDSA P-256 key (``secrets``) and signs a CSR whose subject is
``CN=<identity>, O=<organization>`` (A02: the CSMS issues the station certificate from it). The
curve arithmetic is the textbook affine one: a few milliseconds per signature, enough for a
simulator, not hardened against side channels (the key never leaves the process).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import textwrap

# NIST P-256 (SEC 2, secp256r1)
P = 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF
A = P - 3
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
G = (
    0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
)
Point = tuple[int, int] | None

OID_EC_PUBLIC_KEY = bytes.fromhex("06072a8648ce3d0201")  # 1.2.840.10045.2.1
OID_P256 = bytes.fromhex("06082a8648ce3d030107")  # 1.2.840.10045.3.1.7
OID_ECDSA_SHA256 = bytes.fromhex("06082a8648ce3d040302")  # 1.2.840.10045.4.3.2
OID_CN = bytes.fromhex("0603550403")  # 2.5.4.3
OID_O = bytes.fromhex("060355040a")  # 2.5.4.10


def _add(p: Point, q: Point) -> Point:
    if p is None:
        return q
    if q is None:
        return p
    if p[0] == q[0] and (p[1] + q[1]) % P == 0:
        return None
    if p == q:
        slope = (3 * p[0] * p[0] + A) * pow(2 * p[1], -1, P) % P
    else:
        slope = (q[1] - p[1]) * pow(q[0] - p[0], -1, P) % P
    x = (slope * slope - p[0] - q[0]) % P
    return x, (slope * (p[0] - x) - p[1]) % P


def multiply(k: int, point: Point = G) -> Point:
    """``k`` times ``point`` on P-256 (double and add)."""
    result: Point = None
    addend = point
    while k:
        if k & 1:
            result = _add(result, addend)
        addend = _add(addend, addend)
        k >>= 1
    return result


def sign(private_key: int, message: bytes) -> tuple[int, int]:
    """ECDSA-SHA256 signature (r, s) of ``message``."""
    digest = int.from_bytes(hashlib.sha256(message).digest(), "big")
    while True:
        k = secrets.randbelow(N - 1) + 1
        point = multiply(k)
        assert point is not None
        r = point[0] % N
        s = pow(k, -1, N) * (digest + r * private_key) % N
        if r and s:
            return r, s


def der(tag: int, value: bytes) -> bytes:
    """One DER element."""
    length = len(value)
    if length < 0x80:
        return bytes([tag, length]) + value
    size = (length.bit_length() + 7) // 8
    return bytes([tag, 0x80 | size]) + length.to_bytes(size, "big") + value


def _integer(value: int) -> bytes:
    raw = value.to_bytes((value.bit_length() + 8) // 8, "big")  # room for a sign bit
    return der(0x02, raw)


def _name(common_name: str, organization: str) -> bytes:
    def rdn(oid: bytes, text: str) -> bytes:
        return der(0x31, der(0x30, oid + der(0x0C, text.encode("utf-8"))))

    return der(0x30, rdn(OID_O, organization) + rdn(OID_CN, common_name))


def certificate_signing_request(common_name: str, organization: str) -> tuple[int, str]:
    """A new private key and the PEM CSR for its public key.

    Returns:
        (private key, CSR in PEM).
    """
    private_key = secrets.randbelow(N - 1) + 1
    public = multiply(private_key)
    assert public is not None
    point = b"\x04" + public[0].to_bytes(32, "big") + public[1].to_bytes(32, "big")
    spki = der(0x30, der(0x30, OID_EC_PUBLIC_KEY + OID_P256) + der(0x03, b"\x00" + point))
    info = der(0x30, _integer(0) + _name(common_name, organization) + spki + b"\xa0\x00")
    r, s = sign(private_key, info)
    signature = der(0x03, b"\x00" + der(0x30, _integer(r) + _integer(s)))
    request = der(0x30, info + der(0x30, OID_ECDSA_SHA256) + signature)
    body = "\n".join(textwrap.wrap(base64.b64encode(request).decode("ascii"), 64))
    pem = f"-----BEGIN CERTIFICATE REQUEST-----\n{body}\n-----END CERTIFICATE REQUEST-----\n"
    return private_key, pem
