"""Interop: a charging station written with the mobilityhouse ``ocpp`` library (which validates
every frame against the official schemas itself) against our CSMS over a real socket."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result
from websockets.asyncio.client import connect
from wire import FrameRecorder

from ocppkit.csms import OCPPError, OCPPServer, ev_max_power_policy
from ocppkit.csms.sites import Site

WAIT = 5.0
NOW = "2025-01-02T03:04:05Z"


class LibStation(ChargePoint):  # type: ignore[misc]
    """A station on the ``ocpp`` library that accepts remote starts and stops."""

    def __init__(self, station_id: str, connection: Any) -> None:
        super().__init__(station_id, connection, response_timeout=WAIT)
        self.remote_starts: list[dict[str, Any]] = []
        self.remote_stops: list[str] = []
        self.profiles: list[tuple[int, dict[str, Any]]] = []
        self.profile_set = asyncio.Event()

    @on("RequestStartTransaction")
    async def on_request_start_transaction(
        self, id_token: dict[str, Any], remote_start_id: int, **kwargs: Any
    ) -> call_result.RequestStartTransaction:
        self.remote_starts.append(
            {"id_token": id_token, "remote_start_id": remote_start_id, **kwargs}
        )
        return call_result.RequestStartTransaction(status="Accepted")

    @on("RequestStopTransaction")
    async def on_request_stop_transaction(
        self, transaction_id: str, **kwargs: Any
    ) -> call_result.RequestStopTransaction:
        self.remote_stops.append(transaction_id)
        return call_result.RequestStopTransaction(status="Accepted")

    @on("SetChargingProfile")
    async def on_set_charging_profile(
        self, evse_id: int, charging_profile: dict[str, Any], **kwargs: Any
    ) -> call_result.SetChargingProfile:
        self.profiles.append((evse_id, charging_profile))
        self.profile_set.set()
        return call_result.SetChargingProfile(status="Accepted")


def sample(value: float, measurand: str, unit: str, context: str) -> dict[str, Any]:
    return {
        "value": value,
        "measurand": measurand,
        "context": context,
        "unit_of_measure": {"unit": unit},
    }


def tx_event(event_type: str, seq_no: int, reason: str, **extra: Any) -> call.TransactionEvent:
    return call.TransactionEvent(
        event_type=event_type, timestamp=NOW, trigger_reason=reason, seq_no=seq_no, **extra
    )


@pytest.fixture
async def csms_and_recorder() -> AsyncIterator[tuple[OCPPServer, FrameRecorder]]:
    server = OCPPServer("127.0.0.1", 0, authorized_tokens=["04A1B2C3"], call_timeout=WAIT)
    recorder = FrameRecorder()
    server.add_frame_observer(lambda _station, direction, text: recorder(direction, text))
    async with asyncio.timeout(WAIT):
        await server.start()
    yield server, recorder
    async with asyncio.timeout(WAIT):
        await server.stop()


@pytest.fixture
async def lib_station(
    csms_and_recorder: tuple[OCPPServer, FrameRecorder],
) -> AsyncIterator[LibStation]:
    server, _ = csms_and_recorder
    async with asyncio.timeout(WAIT):
        ws = await connect(f"ws://127.0.0.1:{server.port}/LIB-CP-1", subprotocols=["ocpp2.0.1"])  # type: ignore[list-item]
    station = LibStation("LIB-CP-1", ws)
    reader = asyncio.create_task(station.start())
    yield station
    reader.cancel()
    async with asyncio.timeout(WAIT):
        await asyncio.gather(reader, return_exceptions=True)
        await ws.close()


async def test_ocpp_library_station_runs_a_transaction(
    csms_and_recorder: tuple[OCPPServer, FrameRecorder], lib_station: LibStation
) -> None:
    server, recorder = csms_and_recorder
    async with asyncio.timeout(WAIT):
        boot = await lib_station.call(
            call.BootNotification(
                charging_station={
                    "vendor_name": "Mobility",
                    "model": "LibCP",
                    "firmware_version": "2.1.0",
                },
                reason="PowerUp",
            )
        )
        heartbeat = await lib_station.call(call.Heartbeat())
        await lib_station.call(
            call.StatusNotification(
                timestamp=NOW, connector_status="Occupied", evse_id=1, connector_id=1
            )
        )
        token = {"id_token": "04A1B2C3", "type": "ISO14443"}
        authorized = await lib_station.call(call.Authorize(id_token=token))
        started = await lib_station.call(
            tx_event(
                "Started",
                0,
                "Authorized",
                transaction_info={"transaction_id": "LIB-TX-1"},
                id_token=token,
                evse={"id": 1, "connector_id": 1},
                meter_value=[
                    {
                        "timestamp": NOW,
                        "sampled_value": [
                            sample(
                                12.0, "Energy.Active.Import.Register", "kWh", "Transaction.Begin"
                            )
                        ],
                    }
                ],
            )
        )
        await lib_station.call(
            tx_event(
                "Updated",
                1,
                "MeterValuePeriodic",
                transaction_info={"transaction_id": "LIB-TX-1", "charging_state": "Charging"},
                meter_value=[
                    {
                        "timestamp": NOW,
                        "sampled_value": [
                            sample(
                                12.75, "Energy.Active.Import.Register", "kWh", "Sample.Periodic"
                            ),
                            sample(11000, "Power.Active.Import", "W", "Sample.Periodic"),
                        ],
                    }
                ],
            )
        )
        status = server.get_charger_status("LIB-CP-1")
        await lib_station.call(
            tx_event(
                "Ended",
                2,
                "EVCommunicationLost",
                transaction_info={"transaction_id": "LIB-TX-1", "stopped_reason": "EVDisconnected"},
                meter_value=[
                    {
                        "timestamp": NOW,
                        "sampled_value": [
                            sample(13.0, "Energy.Active.Import.Register", "kWh", "Transaction.End")
                        ],
                    }
                ],
            )
        )
    assert boot.status == "Accepted" and boot.interval == 30
    assert heartbeat.current_time.endswith("Z")
    assert authorized.id_token_info["status"] == "Accepted"
    assert started.id_token_info["status"] == "Accepted"
    assert status is not None and status["boot"]["model"] == "LibCP"
    assert status["transaction"]["energy_kwh"] == pytest.approx(0.75)
    assert status["transaction"]["power_w"] == pytest.approx(11000)
    tx = server.get_transaction("LIB-TX-1")
    assert tx is not None and tx["energy_kwh"] == pytest.approx(1.0) and not tx["active"]
    assert recorder.assert_all_valid() == 14  # 7 CALLs, 7 CALLRESULTs


async def test_csms_remote_starts_and_stops_on_ocpp_library_station(
    csms_and_recorder: tuple[OCPPServer, FrameRecorder], lib_station: LibStation
) -> None:
    server, recorder = csms_and_recorder
    async with asyncio.timeout(WAIT):
        await lib_station.call(
            call.BootNotification(
                charging_station={"vendor_name": "Mobility", "model": "LibCP"}, reason="PowerUp"
            )
        )
        started = await server.request_start_transaction("LIB-CP-1", 1, "DEMO_TOKEN", 42)
        await lib_station.call(
            tx_event(
                "Started",
                0,
                "RemoteStart",
                transaction_info={"transaction_id": "LIB-TX-2", "remote_start_id": 42},
                id_token={"id_token": "DEMO_TOKEN", "type": "Central"},
                evse={"id": 1},
            )
        )
        stopped = await server.request_stop_transaction("LIB-CP-1")
        # The library station has no GetTransactionStatus handler: its CALLERROR comes back.
        with pytest.raises(OCPPError) as refused:
            await server.call("LIB-CP-1", "GetTransactionStatus", {})
    assert started.status == "Accepted" and stopped.status == "Accepted"
    assert lib_station.remote_starts == [
        {
            "id_token": {"id_token": "DEMO_TOKEN", "type": "Central"},
            "remote_start_id": 42,
            "evse_id": 1,
        }
    ]
    assert lib_station.remote_stops == ["LIB-TX-2"]
    assert server.get_transaction("LIB-TX-2")["remote_start_id"] == 42  # type: ignore[index]
    assert refused.value.code in {"NotImplemented", "NotSupported"}
    recorder.assert_all_valid(allow_call_errors=True)


async def test_ev_needs_before_the_transaction_get_a_tx_profile_when_it_starts(
    csms_and_recorder: tuple[OCPPServer, FrameRecorder], lib_station: LibStation
) -> None:
    """K15 with an independent station: needs sent before TransactionEvent Started are answered
    Processing; the TxProfile (validated by the library) follows the Started event."""
    server, recorder = csms_and_recorder
    server.ev_charging_needs_policy = ev_max_power_policy(11_000, iter(range(40, 50)))
    async with asyncio.timeout(WAIT):
        await lib_station.call(
            call.BootNotification(
                charging_station={"model": "Lib", "vendor_name": "mobilityhouse"}, reason="PowerUp"
            )
        )
        needs = await lib_station.call(
            call.NotifyEVChargingNeeds(
                evse_id=1,
                charging_needs={
                    "requested_energy_transfer": "DC",
                    "dc_charging_parameters": {
                        "ev_max_current": 125,
                        "ev_max_voltage": 450,
                        "ev_max_power": 7_400,
                    },
                },
            )
        )
        assert needs.status == "Processing" and not lib_station.profiles
        await lib_station.call(
            tx_event(
                "Started",
                0,
                "CablePluggedIn",
                transaction_info={"transaction_id": "LIB-TX-1"},
                evse={"id": 1, "connector_id": 1},
            )
        )
        await lib_station.profile_set.wait()
    ((evse_id, profile),) = lib_station.profiles
    assert (evse_id, profile["charging_profile_purpose"], profile["transaction_id"]) == (
        1,
        "TxProfile",
        "LIB-TX-1",
    )
    assert profile["charging_schedule"][0]["charging_schedule_period"] == [
        {"start_period": 0, "limit": 7_400}
    ]  # the EV's maximum, under the policy's 11 kW
    recorder.assert_all_valid()


async def test_by_default_ev_needs_get_a_tx_profile_and_an_overreaching_schedule_is_rejected(
    csms_and_recorder: tuple[OCPPServer, FrameRecorder], lib_station: LibStation
) -> None:
    """K15 without any policy: the TxProfile comes from the limits the CSMS knows (here the
    EV's 11 kW, under the site share); K15.FR.12: the EV's 22 kW schedule is Rejected and
    K15.FR.13: a new TxProfile follows. A site's share reaches the station as its
    ChargingStationMaxProfile (K01), validated by the library."""
    server, recorder = csms_and_recorder
    async with asyncio.timeout(WAIT):
        await lib_station.call(
            call.BootNotification(
                charging_station={"model": "Lib", "vendor_name": "mobilityhouse"}, reason="PowerUp"
            )
        )
        await lib_station.call(
            tx_event(
                "Started",
                0,
                "CablePluggedIn",
                transaction_info={"transaction_id": "LIB-TX-9"},
                evse={"id": 1, "connector_id": 1},
            )
        )
        server.sites.put(Site("lib-site", 20_000, [lib_station.id]))
        while not lib_station.profiles:  # noqa: ASYNC110 (the share arrives as a CALL)
            await asyncio.sleep(0.02)
        ((evse_id, share),) = lib_station.profiles
        lib_station.profile_set.clear()
        needs = await lib_station.call(
            call.NotifyEVChargingNeeds(
                evse_id=1,
                charging_needs={
                    "requested_energy_transfer": "DC",
                    "dc_charging_parameters": {
                        "ev_max_current": 30,
                        "ev_max_voltage": 400,
                        "ev_max_power": 11_000,
                    },
                },
            )
        )
        await lib_station.profile_set.wait()
        lib_station.profile_set.clear()
        rejected = await lib_station.call(
            call.NotifyEVChargingSchedule(
                time_base="2025-01-02T03:04:05Z",
                evse_id=1,
                charging_schedule={
                    "id": 1,
                    "charging_rate_unit": "W",
                    "charging_schedule_period": [{"start_period": 0, "limit": 22_000}],
                },
            )
        )
        await lib_station.profile_set.wait()
    assert (evse_id, share["charging_profile_purpose"]) == (0, "ChargingStationMaxProfile")
    assert share["charging_schedule"][0]["charging_schedule_period"][0]["limit"] == 20_000
    assert needs.status == "Accepted" and rejected.status == "Rejected"
    tx_profiles = [p for _, p in lib_station.profiles[1:]]
    assert [p["charging_profile_purpose"] for p in tx_profiles] == ["TxProfile", "TxProfile"]
    assert all(p["transaction_id"] == "LIB-TX-9" for p in tx_profiles)
    assert tx_profiles[0]["charging_schedule"][0]["charging_schedule_period"] == [
        {"start_period": 0, "limit": 11_000}
    ]
    assert tx_profiles[1]["id"] == tx_profiles[0]["id"]  # K01.FR.05: replaced, not stacked
    recorder.assert_all_valid()
