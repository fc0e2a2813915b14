"""Block K: SetChargingProfile (K01), GetCompositeSchedule (K08), GetChargingProfiles (K09),
ClearChargingProfile (K10), external limits (K12/K13) and the ISO 15118 EV (K15)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ocppkit.protocol.models import (
    ChargingLimitSourceEnumType,
    ChargingProfileCriterionType,
    ClearChargingProfileRequest,
    GetChargingProfilesRequest,
    GetCompositeScheduleRequest,
    SetChargingProfileRequest,
)
from ocppkit.simulator.blocks.smart_charging import (
    LIMIT_CHANGE_SIGNIFICANCE,
    PROFILES_PER_REPORT,
    report_parts,
)
from ocppkit.simulator.evse import Evse, Transaction
from ocppkit.simulator.smart_charging import InstalledProfile

from .support import charge, make_core, profile

NOW = datetime(2026, 1, 1, tzinfo=UTC)


async def test_k01_a_lower_limit_is_in_force_at_once_and_reported_as_a_rate_change() -> None:
    core = make_core()
    tx = await charge(core)
    evse = core.station.ctx.evses[1]
    assert evse.meter.current_a == pytest.approx(16.0)
    request = SetChargingProfileRequest(evse_id=1, charging_profile=profile(1, "TxProfile", 8))
    answer = await core.smart_charging.on_set_charging_profile(request)
    assert answer.status == "Accepted"
    assert evse.meter.current_a == pytest.approx(8.0)  # in force at once
    await core.station.settle()
    # the transactions block reports it: TransactionEvent Updated ChargingRateChanged
    last = core.station.link.sent("TransactionEvent")[-1]
    assert last["triggerReason"] == "ChargingRateChanged"
    assert last["transactionInfo"]["transactionId"] == tx.transaction_id
    changed: list[tuple[Evse, Transaction]] = []

    async def rate_changed(e: Evse, t: Transaction) -> None:
        changed.append((e, t))

    core.smart_charging.rate_changed = rate_changed
    core.station.ctx.device_model.set_value(LIMIT_CHANGE_SIGNIFICANCE, "10")  # %
    same = SetChargingProfileRequest(evse_id=1, charging_profile=profile(1, "TxProfile", 8))
    assert (await core.smart_charging.on_set_charging_profile(same)).status == "Accepted"
    await core.station.settle()
    assert changed == []  # the power moved less than LimitChangeSignificance
    lower = SetChargingProfileRequest(evse_id=1, charging_profile=profile(1, "TxProfile", 6))
    assert (await core.smart_charging.on_set_charging_profile(lower)).status == "Accepted"
    await core.station.settle()
    assert changed == [(evse, tx)]


async def test_k01_a_tx_profile_without_transaction_is_rejected() -> None:
    core = make_core()
    request = SetChargingProfileRequest(evse_id=1, charging_profile=profile(1, "TxProfile", 8))
    answer = await core.smart_charging.on_set_charging_profile(request)
    assert answer.status == "Rejected" and answer.status_info is not None


async def test_k08_composite_schedule() -> None:
    core = make_core()
    block = core.smart_charging
    unknown = await block.on_get_composite_schedule(
        GetCompositeScheduleRequest(duration=60, evse_id=9)
    )
    assert unknown.status == "Rejected" and unknown.status_info.reason_code == "UnknownEVSE"
    negative = await block.on_get_composite_schedule(
        GetCompositeScheduleRequest(duration=-1, evse_id=1)
    )
    assert negative.status_info.reason_code == "InvalidDuration"
    core.station.ctx.profiles.install(
        1, profile(3, "TxDefaultProfile", 10), core.station.ctx.now_utc()
    )
    answer = await block.on_get_composite_schedule(
        GetCompositeScheduleRequest(duration=600, evse_id=1)
    )
    assert answer.status == "Accepted" and answer.schedule.charging_rate_unit == "A"  # K08.FR.02
    assert answer.schedule.charging_schedule_period[0].limit == 10


async def test_k09_k10_report_and_clear() -> None:
    core = make_core()
    block = core.smart_charging
    ctx = core.station.ctx
    none = await block.on_get_charging_profiles(
        GetChargingProfilesRequest(request_id=1, charging_profile=ChargingProfileCriterionType())
    )
    assert none.status == "NoProfiles"
    ctx.profiles.install(1, profile(4, "TxDefaultProfile", 10), ctx.now_utc())
    found = await block.on_get_charging_profiles(
        GetChargingProfilesRequest(request_id=2, charging_profile=ChargingProfileCriterionType())
    )
    assert found.status == "Accepted"
    await core.station.settle()
    (report,) = core.station.link.sent("ReportChargingProfiles")
    assert report["requestId"] == 2 and report["chargingProfile"][0]["id"] == 4
    unknown = await block.on_clear_charging_profile(
        ClearChargingProfileRequest(charging_profile_id=99)
    )
    assert unknown.status == "Unknown"
    cleared = await block.on_clear_charging_profile(
        ClearChargingProfileRequest(charging_profile_id=4)
    )
    assert cleared.status == "Accepted" and not len(ctx.profiles)


def test_k09_reports_are_split_per_source_and_evse_with_tbc() -> None:
    found = [
        InstalledProfile(
            1, profile(i, "TxDefaultProfile", 10), NOW, ChargingLimitSourceEnumType.CSO
        )
        for i in range(1, PROFILES_PER_REPORT + 4)
    ]
    parts = report_parts(5, found)
    assert [len(p.charging_profile) for p in parts] == [PROFILES_PER_REPORT, 3]
    assert [bool(p.tbc) for p in parts] == [True, False]


async def test_k12_k13_external_limits_are_notified() -> None:
    core = make_core()
    block = core.smart_charging
    with pytest.raises(ValueError):
        await block.set_external_limit(1, profile(5, "TxDefaultProfile", 6), "CSO")
    await block.set_external_limit(1, profile(5, "TxDefaultProfile", 6))
    (limit,) = core.station.link.sent("NotifyChargingLimit")
    assert limit["chargingLimit"] == {"chargingLimitSource": "EMS"} and limit["evseId"] == 1
    assert await block.clear_external_limit(1)
    assert core.station.link.sent("ClearedChargingLimit") == [
        {"chargingLimitSource": "EMS", "evseId": 1}
    ]
    assert not await block.clear_external_limit(1)


async def test_k15_an_iso15118_ev_tells_its_needs_when_it_plugs_in() -> None:
    core = make_core(ev="compact")
    block = core.smart_charging
    block.ev_charging_needs = True
    evse = core.station.ctx.evses[1]
    evse.plugged = True
    block.apply_limits()
    await core.station.settle()
    (needs,) = core.station.link.sent("NotifyEVChargingNeeds")
    assert needs["evseId"] == 1
    assert (
        needs["chargingNeeds"]["requestedEnergyTransfer"] == "AC_single_phase"
    )  # the compact EV charges on one phase
    block.apply_limits()  # the same EV: no second notification
    await core.station.settle()
    assert len(core.station.link.sent("NotifyEVChargingNeeds")) == 1
