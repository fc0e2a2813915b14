"""TransactionEvent payloads: schema-valid, seqNo in order, sampled values consistent."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from wire import assert_schema_valid

from ocppkit.protocol.models import IdTokenType, ReasonEnumType, TriggerReasonEnumType
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator.evse import Evse, Transaction
from ocppkit.simulator.meter import ChargingLimit, MeterModel
from ocppkit.simulator.transactions import (
    ended_event,
    started_event,
    updated_event,
    wire_time,
)

AT = datetime(2025, 1, 1, 8, 30, tzinfo=UTC)


def setup(phases: int = 3) -> tuple[Evse, Transaction]:
    evse = Evse(2, MeterModel(phases, 230.0, 32.0, random.Random(9)))
    tx = Transaction("tx-9", IdTokenType(id_token="A", type="Central"), AT, 0.0, 10.0, 5)
    return evse, tx


def test_a_transaction_as_payloads() -> None:
    evse, tx = setup()
    started = to_wire_dict(started_event(evse, tx, TriggerReasonEnumType.RemoteStart, AT, 10.0))
    evse.meter.update(0.0, charging=True, limit=ChargingLimit(watts=7000.0))
    updated = to_wire_dict(
        updated_event(evse, tx, TriggerReasonEnumType.MeterValuePeriodic, AT, 12.5)
    )
    ended = to_wire_dict(ended_event(tx, ReasonEnumType.Remote, AT, 20.0, 61.7))
    for payload in (started, updated, ended):
        assert_schema_valid("TransactionEventRequest", payload)
    assert [p["seqNo"] for p in (started, updated, ended)] == [0, 1, 2]
    assert started["transactionInfo"] == {
        "transactionId": "tx-9",
        "chargingState": "Charging",
        "remoteStartId": 5,
    }
    assert started["evse"] == {"id": 2, "connectorId": 1}
    assert started["timestamp"] == "2025-01-01T08:30:00.000Z" == wire_time(AT)
    values = updated["meterValue"][0]["sampledValue"]
    measurands = [(v["measurand"], v.get("phase")) for v in values]
    assert measurands == [
        ("Energy.Active.Import.Register", None),
        ("Power.Active.Import", None),
        ("Current.Import", "L1"),
        ("Current.Import", "L2"),
        ("Current.Import", "L3"),
        ("Voltage", None),
    ]
    assert values[1]["value"] <= 7000.0  # rounded down, never above the limit
    assert ended["triggerReason"] == "RemoteStop"
    assert ended["transactionInfo"]["stoppedReason"] == "Remote"
    assert ended["transactionInfo"]["timeSpentCharging"] == 61


def test_single_phase_reports_one_current() -> None:
    evse, tx = setup(phases=1)
    evse.meter.update(0.0, charging=True)
    values = to_wire_dict(updated_event(evse, tx, TriggerReasonEnumType.Trigger, AT, 0.0))
    currents = [
        v for v in values["meterValue"][0]["sampledValue"] if v["measurand"] == "Current.Import"
    ]
    assert [c["phase"] for c in currents] == ["L1"]


def test_stop_reasons_map_to_triggers() -> None:
    _, tx = setup()
    assert ended_event(tx, ReasonEnumType.Local, AT, 0, 0).trigger_reason == "StopAuthorized"
    assert ended_event(tx, ReasonEnumType.EVDisconnected, AT, 0, 0).trigger_reason == (
        "EVCommunicationLost"
    )
    assert ended_event(tx, ReasonEnumType.PowerLoss, AT, 0, 0).trigger_reason == "AbnormalCondition"
