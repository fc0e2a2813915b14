"""The ``ocppkit`` command: ``server``, ``charger``, ``demo`` and ``all``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence

from ocppkit.logs import setup_logging
from ocppkit.protocol.errors import OCPPKitError

log = logging.getLogger("ocppkit.cli")


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (0-65535; 0 = any free)")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be more than 0 seconds")
    return value


def _url(text: str) -> str:
    if not text.startswith(("ws://", "wss://")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a ws:// or wss:// URL")
    return text


def _add_logging(p: argparse.ArgumentParser) -> None:
    p.add_argument("--log-level", choices=["DEBUG", "INFO", "WARNING", "ERROR"], default=None,
                   help="log level (default: $OCPP_LOG_LEVEL or INFO)")
    p.add_argument("--protocol-debug", action="store_true", default=None,
                   help="log every OCPP frame (default: $OCPP_PROTOCOL_DEBUG)")
    p.add_argument("--log-file", default=None, help="also log to this file (default: $OCPP_LOG_FILE)")


def _add_server(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default 0.0.0.0)")
    p.add_argument("--port", type=_port, default=9000, help="OCPP WebSocket port (default 9000)")
    p.add_argument("--api-port", type=_port, default=8080, help="REST API port (default 8080)")
    p.add_argument("--heartbeat-interval", type=_positive, default=30,
                   help="heartbeat interval given to stations at boot, seconds (default 30)")


def _add_chargers(p: argparse.ArgumentParser, with_url: bool) -> None:
    if with_url:
        p.add_argument("--url", type=_url, default="ws://localhost:9000",
                       help="CSMS URL; the station id is appended (default ws://localhost:9000)")
    p.add_argument("--id", default=None,
                   help="station id; with --count > 1 a prefix: <id>_001... (default: charger_001...)")
    p.add_argument("--count", type=_positive, default=1, help="number of chargers (default 1)")
    p.add_argument("--connectors", type=_positive, default=1,
                   help="connectors (EVSEs) per charger (default 1)")
    p.add_argument("--charge", action="store_true", help="start charging on EVSE 1 once booted")
    p.add_argument("--sample-interval", type=_seconds, default=5.0,
                   help="seconds between meter samples while charging (default 5)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocppkit", description="OCPP 2.0.1 central system and charging-station simulator."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    server = sub.add_parser("server", help="run the CSMS with its REST API")
    _add_server(server)
    charger = sub.add_parser("charger", help="run simulated charging stations against a CSMS")
    _add_chargers(charger, with_url=True)
    demo = sub.add_parser("demo", help="run the six-step end-to-end demo and exit")
    demo.add_argument("--host", default="127.0.0.1", help="address for the demo (default 127.0.0.1)")
    demo.add_argument("--port", type=_port, default=9000, help="OCPP port (default 9000; 0 = any)")
    demo.add_argument("--api-port", type=_port, default=8080, help="REST port (default 8080; 0 = any)")
    both = sub.add_parser("all", help="run the CSMS, its REST API and chargers in one process")
    _add_server(both)
    _add_chargers(both, with_url=False)
    for p in (server, charger, demo, both):
        _add_logging(p)
        if p is not demo:
            p.add_argument("--duration", type=_seconds, default=None,
                           help="stop after this many seconds (default: run until Ctrl-C)")
    return parser


async def _main(args: argparse.Namespace) -> None:
    from ocppkit import run

    if args.command == "demo":
        from ocppkit.demo import run_demo

        await run_demo(args.host, args.port, args.api_port)
        return
    stop = asyncio.Event()
    run.stop_on_signals(stop)
    server = None
    if args.command in ("server", "all"):
        server = run.ServerOptions(args.host, args.port, args.host, args.api_port,
                                   args.heartbeat_interval)
    if args.command == "server":
        assert server is not None
        await run.run_server(server, stop, args.duration)
        return
    chargers = run.ChargerOptions(
        getattr(args, "url", ""), run.charger_ids(args.id, args.count), args.connectors,
        args.charge, args.sample_interval,
    )
    if args.command == "charger":
        await run.run_chargers(chargers, stop, args.duration)
    else:
        assert server is not None
        await run.run_all(server, chargers, stop, args.duration)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ocppkit`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        setup_logging(args.log_level, args.protocol_debug, args.log_file)
    except (ValueError, OSError) as exc:
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
