"""Time for the CSMS: an injected clock, and OCPP's date-time text (RFC 3339, UTC, ``Z``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current time as an aware UTC datetime."""


def utc_now() -> datetime:
    """The default clock: the system time in UTC."""
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with a ``Z`` suffix and millisecond precision, as OCPP expects."""
    text = moment.astimezone(UTC).isoformat(timespec="milliseconds")
    return text.removesuffix("+00:00") + "Z"


def parse_time(text: str) -> datetime:
    """A date-time from the wire (already validated by the models) as an aware UTC datetime.

    A time without an offset is read as UTC; one that falls outside datetime's range once moved
    to UTC (year 1 or 9999 with an offset) is clamped to the range.
    """
    moment = datetime.fromisoformat(text.replace("z", "Z").replace("t", "T", 1))
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        edge = datetime.min if moment.year == datetime.min.year else datetime.max
        return edge.replace(tzinfo=UTC)


def format_optional(moment: datetime | None) -> str | None:
    """``format_time`` that passes None through (for the JSON views)."""
    return None if moment is None else format_time(moment)
