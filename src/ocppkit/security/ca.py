"""A certificate authority for the CSMS: development certificates for all three security
profiles, and the signer of station CSRs (OCPP 2.0.1 A02/A03: SignCertificate ->
CertificateSigned).

``CertificateSigner`` is the interface the CSMS's security block calls; ``LocalCASigner`` signs
with a CA key held here (a production deployment may put an HSM or an external CA behind the
same interface). Every CSR is checked first (``check_csr``): its signature, its key (RSA of at
least 2048 bits or EC on P-256/P-384/P-521, A00.FR.306/307) and its subject, whose CN must be
the station that sent it (A02.FR.06), so a station cannot get a certificate naming another.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

MIN_RSA_BITS = 2048
EC_CURVES = (ec.SECP256R1, ec.SECP384R1, ec.SECP521R1)
StationKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


class CsrRejected(ValueError):
    """A CSR that must not be signed (the message says why, in one sentence)."""


class CertificateSigner(Protocol):
    """What signs a station's CSR (SignCertificateRequest.csr) into the PEM chain sent back
    in CertificateSignedRequest.certificateChain."""

    async def sign(self, station_id: str, csr_pem: str, certificate_type: str) -> str:
        """The signed certificate (PEM, leaf first), for ``station_id``'s CSR.

        Raises:
            CsrRejected: the CSR is malformed, weak, or does not name ``station_id``.
        """
        ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_key() -> ec.EllipticCurvePrivateKey:
    """A fresh P-256 key (OCPP 2.0.1 A00.FR.306: secp256r1)."""
    return ec.generate_private_key(ec.SECP256R1())


def key_pem(key: StationKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _name(common_name: str, organization: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organization:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    return x509.Name(parts)


def _serial_and_times(days: int) -> tuple[int, dt.datetime, dt.datetime]:
    start = _now() - dt.timedelta(minutes=5)  # clocks of stations drift
    return x509.random_serial_number(), start, start + dt.timedelta(days=days)


def create_ca(
    common_name: str = "ocppkit development CA", days: int = 3650
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A self-signed root CA certificate and its key."""
    key = new_key()
    serial, start, end = _serial_and_times(days)
    name = _name(common_name, "ocppkit")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _alt_names(hosts: list[str]) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return names


@dataclass(frozen=True, slots=True)
class CertificateAuthority:
    """A CA certificate and its private key."""

    cert: x509.Certificate
    key: StationKey

    @classmethod
    def create(cls, common_name: str = "ocppkit development CA") -> CertificateAuthority:
        return cls(*create_ca(common_name))

    @classmethod
    def load(cls, cert_file: str | Path, key_file: str | Path) -> CertificateAuthority:
        """The CA in two PEM files.

        Raises:
            OSError: a file cannot be read.
            ValueError: not a PEM certificate / unencrypted private key, or they do not match.
        """
        cert = x509.load_pem_x509_certificate(Path(cert_file).read_bytes())
        key = serialization.load_pem_private_key(Path(key_file).read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise ValueError(f"{key_file}: not an EC or RSA private key")
        if key.public_key().public_numbers() != cert.public_key().public_numbers():  # type: ignore[union-attr]
            raise ValueError(f"{key_file} is not the key of {cert_file}")
        return cls(cert, key)

    def _issue(
        self,
        subject: x509.Name,
        public_key: ec.EllipticCurvePublicKey | rsa.RSAPublicKey,
        usage: x509.ObjectIdentifier,
        days: int,
        alt_names: list[x509.GeneralName] | None = None,
    ) -> x509.Certificate:
        serial, start, end = _serial_and_times(days)
        end = min(end, self.cert.not_valid_after_utc)
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.cert.subject)
            .public_key(public_key)
            .serial_number(serial)
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(True, False, True, False, False, False, False, False, False),
                critical=True,
            )
            .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.cert.public_key()),  # type: ignore[arg-type]
                critical=False,
            )
        )
        if alt_names:
            builder = builder.add_extension(x509.SubjectAlternativeName(alt_names), False)
        return builder.sign(self.key, hashes.SHA256())

    def issue_server(
        self, hosts: list[str], days: int = 825
    ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
        """The CSMS's TLS server certificate for ``hosts`` (DNS names or IP addresses, in the
        subjectAltName; the first is also the CN) and its new key."""
        key = new_key()
        cert = self._issue(
            _name(hosts[0], "ocppkit"),
            key.public_key(),
            ExtendedKeyUsageOID.SERVER_AUTH,
            days,
            _alt_names(hosts),
        )
        return cert, key

    def issue_station(
        self, station_id: str, days: int = 365, organization: str | None = None
    ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
        """A station's client certificate (CN = its identity, profile 3) and its new key."""
        key = new_key()
        cert = self._issue(
            _name(station_id, organization),
            key.public_key(),
            ExtendedKeyUsageOID.CLIENT_AUTH,
            days,
        )
        return cert, key

    def sign_csr(self, station_id: str, csr_pem: str | bytes, days: int = 365) -> str:
        """The certificate for a station's CSR, PEM (after ``check_csr``).

        Raises:
            CsrRejected: as ``check_csr``.
        """
        csr = check_csr(csr_pem, station_id)
        public_key = csr.public_key()
        assert isinstance(public_key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey)
        cert = self._issue(csr.subject, public_key, ExtendedKeyUsageOID.CLIENT_AUTH, days)
        return cert_pem(cert).decode()

    def crl(
        self, revoked_serials: Sequence[int] = (), days: int = 30
    ) -> x509.CertificateRevocationList:
        """A CRL listing ``revoked_serials``, signed by this CA."""
        now = _now()
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.cert.subject)
            .last_update(now - dt.timedelta(minutes=5))
            .next_update(now + dt.timedelta(days=days))
        )
        for serial in revoked_serials:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(serial)
                .revocation_date(now - dt.timedelta(minutes=5))
                .build()
            )
        return builder.sign(self.key, hashes.SHA256())


