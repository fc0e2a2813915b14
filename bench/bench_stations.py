"""Many stations against one server: memory per station and per-message latency.

    .venv/bin/python bench/bench_stations.py [--stations 200] [--messages 20]

Runs two servers, each in its own process, with the same load from this process:
  baseline  a bare `websockets` server answering every CALL with a fixed CALLRESULT (no OCPP work)
  ocppkit   ocppkit's CSMS (OCPPServer: validation, routing, state)
Each station connects and boots (BootNotification); then two phases, one CALL outstanding per
station as OCPP requires:
  paced  every station sends one CALL per --pace seconds (start times spread over the interval),
         as real stations do: the round-trip latency a station sees under a steady load;
  flood  every station sends its CALLs back to back: the most messages per second (the load
         generator shares the machine, so this is a lower bound for both servers).
CALLs alternate Heartbeat and TransactionEvent Updated with meter values. Printed per server:
resident memory added per connected station (/proc/<pid>/status VmRSS), latency percentiles of
each phase and flood throughput; then ocppkit's figures as ratios of the baseline's.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

BOOT = (
    '[2,"{id}","BootNotification",'
    '{{"chargingStation":{{"model":"Bench","vendorName":"ocppkit"}},"reason":"PowerUp"}}]'
)
HEARTBEAT = '[2,"{id}","Heartbeat",{{}}]'
TX_UPDATED = (
    '[2,"{id}","TransactionEvent",{{"eventType":"Updated","timestamp":"2025-01-01T00:00:00Z",'
    '"triggerReason":"MeterValuePeriodic","seqNo":{seq},"transactionInfo":{{"transactionId":"{tx}",'
    '"chargingState":"Charging"}},"meterValue":[{{"timestamp":"2025-01-01T00:00:00Z","sampledValue":['
    '{{"value":{wh},"measurand":"Energy.Active.Import.Register","unitOfMeasure":{{"unit":"Wh"}}}},'
    '{{"value":11000,"measurand":"Power.Active.Import","unitOfMeasure":{{"unit":"W"}}}}]}}]}}]'
)
TX_STARTED = (
    '[2,"{id}","TransactionEvent",{{"eventType":"Started","timestamp":"2025-01-01T00:00:00Z",'
    '"triggerReason":"Authorized","seqNo":0,"transactionInfo":{{"transactionId":"{tx}",'
    '"chargingState":"Charging"}},"evse":{{"id":1,"connectorId":1}},'
    '"idToken":{{"idToken":"BENCH","type":"Central"}}}}]'
)


def _serve_baseline(port_out: mp.Queue) -> None:  # type: ignore[type-arg]
    import orjson
    from websockets.asyncio.server import serve

    reply = orjson.dumps(
        {"currentTime": "2025-01-01T00:00:00Z", "interval": 300, "status": "Accepted"}
    ).decode()

    async def handler(ws):  # type: ignore[no-untyped-def]
        async for text in ws:
            message_id = orjson.loads(text)[1]
            await ws.send(f'[3,"{message_id}",{reply}]')

    async def main() -> None:
        async with serve(
            handler,
            "127.0.0.1",
            0,
            subprotocols=["ocpp2.0.1"],
            compression=None,
            ping_interval=None,
        ) as server:
            port_out.put(server.sockets[0].getsockname()[1])
            await asyncio.Future()

    asyncio.run(main())


def _serve_ocppkit(port_out: mp.Queue) -> None:  # type: ignore[type-arg]
    from ocppkit.csms import OCPPServer
    from ocppkit.security.limits import Limits

    # floods on purpose: the per-station rate and pending-CALL bounds would measure themselves
    UNLIMITED = Limits(message_rate=None, max_pending_calls=None)

    async def main() -> None:
        server = OCPPServer("127.0.0.1", 0, heartbeat_interval=300, limits=UNLIMITED)
        await server.start()
        port_out.put(server.port)
        await asyncio.Future()

    asyncio.run(main())


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


async def _exchange(
    ws, frames: list[str], latencies: list[float], pace: float | None, index: int
) -> None:  # type: ignore[no-untyped-def]
    for frame in frames:
        start = time.perf_counter()
        await ws.send(frame)
        reply = await ws.recv()
        latencies.append(time.perf_counter() - start)
        if not str(reply).startswith("[3,"):
            raise RuntimeError(f"station {index}: unexpected reply {reply}")
        if pace:
            await asyncio.sleep(max(0.0, pace - (time.perf_counter() - start)))


def _frames(tx: str, first_seq: int, count: int) -> list[str]:
    return [
        HEARTBEAT.format(id=f"h{n}")
        if n % 2
        else TX_UPDATED.format(id=f"u{n}", seq=first_seq + n, tx=tx, wh=n * 10)
        for n in range(count)
    ]


async def _station(
    url: str,
    index: int,
    args: argparse.Namespace,
    gates: list[asyncio.Event],
    results: dict[str, list[float]],
    connected: list[int],
) -> None:
    from websockets.asyncio.client import connect

    async with connect(
        f"{url}/BENCH{index:05d}",
        subprotocols=["ocpp2.0.1"],
        compression=None,
        ping_interval=None,
        open_timeout=60,
    ) as ws:
        await ws.send(BOOT.format(id="b"))
        await ws.recv()
        connected.append(index)
        tx = f"tx-{index}"
        await gates[0].wait()
        await asyncio.sleep(args.pace * index / args.stations)  # spread over one interval
        await _exchange(
            ws,
            [TX_STARTED.format(id="s", tx=tx), *_frames(tx, 1, args.rounds)],
            results["paced"],
            args.pace,
            index,
        )
        await gates[1].wait()
        await _exchange(
            ws, _frames(tx, 1 + args.rounds, args.messages), results["flood"], None, index
        )


def _percentiles(latencies: list[float]) -> tuple[float, float, float]:
    latencies = sorted(latencies)
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    return statistics.median(latencies) * 1000, p99 * 1000, latencies[-1] * 1000


async def _load(port: int, pid: int, args: argparse.Namespace) -> dict[str, float]:
    url = f"ws://127.0.0.1:{port}"
    gates = [asyncio.Event(), asyncio.Event()]
    results: dict[str, list[float]] = {"paced": [], "flood": []}
    connected: list[int] = []
    rss_before = _rss_kib(pid)
    tasks = [
        asyncio.create_task(_station(url, i, args, gates, results, connected))
        for i in range(args.stations)
    ]
    async with asyncio.timeout(120):
        while len(connected) < args.stations:  # noqa: ASYNC110 (a poll keeps stations simple)
            await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    rss_after = _rss_kib(pid)
    gates[0].set()
    async with asyncio.timeout(args.pace * (args.rounds + 3) + 60):
        while len(results["paced"]) < args.stations * (args.rounds + 1):  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    start = time.perf_counter()
    gates[1].set()
    async with asyncio.timeout(300):
        await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    paced, flood = _percentiles(results["paced"]), _percentiles(results["flood"])
    return {
        "kib_per_station": (rss_after - rss_before) / args.stations,
        "paced_p50": paced[0],
        "paced_p99": paced[1],
        "paced_max": paced[2],
        "flood_p50": flood[0],
        "flood_p99": flood[1],
        "msgs_per_s": len(results["flood"]) / elapsed,
    }


def _measure(target, args: argparse.Namespace) -> dict[str, float]:  # type: ignore[no-untyped-def]
    ctx = mp.get_context("spawn")
    port_out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    proc = ctx.Process(target=target, args=(port_out,), daemon=True)
    proc.start()
    try:
        port = port_out.get(timeout=30)
        return asyncio.run(_load(port, proc.pid or 0, args))
    finally:
        proc.kill()
        proc.join(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--pace", type=float, default=1.0, help="seconds between paced CALLs")
    parser.add_argument("--rounds", type=int, default=10, help="paced CALLs per station")
    parser.add_argument("--messages", type=int, default=20, help="flood CALLs per station")
    args = parser.parse_args()
    print(
        f"{args.stations} stations; paced: {args.rounds + 1} CALLs each, "
        f"one per {args.pace:g} s; flood: {args.messages} CALLs each back to back\n"
    )
    rows = {"baseline": _measure(_serve_baseline, args), "ocppkit": _measure(_serve_ocppkit, args)}
    print(
        f"{'server':<10}{'KiB/station':>12}{'paced p50':>11}{'p99':>8}{'max':>8}"
        f"{'flood p50':>11}{'p99':>8}{'msgs/s':>9}   (latencies in ms)"
    )
    for name, r in rows.items():
        print(
            f"{name:<10}{r['kib_per_station']:>12.1f}{r['paced_p50']:>11.2f}{r['paced_p99']:>8.2f}"
            f"{r['paced_max']:>8.2f}{r['flood_p50']:>11.2f}{r['flood_p99']:>8.2f}"
            f"{r['msgs_per_s']:>9.0f}"
        )
    base, ours = rows["baseline"], rows["ocppkit"]
    memory = ours["kib_per_station"] / base["kib_per_station"]
    print(
        f"\nocppkit / baseline: memory per station x{memory:.2f}, "
        f"paced p99 x{ours['paced_p99'] / base['paced_p99']:.2f}, "
        f"flood throughput x{ours['msgs_per_s'] / base['msgs_per_s']:.2f}"
    )
    print(
        f"seed targets: >= 100 stations ({args.stations} run); < 50 ms per message (paced p99 "
        f"{ours['paced_p99']:.2f} ms); "
        f"~2 MB per station ({ours['kib_per_station'] / 1024:.3f} MB)"
    )


if __name__ == "__main__":
    main()
