"""The opening handshake decides who a station is before its WebSocket is accepted: the station
identity in the URL, the OCPP subprotocol, and its security profile (``StationGate``).

A station connects to ``ws://host:port/<path>/<identity>`` (OCPP 2.0.1 part 4, section 3): the
identity is the last path segment, URL-decoded, at most 48 characters of letters, digits and
``*-_=:+|@.``. It must offer one of the WebSocket subprotocols the CSMS is configured for
(``ocpp1.6``, ``ocpp2.0.1``, ``ocpp2.1``); the server then picks the first of the station's
offers it speaks (``versions.select_version``). A request that fails either check is refused
with HTTP 400 and a body that says why (naming the configured set), and a log line.

Real stations send subprotocol lists with stray separators or spaces (``,ocpp2.0.1``,
``ocpp1.6 ocpp2.0.1``); the offered names are read leniently and the header is rewritten in its
canonical form (``a, b``) before websockets parses it, so such a station still gets ``ocpp2.0.1``.

Security profiles (OCPP 2.0.1 part 2, A00-A05), checked by ``StationGate``:

- a TLS client certificate, when sent, has been verified against the CSMS's CA by TLS; its
  subject CN must be the station identity, else 403 whatever the station's profile (a certificate
  for station A never logs in as station B);
- profile 3 needs that certificate; profiles 1 and 2 need HTTP Basic auth with username = the
  identity and the station's password (scrypt-verified off the event loop), profile 2 over TLS.
  A missing or wrong password is answered 401 (``WWW-Authenticate: Basic``), a connection below
  the station's stored profile 403 (A05: no downgrade);
- a station with no stored settings needs ``unknown_profile`` (0 by default: nothing, as before);
- every refusal is logged, counted and recorded as a security event; the failures of one
  address are answered more slowly each time (``FailureThrottle``).

A station that needs nothing and sends no certificate costs one dict lookup more than before.
"""

from __future__ import annotations

import asyncio
import binascii
import logging
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from ocppkit.security.events import SecurityEventLog
from ocppkit.security.limits import FailureThrottle, Limits, SecurityCounters
from ocppkit.security.passwords import PasswordVerifier
from ocppkit.security.proxy import CERT_HEADER, PROTO_HEADER, ProxyRefusal, TrustedProxy
from ocppkit.security.stations import StationSecurityStore
from ocppkit.security.tls import peer_common_name
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
    """Whether ``identity`` is 1 to 48 characters of letters, digits and ``*-_=:+|@.``, not
    only dots (``.`` and ``..`` are path tricks, not names)."""
    return _IDENTITY.fullmatch(identity) is not None and identity.strip(".") != ""


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


def refusal_reason(request: Request, versions: Sequence[str] = (SUBPROTOCOL,)) -> str | None:
    """Why the handshake must be refused, or None when it may go ahead; ``versions`` are the
    subprotocols the CSMS is configured for."""
    identity = identity_from_path(request.path)
    if not is_valid_identity(identity):
        return (
            f"invalid charging station identity {identity!r} in path {request.path!r}: "
            f"connect to /<identity>, 1 to {MAX_IDENTITY_LENGTH} characters of letters, "
            "digits and *-_=:+|@."
        )
    offered = offered_subprotocols(request)
    if not any(name in versions for name in offered):
        return (
            f"this CSMS requires one of the WebSocket subprotocols {', '.join(versions)} "
            f"(Sec-WebSocket-Protocol); offered: {', '.join(offered) or 'none'}"
        )
    return None


def check_handshake(connection: ServerConnection, request: Request) -> Response | None:
    """Only the identity and subprotocol checks (no security): see ``StationGate``."""
    reason = refusal_reason(request)
    if reason is None:
        normalise_subprotocols(request)
        return None
    log.warning("refused connection from %s: %s", connection.remote_address, reason)
    return connection.respond(400, reason + "\n")


EventSink = Callable[[str, str, dict[str, Any]], None]


