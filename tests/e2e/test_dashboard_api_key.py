"""The dashboard when the API needs a key: the page asks once, keeps the key in the tab's
sessionStorage and sends it as a Bearer token."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from e2e.browser import CHROMIUM_ARGS, TIMEOUT_MS, Stack
from playwright.async_api import Dialog, async_playwright, expect

from ocppkit.api import ApiServer, create_app
from ocppkit.csms import OCPPServer


@pytest.fixture
async def keyed(chromium_path: Path) -> AsyncIterator[tuple[Stack, str]]:
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=30, call_timeout=3.0)
    await server.start()
    _, key = await server.api_keys.create("read-only", "dashboard")
    api = ApiServer(create_app(server, require_api_key=True), "127.0.0.1", 0)
    await api.start()
    try:
        yield Stack(server, api), key
    finally:
        await api.stop()
        await server.stop()


async def test_the_dashboard_asks_for_the_key_and_sends_it(
    chromium_path: Path, keyed: tuple[Stack, str]
) -> None:
    stack, key = keyed
    sim = await stack.station("CP_E2E_KEY")
    prompts: list[str] = []

    async def answer(dialog: Dialog) -> None:
        prompts.append(dialog.message)
        await dialog.accept(key)

    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=str(chromium_path), args=CHROMIUM_ARGS, timeout=3 * TIMEOUT_MS
            )
            try:
                page = await browser.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                page.on("dialog", answer)
                await page.goto(stack.base_url + "/")
                row = page.locator('tr[data-charger-id="CP_E2E_KEY"]')
                await expect(row).to_be_visible()
                stored = await page.evaluate("() => sessionStorage.getItem('ocppkit.apiKey')")
                assert stored == key
                assert len(prompts) == 1 and "API key" in prompts[0]
            finally:
                await browser.close()
    finally:
        await sim.disconnect()
