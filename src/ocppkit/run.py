"""Running ocppkit's parts as a process: the CSMS with its REST API, simulated chargers, or both.

The CLI (``ocppkit server|charger|all``) and ``run_all.py`` call these; each runs until ``stop`` is
set (SIGINT/SIGTERM set it, see ``stop_on_signals``) or ``duration`` seconds have passed.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import errno
import logging
import signal
import socket
import ssl
from collections.abc import Awaitable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ocppkit.api import ApiServer, create_app
from ocppkit.csms import OCPPServer
from ocppkit.csms.sites import Site
from ocppkit.narration import Narrator
from ocppkit.security.api_auth import check_api_exposure
from ocppkit.security.ca import CertificateSigner
from ocppkit.security.limits import Limits
from ocppkit.security.proxy import TrustedProxy
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.device.catalog import station_identity
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.ev import DEFAULT_EV
from ocppkit.storage.retention import RetentionPolicy

log = logging.getLogger("ocppkit.run")


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """The CSMS's and its REST API's settings (see ``OCPPServer`` and ``config.ServerConfig``)."""

    host: str = "0.0.0.0"
    port: int = 9000
    api_host: str = "127.0.0.1"  # beyond loopback the API needs keys (docs/security.md)
    api_port: int = 8080
    heartbeat_interval: int = 30
    database_url: str | None = None  # None: in memory only
    boot_policy: str = "accept"
    known_stations: Sequence[str] = ()
    lenient_stations: Sequence[str] = ()
    request_base_report: bool = False
    allow_concurrent_tx: bool = True
    offline_grace: float | Literal["default"] | None = "default"  # None: never closed
    call_timeout: float = 30.0
    ev_max_power_w: float | None = None  # K15: a cap on every TxProfile for an EV's needs
    sites: Sequence[Site] = ()  # K01: stations sharing a power limit (ocppkit.csms.sites)
    ssl_context: ssl.SSLContext | None = None  # wss:// (security profiles 2 and 3)
    limits: Limits = field(default_factory=Limits)
    unknown_station_profile: int = 0  # what stations without security settings must use
    trusted_proxy: TrustedProxy | None = None  # a TLS-terminating proxy (docs/security.md)
    certificate_signer: CertificateSigner | None = None  # signs station CSRs (A02/A03)
    message_log_size: int = 200  # frames kept in memory per station
    message_log_bytes: int = 32 << 20  # frames' bytes kept in memory across stations
    history_total: int = 20_000  # commands, and notifications, kept in memory in all
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)  # None days: forever
    ocpp_versions: Sequence[str] = ("1.6", "2.0.1")  # offered on the station port
    cost_update_interval: float | None = None  # I02: seconds between CostUpdated; None: none


@dataclass(frozen=True, slots=True)
class ChargerOptions:
    url: str = "ws://localhost:9000"
    ids: Sequence[str] = ("charger_001",)
    connectors: int = 1
    charge: bool = False  # start a local transaction on EVSE 1 once booted
    sample_interval: float = 5.0  # seconds between meter samples while charging
    basic_auth_password: str | None = None  # security profiles 1/2 (username = station id)
    ssl_context: ssl.SSLContext | None = None  # wss:// CA and client certificate (2/3)
    state_dir: str | None = None  # device model and offline queue kept between runs
    station_type: str = "AC3"  # AC3, AC1 or DC (simulator.meter.STATION_TYPES)
    ev: str | None = None  # the EV model that plugs in (simulator.ev.EV_CATALOGUE); None: default
    iso15118: bool = False  # the EVs tell their charging needs (K15) and chosen schedule


def charger_ids(prefix: str | None, count: int) -> list[str]:
    """``--id``/``--count`` to station ids: an explicit id alone is kept, otherwise
    ``<prefix>_001``... (prefix ``charger``), as the seed names them."""
    if count == 1 and prefix:
        return [prefix]
    return [f"{prefix or 'charger'}_{n:03d}" for n in range(1, count + 1)]


def stop_on_signals(stop: asyncio.Event) -> None:
    """Set ``stop`` on SIGINT and SIGTERM (where the platform allows it)."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def _wait(stop: asyncio.Event, duration: float | None) -> None:
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(duration):
            await stop.wait()


