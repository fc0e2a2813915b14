"""K Smart charging: profiles set, reported and cleared, external limits, EV needs."""

from typing import Any

from ocppkit.csms.blocks.smart_charging import MAX_RENEGOTIATIONS
from ocppkit.csms.device_models import DeviceModel
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import ChargingProfileType, NotifyEVChargingNeedsRequest, OcppModel

from .support import NOW, Csms


def profile(profile_id: int, purpose: str = "TxDefaultProfile", stack: int = 1) -> dict[str, Any]:
    return {
        "id": profile_id,
        "stackLevel": stack,
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": "Absolute",
        "chargingSchedule": [
            {
                "id": 1,
                "chargingRateUnit": "W",
                "startSchedule": "2025-01-02T03:04:05Z",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000}],
            }
        ],
    }


async def test_a_command_is_sent_answered_and_its_objects_change() -> None:
    csms = Csms()
    request = {"evseId": 1, "chargingProfile": profile(9, "TxProfile")}
    command = await csms.command("CP", "SetChargingProfile", request, {"status": "Accepted"})
    assert (command.status, command.request_id) == ("Accepted", 9)
    assert list(csms.objects("charging_profile")) == ["CSMS:1:9"]
    assert [len(c.commands) for c in csms.store.changes] == [1, 1]
    assert csms.store.changes[1].objects[0].key == "CSMS:1:9"


async def test_a_profile_id_set_again_replaces_the_old_one() -> None:
    """K01.FR.05: a profile with the id of an installed one replaces it, on any EVSE."""
    csms = Csms()
    accepted = {"status": "Accepted"}
    await csms.command(
        "CP", "SetChargingProfile", {"evseId": 1, "chargingProfile": profile(5)}, accepted
    )
    await csms.command(
        "CP", "SetChargingProfile", {"evseId": 2, "chargingProfile": profile(5)}, accepted
    )
    await csms.command(
        "CP",
        "SetChargingProfile",
        {"evseId": 2, "chargingProfile": profile(6)},
        {"status": "Rejected"},
    )
    assert list(csms.objects("charging_profile")) == ["CSMS:2:5"]


async def test_clear_by_criteria_keeps_external_constraints() -> None:
    """K10: criteria match on EVSE, purpose and stack level; external constraints stay."""
    csms = Csms()
    accepted = {"status": "Accepted"}
    for evse, pid, stack in ((1, 1, 1), (1, 2, 2), (2, 3, 1)):
        request = {"evseId": evse, "chargingProfile": profile(pid, stack=stack)}
        await csms.command("CP", "SetChargingProfile", request, accepted)
    await csms.command(
        "CP",
        "GetChargingProfiles",
        {"requestId": 41, "chargingProfile": {"chargingLimitSource": ["EMS"]}},
        accepted,
    )
    await csms.send(
        "CP",
        "ReportChargingProfiles",
        {
            "requestId": 41,
            "chargingLimitSource": "EMS",
            "evseId": 1,
            "chargingProfile": [profile(200, "ChargingStationExternalConstraints")],
        },
    )
    criteria = {"chargingProfileCriteria": {"evseId": 1, "stackLevel": 1}}
    clear = await csms.command("CP", "ClearChargingProfile", criteria, accepted)
    assert clear.request_id is None
    assert set(csms.objects("charging_profile")) == {"CSMS:1:2", "CSMS:2:3", "EMS:1:200"}
    await csms.command("CP", "ClearChargingProfile", {}, accepted)  # no criteria: all
    assert set(csms.objects("charging_profile")) == {"EMS:1:200"}


async def test_limits_set_and_cleared_with_their_reported_profiles() -> None:
    csms = Csms()
    await csms.send(
        "CP",
        "ReportChargingProfiles",
        {
            "requestId": 1,
            "chargingLimitSource": "EMS",
            "evseId": 1,
            "chargingProfile": [profile(200, "ChargingStationExternalConstraints")],
        },
    )
    limit = {"chargingLimitSource": "EMS", "isGridCritical": False}
    await csms.send("CP", "NotifyChargingLimit", {"chargingLimit": limit, "evseId": 1})
    await csms.send("CP", "NotifyChargingLimit", {"chargingLimit": limit})  # K12: 0, the station
    assert set(csms.objects("charging_limit")) == {"EMS:1", "EMS:0"}
    await csms.send("CP", "ClearedChargingLimit", {"chargingLimitSource": "EMS", "evseId": 1})
    assert (set(csms.objects("charging_limit")), csms.objects("charging_profile")) == (
        {"EMS:0"},
        {},
    )
    await csms.send("CP", "ClearedChargingLimit", {"chargingLimitSource": "EMS"})  # K13: all
    assert csms.objects("charging_limit") == {}


