"""ocppkit's simulator against a CSMS written with the mobilityhouse ``ocpp`` library (which
validates every message against the official schemas): boot, remote start, a TxProfile that caps
the power within one sample (ChargingRateChanged), its composite schedule, remote stop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from wire import FrameRecorder

from ocppkit.simulator import ChargerSimulator

WAIT = 5.0
LIMIT_W = 4000.0


def _now() -> str:
    return datetime.now(UTC).isoformat()


class LibraryCSMS(ChargePoint):
    """The CSMS side of one station, in the ``ocpp`` library's style."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[dict[str, Any]] = []
        self.boots: list[str] = []
        self.needs: list[dict[str, Any]] = []
        self.schedules: list[dict[str, Any]] = []
        self.changed = asyncio.Event()

    def _record(self) -> None:
        self.changed.set()

    @on("BootNotification")
    async def on_boot_notification(self, charging_station: dict, reason: str, **_: Any) -> Any:
        self.boots.append(reason)
        self._record()
        return call_result.BootNotification(current_time=_now(), interval=60, status="Accepted")

    @on("StatusNotification")
    async def on_status_notification(self, **_: Any) -> Any:
        return call_result.StatusNotification()

    @on("Heartbeat")
    async def on_heartbeat(self) -> Any:
        return call_result.Heartbeat(current_time=_now())

    @on("TransactionEvent")
    async def on_transaction_event(self, **event: Any) -> Any:
        self.events.append(event)
        self._record()
        return call_result.TransactionEvent()

    @on("Authorize")
    async def on_authorize(self, **_: Any) -> Any:
        return call_result.Authorize(id_token_info={"status": "Accepted"})

    @on("NotifyEVChargingNeeds")
    async def on_notify_ev_charging_needs(self, **needs: Any) -> Any:
        self.needs.append(needs)
        self._record()
        return call_result.NotifyEVChargingNeeds(status="Accepted")

    @on("NotifyEVChargingSchedule")
    async def on_notify_ev_charging_schedule(self, **chosen: Any) -> Any:
        self.schedules.append(chosen)
        self._record()
        return call_result.NotifyEVChargingSchedule(status="Accepted")

    async def wait(self, predicate: Any) -> None:
        async with asyncio.timeout(WAIT):
            while not predicate():
                self.changed.clear()
                await self.changed.wait()


@asynccontextmanager
async def library_csms() -> AsyncIterator[tuple[int, list[LibraryCSMS]]]:
    """A websocket server on an ephemeral port with a ``LibraryCSMS`` per station that
    connects; yields the port and those CSMS sides."""
    stations: list[LibraryCSMS] = []

    async def accept(ws: ServerConnection) -> None:
        station = LibraryCSMS(ws.request.path.rsplit("/", 1)[-1], ws)  # type: ignore[union-attr]
        stations.append(station)
        try:
            await station.start()
        except ConnectionClosed:
            pass

    async with serve(accept, "127.0.0.1", 0, subprotocols=["ocpp2.0.1"]) as server:  # type: ignore[list-item]
        yield server.sockets[0].getsockname()[1], stations


def _power(event: dict[str, Any]) -> float:
    values = event["meter_value"][0]["sampled_value"]
    return next(v["value"] for v in values if v["measurand"] == "Power.Active.Import")


