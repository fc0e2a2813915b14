"""Running ocppkit's parts as a process: the CSMS with its REST API, simulated chargers, or both.

The CLI (``ocppkit server|charger|all``) and ``run_all.py`` call these; each runs until ``stop`` is
set (SIGINT/SIGTERM set it, see ``stop_on_signals``) or ``duration`` seconds have passed.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import signal
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ocppkit.api import ApiServer, create_app
from ocppkit.csms import OCPPServer, ev_max_power_policy
from ocppkit.security.api_auth import check_api_exposure
from ocppkit.security.limits import Limits
from ocppkit.security.proxy import TrustedProxy
from ocppkit.simulator import ChargerSimulator

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
    ev_max_power_w: float | None = None  # K15: a TxProfile capping each EV at this power
    ssl_context: ssl.SSLContext | None = None  # wss:// (security profiles 2 and 3)
    limits: Limits = field(default_factory=Limits)
    unknown_station_profile: int = 0  # what stations without security settings must use
    trusted_proxy: TrustedProxy | None = None  # a TLS-terminating proxy (docs/security.md)


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


@contextlib.asynccontextmanager
async def csms_with_api(options: ServerOptions):  # type: ignore[no-untyped-def]
    """Start the CSMS and its REST API on one loop; yield ``(server, api)``; stop both."""
    needs = None if options.ev_max_power_w is None else ev_max_power_policy(options.ev_max_power_w)
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
        ev_charging_needs_policy=needs,
        ssl_context=options.ssl_context,
        limits=options.limits,
        unknown_station_profile=options.unknown_station_profile,
        trusted_proxy=options.trusted_proxy,
    )
    await server.start()
    try:
        require_key = await check_api_exposure(server.api_keys, options.api_host)
    except BaseException:
        await server.stop()
        raise
    api = ApiServer(
        create_app(server, require_api_key=require_key), options.api_host, options.api_port
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


@contextlib.asynccontextmanager
async def chargers(options: ChargerOptions):  # type: ignore[no-untyped-def]
    """Connect simulated chargers (booted on entry); yield them; disconnect them on exit."""
    sims = [
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
            **({} if options.ev is None else {"ev": options.ev}),
        )
        for cid in options.ids
    ]
    try:
        await asyncio.gather(*(sim.connect() for sim in sims))
        log.info("%d charger(s) connected to %s", len(sims), options.url)
        if options.charge:
            await asyncio.gather(*(sim.start_transaction() for sim in sims))
        yield sims
    finally:
        await asyncio.gather(*(sim.disconnect() for sim in sims), return_exceptions=True)


async def run_server(
    options: ServerOptions, stop: asyncio.Event, duration: float | None = None
) -> None:
    """The CSMS and its REST API until stopped."""
    async with csms_with_api(options):
        await _wait(stop, duration)


async def run_chargers(
    options: ChargerOptions, stop: asyncio.Event, duration: float | None = None
) -> None:
    """Simulated chargers until stopped."""
    async with chargers(options):
        await _wait(stop, duration)


async def run_all(
    server_options: ServerOptions,
    charger_options: ChargerOptions,
    stop: asyncio.Event,
    duration: float | None = None,
) -> None:
    """The CSMS, its REST API and simulated chargers connected to it, in one process."""
    async with csms_with_api(server_options) as (server, _api):
        url = f"ws://127.0.0.1:{server.port}"
        async with chargers(dataclasses.replace(charger_options, url=url)):
            await _wait(stop, duration)
