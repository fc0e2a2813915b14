"""Block A: the Basic auth password (A01), SignCertificate and CertificateSigned (A02/A03)."""

from __future__ import annotations

import base64
from pathlib import Path

from ocppkit.protocol.models import (
    CertificateSignedRequest,
    ComponentType,
    SetVariableDataType,
    VariableType,
)
from ocppkit.simulator.blocks.security import BASIC_AUTH_PASSWORD, Security

from .support import make_station, needs_openssl, self_signed_pem


def test_a01_the_password_kept_in_the_device_model_wins() -> None:
    station = make_station()
    model = station.ctx.device_model
    first = Security(station.ctx, "from-the-constructor-16")
    assert first.basic_auth_password == "from-the-constructor-16"
    assert model.value(BASIC_AUTH_PASSWORD) == "from-the-constructor-16"
    model.set_value(BASIC_AUTH_PASSWORD, "kept-in-the-state-file")
    assert Security(station.ctx, "another-one-given-later").basic_auth_password == (
        "kept-in-the-state-file"
    )


def test_a01_a_password_set_by_the_csms_is_used_from_the_next_connection() -> None:
    station = make_station()
    block = Security(station.ctx, None)
    assert block.basic_auth_password is None
    result = station.ctx.device_model.set(
        SetVariableDataType(
            attribute_value="a-new-password-of-the-csms",
            component=ComponentType(name="SecurityCtrlr"),
            variable=VariableType(name="BasicAuthPassword"),
        )
    )
    assert result.attribute_status == "RebootRequired"
    assert block.basic_auth_password == "a-new-password-of-the-csms"


async def test_a02_sign_certificate_carries_a_csr_of_the_station() -> None:
    station = make_station()
    await Security(station.ctx, None).send_sign_certificate()
    (request,) = station.link.sent("SignCertificate")
    assert request["certificateType"] == "ChargingStationCertificate"
    assert request["csr"].startswith("-----BEGIN CERTIFICATE REQUEST-----")
    der = base64.b64decode("".join(request["csr"].splitlines()[1:-1]))
    assert b"CP-UNIT" in der  # CN = the station's identity


async def test_a03_a_chain_that_does_not_parse_is_rejected() -> None:
    block = Security(make_station().ctx, None)
    bad = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    answer = await block.on_certificate_signed(CertificateSignedRequest(certificate_chain=bad))
    assert answer.status == "Rejected" and answer.status_info.reason_code == "InvalidChain"
    assert not block.signed


@needs_openssl
async def test_a02_a_chain_that_parses_is_kept(tmp_path: Path) -> None:
    block = Security(make_station().ctx, None)
    pem = self_signed_pem(tmp_path)
    answer = await block.on_certificate_signed(CertificateSignedRequest(certificate_chain=pem))
    assert answer.status == "Accepted"
    assert block.signed == {"ChargingStationCertificate": pem}
