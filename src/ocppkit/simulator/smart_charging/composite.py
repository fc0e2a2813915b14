"""The composite schedule (K08): what the profiles of every purpose allow together, pure.

Within a purpose the profile of the highest ``stackLevel`` in force wins (at equal levels, the
one set on the EVSE itself before the one on EVSE 0). Across purposes, for an EVSE::

    own      = TxProfile of its transaction if one is in force, else TxDefaultProfile  (K01)
    external = ChargingStationExternalConstraints set on the EVSE
    station  = ChargingStationMaxProfile  and  ChargingStationExternalConstraints on EVSE 0
    composite(EVSE n) = min(own, external, station, the EVSE's rating)
    composite(EVSE 0) = min(station, the station's rating)       (the grid connection, K08)

The limit a charging EVSE obeys now is ``own`` and ``external``; ``station`` caps the sum over
the charging EVSEs (``meter.share_station_limit``). A and W convert with the voltage and the
phases in use (``numberPhases``, 3 when absent, at most the EVSE's); a limit under its schedule's
``minChargingRate`` is 0 (the EV cannot charge that slowly). Where no profile is in force the
composite reports the rating, so that it is never empty.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ocppkit.protocol.models import (
    ChargingLimitSourceEnumType,
    ChargingProfilePurposeEnumType,
    ChargingProfileType,
    ChargingRateUnitEnumType,
    ChargingSchedulePeriodType,
)
from ocppkit.simulator.meter import NO_LIMIT, ChargingLimit
from ocppkit.simulator.smart_charging.schedule import Interval, Timeline, timeline

Purpose = ChargingProfilePurposeEnumType
Unit = ChargingRateUnitEnumType
DEFAULT_PHASES = 3  # numberPhases when a period does not say
MAX_HORIZON = 31 * 86_400  # seconds a composite schedule covers at most
MAX_PERIODS = 1024  # periods a composite schedule holds at most


@dataclass(frozen=True, slots=True)
class TransactionContext:
    """What a TxProfile or a Relative schedule needs to know of the EVSE's transaction."""

    transaction_id: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class InstalledProfile:
    """A profile as held by the station: where it was set, when it arrived, who set it."""

    evse_id: int
    profile: ChargingProfileType
    installed_at: datetime
    source: ChargingLimitSourceEnumType = ChargingLimitSourceEnumType.CSO

    @property
    def purpose(self) -> ChargingProfilePurposeEnumType:
        return self.profile.charging_profile_purpose


@dataclass(frozen=True, slots=True)
class Electrical:
    """How amperes and watts convert on an EVSE (or the station): W = A x V x phases on AC,
    W = A x V on DC; ``rating`` is what it delivers without any limit."""

    voltage: float
    phases: int
    dc: bool
    rating: ChargingLimit

    def phases_for(self, limit: ChargingLimit) -> int:
        """Phases in use under ``limit``."""
        if self.dc:
            return 1
        return max(1, min(self.phases, limit.phases or DEFAULT_PHASES))

    def value(self, limit: ChargingLimit, unit: ChargingRateUnitEnumType) -> float:
        """``limit`` (with the rating) as one number in ``unit``, floored to 0.1 as the wire
        allows; 0 when under the minimum charging rate."""
        limit = limit.combine(self.rating)
        factor = self.voltage * self.phases_for(limit)
        amps = _min(limit.amps, None if limit.watts is None else limit.watts / factor)
        least = _max(limit.min_amps, None if limit.min_watts is None else limit.min_watts / factor)
        if amps is None:
            return 0.0
        if least is not None and amps < least:
            amps = 0.0
        value = amps if unit == Unit.A else amps * factor
        return math.floor(max(0.0, value) * 10 + 1e-9) / 10


