"""The REST API's keys and roles (one FastAPI dependency), the security routes, the REST rate
limit, the security metrics, and the ``ocppkit api-keys`` commands against a running CSMS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from api_support import api_stack

from ocppkit import cli, run
from ocppkit.security.api_auth import ApiExposureError, check_api_exposure, is_loopback
from ocppkit.security.api_keys import ApiKeyStore
from ocppkit.security.limits import Limits

PASSWORD = "correct-horse-battery"
REQUIRED = {"require_api_key": True}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def keys(server: Any) -> dict[str, str]:
    made = {}
    for role in ("read-only", "operator", "admin"):
        _, made[role] = await server.api_keys.create(role, f"test {role}")
    return made


async def test_a_missing_or_unknown_key_is_401_in_the_error_shape() -> None:
    async with api_stack(REQUIRED) as (_server, client):
        response = await client.get("/chargers")
        assert response.status_code == 401
        assert response.json() == {
            "detail": "send an API key: Authorization: Bearer <key>",
            "code": "api_key_missing",
        }
        assert response.headers["WWW-Authenticate"] == "Bearer"
        response = await client.get("/chargers", headers=bearer("ocpk_nope"))
        assert (response.status_code, response.json()["code"]) == (401, "api_key_invalid")
        # the dashboard's page and the API docs stay open (the page asks for the key)
        assert (await client.get("/")).status_code == 200
        assert (await client.get("/openapi.json")).status_code == 200


async def test_roles_read_only_operator_admin() -> None:
    async with api_stack(REQUIRED) as (server, client):
        made = await keys(server)
        assert (await client.get("/chargers", headers=bearer(made["read-only"]))).status_code == 200
        command = {"type": "Immediate"}
        refused = await client.post(
            "/chargers/CP1/commands/Reset", json=command, headers=bearer(made["read-only"])
        )
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
        assert "operator" in refused.json()["detail"]
        as_operator = await client.post(
            "/chargers/CP1/commands/Reset", json=command, headers=bearer(made["operator"])
        )
        assert as_operator.status_code == 404  # let through: CP1 is not known
        body = {"profile": 1, "password": PASSWORD}
        for role in ("read-only", "operator"):
            response = await client.put(
                "/chargers/CP1/security", json=body, headers=bearer(made[role])
            )
            assert response.status_code == 403, role
            listed = await client.get("/api-keys", headers=bearer(made[role]))
            assert listed.status_code == 403, role
        response = await client.put(
            "/chargers/CP1/security", json=body, headers=bearer(made["admin"])
        )
        assert response.status_code == 200
        assert response.json() == {"charger_id": "CP1", "profile": 1, "password_set": True}
        assert PASSWORD not in response.text
        shown = await client.get("/chargers/CP1/security", headers=bearer(made["admin"]))
        assert shown.json()["password_set"] is True and PASSWORD not in shown.text
        assert server.get_station_security("CP1")["profile"] == 1


async def test_security_settings_are_validated() -> None:
    async with api_stack() as (_server, client):
        short = await client.put("/chargers/CP1/security", json={"profile": 1, "password": "x"})
        assert short.status_code == 422
        no_password = await client.put("/chargers/CP1/security", json={"profile": 1})
        assert no_password.json()["code"] == "invalid_security_settings"
        assert "needs a password" in no_password.json()["detail"]
        tls = await client.put("/chargers/CP1/security", json={"profile": 3})
        assert "needs TLS" in tls.json()["detail"]
        bad_id = await client.put("/chargers/..%2F/security", json={"profile": 0})
        assert bad_id.status_code in (404, 422)


async def test_keys_made_and_revoked_through_the_api_count_at_once() -> None:
    async with api_stack(REQUIRED) as (server, client):
        admin = (await keys(server))["admin"]
        made = await client.post("/api-keys", json={"role": "read-only"}, headers=bearer(admin))
        assert made.status_code == 201
        new = made.json()["key"]
        assert (await client.get("/chargers", headers=bearer(new))).status_code == 200
        listed = (await client.get("/api-keys", headers=bearer(admin))).json()
        assert all("key" not in k and "key_hash" not in k for k in listed)
        revoked = await client.delete(f"/api-keys/{made.json()['id']}", headers=bearer(admin))
        assert revoked.status_code == 200
        assert (await client.get("/chargers", headers=bearer(new))).status_code == 401


async def test_the_event_stream_takes_the_key_as_a_query_parameter() -> None:
    async with api_stack(REQUIRED) as (server, client):
        key = (await keys(server))["read-only"]
        assert (await client.get("/events?access_token=wrong")).status_code == 401
        async with client.stream("GET", f"/events?access_token={key}") as response:
            assert response.status_code == 200
        # only there: elsewhere a key in the URL is not read
        assert (await client.get(f"/chargers?access_token={key}")).status_code == 401


async def test_the_rest_rate_limit_answers_429_and_is_counted() -> None:
    limits = Limits(api_rate=0.5, api_burst=3)
    async with api_stack({"rate_limit": True}, limits=limits) as (_server, client):
        statuses = [(await client.get("/chargers")).status_code for _ in range(5)]
        assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
        limited = await client.get("/chargers")
        assert limited.json()["code"] == "rate_limited"
    async with api_stack(limits=limits) as (_server, client):  # loopback, no keys: trusted
        assert {(await client.get("/chargers")).status_code for _ in range(5)} == {200}
    async with api_stack(REQUIRED, limits=limits) as (server, client):  # keys: limited too
        key = (await keys(server))["read-only"]
        statuses = [
            (await client.get("/chargers", headers=bearer(key))).status_code for _ in range(4)
        ]
        assert statuses[-1] == 429


async def test_metrics_show_refusals_and_limits() -> None:
    async with api_stack(limits=Limits(api_rate=None)) as (server, client):
        server.security_counters.refused("password_wrong")
        server.security_counters.limit_hit("max_frame_bytes")
        text = (await client.get("/metrics")).text
        assert 'ocppkit_security_refusals_total{reason="password_wrong"} 1' in text
        assert 'ocppkit_limits_hit_total{limit="max_frame_bytes"} 1' in text


# --- when keys are required, and the CLI ---


def test_loopback_addresses() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.5.5.5", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "", "192.0.2.1", "example.org"]))


async def test_beyond_loopback_a_key_is_needed_and_on_loopback_once_one_exists() -> None:
    store = ApiKeyStore()
    assert await check_api_exposure(store, "127.0.0.1") is False
    with pytest.raises(ApiExposureError, match="ocppkit api-keys create --role admin"):
        await check_api_exposure(store, "0.0.0.0")
    await store.create("read-only")
    assert await check_api_exposure(store, "0.0.0.0") is True
    assert await check_api_exposure(store, "127.0.0.1") is True


async def test_the_server_refuses_to_start_beyond_loopback_without_a_key(tmp_path: Path) -> None:
    options = run.ServerOptions(
        "127.0.0.1", 0, "0.0.0.0", 0, database_url=f"sqlite+aiosqlite:///{tmp_path / 'c.db'}"
    )
    with pytest.raises(ApiExposureError, match="beyond loopback"):
        async with run.csms_with_api(options):
            pass


def test_the_cli_server_exits_saying_how_to_create_a_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["server", "--host", "127.0.0.1", "--port", "0", "--api-port", "0"]
    status = cli.main([*argv, "--api-host", "0.0.0.0", "--duration", "1"])
    assert status == 1
    assert "ocppkit api-keys create --role admin" in capsys.readouterr().err


async def test_cli_keys_count_at_once_on_a_running_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'csms.db'}"
    async with api_stack(REQUIRED, database_url=database) as (_server, client):
        import asyncio

        def ocppkit(*argv: str) -> tuple[int, str]:
            status = cli.main([*argv, "--database-url", database])
            return status, capsys.readouterr().out

        status, out = await asyncio.to_thread(ocppkit, "api-keys", "create", "--role", "admin")
        assert status == 0 and "shown only now" in out
        key = next(line for line in out.splitlines() if line.startswith("ocpk_"))
        key_id = out.split()[3]
        assert (await client.get("/api-keys", headers=bearer(key))).status_code == 200
        status, out = await asyncio.to_thread(ocppkit, "api-keys", "list")
        assert key_id in out and "admin" in out and key not in out
        status, _ = await asyncio.to_thread(ocppkit, "api-keys", "revoke", key_id)
        assert status == 0
        assert (await client.get("/api-keys", headers=bearer(key))).status_code == 401
        status, _ = await asyncio.to_thread(ocppkit, "api-keys", "revoke", key_id)
        assert status == 2


async def test_httpx_sanity() -> None:  # the client sends what a Prometheus scrape sends
    request = httpx.Request("GET", "http://x/metrics", headers=bearer("k"))
    assert request.headers["authorization"] == "Bearer k"


async def test_password_rotation_through_the_api_is_admin_only() -> None:
    import asyncio

    from ocppkit.simulator import ChargerSimulator

    async with api_stack(REQUIRED) as (server, client):
        made = await keys(server)
        await server.set_station_security("CP-ROT", 1, PASSWORD)
        station = ChargerSimulator(
            "CP-ROT",
            f"ws://127.0.0.1:{server.port}",
            basic_auth_password=PASSWORD,
            reconnect_min_delay=0.05,
        )
        async with asyncio.timeout(10):
            await station.connect()
        try:
            body = {"password": "rotated-by-the-api-01"}
            path = "/chargers/CP-ROT/security/password"
            denied = await client.post(path, json=body, headers=bearer(made["operator"]))
            assert denied.status_code == 403
            done = await client.post(path, json=body, headers=bearer(made["admin"]))
            assert done.status_code == 200
            assert done.json() == {
                "charger_id": "CP-ROT",
                "status": "RebootRequired",
                "reset": True,
                "pending": True,
            }
            missing = await client.post(
                "/chargers/NOPE/security/password", json=body, headers=bearer(made["admin"])
            )
            assert missing.status_code == 404
            # the new password is in no history the API shows
            for shown in ("/chargers/CP-ROT/messages", "/chargers/CP-ROT/commands"):
                text = (await client.get(shown, headers=bearer(made["admin"]))).text
                assert "rotated-by-the-api-01" not in text, shown
            messages = await client.get("/chargers/CP-ROT/messages", headers=bearer(made["admin"]))
            assert '"attributeValue":"***"' in messages.text.replace(" ", "")
            assert "rotated-by-the-api-01" not in str(server.get_device_model("CP-ROT"))
        finally:
            await station.disconnect()


async def test_a_profile_upgrade_needs_an_admin_key_and_a_real_upgrade() -> None:
    async with api_stack(REQUIRED) as (server, client):
        made = await keys(server)
        from api_support import connected_station

        station = await connected_station(server, "CP-UPG")
        try:
            path = "/chargers/CP-UPG/security/upgrade"
            body = {"profile": 2, "csms_url": "wss://csms.example/ocpp"}
            assert (
                await client.post(path, json=body, headers=bearer(made["operator"]))
            ).status_code == 403
            refused = await client.post(path, json=body, headers=bearer(made["admin"]))
            assert refused.status_code == 422  # this CSMS serves no TLS
            assert "needs TLS" in refused.json()["detail"]
        finally:
            await station.disconnect()


async def test_refused_connections_are_listed_for_admins() -> None:
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    async with api_stack(REQUIRED) as (server, client):
        made = await keys(server)
        await server.set_station_security("CP-EV", 1, PASSWORD)
        with pytest.raises(InvalidStatus):
            await connect(
                f"ws://127.0.0.1:{server.port}/CP-EV",
                subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
            )
        path = "/security/events?charger_id=CP-EV"
        assert (await client.get(path, headers=bearer(made["read-only"]))).status_code == 403
        events = (await client.get(path, headers=bearer(made["admin"]))).json()
        assert [(e["charger_id"], e["reason"]) for e in events] == [("CP-EV", "password_missing")]
