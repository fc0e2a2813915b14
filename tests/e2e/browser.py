"""What the browser tests and scripts/screenshots.py share: the browser's path and flags, and a
CSMS with its REST API (and dashboard) on 127.0.0.1 ephemeral ports."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from ocppkit.api import ApiServer
from ocppkit.csms import OCPPServer
from ocppkit.simulator import ChargerSimulator

CHROMIUM = Path("/usr/bin/chromium")
# Flags this machine's closed network and a root user need (see the machine notes); playwright
# adds --headless and gives every launch a fresh, empty user-data-dir of its own.
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
TIMEOUT_MS = 10_000  # every playwright wait is bounded by this


def missing_browser() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "Python playwright is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing: install Debian's chromium and chromium-driver "
            "(make setup does it as root: scripts/install_browser.sh)"
        )
    return None


@dataclass
class Stack:
    server: OCPPServer
    api: ApiServer

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.api.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}"

    async def station(self, charger_id: str, **options: object) -> ChargerSimulator:
        """A simulated station, connected and booted."""
        sim = ChargerSimulator(charger_id, self.ws_url, sample_interval=0.25, **options)  # type: ignore[arg-type]
        async with asyncio.timeout(10):
            await sim.connect()
        return sim
