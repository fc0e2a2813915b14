"""Persistence on the hot path: the CSMS in memory, on SQLite and on PostgreSQL, in one run.

    .venv/bin/python bench/bench_persistence.py [--stations 50] [--messages 200] [--repeat 3]

Each CSMS runs in its own process (``OCPPServer`` with ``database_url`` None, a temporary SQLite
file, or a new PostgreSQL database dropped afterwards) and this process drives it over real
sockets: --stations stations connect, boot and start a transaction, then two floods, each station
sending its CALLs back to back with one CALL outstanding, as OCPP requires:
  heartbeat    Heartbeat CALLs (no write of their own: last_seen is stored at most once a second);
  transaction  TransactionEvent Updated with two sampled values (each one stored, event + meter
               values + transaction row, durable before its CALLRESULT).
Printed: messages per second per flood (the best of --repeat runs, interleaved so that every
backend sees the same machine), and each backend's slowdown against in-memory (in-memory msgs/s
divided by its msgs/s; the target is at most 1.5). PostgreSQL is
$OCPPKIT_TEST_POSTGRES_URL or postgresql+asyncpg://postgres@127.0.0.1:5432/test (skipped if down).

Where the time goes (Linux): CPU microseconds per TransactionEvent in that flood, from
getrusage for this process (the load generator) and /proc/<pid>/task/*/stat for the CSMS's
process: its loop thread and the rest (the database thread), and on PostgreSQL the server
processes serving the CSMS's connections (``pg``). With --floor a fourth CSMS runs
on SQLite with the write queue's commit replaced by nothing (no rows built, no SQL): what
handing each batch to the database thread and awaiting it costs by itself, the floor of this
design whatever the SQL costs. With --synchronous FULL another CSMS runs on SQLite with that
durability level (group commit as always), interleaved with the others in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

BOOT = (
    '[2,"b","BootNotification",{"chargingStation":{"model":"Bench","vendorName":"ocppkit"},'
    '"reason":"PowerUp"}]'
)
HEARTBEAT = '[2,"h{n}","Heartbeat",{{}}]'
TX_STARTED = (
    '[2,"s","TransactionEvent",{{"eventType":"Started","timestamp":"2025-01-01T00:00:00Z",'
    '"triggerReason":"Authorized","seqNo":0,"transactionInfo":{{"transactionId":"{tx}",'
    '"chargingState":"Charging"}},"evse":{{"id":1,"connectorId":1}},'
    '"idToken":{{"idToken":"BENCH","type":"Central"}}}}]'
)
TX_UPDATED = (
    '[2,"u{n}","TransactionEvent",{{"eventType":"Updated","timestamp":"2025-01-01T00:00:00Z",'
    '"triggerReason":"MeterValuePeriodic","seqNo":{n},"transactionInfo":{{"transactionId":"{tx}",'
    '"chargingState":"Charging"}},"meterValue":[{{"timestamp":"2025-01-01T00:00:00Z",'
    '"sampledValue":[{{"value":{wh},"measurand":"Energy.Active.Import.Register",'
    '"unitOfMeasure":{{"unit":"Wh"}}}},{{"value":11000,"measurand":"Power.Active.Import",'
    '"unitOfMeasure":{{"unit":"W"}}}}]}}]}}]'
)
POSTGRES_URL = os.environ.get(
    "OCPPKIT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


def _serve(
    database_url: str | None,
    port_out: mp.Queue,  # type: ignore[type-arg]
    floor: bool = False,
    synchronous: str | None = None,
) -> None:
    from ocppkit.csms import OCPPServer
    from ocppkit.security.limits import Limits
    from ocppkit.storage import database

    if synchronous is not None:  # SQLite's durability level, for --synchronous
        database._SQLITE_PRAGMAS = tuple(
            f"synchronous={synchronous}" if p.startswith("synchronous=") else p
            for p in database._SQLITE_PRAGMAS
        )

    # floods on purpose: the per-station rate and pending-CALL bounds would measure themselves
    UNLIMITED = Limits(message_rate=None, max_pending_calls=None)

    if floor:  # the write queue's hand-over alone: each batch is dropped, not written
        from ocppkit.storage import writer

        def nothing(batch, _db) -> None:  # type: ignore[no-untyped-def]
            batch.deferred.clear()

        writer._commit_sync = nothing

    async def main() -> None:
        server = OCPPServer(
            "127.0.0.1", 0, heartbeat_interval=300, database_url=database_url, limits=UNLIMITED
        )
        await server.start()
        port_out.put(server.port)
        await asyncio.Future()

    asyncio.run(main())


async def _flood(ws, frames: list[str]) -> None:  # type: ignore[no-untyped-def]
    for frame in frames:
        await ws.send(frame)
        reply = await ws.recv()
        if not str(reply).startswith("[3,"):
            raise RuntimeError(f"unexpected reply {reply}")


class _Countdown:
    """Set ``done`` once ``count`` stations have arrived."""

    def __init__(self, count: int) -> None:
        self.left, self.done = count, asyncio.Event()

    def arrive(self) -> None:
        self.left -= 1
        if self.left == 0:
            self.done.set()


async def _station(
    url: str,
    index: int,
    args: argparse.Namespace,
    steps: list[_Countdown],
    gates: list[asyncio.Event],
) -> None:
    from websockets.asyncio.client import connect

    tx = f"tx-{index}-{uuid.uuid4().hex[:8]}"
    async with connect(
        f"{url}/BENCH{index:04d}",
        subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
        compression=None,
        ping_interval=None,
        open_timeout=60,
    ) as ws:
        await _flood(ws, [BOOT, TX_STARTED.format(tx=tx)])
        steps[0].arrive()
        await gates[0].wait()
        await _flood(ws, [HEARTBEAT.format(n=n) for n in range(args.messages)])
        steps[1].arrive()
        await gates[1].wait()
        await _flood(
            ws, [TX_UPDATED.format(n=n, tx=tx, wh=n * 10) for n in range(1, args.messages + 1)]
        )


async def _timed(gate: asyncio.Event, until: asyncio.Event | asyncio.Future[object]) -> float:
    """Seconds from opening ``gate`` until ``until`` is done."""
    start = time.perf_counter()
    gate.set()
    async with asyncio.timeout(300):
        await (until.wait() if isinstance(until, asyncio.Event) else until)
    return time.perf_counter() - start


def _process_seconds(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` so far; 0 if it is gone or unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _postgres_backends(database_url: str | None) -> list[int]:
    """The PostgreSQL server processes serving the CSMS's connections to its database (their
    CPU is the database's own work, on the same cores); empty for other backends."""
    if database_url is None or not database_url.startswith("postgresql"):
        return []
    import asyncpg
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    conn = await asyncpg.connect(
        url.set(drivername="postgresql").render_as_string(hide_password=False), timeout=5
    )
    try:
        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            url.database,
        )
    finally:
        await conn.close()
    return [row["pid"] for row in rows]


