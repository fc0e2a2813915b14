"""Reliability (E04, B04): a CSMS outage mid-transaction loses no TransactionEvent, the queue is
replayed in order with ``offline: true`` on what happened offline, the reconnect does not boot
again, heartbeats resume; the local list authorizes while offline (C15, D01)."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

from test_simulator_support import ScriptedCSMS, bounded
from wire import FrameRecorder

from ocppkit.protocol.models import TransactionEventRequest
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.link import retry_backoff
from ocppkit.simulator.offline_queue import OfflineQueue

ID = "CP-REL-1"


def station(csms: ScriptedCSMS, **kwargs: Any) -> tuple[ChargerSimulator, FrameRecorder]:
    options: dict[str, Any] = {"seed": 11, "sample_interval": 0.1, "reconnect_min_delay": 0.6}
    options.update(kwargs)
    sim = ChargerSimulator(ID, csms.url, **options)
    recorder = FrameRecorder()
    sim.frame_observers.append(recorder)
    return sim, recorder


@bounded
async def test_an_outage_mid_transaction_loses_no_event() -> None:
    async with ScriptedCSMS(heartbeat_interval=1) as csms:
        sim, recorder = station(csms, reconnect_max_delay=1.2)
        await sim.connect()
        await sim.start_transaction()
        await csms.wait_calls("TransactionEvent", 2)
        await csms.drop()
        await asyncio.sleep(0.35)  # samples keep coming while offline (J02, E04)
        assert not sim.connected and len(sim.engine.queue) >= 2
        await sim.stop_transaction()  # the Ended event happens offline too
        queued = len(sim.engine.queue)
        await csms.wait_for(lambda: len(csms.calls("TransactionEvent", link=1)) >= queued)
        events = csms.calls("TransactionEvent")
        assert [e["seqNo"] for e in events] == list(range(len(events)))  # in order, no gap
        assert events[-1]["eventType"] == "Ended"
        replayed = csms.calls("TransactionEvent", link=1)
        assert all(e["offline"] is True for e in replayed)
        assert not any(e.get("offline") for e in csms.calls("TransactionEvent", link=0))
        assert csms.actions(link=1)[0] == "StatusNotification"  # G01, then the queue
        assert len(csms.calls("BootNotification")) == 1  # a reconnect is no reboot
        await csms.wait_for(lambda: len(csms.calls("Heartbeat", link=1)) >= 1, within=3.0)
        status = await csms.send(
            "GetTransactionStatus", {"transactionId": events[0]["transactionInfo"]["transactionId"]}
        )
        assert status.messages_in_queue is False and status.ongoing_indicator is False
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_local_list_authorizes_while_offline() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms, reconnect_min_delay=1.0)
        await sim.connect()
        listed = await csms.send(
            "SendLocalList",
            {
                "versionNumber": 3,
                "updateType": "Full",
                "localAuthorizationList": [
                    {
                        "idToken": {"idToken": "LISTED", "type": "ISO14443"},
                        "idTokenInfo": {"status": "Accepted"},
                    },
                    {
                        "idToken": {"idToken": "BLOCKED", "type": "ISO14443"},
                        "idTokenInfo": {"status": "Blocked"},
                    },
                ],
            },
        )
        assert listed.status == "Accepted"
        await csms.drop()
        await asyncio.sleep(0.05)
        assert not sim.connected
        await sim.plug_in(1)
        assert not await sim.present_token("BLOCKED", 1)  # D01: the list says Blocked
        assert not await sim.present_token("UNKNOWN", 1)  # OfflineTxForUnknownIdEnabled false
        assert await sim.present_token("LISTED", 1)
        assert sim.is_charging and len(sim.engine.queue) == 1
        await csms.wait_for(lambda: len(csms.calls("TransactionEvent", link=1)) == 1, within=4)
        started = csms.calls("TransactionEvent", link=1)[0]
        assert started["offline"] is True and started["idToken"]["idToken"] == "LISTED"
        assert "Authorize" not in csms.actions()
        await sim.disconnect()
    recorder.assert_all_valid()


def _event(seq_no: int, kind: str = "Updated") -> TransactionEventRequest:
    return TransactionEventRequest.model_validate(
        {
            "eventType": kind,
            "timestamp": "2025-01-01T00:00:00Z",
            "triggerReason": "MeterValuePeriodic",
            "seqNo": seq_no,
            "transactionInfo": {"transactionId": "tx-1"},
            "offline": True,
        }
    )


def test_the_queue_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "CP.queue.jsonl"
    queue = OfflineQueue(path)
    for n in range(3):
        queue.append(_event(n, "Started" if n == 0 else "Updated"))
    assert queue.pop().seq_no == 0
    again = OfflineQueue(path)
    assert [again.pop().seq_no for _ in range(len(again))] == [1, 2]
    assert again.holds("tx-1") is False and OfflineQueue(path).peek() is None


def test_a_full_queue_drops_updates_never_ends() -> None:
    queue = OfflineQueue(limit=3)
    queue.append(_event(0, "Started"))
    queue.append(_event(1))
    queue.append(_event(2, "Ended"))
    queue.append(_event(3, "Ended"))
    assert [queue.pop().seq_no for _ in range(3)] == [0, 2, 3]


async def test_a_station_with_a_state_dir_keeps_its_queue(tmp_path: Path) -> None:
    sim = ChargerSimulator(ID, "ws://127.0.0.1:9", state_dir=tmp_path)
    sim.engine.queue.append(_event(0, "Started"))
    assert (tmp_path / f"{ID}.queue.jsonl").exists()
    assert len(ChargerSimulator(ID, "ws://127.0.0.1:9", state_dir=tmp_path).engine.queue) == 1


def test_retry_back_off_follows_the_variables() -> None:
    rng = random.Random(3)
    delays = [retry_backoff(n, rng, 2.0, 1.0, 3) for n in range(6)]
    for n, delay in enumerate(delays):
        base = 2.0 * 2 ** min(n, 3)  # doubled RetryBackOffRepeatTimes times, then flat
        assert base <= delay <= base + 1.0
    assert retry_backoff(0, random.Random(1), 5.0, 0.0, 0) == 5.0
