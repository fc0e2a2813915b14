"""The small charging-profile engine: which profile is in force, and its limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ocppkit.protocol.models import (
    ChargingProfileCriterionType,
    ChargingProfileType,
    ClearChargingProfileRequest,
)
from ocppkit.simulator.meter import NO_LIMIT, ChargingLimit
from ocppkit.simulator.smart_charging import (
    InstalledProfile,
    ProfileStore,
    TransactionContext,
    limit_of,
    parse_time,
)

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
TX = TransactionContext("tx-1", T0)


def profile(
    pid: int = 1,
    purpose: str = "TxDefaultProfile",
    kind: str = "Absolute",
    stack: int = 0,
    unit: str = "A",
    periods: list[tuple[int, float]] | None = None,
    **extra: Any,
) -> ChargingProfileType:
    schedule: dict[str, Any] = {
        "id": pid,
        "chargingRateUnit": unit,
        "chargingSchedulePeriod": [
            {"startPeriod": s, "limit": lim} for s, lim in (periods or [(0, 10.0)])
        ],
    }
    for key in ("startSchedule", "duration"):
        if key in extra:
            schedule[key] = extra.pop(key)
    return ChargingProfileType.model_validate(
        {
            "id": pid,
            "stackLevel": stack,
            "chargingProfilePurpose": purpose,
            "chargingProfileKind": kind,
            "chargingSchedule": [schedule],
            **extra,
        }
    )


def held(p: ChargingProfileType, evse_id: int = 1, at: datetime = T0) -> InstalledProfile:
    return InstalledProfile(evse_id, p, at)


def test_absolute_schedule_periods_and_duration() -> None:
    p = held(
        profile(
            periods=[(0, 16.0), (600, 8.0)], startSchedule="2025-03-01T12:00:00Z", duration=1200
        )
    )
    assert limit_of(p, T0 - timedelta(seconds=1), None) is None
    assert limit_of(p, T0, None) == ChargingLimit(amps=16.0)
    assert limit_of(p, T0 + timedelta(seconds=700), None) == ChargingLimit(amps=8.0)
    assert limit_of(p, T0 + timedelta(seconds=1200), None) is None


def test_absolute_without_start_runs_from_its_arrival() -> None:
    assert limit_of(held(profile(unit="W", periods=[(0, 5000.0)])), T0, None) == ChargingLimit(
        watts=5000.0
    )


def test_relative_schedule_counts_from_the_transaction_start() -> None:
    p = held(profile(kind="Relative", periods=[(0, 6.0), (60, 12.0)]))
    assert limit_of(p, T0 + timedelta(seconds=30), None) is None  # no transaction
    assert limit_of(p, T0 + timedelta(seconds=30), TX) == ChargingLimit(amps=6.0)
    assert limit_of(p, T0 + timedelta(seconds=90), TX) == ChargingLimit(amps=12.0)


def test_daily_recurring_schedule_repeats() -> None:
    p = held(
        profile(
            kind="Recurring",
            recurrencyKind="Daily",
            periods=[(0, 6.0), (3600, 16.0)],
            startSchedule="2025-01-01T12:00:00Z",
        )
    )
    assert limit_of(p, T0 + timedelta(minutes=30), None) == ChargingLimit(amps=6.0)
    assert limit_of(p, T0 + timedelta(hours=2), None) == ChargingLimit(amps=16.0)


def test_validity_window_and_number_of_phases() -> None:
    p = held(
        profile(
            validFrom="2025-03-01T13:00:00Z", validTo="2025-03-01T14:00:00Z", periods=[(0, 10.0)]
        )
    )
    assert limit_of(p, T0, None) is None
    assert limit_of(p, T0 + timedelta(hours=1, minutes=1), None) == ChargingLimit(amps=10.0)
    assert limit_of(p, T0 + timedelta(hours=2), None) is None
    one_phase = ChargingProfileType.model_validate(
        {
            **profile().model_dump(by_alias=True, exclude_none=True),
            "chargingSchedule": [
                {
                    "id": 1,
                    "chargingRateUnit": "A",
                    "chargingSchedulePeriod": [
                        {"startPeriod": 0, "limit": 10.0, "numberPhases": 1}
                    ],
                }
            ],
        }
    )
    assert limit_of(held(one_phase), T0, None) == ChargingLimit(amps=10.0, phases=1)


def test_dates_beyond_datetime_are_never_in_force() -> None:
    p = held(
        profile(kind="Recurring", recurrencyKind="Weekly", startSchedule="9999-12-31T23:59:59Z")
    )
    assert limit_of(p, T0, None) is None
    far = held(profile(duration=2**31), at=datetime(9999, 12, 31, tzinfo=UTC))
    assert limit_of(far, datetime(1, 1, 1, tzinfo=UTC), None) is None
    assert parse_time("not a date") is None
    assert parse_time("2025-03-01T12:00:00") == T0  # naive means UTC


def test_tx_profile_overrides_defaults_and_the_station_maximum_caps() -> None:
    store = ProfileStore()
    store.install(0, profile(1, "TxDefaultProfile", periods=[(0, 14.0)]), T0)
    store.install(1, profile(2, "TxDefaultProfile", periods=[(0, 12.0)]), T0)
    assert store.limits(1, T0, TX) == (ChargingLimit(amps=12.0), NO_LIMIT)
    assert store.limits(2, T0, TX) == (ChargingLimit(amps=14.0), NO_LIMIT)
    store.install(1, profile(3, "TxProfile", kind="Relative", periods=[(0, 6.0)]), T0)
    store.install(0, profile(4, "ChargingStationMaxProfile", unit="W", periods=[(0, 9000.0)]), T0)
    assert store.limits(1, T0, TX) == (ChargingLimit(amps=6.0), ChargingLimit(watts=9000.0))
    assert store.limits(1, T0, None)[0] == ChargingLimit(amps=12.0)
    store.drop_transaction_profiles(1)
    assert store.limits(1, T0, TX)[0] == ChargingLimit(amps=12.0)


def test_higher_stack_level_wins_while_in_force() -> None:
    store = ProfileStore()
    store.install(1, profile(1, stack=0, periods=[(0, 16.0)]), T0)
    store.install(1, profile(2, stack=5, periods=[(0, 8.0)], duration=60), T0)
    assert store.limits(1, T0, TX)[0] == ChargingLimit(amps=8.0)
    assert store.limits(1, T0 + timedelta(seconds=61), TX)[0] == ChargingLimit(amps=16.0)


def test_check_rejects_what_k01_forbids() -> None:
    store = ProfileStore()
    assert store.check(9, profile(), known_evse=False, tx=None) == "UnknownEVSE"
    assert store.check(1, profile(purpose="ChargingStationMaxProfile"), True, None) == (
        "MaxProfileNotOnEVSE0"
    )
    assert store.check(1, profile(purpose="ChargingStationExternalConstraints"), True, None) == (
        "UnsupportedPurpose"
    )
    assert store.check(1, profile(purpose="TxProfile"), True, None) == "NoTransaction"
    assert store.check(1, profile(purpose="TxProfile", transactionId="other"), True, TX) == (
        "UnknownTransaction"
    )
    assert store.check(1, profile(purpose="TxProfile"), True, TX) is None
    store.install(1, profile(1), T0)
    assert store.check(1, profile(2), True, TX) == "DuplicateStackLevel"
    assert store.check(1, profile(1), True, TX) is None  # same id: a replacement


def test_clear_and_select() -> None:
    store = ProfileStore()
    store.install(0, profile(1, "TxDefaultProfile"), T0)
    store.install(1, profile(2, "TxDefaultProfile", stack=1), T0)
    store.install(0, profile(3, "ChargingStationMaxProfile"), T0)
    criterion = ChargingProfileCriterionType(charging_profile_purpose="TxDefaultProfile")
    assert [h.profile.id for h in store.select(criterion, None)] == [1, 2]
    assert [h.profile.id for h in store.select(criterion, 1)] == [2]
    assert store.select(ChargingProfileCriterionType(charging_limit_source=["EMS"]), None) == []
    assert store.clear(ClearChargingProfileRequest(charging_profile_id=2))
    assert not store.clear(ClearChargingProfileRequest(charging_profile_id=2))
    assert store.clear(
        ClearChargingProfileRequest.model_validate(
            {"chargingProfileCriteria": {"chargingProfilePurpose": "ChargingStationMaxProfile"}}
        )
    )
    assert [h.profile.id for h in store.profiles()] == [1]
    assert store.clear(ClearChargingProfileRequest()) and len(store) == 0
