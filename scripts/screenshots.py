"""Screenshots of the dashboard for the README: docs/screenshots/{stations,station,inspector,
transactions,transaction}.png.

Runs the CSMS and its REST API on 127.0.0.1 (ephemeral ports) with a few simulated stations,
and photographs the dashboard in Debian's headless Chromium (/usr/bin/chromium, driven by
Python playwright; no browser download). Run: ``make screenshots`` or
``.venv/bin/python scripts/screenshots.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from playwright.async_api import Page, async_playwright

from ocppkit.api import ApiServer, create_app
from ocppkit.csms import OCPPServer
from ocppkit.simulator import ChargerSimulator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent


async def _stations(ws_url: str) -> list[ChargerSimulator]:
    specs = [
        ("CP_001", "EVBox", "EVBox Home", "AC1"),
        ("CP_002", "Alfen", "Eve Single Pro", "AC3"),
        ("CP_003", "ABB", "Terra 184", "DC"),
        ("CP_004", "Wallbox", "Pulsar Plus", "AC1"),
        ("CP_005", "Kempower", "S-Series", "DC"),
        ("CP_006", "Zaptec", "Go", "AC3"),
    ]
    sims = [
        ChargerSimulator(
            cid,
            ws_url,
            charger_vendor=vendor,
            charger_model=model,
            station_type=kind,
            sample_interval=0.5,
            seed=n,
        )
        for n, (cid, vendor, model, kind) in enumerate(specs)
    ]
    async with asyncio.timeout(20):
        await asyncio.gather(*(sim.connect() for sim in sims))
        # a short session that ended, then three running ones with a few seconds of samples
        await sims[0].start_transaction(id_token="RFID_5E55")
        await asyncio.sleep(3)
        await sims[0].stop_transaction()
        await sims[1].start_transaction(id_token="RFID_77AC")
        await sims[2].start_transaction(id_token="RFID_0A1B2C")
        await sims[4].start_transaction(id_token="RFID_D00D")
        await asyncio.sleep(8)
    return sims


async def _photograph(page: Page, base_url: str, out: Path) -> None:
    await page.goto(f"{base_url}/")
    await page.locator('tr[data-charger-id="CP_004"] .badge.offline').wait_for()
    await page.locator("#total-energy").wait_for()
    await asyncio.sleep(1.5)
    await page.screenshot(path=out / "stations.png")

    await page.set_viewport_size({"width": 1280, "height": 1500})
    await page.goto(f"{base_url}/#/stations/CP_002")
    await page.locator("#station-link .badge.online").wait_for()
    await page.locator('#evses td.current [data-phase="L3"]').wait_for()
    await page.wait_for_function(
        "() => Number(document.querySelector('#power-chart').dataset.points) >= 8"
    )
    await page.uncheck("#inspector-auto")
    await page.evaluate("window.scrollTo(0, 0)")
    await asyncio.sleep(0.5)
    await page.screenshot(path=out / "station.png")
    inspector = page.locator('section[aria-labelledby="inspector-h"]')
    await inspector.scroll_into_view_if_needed()
    # the oldest exchanges (boot, statuses, the report, the start) rather than periodic samples
    await page.evaluate(
        "() => { const l = document.querySelector('#inspector-list');"
        " l.scrollTop = l.scrollHeight; }"
    )
    await inspector.screenshot(path=out / "inspector.png")

    await page.set_viewport_size({"width": 1280, "height": 760})
    await page.goto(f"{base_url}/#/transactions")
    await page.locator("#transactions-table svg.sparkline").first.wait_for()
    await asyncio.sleep(1.0)
    await page.screenshot(path=out / "transactions.png")

    await page.goto(f"{base_url}/#/stations/CP_003")
    await page.locator("#tx-id").wait_for()
    tx_id = await page.locator("#tx-id").inner_text()
    await page.set_viewport_size({"width": 1280, "height": 900})
    await page.goto(f"{base_url}/#/transactions/CP_003/{tx_id}")
    await page.wait_for_function(
        "() => Number(document.querySelector('#tx-chart').dataset.points) >= 8"
    )
    await asyncio.sleep(0.5)
    await page.screenshot(path=out / "transaction.png")


async def shoot(out: Path) -> None:
    """Start the CSMS with six stations (three charging, one gone, one that charged) and
    photograph the dashboard: the fleet, a station, the transactions and one transaction."""
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=30, request_base_report=True)
    await server.start()
    api = ApiServer(create_app(server), "127.0.0.1", 0)
    await api.start()
    sims = await _stations(f"ws://127.0.0.1:{server.port}")
    await sims[3].disconnect()
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = await browser.new_context(
                viewport={"width": 1280, "height": 760}, color_scheme="light"
            )
            context.set_default_timeout(15_000)
            await _photograph(await context.new_page(), f"http://127.0.0.1:{api.port}", out)
            await browser.close()
    finally:
        live = [sim for n, sim in enumerate(sims) if n != 3]
        await asyncio.gather(*(sim.disconnect() for sim in live), return_exceptions=True)
        await api.stop()
        await server.stop()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    asyncio.run(shoot(out))
    for png in sorted(out.glob("*.png")):
        print(f"{png.relative_to(ROOT)}: {png.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    main(parser.parse_args().out)
