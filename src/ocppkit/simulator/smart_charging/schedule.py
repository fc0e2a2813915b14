"""When a charging profile's schedule is in force, and what it allows (K01, K08), pure.

Times are POSIX seconds (floats) here; ``parse_time`` reads the wire's date-times. A profile in
force over a window is a sorted list of ``Interval``s, each with the limit of one schedule
period:

- **Absolute**: the schedule starts at ``startSchedule`` (K01.FR.40 makes it required; a profile
  that came without one, e.g. with RequestStartTransaction, starts when it was installed);
- **Relative**: it starts with the EVSE's transaction (without one, at the window's start: the
  composite schedule of an idle EVSE assumes a transaction that starts now, as EVerest does);
- **Recurring**: it starts at ``startSchedule`` and again every day or week; an occurrence lasts
  ``duration`` if given, else until the next occurrence;
- a schedule's last period lasts until ``duration`` ends (no duration: indefinitely), and
  ``validFrom``/``validTo`` cut everything outside them.

Only the first of a profile's schedules is used (the others are ISO 15118 alternatives).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime

from ocppkit.protocol.models import (
    ChargingProfileKindEnumType,
    ChargingProfileType,
    ChargingRateUnitEnumType,
    ChargingScheduleType,
    RecurrencyKindEnumType,
)

Kind = ChargingProfileKindEnumType
DAY, WEEK = 86_400.0, 7 * 86_400.0
RECURRENCE = {RecurrencyKindEnumType.Daily: DAY, RecurrencyKindEnumType.Weekly: WEEK}
MAX_OCCURRENCES = 400  # recurrences considered in one window (over a year of daily ones)
INFINITY = math.inf


def parse_time(value: str | None) -> datetime | None:
    """An OCPP date-time as an aware UTC datetime (naive means UTC); None if absent or unusable."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z").replace("t", "T", 1))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def timestamp(value: str | None) -> float | None:
    """An OCPP date-time as POSIX seconds; None if absent or unusable."""
    parsed = parse_time(value)
    return None if parsed is None else parsed.timestamp()


@dataclass(frozen=True, slots=True)
class Interval:
    """One schedule period in force over [start, end) (POSIX seconds)."""

    start: float
    end: float
    limit: float
    unit: ChargingRateUnitEnumType
    phases: int | None
    min_rate: float | None


class Timeline:
    """The intervals of one profile within a window, sorted and disjoint."""

    __slots__ = ("_starts", "intervals")

    def __init__(self, intervals: tuple[Interval, ...]) -> None:
        self.intervals = intervals
        self._starts = [i.start for i in intervals]

    def at(self, moment: float) -> Interval | None:
        """The interval in force at ``moment``, if any."""
        index = bisect_right(self._starts, moment) - 1
        if index >= 0 and moment < self.intervals[index].end:
            return self.intervals[index]
        return None

    def boundaries(self) -> set[float]:
        """Every moment at which this profile's limit may change."""
        return {t for i in self.intervals for t in (i.start, i.end)}


def _occurrences(
    profile: ChargingProfileType,
    schedule: ChargingScheduleType,
    installed_at: float,
    tx_start: float | None,
    window: tuple[float, float],
) -> list[tuple[float, float]]:
    """(start, end) of each occurrence of ``schedule`` that may overlap ``window``."""
    lo, hi = window
    kind = profile.charging_profile_kind
    duration = INFINITY if schedule.duration is None else float(schedule.duration)
    if kind == Kind.Relative:
        start = lo if tx_start is None else tx_start
        return [(start, start + duration)]
    base = timestamp(schedule.start_schedule)
    base = installed_at if base is None else base
    if kind != Kind.Recurring:
        return [(base, base + duration)]
    period = RECURRENCE.get(profile.recurrency_kind or RecurrencyKindEnumType.Daily, DAY)
    first = max(0, math.floor((lo - base) / period))
    found = []
    for k in range(first, first + MAX_OCCURRENCES):
        start = base + k * period
        if start >= hi:
            break
        found.append((start, start + min(duration, period)))
    return found


def _periods(
    schedule: ChargingScheduleType, occurrence: tuple[float, float], lo: float, hi: float
) -> list[Interval]:
    start, end = occurrence
    periods = sorted(schedule.charging_schedule_period, key=lambda p: p.start_period)
    found = []
    for index, period in enumerate(periods):
        a = start + period.start_period
        b = start + periods[index + 1].start_period if index + 1 < len(periods) else end
        a, b = max(a, lo), min(b, end, hi)
        if a < b:
            found.append(
                Interval(
                    a,
                    b,
                    period.limit,
                    schedule.charging_rate_unit,
                    period.number_phases,
                    schedule.min_charging_rate,
                )
            )
    return found


def timeline(
    profile: ChargingProfileType,
    installed_at: float,
    tx_start: float | None,
    window: tuple[float, float],
) -> Timeline:
    """The intervals in which ``profile`` is in force within ``window`` (POSIX seconds).

    Args:
        profile: the charging profile.
        installed_at: when the station received it.
        tx_start: when the EVSE's transaction started (None: no transaction).
        window: [start, end) of interest.
    """
    valid_from = timestamp(profile.valid_from)
    valid_to = timestamp(profile.valid_to)
    lo = window[0] if valid_from is None else max(window[0], valid_from)
    hi = window[1] if valid_to is None else min(window[1], valid_to)
    if lo >= hi:
        return Timeline(())
    schedule = profile.charging_schedule[0]
    intervals: list[Interval] = []
    for occurrence in _occurrences(profile, schedule, installed_at, tx_start, (lo, hi)):
        intervals.extend(_periods(schedule, occurrence, lo, hi))
    intervals.sort(key=lambda i: i.start)
    return Timeline(tuple(_disjoint(intervals)))


def _disjoint(intervals: list[Interval]) -> list[Interval]:
    """Cut overlaps (a recurrence longer than its period): a later occurrence wins."""
    result: list[Interval] = []
    for item in intervals:
        while result and result[-1].end > item.start:
            last = result.pop()
            if last.start < item.start:
                result.append(
                    Interval(
                        last.start, item.start, last.limit, last.unit, last.phases, last.min_rate
                    )
                )
                break
        result.append(item)
    return result
