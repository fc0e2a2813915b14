"""The composite-schedule engine (K01, K08): which profile is in force, stack levels, kinds,
validity, units, and what the purposes allow together."""

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
    Electrical,
    InstalledProfile,
    ProfileStore,
    TransactionContext,
    parse_time,
    timeline,
)
from ocppkit.simulator.smart_charging.composite import interval_limit

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
TS = T0.timestamp()
TX = TransactionContext("tx-1", T0)
AC3 = Electrical(230.0, 3, False, ChargingLimit(amps=16.0, watts=11040.0))


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
    if kind != "Relative":
        schedule["startSchedule"] = extra.pop("startSchedule", "2025-03-01T12:00:00Z")
    for key in ("duration", "minChargingRate"):
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


def limit_at(p: ChargingProfileType, at: datetime, tx_start: datetime | None = None) -> Any:
    moment = at.timestamp()
    start = None if tx_start is None else tx_start.timestamp()
    interval = timeline(p, TS, start, (moment, moment + 1)).at(moment)
    return None if interval is None else interval_limit(interval)


def test_k01_absolute_schedule_periods_and_duration() -> None:
    p = profile(periods=[(0, 16.0), (600, 8.0)], duration=1200)
    assert limit_at(p, T0 - timedelta(seconds=1)) is None
    assert limit_at(p, T0) == ChargingLimit(amps=16.0)
    assert limit_at(p, T0 + timedelta(seconds=700)) == ChargingLimit(amps=8.0)
    assert limit_at(p, T0 + timedelta(seconds=1200)) is None


def test_k01_relative_schedule_counts_from_the_transaction_start() -> None:
    p = profile(kind="Relative", periods=[(0, 6.0), (60, 12.0)])
    assert limit_at(p, T0 + timedelta(seconds=30), T0) == ChargingLimit(amps=6.0)
    assert limit_at(p, T0 + timedelta(seconds=90), T0) == ChargingLimit(amps=12.0)


def test_k01_daily_and_weekly_recurring_schedules_repeat() -> None:
    daily = profile(
        kind="Recurring",
        recurrencyKind="Daily",
        periods=[(0, 6.0), (3600, 16.0)],
        startSchedule="2025-01-01T12:00:00Z",
    )
    assert limit_at(daily, T0 + timedelta(minutes=30)) == ChargingLimit(amps=6.0)
    assert limit_at(daily, T0 + timedelta(hours=2)) == ChargingLimit(amps=16.0)
    assert limit_at(daily, T0 - timedelta(minutes=10)) == ChargingLimit(amps=16.0)  # yesterday's
    weekly = profile(
        kind="Recurring",
        recurrencyKind="Weekly",
        periods=[(0, 8.0)],
        duration=3600,
        startSchedule="2025-02-22T12:00:00Z",  # a week before T0
    )
    assert limit_at(weekly, T0 + timedelta(minutes=5)) == ChargingLimit(amps=8.0)
    assert limit_at(weekly, T0 + timedelta(days=1)) is None


def test_k01_validity_window_number_of_phases_and_min_rate() -> None:
    p = profile(validFrom="2025-03-01T13:00:00Z", validTo="2025-03-01T14:00:00Z")
    assert limit_at(p, T0) is None
    assert limit_at(p, T0 + timedelta(hours=1, minutes=1)) == ChargingLimit(amps=10.0)
    assert limit_at(p, T0 + timedelta(hours=2)) is None
    data = profile(unit="W", minChargingRate=1400.0).model_dump(by_alias=True, exclude_none=True)
    data["chargingSchedule"][0]["chargingSchedulePeriod"][0]["numberPhases"] = 1
    one_phase = ChargingProfileType.model_validate(data)
    assert limit_at(one_phase, T0) == ChargingLimit(watts=10.0, phases=1, min_watts=1400.0)


def test_dates_beyond_datetime_are_never_in_force() -> None:
    p = profile(kind="Recurring", recurrencyKind="Weekly", startSchedule="9999-12-31T23:59:59Z")
    assert limit_at(p, T0) is None
    assert parse_time("not a date") is None
    assert parse_time("2025-03-01T12:00:00") == T0  # naive means UTC


