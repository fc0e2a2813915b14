"""Station identity and subprotocol checks of the opening handshake."""

import pytest
from websockets.datastructures import Headers
from websockets.http11 import Request

from ocppkit.csms.handshake import identity_from_path, is_valid_identity, refusal_reason


@pytest.mark.parametrize(
    ("path", "identity"),
    [
        ("/CP001", "CP001"),
        ("/ocpp/v201/CP001", "CP001"),
        ("/a%2Bb", "a+b"),
        ("/CP1?x=1", "CP1"),
        ("/", ""),
        ("/ocpp/", ""),
    ],
)
def test_identity_is_the_last_decoded_segment(path: str, identity: str) -> None:
    assert identity_from_path(path) == identity


@pytest.mark.parametrize("identity", ["CP001", "a" * 48, "*-_=:+|@.", "Zz09"])
def test_valid_identities(identity: str) -> None:
    assert is_valid_identity(identity)


@pytest.mark.parametrize("identity", ["", "a" * 49, "a b", "a/b", "é", "a\n", "a#b"])
def test_invalid_identities(identity: str) -> None:
    assert not is_valid_identity(identity)


def request(path: str, *protocols: str) -> Request:
    headers = Headers()
    for value in protocols:
        headers["Sec-WebSocket-Protocol"] = value
    return Request(path, headers)


def test_subprotocol_is_required() -> None:
    assert refusal_reason(request("/CP1", "ocpp1.6, ocpp2.0.1")) is None
    assert refusal_reason(request("/CP1", "ocpp1.6", "ocpp2.0.1")) is None
    assert "offered: none" in (refusal_reason(request("/CP1")) or "")
    assert "offered: ocpp1.6" in (refusal_reason(request("/CP1", "ocpp1.6")) or "")
    assert "identity" in (refusal_reason(request("/", "ocpp2.0.1")) or "")
