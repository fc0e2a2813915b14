"""The tracker's pure parts: request ids, progress, failure statuses, the object rules, the
in-memory history and its restore; DataTransfer dispatch and the EV-needs policy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from ocppkit.csms.context import EventHub
from ocppkit.csms.extensions import DataTransferHandlers, ev_max_power_policy
from ocppkit.csms.registry import Charger, Transaction
from ocppkit.csms.store import Store, TrackingChange
from ocppkit.csms.tracking import (
    TRACKED_NOTIFICATIONS,
    Tracker,
    failure_status,
    progress_of,
    request_id_of,
)
from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, NotSupportedError
from ocppkit.protocol.models import (
    CS_TO_CSMS,
    DataTransferRequest,
    NotifyEVChargingNeedsRequest,
    SecurityEventNotificationRequest,
)
from ocppkit.storage.records import CommandRecord, StationObjectRecord, TrackingState

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


class RecordingStore(Store):
    def __init__(self) -> None:
        self.changes: list[TrackingChange] = []

    async def tracking_changed(self, change: TrackingChange) -> None:
        self.changes.append(change)


def tracker(store: Store | None = None, history: int = 200) -> Tracker:
    return Tracker(lambda: T0, store or Store(), EventHub(), history)


@pytest.mark.parametrize(
    "action, payload, expected",
    [
        ("GetLog", {"requestId": 7}, 7),
        ("ReserveNow", {"id": 5, "requestId": 9}, 5),
        ("SetChargingProfile", {"chargingProfile": {"id": 100}}, 100),
        ("SetDisplayMessage", {"message": {"id": 3}}, 3),
        ("Reset", {"type": "Immediate"}, None),
    ],
)
def test_request_id_of(action: str, payload: dict[str, Any], expected: int | None) -> None:
    assert request_id_of(action, payload) == expected


def test_progress_is_the_status_or_receiving_until_the_last_part() -> None:
    assert progress_of("LogStatusNotification", {"status": "Uploaded"}) == "Uploaded"
    assert progress_of("ReservationStatusUpdate", {"reservationUpdateStatus": "Removed"}) == (
        "Removed"
    )
    assert progress_of("NotifyReport", {"tbc": True}) == "Receiving"
    assert progress_of("NotifyReport", {}) == "Complete"


def test_failure_statuses() -> None:
    assert failure_status(CallTimeoutError("Reset", "m1", 1.0)) == "Timeout"
    assert failure_status(NotConnectedError("gone")) == "NotConnected"
    assert failure_status(NotSupportedError("no")) == "CallError:NotSupported"


def test_only_station_actions_are_tracked() -> None:
    assert TRACKED_NOTIFICATIONS <= CS_TO_CSMS


async def test_a_command_is_sent_answered_and_its_objects_change() -> None:
    store = RecordingStore()
    track = tracker(store)
    payload = {"evseId": 1, "chargingProfile": {"id": 9, "chargingProfilePurpose": "TxProfile"}}
    command = await track.sent("CP1", "SetChargingProfile", payload)
    await track.answered(command, {"status": "Accepted"})
    assert (command.status, command.request_id) == ("Accepted", 9)
    assert [o["key"] for o in track.objects("CP1", "charging_profile")] == ["CSMS:1:9"]
    assert [len(c.commands) for c in store.changes] == [1, 1]
    assert store.changes[1].objects[0].key == "CSMS:1:9"


async def test_history_is_bounded_newest_first_and_paged() -> None:
    track = tracker(history=3)
    for _ in range(5):
        await track.sent("CP1", "ClearCache", {})
    page = await track.commands("CP1", limit=2)
    assert [c["id"] for c in page] == [5, 4]
    assert [c["id"] for c in await track.commands("CP1", before_id=4)] == [3]


async def test_restore_continues_ids_and_matches_restored_commands() -> None:
    track = tracker()
    old = CommandRecord(41, "CP1", "GetLog", 7, {"requestId": 7}, T0, "Accepted")
    obj = StationObjectRecord("CP1", "reservation", "5", {"id": 5}, T0, 1, "Accepted")
    track.restore(TrackingState([old], [obj], last_command_id=41, last_message_id=8))
    assert (await track.sent("CP1", "ClearCache", {})).id == 42
    assert track.find_command("CP1", ("GetLog",), 7) is old
    message = await track.notified(
        "CP1",
        "SecurityEventNotification",
        SecurityEventNotificationRequest(type="Reboot", timestamp="2025-01-02T03:04:05Z"),
    )
    assert message.id == 9
    assert track.objects("CP1", "reservation")[0]["status"] == "Accepted"


async def test_data_transfer_dispatch() -> None:
    handlers = DataTransferHandlers()
    handlers.register("acme", lambda cid, mid, data: ("Accepted", data))
    handlers.register("acme", lambda cid, mid, data: "Bogus", "Bad")

    async def answer(vendor: str, message: str | None) -> str:
        request = DataTransferRequest(vendor_id=vendor, message_id=message, data=1)
        return str((await handlers.dispatch("CP1", request)).status)

    assert await answer("acme", "Any") == "Accepted"
    assert await answer("acme", "Bad") == "Rejected"  # not a DataTransfer status
    assert await answer("other", None) == "UnknownVendorId"
    handlers.unregister("acme")
    assert await answer("acme", "Any") == "UnknownMessageId"


def test_ev_max_power_policy_caps_to_the_ev_and_needs_a_transaction() -> None:
    policy = ev_max_power_policy(11_000, iter([7]))
    charger = Charger("CP1")
    request = NotifyEVChargingNeedsRequest.model_validate(
        {
            "evseId": 2,
            "chargingNeeds": {
                "requestedEnergyTransfer": "DC",
                "dcChargingParameters": {
                    "evMaxCurrent": 100,
                    "evMaxVoltage": 400,
                    "evMaxPower": 40_000,
                },
            },
        }
    )
    assert policy(charger, request) is None
    charger.active["TX9"] = Transaction("TX9", "CP1", T0, 0, evse_id=2)
    profile = policy(charger, request)
    assert profile is not None and not isinstance(profile, dict)
    assert (profile.id, profile.transaction_id, str(profile.charging_profile_kind)) == (
        7,
        "TX9",
        "Relative",
    )
    assert profile.charging_schedule[0].charging_schedule_period[0].limit == 11_000
    with pytest.raises(ValueError):
        ev_max_power_policy(0)


def test_ev_max_power_policy_keeps_one_profile_id_per_transaction() -> None:
    """K17 renegotiation: new needs in the same transaction replace its TxProfile (same id,
    K01.FR.05) instead of adding a second one at its stack level (K01.FR.06)."""
    policy = ev_max_power_policy(11_000, iter(range(100, 200)))
    charger = Charger("CP1")
    request = NotifyEVChargingNeedsRequest.model_validate(
        {"evseId": 1, "chargingNeeds": {"requestedEnergyTransfer": "AC_three_phase"}}
    )

    def profile_id() -> int:
        profile = policy(charger, request)
        assert profile is not None and not isinstance(profile, dict)
        return profile.id

    charger.active["A"] = Transaction("A", "CP1", T0, 0, evse_id=1)
    first = [profile_id(), profile_id()]
    del charger.active["A"]
    charger.active["B"] = Transaction("B", "CP1", T0, 0, evse_id=1)
    assert first == [100, 100] and profile_id() == 101  # a new transaction, a new profile
