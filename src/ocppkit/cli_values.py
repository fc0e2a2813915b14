"""The value types of ``ocppkit``'s command-line options: each turns a bad value into one
sentence that says what was wrong (argparse prints it and exits 2); and the server's memory and
retention options."""

from __future__ import annotations

import argparse


def port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (0-65535; 0 = any free)")
    return value


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be more than 0 seconds")
    return value


def url(text: str) -> str:
    if not text.startswith(("ws://", "wss://")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a ws:// or wss:// URL")
    return text


def watts(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a power in watts") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{value} must be more than 0 W")
    return value


def grace(text: str) -> float | str:
    if text == "off":
        return text
    return seconds(text)


def version_list(text: str) -> list[str]:
    """``1.6,2.0.1`` as a list (checked with the rest of the configuration)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def add_memory_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("memory (in total across stations; the database keeps everything)")
    g.add_argument(
        "--message-log-size",
        type=positive,
        default=None,
        metavar="FRAMES",
        help="frames kept in memory per station for the message log (default 200)",
    )
    g.add_argument(
        "--message-log-bytes",
        type=positive,
        default=None,
        metavar="BYTES",
        help="bytes of frames kept in memory across all stations (default 33554432)",
    )
    g.add_argument(
        "--history-total",
        type=positive,
        default=None,
        metavar="ENTRIES",
        help="commands, and notifications, kept in memory across all stations "
        "(default 20000; older ones are read from the database)",
    )
    g = p.add_argument_group("retention (what the database keeps; default: everything)")
    for flag, what in (
        ("--retention-days", "every kind below"),
        ("--retention-frames-days", "commands sent and notifications received"),
        ("--retention-events-days", "TransactionEvents, status history, refused connections"),
        ("--retention-meter-values-days", "sampled values"),
    ):
        g.add_argument(flag, type=float, default=None, metavar="DAYS", help=f"days kept: {what}")
