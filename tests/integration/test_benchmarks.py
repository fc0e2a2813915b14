"""The benchmarks in bench/ still run: each one, tiny, as a user starts it (the figures of such
short runs mean nothing; only that every step runs and prints its report). The side-by-side
benchmark's quick mode (bench/compare.py --quick) runs as CI's guard against a large regression of
the ocppkit / floor ratio; its checks (reply schemas, the guard itself) are tested directly."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import compare  # noqa: E402  (bench/ is not a package)
import mixes  # noqa: E402


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


def test_compare_quick_mode_measures_both_servers_and_holds_the_guard(tmp_path: Path) -> None:
    # the CI guard: fails only when ocppkit/floor falls below half its baseline in every round
    out = bench("compare.py", "--quick", "--json", str(tmp_path / "quick.json"), timeout=110)
    doc = json.loads((tmp_path / "quick.json").read_text())
    assert doc["failures"] == [], out
    runs = doc["runs"]["heartbeat"]
    assert set(runs) == {"floor", "ocppkit"}
    for name, results in runs.items():
        assert len(results) == 2, name  # two interleaved rounds
        for r in results:
            assert r["booted"] == r["stations"] == 50, (name, r["error_kinds"])
            assert r["overall"]["calls_per_s"] > 0 and r["overall"]["p99"] > 0
            assert r["server_cpu_cores"] > 0 and r["rss_idle_kib"] > 0
            assert r["replies_validated_in_full"] >= 2  # BootNotification and Heartbeat shapes
    assert "heartbeat: 50 stations, 2 round(s)" in out
    assert "Heartbeat ocppkit/floor >= 0.60" in out


def _run(calls_per_s: float, **errors: int) -> dict:
    return {"overall": {"calls_per_s": calls_per_s}, "error_kinds": dict(errors)}


def test_the_quick_guard_fails_on_a_large_ratio_regression_or_a_wrong_reply() -> None:
    baseline = compare.QUICK_BASELINE["heartbeat"]
    floor = [_run(10_000), _run(10_000)]
    fine = {"floor": floor, "ocppkit": [_run(10_000 * baseline / 3), _run(10_000 * baseline)]}
    assert compare.quick_guard({"heartbeat": fine}) == []  # one good round is enough
    slow = {"floor": floor, "ocppkit": [_run(10_000 * baseline / 3)] * 2}
    assert "below half the baseline" in compare.quick_guard({"heartbeat": slow})[0]
    wrong = {"floor": floor, "ocppkit": [_run(10_000, **{"schema: Heartbeat: x": 1})] * 2}
    assert "schema" in compare.quick_guard({"heartbeat": wrong})[0]
    timeouts = {"floor": floor, "ocppkit": [_run(10_000, timeout=3)] * 2}
    assert compare.quick_guard({"heartbeat": timeouts}) == []  # load, not a wrong reply


def test_the_load_generator_sends_valid_requests_and_checks_every_reply() -> None:
    assert mixes.check_requests() == []
    checker = mixes.ReplyChecker()
    assert checker.check("Heartbeat", {"currentTime": "2026-01-01T00:00:00.000Z"}) is None
    assert checker.check("Heartbeat", {"currentTime": "2026-01-01T00:00:01.000Z"}) is None
    assert checker.validated == 1  # one shape, validated once; the time checked each time
    assert checker.check("Heartbeat", {"currentTime": "soon"}) is not None
    assert checker.check("Heartbeat", {}) is not None  # currentTime is required
    assert checker.check("Authorize", {"idTokenInfo": {"status": "Maybe"}}) is not None
    assert checker.check("Authorize", {"idTokenInfo": {"status": "Accepted"}}) is None
    assert checker.check("BootNotification", {"status": "Accepted"}) is not None


@pytest.mark.parametrize("server", ["floor.py", "ocpp_lib.py"])
def test_the_load_generator_runs_the_tx_mix_and_a_fairness_mix_error_free(server: str) -> None:
    port = compare.free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "servers" / server), "--port", str(port)]
    )
    try:
        deadline = time.monotonic() + 30
        while not compare._listening(port):
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        for scenario in ("txmix", "fairness"):
            out = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "bench" / "loadgen.py"),
                    *f"--url ws://127.0.0.1:{port} --scenario {scenario} --stations 4".split(),
                    *"--idle 6 --idle-interval 0.5 --duration 1.5 --warmup 0.2".split(),
                    *"--ramp 0.2 --drain 0.5".split(),
                ],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert out.returncode == 0, out.stderr
            result = json.loads(out.stdout.splitlines()[-1])
            assert result["errors"] == 0, result["error_kinds"]
            assert result["booted"] == result["stations"]
            for name, group in result["groups"].items():
                assert group["count"] > 0, (scenario, name)
    finally:
        proc.terminate()
        proc.wait(10)
