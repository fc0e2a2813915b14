"""The side-by-side benchmark: ocppkit's CSMS against a minimal CSMS on the `ocpp` library and the
bare `websockets` floor, under the same load, in one run.

    .venv/bin/python bench/compare.py [--quick] [--rounds 3] [--scenarios heartbeat,txmix,...]
        [--servers floor,ocpp-lib,ocppkit,ocppkit-mem] [--json out.json]

Each measurement starts its server fresh (127.0.0.1, a free port), waits for it to listen (a
bounded loop), lets it settle, then runs bench/loadgen.py in its own process against it and
samples the server's /proc every 0.2 s: CPU (user+sys of all its threads, /proc/<pid>/stat) and
resident memory (VmRSS; VmHWM for the peak). Closed-loop scenarios run for --rounds rounds, the
servers interleaved within each round (A B C A B C ...); figures are the medians over rounds and
each ratio is the median of the per-round ratios to the floor (pairs measured seconds apart).
The large scenarios (realistic, bootstorm, fairness) run once per server.

It prints absolute figures, ratios and the issue's targets (PASS/FAIL/not run) and writes JSON.
--quick (CI): the floor and ocppkit only, Heartbeat, short; exits 1 only when a ratio falls below
half of its documented baseline (QUICK_BASELINE) in every round, or when a reply fails its
schema: a guard against large regressions, not a measurement.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PY = sys.executable
TICK = os.sysconf("SC_CLK_TCK")

# ocppkit / floor, calls per second, as measured in the issue (2 cores, 100 stations, SQLite file)
QUICK_BASELINE = {"heartbeat": 0.28}


def _ocppkit_bin() -> str:
    here = Path(PY).with_name("ocppkit")
    return str(here) if here.exists() else shutil.which("ocppkit") or "ocppkit"


def _cli_has_memory_option() -> bool:
    try:
        text = subprocess.run(
            [_ocppkit_bin(), "server", "--help"], capture_output=True, text=True, timeout=30
        ).stdout.lower()
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "'none'" in text or '"none"' in text or "none:" in text


def server_command(name: str, port: int, api_port: int) -> list[str]:
    addr = ["--host", "127.0.0.1", "--port", str(port)]
    if name == "floor":
        return [PY, str(BENCH / "servers" / "floor.py"), *addr]
    if name == "ocpp-lib":
        return [PY, str(BENCH / "servers" / "ocpp_lib.py"), *addr]
    # A closed-loop bench station sends hundreds of CALLs a second, far above any real station:
    # the per-station rate limit (50/s by default) and pending-CALL bound would measure
    # themselves, so they are off here, as in bench_persistence.py.
    kit = [*addr, "--api-port", str(api_port), "--message-rate", "0", "--max-pending-calls", "0"]
    if name == "ocppkit":  # its default SQLite file, ./ocppkit.db in the run's temp directory
        return [_ocppkit_bin(), "server", *kit]
    if name == "ocppkit-mem":
        if _cli_has_memory_option():
            return [_ocppkit_bin(), "server", *kit, "--database-url", "none"]
        return [PY, str(BENCH / "servers" / "ocppkit_memory.py"), *kit]
    raise ValueError(name)


SERVERS = ("floor", "ocpp-lib", "ocppkit", "ocppkit-mem")
QUICK = BIG = ("floor", "ocppkit")
OTHERS = ("floor", "ocpp-lib")  # not ocppkit: no REST API port, no ocppkit options


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_sample(pid: int) -> tuple[float, int, int]:
    """(CPU seconds user+sys, VmRSS KiB, VmHWM KiB) of a live process."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    rss = hwm = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith("VmHWM:"):
            hwm = int(line.split()[1])
    return cpu, rss, hwm


def _raise_fd_limit() -> None:
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


@dataclass
class Running:
    name: str
    proc: subprocess.Popen
    port: int
    folder: Path
    samples: list[tuple[float, float, int]] = field(default_factory=list)  # (t, cpu s, rss KiB)
    stop: threading.Event = field(default_factory=threading.Event)

    def sample_forever(self) -> None:
        while not self.stop.wait(0.2):
            with contextlib.suppress(OSError, ValueError, IndexError):
                cpu, rss, _ = proc_sample(self.proc.pid)
                self.samples.append((time.monotonic(), cpu, rss))

    def at(self, t: float) -> tuple[float, float, int]:
        """The sample nearest to monotonic time t."""
        return min(self.samples, key=lambda s: abs(s[0] - t))