NEEDS = {"evseId": 1, "chargingNeeds": {"requestedEnergyTransfer": "AC_three_phase"}}


async def test_ev_needs_the_csms_cannot_answer_are_rejected_but_kept() -> None:
    """No command sender (nothing to send a TxProfile with): Rejected, the needs kept."""
    csms = Csms()
    assert await csms.send("CP", "NotifyEVChargingNeeds", NEEDS) == {"status": "Rejected"}
    assert csms.objects("ev_charging_needs")["1"]["status"] == "AC_three_phase"  # K15


async def test_ev_needs_with_a_policy_send_the_tx_profile_or_wait() -> None:
    sent: list[tuple[str, str, Any]] = []
    spawned: list[Any] = []

    async def send(station_id: str, action: str, request: Any) -> OcppModel:
        sent.append((station_id, action, request))
        raise AssertionError("not awaited here")

    def policy(
        charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> ChargingProfileType | None:
        if not charger.active:
            return None
        return ChargingProfileType.model_validate(profile(77, "TxProfile"))

    csms = Csms(ev_charging_needs_policy=policy, send=send, spawn=spawned.append)
    assert await csms.send("CP", "NotifyEVChargingNeeds", NEEDS) == {"status": "Processing"}
    assert spawned == []  # K15: waits for a transaction on the EVSE
    started = {
        "eventType": "Started",
        "timestamp": "2025-01-02T03:00:00Z",
        "triggerReason": "Authorized",
        "seqNo": 0,
        "transactionInfo": {"transactionId": "T1"},
        "evse": {"id": 1},
    }
    await csms.send("CP", "TransactionEvent", started)
    assert len(spawned) == 1  # the policy is asked again once the transaction runs
    spawned.pop().close()
    assert await csms.send("CP", "NotifyEVChargingNeeds", NEEDS) == {"status": "Accepted"}
    assert len(spawned) == 1
    spawned.pop().close()


async def test_the_evs_schedule_is_kept_per_evse() -> None:
    csms = Csms()
    schedule = {
        "timeBase": "2025-01-02T03:04:05Z",
        "evseId": 2,
        "chargingSchedule": {
            "id": 1,
            "chargingRateUnit": "W",
            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 7000}],
        },
    }
    assert await csms.send("CP", "NotifyEVChargingSchedule", schedule) == {"status": "Accepted"}
    kept = csms.objects("ev_charging_schedule")["2"]
    assert (kept["evse_id"], kept["payload"]) == (2, schedule)  # K17


def station_max(limit_w: float) -> dict[str, Any]:
    return {
        "id": 3,
        "stackLevel": 0,
        "chargingProfilePurpose": "ChargingStationMaxProfile",
        "chargingProfileKind": "Absolute",
        "chargingSchedule": [
            {
                "id": 1,
                "chargingRateUnit": "W",
                "startSchedule": "2025-01-01T00:00:00Z",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit_w}],
            }
        ],
    }


STARTED = {
    "eventType": "Started",
    "timestamp": "2025-01-02T03:00:00Z",
    "triggerReason": "Authorized",
    "seqNo": 0,
    "transactionInfo": {"transactionId": "T1"},
    "evse": {"id": 1},
}


def csms_sending() -> tuple[Csms, list[Any]]:
    spawned: list[Any] = []

    async def send(station_id: str, action: str, request: Any) -> OcppModel:
        raise AssertionError("not awaited here")

    csms = Csms(send=send, spawn=spawned.append)
    csms.ctx.station_objects = csms.tracker.objects
    return csms, spawned


def sent_profile(csms: Csms, spawned: list[Any]) -> ChargingProfileType:
    """The TxProfile the spawned send carries (the coroutine's frame holds it)."""
    coroutine = spawned.pop()
    profile = coroutine.cr_frame.f_locals["profile"]
    coroutine.close()
    return profile


