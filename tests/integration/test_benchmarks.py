"""The benchmarks in bench/ still run: each one, tiny, as a user starts it (the figures of such
short runs mean nothing; only that every step runs and prints its report)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def bench(script: str, *args: str, timeout: float = 120) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_bench_protocol_prints_each_action() -> None:
    out = bench("bench_protocol.py")
    for action in ("Heartbeat", "BootNotification", "TransactionEvent"):
        assert action in out


def test_bench_stations_compares_against_bare_websockets() -> None:
    out = bench(
        "bench_stations.py", "--stations", "5", "--pace", "0.05", "--rounds", "3", "--messages", "5"
    )
    assert "ocppkit / baseline: memory per station x" in out
    assert "seed targets: >= 100 stations (5 run)" in out


def test_bench_fleet_measures_idle_and_charging_stations() -> None:
    out = bench(
        "bench_fleet.py",
        "--count",
        "10",
        "--window",
        "1",
        "--heartbeat",
        "1",
        "--sample-interval",
        "1",
    )
    assert "memory per station (KiB)" in out
    assert "CPU s / 1,000 stations / min" in out


@pytest.mark.timeout(240)
def test_bench_persistence_reports_every_backend_and_where_the_cpu_went() -> None:
    # 1,000 events per flood: enough CPU for /proc's 10 ms ticks to count the loop's share
    out = bench(
        "bench_persistence.py",
        "--stations",
        "5",
        "--messages",
        "200",
        "--repeat",
        "1",
        "--floor",
        timeout=200,
    )
    lines = {
        line.split()[0] + (" (floor)" if "(floor)" in line else ""): line.split()
        for line in out.splitlines()
        if line.startswith(("in-memory", "sqlite", "postgres"))
    }
    assert set(lines) == {"in-memory", "sqlite", "sqlite (floor)", "postgresql"}, out
    in_memory = lines["in-memory"]
    assert in_memory[2] == in_memory[4] == "1.00x"
    client, loop, _db, pg = (float(v) for v in in_memory[-4:])
    assert client > 0 and loop > 0 and pg == 0  # measured; no PostgreSQL in memory
    assert float(lines["postgresql"][-1]) > 0  # PostgreSQL's own processes, measured
    assert "worst slowdown against in-memory:" in out
