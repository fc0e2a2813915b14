"""The dashboard in a real browser: live stations table, start button and power chart, protocol
inspector, requests & events, a schema-generated command form's validation error, the offline
message."""

from __future__ import annotations

from e2e.browser import Stack
from playwright.async_api import Page, expect

from ocppkit.protocol.models import SecurityEventNotificationRequest

SECOND = 1000


async def _station_page(page: Page, stack: Stack, charger_id: str) -> None:
    await page.goto(f"{stack.base_url}/#/stations/{charger_id}")
    await expect(page.locator("#station-link .badge")).to_have_text("online")


async def _start_charging(page: Page) -> None:
    await page.click("#btn-start")
    await expect(page.locator("#ops-result")).to_contain_text("Accepted")
    await expect(page.locator("#tx-id")).to_be_visible()


async def _chart_energy(page: Page) -> float:
    value = await page.locator("#power-chart").get_attribute("data-energy-kwh")
    return float(value) if value else 0.0


async def test_station_appears_live_in_the_table(page: Page, stack: Stack) -> None:
    await page.goto(stack.base_url + "/")
    await expect(page.locator("#stations-table")).to_contain_text("No station has connected yet")
    await expect(page.locator("#live")).to_have_text("live")  # the event stream is open
    sim = await stack.station("CP_E2E_LIVE")
    try:
        row = page.locator('tr[data-charger-id="CP_E2E_LIVE"]')
        await expect(row).to_be_visible()
        await expect(row.locator(".badge.online")).to_have_text("online")
        await expect(row).to_contain_text("EVBox")
        await expect(row.locator("td").nth(3)).to_have_text("2.0.1")  # the OCPP column
    finally:
        await sim.disconnect()
    await expect(row.locator(".badge.offline")).to_have_text("offline")


async def test_start_button_and_the_power_chart_moves(page: Page, stack: Stack) -> None:
    sim = await stack.station("CP_E2E_CHART")
    try:
        await _station_page(page, stack, "CP_E2E_CHART")
        await _start_charging(page)
        chart = page.locator("#power-chart")
        # Bounded by the page's default timeout (10 s): two points with energy, then more energy.
        await page.wait_for_function(
            "() => { const d = document.querySelector('#power-chart').dataset;"
            " return Number(d.energyKwh || 0) > 0 && Number(d.points) >= 2; }"
        )
        first = await _chart_energy(page)
        await page.wait_for_function(
            "e => Number(document.querySelector('#power-chart').dataset.energyKwh) > e", arg=first
        )
        assert float(await chart.get_attribute("data-power-kw") or 0) > 0
        await expect(page.locator("#tx-power")).not_to_have_text("—")
        await page.click("#btn-stop")
        stopped = page.locator("#ops-result .notice.ok")
        await expect(stopped).to_contain_text("Stop: the station answered")
        await expect(stopped).to_contain_text("Accepted")
        await expect(page.locator("#tx-info")).to_contain_text("ended")
    finally:
        await sim.disconnect()


async def test_inspector_pairs_the_start_call_with_its_reply(page: Page, stack: Stack) -> None:
    sim = await stack.station("CP_E2E_FRAMES")
    try:
        await _station_page(page, stack, "CP_E2E_FRAMES")
        await _start_charging(page)
        exchange = page.locator('details.exchange[data-action="RequestStartTransaction"]')
        await expect(exchange.first).to_have_attribute("data-reply", "CALLRESULT")
        await page.select_option("#inspector-action", "RequestStartTransaction")
        await expect(page.locator("details.exchange")).to_have_count(1)
        await exchange.locator("summary").click()
        body = exchange.locator(".ex-body")
        await expect(body).to_contain_text("CALL RequestStartTransaction")
        await expect(body).to_contain_text('"idToken"')
        await expect(body).to_contain_text("CALLRESULT")
        await expect(body).to_contain_text('"status": "Accepted"')
        await expect(exchange.locator(".ex-latency")).to_contain_text("ms")
        await page.select_option("#inspector-action", "BootNotification")
        boot = page.locator('details.exchange[data-action="BootNotification"]')
        await expect(boot).to_have_count(1)
    finally:
        await sim.disconnect()


async def test_invalid_form_value_shows_the_validation_error(page: Page, stack: Stack) -> None:
    sim = await stack.station("CP_E2E_FORM")
    try:
        await _station_page(page, stack, "CP_E2E_FORM")
        await page.select_option("#command-action", "GetBaseReport")
        form = page.locator("#command-form")
        await form.locator('[data-path="requestId"]').fill("1.5")
        await form.locator('[data-path="reportBase"]').select_option("FullInventory")
        await page.click("#command-send")
        result = page.locator("#command-result .notice.error")
        await expect(result).to_contain_text("Invalid request")
        await expect(result).to_contain_text("requestId")
        # A valid value then reaches the station, which answers.
        await form.locator('[data-path="requestId"]').fill("7")
        await page.click("#command-send")
        await expect(page.locator("#command-result .notice.ok")).to_contain_text("Accepted")
    finally:
        await sim.disconnect()


async def test_disconnected_station_shows_the_offline_message(page: Page, stack: Stack) -> None:
    sim = await stack.station("CP_E2E_GONE")
    await _station_page(page, stack, "CP_E2E_GONE")
    await expect(page.locator("#offline-notice")).to_have_count(0)
    await sim.disconnect()
    await expect(page.locator("#offline-notice")).to_contain_text("CP_E2E_GONE is offline")
    await expect(page.locator("#station-link .badge")).to_have_text("offline")
    await page.click("#btn-reset")
    await expect(page.locator("#ops-result .notice.error")).to_contain_text("offline")


async def test_requests_and_events_show_a_command_and_a_notification(
    page: Page, stack: Stack
) -> None:
    sim = await stack.station("CP_E2E_TRACK")
    try:
        await _station_page(page, stack, "CP_E2E_TRACK")
        commands, notifications = (
            page.locator("#tracked-commands"),
            page.locator("#tracked-notifications"),
        )
        await expect(notifications).to_contain_text("No notification received yet")
        await page.click("#btn-unlock")  # UnlockConnector: answered without a reboot
        await expect(page.locator("#ops-result")).to_contain_text("Unlocked")
        row = commands.locator('tr[data-action="UnlockConnector"]')
        await expect(row).to_have_count(1)  # bounded by the page's default timeout (10 s)
        await expect(row.locator(".badge")).to_have_text("Unlocked")
        event = SecurityEventNotificationRequest.model_validate(
            {"type": "TamperDetectionActivated", "timestamp": "2026-01-01T00:00:00Z"}
        )
        await sim.call("SecurityEventNotification", event)
        note = notifications.locator('tr[data-action="SecurityEventNotification"]')
        await expect(note).to_contain_text("TamperDetectionActivated")
    finally:
        await sim.disconnect()
