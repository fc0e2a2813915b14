"""The load generator: N OCPP 2.0.1 stations over real WebSockets, in its own process(es).

    .venv/bin/python bench/loadgen.py --url ws://127.0.0.1:9000 --scenario heartbeat \
        [--stations 100] [--duration 10] [--warmup 2] [--ramp 1] [--procs 1] [--json out.json]

Each station connects (subprotocol ocpp2.0.1, no compression), sends BootNotification and must be
Accepted; then it runs its scenario's streams with one CALL outstanding at a time, as OCPP
requires. Scenarios (``SCENARIOS``):

  heartbeat   every station floods Heartbeat, closed loop (the next CALL when the reply arrives)
  txmix       every station floods the transaction cycle (mixes.tx_mix), closed loop
  realistic   fixed rate: Heartbeat every 60 s on every station; a third also in a transaction
              with a TransactionEvent Updated (meter value) every 30 s; phases spread at random
  bootstorm   every station connects and boots at once (no ramp); then they stay connected
  fairness    --idle stations Heartbeat every --idle-interval s while --stations others run
              the tx mix closed loop; latency reported per group

``--mode rate --interval S`` turns heartbeat/txmix into fixed rate (one CALL per S seconds per
station). Figures are taken in a window that opens --warmup s after every station has booted
(stations start --ramp s apart in total) and lasts --duration s: replies received in it count for
calls/s and latency. Latency is from the CALL's send time (closed loop) or its scheduled time
(fixed rate, so a late send counts against the server) to its reply, in this process.
Errors: connections refused or closed, boots not Accepted, CALLERRORs, replies with the wrong
message id, schema failures (mixes.ReplyChecker: every reply is checked), timeouts (--call-timeout;
the station's link is then dropped). The load generator's own CPU (user+sys of its worker
processes in the window, in cores) is reported: near 1.0 per process it is the bottleneck.

Output: one JSON object per line on stdout, ``{"event": "booted"}``, ``{"event": "window"}`` (its
monotonic start and end, for a runner sampling the server meanwhile) and ``{"event": "result"}``;
a summary on stderr. --json also writes the result to a file.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import math
import multiprocessing as mp
import os
import random
import resource
import sys
import time
from array import array
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mixes  # bench/ is not a package: its folder is on the path

# A group: (name, station count, streams); a stream: (mix, interval s; 0 = closed loop).
Group = tuple[str, int, tuple[tuple[str, float], ...]]


def scenario_groups(args: argparse.Namespace) -> list[Group]:
    n, interval = args.stations, args.interval if args.mode == "rate" else 0.0
    if args.scenario in ("heartbeat", "txmix"):
        return [(args.scenario, n, ((args.scenario, interval),))]
    if args.scenario == "realistic":
        charging = n // 3
        return [
            ("idle", n - charging, (("heartbeat", 60.0),)),
            ("charging", charging, (("heartbeat", 60.0), ("meter", 30.0))),
        ]
    if args.scenario == "bootstorm":
        return [("storm", n, ())]
    if args.scenario == "fairness":
        return [
            ("idle", args.idle, (("heartbeat", args.idle_interval),)),
            ("busy", n, (("txmix", 0.0),)),
        ]
    raise ValueError(args.scenario)


SCENARIOS = ("heartbeat", "txmix", "realistic", "bootstorm", "fairness")


@dataclass(slots=True)
class Station:
    sid: str
    group: str
    ws: Any = None
    next_id: int = 0
    in_flight_since: float | None = None  # monotonic; the watchdog drops stations stuck on a call
    timed_out: bool = False


@dataclass
class Tally:
    latencies: dict[str, array] = field(default_factory=dict)  # group -> ms, in the window
    boot_ms: array = field(default_factory=lambda: array("d"))
    last_boot: float = 0.0  # monotonic time of the last Accepted boot
    counts: collections.Counter = field(default_factory=collections.Counter)


class Worker:
    """One process's stations on one event loop."""

    def __init__(self, args: argparse.Namespace, stations: list[tuple[Station, tuple, float]]):
        self.args = args
        self.stations = stations  # (station, streams, start time)
        self.checker = mixes.ReplyChecker()
        self.tally = Tally()
        self.window = (math.inf, math.inf)
        self.boots_done = 0
        self.all_booted = asyncio.Event()
        self.cpu_window: list[float] = []

    def count(self, what: str) -> None:
        self.tally.counts[what] += 1

    async def exchange(self, st: Station, action: str, payload: dict, since: float) -> Any:
        """One CALL and its reply (server CALLs in between are refused); the reply's payload, or
        None after an error (counted)."""
        st.next_id += 1
        message_id = str(st.next_id)
        st.in_flight_since = since
        await st.ws.send(orjson.dumps([2, message_id, action, payload]), text=True)
        while True:
            message = orjson.loads(await st.ws.recv(decode=False))
            if message[0] != 2:
                break
            self.count("server CALLs refused")  # the scenarios expect none
            error = [4, message[1], "NotImplemented", "load generator", {}]
            await st.ws.send(orjson.dumps(error), text=True)
        received = time.monotonic()
        st.in_flight_since = None
        start, end = self.window
        if start <= received < end:
            self.tally.latencies[st.group].append((received - since) * 1000)
        if message[0] == 4:
            self.count(f"CALLERROR {message[2]} ({action})")
            return None
        if message[0] != 3 or message[1] != message_id:
            self.count("wrong reply")
            return None
        error = self.checker.check(action, message[2])
        if error is not None:
            self.count(f"schema: {error}"[:160])
            return None
        return message[2]

    async def boot(self, st: Station, start: float) -> bool:
        from websockets.asyncio.client import connect

        await asyncio.sleep(max(0.0, start - time.monotonic()))
        began = time.monotonic()
        try:
            st.ws = await connect(
                f"{self.args.url}/{st.sid}",
                subprotocols=[mixes.SUBPROTOCOL],
                compression=None,
                ping_interval=None,
                proxy=None,
                open_timeout=self.args.open_timeout,
                close_timeout=2,
            )
            reply = await self.exchange(st, "BootNotification", mixes.boot_payload(), began)
        except Exception as exc:  # refused, reset, handshake timeout: each counts
            self.count(f"connect: {type(exc).__name__}")
            return False
        if reply is None or reply.get("status") != "Accepted":
            self.count("boot not Accepted")
            return False
        now = time.monotonic()
        self.tally.boot_ms.append((now - began) * 1000)
        self.tally.last_boot = max(self.tally.last_boot, now)
        return True

    async def run_station(self, st: Station, streams: tuple, start: float) -> None:
        try:
            booted = await self.boot(st, start)
        finally:
            self.boots_done += 1
            if self.boots_done == len(self.stations):
                self.all_booted.set()
        if not booted:
            return
        try:  # the load starts at boot (the ramp); the window opens once every station booted
            if len(streams) == 1 and streams[0][1] == 0:
                await self.closed_loop(st, mixes.MIXES[streams[0][0]](st.sid))
            elif streams:
                await self.fixed_rate(st, streams)
        except Exception as exc:  # ConnectionClosed and the like: the link is gone
            self.count("timeout" if st.timed_out else f"link lost: {type(exc).__name__}")

    async def closed_loop(self, st: Station, mix: mixes.Mix) -> None:
        for action, payload in mix:
            now = time.monotonic()
            if now >= self.window[1]:  # infinite until the window is set
                return
            await self.exchange(st, action, payload, now)

    async def fixed_rate(self, st: Station, streams: tuple) -> None:
        rng = random.Random(st.sid)
        base = time.monotonic()
        due = [base + rng.uniform(0, interval) for _, interval in streams]
        gens = [mixes.MIXES[name](st.sid) for name, _ in streams]
        while True:
            k = min(range(len(due)), key=due.__getitem__)
            when = due[k]
            if when >= self.window[1]:  # infinite until the window is set
                return
            await asyncio.sleep(max(0.0, when - time.monotonic()))
            action, payload = next(gens[k])
            await self.exchange(st, action, payload, when)  # late sends count from `when`
            due[k] += streams[k][1]

    async def watchdog(self) -> None:
        while True:
            await asyncio.sleep(1)
            limit = time.monotonic() - self.args.call_timeout
            for st, _, _ in self.stations:
                if st.in_flight_since is not None and st.in_flight_since < limit and st.ws:
                    st.timed_out = True
                    st.in_flight_since = None
                    st.ws.transport.abort()

    async def main(self, conn: Connection) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        groups = {st.group for st, _, _ in self.stations}
        self.tally.latencies = {g: array("d") for g in groups}
        dog = asyncio.create_task(self.watchdog())
        tasks = [asyncio.create_task(self.run_station(*s)) for s in self.stations]
        if not self.stations:
            self.all_booted.set()
        await self.all_booted.wait()
        conn.send(("booted", len(self.tally.boot_ms), self.tally.last_boot))
        got: asyncio.Future = loop.create_future()
        loop.add_reader(conn.fileno(), lambda: got.done() or got.set_result(conn.recv()))
        self.window = await got
        loop.remove_reader(conn.fileno())
        await asyncio.sleep(max(0.0, self.window[0] - time.monotonic()))
        cpu0 = _cpu()
        await asyncio.sleep(max(0.0, self.window[1] - time.monotonic()))
        cpu1 = _cpu()
        # replies in flight at the window's end are not counted; give them a moment, then stop
        await asyncio.wait(tasks, timeout=self.args.drain)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        dog.cancel()
        links = [st.ws for st, _, _ in self.stations if st.ws is not None]
        await asyncio.wait([asyncio.create_task(ws.close()) for ws in links] or [dog], timeout=5)
        return {
            "latencies": self.tally.latencies,
            "boot_ms": self.tally.boot_ms,
            "counts": dict(self.tally.counts),
            "cpu_window_s": cpu1 - cpu0,
            "validated": self.checker.validated,
            "shapes": self.checker.shapes,
        }


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _worker(args: argparse.Namespace, plan: list, conn: Connection) -> None:
    _raise_fd_limit()
    stations = [(Station(sid, group), streams, start) for sid, group, streams, start in plan]
    result = asyncio.run(Worker(args, stations).main(conn))
    conn.send(("result", result))
    conn.close()


