"""The dashboard's protocol inspector and command forms in a real browser (issue 14, points
14-15): payload summaries, copy and export of the shown frames as JSON lines, the message-id
filter; forms that start from values the station accepts; the unknown-station page; the
favicon; scroll reset between pages."""

from __future__ import annotations

import json
from pathlib import Path

from e2e.browser import Stack
from playwright.async_api import Page, expect
from wire import assert_schema_valid

from ocppkit.protocol.models import CSMS_TO_CS


async def _station_page(page: Page, stack: Stack, charger_id: str) -> None:
    await page.goto(f"{stack.base_url}/#/stations/{charger_id}")
    await expect(page.locator("#station-link .badge")).to_have_text("online")


async def test_inspector_summarises_filters_copies_and_exports(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sim = await stack.station("CP_E2E_INSPECT")
    try:
        await _station_page(page, stack, "CP_E2E_INSPECT")
        boot = page.locator('details.exchange[data-action="BootNotification"]')
        await expect(boot.locator(".ex-summary")).to_have_text(
            "PowerUp: EVBox EVBox Home → Accepted, heartbeat every 30 s"
        )
        status = page.locator('details.exchange[data-action="StatusNotification"]').first
        await expect(status.locator(".ex-summary")).to_contain_text("EVSE 1/1 Available")
        message_id = await boot.get_attribute("data-message-id")
        assert message_id
        await page.fill("#inspector-message-id", message_id)
        await expect(page.locator("details.exchange")).to_have_count(1)
        await expect(page.locator("#inspector-count")).to_contain_text("1 exchange(s) shown")

        await page.click("#inspector-copy")
        await expect(page.locator("#inspector-result")).to_contain_text("Copied 2 frame(s)")
        copied = await page.evaluate("navigator.clipboard.readText()")
        frames = [json.loads(line) for line in copied.splitlines()]
        assert [f["message_type"] for f in frames] == ["CALL", "CALLRESULT"]
        assert {f["message_id"] for f in frames} == {message_id}
        assert frames[0]["json"][2] == "BootNotification"

        async with page.expect_download() as download:
            await page.click("#inspector-export")
        file = tmp_path / "frames.jsonl"
        await (await download.value).save_as(file)
        assert (await download.value).suggested_filename.startswith("CP_E2E_INSPECT-frames-")
        assert file.read_text(encoding="utf-8") == copied
        await page.fill("#inspector-message-id", "no-such-id")
        await expect(page.locator("#inspector-list")).to_contain_text("No frames match")
        await page.fill("#inspector-message-id", "")
        tx_id = await sim.start_transaction()
        started = page.locator('details.exchange[data-action="TransactionEvent"]').last
        await expect(started.locator(".ex-summary")).to_contain_text(
            f"Started (Authorized) tx {tx_id[:8]}\u2026 #0, Charging, EVSE 1, idToken DEMO_TOKEN"
        )
        await expect(started.locator(".ex-summary")).to_contain_text("→ idToken Accepted")
    finally:
        await sim.disconnect()


async def _starting_request(page: Page, action: str) -> dict[str, object]:
    await page.select_option("#command-action", action)
    await page.check("#command-raw")
    body: dict[str, object] = json.loads(await page.input_value("#command-json"))
    await page.uncheck("#command-raw")
    return body


async def test_command_forms_start_from_values_the_station_accepts(
    page: Page, stack: Stack
) -> None:
    sim = await stack.station("CP_E2E_STARTS")
    try:
        await _station_page(page, stack, "CP_E2E_STARTS")
        await expect(page.locator("#command-action option")).to_have_count(len(CSMS_TO_CS))
        for action in sorted(CSMS_TO_CS):
            # Every form's start is valid against the official OCPP 2.0.1 schema.
            assert_schema_valid(f"{action}Request", await _starting_request(page, action))
        report = await _starting_request(page, "GetBaseReport")
        assert isinstance(report["requestId"], int) and report["requestId"] > 0
        assert report["reportBase"] == "FullInventory"

        profile = await _starting_request(page, "SetChargingProfile")
        assert profile["chargingProfile"]["chargingProfilePurpose"] == "TxDefaultProfile"  # type: ignore[index]
        await page.click("#command-send")
        await expect(page.locator("#command-result .notice.ok")).to_contain_text("Accepted")

        await page.click("#btn-start")
        await expect(page.locator("#tx-id")).to_be_visible()
        tx_id = await page.locator("#tx-id").inner_text()
        await page.click("#command-reset")  # the form starts over, now for the transaction
        profile = await _starting_request(page, "SetChargingProfile")
        charging = profile["chargingProfile"]
        assert charging["chargingProfilePurpose"] == "TxProfile"  # type: ignore[index]
        assert charging["transactionId"] == tx_id  # type: ignore[index]
        await page.click("#command-send")
        await expect(page.locator("#command-result .notice.ok")).to_contain_text("Accepted")
        stop = await _starting_request(page, "RequestStopTransaction")
        assert stop == {"transactionId": tx_id}
    finally:
        await sim.disconnect()


async def test_unknown_station_gets_a_not_found_page(page: Page, stack: Stack) -> None:
    await page.goto(f"{stack.base_url}/#/stations/CP_NEVER_SEEN")
    await expect(page.locator("#not-found")).to_have_text("Station not found")
    await expect(page.locator("main")).to_contain_text('No station "CP_NEVER_SEEN"')
    await expect(page.locator("#command-form")).to_have_count(0)
    await expect(page.locator("#btn-start")).to_have_count(0)
    await expect(page.locator("#inspector-list")).to_have_count(0)


async def test_favicon_and_scroll_reset_between_pages(page: Page, stack: Stack) -> None:
    sim = await stack.station("CP_E2E_SCROLL")
    try:
        await _station_page(page, stack, "CP_E2E_SCROLL")
        icon = await page.locator('link[rel="icon"]').get_attribute("href")
        assert icon
        answer = await page.request.get(stack.base_url + icon)
        assert answer.ok and answer.headers["content-type"].startswith("image/svg+xml")
        await expect(page.locator("#command-form")).to_be_visible()
        await page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        await page.wait_for_function("() => window.scrollY > 400")
        await page.click('nav a[data-nav="transactions"]')
        await expect(page.locator("h1")).to_have_text("Transactions")
        assert await page.evaluate("window.scrollY") == 0
    finally:
        await sim.disconnect()
