"""Bytes stored per TransactionEvent under the tx mix, on SQLite and on PostgreSQL.

    .venv/bin/python bench/bench_storage.py [--stations 20] [--cycles 50]

An in-process CSMS (``OCPPServer`` on a temporary SQLite file, then on a new PostgreSQL database
dropped afterwards) is driven over real sockets by --stations stations, each running --cycles
cycles of the load generator's tx mix (``mixes.tx_mix``: StatusNotification, Authorize,
TransactionEvent Started, 2x Updated with one energy sample each, Ended, StatusNotification).
After the CSMS has stopped (every write committed) the database's size is measured against the
same database freshly migrated and holding only the booted stations:
  SQLite      (page_count - freelist_count) * page_size after a WAL checkpoint;
  PostgreSQL  pg_total_relation_size (heap, TOAST, indexes) summed over the schema's tables.
Printed per backend: bytes per TransactionEvent (everything the mix stored, status history and
transaction rows included, divided by the TransactionEvents sent), the same per table, and the
size a million TransactionEvents would take. PostgreSQL is $OCPPKIT_TEST_POSTGRES_URL or
postgresql+asyncpg://postgres@127.0.0.1:5432/test (skipped if down).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import orjson
from mixes import SUBPROTOCOL, boot_payload, tx_mix

POSTGRES_URL = os.environ.get(
    "OCPPKIT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
CYCLE = 7  # messages per tx-mix cycle, of which 4 are TransactionEvents


async def _station(url: str, name: str, messages: int) -> int:
    """Boot, then send ``messages`` of the tx mix, one CALL outstanding; the TransactionEvents
    sent."""
    from websockets.asyncio.client import connect

    sent = 0
    async with connect(
        f"{url}/{name}", subprotocols=[SUBPROTOCOL], compression=None, ping_interval=None
    ) as ws:
        calls = [("BootNotification", boot_payload())]
        mix = tx_mix(name)
        calls += [next(mix) for _ in range(messages)]
        for n, (action, payload) in enumerate(calls):
            await ws.send(orjson.dumps([2, f"m{n}", action, payload]).decode())
            reply = orjson.loads(await ws.recv())
            if reply[0] != 3:
                raise RuntimeError(f"{action} answered {reply}")
            sent += action == "TransactionEvent"
    return sent


async def _run(database_url: str, stations: int, messages: int) -> int:
    from ocppkit.csms import OCPPServer
    from ocppkit.security.limits import Limits

    server = OCPPServer(
        "127.0.0.1",
        0,
        heartbeat_interval=300,
        database_url=database_url,
        limits=Limits(message_rate=None, max_pending_calls=None),
    )
    await server.start()
    try:
        url = f"ws://127.0.0.1:{server.port}"
        async with asyncio.timeout(600):
            counts = await asyncio.gather(
                *(_station(url, f"STORE{i:04d}", messages) for i in range(stations))
            )
    finally:
        await server.stop()
    return sum(counts)


def _sqlite_sizes(path: str) -> dict[str, int]:
    """Bytes per table (indexes included) and ``"*"`` for the whole file's used pages."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        used = conn.execute("PRAGMA page_count").fetchone()[0]
        used -= conn.execute("PRAGMA freelist_count").fetchone()[0]
        sizes = {"*": used * page}
        try:
            rows = conn.execute(
                "SELECT m.tbl_name, SUM(s.pgsize) FROM dbstat s JOIN sqlite_master m "
                "ON s.name = m.name GROUP BY m.tbl_name"
            ).fetchall()
        except sqlite3.OperationalError:  # a build without the dbstat table
            rows = []
        sizes.update({name: size for name, size in rows})
    return sizes


async def _postgres_sizes(url: str) -> dict[str, int]:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "SELECT relname, pg_total_relation_size(c.oid) AS size FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r'"
        )
    finally:
        await conn.close()
    sizes = {row["relname"]: row["size"] for row in rows}
    sizes["*"] = sum(sizes.values())
    return sizes


def _report(name: str, events: int, before: dict[str, int], after: dict[str, int]) -> None:
    total = after["*"] - before["*"]
    per_event = total / events
    print(
        f"{name:<10} {events} TransactionEvents: {total / 1e6:.2f} MB, "
        f"{per_event:.0f} bytes/event, {per_event * 1e6 / 2**30:.2f} GiB per million events"
    )
    grown = {t: after.get(t, 0) - before.get(t, 0) for t in after if t != "*"}
    for table, size in sorted(grown.items(), key=lambda item: -item[1]):
        if size > 0:
            print(f"    {table:<28} {size / events:7.0f} bytes/event")


async def _measure_sqlite(stations: int, messages: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        await _run(url, stations, 0)  # migrated, the stations booted
        before = _sqlite_sizes(f"{tmp}/bench.db")
        events = await _run(url, stations, messages)
        _report("SQLite", events, before, _sqlite_sizes(f"{tmp}/bench.db"))


async def _measure_postgres(stations: int, messages: int) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    admin = make_url(POSTGRES_URL).set(drivername="postgresql")
    name = f"bench_storage_{uuid.uuid4().hex[:8]}"
    try:
        conn = await asyncpg.connect(admin.render_as_string(hide_password=False), timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"PostgreSQL skipped: {exc}")
        return
    await conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = make_url(POSTGRES_URL).set(database=name)
        raw = admin.set(database=name).render_as_string(hide_password=False)
        await _run(url.render_as_string(hide_password=False), stations, 0)
        before = await _postgres_sizes(raw)
        events = await _run(url.render_as_string(hide_password=False), stations, messages)
        _report("PostgreSQL", events, before, await _postgres_sizes(raw))
    finally:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--cycles", type=int, default=50, help="tx-mix cycles per station")
    args = parser.parse_args()
    messages = args.cycles * CYCLE
    asyncio.run(_measure_sqlite(args.stations, messages))
    asyncio.run(_measure_postgres(args.stations, messages))


if __name__ == "__main__":
    main()