class BindError(OSError):
    """A server's address cannot be bound; the message says which and what to do."""


@contextlib.contextmanager
def _binding(what: str, flag: str, host: str, port: int) -> Iterator[None]:
    """Turn a bind failure into one sentence naming the host or port and what to do.

    Raises:
        BindError: the address cannot be bound.
    """
    try:
        yield
    except OSError as exc:
        if isinstance(exc, socket.gaierror) or (exc.errno or 0) < 0:  # getaddrinfo's codes
            reason = (exc.strerror or "unknown host").split(" (while attempting", 1)[0]
            raise BindError(
                f"--host {host!r} is not an address or host name this machine knows ({reason}): "
                "use 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or one of its "
                "addresses"
            ) from None
        if exc.errno == errno.EADDRINUSE:
            raise BindError(
                f"the {what} port {port} on {host} is in use (another ocppkit server?): "
                f"stop that one or choose another port with {flag} ({flag} 0: any free port)"
            ) from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise BindError(
                f"--host {host!r} is not an address of this machine: use 0.0.0.0 (every "
                "interface), 127.0.0.1 (this machine only) or one of its addresses"
            ) from None
        if exc.errno == errno.EACCES:
            raise BindError(
                f"the {what} port {port} needs privileges here: choose one above 1023 with {flag}"
            ) from None
        raise


@contextlib.asynccontextmanager
async def csms_with_api(options: ServerOptions):  # type: ignore[no-untyped-def]
    """Start the CSMS and its REST API on one loop; yield ``(server, api)``; stop both."""
    server = OCPPServer(
        options.host,
        options.port,
        heartbeat_interval=options.heartbeat_interval,
        database_url=options.database_url,
        boot_policy=options.boot_policy,
        known_stations=options.known_stations,
        lenient_stations=options.lenient_stations,
        request_base_report=options.request_base_report,
        allow_concurrent_tx=options.allow_concurrent_tx,
        offline_grace=options.offline_grace,
        call_timeout=options.call_timeout,
        ssl_context=options.ssl_context,
        limits=options.limits,
        unknown_station_profile=options.unknown_station_profile,
        trusted_proxy=options.trusted_proxy,
        certificate_signer=options.certificate_signer,
        history_total=options.history_total,
        retention=options.retention,
        ocpp_versions=options.ocpp_versions,
        cost_update_interval=options.cost_update_interval,
    )
    server.ev_max_power_w = options.ev_max_power_w  # K15: a cap on the default TxProfiles
    # both ports are bound before the CSMS opens (or restores) anything
    with _binding("REST API", "--api-port", options.api_host, options.api_port):
        api_socket = socket.create_server((options.api_host, options.api_port))
    try:
        with _binding("CSMS", "--port", options.host, options.port):
            await server.start()
        for site in options.sites:  # K01: the file's sites win over the stored ones
            await server.sites.save(site)
        try:
            require_key = await check_api_exposure(server.api_keys, options.api_host)
        except BaseException:
            await server.stop()
            raise
    except BaseException:
        api_socket.close()
        raise
    api = ApiServer(
        create_app(
            server,
            require_api_key=require_key,
            message_log_size=options.message_log_size,
            message_log_bytes=options.message_log_bytes,
        ),
        options.api_host,
        options.api_port,
        sock=api_socket,
    )
    try:
        await api.start()
        log.info(
            "CSMS listening on %s://%s:%d/{charger_id}; REST API on http://%s:%d (docs at /docs)",
            server.scheme,
            options.host,
            server.port,
            options.api_host,
            api.port,
        )
        yield server, api
    finally:
        await api.stop()
        await server.stop()


def build_chargers(options: ChargerOptions) -> list[ChargerSimulator]:
    """The simulated chargers of ``options``, not yet connected."""
    return [
        ChargerSimulator(
            cid,
            options.url,
            num_connectors=options.connectors,
            sample_interval=options.sample_interval,
            basic_auth_password=options.basic_auth_password,
            ssl_context=options.ssl_context,
            state_dir=options.state_dir,
            station_type=options.station_type,
            ev_charging_needs=options.iso15118,
            **station_identity(options.station_type, cid).arguments(),
            ev=DEFAULT_EV if options.ev is None else options.ev,
        )
        for cid in options.ids
    ]


