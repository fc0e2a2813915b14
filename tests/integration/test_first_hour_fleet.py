"""`ocppkit fleet` as a newcomer meets it (issue 14, points 3-5): --duration holds while no
station gets online, failed connects count from the first one and such a run exits 1; the report
tells completed sessions from those the end cut short, and can be an HTML page with plots; on a
terminal, log lines do not collide with the live summary line."""

from __future__ import annotations

import asyncio
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from test_simulator_support import WAIT, bounded

from ocppkit.csms import OCPPServer
from ocppkit.simulator.fleet import Fleet, FleetOptions, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
FLEET = [sys.executable, "-m", "ocppkit", "fleet", "--url", "ws://127.0.0.1:1"]  # nobody there
QUICK = {
    "seed": 5,
    "sample_interval": 0.3,
    "arrivals": {"mean_s": 0.4},
    "dwell": {"distribution": "fixed", "mean_min": 0.02, "min_min": 0},
}


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("OCPP_", "OCPPKIT_"))}


@asynccontextmanager
async def csms() -> AsyncIterator[OCPPServer]:
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=60)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def test_a_fleet_that_never_connects_keeps_its_duration_and_exits_1(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    began = time.monotonic()
    result = subprocess.run(
        [*FLEET, "--count", "3", "--duration", "4", "--report", str(report_file)],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    took = time.monotonic() - began
    assert result.returncode == 1, result.stderr
    assert took < 25, took  # 4 s and the interpreter's start-up, not the 60 s connect timeout
    report = json.loads(report_file.read_text())
    assert report["stations_never_online"] == 3 and report["stations_online_at_end"] == 0
    assert report["failed_connects"] >= 3  # each station's first refusal counts
    assert report["errors"] == report["failed_connects"]
    assert "3 never online" in result.stdout
    assert "connect problem    nothing listens on 127.0.0.1:1" in result.stdout
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ocppkit: no station of the fleet was online at the end: nothing")


@bounded
async def test_sessions_still_running_at_the_end_are_cut_short_not_completed() -> None:
    long_stay = {**QUICK, "dwell": {"distribution": "fixed", "mean_min": 30}}
    async with csms() as server:
        fleet = Fleet(FleetOptions(f"ws://127.0.0.1:{server.port}", 4, parse_scenario(long_stay)))
        await fleet.start()
        async with asyncio.timeout(WAIT):
            while fleet.stats.sessions_started < 3:  # noqa: ASYNC110 (the fleet's counters)
                await asyncio.sleep(0.02)
        report = await fleet.stop()
    assert report.sessions_completed == 0
    assert report.sessions_cut_short == report.sessions_started >= 3
    assert "0 completed, " in report.text() and " cut short by the end of the run" in report.text()
    assert len(report.record.cut_short_energy_kwh) == report.sessions_cut_short


@bounded
async def test_the_html_report_is_self_contained_and_plots_the_run(tmp_path: Path) -> None:
    scenario = tmp_path / "quick.toml"
    scenario.write_text(
        "seed = 5\nsample_interval = 0.3\n[arrivals]\nmean_s = 0.4\n"
        '[dwell]\ndistribution = "fixed"\nmean_min = 0.02\nmin_min = 0\n',
        encoding="utf-8",
    )
    html_file, json_file = tmp_path / "report.html", tmp_path / "report.json"
    async with csms() as server:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "ocppkit",
            "fleet",
            "--count",
            "5",
            "--duration",
            "5",
            "--url",
            f"ws://127.0.0.1:{server.port}",
            "--scenario",
            str(scenario),
            "--report",
            str(json_file),
            "--report-html",
            str(html_file),
            cwd=ROOT,
            env=env(),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _out, err = await asyncio.wait_for(process.communicate(), 18)
    assert process.returncode == 0, err.decode()
    report = json.loads(json_file.read_text())
    assert report["reply_latency_ms"]["BootNotification"]["count"] == 5
    assert report["sessions_completed"] > 0
    page = html_file.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # self-contained: no script, and nothing fetched (the only URL is SVG's namespace)
    assert "<script" not in page and "<link" not in page
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}
    for title in ("Stations online", "Total power", "Completed sessions ("):
        assert f">{title}" in page, title
    assert "BootNotification: reply latency (5 replies sampled)" in page
    assert page.count("<svg") >= 4 and "<polyline" in page and "<rect" in page


def _read_pty(fd: int, process: subprocess.Popen[bytes], within: float) -> bytes:
    out = b""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif process.poll() is not None:
            break
    return out


def test_on_a_terminal_log_lines_stay_clear_of_the_live_summary() -> None:
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*FLEET, "--count", "2", "--duration", "5"],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    try:
        screen = _read_pty(leader, process, 40).decode("utf-8", "replace")
        process.wait(timeout=10)
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    assert "online 0/2" in screen, screen  # the live summary was drawn
    lines = screen.replace("\r\n", "\n").split("\n")
    logged = [line for line in lines if " - ocppkit." in line]
    assert len(logged) >= 2, screen
    for line in logged:
        # what is left on the terminal's line: the part after the last "erase line"
        shown = line.split("\x1b[2K")[-1].lstrip("\r")
        assert re.match(r"\d{4}-\d\d-\d\d ", shown), repr(line)
    # the live line is drawn again below a log line
    after_log = [lines[i + 1] for i, line in enumerate(lines[:-1]) if " - ocppkit." in line]
    assert any("online 0/2" in line for line in after_log), screen


@bounded
async def test_fleet_stations_say_what_they_are() -> None:
    scenario = parse_scenario(
        {
            "station_types": [
                {"name": "fast", "station_type": "DC"},
                {"name": "street", "phases": 3, "max_current": 32},
                {"name": "own", "vendor": "Acme Charging", "model": "Acme One"},
            ],
            "arrivals": {"distribution": "none"},
        }
    )
    async with csms() as server:
        fleet = Fleet(FleetOptions(f"ws://127.0.0.1:{server.port}", 3, scenario))
        await fleet.start()
        async with asyncio.timeout(WAIT):
            await fleet.wait_ramped()
        boots = {}
        for station in fleet.stations.values():
            status = server.get_charger_status(station.sim.charger_id)
            assert status is not None
            boots[station.kind.name] = status["boot"]
        await fleet.stop()
    assert (boots["fast"]["vendor"], boots["fast"]["model"]) == (
        "Northwind Charging Systems",
        "Northwind Rapid 150",
    )
    assert boots["street"]["model"] == "Voltaro City 22"
    assert (boots["own"]["vendor"], boots["own"]["model"]) == ("Acme Charging", "Acme One")
    serials = {boot["serial_number"] for boot in boots.values()}
    assert len(serials) == 3 and all(boot["firmware_version"] for boot in boots.values())
