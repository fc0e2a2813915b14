"""The operator's plug-ins: DataTransfer dispatch (P02) and the EV-needs policy (K15-K17)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ocppkit.csms.extensions import DataTransferHandlers, ev_max_power_policy
from ocppkit.csms.registry import Charger, Transaction
from ocppkit.protocol.models import DataTransferRequest, NotifyEVChargingNeedsRequest

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


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
