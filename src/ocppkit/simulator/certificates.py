"""Certificates held by the station (blocks A and M), pure: PEM and a minimal DER reading.

OCPP names a certificate by its ``CertificateHashDataType`` (M03-M05): hashes of the issuer's
distinguished name (the DER of the issuer Name) and of the issuer's public key (the subjectPublicKey
BIT STRING's contents, as OCSP does, RFC 6960), and the serial number in hex without leading
zeroes. The issuer's key is known for a self-signed (root) certificate, and for one whose issuer is
installed here; otherwise the certificate's own key stands in for it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, field

from ocppkit.protocol.models import (
    CertificateHashDataType,
    HashAlgorithmEnumType,
)

_PEM = re.compile(r"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.S)
_HASHES = {
    HashAlgorithmEnumType.SHA256: "sha256",
    HashAlgorithmEnumType.SHA384: "sha384",
    HashAlgorithmEnumType.SHA512: "sha512",
}


class CertificateError(ValueError):
    """Not a certificate this reader understands."""


def read_tlv(data: bytes, pos: int) -> tuple[int, int, int]:
    """The DER element at ``pos``: (tag, start of its value, end of its value).

    Raises:
        CertificateError: truncated or unsupported (indefinite) length.
    """
    if pos + 2 > len(data):
        raise CertificateError("truncated DER")
    tag, length = data[pos], data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4 or pos + count > len(data):
            raise CertificateError("unsupported DER length")
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    if pos + length > len(data):
        raise CertificateError("truncated DER")
    return tag, pos, pos + length


def children(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The elements inside a constructed value: (tag, element start, value start, end)."""
    items = []
    pos = start
    while pos < end:
        tag, value_start, value_end = read_tlv(data, pos)
        items.append((tag, pos, value_start, value_end))
        pos = value_end
    return items


@dataclass(frozen=True, slots=True)
class Certificate:
    """The parts of an X.509 certificate OCPP needs."""

    pem: str
    serial: bytes
    issuer_der: bytes
    subject_der: bytes
    public_key: bytes  # subjectPublicKey BIT STRING contents, without the unused-bits octet

    @property
    def self_signed(self) -> bool:
        return self.issuer_der == self.subject_der

    def hash_data(
        self, algorithm: HashAlgorithmEnumType, issuer_key: bytes | None = None
    ) -> CertificateHashDataType:
        """The certificate's OCPP identity, hashed with ``algorithm``."""
        name = _HASHES[algorithm]
        key = issuer_key if issuer_key is not None else self.public_key
        return CertificateHashDataType(
            hash_algorithm=algorithm,
            issuer_name_hash=hashlib.new(name, self.issuer_der).hexdigest(),
            issuer_key_hash=hashlib.new(name, key).hexdigest(),
            serial_number=(self.serial.hex().lstrip("0") or "0")[:40],
        )


def parse_der_certificate(der: bytes, pem: str = "") -> Certificate:
    """Read an X.509 certificate's serial, issuer, subject and public key.

    Raises:
        CertificateError: not a DER certificate.
    """
    tag, start, end = read_tlv(der, 0)
    if tag != 0x30:
        raise CertificateError("not a SEQUENCE")
    parts = children(der, start, end)
    if len(parts) != 3 or parts[0][0] != 0x30:
        raise CertificateError("not a certificate")
    tbs = children(der, parts[0][2], parts[0][3])
    if tbs and tbs[0][0] == 0xA0:  # [0] version
        tbs = tbs[1:]
    if len(tbs) < 6 or tbs[0][0] != 0x02:
        raise CertificateError("unexpected TBSCertificate")
    serial, issuer, subject, spki = tbs[0], tbs[2], tbs[4], tbs[5]
    key_parts = children(der, spki[2], spki[3])
    if len(key_parts) != 2 or key_parts[1][0] != 0x03:
        raise CertificateError("unexpected SubjectPublicKeyInfo")
    return Certificate(
        pem,
        der[serial[2] : serial[3]],
        der[issuer[1] : issuer[3]],
        der[subject[1] : subject[3]],
        der[key_parts[1][2] + 1 : key_parts[1][3]],
    )


def pem_blocks(text: str) -> list[bytes]:
    """The DER of every CERTIFICATE block in ``text``.

    Raises:
        CertificateError: no block, or one that is not base64.
    """
    blocks = _PEM.findall(text)
    if not blocks:
        raise CertificateError("no PEM certificate")
    try:
        return [base64.b64decode("".join(b.split()), validate=True) for b in blocks]
    except binascii.Error as exc:
        raise CertificateError("bad base64 in PEM") from exc


def parse_pem_certificate(text: str) -> Certificate:
    """The first certificate of a PEM text.

    Raises:
        CertificateError: none that parses.
    """
    return parse_der_certificate(pem_blocks(text)[0], text)


@dataclass(slots=True)
class CertificateStore:
    """Installed certificates by type (M05), and the station's own, signed ones (A02/A03)."""

    installed: list[tuple[str, Certificate]] = field(default_factory=list)
    signed: dict[str, str] = field(default_factory=dict)  # certificate type -> PEM chain

    def install(self, certificate_type: str, certificate: Certificate) -> None:
        """Install (or re-install) ``certificate`` as a ``certificate_type``."""
        self.installed = [
            (t, c)
            for t, c in self.installed
            if c.serial != certificate.serial or c.issuer_der != certificate.issuer_der
        ]
        self.installed.append((certificate_type, certificate))

    def _issuer_key(self, certificate: Certificate) -> bytes | None:
        if certificate.self_signed:
            return certificate.public_key
        for _, other in self.installed:
            if other.subject_der == certificate.issuer_der:
                return other.public_key
        return None

    def hash_data(
        self, certificate: Certificate, algorithm: HashAlgorithmEnumType
    ) -> CertificateHashDataType:
        """``certificate``'s hash data, with its issuer's key where known."""
        return certificate.hash_data(algorithm, self._issuer_key(certificate))

    def select(self, types: list[str] | None) -> list[tuple[str, Certificate]]:
        """The installed certificates of ``types`` (all when None)."""
        return [(t, c) for t, c in self.installed if types is None or t in types]

    def delete(self, wanted: CertificateHashDataType) -> bool:
        """Remove the certificate ``wanted`` names (M04); whether one was found."""
        for entry in self.installed:
            if _same(self.hash_data(entry[1], wanted.hash_algorithm), wanted):
                self.installed.remove(entry)
                return True
        return False


def _same(a: CertificateHashDataType, b: CertificateHashDataType) -> bool:
    return (
        a.issuer_name_hash.lower() == b.issuer_name_hash.lower()
        and a.issuer_key_hash.lower() == b.issuer_key_hash.lower()
        and a.serial_number.lower().lstrip("0") == b.serial_number.lower().lstrip("0")
    )
