"""The web dashboard: static files (vanilla JS modules, no build step) served by the REST app.

``GET /`` answers ``index.html``; ``/static/...`` the rest; ``/favicon.ico`` the icon (an SVG, for
the browsers and tools that ask for it there). The page talks to the same app's JSON
endpoints and its ``/events`` stream; it holds no state on the server.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard at ``/`` and its files under ``/static`` (kept out of the OpenAPI)."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def dashboard() -> FileResponse:
        # no-cache: a new ocppkit version's page is picked up without a hard reload
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")