def _min(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else max(a, b)


def interval_limit(interval: Interval) -> ChargingLimit:
    """The limit one schedule period sets."""
    if interval.unit == Unit.W:
        return ChargingLimit(
            watts=interval.limit, phases=interval.phases, min_watts=interval.min_rate
        )
    return ChargingLimit(amps=interval.limit, phases=interval.phases, min_amps=interval.min_rate)


class Stack:
    """The profiles of one purpose that may apply, highest priority first, over a window."""

    def __init__(
        self,
        items: Iterable[InstalledProfile],
        evse_id: int,
        tx_start: float | None,
        window: tuple[float, float],
    ) -> None:
        ordered = sorted(
            items, key=lambda i: (i.profile.stack_level, i.evse_id == evse_id), reverse=True
        )
        self._timelines: list[Timeline] = [
            timeline(i.profile, i.installed_at.timestamp(), tx_start, window) for i in ordered
        ]

    def at(self, moment: float) -> ChargingLimit | None:
        """The limit of the highest profile in force at ``moment``; None if none is."""
        for line in self._timelines:
            interval = line.at(moment)
            if interval is not None:
                return interval_limit(interval)
        return None

    def boundaries(self) -> set[float]:
        """Moments at which the winner or its limit may change."""
        return set().union(*(line.boundaries() for line in self._timelines))


class EvseComposite:
    """The profiles that apply to one EVSE (or to EVSE 0) over a window, by purpose."""

    def __init__(
        self,
        held: list[InstalledProfile],
        evse_id: int,
        tx: TransactionContext | None,
        window: tuple[float, float],
    ) -> None:
        tx_start = None if tx is None else tx.started_at.timestamp()

        def stack(purpose: Purpose, evses: tuple[int, ...]) -> Stack:
            chosen = (h for h in held if h.purpose == purpose and h.evse_id in evses)
            if purpose == Purpose.TxProfile:
                chosen = (h for h in chosen if _is_tx_profile_of(h, tx))
            return Stack(chosen, evse_id, tx_start, window)

        here = (evse_id,) if evse_id else ()
        self.evse_id = evse_id
        self._tx = stack(Purpose.TxProfile, here)
        self._default = stack(Purpose.TxDefaultProfile, (0, *here))
        self._external = stack(Purpose.ChargingStationExternalConstraints, here)
        self._station_max = stack(Purpose.ChargingStationMaxProfile, (0,))
        self._station_external = stack(Purpose.ChargingStationExternalConstraints, (0,))
        self._stacks = (
            self._tx,
            self._default,
            self._external,
            self._station_max,
            self._station_external,
        )

    def own_at(self, moment: float) -> ChargingLimit:
        """The EVSE's own limit at ``moment``: TxProfile over TxDefaultProfile, and its external
        constraints (NO_LIMIT for EVSE 0)."""
        if not self.evse_id:
            return NO_LIMIT
        own = self._tx.at(moment) or self._default.at(moment) or NO_LIMIT
        return own.combine(self._external.at(moment) or NO_LIMIT)

    def station_at(self, moment: float) -> ChargingLimit:
        """The station-wide limit at ``moment``."""
        limit = self._station_max.at(moment) or NO_LIMIT
        return limit.combine(self._station_external.at(moment) or NO_LIMIT)

    def at(self, moment: float) -> ChargingLimit:
        """Everything that limits this EVSE at ``moment`` (own and station-wide)."""
        return self.own_at(moment).combine(self.station_at(moment))

    def boundaries(self) -> set[float]:
        """Moments at which the composite may change."""
        return set().union(*(s.boundaries() for s in self._stacks))


def _is_tx_profile_of(held: InstalledProfile, tx: TransactionContext | None) -> bool:
    return tx is not None and held.profile.transaction_id in (None, tx.transaction_id)


def composite_periods(
    composite: EvseComposite,
    window: tuple[float, float],
    unit: ChargingRateUnitEnumType,
    electrical: Electrical,
) -> tuple[list[ChargingSchedulePeriodType], int]:
    """The composite schedule over ``window`` (POSIX seconds, whole seconds) in ``unit``.

    Returns:
        the periods (startPeriod from the window's start, equal neighbours merged) and the
        duration they cover (the window's, unless MAX_PERIODS cut it short).
    """
    start, end = window
    moments = sorted({start} | {t for t in composite.boundaries() if start < t < end})
    periods: list[ChargingSchedulePeriodType] = []
    for moment in moments:
        offset = math.floor(moment - start)
        limit = composite.at(moment)
        value = electrical.value(limit, unit)
        phases = None if electrical.dc else electrical.phases_for(limit.combine(electrical.rating))
        if periods and periods[-1].start_period == offset:
            periods.pop()
        if periods and (periods[-1].limit, periods[-1].number_phases) == (value, phases):
            continue
        if len(periods) == MAX_PERIODS:
            return periods, offset
        periods.append(
            ChargingSchedulePeriodType(start_period=offset, limit=value, number_phases=phases)
        )
    return periods, int(end - start)
