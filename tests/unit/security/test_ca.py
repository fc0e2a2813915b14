"""The CA and CSR signer (A02/A03): what is signed, what is refused, and what the certificates
hold."""

from __future__ import annotations

import asyncio

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ocppkit.security.ca import (
    CertificateAuthority,
    CsrRejected,
    LocalCASigner,
    check_csr,
    describe,
)


@pytest.fixture(scope="module")
def ca() -> CertificateAuthority:
    return CertificateAuthority.create("unit CA")


def csr_for(*common_names: str, key: object | None = None) -> str:
    key = key or ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn) for cn in common_names])
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject)
    return csr.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM).decode()  # type: ignore[arg-type]


def issued_by(cert: x509.Certificate, ca: CertificateAuthority) -> bool:
    try:
        cert.verify_directly_issued_by(ca.cert)
    except (ValueError, TypeError):
        return False
    return True


def test_a_stations_csr_naming_it_is_signed_as_a_client_certificate(
    ca: CertificateAuthority,
) -> None:
    cert = x509.load_pem_x509_certificate(ca.sign_csr("CP-1", csr_for("CP-1")).encode())
    assert issued_by(cert, ca)
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "CP-1"
    usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(usage) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


@pytest.mark.parametrize(
    "csr, station, reason",
    [
        (lambda: csr_for("CP-2"), "CP-1", "is not the station 'CP-1'"),
        (lambda: csr_for("CP-1", "CP-2"), "CP-1", "CP-1, CP-2"),
        (lambda: csr_for(), "CP-1", "(none)"),
        (
            lambda: csr_for("CP-1", key=rsa.generate_private_key(65537, 1024)),
            "CP-1",
            "1024 bits is below 2048",
        ),
        (
            lambda: csr_for("CP-1", key=ec.generate_private_key(ec.SECP192R1())),
            "CP-1",
            "not P-256",
        ),
        (lambda: "-----BEGIN CERTIFICATE REQUEST-----\nnope\n", "CP-1", "not a PEM"),
    ],
)
def test_bad_csrs_are_rejected_with_the_reason(csr, station: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    try:
        text = csr()
    except ValueError:
        pytest.skip("this OpenSSL refuses to make such a key")
    with pytest.raises(CsrRejected, match=reason.replace("(", r"\(").replace(")", r"\)")):
        check_csr(text, station)


def test_an_rsa_2048_csr_is_accepted(ca: CertificateAuthority) -> None:
    check_csr(csr_for("CP-1", key=rsa.generate_private_key(65537, 2048)), "CP-1")


def test_a_tampered_csr_fails_its_signature() -> None:
    good = x509.load_pem_x509_csr(csr_for("CP-1").encode())
    der = bytearray(good.public_bytes(serialization.Encoding.DER))
    der[-5] ^= 0xFF  # inside the signature
    pem = x509.load_der_x509_csr(bytes(der)).public_bytes(serialization.Encoding.PEM)
    with pytest.raises(CsrRejected, match="signature"):
        check_csr(pem, "CP-1")


def test_the_signer_interface_signs_station_certificates_only(ca: CertificateAuthority) -> None:
    signer = LocalCASigner(ca, days=30)
    pem = asyncio.run(signer.sign("CP-9", csr_for("CP-9"), "ChargingStationCertificate"))
    assert issued_by(x509.load_pem_x509_certificate(pem.encode()), ca)
    with pytest.raises(CsrRejected, match="V2GCertificate"):
        asyncio.run(signer.sign("CP-9", csr_for("CP-9"), "V2GCertificate"))
    with pytest.raises(CsrRejected, match="not the station"):
        asyncio.run(signer.sign("CP-9", csr_for("CP-8"), "ChargingStationCertificate"))


def test_server_certificates_name_their_hosts_and_describe_says_so(
    ca: CertificateAuthority,
) -> None:
    cert, _key = ca.issue_server(["csms.example", "127.0.0.1"])
    alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(n.value) for n in alt] == ["csms.example", "127.0.0.1"]
    text = describe(cert.public_bytes(serialization.Encoding.PEM))
    assert "CN=csms.example" in text and "names:    csms.example, 127.0.0.1" in text
    assert "serverAuth" in text


def test_a_certificate_never_outlives_its_ca(ca: CertificateAuthority) -> None:
    cert, _ = ca.issue_station("CP-LONG", days=100_000)
    assert cert.not_valid_after_utc <= ca.cert.not_valid_after_utc


def test_a_crl_lists_revoked_serials(ca: CertificateAuthority) -> None:
    crl = ca.crl([5, 7])
    assert sorted(r.serial_number for r in crl) == [5, 7]
    assert crl.is_signature_valid(ca.cert.public_key())  # type: ignore[arg-type]
    assert "revoked serials: 5, 7" in describe(crl.public_bytes(serialization.Encoding.PEM))
