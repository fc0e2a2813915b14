"""The seed's demo in six steps, end to end over real sockets.

1. Three chargers (charger_001..003) connect to the CSMS and boot.
2. List them (``GET /chargers``).
3. Start a transaction on charger_001 (``POST /chargers/charger_001/start``).
4. Show it charging, with energy above 0 kWh (``GET /chargers/charger_001``).
5. Stop it (``POST /chargers/charger_001/stop``).
6. Show the final state.

The REST calls go over HTTP to the API served beside the CSMS, as an operator's would.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.run import ChargerOptions, ServerOptions, chargers, csms_with_api

Printer = Callable[[str], None]


class DemoError(OCPPKitError):
    """A demo step did not do what it should."""


def _http(method: str, url: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise DemoError(f"{method} {url} -> {exc.code}: {exc.read().decode()}") from exc


async def _rest(method: str, url: str, body: dict[str, Any] | None = None) -> Any:
    return await asyncio.to_thread(_http, method, url, body)


def _charger_line(c: dict[str, Any]) -> str:
    evses = ", ".join(f"EVSE {e['evse_id']}: {e['status']}" for e in c.get("evses", []))
    boot = c.get("boot") or {}
    return (
        f"  {c['charger_id']:<12} {c['connection']:<12} {boot.get('vendor', '?')} "
        f"{boot.get('model', '?')}  [{evses}]"
    )


async def _wait_for(check: Callable[[], Any], what: str, within: float) -> Any:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        value = await check()
        if value:
            return value
        await asyncio.sleep(0.2)
    raise DemoError(f"timed out waiting for {what}")


async def run_demo(
    host: str = "127.0.0.1", port: int = 9000, api_port: int = 8080, out: Printer = print
) -> None:
    """Run the six steps; raise DemoError when one fails. The CSMS keeps its state in a
    temporary SQLite file, removed at the end."""
    with tempfile.TemporaryDirectory(prefix="ocppkit-demo-") as folder:
        database_url = f"sqlite+aiosqlite:///{folder}/demo.db"
        options = ServerOptions(
            host=host, port=port, api_host=host, api_port=api_port, database_url=database_url
        )
        await _run(options, host, out)


async def _run(options: ServerOptions, host: str, out: Printer) -> None:
    async with csms_with_api(options) as (server, api):
        base = f"http://{host}:{api.port}"
        out(f"CSMS on ws://{host}:{server.port}, REST API on {base}")
        ids = ["charger_001", "charger_002", "charger_003"]
        station_options = ChargerOptions(f"ws://{host}:{server.port}", ids, sample_interval=1.0)
        async with chargers(station_options):
            await _steps(base, out)


async def _steps(base: str, out: Printer) -> None:
    out("\n[1/6] Three chargers connected and booted (BootNotification Accepted)")
    out("\n[2/6] GET /chargers")
    for charger in await _rest("GET", f"{base}/chargers"):
        out(_charger_line(charger))
    out('\n[3/6] POST /chargers/charger_001/start {"evse_id": 1, "connector_id": 1}')
    answer = await _rest(
        "POST", f"{base}/chargers/charger_001/start", {"evse_id": 1, "connector_id": 1}
    )
    out(f"  station answered: {answer['status']}")
    if answer["status"] != "Accepted":
        raise DemoError(f"charger_001 refused the remote start: {answer}")

    async def charging() -> Any:
        tx = (await _rest("GET", f"{base}/chargers/charger_001")).get("transaction")
        return tx if tx and tx.get("energy_kwh", 0) > 0 else None

    out("\n[4/6] Charging (TransactionEvent Updated with meter values)")
    tx = await _wait_for(charging, "energy above 0 kWh on charger_001", within=15)
    out(
        f"  transaction {tx['transaction_id']}: {tx['power_w'] / 1000:.1f} kW, "
        f"{tx['energy_kwh']:.4f} kWh delivered"
    )
    out(f'\n[5/6] POST /chargers/charger_001/stop {{"transaction_id": "{tx["transaction_id"]}"}}')
    answer = await _rest(
        "POST", f"{base}/chargers/charger_001/stop", {"transaction_id": tx["transaction_id"]}
    )
    out(f"  station answered: {answer['status']}")

    async def stopped() -> Any:
        status = await _rest("GET", f"{base}/chargers/charger_001")
        return status if status.get("transaction") is None else None

    out("\n[6/6] Final state")
    final = await _wait_for(stopped, "the transaction to end", within=10)
    out(_charger_line(final))
    ended = await _rest("GET", f"{base}/chargers")
    out(
        f"  {sum(c['connection'] == 'connected' for c in ended)} charger(s) connected; "
        f"transaction {tx['transaction_id']} ended."
    )