@contextlib.contextmanager
def started(name: str, kit_args: Sequence[str] = (), ready_timeout: float = 60.0):  # type: ignore[no-untyped-def]
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    port, api_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OCPPKIT_", "OCPP_"))}
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen(
        server_command(name, port, api_port) + ([] if name in OTHERS else list(kit_args)),
        cwd=folder,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=_raise_fd_limit,
    )
    running = Running(name, proc, port, folder)
    try:
        deadline = time.monotonic() + ready_timeout
        ports = [port] if name in OTHERS else [port, api_port]
        while not all(_listening(p) for p in ports):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start: {(folder / 'server.log').read_text()}")
            time.sleep(0.05)
        time.sleep(1.0)  # let start-up work finish before the idle figures
        thread = threading.Thread(target=running.sample_forever, daemon=True)
        thread.start()
        yield running
        running.stop.set()
        thread.join(2)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def measure(name: str, loadgen_args: list[str], kit_args: Sequence[str] = ()) -> dict[str, Any]:
    """One server, fresh, under one load generator run: the load generator's result plus the
    server's CPU and memory."""
    with started(name, kit_args) as srv:
        cpu_start, idle_kib, _ = proc_sample(srv.proc.pid)
        cmd = [PY, str(BENCH / "loadgen.py"), "--url", f"ws://127.0.0.1:{srv.port}"]
        gen = subprocess.Popen(
            [*cmd, *loadgen_args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        events: dict[str, dict] = {}
        assert gen.stdout is not None
        for line in gen.stdout:
            event = json.loads(line)
            events[event["event"]] = event
        stderr = gen.stderr.read() if gen.stderr else ""
        if gen.wait(30) != 0 or "result" not in events:
            raise RuntimeError(f"loadgen against {name} failed: {stderr}")
        result = events["result"]
        start, end = events["window"]["start"], events["window"]["end"]
        _, cpu_booted, _ = srv.at(events["booted"]["at"])
        t0, cpu0, rss0 = srv.at(start)
        t1, cpu1, rss1 = srv.at(end)
        _, rss_now, hwm = proc_sample(srv.proc.pid)
    stations = result["booted"]  # the connected ones (all, unless some failed to boot)
    result.update(
        server=name,
        server_cpu_cores=(cpu1 - cpu0) / (t1 - t0) if t1 > t0 else None,
        server_cpu_boot_s=cpu_booted - cpu_start,  # connecting and booting every station
        rss_idle_kib=idle_kib,
        rss_window_start_kib=rss0,
        rss_window_end_kib=rss1,
        rss_after_kib=rss_now,
        rss_peak_kib=hwm,
        kib_per_station=(rss1 - idle_kib) / stations if stations else None,
        rss_growth_in_window=(rss1 - rss0) / rss0 if rss0 else None,
        loadgen_stderr=stderr.strip(),
    )
    return result


@dataclass(frozen=True)
class Scenario:
    name: str
    args: str  # loadgen.py's options
    servers: tuple[str, ...]
    rounds: bool  # repeated --rounds times, interleaved; else once per server
    kit_args: str = ""  # extra `ocppkit server` options


def scenarios(
    quick: bool, big: int = 10_000, minute: float = 60, procs: int = 1
) -> dict[str, Scenario]:
    """The standard set (``make bench``), or the --quick one; loadgen.py's options per scenario.
    ``big``: stations of the realistic and boot-storm runs (fairness: big / 5 idle ones);
    ``minute``: the realistic window (s); ``procs``: load generator processes of the closed-loop
    scenarios (heartbeat, txmix)."""
    if quick:
        short = "--stations 50 --duration 3 --warmup 1 --ramp 0.5 --drain 1"
        return {"heartbeat": Scenario("heartbeat", f"--scenario heartbeat {short}", QUICK, True)}
    closed = f"--stations 100 --duration 5 --warmup 1 --ramp 1 --drain 1 --procs {procs}"
    many = f"--stations {big} --procs 2"
    return {
        "heartbeat": Scenario("heartbeat", f"--scenario heartbeat {closed}", SERVERS, True),
        "txmix": Scenario("txmix", f"--scenario txmix {closed}", SERVERS, True),
        "realistic": Scenario(
            "realistic",
            f"--scenario realistic {many} --ramp {big / 500:g} --warmup 5 --duration {minute:g}"
            " --drain 2",
            BIG,
            False,
            "--heartbeat-interval 60",  # what the stations send: the interval the CSMS gives
        ),
        "bootstorm": Scenario(
            "bootstorm",
            f"--scenario bootstorm {many} --warmup 0 --duration 1 --drain 1",
            BIG,
            False,
        ),
        "fairness": Scenario(
            "fairness",
            f"--scenario fairness --stations 100 --idle {big // 5} --idle-interval 10 --ramp 5"
            " --warmup 2 --duration 20 --drain 2",
            BIG,
            False,
        ),
    }


def run_all(selected: list[Scenario], servers: list[str], rounds: int) -> dict[str, Any]:
    runs: dict[str, dict[str, list[dict]]] = {}
    for sc in selected:
        names = [s for s in sc.servers if s in servers]
        per = runs.setdefault(sc.name, {n: [] for n in names})
        for r in range(rounds if sc.rounds else 1):
            for name in names:
                print(f"  {sc.name} round {r + 1}: {name} ...", file=sys.stderr, flush=True)
                per[name].append(measure(name, sc.args.split(), sc.kit_args.split()))
    return runs


def _median(values: list[Any]) -> Any:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarize(runs: dict[str, dict[str, list[dict]]]) -> dict[str, dict[str, dict]]:
    """Per scenario and server: medians over rounds, and ratios to the floor in the same round."""
    out: dict[str, dict[str, dict]] = {}
    for scenario, per in runs.items():
        floor = per.get("floor", [])
        for name, results in per.items():
            o = {
                "rounds": len(results),
                "calls_per_s": _median([r["overall"]["calls_per_s"] for r in results]),
                **{
                    q: _median([r["overall"].get(q) for r in results])
                    for q in ("p50", "p90", "p99", "max")
                },
                "server_cpu_cores": _median([r["server_cpu_cores"] for r in results]),
                "loadgen_cpu_cores": _median([sum(r["loadgen_cpu_cores"]) for r in results]),
                "rss_idle_mib": _median([r["rss_idle_kib"] / 1024 for r in results]),
                "rss_end_mib": _median([r["rss_window_end_kib"] / 1024 for r in results]),
                "rss_peak_mib": _median([r["rss_peak_kib"] / 1024 for r in results]),
                "kib_per_station": _median([r["kib_per_station"] for r in results]),
                "rss_growth_in_window": _median([r["rss_growth_in_window"] for r in results]),
                "booted": min(r["booted"] for r in results),
                "stations": results[0]["stations"],
                "boot_span_s": _median([r["boot_span_s"] for r in results]),
                "boot_p99_ms": _median([r["boot_ms"].get("p99") for r in results]),
                "server_cpu_boot_s": _median([r["server_cpu_boot_s"] for r in results]),
                "errors": sum(r["errors"] for r in results),
                "error_kinds": _sum_counts([r["error_kinds"] for r in results]),
                "groups": {
                    g: {
                        k: _median([r["groups"][g].get(k) for r in results])
                        for k in ("stations", "calls_per_s", "p50", "p90", "p99", "max")
                    }
                    for g in results[0]["groups"]
                },
            }
            if floor and name != "floor":
                ratios = [
                    r["overall"]["calls_per_s"] / f["overall"]["calls_per_s"]
                    for r, f in zip(results, floor, strict=False)
                    if f["overall"]["calls_per_s"]
                ]
                o["ratio_to_floor"] = _median(ratios)
                o["ratios_per_round"] = ratios
            out.setdefault(scenario, {})[name] = o
    return out


def _sum_counts(counts: list[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for c in counts:
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
    return total


def targets(summary: dict[str, dict[str, dict]]) -> list[dict[str, Any]]:
    """The issue's targets, each checked from this run's figures (None: not measured)."""

    def get(scenario: str, server: str, *path: str) -> Any:
        value: Any = summary.get(scenario, {}).get(server)
        for key in path:
            value = None if value is None else value.get(key)
        return value

    kit = "ocppkit"
    n_real = f"realistic, {get('realistic', kit, 'stations') or 10_000:,} stations"
    n_storm = f"boot storm, {get('bootstorm', kit, 'stations') or 10_000:,} stations"
    n_fair = get("fairness", kit, "groups", "idle", "stations") or 2000
    idle = [get(s, kit, "rss_idle_mib") for s in summary if get(s, kit, "rss_idle_mib")]
    realistic_all = get("realistic", kit, "booted")
    storm_ok = None
    if get("bootstorm", kit, "stations"):
        span = get("bootstorm", kit, "boot_span_s")
        all_in = get("bootstorm", kit, "booted") == get("bootstorm", kit, "stations")
        storm_ok = (span if all_in else None, all_in and span is not None and span <= 10)
    rows = [
        ("Heartbeat ocppkit/floor >= 0.60", get("heartbeat", kit, "ratio_to_floor"), 0.60, ">="),
        ("tx mix ocppkit/floor >= 0.30", get("txmix", kit, "ratio_to_floor"), 0.30, ">="),
        ("tx mix ocppkit p99 <= 50 ms", get("txmix", kit, "p99"), 50, "<="),
        (
            "tx mix ocppkit in memory/floor >= 0.45",
            get("txmix", "ocppkit-mem", "ratio_to_floor"),
            0.45,
            ">=",
        ),
        (
            f"{n_real}: all booted",
            None if realistic_all is None else realistic_all == get("realistic", kit, "stations"),
            True,
            "==",
        ),
        (f"{n_real}: p99 < 50 ms", get("realistic", kit, "p99"), 50, "<"),
        (
            f"{n_real}: RSS <= 30 KiB per station beyond idle",
            get("realistic", kit, "kib_per_station"),
            30,
            "<=",
        ),
        (
            f"{n_real}: RSS flat (growth in the window <= 5%)",
            get("realistic", kit, "rss_growth_in_window"),
            0.05,
            "<=",
        ),
        (f"{n_storm}: all Accepted within 10 s", storm_ok and storm_ok[0], 10, "<="),
        ("idle ocppkit server <= 60 MiB", _median(idle) if idle else None, 60, "<="),
        (
            f"fairness: {n_fair:,} idle stations' Heartbeat p99 < 50 ms",
            get("fairness", kit, "groups", "idle", "p99"),
            50,
            "<",
        ),
    ]
    checked = []
    for label, value, limit, op in rows:
        if value is None:
            verdict = "FAIL" if label.startswith("boot storm") and storm_ok else "not run"
        else:
            ok = {
                ">=": value >= limit,
                "<=": value <= limit,
                "<": value < limit,
                "==": value == limit,
            }[op]
            verdict = "PASS" if ok else "FAIL"
        checked.append({"target": label, "value": value, "verdict": verdict})
    return checked


def _fmt(value: Any, spec: str = ",.0f") -> str:
    return "-" if value is None else format(value, spec)


def report(summary: dict[str, dict[str, dict]], checked: list[dict], machine: dict) -> str:
    lines = [
        f"{machine['date']}  {machine['machine']}  load average before "
        f"{machine['load_before']} after {machine['load_after']}",
        "Load generator and servers share these cores; figures are whole-process throughput,",
        "latency seen by the load generator, server CPU in cores and server RSS.",
    ]
    head = (
        f"{'server':<12}{'calls/s':>9}{'x floor':>8}{'p50':>7}{'p90':>7}{'p99':>8}{'max':>8}"
        f"{'srvCPU':>7}{'genCPU':>7}{'idleMiB':>8}{'endMiB':>8}{'KiB/st':>7}{'errors':>7}"
    )
    for scenario, per in summary.items():
        any_row = next(iter(per.values()))
        lines += ["", f"{scenario}: {any_row['stations']} stations, {any_row['rounds']} round(s)"]
        lines.append(head)
        for name, o in per.items():
            lines.append(
                f"{name:<12}{_fmt(o['calls_per_s']):>9}{_fmt(o.get('ratio_to_floor'), '.2f'):>8}"
                f"{_fmt(o['p50'], '.1f'):>7}{_fmt(o['p90'], '.1f'):>7}{_fmt(o['p99'], '.1f'):>8}"
                f"{_fmt(o['max'], '.0f'):>8}{_fmt(o['server_cpu_cores'], '.2f'):>7}"
                f"{_fmt(o['loadgen_cpu_cores'], '.2f'):>7}{_fmt(o['rss_idle_mib'], '.0f'):>8}"
                f"{_fmt(o['rss_end_mib'], '.0f'):>8}{_fmt(o['kib_per_station'], '.0f'):>7}"
                f"{o['errors']:>7}"
            )
            extra = []
            if scenario in ("realistic", "bootstorm"):
                extra.append(
                    f"booted {o['booted']}/{o['stations']} in {_fmt(o['boot_span_s'], '.1f')} s"
                    f" (boot p99 {_fmt(o['boot_p99_ms'], '.0f')} ms, server CPU"
                    f" {_fmt(o['server_cpu_boot_s'], '.1f')} s)"
                )
            if scenario == "realistic":
                extra.append(f"RSS growth in window {_fmt(o['rss_growth_in_window'], '+.1%')}")
            if len(o["groups"]) > 1:
                extra += [
                    f"{g}: {_fmt(s['calls_per_s'])}/s p99 {_fmt(s['p99'], '.1f')} ms"
                    for g, s in o["groups"].items()
                ]
            if extra:
                lines.append(f"{'':<12}" + "; ".join(extra))
            for kind, n in sorted(o["error_kinds"].items()):
                lines.append(f"{'':<12}error: {kind}: {n}")
    lines += ["", "targets (ratios within this run):"]
    for t in checked:
        value = t["value"]
        shown = value if isinstance(value, bool) or value is None else f"{value:.3g}"
        lines.append(f"  {t['verdict']:<8} {t['target']}  ({shown})")
    return "\n".join(lines)


def quick_guard(runs: dict[str, dict[str, list[dict]]]) -> list[str]:
    """Failures for --quick: a ratio below half its baseline in every round, or a wrong reply."""
    failures = []
    for scenario, baseline in QUICK_BASELINE.items():
        per = runs.get(scenario, {})
        ratios = [
            k["overall"]["calls_per_s"] / f["overall"]["calls_per_s"]
            for k, f in zip(per.get("ocppkit", []), per.get("floor", []), strict=False)
            if f["overall"]["calls_per_s"]
        ]
        if not ratios or max(ratios) < baseline / 2:
            failures.append(
                f"{scenario}: ocppkit/floor {ratios} below half the baseline {baseline}"
            )
    for scenario, per in runs.items():
        for name, results in per.items():
            for r in results:
                bad = {
                    k: n
                    for k, n in r["error_kinds"].items()
                    if k.startswith(("schema", "wrong reply", "CALLERROR", "boot not"))
                }
                if bad:
                    failures.append(f"{scenario} {name}: {bad}")
    return failures


def _machine() -> dict[str, Any]:
    model = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores ({model}), {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}",
        "load_before": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", help="short CI run with a regression guard")
    p.add_argument("--rounds", type=int, default=None, help="rounds (default 3; --quick 2)")
    p.add_argument("--scenarios", default=None, help="comma-separated (default: all)")
    p.add_argument("--servers", default=",".join(SERVERS), help="comma-separated")
    p.add_argument("--big", type=int, default=10_000, help="stations of realistic, bootstorm")
    p.add_argument("--minute", type=float, default=60, help="realistic: window in s")
    p.add_argument("--procs", type=int, default=1, help="loadgen processes: heartbeat, txmix")
    p.add_argument("--json", type=Path, default=None, help="write every figure here")
    args = p.parse_args(argv)
    _raise_fd_limit()
    table = scenarios(args.quick, args.big, args.minute, args.procs)
    names = args.scenarios.split(",") if args.scenarios else list(table)
    unknown = [n for n in names if n not in table]
    if unknown:
        p.error(f"unknown scenario(s) {unknown}; choose from {list(table)}")
    servers = args.servers.split(",")
    rounds = args.rounds or (2 if args.quick else 3)
    machine = _machine()
    runs = run_all([table[n] for n in names], servers, rounds)
    machine["load_after"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    summary = summarize(runs)
    checked = targets(summary)
    print(report(summary, checked, machine))
    failures = quick_guard(runs) if args.quick else []
    for failure in failures:
        print(f"REGRESSION: {failure}")
    if args.json:
        doc = {
            "machine": machine,
            "quick": args.quick,
            "summary": summary,
            "targets": checked,
            "failures": failures,
            "runs": runs,
        }
        args.json.write_text(json.dumps(doc, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