def check_csr(csr_pem: str | bytes, station_id: str) -> x509.CertificateSigningRequest:
    """The parsed CSR, if it may be signed for ``station_id``.

    Raises:
        CsrRejected: not a PEM CSR, a bad signature, a weak or unknown key type, or a subject
            CN that is not ``station_id``.
    """
    data = csr_pem.encode() if isinstance(csr_pem, str) else csr_pem
    try:
        csr = x509.load_pem_x509_csr(data)
    except ValueError as exc:
        raise CsrRejected(f"not a PEM certificate signing request: {exc}") from None
    if not csr.is_signature_valid:
        raise CsrRejected("the CSR's signature does not verify")
    key = csr.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        if key.key_size < MIN_RSA_BITS:
            raise CsrRejected(f"an RSA key of {key.key_size} bits is below {MIN_RSA_BITS}")
    elif isinstance(key, ec.EllipticCurvePublicKey):
        if not isinstance(key.curve, EC_CURVES):
            raise CsrRejected(f"the EC curve {key.curve.name} is not P-256, P-384 or P-521")
    else:
        raise CsrRejected(f"a {type(key).__name__} key is not RSA or EC")
    names = csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    common_names = [str(n.value) for n in names]
    if common_names != [station_id]:
        shown = ", ".join(common_names) or "none"
        raise CsrRejected(f"the CSR's subject CN ({shown}) is not the station {station_id!r}")
    return csr


class LocalCASigner:
    """``CertificateSigner`` with a ``CertificateAuthority`` held in this process.

    Only ChargingStationCertificate CSRs are signed: V2GCertificate needs the V2G PKI.
    """

    def __init__(self, ca: CertificateAuthority, days: int = 365) -> None:
        self.ca, self.days = ca, days

    async def sign(self, station_id: str, csr_pem: str, certificate_type: str) -> str:
        if certificate_type != "ChargingStationCertificate":
            raise CsrRejected(f"this CA signs ChargingStationCertificate, not {certificate_type}")
        return await asyncio.to_thread(self.ca.sign_csr, station_id, csr_pem, self.days)


def describe(pem: bytes) -> str:
    """A human summary of the PEM certificate(s) or CRL in ``pem``.

    Raises:
        ValueError: nothing PEM that this understands.
    """
    if b"BEGIN X509 CRL" in pem:
        crl = x509.load_pem_x509_crl(pem)
        serials = ", ".join(f"{r.serial_number:x}" for r in crl) or "none"
        return (
            f"CRL issued by {crl.issuer.rfc4514_string()}\n"
            f"  updated {crl.last_update_utc:%Y-%m-%d %H:%M} UTC, next "
            f"{crl.next_update_utc:%Y-%m-%d %H:%M} UTC\n  revoked serials: {serials}\n"
        )
    lines = []
    for cert in x509.load_pem_x509_certificates(pem):
        lines.append(f"subject:  {cert.subject.rfc4514_string()}")
        lines.append(f"issuer:   {cert.issuer.rfc4514_string()}")
        lines.append(f"serial:   {cert.serial_number:x}")
        lines.append(
            f"valid:    {cert.not_valid_before_utc:%Y-%m-%d %H:%M} to "
            f"{cert.not_valid_after_utc:%Y-%m-%d %H:%M} UTC"
            + (" (EXPIRED)" if cert.not_valid_after_utc < _now() else "")
        )
        try:
            ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            ca = False
        try:
            usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
            purposes = ", ".join(u._name for u in usage)
        except x509.ExtensionNotFound:
            purposes = "CA" if ca else "-"
        lines.append(f"use:      {'CA' if ca else purposes}")
        try:
            alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
            lines.append("names:    " + ", ".join(str(n.value) for n in alt))
        except x509.ExtensionNotFound:
            pass
        lines.append(f"sha256:   {cert.fingerprint(hashes.SHA256()).hex(':')}")
        lines.append("")
    return "\n".join(lines)


__all__ = [
    "CertificateAuthority",
    "CertificateSigner",
    "CsrRejected",
    "LocalCASigner",
    "cert_pem",
    "check_csr",
    "create_ca",
    "describe",
    "key_pem",
    "new_key",
]
