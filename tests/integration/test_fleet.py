"""Fleets against ocppkit's CSMS over real sockets on 127.0.0.1: scenario runs, the control
API over HTTP, and the ``ocppkit fleet`` command."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_simulator_support import WAIT, bounded

from ocppkit.api.server import ApiServer
from ocppkit.csms import OCPPServer
from ocppkit.simulator.fleet import Fleet, FleetOptions, parse_scenario
from ocppkit.simulator.fleet.control import create_control_app

ROOT = Path(__file__).resolve().parents[2]
QUICK = {
    "seed": 5,
    "sample_interval": 0.3,
    "arrivals": {"mean_s": 0.4},
    "dwell": {"distribution": "fixed", "mean_min": 0.02, "min_min": 0},
}


@asynccontextmanager
async def csms() -> AsyncIterator[OCPPServer]:
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=60)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def until(condition: Any, within: float = WAIT) -> None:
    """Wait until ``condition()`` is true, at most ``within`` seconds."""
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 (polling state owned by other objects)
            await asyncio.sleep(0.02)


@bounded
async def test_twenty_stations_charge_and_the_report_adds_up() -> None:
    async with csms() as server:
        options = FleetOptions(
            f"ws://127.0.0.1:{server.port}", 20, parse_scenario(QUICK), ramp_up=0.5
        )
        fleet = Fleet(options)
        await fleet.start()
        async with asyncio.timeout(WAIT):
            await fleet.wait_ramped()
        assert all(sim.connected for sim in fleet.sims)
        assert len(server.list_chargers()) == 20
        await until(lambda: fleet.stats.sessions_completed >= 5)
        report = await fleet.stop()
    assert report.stations == 20 and report.stations_online_at_end == 20
    assert report.failed_connects == 0 and report.call_errors == 0 and report.errors == 0
    assert report.sessions_started >= 5
    # the stop ends the rest: cut short, not completed
    assert report.sessions_completed + report.sessions_cut_short == report.sessions_started
    assert report.sessions_completed >= 5
    assert report.energy_kwh > 0
    assert report.messages_in >= report.messages_out > 20 * 2  # boot + status at least
    assert report.wall_time_s > 0.5


@asynccontextmanager
async def controlled(
    count: int = 3, **scenario: Any
) -> AsyncIterator[tuple[OCPPServer, Fleet, httpx.AsyncClient]]:
    async with csms() as server:
        data = {"seed": 1, "sample_interval": 0.2, **scenario}
        options = FleetOptions(
            f"ws://127.0.0.1:{server.port}", count, parse_scenario(data), random_events=False
        )
        fleet = Fleet(options)
        await fleet.start()
        await fleet.wait_ramped()
        api = ApiServer(create_control_app(fleet), "127.0.0.1", 0)
        await api.start()
        try:
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{api.port}", timeout=WAIT
            ) as client:
                yield server, fleet, client
        finally:
            await api.stop()
            await fleet.stop()


@bounded
async def test_control_api_lists_pages_and_reports_errors_as_json() -> None:
    async with controlled(count=3) as (_, _fleet, client):
        page = (await client.get("/stations", params={"offset": 1, "limit": 1})).json()
        assert page["total"] == 3 and page["offset"] == 1 and len(page["items"]) == 1
        assert page["items"][0]["id"] == "FLEET-00002" and page["items"][0]["online"]
        one = (await client.get("/stations/FLEET-00001")).json()
        assert one["evses"][0]["status"] == "Available" and one["faults"] == []
        missing = await client.get("/stations/NOPE")
        assert missing.status_code == 404 and missing.json()["code"] == "station_not_found"
        bad = await client.post("/stations/FLEET-00001/plug", json={"evse_id": 0})
        assert bad.status_code == 422 and bad.json()["code"] == "invalid_body"
        assert "evse_id" in bad.json()["detail"]
        extra = await client.post("/stations/FLEET-00001/fault", json={"kind": "fire"})
        assert extra.status_code == 422
        no_evse = await client.post("/stations/FLEET-00001/plug", json={"evse_id": 9})
        assert no_evse.status_code == 422 and no_evse.json()["code"] == "unknown_evse"
        summary = (await client.get("/summary")).json()
        assert summary["online"] == 3 and summary["total"] == 3
        spec = (await client.get("/openapi.json")).json()
        assert "/stations/{station_id}/fault" in spec["paths"]
        assert spec["components"]["schemas"]["FaultBody"]["examples"]


async def charge(client: httpx.AsyncClient, station: str, token: str = "RFID-7") -> str:
    """Plug an EV into EVSE 1 and, if that alone starts no transaction (the simulator waits
    for a driver: TxStartPoint), present a token; return the transaction id."""
    plugged = await client.post(f"/stations/{station}/plug", json={"evse_id": 1})
    assert plugged.status_code == 200, plugged.text
    tx = plugged.json()["evses"][0]["transaction_id"]
    if tx is None:
        shown = await client.post(
            f"/stations/{station}/token", json={"id_token": token, "evse_id": 1}
        )
        assert shown.status_code == 200, shown.text
        tx = shown.json()["evses"][0]["transaction_id"]
    assert tx
    return str(tx)


@bounded
async def test_plug_token_unplug_drive_transactions_the_csms_sees() -> None:
    async with controlled(count=2) as (server, fleet, client):
        tx = await charge(client, "FLEET-00001")

        def csms_transaction() -> object:
            status = server.get_charger_status("FLEET-00001") or {}
            return (status.get("transaction") or {}).get("transaction_id")

        await until(lambda: csms_transaction() == tx)
        busy = await client.post("/stations/FLEET-00001/plug", json={"evse_id": 1})
        assert busy.status_code == 409 and busy.json()["code"] == "invalid_state"
        assert await charge(client, "FLEET-00002", "RFID-8")
        unplugged = await client.post("/stations/FLEET-00001/unplug", json={"evse_id": 1})
        assert unplugged.status_code == 200
        assert unplugged.json()["evses"][0]["transaction_id"] is None
        again = await client.post("/stations/FLEET-00001/unplug", json={"evse_id": 1})
        assert again.status_code == 409
        assert fleet.stats.sessions_started == 2 and fleet.stats.sessions_completed == 1


@bounded
async def test_connector_fault_and_meter_freeze_are_real() -> None:
    async with controlled(count=1) as (server, fleet, client):
        url = "/stations/FLEET-00001"
        sim = fleet.sims[0]
        faulted = await client.post(f"{url}/fault", json={"kind": "connector", "evse_id": 1})
        assert faulted.status_code == 200
        assert faulted.json()["evses"][0]["status"] == "Faulted"
        assert faulted.json()["faults"] == [{"kind": "connector", "evse_id": 1, "active": True}]
        plugged = await client.post(f"{url}/plug", json={"evse_id": 1})  # no charge here
        if plugged.status_code == 200:  # the EV may plug in, but nothing starts
            assert plugged.json()["evses"][0]["transaction_id"] is None
            assert plugged.json()["evses"][0]["status"] == "Faulted"
            assert (await client.post(f"{url}/unplug", json={"evse_id": 1})).status_code == 200
        else:
            assert plugged.status_code == 409
        cleared = await client.post(
            f"{url}/fault", json={"kind": "connector", "evse_id": 1, "active": False}
        )
        assert cleared.json()["evses"][0]["status"] == "Available"
        assert cleared.json()["faults"] == []
        await charge(client, "FLEET-00001")
        await until(lambda: sim.power_w > 0)
        await client.post(f"{url}/fault", json={"kind": "meter_freeze", "evse_id": 1})
        frozen_at = sim.energy_wh
        await asyncio.sleep(0.5)  # two samples go out meanwhile
        assert sim.energy_wh == frozen_at and sim.power_w == 0
        await client.post(
            f"{url}/fault", json={"kind": "meter_freeze", "evse_id": 1, "active": False}
        )
        await until(lambda: sim.energy_wh > frozen_at and sim.power_w > 0)
        assert server.get_charger_status("FLEET-00001") is not None


@bounded
async def test_network_drop_reconnects_and_csms_reset_reboots() -> None:
    async with controlled(count=1) as (_, fleet, client):
        sim = fleet.sims[0]
        frames: list[str] = []
        sim.frame_observers.append(lambda direction, text: frames.append(text))
        dropped = await client.post("/stations/FLEET-00001/fault", json={"kind": "network_drop"})
        assert dropped.status_code == 200 and dropped.json()["faults"] == []
        await until(lambda: not sim.connected, within=2)
        await until(lambda: sim.connected)
        assert not any('"BootNotification"' in f for f in frames)  # a reconnect, not a boot
        reset = await client.post("/stations/FLEET-00001/fault", json={"kind": "csms_reset"})
        assert reset.status_code == 200
        await until(lambda: any('"RemoteReset"' in f for f in frames))
        await until(lambda: sim.connected)


@bounded
async def test_stop_and_start_power_a_station_off_and_on() -> None:
    async with controlled(count=1) as (_, _fleet, client):
        url = "/stations/FLEET-00001"
        assert (await client.post(f"{url}/start")).json()["code"] == "already_connected"
        stopped = await client.post(f"{url}/stop")
        assert stopped.status_code == 200 and not stopped.json()["online"]
        offline = await client.post(f"{url}/plug", json={"evse_id": 1})
        assert offline.status_code == 409 and offline.json()["code"] == "station_not_connected"
        started = await client.post(f"{url}/start")
        assert started.status_code == 200 and started.json()["online"]


def run_cli(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OCPP_")}
    return subprocess.run(
        [sys.executable, "-m", "ocppkit.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@bounded
async def test_fleet_command_runs_and_prints_the_report(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    async with csms() as server:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "ocppkit.cli",
            "fleet",
            "--count",
            "5",
            "--duration",
            "3",
            "--url",
            f"ws://127.0.0.1:{server.port}",
            "--report",
            str(report_file),
            "--seed",
            "2",
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 15)
    assert process.returncode == 0, err.decode()
    assert "fleet report" in out.decode() and "stations           5 (5 online" in out.decode()
    report = json.loads(report_file.read_text())
    assert report["stations"] == 5 and report["failed_connects"] == 0


def test_fleet_command_refuses_a_bad_scenario_with_status_2(tmp_path: Path) -> None:
    scenario = tmp_path / "bad.toml"
    scenario.write_text("[arrivals]\nmean_s = 0\n", encoding="utf-8")
    result = run_cli(["fleet", "--scenario", str(scenario), "--url", "ws://127.0.0.1:9"])
    assert result.returncode == 2
    assert "arrivals.mean_s: 0 is not allowed; expected a number above 0" in result.stderr


def test_fleet_help_says_toml() -> None:
    result = run_cli(["fleet", "--help"])
    assert result.returncode == 0 and "TOML" in result.stdout and "--control-port" in result.stdout


@pytest.mark.parametrize("command", ["charger", "fleet"])
def test_tls_files_need_a_wss_url(command: str, tmp_path: Path) -> None:
    result = run_cli([command, "--url", "ws://127.0.0.1:9", "--ca-file", str(tmp_path / "ca")])
    assert result.returncode == 2 and "need a wss:// --url" in result.stderr


@bounded
async def test_the_scenarios_ev_mix_is_what_plugs_in() -> None:
    scenario = {
        **QUICK,
        "ev_models": [
            {"name": "city", "battery_kwh": 30, "max_ac_kw": 3.7, "share": 1},
            {"name": "tourer", "battery_kwh": 90, "max_ac_kw": 22, "share": 1},
        ],
    }
    seen: set[str] = set()

    def cars_seen() -> bool:
        for sim in fleet.sims:
            for evse in sim.evses.values():
                if evse.meter.ev is not None:
                    seen.add(evse.meter.ev.model.name)
        return seen == {"city", "tourer"}

    async with csms() as server:
        options = FleetOptions(f"ws://127.0.0.1:{server.port}", 6, parse_scenario(scenario))
        fleet = Fleet(options)
        await fleet.start()
        await until(cars_seen)
        report = await fleet.stop()
    assert report.errors == 0 and report.sessions_started >= 2


@bounded
async def test_an_iso15118_dc_station_type_runs_k15_at_full_dc_power() -> None:
    """A scenario's `iso15118 = true` DC type against a CSMS capping EVs at 20 kW: its EVs send
    their needs, get the TxProfile and answer with a 20 kW schedule (the DC rating is not cut
    to 16 A at 230 V by AC defaults, which would have left about 6 kW)."""
    from ocppkit.csms import ev_max_power_policy

    scenario = {
        **QUICK,
        "station_types": [{"name": "DC-15118", "station_type": "DC", "iso15118": True}],
    }
    async with csms() as server:
        server.ev_charging_needs_policy = ev_max_power_policy(20_000)
        fleet = Fleet(FleetOptions(f"ws://127.0.0.1:{server.port}", 2, parse_scenario(scenario)))
        await fleet.start()
        first = fleet.sims[0].charger_id
        await until(lambda: bool(server.station_objects(first, "ev_charging_schedule")))
        (chosen,) = server.station_objects(first, "ev_charging_schedule")
        report = await fleet.stop()
    periods = chosen["payload"]["chargingSchedule"]["chargingSchedulePeriod"]
    assert periods[0]["limit"] == 20_000
    assert report.errors == 0