async def test_without_a_policy_the_tx_profile_comes_from_the_known_limits() -> None:
    """K15/K16 by default: the station's ChargingStationMaxProfile (K01), the device model's
    EVSE Power and the EV's maximum; the EV's departure gives duration and minimum rate."""
    csms, spawned = csms_sending()
    await csms.command(
        "CP",
        "SetChargingProfile",
        {"evseId": 0, "chargingProfile": station_max(9000)},
        {"status": "Accepted"},
    )
    await csms.send("CP", "TransactionEvent", STARTED)
    needs = {
        "evseId": 1,
        "chargingNeeds": {
            "requestedEnergyTransfer": "AC_three_phase",
            "departureTime": "2025-01-02T05:04:05Z",  # two hours from NOW
            "acChargingParameters": {
                "energyAmount": 10000,
                "evMinCurrent": 6,
                "evMaxCurrent": 32,
                "evMaxVoltage": 400,
            },
        },
    }
    assert await csms.send("CP", "NotifyEVChargingNeeds", needs) == {"status": "Accepted"}
    profile = sent_profile(csms, spawned)
    schedule = profile.charging_schedule[0]
    assert (profile.charging_profile_purpose, profile.transaction_id) == ("TxProfile", "T1")
    assert schedule.charging_schedule_period[0].limit == 9000  # the station's, under 22 kW
    assert (schedule.duration, schedule.min_charging_rate) == (7200, 5000)
    # a lower EVSE Power in the device model wins
    csms.registry.get("CP").device_model = DeviceModel(
        1,
        NOW,
        NOW,
        [
            {
                "component": {"name": "EVSE", "evse": {"id": 1}},
                "variable": {"name": "Power"},
                "variableAttribute": [{"type": "Actual", "value": "0"}],
                "variableCharacteristics": {
                    "dataType": "decimal",
                    "maxLimit": 7400,
                    "supportsMonitoring": False,
                },
            }
        ],
    )
    assert await csms.send("CP", "NotifyEVChargingNeeds", needs) == {"status": "Accepted"}
    again = sent_profile(csms, spawned)
    assert again.charging_schedule[0].charging_schedule_period[0].limit == 7400
    assert again.id == profile.id  # K01.FR.05: the same transaction's profile is replaced


async def test_a_policy_and_the_cap_are_lowered_to_the_station_limit() -> None:
    csms, spawned = csms_sending()
    csms.ctx.ev_charging_needs_policy = lambda charger, request: ChargingProfileType.model_validate(
        {**profile(77, "TxProfile"), "transactionId": "T1"}
    )
    await csms.command(
        "CP",
        "SetChargingProfile",
        {"evseId": 0, "chargingProfile": station_max(6000)},
        {"status": "Accepted"},
    )
    await csms.send("CP", "TransactionEvent", STARTED)
    assert await csms.send("CP", "NotifyEVChargingNeeds", NEEDS) == {"status": "Accepted"}
    assert (
        sent_profile(csms, spawned).charging_schedule[0].charging_schedule_period[0].limit == 6000
    )
    csms.ctx.ev_charging_needs_policy = None
    csms.ctx.ev_max_power_w = 4000  # --ev-max-power: a cap on the default too
    ac_needs = {
        "evseId": 1,
        "chargingNeeds": {
            "requestedEnergyTransfer": "AC_three_phase",
            "acChargingParameters": {
                "energyAmount": 1,
                "evMinCurrent": 6,
                "evMaxCurrent": 32,
                "evMaxVoltage": 400,
            },
        },
    }
    assert await csms.send("CP", "NotifyEVChargingNeeds", ac_needs) == {"status": "Accepted"}
    assert (
        sent_profile(csms, spawned).charging_schedule[0].charging_schedule_period[0].limit == 4000
    )


async def test_an_ev_schedule_over_the_sent_limit_is_rejected_and_renegotiated() -> None:
    """K15.FR.12: a 22 kW schedule under an 11 kW TxProfile is Rejected; K15.FR.13: a new
    TxProfile follows, at most MAX_RENEGOTIATIONS times per transaction."""
    csms, spawned = csms_sending()
    await csms.send("CP", "TransactionEvent", STARTED)
    tx = {**profile(77, "TxProfile"), "transactionId": "T1", "chargingProfileKind": "Relative"}
    del tx["chargingSchedule"][0]["startSchedule"]
    await csms.command(
        "CP", "SetChargingProfile", {"evseId": 1, "chargingProfile": tx}, {"status": "Accepted"}
    )

    def schedule(limit: float) -> dict[str, Any]:
        return {
            "timeBase": "2025-01-02T03:04:05Z",
            "evseId": 1,
            "chargingSchedule": {
                "id": 1,
                "chargingRateUnit": "W",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit}],
            },
        }

    assert await csms.send("CP", "NotifyEVChargingSchedule", schedule(11000)) == {
        "status": "Accepted"
    }
    assert spawned == []
    for _ in range(MAX_RENEGOTIATIONS):
        assert await csms.send("CP", "NotifyEVChargingSchedule", schedule(22000)) == {
            "status": "Rejected"
        }
        assert len(spawned) == 1
        spawned.pop().close()
    assert await csms.send("CP", "NotifyEVChargingSchedule", schedule(22000)) == {
        "status": "Rejected"
    }
    assert spawned == []  # bounded: no endless renegotiation with a misbehaving EV
    assert csms.objects("ev_charging_schedule")["1"]["payload"] == schedule(22000)
