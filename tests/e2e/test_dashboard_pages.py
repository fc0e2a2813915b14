"""The dashboard's other pages and forms: every CSMS->CS action's generated form, the raw JSON
editor, id-token admin, the transactions list."""

from __future__ import annotations

import json

from e2e.browser import Stack
from playwright.async_api import Page, expect


async def test_every_action_has_a_form_and_raw_json_sends(page: Page, stack: Stack) -> None:
    sim = await stack.station("CP_E2E_ACTIONS")
    try:
        await page.goto(f"{stack.base_url}/#/stations/CP_E2E_ACTIONS")
        options = page.locator("#command-action option")
        await expect(options).to_have_count(40)
        for action in await options.all_inner_texts():
            await page.select_option("#command-action", action)
            await expect(page.locator("#command-fields > *").first).to_be_attached()
        # The form's values become the request: an array of integers, an optional object left out.
        await page.select_option("#command-action", "ClearVariableMonitoring")
        await page.locator('[data-path="id.0"]').fill("3")
        await page.check("#command-raw")
        assert json.loads(await page.input_value("#command-json")) == {"id": [3]}
        await page.select_option("#command-action", "TriggerMessage")
        await page.check("#command-raw")
        await page.fill("#command-json", '{"requestedMessage": "Heartbeat"}')
        await page.click("#command-send")
        await expect(page.locator("#command-result .notice.ok")).to_contain_text("Accepted")
        await page.fill("#command-json", "{not json")
        await page.click("#command-send")
        await expect(page.locator("#command-result .notice.error")).to_contain_text("JSON")
    finally:
        await sim.disconnect()


async def test_id_tokens_are_added_blocked_and_deleted(page: Page, stack: Stack) -> None:
    await page.goto(f"{stack.base_url}/#/tokens")
    await expect(page.locator("#tokens-table")).to_contain_text("No tokens yet")
    await page.fill("#token-id", "RFID_E2E_1")
    await page.select_option("#token-type", "ISO14443")
    await page.click("#token-form button[type=submit]")
    row = page.locator('tr[data-token="RFID_E2E_1"]')
    await expect(row).to_contain_text("Accepted")
    await row.get_by_role("button", name="Block").click()
    await expect(row.locator(".badge")).to_have_text("Blocked")
    page.once("dialog", lambda dialog: dialog.accept())
    await row.get_by_role("button", name="Delete").click()
    await expect(page.locator("#tokens-result")).to_contain_text("deleted")
    await expect(row).to_have_count(0)


async def test_transactions_list_shows_a_started_transaction(page: Page, stack: Stack) -> None:
    sim = await stack.station("CP_E2E_TXLIST")
    try:
        await sim.start_transaction()
        await page.goto(f"{stack.base_url}/#/transactions")
        table = page.locator("#transactions-table")
        await expect(table).to_contain_text("CP_E2E_TXLIST")
        await expect(table.locator(".badge")).to_have_text("active")
        await page.select_option("#tx-filter-active", "false")
        await expect(table).to_contain_text("No transactions match")
    finally:
        await sim.disconnect()