def test_k01_tx_profile_overrides_defaults_and_the_station_maximum_caps() -> None:
    store = ProfileStore()
    store.install(0, profile(1, "TxDefaultProfile", periods=[(0, 14.0)]), T0)
    store.install(1, profile(2, "TxDefaultProfile", periods=[(0, 12.0)]), T0)
    assert store.limits(1, T0, TX) == (ChargingLimit(amps=12.0), NO_LIMIT)  # EVSE 1's own
    assert store.limits(2, T0, TX) == (ChargingLimit(amps=14.0), NO_LIMIT)
    store.install(1, profile(3, "TxProfile", kind="Relative", periods=[(0, 6.0)]), T0)
    store.install(0, profile(4, "ChargingStationMaxProfile", unit="W", periods=[(0, 9e3)]), T0)
    assert store.limits(1, T0, TX) == (ChargingLimit(amps=6.0), ChargingLimit(watts=9e3))
    assert store.limits(1, T0, None)[0] == ChargingLimit(amps=12.0)  # no transaction
    store.drop_transaction_profiles(1)
    assert store.limits(1, T0, TX)[0] == ChargingLimit(amps=12.0)


def test_k01_higher_stack_level_wins_while_in_force() -> None:
    store = ProfileStore()
    store.install(1, profile(1, stack=0, periods=[(0, 16.0)]), T0)
    store.install(1, profile(2, stack=5, periods=[(0, 8.0)], duration=60), T0)
    assert store.limits(1, T0, TX)[0] == ChargingLimit(amps=8.0)
    assert store.limits(1, T0 + timedelta(seconds=61), TX)[0] == ChargingLimit(amps=16.0)


def test_k11_external_constraints_limit_on_top_of_the_tx_profile() -> None:
    store = ProfileStore()
    store.install(1, profile(1, "TxProfile", kind="Relative", periods=[(0, 16.0)]), T0)
    external = profile(2, "ChargingStationExternalConstraints", periods=[(0, 10.0)])
    store.install(1, external, T0, source="EMS")  # type: ignore[arg-type]
    assert store.limits(1, T0, TX)[0] == ChargingLimit(amps=10.0)
    assert not store.clear(ClearChargingProfileRequest(charging_profile_id=2))  # not the CSMS's
    assert store.clear_external(1, "EMS")  # type: ignore[arg-type]
    assert store.limits(1, T0, TX)[0] == ChargingLimit(amps=16.0)


def test_k08_composite_schedule_merges_purposes_over_time() -> None:
    store = ProfileStore()
    store.install(1, profile(1, "TxDefaultProfile", periods=[(0, 16.0), (1800, 10.0)]), T0)
    store.install(1, profile(2, "TxProfile", "Relative", 1, periods=[(0, 8.0)], duration=600), T0)
    store.install(0, profile(3, "ChargingStationMaxProfile", periods=[(0, 12.0)]), T0)
    periods, duration = store.composite_schedule(1, T0, 3600, "A", TX, AC3)  # type: ignore[arg-type]
    assert duration == 3600
    assert [(p.start_period, p.limit, p.number_phases) for p in periods] == [
        (0, 8.0, 3),  # the TxProfile, for its 600 s
        (600, 12.0, 3),  # the TxDefaultProfile's 16 A, capped by the station's 12 A
        (1800, 10.0, 3),
    ]
    in_watts, _ = store.composite_schedule(1, T0, 600, "W", TX, AC3)  # type: ignore[arg-type]
    assert [(p.start_period, p.limit) for p in in_watts] == [(0, 8 * 230 * 3)]


def test_k08_composite_converts_units_with_phases_and_reports_the_rating_when_free() -> None:
    store = ProfileStore()
    periods, _ = store.composite_schedule(1, T0, 60, "W", None, AC3)  # type: ignore[arg-type]
    assert [(p.start_period, p.limit) for p in periods] == [(0, 11040.0)]
    data = profile(1, unit="W", periods=[(0, 2300.0)]).model_dump(by_alias=True, exclude_none=True)
    data["chargingSchedule"][0]["chargingSchedulePeriod"][0]["numberPhases"] = 1
    store.install(1, ChargingProfileType.model_validate(data), T0)
    amps, _ = store.composite_schedule(1, T0, 60, "A", None, AC3)  # type: ignore[arg-type]
    assert [(p.limit, p.number_phases) for p in amps] == [(10.0, 1)]  # 2300 W / 230 V / 1


