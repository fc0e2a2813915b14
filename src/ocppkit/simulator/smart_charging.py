"""Charging profiles held by the simulated station and the limit they impose now (block K), pure.

A deliberately small engine; a full composite-schedule engine (K08) replaces it later. What it does:

- keeps the profiles set by SetChargingProfile (K01) or RequestStartTransaction (F01/K05), one per
  id; a profile with an id already held replaces it;
- at a given time, finds for each purpose the profile of the highest stack level whose schedule has
  a period in force, and reads that period's limit: the TxProfile of the EVSE's transaction
  overrides the TxDefaultProfile (EVSE-specific before EVSE 0 at the same stack level), and the
  ChargingStationMaxProfile caps the station as a whole;
- supports Absolute, Relative (from the transaction start) and Recurring (Daily/Weekly) profiles,
  validFrom/validTo, a schedule's duration and numberPhases; only the first of a profile's
  schedules is used (the others are ISO 15118 alternatives).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ocppkit.protocol.models import (
    ChargingLimitSourceEnumType,
    ChargingProfileCriterionType,
    ChargingProfileKindEnumType,
    ChargingProfilePurposeEnumType,
    ChargingProfileType,
    ChargingRateUnitEnumType,
    ChargingScheduleType,
    ClearChargingProfileRequest,
    RecurrencyKindEnumType,
)
from ocppkit.simulator.meter import NO_LIMIT, ChargingLimit

Purpose = ChargingProfilePurposeEnumType
_RECURRENCE = {
    RecurrencyKindEnumType.Daily: timedelta(days=1),
    RecurrencyKindEnumType.Weekly: timedelta(days=7),
}


@dataclass(frozen=True, slots=True)
class TransactionContext:
    """What a TxProfile or a Relative schedule needs to know of the EVSE's transaction."""

    transaction_id: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class InstalledProfile:
    """A profile as held by the station: the EVSE it was set on and when it arrived."""

    evse_id: int
    profile: ChargingProfileType
    installed_at: datetime


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


