"""Browser tests: the CSMS and its REST API in the test's event loop on 127.0.0.1 (ephemeral
ports), driven through the dashboard in Debian's headless Chromium by Python playwright.

Chromium is ``/usr/bin/chromium`` from Debian's ``chromium`` package, which ``make setup``
installs (scripts/install_browser.sh); playwright never downloads a browser here. In CI
(``CI=true``) a missing browser fails the tests; elsewhere it skips them with the reason.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from e2e.browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, Stack, missing_browser

from ocppkit.api import ApiServer, create_app
from ocppkit.csms import OCPPServer


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    reason = missing_browser()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture
async def stack(chromium_path: Path) -> AsyncIterator[Stack]:
    # database_url=None: the CSMS keeps its state in memory, nothing is written to disk
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=30, call_timeout=3.0)
    await server.start()
    api = ApiServer(create_app(server), "127.0.0.1", 0)
    await api.start()
    try:
        yield Stack(server, api)
    finally:
        await api.stop()
        await server.stop()


@pytest.fixture
async def page(chromium_path: Path, stack: Stack):  # type: ignore[no-untyped-def]
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS, timeout=3 * TIMEOUT_MS
        )
        try:
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            yield page
            assert not errors, f"JavaScript errors on the page: {errors}"
        finally:
            await browser.close()