def _cpu(server_pid: int) -> tuple[float, float, float]:
    """CPU seconds so far: this process; the server's main (loop) thread; its other threads
    (NaN where /proc is not there)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    loop = others = float("nan")
    tasks = Path(f"/proc/{server_pid}/task")
    if tasks.is_dir():
        tick = os.sysconf("SC_CLK_TCK")
        loop = others = 0.0
        for task in tasks.iterdir():
            try:
                fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # the thread ended
                continue
            seconds = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
            if task.name == str(server_pid):
                loop += seconds
            else:
                others += seconds
    return usage.ru_utime + usage.ru_stime, loop, others


async def _load(
    port: int, args: argparse.Namespace, server_pid: int, database_url: str | None = None
) -> dict[str, float]:
    n = args.stations
    gates, steps = [asyncio.Event(), asyncio.Event()], [_Countdown(n), _Countdown(n)]
    tasks = [
        asyncio.create_task(_station(f"ws://127.0.0.1:{port}", i, args, steps, gates))
        for i in range(n)
    ]
    async with asyncio.timeout(120):
        await steps[0].done.wait()  # connected, booted, transaction started
    backends = await _postgres_backends(database_url)
    heartbeat = await _timed(gates[0], steps[1].done)
    before = (*_cpu(server_pid), sum(map(_process_seconds, backends)))
    transaction = await _timed(gates[1], asyncio.gather(*tasks))
    after = (*_cpu(server_pid), sum(map(_process_seconds, backends)))
    calls = n * args.messages
    client, loop, others, server = (
        (b - a) * 1e6 / calls for a, b in zip(before, after, strict=True)
    )
    return {
        "heartbeat": calls / heartbeat,
        "transaction": calls / transaction,
        "client_us": client,
        "loop_us": loop,
        "db_us": others,
        "pg_us": server,
    }


def _measure(
    database_url: str | None,
    args: argparse.Namespace,
    floor: bool = False,
    synchronous: str | None = None,
) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    port_out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    proc = ctx.Process(
        target=_serve, args=(database_url, port_out, floor, synchronous), daemon=True
    )
    proc.start()
    try:
        port = port_out.get(timeout=60)
        assert proc.pid is not None
        return asyncio.run(_load(port, args, proc.pid, database_url))
    finally:
        proc.kill()
        proc.join(10)


@contextmanager
def _postgres_database() -> Iterator[str | None]:
    """A new PostgreSQL database for one run (None when PostgreSQL is not reachable)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    base = make_url(POSTGRES_URL)
    dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"ocppkit_bench_{uuid.uuid4().hex[:10]}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(dsn, timeout=5)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    try:
        asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        print(f"PostgreSQL at {POSTGRES_URL} not reachable ({exc}): skipped")
        yield None
        return
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


