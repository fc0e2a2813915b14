"""K Smart charging: profiles set, reported and cleared, external limits, EV needs."""

from typing import Any

from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import ChargingProfileType, NotifyEVChargingNeedsRequest, OcppModel

from .support import Csms


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


async def test_ev_needs_without_a_policy_are_rejected_but_kept() -> None:
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
