"""A fleet of simulated stations in one process: memory per idle station, CPU per 1,000 stations.

    .venv/bin/python bench/bench_fleet.py [--count 1000] [--window 60] [--heartbeat 30]
                                          [--sample-interval 30]
    .venv/bin/python bench/bench_fleet.py --count 10000

Three processes, so each measures only itself:
  responder  a bare `websockets` OCPP responder (a fixed valid reply per action, no OCPP work),
             so the figures are the simulator's, not a CSMS's;
  baseline   N bare `websockets` clients (same connect options as the simulator), each sends a
             BootNotification and idles: memory per connection of the library alone;
  fleet      `ocppkit.simulator.fleet.Fleet` with N stations (no random events).
Printed for the fleet: resident memory per station built (objects only) and per idle station
(connected, booted, heartbeating; /proc/self/status VmRSS delta / N), then CPU seconds per 1,000
stations per minute in two phases of --window seconds: idle (heartbeats every --heartbeat s) and
charging (a transaction on every station: TransactionEvent Updated with meter values every
--sample-interval s, plus heartbeats); and the ratios to the baseline. Goal (issue 4): 10,000
stations in one process, under 50 KB per idle station.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import multiprocessing as mp
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

NOW = '"2025-01-01T00:00:00Z"'


def _serve_responder(port_out: mp.Queue, heartbeat: int) -> None:  # type: ignore[type-arg]
    import orjson
    from websockets.asyncio.server import serve

    from ocppkit.simulator.fleet import raise_open_file_limit

    raise_open_file_limit()
    replies = {
        "BootNotification": f'{{"currentTime":{NOW},"interval":{heartbeat},"status":"Accepted"}}',
        "Heartbeat": f'{{"currentTime":{NOW}}}',
        "Authorize": '{"idTokenInfo":{"status":"Accepted"}}',
        "TransactionEvent": '{"idTokenInfo":{"status":"Accepted"}}',
    }

    async def handler(ws):  # type: ignore[no-untyped-def]
        async for text in ws:
            message = orjson.loads(text)
            if message[0] == 2:
                await ws.send(f'[3,"{message[1]}",{replies.get(message[2], "{}")}]')

    async def main() -> None:
        async with serve(
            handler,
            "127.0.0.1",
            0,
            subprotocols=["ocpp2.0.1"],
            compression=None,
            ping_interval=None,
            backlog=4096,
        ) as server:
            port_out.put(server.sockets[0].getsockname()[1])
            await asyncio.Future()

    asyncio.run(main())


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def _settled_rss() -> int:
    gc.collect()
    return _rss_kib()


def _baseline(url: str, count: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from websockets.asyncio.client import connect

    from ocppkit.simulator.fleet import raise_open_file_limit
    from ocppkit.simulator.link import CONNECT_OPTIONS

    ping = 20  # OCPPCommCtrlr.WebSocketPingInterval of the simulator's device model

    raise_open_file_limit()
    boot = (
        '[2,"b","BootNotification",{"chargingStation":{"model":"B","vendorName":"B"},'
        '"reason":"PowerUp"}]'
    )

    async def one(index: int, gate: asyncio.Semaphore, done: list[Any]) -> None:
        async with gate:
            ws = await connect(
                f"{url}/BASE{index:05d}",
                subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
                open_timeout=120,
                ping_interval=ping,
                **CONNECT_OPTIONS,
            )
            await ws.send(boot)
            await ws.recv()
        done.append(ws)

    async def main() -> None:
        before = _settled_rss()
        gate, done = asyncio.Semaphore(200), []  # type: ignore[var-annotated]
        await asyncio.gather(*(one(i, gate, done) for i in range(count)))
        await asyncio.sleep(1)
        out.put({"kib_per_connection": (_settled_rss() - before) / count})
        for ws in done:
            await ws.close()

    asyncio.run(main())


async def _cpu_window(fleet: Any, seconds: float) -> dict[str, float]:
    stats = fleet.stats
    frames = stats.frames_in + stats.frames_out
    cpu, wall = time.process_time(), time.monotonic()
    await asyncio.sleep(seconds)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    per = len(fleet.stations) / 1000
    return {
        "cpu_s_per_1000_per_min": cpu / per / (wall / 60),
        "msgs_per_s": (stats.frames_in + stats.frames_out - frames) / wall,
        "cpu_share": cpu / wall,
    }


async def _start_transactions(fleet: Any) -> None:
    sims = fleet.sims
    for start in range(0, len(sims), 200):
        await asyncio.gather(*(sim.start_transaction() for sim in sims[start : start + 200]))


def _fleet(url: str, args: argparse.Namespace, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from ocppkit.simulator.fleet import Fleet, FleetOptions, parse_scenario

    scenario = parse_scenario(
        {"sample_interval": args.sample_interval, "arrivals": {"distribution": "none"}}
    )

    async def main() -> None:
        options = FleetOptions(url, args.count, scenario, random_events=False, connect_timeout=300)
        before = _settled_rss()
        fleet = Fleet(options)
        await fleet.start()  # builds every station before the ramp-up task runs
        built = _settled_rss()
        began = time.monotonic()
        await fleet.wait_ramped()
        connect_s = time.monotonic() - began
        await asyncio.sleep(2)
        idle = _settled_rss()
        result = {
            "kib_built": (built - before) / args.count,
            "kib_idle": (idle - before) / args.count,
            "connect_s": connect_s,
            "failed": fleet.stats.failed_connects,
            "tasks_per_station": len(asyncio.all_tasks()) / args.count,
        }
        result.update({f"idle_{k}": v for k, v in (await _cpu_window(fleet, args.window)).items()})
        await _start_transactions(fleet)
        result["kib_charging"] = (_settled_rss() - before) / args.count
        result.update({f"tx_{k}": v for k, v in (await _cpu_window(fleet, args.window)).items()})
        out.put(result)
        await fleet.stop()

    asyncio.run(main())


def _child(target: Any, *args: Any) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    proc = ctx.Process(target=target, args=(*args, out), daemon=True)
    proc.start()
    try:
        return out.get(timeout=1800)  # type: ignore[no-any-return]
    finally:
        proc.join(60)
        if proc.is_alive():
            proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="stations (default 1000)")
    parser.add_argument(
        "--window",
        type=float,
        default=60.0,
        help="seconds of each CPU measurement, at least the intervals (default 60)",
    )
    parser.add_argument(
        "--heartbeat",
        type=int,
        default=30,
        help="HeartbeatInterval given at boot, seconds (default 30)",
    )
    parser.add_argument(
        "--sample-interval",
        type=float,
        default=30.0,
        help="seconds between meter samples while charging (default 30)",
    )
    args = parser.parse_args()
    if args.window < max(args.heartbeat, args.sample_interval):
        parser.error("--window must cover --heartbeat and --sample-interval")
    ctx = mp.get_context("spawn")
    ports: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    responder = ctx.Process(target=_serve_responder, args=(ports, args.heartbeat), daemon=True)
    responder.start()
    try:
        url = f"ws://127.0.0.1:{ports.get(timeout=60)}"
        base = _child(_baseline, url, args.count)
        fleet = _child(_fleet, url, args)
    finally:
        responder.kill()
        responder.join(10)
    _print(args, base, fleet)


def _print(args: argparse.Namespace, base: dict[str, float], f: dict[str, float]) -> None:
    n = args.count
    print(
        f"{n} stations; heartbeat {args.heartbeat} s, meter samples {args.sample_interval:g} s, "
        f"CPU windows {args.window:g} s; connected in {f['connect_s']:.1f} s, "
        f"{f['failed']:.0f} failed, {f['tasks_per_station']:.1f} asyncio tasks per station\n"
    )
    print(
        f"memory per station (KiB)   built {f['kib_built']:.1f}   idle {f['kib_idle']:.1f}   "
        f"charging {f['kib_charging']:.1f}   "
        f"bare websockets client {base['kib_per_connection']:.1f}"
    )
    print(
        f"CPU s / 1,000 stations / min   idle {f['idle_cpu_s_per_1000_per_min']:.2f} "
        f"({f['idle_msgs_per_s']:.0f} msg/s)   charging {f['tx_cpu_s_per_1000_per_min']:.2f} "
        f"({f['tx_msgs_per_s']:.0f} msg/s, {f['tx_cpu_share']:.0%} of a core)"
    )
    ratio = f["kib_idle"] / base["kib_per_connection"]
    print(f"\nfleet / bare websockets: memory per idle station x{ratio:.2f}")
    verdict = "met" if f["kib_idle"] * 1.024 < 50 else "not met"
    print(
        f"goal: < 50 KB per idle station: {f['kib_idle'] * 1.024:.1f} KB ({verdict}); "
        f"10,000 stations: run with --count 10000"
    )


if __name__ == "__main__":
    main()
