"""The dashboard's Sites panel (K01): each site's limit, what is allocated and every
station's share, following a transaction as it starts."""

from __future__ import annotations

from e2e.browser import Stack
from playwright.async_api import Page, expect

from ocppkit.csms.sites import Site


async def test_the_sites_panel_shows_limit_allocation_and_shares(page: Page, stack: Stack) -> None:
    await page.goto(f"{stack.base_url}/#/sites")
    await expect(page.locator("#sites-panel")).to_contain_text("No sites yet")
    sims = [await stack.station(cid) for cid in ("CP_E2E_S1", "CP_E2E_S2")]
    try:
        await stack.server.sites.save(Site("e2e-site", 10_000, ["CP_E2E_S1", "CP_E2E_S2"]))
        await sims[0].start_transaction()
        await page.goto(f"{stack.base_url}/#/sites")
        card = page.locator('section[data-site="e2e-site"]')
        await expect(card).to_contain_text("Limit 10.0 kW · allocated 10.0 kW · strategy equal")
        row = card.locator("tr", has_text="CP_E2E_S1")
        await expect(row).to_contain_text("10.0 kW")
        await expect(row).to_contain_text("charging")
        await expect(card.locator("tr", has_text="CP_E2E_S2")).to_contain_text("0.0 kW")
    finally:
        for sim in sims:
            await sim.disconnect()
