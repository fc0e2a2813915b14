"""The dashboard's files as served by ``create_app`` (no browser needed): the page, every module
it imports, and nothing of it in the OpenAPI."""

from __future__ import annotations

import re

import httpx

from ocppkit.api import create_app
from ocppkit.api.dashboard import STATIC_DIR
from ocppkit.csms import OCPPServer


def _client() -> httpx.AsyncClient:
    app = create_app(OCPPServer("127.0.0.1", 0))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_index_and_every_imported_module_are_served() -> None:
    async with _client() as client:
        index = await client.get("/")
        assert index.status_code == 200
        assert index.headers["content-type"].startswith("text/html")
        assert '<script type="module" src="/static/app.js">' in index.text
        modules = {p.name for p in STATIC_DIR.glob("*.js")}
        for module in sorted(modules):
            source = (await client.get(f"/static/{module}")).text
            assert source == (STATIC_DIR / module).read_text(encoding="utf-8")
            for imported in re.findall(r"from '\./([\w.]+)'", source):
                assert imported in modules, f"{module} imports a missing ./{imported}"
        css = await client.get("/static/app.css")
        assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
        assert (await client.get("/static/nope.js")).status_code == 404
        assert '<link rel="icon" href="/static/favicon.svg"' in index.text
        for icon in ("/favicon.ico", "/static/favicon.svg"):
            answer = await client.get(icon)
            assert answer.status_code == 200, icon
            assert answer.headers["content-type"].startswith("image/svg+xml")
            assert answer.text.startswith("<svg")


async def test_dashboard_is_not_part_of_the_openapi() -> None:
    async with _client() as client:
        paths = (await client.get("/openapi.json")).json()["paths"]
    assert "/" not in paths
    assert not any(p.startswith("/static") for p in paths)
    assert "/favicon.ico" not in paths