async def test_remote_start_profile_and_stop_with_an_ocpp_library_csms() -> None:
    async with asyncio.timeout(30):
        async with library_csms() as (port, stations):
            sim = ChargerSimulator(
                "CP-INTEROP", f"ws://127.0.0.1:{port}/", seed=11, sample_interval=0.2
            )
            recorder = FrameRecorder()
            sim.frame_observers.append(recorder)
            await sim.connect(timeout=WAIT)
            csms = stations[0]
            assert csms.id == "CP-INTEROP" and csms.boots == ["PowerUp"]

            async with asyncio.timeout(WAIT):
                started = await csms.call(
                    call.RequestStartTransaction(
                        id_token={"id_token": "REMOTE-1", "type": "Central"},
                        remote_start_id=7,
                        evse_id=1,
                    )
                )
            assert started.status == "Accepted"
            await csms.wait(lambda: any(e["event_type"] == "Started" for e in csms.events))
            first = csms.events[0]
            assert first["trigger_reason"] == "RemoteStart"
            assert first["transaction_info"]["remote_start_id"] == 7
            tx_id = first["transaction_info"]["transaction_id"]
            await csms.wait(lambda: len(csms.events) >= 2)
            assert _power(csms.events[-1]) > LIMIT_W  # 3 x 230 V x 16 A ~ 11 kW before the limit

            seen = len(csms.events)
            async with asyncio.timeout(WAIT):
                limited = await csms.call(
                    call.SetChargingProfile(
                        evse_id=1,
                        charging_profile={
                            "id": 1,
                            "stack_level": 0,
                            "charging_profile_purpose": "TxProfile",
                            "charging_profile_kind": "Relative",
                            "transaction_id": tx_id,
                            "charging_schedule": [
                                {
                                    "id": 1,
                                    "charging_rate_unit": "W",
                                    "charging_schedule_period": [
                                        {"start_period": 0, "limit": LIMIT_W}
                                    ],
                                }
                            ],
                        },
                    )
                )
            assert limited.status == "Accepted"
            # within one sample: the limit changed the power, the station said so at once
            # (ChargingRateChanged) and every sample since obeys it
            await csms.wait(
                lambda: any(
                    e["trigger_reason"] == "ChargingRateChanged" for e in csms.events[seen:]
                )
            )
            changed = next(
                n
                for n in range(seen, len(csms.events))
                if csms.events[n]["trigger_reason"] == "ChargingRateChanged"
            )
            assert csms.events[changed]["event_type"] == "Updated"
            assert 0.95 * LIMIT_W < _power(csms.events[changed]) <= LIMIT_W
            await csms.wait(lambda: len(csms.events) > changed + 1)
            periodic = csms.events[changed + 1]
            assert periodic["trigger_reason"] == "MeterValuePeriodic"
            assert 0.95 * LIMIT_W < _power(periodic) <= LIMIT_W

            async with asyncio.timeout(WAIT):  # K08: the library validates the schedule
                composite = await csms.call(
                    call.GetCompositeSchedule(duration=300, evse_id=1, charging_rate_unit="W")
                )
            assert composite.status == "Accepted"
            assert composite.schedule["charging_schedule_period"][0]["limit"] == LIMIT_W

            async with asyncio.timeout(WAIT):
                stopped = await csms.call(call.RequestStopTransaction(transaction_id=tx_id))
            assert stopped.status == "Accepted"
            await csms.wait(lambda: csms.events[-1]["event_type"] == "Ended")
            ended = csms.events[-1]
            assert ended["transaction_info"]["stopped_reason"] == "Remote"
            assert ended["trigger_reason"] == "RemoteStop"
            assert [e["seq_no"] for e in csms.events] == list(range(len(csms.events)))
            await sim.disconnect()
        recorder.assert_all_valid()


async def test_an_iso_15118_ev_answers_an_ocpp_library_csms_tx_profile() -> None:
    """K15 with an independent CSMS (the library validates each message against the official
    schemas): the EV's needs, a TxProfile in W, the schedule the EV chose, capped to it."""
    async with asyncio.timeout(30):
        async with library_csms() as (port, stations):
            sim = ChargerSimulator(
                "CP-15118",
                f"ws://127.0.0.1:{port}/",
                seed=3,
                sample_interval=0.2,
                station_type="DC",
                ev="compact",
                ev_charging_needs=True,
            )
            recorder = FrameRecorder()
            sim.frame_observers.append(recorder)
            await sim.connect(timeout=WAIT)
            csms = stations[0]
            await sim.start_transaction(1)
            await csms.wait(lambda: bool(csms.needs) and bool(csms.events))
            dc = csms.needs[0]["charging_needs"]["dc_charging_parameters"]
            assert dc["ev_max_power"] == 50_000
            tx_id = csms.events[0]["transaction_info"]["transaction_id"]
            for limit in (20_000.0, 80_000.0):  # the second is more than the EV takes (K17)
                async with asyncio.timeout(WAIT):
                    answer = await csms.call(
                        call.SetChargingProfile(
                            evse_id=1,
                            charging_profile={
                                "id": 9,
                                "stack_level": 0,
                                "charging_profile_purpose": "TxProfile",
                                "charging_profile_kind": "Relative",
                                "transaction_id": tx_id,
                                "charging_schedule": [
                                    {
                                        "id": 4,
                                        "charging_rate_unit": "W",
                                        "charging_schedule_period": [
                                            {"start_period": 0, "limit": limit}
                                        ],
                                    }
                                ],
                            },
                        )
                    )
                assert answer.status == "Accepted"
            await csms.wait(lambda: len(csms.schedules) == 2)
            await sim.disconnect()
        chosen = [s["charging_schedule"] for s in csms.schedules]
        assert [c["id"] for c in chosen] == [4, 4]
        assert [c["charging_schedule_period"][0]["limit"] for c in chosen] == [20_000, 50_000]
        recorder.assert_all_valid()