def test_k08_a_limit_under_min_charging_rate_is_zero() -> None:
    store = ProfileStore()
    store.install(1, profile(1, periods=[(0, 5.0), (60, 8.0)], minChargingRate=6.0), T0)
    periods, _ = store.composite_schedule(1, T0, 120, "A", None, AC3)  # type: ignore[arg-type]
    assert [(p.start_period, p.limit) for p in periods] == [(0, 0.0), (60, 8.0)]


def test_k01_check_rejects_what_the_spec_forbids() -> None:
    store = ProfileStore()

    def check(evse_id: int, p: ChargingProfileType, tx: TransactionContext | None = TX) -> Any:
        return store.check(evse_id, p, evse_id in (0, 1), tx)

    assert check(9, profile()) == "UnknownEVSE"  # K01.FR.28
    assert check(1, profile(purpose="ChargingStationMaxProfile")) == "MaxProfileNotOnEVSE0"
    assert check(0, profile(purpose="ChargingStationMaxProfile", kind="Relative")) == (
        "MaxProfileRelative"  # K01.FR.38
    )
    assert check(1, profile(purpose="ChargingStationExternalConstraints")) == (
        "ExternalConstraints"
    )
    assert check(0, profile(purpose="TxProfile")) == "TxProfileOnEVSE0"  # K01.FR.16
    assert check(1, profile(purpose="TxProfile"), None) == "NoTransaction"  # K01.FR.09
    assert check(1, profile(purpose="TxProfile", transactionId="other")) == "UnknownTransaction"
    assert check(1, profile(purpose="TxProfile", transactionId="tx-1")) is None
    assert check(1, profile(periods=[(10, 6.0)])) == "FirstPeriodNotZero"  # K01.FR.31
    assert check(1, profile(periods=[(0, 6.0), (60, 8.0), (30, 9.0)])) == "PeriodsOutOfOrder"
    no_start = profile().model_dump(by_alias=True, exclude_none=True)
    del no_start["chargingSchedule"][0]["startSchedule"]
    assert check(1, ChargingProfileType.model_validate(no_start)) == "MissingStartSchedule"
    relative = profile(kind="Relative").model_dump(by_alias=True, exclude_none=True)
    relative["chargingSchedule"][0]["startSchedule"] = "2025-03-01T12:00:00Z"
    assert check(1, ChargingProfileType.model_validate(relative)) == "StartScheduleGiven"
    assert check(1, profile(kind="Recurring")) == "NoRecurrencyKind"
    assert check(1, profile(periods=[(0, -1.0)])) == "InvalidLimit"
    assert check(1, profile(validFrom="2025-03-02T00:00:00Z", validTo="2025-03-01T00:00:00Z")) == (
        "InvalidValidity"
    )
    store.install(1, profile(1), T0)
    assert check(1, profile(2)) == "DuplicateStackLevel"  # K01.FR.06
    assert check(1, profile(1)) is None  # same id: a replacement (K01.FR.05)
    assert check(0, profile(2)) is None  # another EVSE


def test_k09_k10_clear_and_select() -> None:
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


def test_installed_profile_keeps_its_source() -> None:
    held = InstalledProfile(1, profile(), T0)
    assert held.source == "CSO" and held.purpose == "TxDefaultProfile"


def test_every_reason_code_fits_status_info() -> None:
    """StatusInfo.reasonCode holds at most 20 characters (the official schema)."""
    import re

    from ocppkit.simulator.smart_charging import validation

    codes = re.findall(r"^([A-Z]\w+)  +\S", validation.__doc__ or "", re.MULTILINE)
    assert len(codes) == 18 and all(len(code) <= 20 for code in codes)
