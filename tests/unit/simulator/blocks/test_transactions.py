"""Block E: the transaction engine (E01-E06, E04 offline queue, J02 samples on the station's
clock) and GetTransactionStatus (E14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocppkit.protocol.models import GetTransactionStatusRequest, ReasonEnumType
from ocppkit.simulator.device.model import TX_UPDATED_INTERVAL
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Status

from .support import Core, charge, make_core


def events(core: Core) -> list[dict[str, object]]:
    return core.station.link.sent("TransactionEvent")


async def test_e01_started_then_periodic_samples_on_the_station_clock_then_ended() -> None:
    core = make_core()
    core.station.ctx.device_model.set_value(TX_UPDATED_INTERVAL, "30")
    tx = await charge(core)
    assert core.station.link.sent("StatusNotification")[0]["connectorStatus"] == "Occupied"
    (started,) = events(core)
    assert started["eventType"] == "Started" and started["seqNo"] == 0
    assert started["idToken"] == {"idToken": "AA11", "type": "ISO14443"}
    await core.station.clock.advance(95)  # J02: every TxUpdatedInterval
    updated = events(core)[1:]
    assert [e["triggerReason"] for e in updated] == ["MeterValuePeriodic"] * 3
    await core.engine.stop(1, ReasonEnumType.Local)
    ended = events(core)[-1]
    assert ended["eventType"] == "Ended" and ended["seqNo"] == 4
    assert ended["transactionInfo"]["stoppedReason"] == "Local"  # type: ignore[index]
    assert ended["transactionInfo"]["transactionId"] == tx.transaction_id  # type: ignore[index]
    assert core.station.ctx.evses[1].status == Status.Occupied  # E06: the EV is still there
    await core.station.clock.advance(120)
    assert len(events(core)) == 5  # the sampler went with the transaction


async def test_j02_a_tx_updated_interval_of_zero_sends_no_samples() -> None:
    core = make_core()
    core.station.ctx.device_model.set_value(TX_UPDATED_INTERVAL, "0")
    await charge(core)
    await core.station.clock.advance(600)
    assert len(events(core)) == 1


async def test_e04_offline_events_queue_and_go_first_in_order_once_online(tmp_path: Path) -> None:
    core = make_core(state_dir=tmp_path)
    link = core.station.link
    link.online = False
    tx = await charge(core)
    await core.engine.stop(1, ReasonEnumType.Local)
    assert not events(core) and len(core.engine.queue) == 2
    assert (tmp_path / "CP-UNIT.queue.jsonl").exists()
    status = await core.engine.on_get_transaction_status(
        GetTransactionStatusRequest(transaction_id=tx.transaction_id)
    )
    assert status.messages_in_queue and not status.ongoing_indicator  # E14
    link.online = True
    await core.engine.flush()
    sent = events(core)
    assert [e["seqNo"] for e in sent] == [0, 1] and all(e["offline"] for e in sent)
    assert not core.engine.queue
    none = await core.engine.on_get_transaction_status(GetTransactionStatusRequest())
    assert not none.messages_in_queue


async def test_e14_an_ongoing_transaction() -> None:
    core = make_core()
    tx = await charge(core)
    status = await core.engine.on_get_transaction_status(
        GetTransactionStatusRequest(transaction_id=tx.transaction_id)
    )
    assert status.ongoing_indicator and not status.messages_in_queue


async def test_a_busy_or_unknown_evse_cannot_be_claimed() -> None:
    core = make_core()
    await charge(core)
    with pytest.raises(SimulatorError):
        core.engine.reserve(1)
    with pytest.raises(SimulatorError):
        core.engine.reserve(7)
    with pytest.raises(SimulatorError):
        core.engine.end(7, ReasonEnumType.Local)


async def test_b12_the_last_transaction_ending_runs_a_scheduled_reset() -> None:
    core = make_core()
    await charge(core)
    core.provisioning.reset_when_idle = True
    await core.engine.stop_all(ReasonEnumType.Local)
    await core.station.settle()
    assert core.station.reboots == ["RemoteReset"]