def _percentiles(values: list[float]) -> dict[str, float | int]:
    if not values:
        return {"count": 0}
    values = sorted(values)

    def rank(q: float) -> float:  # nearest rank
        return values[min(len(values) - 1, max(0, math.ceil(q * len(values)) - 1))]

    return {
        "count": len(values),
        "p50": rank(0.50),
        "p90": rank(0.90),
        "p99": rank(0.99),
        "max": values[-1],
    }


def _emit(event: dict[str, Any]) -> None:
    sys.stdout.write(orjson.dumps(event).decode() + "\n")
    sys.stdout.flush()


def run(args: argparse.Namespace) -> dict[str, Any]:
    groups = scenario_groups(args)
    total = sum(count for _, count, _ in groups)
    ramp = 0.0 if args.scenario == "bootstorm" else args.ramp
    t0 = time.monotonic() + 0.3 + 0.2 * args.procs  # the workers' start (after forking)
    plans: list[list] = [[] for _ in range(args.procs)]
    index = 0
    prefix = args.prefix or f"B{os.getpid()}"
    for name, count, streams in groups:
        for _ in range(count):
            start = t0 + ramp * index / max(1, total)
            plans[index % args.procs].append((f"{prefix}-{index:05d}", name, streams, start))
            index += 1
    ctx = mp.get_context("fork")
    conns, procs = [], []
    for plan in plans:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(args, plan, child), daemon=True)
        proc.start()
        child.close()
        conns.append(parent)
        procs.append(proc)
    boots = [_recv(c, args.boot_timeout + ramp + 5) for c in conns]
    accepted = sum(b[1] for b in boots)
    last_boot = max(b[2] for b in boots)
    _emit({"event": "booted", "accepted": accepted, "stations": total, "at": time.monotonic()})
    start = time.monotonic() + args.warmup
    window = (start, start + args.duration)
    _emit({"event": "window", "start": window[0], "end": window[1]})
    for c in conns:
        c.send(window)
    results = [_recv(c, args.duration + args.warmup + args.drain + 30)[1] for c in conns]
    for proc in procs:
        proc.join(10)
    return summarize(args, groups, results, accepted, total, t0, last_boot)


