"""Why a station could not open its websocket, in one line a person can act on.

``describe_connect_error`` turns what ``websockets`` and the OS raise into one sentence: the
CSMS's refusal with its HTTP status, its reason text and what to check (wrong password, unknown
station, bad subprotocol, ...), or the network's error with the address that failed.
"""

from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit

from websockets.exceptions import InvalidHandshake, InvalidStatus, InvalidURI

from ocppkit.transport import SUBPROTOCOL

_MAX_REASON = 300  # characters of the CSMS's reason text shown

# what to check, by HTTP status (OCPP 2.0.1 part 2 A00: 401 for a wrong password)
_HINTS = {
    400: "check the station id (--id) and the URL's path",
    401: "check the password (--password; the username is the station id)",
    403: "the CSMS does not admit this station with these credentials: check --password, "
    "--cert-file and whether the station is registered there",
    404: "the CSMS does not know this station id or path: check --id, --url's path and "
    "whether the station is registered there",
    426: "the CSMS wants another protocol version or TLS: check --url (ws:// or wss://)",
}


def is_refusal(error: BaseException) -> bool:
    """Whether the CSMS answered the websocket handshake with an HTTP error status."""
    return isinstance(error, InvalidStatus)


def _reason_text(error: InvalidStatus) -> str:
    body = bytes(error.response.body or b"").decode("utf-8", "replace")
    text = " ".join(body.split())  # one line
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 3] + "..."


def _hint(status: int, reason: str) -> str:
    lowered = reason.lower()
    if "subprotocol" in lowered or "sec-websocket-protocol" in lowered:
        return f"the CSMS does not accept the subprotocol {SUBPROTOCOL} this station speaks"
    if status == 400 and "identity" in lowered:
        return "check the station id (--id)"
    if status in _HINTS:
        return _HINTS[status]
    if status >= 500:
        return "the CSMS failed: see its log"
    return "check --url, --id and the security options"


def _address(url: str) -> str:
    parts = urlsplit(url)
    default = 443 if parts.scheme == "wss" else 80
    try:
        port = parts.port or default
    except ValueError:
        port = default
    return f"{parts.hostname}:{port}"


def describe_connect_error(error: BaseException, url: str) -> str:
    """One sentence saying why connecting to ``url`` failed and what to check."""
    if isinstance(error, InvalidStatus):
        response = error.response
        reason = _reason_text(error)
        status = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
        said = f": {reason}" if reason else ""
        return (
            f"the CSMS at {url} refused the connection ({status}){said}; "
            f"{_hint(response.status_code, reason)}"
        )
    if isinstance(error, InvalidURI):
        return f"{url} is not a valid websocket URL: {error}"
    if isinstance(error, InvalidHandshake):
        return (
            f"{_address(url)} did not answer as a websocket server ({error}); "
            "check that --url names the CSMS's OCPP port"
        )
    if isinstance(error, ssl.SSLError):
        return f"the TLS handshake with {_address(url)} failed ({error}); check --ca-file"
    if isinstance(error, socket.gaierror):
        return f"the host of {url} is unknown ({error.strerror or error}); check --url"
    if isinstance(error, ConnectionRefusedError):
        where = _address(url)
        return f"nothing listens on {where} (connection refused): start the CSMS or check --url"
    if isinstance(error, TimeoutError):
        return f"{_address(url)} did not answer in time"
    if isinstance(error, OSError):
        return f"cannot reach {_address(url)}: {error.strerror or error}"
    return f"cannot connect to {url}: {error}"


__all__ = ["describe_connect_error", "is_refusal"]