RATES = ("heartbeat", "transaction")


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    """The best rate of each flood; the CPU figures of the run with the best TransactionEvent
    rate."""
    best = dict(max(runs, key=lambda run: run["transaction"]))
    best["heartbeat"] = max(run["heartbeat"] for run in runs)
    return best


def _report(rows: dict[str, dict[str, float]]) -> None:
    memory = rows["in-memory"]
    print(
        f"\n{'backend':<14}{'Heartbeat/s':>12}{'slowdown':>10}{'TxEvent/s':>11}{'slowdown':>10}"
        f"   CPU us per TxEvent: {'client':>6}{'loop':>6}{'db':>6}{'pg':>6}"
    )
    for name, row in rows.items():
        hb = memory["heartbeat"] / row["heartbeat"]
        tx = memory["transaction"] / row["transaction"]
        print(
            f"{name:<14}{row['heartbeat']:>12,.0f}{hb:>9.2f}x{row['transaction']:>11,.0f}"
            f"{tx:>9.2f}x{'':>23}{row['client_us']:>6.0f}{row['loop_us']:>6.0f}"
            f"{row['db_us']:>6.0f}{row['pg_us']:>6.0f}"
        )
    stored = {name: row for name, row in rows.items() if not name.endswith("(floor)")}
    worst = max(memory[k] / row[k] for row in stored.values() for k in RATES)
    print(
        f"\nworst slowdown against in-memory: {worst:.2f}x (target <= 1.5x): "
        f"{'met' if worst <= 1.5 else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--stations", type=int, default=50)
    parser.add_argument("--messages", type=int, default=200, help="CALLs per station per flood")
    parser.add_argument("--repeat", type=int, default=3, help="runs per backend (best is kept)")
    parser.add_argument(
        "--floor", action="store_true", help="also run SQLite with every commit replaced by nothing"
    )
    parser.add_argument(
        "--synchronous",
        choices=("FULL", "NORMAL", "OFF", "EXTRA"),
        help="also run SQLite with this PRAGMA synchronous (the default is the CSMS's own)",
    )
    args = parser.parse_args()
    print(f"{args.stations} stations x {args.messages} CALLs per flood, best of {args.repeat}")
    runs: dict[str, list[dict[str, float]]] = {}
    with (
        tempfile.TemporaryDirectory(prefix="ocppkit-bench-") as folder,
        _postgres_database() as postgres,
    ):
        backends = {"in-memory": None, "sqlite": f"sqlite+aiosqlite:///{folder}/bench.db"}
        if postgres is not None:
            backends["postgresql"] = postgres
        for _ in range(args.repeat):
            for name, url in backends.items():
                runs.setdefault(name, []).append(_measure(url, args))
            if args.floor:
                url = f"sqlite+aiosqlite:///{folder}/floor.db"
                runs.setdefault("sqlite (floor)", []).append(_measure(url, args, floor=True))
            if args.synchronous:
                url = f"sqlite+aiosqlite:///{folder}/sync.db"
                name = f"sqlite {args.synchronous}"
                runs.setdefault(name, []).append(_measure(url, args, synchronous=args.synchronous))
    _report({name: _best(results) for name, results in runs.items()})


if __name__ == "__main__":
    main()
