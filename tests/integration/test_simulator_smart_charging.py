"""Smart charging (block K) of the simulator against a scripted CSMS over real sockets: profiles
limit the delivered power within one sample, composite schedules, reports, clearing, external
limits and the EV's charging needs."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from test_simulator_support import WAIT, ScriptedCSMS, bounded
from wire import FrameRecorder

from ocppkit.protocol.models import ChargingProfileType
from ocppkit.simulator import ChargerSimulator

ID = "CP-SC-1"


class SmartCSMS(ScriptedCSMS):
    """The scripted CSMS, also answering NotifyEVChargingNeeds and NotifyEVChargingSchedule
    (K15)."""

    def response(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        if action in ("NotifyEVChargingNeeds", "NotifyEVChargingSchedule"):
            return {"status": "Accepted"}
        return super().response(action, payload)


def station(csms: ScriptedCSMS, **kwargs: Any) -> tuple[ChargerSimulator, FrameRecorder]:
    options: dict[str, Any] = {"seed": 5, "sample_interval": 0.2, "reconnect_min_delay": 0.05}
    options.update(kwargs)
    sim = ChargerSimulator(ID, csms.url, **options)
    recorder = FrameRecorder()
    sim.frame_observers.append(recorder)
    return sim, recorder


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def profile(pid: int, purpose: str, limit: float, unit: str = "A", **extra: Any) -> dict[str, Any]:
    kind = extra.pop("kind", "Relative" if purpose == "TxProfile" else "Absolute")
    schedule: dict[str, Any] = {
        "id": pid,
        "chargingRateUnit": unit,
        "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit}],
    }
    if kind != "Relative":
        schedule["startSchedule"] = now()
    return {
        "id": pid,
        "stackLevel": extra.pop("stackLevel", 0),
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": kind,
        "chargingSchedule": [schedule],
        **extra,
    }


def measured(event: dict[str, Any], measurand: str) -> list[float]:
    values = event["meterValue"][0]["sampledValue"]
    return [v["value"] for v in values if v.get("measurand") == measurand]


def events(csms: ScriptedCSMS) -> list[dict[str, Any]]:
    return csms.calls("TransactionEvent")


def changed_at(csms: ScriptedCSMS, since: int) -> int | None:
    """Index of the first TransactionEvent ChargingRateChanged from ``since``."""
    found = events(csms)
    return next(
        (n for n in range(since, len(found)) if found[n]["triggerReason"] == "ChargingRateChanged"),
        None,
    )


@bounded
async def test_k01_tx_profile_mid_transaction_limits_the_next_sample() -> None:
    """The next TransactionEvent (triggerReason ChargingRateChanged) obeys the new limit."""
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        tx_id = await sim.start_transaction(1)
        await csms.wait_for(lambda: len(events(csms)) >= 2)
        assert measured(events(csms)[-1], "Power.Active.Import")[0] > 10_000  # 3 x 230 V x 16 A
        seen = len(events(csms))
        answer = await csms.send(
            "SetChargingProfile",
            {"evseId": 1, "chargingProfile": profile(1, "TxProfile", 4000.0, "W")},
        )
        assert answer.status == "Accepted"
        await csms.wait_for(lambda: changed_at(csms, seen) is not None)
        update = events(csms)[changed_at(csms, seen)]  # type: ignore[index]
        assert 3900 < measured(update, "Power.Active.Import")[0] <= 4000
        assert sim.power_w <= 4000 + 1e-6
        reported = await csms.send("GetChargingProfiles", {"requestId": 1, "chargingProfile": {}})
        assert reported.status == "Accepted"
        (report,) = await csms.wait_calls("ReportChargingProfiles")
        assert report["chargingProfile"][0]["transactionId"] == tx_id  # K01: given the tx's id
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_k01_fr_09_tx_profile_without_a_transaction_is_rejected() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        answer = await csms.send(
            "SetChargingProfile", {"evseId": 1, "chargingProfile": profile(1, "TxProfile", 6.0)}
        )
        assert answer.status == "Rejected" and answer.status_info.reason_code == "NoTransaction"
        unknown = await csms.send(
            "SetChargingProfile",
            {"evseId": 7, "chargingProfile": profile(2, "TxDefaultProfile", 6.0)},
        )
        assert unknown.status == "Rejected"  # K01.FR.28
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_k08_composite_schedule_in_the_requested_unit_and_unknown_evse() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms, num_connectors=2)
        await sim.connect(timeout=WAIT)
        for evse_id, body in (
            (0, profile(1, "TxDefaultProfile", 10.0)),
            (0, profile(2, "ChargingStationMaxProfile", 6900.0, "W")),
        ):
            answer = await csms.send(
                "SetChargingProfile", {"evseId": evse_id, "chargingProfile": body}
            )
            assert answer.status == "Accepted"
        amps = await csms.send("GetCompositeSchedule", {"duration": 600, "evseId": 1})
        assert amps.status == "Accepted" and amps.schedule.charging_rate_unit == "A"
        assert amps.schedule.duration == 600 and amps.schedule.evse_id == 1
        assert [(p.start_period, p.limit) for p in amps.schedule.charging_schedule_period] == [
            (0, 10.0)  # the TxDefaultProfile; the station's 6900 W is 10 A on 3 phases
        ]
        watts = await csms.send(
            "GetCompositeSchedule", {"duration": 600, "evseId": 0, "chargingRateUnit": "W"}
        )
        assert watts.status == "Accepted"
        assert watts.schedule.charging_schedule_period[0].limit == 6900.0  # K08.FR.02
        unknown = await csms.send("GetCompositeSchedule", {"duration": 60, "evseId": 3})
        assert unknown.status == "Rejected"  # K08.FR.05
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_k09_reports_in_parts_per_evse_and_k10_clears_by_criteria() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms, num_connectors=2)
        await sim.connect(timeout=WAIT)
        for pid in range(1, 13):  # 12 TxDefaultProfiles on EVSE 1: two parts of at most 10
            body = profile(pid, "TxDefaultProfile", 6.0 + pid, stackLevel=pid)
            answer = await csms.send("SetChargingProfile", {"evseId": 1, "chargingProfile": body})
            assert answer.status == "Accepted"
        body = profile(20, "TxDefaultProfile", 8.0)
        assert (
            await csms.send("SetChargingProfile", {"evseId": 2, "chargingProfile": body})
        ).status == "Accepted"
        answer = await csms.send("GetChargingProfiles", {"requestId": 9, "chargingProfile": {}})
        assert answer.status == "Accepted"
        parts = await csms.wait_calls("ReportChargingProfiles", 3)
        assert [(p["evseId"], len(p["chargingProfile"]), p.get("tbc", False)) for p in parts] == [
            (1, 10, True),
            (1, 2, True),
            (2, 1, False),
        ]
        assert {p["chargingLimitSource"] for p in parts} == {"CSO"}
        none = await csms.send(
            "GetChargingProfiles",
            {"requestId": 10, "chargingProfile": {"chargingLimitSource": ["EMS"]}},
        )
        assert none.status == "NoProfiles"
        cleared = await csms.send(
            "ClearChargingProfile",
            {"chargingProfileCriteria": {"evseId": 1, "stackLevel": 12}},
        )
        assert cleared.status == "Accepted" and len(sim.profiles) == 12
        again = await csms.send("ClearChargingProfile", {"chargingProfileId": 12})
        assert again.status == "Unknown"
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_k12_k13_an_external_limit_is_obeyed_and_notified() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction(1)
        external = ChargingProfileType.model_validate(
            profile(50, "ChargingStationExternalConstraints", 8.0)
        )
        await sim.smart_charging.set_external_limit(1, external)
        assert sim.current_a == pytest.approx(8.0)
        (notified,) = await csms.wait_calls("NotifyChargingLimit")
        assert notified["chargingLimit"]["chargingLimitSource"] == "EMS"
        assert await sim.smart_charging.clear_external_limit(1)
        await csms.wait_calls("ClearedChargingLimit")
        assert sim.current_a == pytest.approx(16.0)
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_k15_dc_station_sends_charging_needs_and_obeys_a_watt_limit() -> None:
    async with SmartCSMS() as csms:
        sim, recorder = station(csms, station_type="DC", ev="compact", ev_charging_needs=True)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction(1)
        (needs,) = await csms.wait_calls("NotifyEVChargingNeeds")
        dc = needs["chargingNeeds"]["dcChargingParameters"]
        assert needs["chargingNeeds"]["requestedEnergyTransfer"] == "DC"
        assert dc["evMaxPower"] == 50_000 and 10 <= dc["stateOfCharge"] <= 60
        assert sim.power_w == pytest.approx(50_000)  # the compact car's DC maximum
        answer = await csms.send(
            "SetChargingProfile",
            {"evseId": 1, "chargingProfile": profile(1, "TxProfile", 20e3, "W")},
        )
        assert answer.status == "Accepted"
        assert sim.power_w == pytest.approx(20_000)
        (chosen,) = await csms.wait_calls("NotifyEVChargingSchedule")  # the EV's answer
        assert chosen["evseId"] == 1 and chosen["chargingSchedule"]["id"] == 1
        assert chosen["chargingSchedule"]["chargingRateUnit"] == "W"
        assert chosen["chargingSchedule"]["chargingSchedulePeriod"] == [
            {"startPeriod": 0, "limit": 20_000}
        ]
        composite = await csms.send("GetCompositeSchedule", {"duration": 60, "evseId": 1})
        assert composite.schedule.charging_rate_unit == "W"
        assert composite.schedule.charging_schedule_period[0].limit == 20_000
        await sim.disconnect()
    recorder.assert_all_valid()
    # J02: a DC station's transaction samples carry the EV's state of charge
    socs = [
        float(sv["value"])
        for _, m in recorder.parsed()
        if m[0] == 2 and m[2] == "TransactionEvent"
        for mv in m[3].get("meterValue", [])
        for sv in mv["sampledValue"]
        if sv.get("measurand") == "SoC"
    ]
    assert socs and all(10 <= soc <= 100 for soc in socs)


@bounded
async def test_k17_each_new_tx_profile_is_answered_with_the_evs_schedule() -> None:
    async with SmartCSMS() as csms:
        sim, recorder = station(csms, ev="compact", ev_charging_needs=True)  # AC, 3 phases
        await sim.connect(timeout=WAIT)
        await sim.start_transaction(1)
        await csms.wait_calls("NotifyEVChargingNeeds")
        ev = sim.evses[1].meter.ev
        assert ev is not None
        ev_max = ev.model.max_ac_current * 230.0 * min(3, ev.model.ac_phases)
        for pid, offered in ((3, 4_000.0), (4, 10 * ev_max)):  # K17: renegotiated
            schedule = profile(pid, "TxProfile", offered, "W", stackLevel=pid)
            answer = await csms.send(
                "SetChargingProfile", {"evseId": 1, "chargingProfile": schedule}
            )
            assert answer.status == "Accepted"
        chosen = await csms.wait_calls("NotifyEVChargingSchedule", 2)
        assert [c["chargingSchedule"]["id"] for c in chosen] == [3, 4]
        limits = [c["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"] for c in chosen]
        assert limits == [4_000, pytest.approx(ev_max, abs=0.1)]  # more than the EV takes: capped
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_no_ev_schedule_without_iso_15118() -> None:
    async with SmartCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction(1)
        answer = await csms.send(
            "SetChargingProfile", {"evseId": 1, "chargingProfile": profile(5, "TxProfile", 8.0)}
        )
        assert answer.status == "Accepted"
        await sim.engine.settle()
        await asyncio.sleep(0.1)
        assert not csms.calls("NotifyEVChargingSchedule")
        await sim.disconnect()
    recorder.assert_all_valid()


async def test_e02_a_full_battery_is_reported_as_charging_state_changed() -> None:
    from ocppkit.simulator.ev import EvModel

    tiny = EvModel(
        "tiny",
        battery_kwh=0.05,
        max_ac_current=16,
        ac_phases=3,
        max_dc_w=50_000,
        arrival_soc=(97.0, 98.0),
    )
    async with SmartCSMS() as csms:
        sim, recorder = station(csms, station_type="DC", ev=tiny)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction(1)

        async def suspended() -> list[dict[str, Any]]:
            return [
                e
                for e in events(csms)
                if e["transactionInfo"].get("chargingState") == "SuspendedEV"
            ]

        async with asyncio.timeout(WAIT):
            while not await suspended():  # noqa: ASYNC110 (polling the scripted CSMS)
                await asyncio.sleep(0.05)
        first = (await suspended())[0]
        await sim.disconnect()
    assert first["eventType"] == "Updated"
    assert first["triggerReason"] == "ChargingStateChanged"
    recorder.assert_all_valid()
