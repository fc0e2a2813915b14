"""The REST API's one authentication dependency (``authorize``), applied to every route.

With keys required (``create_app(require_api_key=True)``; ``ocppkit server`` requires them
beyond loopback or once any key exists) every request but the dashboard's page and the API docs
sends ``Authorization: Bearer <key>``. The role needed follows from the request:

- ``admin``: anything under ``/api-keys``, and every path with a ``security`` segment
  (``/security/events``, ``/chargers/{id}/security``, ``.../security/password``);
- ``read-only``: every other GET (HEAD);
- ``operator``: every other method (the commands).

A missing or unknown key is 401 (``WWW-Authenticate: Bearer``), a key whose role is too low 403,
both in the API's error shape. ``GET /events`` also takes the key as ``?access_token=``, since a
browser's EventSource cannot send headers. With keys required (or ``create_app(rate_limit=True)``)
every client address is rate limited too (429).
"""

from __future__ import annotations

import time

from fastapi import Request

from ocppkit.api.deps import ApiError
from ocppkit.security.api_keys import role_rank
from ocppkit.security.limits import BucketsByKey

OPEN_PATHS = frozenset({"/", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"})


def required_role(method: str, path: str) -> str:
    """The least role that may make this request."""
    segments = path.split("/")
    if path.startswith("/api-keys") or "security" in segments:
        return "admin"
    if method in ("GET", "HEAD"):
        return "read-only"
    return "operator"


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" and value.strip() else None
    if request.url.path == "/events":
        return request.query_params.get("access_token") or None
    return None


async def authorize(request: Request) -> None:
    """The dependency: rate limit, then the key and its role (see the module docstring).

    Raises:
        ApiError: 429 rate_limited, 401 api_key_missing / api_key_invalid, 403 forbidden.
    """
    state = request.app.state
    buckets: BucketsByKey | None = state.rate_limits
    client = request.client.host if request.client else "?"
    if buckets is not None:
        wait = buckets.take(client, time.monotonic())
        if wait:
            state.operator.server.security_counters.limit_hit("api_rate")
            raise ApiError(
                429,
                "rate_limited",
                f"too many requests from {client}; retry in {wait:.1f} s",
                {"retry_after": round(wait, 1)},
            )
    path = request.url.path
    if not state.require_api_key or path in OPEN_PATHS:
        return
    key = _bearer(request)
    if key is None:
        raise ApiError(401, "api_key_missing", "send an API key: Authorization: Bearer <key>")
    record = await state.operator.server.api_keys.lookup(key)
    if record is None:
        state.operator.server.security_counters.refused("api_key_invalid")
        raise ApiError(401, "api_key_invalid", "this API key is unknown or revoked")
    need = required_role(request.method, path)
    if role_rank(record.role) < role_rank(need):
        state.operator.server.security_counters.refused("api_role_too_low")
        raise ApiError(
            403, "forbidden", f"this needs the {need} role; key {record.id} has {record.role}"
        )
    request.state.api_key = record


__all__ = ["OPEN_PATHS", "authorize", "required_role"]