class Refusal(Exception):
    """Why a station's handshake is refused: HTTP status, counter reason, one sentence."""

    def __init__(self, status: int, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.reason, self.detail = status, reason, detail


def basic_credentials(header: str | None) -> tuple[str, str] | None:
    """``(user, password)`` of an ``Authorization: Basic`` header, None if absent or malformed."""
    if header is None:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = binascii.a2b_base64(value.strip(), strict_mode=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, colon, password = decoded.partition(":")
    return (user, password) if colon else None


class StationGate:
    """The ``process_request`` hook of the CSMS's WebSocket server (see the module docstring).

    Args:
        stations: the stations' security settings.
        limits: ``max_connections`` and ``auth_concurrency`` are used here.
        counters: refusals are counted and recorded there.
        unknown_profile: the profile a station without settings needs (0: none).
        on_event: ``on_event("security", station_id, data)`` for every refusal.
        proxy: a TLS-terminating reverse proxy whose forwarded client certificate and protocol
            are believed on connections from its addresses (``ocppkit.security.proxy``).
    """

    def __init__(
        self,
        stations: StationSecurityStore,
        limits: Limits,
        counters: SecurityCounters,
        unknown_profile: int = 0,
        on_event: EventSink | None = None,
        proxy: TrustedProxy | None = None,
    ) -> None:
        self.stations, self.limits, self.counters = stations, limits, counters
        self.proxy = proxy
        self.events = SecurityEventLog()
        self.unknown_profile = unknown_profile
        self.on_event = on_event
        self.verifier = PasswordVerifier(limits.auth_concurrency)
        self.throttle = FailureThrottle(max_delay=limits.auth_failure_max_delay)
        self.open_links = 0  # kept by the server: links accepted and not yet closed
        self.versions: tuple[str, ...] = (SUBPROTOCOL,)  # set by the server: its configured set

    async def __call__(self, connection: ServerConnection, request: Request) -> Response | None:
        reason = refusal_reason(request, self.versions)
        if reason is not None:
            self.counters.refused("bad_request")
            log.warning("refused connection from %s: %s", connection.remote_address, reason)
            return connection.respond(400, reason + "\n")
        limit = self.limits.max_connections
        if limit is not None and self.open_links >= limit:
            self.counters.limit_hit("max_connections")
            log.warning("refused connection: %d station links open (max_connections)", limit)
            return connection.respond(503, "too many station connections\n")
        identity = identity_from_path(request.path)
        try:
            achieved = await self.authenticate(connection, request, identity)
        except Refusal as refusal:
            return await self._refuse(
                connection, self._client(connection, request), identity, refusal
            )
        if self.stations.upgrades:  # A05: an upgrade completes when the station uses it
            await self.stations.connected_at(identity, achieved)
        normalise_subprotocols(request)
        return None

    async def authenticate(
        self, connection: ServerConnection, request: Request, identity: str
    ) -> int:
        """The security profile the connection achieves for ``identity``.

        Raises:
            Refusal: the station is not who it says, or below its profile.
        """
        ssl_object = connection.transport.get_extra_info("ssl_object")
        common_name, tls = peer_common_name(ssl_object), ssl_object is not None
        if self.proxy is not None and self._from_proxy(connection):
            try:
                common_name = self.proxy.common_name(request.headers.get(CERT_HEADER))
            except ProxyRefusal as exc:
                raise Refusal(403, "proxy_certificate_refused", str(exc)) from None
            tls = request.headers.get(PROTO_HEADER, "").lower() in ("https", "wss")
        if common_name is not None and common_name != identity:
            raise Refusal(
                403,
                "certificate_mismatch",
                f"the client certificate names {common_name!r}, not {identity!r}",
            )
        settings = self.stations.get(identity)
        required = self.unknown_profile if settings is None else settings.profile
        header = request.headers.get("Authorization")
        if common_name == identity:
            achieved = 3
        elif required == 0 and (header is None or settings is None or not settings.password_hash):
            return 0
        elif required == 3:
            raise Refusal(403, "below_profile", f"{identity} must connect with its certificate")
        else:
            achieved = await self._basic_auth(identity, header, settings, tls)
        if achieved < required:
            raise Refusal(
                403,
                "below_profile",
                f"{identity} must connect with security profile {required} or higher "
                "(A05: no downgrade)",
            )
        return achieved

    def _client(self, connection: ServerConnection, request: Request) -> str:
        """The station's address: behind a trusted proxy, the first of X-Forwarded-For."""
        address = connection.remote_address
        own = str(address[0]) if address else "?"
        if self._from_proxy(connection):
            forwarded = request.headers.get("X-Forwarded-For", "").split(",")[0].strip()
            return forwarded or own
        return own

    def _from_proxy(self, connection: ServerConnection) -> bool:
        address = connection.remote_address
        return self.proxy is not None and self.proxy.trusts(str(address[0]) if address else None)

    async def _basic_auth(self, identity: str, header: str | None, settings: Any, tls: bool) -> int:
        credentials = basic_credentials(header)
        if credentials is None:
            raise Refusal(401, "password_missing", f"{identity} needs HTTP Basic auth")
        user, password = credentials
        if user != identity:
            raise Refusal(401, "wrong_user", f"the Basic auth username is not {identity!r}")
        stored = None if settings is None else settings.password_hash
        previous = None if settings is None else settings.previous_password_hash
        if stored is not None and await self.verifier.verify(password, stored):
            if previous is not None:  # A01: the new password is in use, the old one ends
                await self.stations.confirm_rotation(identity)
        elif previous is None or not await self.verifier.verify(password, previous):
            raise Refusal(401, "password_wrong", f"wrong password for {identity}")
        return 2 if tls else 1

    async def _refuse(
        self, connection: ServerConnection, address: str, identity: str, refusal: Refusal
    ) -> Response:
        delay = self.throttle.delay(address)
        self.throttle.failed(address)
        self.counters.refused(refusal.reason)
        record = await self.events.record(
            identity, address, refusal.reason, refusal.detail, datetime.now(UTC)
        )
        if self.on_event is not None:
            self.on_event("security", identity, record)
        log.warning("refused %s from %s: %s", identity, address, refusal.detail)
        if delay:
            self.counters.limit_hit("auth_failure_delay")
            await asyncio.sleep(delay)
        response = connection.respond(refusal.status, refusal.detail + "\n")
        if refusal.status == 401:
            response.headers["WWW-Authenticate"] = 'Basic realm="ocppkit", charset="UTF-8"'
        return response