def _recv(conn: Connection, timeout: float) -> Any:
    if not wait([conn], timeout):
        raise SystemExit(f"loadgen: a worker did not answer within {timeout:.0f} s")
    return conn.recv()


def summarize(args, groups, results, accepted, total, t0, last_boot) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    counts: collections.Counter = collections.Counter()
    for r in results:
        counts.update(r["counts"])
    per_group = {}
    every: list[float] = []
    for name, count, _ in groups:
        values = [v for r in results for v in r["latencies"].get(name, ())]
        every += values
        stats = _percentiles(values)
        stats["calls_per_s"] = len(values) / args.duration
        stats["stations"] = count
        per_group[name] = stats
    cpu = [r["cpu_window_s"] / args.duration for r in results]
    overall = _percentiles(every)
    overall["calls_per_s"] = len(every) / args.duration
    errors = sum(counts.values())
    return {
        "event": "result",
        "scenario": args.scenario,
        "mode": _mode(args),
        "stations": total,
        "booted": accepted,
        "boot_span_s": (last_boot - t0) if accepted else None,
        "boot_ms": _percentiles(list(b for r in results for b in r["boot_ms"])),
        "duration_s": args.duration,
        "overall": overall,
        "groups": per_group,
        "errors": errors,
        "error_kinds": dict(counts),
        "loadgen_procs": args.procs,
        "loadgen_cpu_cores": cpu,
        "loadgen_cpu_us_per_call": (
            sum(r["cpu_window_s"] for r in results) / len(every) * 1e6 if every else None
        ),
        "replies_validated_in_full": sum(r["validated"] for r in results),
        "reply_shapes": max(r["shapes"] for r in results),
    }