def _schedule_start(
    item: InstalledProfile,
    schedule: ChargingScheduleType,
    now: datetime,
    tx: TransactionContext | None,
) -> datetime | None:
    profile = item.profile
    kind = profile.charging_profile_kind
    if kind == ChargingProfileKindEnumType.Relative:
        return tx.started_at if tx else None  # relative to the transaction's start
    start = parse_time(schedule.start_schedule) or item.installed_at
    if kind == ChargingProfileKindEnumType.Recurring and now >= start:
        period = _RECURRENCE.get(profile.recurrency_kind or RecurrencyKindEnumType.Daily)
        if period is not None:
            start += period * ((now - start) // period)
    return start


def _is_valid_at(profile: ChargingProfileType, now: datetime) -> bool:
    valid_from, valid_to = parse_time(profile.valid_from), parse_time(profile.valid_to)
    return (valid_from is None or valid_from <= now) and (valid_to is None or now < valid_to)


def limit_of(
    item: InstalledProfile, now: datetime, tx: TransactionContext | None
) -> ChargingLimit | None:
    """The limit ``item`` imposes at ``now``, or None when none of its periods is in force."""
    try:
        if not _is_valid_at(item.profile, now):
            return None
        schedule = item.profile.charging_schedule[0]
        start = _schedule_start(item, schedule, now, tx)
        if start is None or now < start:
            return None
        elapsed = (now - start).total_seconds()
    except (OverflowError, ValueError, TypeError):
        return None  # dates beyond what datetime can hold: never in force
    if schedule.duration is not None and elapsed >= schedule.duration:
        return None
    periods = [p for p in schedule.charging_schedule_period if p.start_period <= elapsed]
    if not periods:
        return None
    period = max(periods, key=lambda p: p.start_period)
    if schedule.charging_rate_unit == ChargingRateUnitEnumType.W:
        return ChargingLimit(watts=period.limit, phases=period.number_phases)
    return ChargingLimit(amps=period.limit, phases=period.number_phases)


def _first_in_force(
    items: Iterable[InstalledProfile], now: datetime, tx: TransactionContext | None
) -> ChargingLimit | None:
    ordered = sorted(items, key=lambda i: (i.profile.stack_level, i.evse_id), reverse=True)
    for item in ordered:
        limit = limit_of(item, now, tx)
        if limit is not None:
            return limit
    return None


class ProfileStore:
    """The charging profiles installed on one station."""

    def __init__(self) -> None:
        self._profiles: dict[int, InstalledProfile] = {}

    def __len__(self) -> int:
        return len(self._profiles)

    def profiles(self) -> list[InstalledProfile]:
        """Every installed profile, by id."""
        return [self._profiles[k] for k in sorted(self._profiles)]

    def check(
        self,
        evse_id: int,
        profile: ChargingProfileType,
        known_evse: bool,
        tx: TransactionContext | None,
    ) -> str | None:
        """Why ``profile`` cannot be set on ``evse_id`` (a short reason code), or None (K01)."""
        purpose = profile.charging_profile_purpose
        if evse_id != 0 and not known_evse:
            return "UnknownEVSE"
        if purpose == Purpose.ChargingStationExternalConstraints:
            return "UnsupportedPurpose"  # set by an external system, never by the CSMS
        if purpose == Purpose.ChargingStationMaxProfile and evse_id != 0:
            return "MaxProfileNotOnEVSE0"
        if purpose == Purpose.TxProfile:
            if evse_id == 0 or tx is None:
                return "NoTransaction"
            if profile.transaction_id not in (None, tx.transaction_id):
                return "UnknownTransaction"
        if self._conflict(evse_id, profile):
            return "DuplicateStackLevel"
        return None

    def _conflict(self, evse_id: int, profile: ChargingProfileType) -> bool:
        return any(
            held.evse_id == evse_id
            and held.profile.id != profile.id
            and held.profile.charging_profile_purpose == profile.charging_profile_purpose
            and held.profile.stack_level == profile.stack_level
            for held in self._profiles.values()
        )

    def install(self, evse_id: int, profile: ChargingProfileType, now: datetime) -> None:
        """Hold ``profile`` (replacing one with the same id)."""
        self._profiles[profile.id] = InstalledProfile(evse_id, profile, now)

    def drop_transaction_profiles(self, evse_id: int) -> None:
        """Remove the TxProfiles of ``evse_id``: they end with their transaction."""
        for key, held in list(self._profiles.items()):
            if (
                held.evse_id == evse_id
                and held.profile.charging_profile_purpose == Purpose.TxProfile
            ):
                del self._profiles[key]

    def clear(self, request: ClearChargingProfileRequest) -> bool:
        """Remove the profiles a ClearChargingProfile selects (K10); True if any was removed."""
        removed = [key for key, held in self._profiles.items() if _clear_matches(request, held)]
        for key in removed:
            del self._profiles[key]
        return bool(removed)

    def select(
        self, criterion: ChargingProfileCriterionType, evse_id: int | None
    ) -> list[InstalledProfile]:
        """The profiles a GetChargingProfiles request selects (K09)."""
        return [held for held in self.profiles() if _criterion_matches(criterion, evse_id, held)]

    def limits(
        self, evse_id: int, now: datetime, tx: TransactionContext | None
    ) -> tuple[ChargingLimit, ChargingLimit]:
        """The limits in force at ``now``: (for this EVSE, for the whole station)."""
        held = list(self._profiles.values())
        limit = None
        if tx is not None:
            limit = _first_in_force(
                (h for h in held if h.evse_id == evse_id and _is_tx_profile_of(h, tx)), now, tx
            )
        if limit is None:
            defaults = (
                h
                for h in held
                if h.evse_id in (0, evse_id)
                and h.profile.charging_profile_purpose == Purpose.TxDefaultProfile
            )
            limit = _first_in_force(defaults, now, tx)
        station = _first_in_force(
            (
                h
                for h in held
                if h.profile.charging_profile_purpose == Purpose.ChargingStationMaxProfile
            ),
            now,
            tx,
        )
        return limit or NO_LIMIT, station or NO_LIMIT


def _is_tx_profile_of(held: InstalledProfile, tx: TransactionContext) -> bool:
    profile = held.profile
    return profile.charging_profile_purpose == Purpose.TxProfile and profile.transaction_id in (
        None,
        tx.transaction_id,
    )


def _clear_matches(request: ClearChargingProfileRequest, held: InstalledProfile) -> bool:
    if request.charging_profile_id is not None:
        return held.profile.id == request.charging_profile_id
    criteria = request.charging_profile_criteria
    if criteria is None:
        return True  # no id and no criteria: every profile
    return (
        (criteria.evse_id is None or criteria.evse_id == held.evse_id)
        and criteria.charging_profile_purpose in (None, held.profile.charging_profile_purpose)
        and criteria.stack_level in (None, held.profile.stack_level)
    )


def _criterion_matches(
    criterion: ChargingProfileCriterionType, evse_id: int | None, held: InstalledProfile
) -> bool:
    profile = held.profile
    sources = criterion.charging_limit_source
    return (
        (evse_id is None or evse_id == held.evse_id)
        and criterion.charging_profile_purpose in (None, profile.charging_profile_purpose)
        and criterion.stack_level in (None, profile.stack_level)
        and (criterion.charging_profile_id is None or profile.id in criterion.charging_profile_id)
        # every profile here came from the CSMS, i.e. the CSO
        and (sources is None or ChargingLimitSourceEnumType.CSO in sources)
    )
