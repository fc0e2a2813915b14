"""The ``ocppkit`` command: ``server``, ``charger``, ``fleet``, ``demo`` and ``all``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import ssl
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ocppkit.cli_help import ALL_HELP, CHARGER_HELP, DEMO_HELP, FLEET_HELP, SERVER_HELP
from ocppkit.cli_values import (
    add_memory_options,
    grace,
    port,
    positive,
    seconds,
    url,
    version_list,
    watts,
)
from ocppkit.logs import setup_logging
from ocppkit.protocol.errors import OCPPKitError

if TYPE_CHECKING:
    from ocppkit import run
    from ocppkit.simulator.fleet import FleetOptions

log = logging.getLogger("ocppkit.cli")


def _add_logging(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--log-level",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        default=None,
        help="log level (default: $OCPP_LOG_LEVEL or INFO)",
    )
    p.add_argument(
        "--protocol-debug",
        action="store_true",
        default=None,
        help="log every OCPP frame (default: $OCPP_PROTOCOL_DEBUG)",
    )
    p.add_argument(
        "--log-file", default=None, help="also log to this file (default: $OCPP_LOG_FILE)"
    )


def _add_server(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        default=None,
        metavar="FILE",
        help="read the server options from this TOML file (keys: the long options with _ for -)",
    )
    p.add_argument(
        "--host", default=None, help="address the OCPP port listens on (default 0.0.0.0)"
    )
    p.add_argument("--port", type=port, default=None, help="OCPP WebSocket port (default 9000)")
    p.add_argument("--api-port", type=port, default=None, help="REST API port (default 8080)")
    p.add_argument(
        "--heartbeat-interval",
        type=positive,
        default=None,
        help="heartbeat interval given to stations at boot, seconds (default 30)",
    )
    p.add_argument(
        "--database-url",
        default=None,
        help="where the CSMS keeps its state: sqlite+aiosqlite:///<file> or "
        "postgresql+asyncpg://<user>@<host>/<db> (default: "
        "$OCPPKIT_DATABASE_URL, else sqlite+aiosqlite:///ocppkit.db here)",
    )
    from ocppkit import security_cli

    security_cli.add_server_flags(p)
    g = p.add_argument_group("station policy")
    g.add_argument(
        "--ocpp-versions",
        type=version_list,
        default=None,
        metavar="LIST",
        help="OCPP versions offered on the station port, comma-separated: 1.6, 2.0.1 "
        "(default both); each station gets the first of its offered subprotocols that is listed",
    )
    g.add_argument(
        "--boot-policy",
        choices=["accept", "known-only", "auto-register"],
        default=None,
        help="BootNotification: accept every station (default), only --known-station ones "
        "(others Rejected, B03), or accept and remember new ones",
    )
    g.add_argument(
        "--known-station",
        action="append",
        default=None,
        dest="known_stations",
        metavar="ID",
        help="a station accepted under --boot-policy known-only (repeat for more)",
    )
    g.add_argument(
        "--lenient-station",
        action="append",
        default=None,
        dest="lenient_stations",
        metavar="ID",
        help="a station whose payloads are validated leniently "
        "(logged, not refused; repeat for more)",
    )
    g.add_argument(
        "--request-base-report",
        action="store_true",
        default=None,
        help="ask each station for its device model after its first boot (B07)",
    )
    g.add_argument(
        "--one-transaction-per-token",
        action="store_true",
        default=None,
        help="answer ConcurrentTx for a token already charging elsewhere",
    )
    g.add_argument(
        "--offline-grace",
        type=grace,
        default=None,
        metavar="SECONDS|off",
        help="close a station's link after this long without a message (default: "
        "twice the heartbeat interval plus 10 s)",
    )
    g.add_argument(
        "--call-timeout",
        type=seconds,
        default=None,
        metavar="SECONDS",
        help="how long a command waits for the station's answer (default 30)",
    )
    g.add_argument(
        "--ev-max-power",
        type=watts,
        default=None,
        metavar="WATTS",
        help="cap the TxProfiles that answer EV charging needs (ISO 15118, K15) at this "
        "power (default: the lowest limit the CSMS knows of the EVSE, station and site)",
    )
    g.add_argument(
        "--cost-update-interval",
        type=seconds,
        default=None,
        metavar="SECONDS",
        help="send each running priced transaction's cost (CostUpdated, I02) this often "
        "(default: never; totalCost still ends each priced transaction)",
    )
    add_memory_options(p)


def _server_options(args: argparse.Namespace) -> run.ServerOptions:
    """The server's options: the command line over the --config file over the defaults.

    Raises:
        ConfigError: the file cannot be read or holds an unknown key or a bad value.
    """
    from ocppkit import run, security_cli
    from ocppkit.config import ServerConfig, read_toml, validate
    from ocppkit.csms.sites import Site
    from ocppkit.storage.retention import RetentionPolicy

    data = read_toml(args.config) if args.config else {}
    source = args.config or "command line"
    data.update(
        {
            key: getattr(args, key)
            for key in ServerConfig.model_fields  # flag dests (sites: in the file only)
            if getattr(args, key, None) is not None
        }
    )
    config = validate(ServerConfig, data, source)
    grace = config.offline_grace
    try:
        tls = security_cli.tls_context_of(config)
        proxy = security_cli.proxy_of(config)
        signer = security_cli.signer_of(config)
    except security_cli.SecurityUsageError as exc:
        raise UsageError(str(exc)) from None
    return run.ServerOptions(
        config.host,
        config.port,
        config.api_host,
        config.api_port,
        config.heartbeat_interval,
        _database_url(config.database_url),
        boot_policy=config.boot_policy,
        known_stations=tuple(config.known_stations),
        lenient_stations=tuple(config.lenient_stations),
        request_base_report=config.request_base_report,
        allow_concurrent_tx=not config.one_transaction_per_token,
        offline_grace="default" if grace is None else None if grace == "off" else grace,
        call_timeout=config.call_timeout,
        ev_max_power_w=config.ev_max_power,
        sites=tuple(
            Site(site.id, site.limit_w, list(site.stations), site.strategy) for site in config.sites
        ),
        ssl_context=tls,
        limits=security_cli.limits_of(config),
        unknown_station_profile=config.unknown_station_profile,
        trusted_proxy=proxy,
        certificate_signer=signer,
        message_log_size=config.message_log_size,
        message_log_bytes=config.message_log_bytes,
        history_total=config.history_total,
        retention=RetentionPolicy(
            frames=config.retention_frames_days or config.retention_days,
            events=config.retention_events_days or config.retention_days,
            meter_values=config.retention_meter_values_days or config.retention_days,
        ),
        ocpp_versions=tuple(config.ocpp_versions),
        cost_update_interval=config.cost_update_interval,
    )


def _add_chargers(p: argparse.ArgumentParser, with_url: bool) -> None:
    if with_url:
        p.add_argument(
            "--url",
            type=url,
            default="ws://localhost:9000",
            help="CSMS URL; the station id is appended (default ws://localhost:9000)",
        )
    p.add_argument(
        "--id",
        default=None,
        help="station id; with --count > 1 a prefix: <id>_001... (default: charger_001...)",
    )
    p.add_argument("--count", type=positive, default=1, help="number of chargers (default 1)")
    p.add_argument(
        "--connectors", type=positive, default=1, help="connectors (EVSEs) per charger (default 1)"
    )
    p.add_argument("--charge", action="store_true", help="start charging on EVSE 1 once booted")
    p.add_argument(
        "--sample-interval",
        type=seconds,
        default=5.0,
        help="seconds between meter samples while charging (default 5)",
    )
    p.add_argument(
        "--station-type",
        choices=["AC3", "AC1", "DC"],
        default="AC3",
        help="AC3: 3 x 16 A, 11 kW (default); AC1: 1 x 32 A, 7.4 kW; DC: 150 kW",
    )
    p.add_argument(
        "--ev",
        default=None,
        metavar="MODEL",
        help="the EV that plugs in: compact, sedan (default), suv, performance or van",
    )
    p.add_argument(
        "--iso15118",
        action="store_true",
        help="the EVs speak ISO 15118: they send their charging needs when they plug "
        "in and answer a TxProfile with the schedule they chose (K15-K17)",
    )


def _add_state_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--state-dir",
        default=None,
        metavar="DIR",
        help="keep each station's device model and queued transaction events in this "
        "folder between runs (default: nothing kept)",
    )


def _add_security(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("security profiles (OCPP 2.0.1 A00)")
    g.add_argument(
        "--password",
        default=None,
        help="HTTP Basic auth password, username = station id (profiles 1 and 2)",
    )
    g.add_argument(
        "--ca-file",
        default=None,
        help="CA certificate(s) to check the CSMS against (wss:// URLs; profiles 2, 3)",
    )
    g.add_argument(
        "--cert-file",
        default=None,
        help="the station's client certificate, PEM (wss://; profile 3)",
    )
    g.add_argument(
        "--key-file",
        default=None,
        help="the client certificate's private key, PEM (default: in --cert-file)",
    )


def _add_fleet(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--url",
        type=url,
        default="ws://localhost:9000",
        help="CSMS URL; each station id is appended (default ws://localhost:9000)",
    )
    p.add_argument("--count", type=positive, default=10, help="number of stations (default 10)")
    p.add_argument(
        "--scenario",
        default=None,
        metavar="FILE",
        help="scenario file, TOML only (default: built-in AC 22 kW fleet)",
    )
    p.add_argument("--seed", type=int, default=None, help="seed (overrides the scenario's)")
    p.add_argument(
        "--ramp-up",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="spread the stations' connections over this many seconds (default 0)",
    )
    p.add_argument(
        "--control-port",
        type=port,
        default=None,
        metavar="PORT",
        help="serve the control API on this port (0 = any free; default: none)",
    )
    p.add_argument(
        "--control-host", default="127.0.0.1", help="address of the control API (default 127.0.0.1)"
    )
    p.add_argument(
        "--report", default=None, metavar="FILE", help="also write the final report as JSON to FILE"
    )
    p.add_argument(
        "--report-html",
        default=None,
        metavar="FILE",
        help="also write the final report as a self-contained HTML page with plots (stations "
        "online and power over time, energy per session, reply latency per action)",
    )
    p.add_argument(
        "--no-random-events",
        action="store_true",
        help="no scenario arrivals or faults: EVs only through the control API",
    )


def build_parser(prog: str = "ocppkit") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="OCPP 2.0.1 central system and charging-station simulator."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    server = sub.add_parser(
        "server", help="run the CSMS with its REST API", description=SERVER_HELP
    )
    _add_server(server)
    charger = sub.add_parser(
        "charger", help="run simulated charging stations against a CSMS", description=CHARGER_HELP
    )
    _add_chargers(charger, with_url=True)
    _add_security(charger)
    _add_state_dir(charger)
    fleet = sub.add_parser(
        "fleet", help="run a fleet of simulated stations from a scenario", description=FLEET_HELP
    )
    _add_fleet(fleet)
    _add_security(fleet)
    _add_state_dir(fleet)
    demo = sub.add_parser(
        "demo", help="run the six-step end-to-end demo and exit", description=DEMO_HELP
    )
    demo.add_argument(
        "--host", default="127.0.0.1", help="address for the demo (default 127.0.0.1)"
    )
    demo.add_argument("--port", type=port, default=9000, help="OCPP port (default 9000; 0 = any)")
    demo.add_argument(
        "--api-port", type=port, default=8080, help="REST port (default 8080; 0 = any)"
    )
    both = sub.add_parser(
        "all",
        help="run the CSMS, its REST API and chargers in one process",
        description=ALL_HELP,
    )
    _add_server(both)
    _add_chargers(both, with_url=False)
    from ocppkit import security_cli

    security_cli.register(sub, _add_database_url)
    for p in (server, charger, fleet, demo, both):
        _add_logging(p)
        if p is not demo:
            p.add_argument(
                "--duration",
                type=seconds,
                default=None,
                help="stop after this many seconds (default: run until Ctrl-C)",
            )
    return parser


def _add_database_url(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--database-url",
        default=None,
        help="the CSMS's database (default: $OCPPKIT_DATABASE_URL, else "
        "sqlite+aiosqlite:///ocppkit.db here)",
    )


def _database_url(given: str | None) -> str:
    """``--database-url``, else ``$OCPPKIT_DATABASE_URL``, else SQLite in the current directory."""
    from ocppkit.storage import DEFAULT_URL

    return given or os.environ.get("OCPPKIT_DATABASE_URL") or DEFAULT_URL


async def _main(args: argparse.Namespace) -> None:
    from ocppkit import run

    if args.command == "demo":
        from ocppkit.demo import run_demo

        await run_demo(args.host, args.port, args.api_port)
        return
    stop = asyncio.Event()
    run.stop_on_signals(stop)
    if args.command == "fleet":
        await _fleet(args, stop)
        return
    server = args.server_options if args.command in ("server", "all") else None
    if args.command == "server":
        assert server is not None
        await run.run_server(server, stop, args.duration)
        return
    password, context = _security(args) if args.command == "charger" else (None, None)
    chargers = run.ChargerOptions(
        getattr(args, "url", ""),
        run.charger_ids(args.id, args.count),
        args.connectors,
        args.charge,
        args.sample_interval,
        password,
        context,
        getattr(args, "state_dir", None),
        args.station_type,
        args.ev,
        args.iso15118,
    )
    if args.command == "charger":
        await run.run_chargers(chargers, stop, args.duration)
    else:
        assert server is not None
        await run.run_all(server, chargers, stop, args.duration)


class UsageError(Exception):
    """A command line that cannot run (exit status 2)."""


class FleetFailed(OCPPKitError):
    """A fleet run in which no station was online at the end (exit status 1)."""


def _security(args: argparse.Namespace) -> tuple[str | None, ssl.SSLContext | None]:
    """The password and TLS context of the security flags.

    Raises:
        UsageError: TLS files with a ws:// URL, or files that cannot be loaded.
    """
    from ocppkit.simulator.security import client_ssl_context

    files = (args.ca_file, args.cert_file, args.key_file)
    if not any(files):
        return args.password, None
    if not args.url.startswith("wss://"):
        raise UsageError("--ca-file/--cert-file/--key-file need a wss:// --url")
    try:
        return args.password, client_ssl_context(*files)
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise UsageError(f"cannot load the TLS files: {exc}") from exc


def _check_ids(args: argparse.Namespace) -> None:
    """Raises UsageError for a station id no CSMS may accept (OCPP 2.0.1 part 4, 3.1)."""
    from ocppkit.protocol.identity import identity_problem
    from ocppkit.run import charger_ids

    for identity in charger_ids(args.id, args.count):
        problem = identity_problem(identity)
        if problem is not None:
            hint = " (--id is a prefix with --count)" if args.count > 1 else ""
            raise UsageError(f"--id: {problem}{hint}")


def _check_ev(name: str | None) -> None:
    """Raises UsageError for an EV model the simulator does not have."""
    from ocppkit.simulator.ev import EV_CATALOGUE

    if name is not None and name not in EV_CATALOGUE:
        raise UsageError(f"--ev: no EV model {name!r}; choose from {', '.join(EV_CATALOGUE)}")


def _fleet_options(args: argparse.Namespace) -> FleetOptions:
    """The fleet's options from the command line (reads and validates the scenario).

    Raises:
        ScenarioError: the scenario file is missing or invalid.
        UsageError: as ``_security``.
    """
    from ocppkit.simulator.fleet import FleetOptions, Scenario, load_scenario

    scenario = load_scenario(args.scenario) if args.scenario else Scenario()
    if args.seed is not None:
        scenario = scenario.model_copy(update={"seed": args.seed})
    if args.ramp_up < 0:
        raise UsageError("--ramp-up must not be negative")
    password, context = _security(args)
    return FleetOptions(
        args.url,
        args.count,
        scenario,
        ramp_up=args.ramp_up,
        random_events=not args.no_random_events,
        basic_auth_password=password,
        ssl_context=context,
        state_dir=args.state_dir,
    )


async def _fleet(args: argparse.Namespace, stop: asyncio.Event) -> None:
    from ocppkit.simulator.fleet import run_fleet

    options = args.fleet_options
    control = None if args.control_port is None else (args.control_host, args.control_port)
    report = await run_fleet(options, stop, args.duration, control=control)
    print(report.text(), flush=True)
    if args.report:
        report.write(args.report)
    if args.report_html:
        from ocppkit.simulator.fleet.html_report import write_html

        write_html(report, args.report_html)
    if report.stations and not report.stations_online_at_end:
        why = f": {report.connect_problem}" if report.connect_problem else ""
        raise FleetFailed(f"no station of the fleet was online at the end{why}")


def main(argv: Sequence[str] | None = None, prog: str = "ocppkit") -> int:
    """Entry point of the ``ocppkit`` command; returns the exit status."""
    parser = build_parser(prog)
    if not (sys.argv[1:] if argv is None else argv):
        parser.print_help(sys.stderr)
        return 2
    args = parser.parse_args(argv)
    from ocppkit import security_cli

    if args.command in security_cli.COMMANDS:  # certs, api-keys, station-security
        return security_cli.run(args, _database_url)
    try:
        setup_logging(args.log_level, args.protocol_debug, args.log_file)
    except (ValueError, OSError) as exc:
        print(f"ocppkit: {exc}", file=sys.stderr)
        return 2
    from ocppkit.config import ConfigError

    try:
        if args.command == "fleet":
            args.fleet_options = _fleet_options(args)
        elif args.command == "charger":
            _security(args)
        if args.command in ("server", "all"):
            args.server_options = _server_options(args)
        if args.command in ("charger", "all"):
            _check_ids(args)
            _check_ev(args.ev)
    except (ConfigError, UsageError) as exc:
        print(f"ocppkit: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(_main(args))
    except KeyboardInterrupt:
        return 130
    except (OSError, OCPPKitError) as exc:
        print(f"ocppkit: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
