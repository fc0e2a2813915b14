"""``OCPPServer``: the central system (CSMS) that charging stations connect to.

It accepts stations over WebSocket (``ws://host:port/<identity>``, ``ocpp1.6`` or ``ocpp2.0.1``),
gives each link an ``ocppkit.transport.Connection`` whose CALLs are routed to the functional
blocks (``ocppkit.csms.blocks``), keeps the live registry (``server.chargers``), and sends typed
CSMS->CS commands. Everything runs on one event loop; every task it starts is tracked and ended
by ``stop()``.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import socket
import ssl
from collections.abc import Callable, Coroutine, Iterable
from types import TracebackType
from typing import Any, Literal

from websockets.asyncio.server import Server, ServerConnection, serve

import ocppkit.csms.commands as commands
from ocppkit.csms.blocks.availability import default_offline_grace, watch_liveness
from ocppkit.csms.blocks.tariff_cost import TariffCost
from ocppkit.csms.clock import Clock, utc_now
from ocppkit.csms.command_methods import Commands
from ocppkit.csms.context import BootPolicy, CsmsContext, EventHub, Listener
from ocppkit.csms.errors import NoActiveTransactionError
from ocppkit.csms.extensions import DataTransferHandler, EvChargingNeedsPolicy
from ocppkit.csms.handshake import identity_from_path
from ocppkit.csms.lenient_methods import LenientMethods
from ocppkit.csms.ocpp_versions import DEFAULT_VERSIONS, VersionRouting
from ocppkit.csms.persistence import DatabaseStore
from ocppkit.csms.registry import Charger, ChargerRegistry
from ocppkit.csms.security_methods import SecurityMethods
from ocppkit.csms.sites import SiteManager
from ocppkit.csms.station_reads import StationReads
from ocppkit.csms.store import Store
from ocppkit.csms.tokens import TokenStore
from ocppkit.csms.tracking import HISTORY_TOTAL, TrackedHistory, Tracker
from ocppkit.protocol.models import (
    ChargingProfileType,
    OcppModel,
    RequestStartTransactionResponse,
    RequestStopTransactionResponse,
    SetChargingProfileResponse,
)
from ocppkit.protocol.versions import OcppVersion
from ocppkit.security.ca import CertificateSigner
from ocppkit.security.limits import Limits
from ocppkit.security.proxy import TrustedProxy
from ocppkit.security.redact import needs_redaction, redact
from ocppkit.storage.retention import RetentionPolicy
from ocppkit.transport import Connection

log = logging.getLogger("ocppkit.csms")

FrameObserver = Callable[[str, str, str], None]
"""``observer(charger_id, direction, text)``: every raw frame, ``direction`` "in" or "out"."""

CLOSE_REPLACED = 1000  # a newer link of the same station took over: a normal closure for the old


class OCPPServer(Commands, TrackedHistory, SecurityMethods, StationReads, LenientMethods):
    """An OCPP 2.0.1 and 1.6J CSMS, the version chosen per link (``ocpp_versions``).

    Args:
        host: address to listen on.
        port: TCP port; 0 picks a free one (read ``server.port`` after ``start``).
        heartbeat_interval: seconds, sent to stations in BootNotificationResponse.
        authorized_tokens: None accepts every id token; otherwise only these (case-insensitive)
            and the tokens this CSMS sends in remote starts, others get Invalid.
        call_timeout: default seconds to wait for a station's reply to a command.
        ping_interval: seconds between WebSocket pings to each station, or None to leave
            keep-alive to the stations (they ping at their WebSocketPingInterval).
        clock: returns the current aware UTC datetime.
        lenient_stations: ids of stations whose payloads are validated leniently (see
            ``set_lenient``).
        shutdown_grace: seconds ``stop`` waits for the stations' CALLs being handled to be
            answered before it closes the links.
        boot_policy: "accept" (the default: every station Accepted), "known-only" (stations in
            ``known_stations`` or registered before Accepted, others Rejected) or
            "auto-register" (every station Accepted and remembered); see ``set_boot_status``.
            Except under "accept", a station's CALLs before it is Accepted get SecurityError.
        known_stations: station ids Accepted under "known-only".
        request_base_report: send GetBaseReport (FullInventory) after a station's Accepted
            boot while its device model is unknown (B07); see ``get_device_model``.
        allow_concurrent_tx: False answers ConcurrentTx for a token already in an active
            transaction elsewhere.
        offline_grace: seconds without any message after which a station's link is closed as
            unresponsive; default twice ``heartbeat_interval`` plus 10 s; None turns it off.
        database_url: None keeps everything in memory only; otherwise the database to persist
            to (``sqlite+aiosqlite:///<file>`` or ``postgresql+asyncpg://<user>@<host>/<db>``):
            ``start`` migrates it and restores stations and transactions from it, every change is
            stored before its CALLRESULT goes out, and ``stop`` writes what is still queued.
        ev_charging_needs_policy: how NotifyEVChargingNeeds is answered (K15-K17): None
            answers with a TxProfile derived from the limits the CSMS knows (the EVSE's Power
            in the device model, the station's ChargingStationMaxProfile, the EV's needs; see
            ``ocppkit.csms.charging_limits``); a ``policy(charger, request)`` returning a
            TxProfile (a ``ChargingProfileType`` or its wire dict) answers Accepted and then
            sends it with SetChargingProfile, returning None answers Rejected. See
            ``ev_max_power_policy``; also settable later as the attribute of the same name.
        ssl_context: serve ``wss://`` with this TLS server context (security profiles 2 and
            3; see ``ocppkit.security.tls.server_ssl_context``); None serves ``ws://``.
        limits: the bounds on frames, message rate, pending CALLs, handshakes and connections
            (``ocppkit.security.limits.Limits``; default its defaults).
        unknown_station_profile: the security profile a station without stored settings must
            connect with (0: none, as stations connect today); see ``set_station_security``.
        trusted_proxy: a TLS-terminating reverse proxy whose forwarded client certificates
            are believed (``ocppkit.security.proxy.TrustedProxy``).
        certificate_signer: signs the stations' CSRs (SignCertificate -> CertificateSigned,
            A02/A03), e.g. ``ocppkit.security.ca.LocalCASigner``; None: CSRs are Rejected.
        history_total: commands, and notifications, kept in memory across all stations
            (besides ``tracking.HISTORY`` per station); the database keeps them all.
        retention: days the database keeps each kind of history (``storage.retention``;
            pruned in the background); None: everything is kept.
        ocpp_versions: the versions offered on the port ("1.6", "2.0.1"; default both): see
            ``ocppkit.csms.ocpp_versions``.
        cost_update_interval: seconds between the CostUpdated of each running priced
            transaction (I02); None sends none. Tariffs are managed on ``server.tariffs``.

    Raises:
        RuntimeError: from the constructor, if the routing table does not cover every action a
            station may send (a programming error).
        DatabaseUrlError: from the constructor, for a ``database_url`` that cannot be used.
        ValueError: from the constructor, an OCPP version not spoken or none at all.
    """

    def __init__(
        self,
        host: str = "0.0.0.0",
        port: int = 9000,
        *,
        heartbeat_interval: int = 30,
        authorized_tokens: Iterable[str] | None = None,
        call_timeout: float = 30.0,
        ping_interval: float | None = None,
        clock: Clock = utc_now,
        database_url: str | None = None,
        lenient_stations: Iterable[str] = (),
        shutdown_grace: float = 5.0,
        boot_policy: str = "accept",
        known_stations: Iterable[str] = (),
        request_base_report: bool = False,
        allow_concurrent_tx: bool = True,
        offline_grace: float | Literal["default"] | None = "default",
        ev_charging_needs_policy: EvChargingNeedsPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        limits: Limits | None = None,
        unknown_station_profile: int = 0,
        trusted_proxy: TrustedProxy | None = None,
        certificate_signer: CertificateSigner | None = None,
        history_total: int = HISTORY_TOTAL,
        retention: RetentionPolicy | None = None,
        ocpp_versions: Iterable[OcppVersion | str] = DEFAULT_VERSIONS,
        cost_update_interval: float | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.call_timeout = call_timeout
        self.ping_interval = ping_interval
        self.chargers = ChargerRegistry()
        self.events = EventHub()
        self._init_security(
            self.events, ssl_context, limits, unknown_station_profile, trusted_proxy
        )
        self._store = (
            Store() if database_url is None else DatabaseStore(database_url, clock, retention)
        )
        self.tokens = TokenStore(authorized_tokens, allow_concurrent_tx=allow_concurrent_tx)
        self.tokens.bind(self._store)
        self._ctx = CsmsContext(
            self.chargers,
            clock,
            self.tokens,
            self.events,
            heartbeat_interval,
            self._store,
            BootPolicy(boot_policy, known_stations),
            request_base_report,
            self._spawn,
        )
        self.offline_grace = (
            default_offline_grace(heartbeat_interval)
            if offline_grace == "default"
            else offline_grace
        )
        self._ctx.send = self.call
        self._ctx.ev_charging_needs_policy = ev_charging_needs_policy
        self._ctx.cost_update_interval = cost_update_interval
        self.tariffs = self._ctx.tariffs
        self._ctx.signer = certificate_signer
        self.tracker = Tracker(clock, self._store, self.events, history_total=history_total)
        self._ctx.station_objects = self.tracker.objects
        self.sites = SiteManager(self._ctx)  # K01: groups of stations under one limit
        self._init_commands()
        self._versions = VersionRouting(self._ctx, self.tracker, ocpp_versions)
        self.ocpp_versions = self._gate.versions = self._versions.offered
        self._lenient = set(lenient_stations)
        self.shutdown_grace = shutdown_grace
        self._lenient_violations: dict[str, int] = {}
        self._frame_observers: list[FrameObserver] = []
        self._server: Server | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        # Ids grow from the start time in seconds, so they do not repeat across restarts.
        self._remote_start_ids = itertools.count(int(clock().timestamp()))

    # --- lifecycle ---

    async def start(self) -> None:
        """Bind the port, open the database (if any), then listen for stations. ``self.port``
        becomes the bound port.

        Raises:
            OSError: the port cannot be bound (nothing was opened).
            DatabaseUrlError, DatabaseUnavailableError: the database cannot be used.
        """
        if self._server is not None:
            raise RuntimeError("the server is already started")
        sock = socket.create_server((self.host, self.port))  # first: a busy port opens nothing
        try:
            await self._store.open(self.chargers, self._ctx.tokens)
        except BaseException:
            sock.close()
            raise
        self.tracker.restore(self._store.tracking_state())
        try:
            await self._open_security(self._store)
            worker = getattr(self._store, "worker", None)
            self.sites.bind(None if worker is None else worker.run)  # K01: stored sites
            await self.sites.load()
            await self.tariffs.open(self._store)
            self._server = await self._listen(sock)
        except BaseException:
            sock.close()
            await self._store.close()
            raise
        self.port = self._server.sockets[0].getsockname()[1]
        if self.offline_grace is not None:
            self._spawn(watch_liveness(self._ctx, self.offline_grace))
        if self._ctx.cost_update_interval:
            blocks = self._versions.routers[OcppVersion.V201].blocks
            costs = next(b for b in blocks if isinstance(b, TariffCost))
            self._spawn(costs.watch(self._ctx.cost_update_interval))
        log.info("CSMS listening on %s://%s:%d/<station id>", self.scheme, self.host, self.port)

    async def _listen(self, sock: socket.socket) -> Server:
        return await serve(
            self._serve_station,
            sock=sock,
            subprotocols=self._versions.subprotocols,
            select_subprotocol=self._versions.select,
            compression=None,  # permessage-deflate triples per-connection memory
            ping_interval=self.ping_interval,
            ping_timeout=self.ping_interval,
            **self._serve_options(),  # the handshake gate, limits and TLS
        )

    async def stop(self) -> None:
        """Let the stations' CALLs being handled finish (up to ``shutdown_grace`` seconds, then
        they are cancelled), close every station link (1001 going away, after the frames already
        written), stop listening, end tracked tasks, then write what is still queued to the
        database and close it."""
        server, self._server = self._server, None
        if server is not None:
            await self._drain_links()
            server.close(close_connections=True)
            await server.wait_closed()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if server is not None:
            await self._store.close()
            log.info("CSMS stopped")

    async def _drain_links(self) -> None:
        links = [c.connection for c in self.chargers.chargers.values() if c.connection]
        if links:
            await asyncio.gather(*(link.drain(self.shutdown_grace) for link in links))

    @property
    def running(self) -> bool:
        return self._server is not None

    async def __aenter__(self) -> OCPPServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- station links ---

    async def _serve_station(self, ws: ServerConnection) -> None:
        station_id = identity_from_path(ws.request.path if ws.request else "")
        charger = self.chargers.ensure(station_id)
        version, accepts, handler = self._versions.link(ws.subprotocol, charger)
        connection = Connection(
            ws,
            station_id,
            "SERVER",
            accepts,
            handler,
            timeout=self.call_timeout,
            lenient=station_id in self._lenient,
            rate=self._link_rate(),
            max_pending_calls=self.limits.max_pending_calls,
            on_limit=self.security_counters.limit_hit,
            version=version,
        )
        connection.on_violations = self._violation_counter(station_id)
        connection.observers.append(self._frame_observer(charger))
        replaced = self.chargers.attach(station_id, connection, self._ctx.now())
        self._store.station_link_changed(charger)
        if replaced is not None:
            log.info("[%s] new connection replaces the previous one", station_id)
            self._spawn(replaced.close(CLOSE_REPLACED, "replaced by a new connection"))
        log.info("[%s] connected from %s (%s)", station_id, ws.remote_address, version.value)
        link = {"remote_address": str(ws.remote_address), "ocpp_version": version.value}
        self.events.emit("connected", station_id, link)
        self._gate.open_links += 1
        try:
            await connection.run()
        finally:
            self._gate.open_links -= 1
            if self.chargers.detach(station_id, connection, self._ctx.now()):
                self._store.station_link_changed(charger)
                log.info("[%s] disconnected (code %s)", station_id, ws.close_code)
                self.events.emit("disconnected", station_id, {"close_code": ws.close_code})

    def _frame_observer(self, charger: Charger) -> Callable[[str, str], None]:
        clock, observers, seen = self._ctx.clock, self._frame_observers, self._store.station_seen

        def observe(direction: str, text: str) -> None:
            if direction == "in":
                charger.last_seen = clock()
                seen(charger)
            elif needs_redaction(text):  # A01: a station's new password is not shown
                text = redact(text)
            for observer in observers:
                observer(charger.charger_id, direction, text)

        return observe

    # --- hooks ---

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(kind, charger_id, data)`` on every CSMS event.

        Kinds and their ``data`` (JSON-serialisable dicts):
        ``connected`` {remote_address}; ``disconnected`` {close_code};
        ``booted`` the boot record (see ``get_charger_status``); ``status`` {evse_id,
        connector_id, status, timestamp}; ``transaction`` {event_type, trigger_reason, and the
        ``get_transaction`` dict}; ``meter_values`` {evse_id, timestamp, energy_wh, power_w};
        ``command`` {event: "sent", "answered" or "failed", and the ``commands`` dict};
        ``notification`` the ``station_messages`` dict.
        Listeners run synchronously on the event loop and must not block.
        """
        self.events.add(listener)

    def remove_listener(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        self.events.remove(listener)

    def add_frame_observer(self, observer: FrameObserver) -> None:
        """Call ``observer(charger_id, direction, text)`` with every raw frame of links opened
        from now on (for frame logs and tests). It must be cheap: it runs on the hot path."""
        self._frame_observers.append(observer)

    # --- commands (CSMS -> CS) ---

    async def call(
        self,
        charger_id: str,
        action: str,
        payload: OcppModel | dict[str, Any],
        timeout: float | None = None,  # noqa: ASYNC109 (a per-CALL deadline, as Connection.call)
    ) -> OcppModel:
        """Send any CSMS->CS action and return the station's validated response.

        It goes through the command pipeline as the typed methods do (``send_command``): a
        request with a list is split per the station's ItemsPerMessage / BytesPerMessage, and
        the values a GetVariables / SetVariables answer confirms go into its device model.

        Args:
            charger_id: the station identity.
            action: a CSMS->CS action name, e.g. ``"Reset"``.
            payload: the request model, or its wire (camelCase) dict.
            timeout: seconds to wait for the reply (to each part's); default ``call_timeout``.

        Returns:
            the action's response model.

        Raises:
            InvalidCommandError: the action is unknown or is one stations send.
            NotConnectedError: the station is not connected (or the link closed meanwhile).
            StationRejectedError: the station was Rejected at boot (B03).
            OCPPError: the payload is invalid (nothing sent), or the station answered a
                CALLERROR (the class of its code) or an invalid CALLRESULT.
            CallTimeoutError: no reply in time.

        Every command sent is recorded with its answer or failure (see ``commands``).
        """
        return await self.send_command(charger_id, action, payload, OcppModel, timeout)

    async def _send_call(
        self,
        station_id: str,
        action: str,
        request: OcppModel,
        timeout: float | None,  # noqa: ASYNC109 (a per-CALL deadline, as Connection.call)
    ) -> OcppModel:
        """One CALL of a validated request on the station's link, recorded with its answer or
        failure: the command pipeline's last step (``CommandSender.send_command``)."""
        connection = self.chargers.connection(station_id)
        command = await self.tracker.sent(station_id, action, request)
        try:
            response = await connection.call(action, request, timeout)
        except BaseException as exc:
            await self.tracker.failed(command, exc)
            raise
        await self.tracker.answered(command, response)
        return response

    async def request_start_transaction(
        self,
        charger_id: str,
        evse_id: int | None = 1,
        id_token: str = "DEMO_TOKEN",
        remote_start_id: int | None = None,
    ) -> RequestStartTransactionResponse:
        """F01/F02: ask the station to start a transaction.

        Args:
            evse_id: the EVSE to start on, or None to let the station choose.
            id_token: the token to charge for; typed ISO14443 when it looks like a card UID
                (8, 14 or 20 hex digits), else Central. It is accepted by this CSMS's token check
                (as the token of every RequestStartTransaction sent, see ``blocks.remote_control``).
            remote_start_id: links the resulting transaction (``transactionInfo.remoteStartId``)
                to this request; generated when None.

        Returns:
            the station's RequestStartTransactionResponse (status Accepted or Rejected).

        Raises:
            NotConnectedError, OCPPError, CallTimeoutError: as ``call``.
        """
        if remote_start_id is None:
            remote_start_id = next(self._remote_start_ids)
        request = commands.start_transaction_request(evse_id, id_token, remote_start_id)
        return await self.send_command(
            charger_id, "RequestStartTransaction", request, RequestStartTransactionResponse
        )

    async def request_stop_transaction(
        self, charger_id: str, transaction_id: str | None = None
    ) -> RequestStopTransactionResponse:
        """F03: ask the station to stop a transaction.

        Args:
            transaction_id: the transaction; None means the station's active one (the most
                recently started, if it runs several).

        Raises:
            NoActiveTransactionError: ``transaction_id`` is None and the station runs none.
            NotConnectedError, OCPPError, CallTimeoutError: as ``call``.
        """
        if transaction_id is None:
            charger = self.chargers.get(charger_id)
            active = None if charger is None else charger.active_transaction()
            if active is None:
                self.chargers.connection(charger_id)  # an unknown station is NotConnected
                raise NoActiveTransactionError(f"{charger_id!r} has no active transaction")
            transaction_id = active.transaction_id
        request = commands.stop_transaction_request(transaction_id)
        return await self.send_command(
            charger_id, "RequestStopTransaction", request, RequestStopTransactionResponse
        )

    async def set_charging_profile(
        self,
        charger_id: str,
        evse_id: int,
        charging_profile: ChargingProfileType | dict[str, Any],
    ) -> SetChargingProfileResponse:
        """K01: install a charging profile on an EVSE (0 for the whole station).

        Args:
            charging_profile: a ``ChargingProfileType`` or its wire (camelCase) dict.

        Raises:
            NotConnectedError, OCPPError, CallTimeoutError: as ``call``.
        """
        request = commands.charging_profile_request(evse_id, charging_profile)
        return await self.send_command(
            charger_id, "SetChargingProfile", request, SetChargingProfileResponse
        )

    # --- extensions ---

    def register_data_transfer(
        self, vendor_id: str, handler: DataTransferHandler, message_id: str | None = None
    ) -> None:
        """Answer the stations' DataTransfer of ``vendor_id`` with ``handler`` (P02).

        ``handler(charger_id, message_id, data)`` (sync or async) returns a
        DataTransferResponse, a ``(status, data)`` pair or a status. With ``message_id`` it
        handles that messageId only; without, every messageId of the vendor that has no handler
        of its own. Unregistered vendors get UnknownVendorId, unregistered messageIds of a known
        vendor UnknownMessageId, and a handler that raises (or answers nonsense) Rejected.
        """
        self._ctx.data_transfer.register(vendor_id, handler, message_id)

    @property
    def ev_charging_needs_policy(self) -> EvChargingNeedsPolicy | None:
        """How NotifyEVChargingNeeds is answered; see the constructor."""
        return self._ctx.ev_charging_needs_policy

    @ev_charging_needs_policy.setter
    def ev_charging_needs_policy(self, policy: EvChargingNeedsPolicy | None) -> None:
        self._ctx.ev_charging_needs_policy = policy

    @property
    def ev_max_power_w(self) -> float | None:
        """The operator's cap (W) on every TxProfile sent for an EV's needs, any policy."""
        return self._ctx.ev_max_power_w

    @ev_max_power_w.setter
    def ev_max_power_w(self, cap: float | None) -> None:
        self._ctx.ev_max_power_w = cap

    def set_boot_status(self, charger_id: str, status: str | None) -> None:
        """Answer ``status`` (Accepted, Pending or Rejected) to the station's next
        BootNotifications, whatever the boot policy; None returns it to the policy (B01-B03).

        Raises:
            ValueError: an unknown status.
        """
        self._ctx.boot.override(charger_id, status)