def _mode(args: argparse.Namespace) -> str:
    if args.scenario in ("heartbeat", "txmix"):
        return "closed loop" if args.mode == "closed" else f"fixed rate, 1 per {args.interval} s"
    return {"realistic": "fixed rate", "bootstorm": "boot only", "fairness": "mixed"}[args.scenario]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--url", required=True, help="ws://host:port; the station id is appended")
    p.add_argument("--scenario", choices=SCENARIOS, default="heartbeat")
    p.add_argument("--stations", type=int, default=100)
    p.add_argument("--mode", choices=("closed", "rate"), default="closed")
    p.add_argument("--interval", type=float, default=1.0, help="--mode rate: s between CALLs")
    p.add_argument("--idle", type=int, default=2000, help="fairness: idle stations")
    p.add_argument("--idle-interval", type=float, default=10.0, help="fairness: idle Heartbeat s")
    p.add_argument("--duration", type=float, default=10.0, help="measured window, s")
    p.add_argument("--warmup", type=float, default=2.0, help="s from all booted to the window")
    p.add_argument("--ramp", type=float, default=1.0, help="s over which stations start")
    p.add_argument("--drain", type=float, default=2.0, help="s for replies after the window")
    p.add_argument("--procs", type=int, default=1, help="load generator worker processes")
    p.add_argument("--call-timeout", type=float, default=30.0)
    p.add_argument("--open-timeout", type=float, default=60.0)
    p.add_argument("--boot-timeout", type=float, default=120.0)
    p.add_argument("--prefix", default=None, help="station id prefix (default B<pid>)")
    p.add_argument("--json", type=Path, default=None, help="also write the result here")
    return p


def describe(result: dict[str, Any]) -> str:
    lines = [
        f"{result['scenario']} ({result['mode']}): {result['booted']}/{result['stations']} "
        f"booted in {result['boot_span_s'] or 0:.2f} s; {result['errors']} errors; "
        f"loadgen CPU {'+'.join(f'{c:.2f}' for c in result['loadgen_cpu_cores'])} cores; "
        f"{result['replies_validated_in_full']} replies validated in full "
        f"({result['reply_shapes']} shapes)"
    ]
    for name, g in result["groups"].items():
        if g["count"]:
            lines.append(
                f"  {name:<10} {g['stations']:>6} st  {g['calls_per_s']:>9,.0f} calls/s  "
                f"p50 {g['p50']:.2f}  p90 {g['p90']:.2f}  p99 {g['p99']:.2f}  "
                f"max {g['max']:.2f} ms"
            )
    for kind, n in sorted(result["error_kinds"].items()):
        lines.append(f"  error: {kind}: {n}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _raise_fd_limit()
    result = run(args)
    _emit(result)
    if args.json:
        args.json.write_text(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    print(describe(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
