"""The dashboard's tariffs page (block I): a tariff added, listed and deleted; a transaction
priced by it shows its cost in the transactions list."""

from __future__ import annotations

from e2e.browser import Stack
from playwright.async_api import Page, expect


async def test_tariff_is_added_prices_a_transaction_and_is_deleted(
    page: Page, stack: Stack
) -> None:
    await page.goto(f"{stack.base_url}/#/tariffs")
    await expect(page.locator("#tariffs-table")).to_contain_text("No tariffs")
    await page.fill("#tariff-id", "e2e")
    await page.fill("#tariff-session_fee", "1.50")
    await page.fill("#tariff-energy_price_kwh", "0.30")
    await page.click("#tariff-form button[type=submit]")
    row = page.locator('tr[data-tariff="e2e"]')
    await expect(row).to_contain_text("1.50")
    await expect(row).to_contain_text("0.30")
    assert stack.server.tariffs.get("e2e") is not None
    sim = await stack.station("CP_E2E_COST")
    try:
        await sim.start_transaction()
        await page.goto(f"{stack.base_url}/#/transactions")
        table = page.locator("#transactions-table")
        await expect(table).to_contain_text("CP_E2E_COST")
        await expect(table).to_contain_text("EUR (running)")
    finally:
        await sim.disconnect()
    await page.goto(f"{stack.base_url}/#/tariffs")
    await row.get_by_role("button", name="Delete").click()
    await expect(page.locator("#tariffs-result")).to_contain_text("deleted")
    await expect(row).to_have_count(0)
