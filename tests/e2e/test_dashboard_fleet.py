"""The dashboard's fleet view, per-EVSE live values, whole-transaction charts and energy curves
in a real browser (issue 14, points 11-13)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from e2e.browser import Stack
from fleet_support import fill_registry
from playwright.async_api import Page, Response, expect

from ocppkit.simulator import ChargerSimulator


def _range(first: str, last: str) -> str:
    return f" {first}\u2013{last} of 3,000 "  # an en dash between


async def test_fleet_view_pages_filters_and_sorts_thousands_of_stations(
    page: Page, stack: Stack
) -> None:
    fill_registry(stack.server, 3_000)
    listed: list[int] = []

    async def count(response: Response) -> None:
        if re.search(r"/chargers(\?|$)", response.url):
            listed.append(len(await response.json()))

    page.on("response", count)
    await page.goto(f"{stack.base_url}/")
    rows = page.locator("#stations-table tbody tr")
    await expect(rows).to_have_count(50)
    await expect(page.locator("#total-online")).to_contain_text("of 3,000 known")
    await expect(page.locator("#total-charging")).to_contain_text("30")
    await expect(page.locator("#total-power")).to_contain_text("43.5 kW")  # 0+100+...+2900 W
    await expect(page.locator("#stations-range")).to_have_text(_range("1", "50"))
    await expect(rows.first).to_contain_text("d ago")  # last seen in words
    await page.get_by_role("button", name="Next →").click()
    await expect(page.locator("#stations-range")).to_have_text(_range("51", "100"))
    await expect(rows.first).to_have_attribute("data-charger-id", "FLEET_00050")
    await page.get_by_role("button", name="Last »").click()
    await expect(page.locator("#stations-range")).to_have_text(_range("2,951", "3,000"))

    await page.fill("#stations-search", "fleet_0012")  # any case, part of the id
    await expect(rows).to_have_count(10)
    await expect(page.locator("#stations-count")).to_have_text("10 station(s) match.")
    await page.fill("#stations-search", "")
    await page.select_option("#stations-filter", "faulted")
    await expect(page.locator("#stations-version option")).to_have_count(3)
    await page.select_option("#stations-version", "1.0")
    await expect(page.locator("#stations-count")).to_have_text("100 station(s) match.")
    await expect(rows.first).to_have_attribute("data-charger-id", "FLEET_00000")
    await expect(rows.nth(1)).to_have_attribute("data-charger-id", "FLEET_00030")
    await expect(rows.nth(1)).to_contain_text("1: Faulted")  # no transaction: its status

    await page.select_option("#stations-filter", "charging")
    await page.select_option("#stations-version", "")
    power = page.locator('th button[data-sort="power"]')
    await power.click()  # power sorts the highest first
    await expect(page.locator('th[aria-sort="descending"]')).to_contain_text("Power")
    await expect(rows.first).to_have_attribute("data-charger-id", "FLEET_02900")
    await expect(rows.first).to_contain_text("1: Charging")
    await power.click()
    await expect(page.locator('th[aria-sort="ascending"]')).to_contain_text("Power")
    await expect(rows.first).to_have_attribute("data-charger-id", "FLEET_00000")
    # The page never asked for more than a page of stations.
    assert listed and max(listed) <= 50


async def _chart_points(page: Page, selector: str, at_least: int) -> None:
    """Wait (bounded by the page's default timeout) for a chart with that many points."""
    await page.wait_for_function(
        "([s, n]) => { const c = document.querySelector(s);"
        " return c && Number(c.dataset.points) >= n; }",
        arg=[selector, at_least],
    )


async def _charging_station(stack: Stack, charger_id: str, kind: str) -> ChargerSimulator:
    sim = await stack.station(charger_id, station_type=kind)
    await sim.start_transaction()
    return sim


async def test_each_evse_shows_charging_state_soc_and_per_phase_values(
    page: Page, stack: Stack
) -> None:
    ac = await _charging_station(stack, "CP_E2E_AC3", "AC3")
    dc = await _charging_station(stack, "CP_E2E_DC", "DC")
    try:
        await page.goto(f"{stack.base_url}/#/stations/CP_E2E_AC3")
        evse = page.locator('#evses tr[data-evse-id="1"]')
        await expect(evse.locator("td.charging-state")).to_have_text("Charging")
        for phase in ("L1", "L2", "L3"):
            await expect(evse.locator(f'td.current [data-phase="{phase}"]')).to_contain_text(
                re.compile(rf"{phase} \d+\.\d")
            )
        await expect(evse.locator("td.voltage")).to_have_text(re.compile(r"^\d{3}$"))
        await expect(evse.locator("td.power")).to_have_text(re.compile(r"^[1-9]\d*\.\d\d$"))
        await expect(evse.locator("td.soc")).to_have_text("—")  # AC: the station has no SoC
        await page.goto(f"{stack.base_url}/#/stations/CP_E2E_DC")
        evse = page.locator('#evses tr[data-evse-id="1"]')
        await expect(evse.locator("td.soc")).to_have_text(re.compile(r"^\d+\.\d$"))
        await expect(evse.locator("td.current .phase-total")).to_have_text(re.compile(r"\d"))
        await expect(evse.locator("td.charging-state")).to_have_text("Charging")
        await expect(page.locator("#stations-table")).to_have_count(0)
        await page.goto(f"{stack.base_url}/")
        row = page.locator('tr[data-charger-id="CP_E2E_DC"]')
        await expect(row).to_contain_text("1: Charging")
        await expect(row).to_contain_text("just now")
    finally:
        await ac.disconnect()
        await dc.disconnect()


async def test_chart_covers_the_transaction_since_its_start_and_curves_are_listed(
    page: Page, stack: Stack
) -> None:
    sim = await _charging_station(stack, "CP_E2E_WHOLE", "AC1")
    try:
        tx = stack.server.get_charger_status("CP_E2E_WHOLE")["transaction"]  # type: ignore[index]
        await page.wait_for_timeout(2_000)  # samples every 0.25 s before the page opens
        await page.goto(f"{stack.base_url}/#/stations/CP_E2E_WHOLE")
        await _chart_points(page, "#power-chart", 6)
        first = await page.locator("#power-chart").get_attribute("data-first-at")
        started = datetime.fromisoformat(tx["started_at"])
        assert abs(datetime.fromisoformat(first or "") - started) < timedelta(seconds=1)

        await page.click('nav a[data-nav="transactions"]')
        row = page.locator(f'tr[data-transaction-id="{tx["transaction_id"]}"]')
        spark = row.locator("svg.sparkline")
        await expect(spark).to_be_visible()
        assert int(await spark.get_attribute("data-points") or 0) >= 2
        await spark.click()
        await expect(page.locator("#tx-facts")).to_contain_text("CP_E2E_WHOLE")
        await _chart_points(page, "#tx-chart", 6)
        await expect(page.locator("#tx-events")).to_contain_text("Started")
    finally:
        await sim.disconnect()
    await page.goto(f"{stack.base_url}/#/transactions/CP_E2E_WHOLE/NOPE")
    await expect(page.locator("#not-found")).to_have_text("Transaction not found")
