"""The opening handshake checks: the station identity in the URL and the OCPP subprotocol.

A station connects to ``ws://host:port/<path>/<identity>`` (OCPP 2.0.1 part 4, section 3): the
identity is the last path segment, URL-decoded, at most 48 characters of letters, digits and
``*-_=:+|@.``. It must offer the WebSocket subprotocol ``ocpp2.0.1``. A request that fails
either check is refused with HTTP 400 and a body that says why, and a log line.

Real stations send subprotocol lists with stray separators or spaces (``,ocpp2.0.1``,
``ocpp1.6 ocpp2.0.1``); the offered names are read leniently and the header is rewritten in its
canonical form (``a, b``) before websockets parses it, so such a station still gets ``ocpp2.0.1``.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote, urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from ocppkit.transport import SUBPROTOCOL

log = logging.getLogger("ocppkit.csms")

MAX_IDENTITY_LENGTH = 48
_IDENTITY = re.compile(rf"[A-Za-z0-9*\-_=:+|@.]{{1,{MAX_IDENTITY_LENGTH}}}")
_SUBPROTOCOL_SEPARATORS = re.compile(r"[\s,;]+")
_SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol"


def identity_from_path(path: str) -> str:
    """The station identity in a request path: its last segment, URL-decoded ("" if none)."""
    return unquote(urlsplit(path).path.rsplit("/", 1)[-1])


def is_valid_identity(identity: str) -> bool:
    """Whether ``identity`` is 1 to 48 characters of letters, digits and ``*-_=:+|@.``."""
    return _IDENTITY.fullmatch(identity) is not None


def offered_subprotocols(request: Request) -> list[str]:
    """The subprotocols the client offers, in its order (separated by commas, spaces or
    semicolons; empty names skipped)."""
    return [
        name
        for header in request.headers.get_all(_SUBPROTOCOL_HEADER)
        for name in _SUBPROTOCOL_SEPARATORS.split(header)
        if name
    ]


def normalise_subprotocols(request: Request) -> None:
    """Rewrite the request's subprotocol headers as one canonical list, which websockets then
    parses without fault."""
    offered = offered_subprotocols(request)
    del request.headers[_SUBPROTOCOL_HEADER]
    if offered:
        request.headers[_SUBPROTOCOL_HEADER] = ", ".join(offered)


def refusal_reason(request: Request) -> str | None:
    """Why the handshake must be refused, or None when it may go ahead."""
    identity = identity_from_path(request.path)
    if not is_valid_identity(identity):
        return (
            f"invalid charging station identity {identity!r} in path {request.path!r}: "
            f"connect to /<identity>, 1 to {MAX_IDENTITY_LENGTH} characters of letters, "
            "digits and *-_=:+|@."
        )
    offered = offered_subprotocols(request)
    if SUBPROTOCOL not in offered:
        return (
            f"this CSMS requires the WebSocket subprotocol {SUBPROTOCOL} "
            f"(Sec-WebSocket-Protocol); offered: {', '.join(offered) or 'none'}"
        )
    return None


def check_handshake(connection: ServerConnection, request: Request) -> Response | None:
    """``process_request`` hook for ``websockets.serve``: refuse with 400 or let it through."""
    reason = refusal_reason(request)
    if reason is None:
        normalise_subprotocols(request)
        return None
    log.warning("refused connection from %s: %s", connection.remote_address, reason)
    return connection.respond(400, reason + "\n")