async def _connect(sims: Sequence[ChargerSimulator], options: ChargerOptions) -> None:
    await asyncio.gather(*(sim.connect() for sim in sims))
    log.info("%d charger(s) connected to %s", len(sims), options.url)
    if options.charge:
        await asyncio.gather(*(sim.start_transaction() for sim in sims))


async def _within(aw: Awaitable[object], stop: asyncio.Event, deadline: float | None) -> bool:
    """Await ``aw``; False (and ``aw`` cancelled) if ``stop`` is set or the loop's clock
    passes ``deadline`` first.

    Raises:
        what ``aw`` raises.
    """
    task = asyncio.ensure_future(aw)
    stopper = asyncio.ensure_future(stop.wait())
    timeout = None if deadline is None else max(0.0, deadline - asyncio.get_running_loop().time())
    try:
        await asyncio.wait({task, stopper}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for pending in (task, stopper):
            pending.cancel()
        await asyncio.gather(task, stopper, return_exceptions=True)
    if task.cancelled():
        return False
    task.result()
    return True


def _not_online(sims: Sequence[ChargerSimulator], duration: float) -> SimulatorError:
    offline = [sim for sim in sims if not sim.connected]
    first = offline[0]
    others = f" (and {len(offline) - 1} more)" if len(offline) > 1 else ""
    status = first.registration_status
    why = (
        f"BootNotification answered {status.value}"
        if status is not None
        else first.link.last_problem or f"no answer from {first.url}"
    )
    return SimulatorError(
        f"{first.charger_id}{others} did not get online in the {duration:g} s run: {why}"
    )


async def _run_chargers(
    options: ChargerOptions, stop: asyncio.Event, deadline: float | None, duration: float | None
) -> None:
    sims = build_chargers(options)
    narrator = Narrator(sims, options.sample_interval if options.charge else None)
    narrator.start()
    try:
        if not await _within(_connect(sims, options), stop, deadline):
            if not stop.is_set() and duration is not None:
                raise _not_online(sims, duration)
            return
        await _within(stop.wait(), stop, deadline)
        log.info("shutting down %d charger(s)", len(sims))
    finally:
        narrator.check()
        narrator.shutting_down = True
        await asyncio.gather(*(sim.disconnect() for sim in sims), return_exceptions=True)
        await narrator.close()
        if narrator.booted:
            log.info("%d charger(s) shut down", narrator.booted)


@contextlib.asynccontextmanager
async def chargers(options: ChargerOptions):  # type: ignore[no-untyped-def]
    """Connect simulated chargers (booted on entry); yield them; disconnect them on exit."""
    sims = build_chargers(options)
    try:
        await _connect(sims, options)
        yield sims
    finally:
        await asyncio.gather(*(sim.disconnect() for sim in sims), return_exceptions=True)


def _deadline(duration: float | None) -> float | None:
    return None if duration is None else asyncio.get_running_loop().time() + duration


async def run_server(
    options: ServerOptions, stop: asyncio.Event, duration: float | None = None
) -> None:
    """The CSMS and its REST API until stopped."""
    async with csms_with_api(options):
        await _wait(stop, duration)


async def run_chargers(
    options: ChargerOptions, stop: asyncio.Event, duration: float | None = None
) -> None:
    """Simulated chargers until stopped or ``duration`` seconds passed (connecting included),
    telling what happens (``narration``).

    Raises:
        SimulatorError: a charger did not get online (within ``duration``, or its connect
            timeout).
    """
    await _run_chargers(options, stop, _deadline(duration), duration)


async def run_all(
    server_options: ServerOptions,
    charger_options: ChargerOptions,
    stop: asyncio.Event,
    duration: float | None = None,
) -> None:
    """The CSMS, its REST API and simulated chargers connected to it, in one process."""
    deadline = _deadline(duration)
    async with csms_with_api(server_options) as (server, _api):
        url = f"ws://127.0.0.1:{server.port}"
        await _run_chargers(dataclasses.replace(charger_options, url=url), stop, deadline, duration)
