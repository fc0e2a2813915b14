"""Security profiles 1-3 on the CSMS (OCPP 2.0.1 part 2, A00-A05), accept and refuse paths,
with our simulator and with a station on the ``ocpp`` library (a plain websockets client):
Basic auth against hashed passwords, TLS, client certificates that must name the station, no
downgrade below a station's profile, and station ids with path tricks refused."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result
from security_support import PASSWORD, WAIT, Pki, csms, make_pki, url
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidMessage, InvalidStatus
from websockets.headers import build_authorization_basic

from ocppkit.csms import OCPPServer
from ocppkit.security.ca import CertificateAuthority
from ocppkit.security.limits import Limits
from ocppkit.security.proxy import TrustedProxy
from ocppkit.security.stations import SecuritySettingError
from ocppkit.simulator import ChargerSimulator, SimulatorError
from ocppkit.simulator.security import client_ssl_context

# With TLS 1.3 the client learns that its certificate was refused after its side of the TLS
# handshake: as an alert read in place of the HTTP response.
TLS_REFUSED = (ssl.SSLError, OSError, InvalidMessage)


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    return make_pki(tmp_path)


async def sim_connects(station: ChargerSimulator, within: float = WAIT) -> bool:
    try:
        await station.connect(within)
    except SimulatorError:
        return False
    await station.disconnect()
    return True


async def lib_boot(
    server: OCPPServer,
    station_id: str,
    password: str | None = None,
    tls: ssl.SSLContext | None = None,
    user: str | None = None,
) -> str:
    """Connect an ``ocpp`` library station and boot; its registration status."""
    headers = None
    if password is not None:
        headers = {"Authorization": build_authorization_basic(user or station_id, password)}
    async with asyncio.timeout(WAIT):
        async with connect(
            f"{url(server)}/{station_id}",
            subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
            additional_headers=headers,
            ssl=tls,
        ) as ws:
            cp = ChargePoint(station_id, ws, response_timeout=WAIT)
            reader = asyncio.create_task(cp.start())
            try:
                response = await cp.call(
                    call.BootNotification(
                        charging_station={"model": "Lib", "vendor_name": "ocpp"},
                        reason="PowerUp",
                    )
                )
            finally:
                reader.cancel()
            return str(response.status)


async def refused_status(server: OCPPServer, station_id: str, **kwargs: Any) -> int:
    with pytest.raises(InvalidStatus) as info:
        await lib_boot(server, station_id, **kwargs)
    return info.value.response.status_code


# --- profile 1: Basic auth over ws:// ---


async def test_profile_1_accepts_the_right_password_and_refuses_others() -> None:
    async with csms() as server:
        await server.set_station_security("CP-P1", 1, PASSWORD)
        assert server.get_station_security("CP-P1") == {
            "charger_id": "CP-P1",
            "profile": 1,
            "password_set": True,
        }
        ok = ChargerSimulator("CP-P1", url(server), basic_auth_password=PASSWORD)
        assert await sim_connects(ok)
        wrong = ChargerSimulator("CP-P1", url(server), basic_auth_password="x" * 16)
        assert not await sim_connects(wrong, within=1.0)
        assert not await sim_connects(ChargerSimulator("CP-P1", url(server)), within=1.0)

        assert await lib_boot(server, "CP-P1", PASSWORD) == "Accepted"
        assert await refused_status(server, "CP-P1") == 401
        assert await refused_status(server, "CP-P1", password="wrong-password-123") == 401
        assert await refused_status(server, "CP-P1", password=PASSWORD, user="CP-OTHER") == 401
        reasons = server.security_counters.refusals
        assert reasons["password_missing"] >= 2 and reasons["password_wrong"] >= 2
        assert reasons["wrong_user"] == 1
        event = (await server.security_events.recent(1))[0]
        assert (event["charger_id"], event["reason"]) == ("CP-P1", "wrong_user")
        assert event["remote_address"] == "127.0.0.1"


async def test_a_refusal_is_a_401_with_a_basic_challenge_before_the_upgrade() -> None:
    async with csms() as server:
        await server.set_station_security("CP-P1", 1, PASSWORD)
        events: list[tuple[str, str, dict[str, Any]]] = []
        server.add_listener(lambda kind, cid, data: events.append((kind, cid, data)))
        with pytest.raises(InvalidStatus) as info:
            await lib_boot(server, "CP-P1")
        assert info.value.response.headers["WWW-Authenticate"].startswith("Basic")
        assert ("security", "CP-P1") == events[-1][:2]
        assert not server.is_connected("CP-P1")


async def test_stations_without_settings_connect_as_before_unless_a_minimum_is_set() -> None:
    async with csms() as server:
        assert await lib_boot(server, "CP-FREE") == "Accepted"
        assert await lib_boot(server, "CP-FREE", password="anything-at-all-1") == "Accepted"
    async with csms(unknown_station_profile=1) as server:
        assert await refused_status(server, "CP-FREE") == 401


async def test_settings_are_checked() -> None:
    async with csms() as server:
        with pytest.raises(SecuritySettingError, match="needs a password"):
            await server.set_station_security("CP-X", 1)
        with pytest.raises(SecuritySettingError, match="16 to 40"):
            await server.set_station_security("CP-X", 1, "short")
        with pytest.raises(SecuritySettingError, match="needs TLS"):
            await server.set_station_security("CP-X", 2, PASSWORD)


async def test_passwords_are_stored_hashed_and_survive_a_restart(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'csms.db'}"
    async with csms(database_url=database) as server:
        await server.set_station_security("CP-DB", 1, PASSWORD)
        assert await refused_status(server, "CP-DB", password="not-the-password-1") == 401
    raw = (tmp_path / "csms.db").read_bytes()
    assert PASSWORD.encode() not in raw and b"scrypt$" in raw
    async with csms(database_url=database) as server:
        assert server.get_station_security("CP-DB")["profile"] == 1
        assert await lib_boot(server, "CP-DB", PASSWORD) == "Accepted"
        assert await refused_status(server, "CP-DB") == 401
        events = await server.security_events.recent(10, "CP-DB")  # the first run's too
        assert [e["reason"] for e in events] == ["password_missing", "password_wrong"]


# --- profile 2: TLS + Basic auth ---


async def test_profile_2_tls_with_basic_auth(pki: Pki) -> None:
    async with csms(ssl_context=pki.server_context(client_ca=False)) as server:
        await server.set_station_security("CP-P2", 2, PASSWORD)
        tls = pki.client()
        station = ChargerSimulator(
            "CP-P2", url(server), basic_auth_password=PASSWORD, ssl_context=tls
        )
        assert await sim_connects(station)
        assert await lib_boot(server, "CP-P2", PASSWORD, tls=pki.client()) == "Accepted"
        assert await refused_status(server, "CP-P2", tls=pki.client()) == 401
        untrusting = ssl.create_default_context()  # the system CAs do not know the test CA
        with pytest.raises(ssl.SSLCertVerificationError):
            await lib_boot(server, "CP-P2", PASSWORD, tls=untrusting)


def test_the_server_speaks_tls_1_2_or_newer_with_modern_ciphers_only(pki: Pki) -> None:
    context = pki.server_context()
    assert context.minimum_version == ssl.TLSVersion.TLSv1_2
    tls12 = [c["name"] for c in context.get_ciphers() if c["protocol"] == "TLSv1.2"]
    assert tls12 and all(name.startswith("ECDHE") for name in tls12)
    assert not [n for n in tls12 if "CBC" in n or "SHA" == n.rsplit("-", 1)[-1]]


# --- profile 3: client certificates ---


async def test_profile_3_accepts_the_stations_own_certificate_only(pki: Pki) -> None:
    async with csms(ssl_context=pki.server_context()) as server:
        await server.set_station_security("CP-A", 3)
        await server.set_station_security("CP-B", 3)
        assert await sim_connects(
            ChargerSimulator("CP-A", url(server), ssl_context=pki.client("CP-A"))
        )
        assert await lib_boot(server, "CP-A", tls=pki.client("CP-A")) == "Accepted"
        # a valid certificate of the same CA, for another station, is refused
        assert await refused_status(server, "CP-B", tls=pki.client("CP-A")) == 403
        stolen = ChargerSimulator("CP-B", url(server), ssl_context=pki.client("CP-A"))
        assert not await sim_connects(stolen, within=1.0)
        # even for a station with no settings, and even with its password
        await server.set_station_security("CP-C", 1, PASSWORD)
        assert (
            await refused_status(server, "CP-C", password=PASSWORD, tls=pki.client("CP-A")) == 403
        )
        assert await refused_status(server, "CP-NEW", tls=pki.client("CP-A")) == 403
        assert server.security_counters.refusals["certificate_mismatch"] >= 4


async def test_profile_3_refuses_no_expired_and_foreign_certificates(pki: Pki) -> None:
    async with csms(ssl_context=pki.server_context()) as server:
        await server.set_station_security("CP-A", 3)
        assert await lib_boot(server, "CP-A", tls=pki.client("CP-A")) == "Accepted"  # control
        assert await refused_status(server, "CP-A", tls=pki.client()) == 403  # no certificate
        with pytest.raises(TLS_REFUSED):
            await lib_boot(server, "CP-A", tls=pki.client("CP-A", days=0))  # expired
        stranger = CertificateAuthority.create("stranger CA")
        with pytest.raises(TLS_REFUSED):
            await lib_boot(server, "CP-A", tls=pki.client("CP-A", ca=stranger))
        assert not server.is_connected("CP-A")


async def test_profile_3_refuses_a_revoked_certificate(pki: Pki) -> None:
    cert_file, key_file = pki.station("CP-R")
    crl = pki.revoke(cert_file)
    async with csms(ssl_context=pki.server_context(crl=crl)) as server:
        assert await lib_boot(server, "CP-OK", tls=pki.client("CP-OK")) == "Accepted"
        with pytest.raises(TLS_REFUSED):
            await lib_boot(server, "CP-R", tls=client_ssl_context(pki.ca_file, cert_file, key_file))


async def test_no_downgrade_below_the_stations_profile(pki: Pki) -> None:
    async with csms(ssl_context=pki.server_context()) as server:
        await server.set_station_security("CP-3", 3, PASSWORD)
        # A05: a password over TLS is profile 2, below the station's 3
        assert await refused_status(server, "CP-3", password=PASSWORD, tls=pki.client()) == 403
        assert server.security_counters.refusals["below_profile"] == 1
        await server.set_station_security("CP-2", 2, PASSWORD)
        assert await lib_boot(server, "CP-2", tls=pki.client("CP-2")) == "Accepted"  # 3 > 2


async def test_password_rotation_keeps_the_old_one_until_the_new_one_is_used() -> None:
    async with csms() as server:
        await server.set_station_security("CP-ROT", 1, PASSWORD)
        await server.station_security.begin_rotation("CP-ROT", "the-new-password-42")
        assert await lib_boot(server, "CP-ROT", PASSWORD) == "Accepted"  # not yet confirmed
        assert await lib_boot(server, "CP-ROT", "the-new-password-42") == "Accepted"
        assert await refused_status(server, "CP-ROT", password=PASSWORD) == 401


# --- station ids ---


@pytest.mark.parametrize(
    "path",
    [
        "/ocpp/..",
        "/ocpp/.",
        "/ocpp/CP1%2F..%2FCP2",
        "/ocpp/%2E%2E",
        "/ocpp/" + "A" * 49,
        "/ocpp/CP%00",
        "/ocpp/CP%0A1",
        "/ocpp/CP%E2%80%8B1",  # zero-width space
        "/ocpp/%D0%A1P1",  # Cyrillic Es looks like C
        "/ocpp/CP%252F1",
        "/ocpp/",
    ],
)
async def test_station_ids_with_path_tricks_are_refused_at_the_handshake(path: str) -> None:
    async with csms() as server:
        with pytest.raises(InvalidStatus) as info:
            async with asyncio.timeout(WAIT):
                async with connect(
                    f"ws://127.0.0.1:{server.port}{path}",
                    subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
                ):
                    pass
        assert info.value.response.status_code == 400
        assert server.list_chargers() == []


# --- behind a TLS-terminating reverse proxy ---


def forwarded(cert_file: str | None, proto: str = "https") -> dict[str, str]:
    headers = {"X-Forwarded-Proto": proto}
    if cert_file is not None:
        headers["X-Client-Cert"] = quote(Path(cert_file).read_text())
    return headers


async def proxied_boot(server: OCPPServer, station_id: str, headers: dict[str, str]) -> str:
    async with asyncio.timeout(WAIT):
        async with connect(
            f"{url(server)}/{station_id}",
            subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
            additional_headers=headers,
        ) as ws:
            cp = ChargePoint(station_id, ws, response_timeout=WAIT)
            reader = asyncio.create_task(cp.start())
            try:
                response = await cp.call(
                    call.BootNotification(
                        charging_station={"model": "Lib", "vendor_name": "ocpp"},
                        reason="PowerUp",
                    )
                )
            finally:
                reader.cancel()
            return str(response.status)


async def proxied_status(server: OCPPServer, station_id: str, headers: dict[str, str]) -> int:
    with pytest.raises(InvalidStatus) as info:
        await proxied_boot(server, station_id, headers)
    return info.value.response.status_code


async def test_behind_a_trusted_proxy_its_forwarded_certificate_names_the_station(
    pki: Pki,
) -> None:
    cert_a, _ = pki.station("CP-A")
    revoked, _ = pki.station("CP-A")
    stranger, _ = pki.station("CP-A", ca=CertificateAuthority.create("stranger"))
    expired, _ = pki.station("CP-A", days=0)
    proxy = TrustedProxy(["127.0.0.0/8"], pki.ca_file, pki.revoke(revoked))
    async with csms(trusted_proxy=proxy) as server:
        await server.set_station_security("CP-A", 3)
        await server.set_station_security("CP-B", 3)
        assert await proxied_boot(server, "CP-A", forwarded(cert_a)) == "Accepted"
        assert await proxied_status(server, "CP-B", forwarded(cert_a)) == 403
        for bad in (stranger, expired, revoked):
            assert await proxied_status(server, "CP-A", forwarded(bad)) == 403
        assert server.security_counters.refusals["proxy_certificate_refused"] == 3
        await proxied_status(server, "CP-B", {**forwarded(cert_a), "X-Forwarded-For": "192.0.2.7"})
        event = (await server.security_events.recent(1))[0]
        assert (event["remote_address"], event["reason"]) == ("192.0.2.7", "certificate_mismatch")
        # profile 2 through the proxy: its https counts as TLS, plain http does not
        await server.set_station_security("CP-2", 2, PASSWORD)
        auth = {"Authorization": build_authorization_basic("CP-2", PASSWORD)}
        assert await proxied_boot(server, "CP-2", {**forwarded(None), **auth}) == "Accepted"
        assert await proxied_status(server, "CP-2", {**forwarded(None, "http"), **auth}) == 403


async def test_forwarded_headers_from_other_addresses_are_ignored(pki: Pki) -> None:
    cert_a, _ = pki.station("CP-A")
    proxy = TrustedProxy(["192.0.2.10"], pki.ca_file)  # not where the test connects from
    async with csms(trusted_proxy=proxy) as server:
        await server.set_station_security("CP-A", 3)
        assert await proxied_status(server, "CP-A", forwarded(cert_a)) == 403
        assert server.security_counters.refusals["below_profile"] == 1


# --- A01 end to end: the CSMS gives our simulator a new password ---


async def test_a01_rotation_with_our_simulator() -> None:
    async with csms() as server:
        await server.set_station_security("CP-A01", 1, PASSWORD)
        station = ChargerSimulator(
            "CP-A01", url(server), basic_auth_password=PASSWORD, reconnect_min_delay=0.05
        )
        async with asyncio.timeout(WAIT):
            await station.connect()
        try:
            result = await server.rotate_station_password("CP-A01", "rotated-password-0042")
            assert result == {
                "charger_id": "CP-A01",
                "status": "RebootRequired",
                "reset": True,
                "pending": True,
            }
            async with asyncio.timeout(WAIT):  # it reboots and connects with the new one
                while server.station_security.get("CP-A01").previous_password_hash:  # type: ignore[union-attr]  # noqa: ASYNC110
                    await asyncio.sleep(0.02)
            assert station.basic_auth_password == "rotated-password-0042"
        finally:
            await station.disconnect()
        assert await refused_status(server, "CP-A01", password=PASSWORD) == 401
        assert await lib_boot(server, "CP-A01", "rotated-password-0042") == "Accepted"


async def test_a01_a_refused_rotation_keeps_the_old_password() -> None:
    async with csms() as server:
        await server.set_station_security("CP-LIB", 1, PASSWORD)

        class Refusing(ChargePoint):  # type: ignore[misc]
            @on("SetVariables")
            async def on_set_variables(self, set_variable_data: list[Any], **_: Any) -> Any:
                item = set_variable_data[0]
                return call_result.SetVariables(
                    set_variable_result=[
                        {
                            "attribute_status": "Rejected",
                            "component": item["component"],
                            "variable": item["variable"],
                        }
                    ]
                )

        headers = {"Authorization": build_authorization_basic("CP-LIB", PASSWORD)}
        async with asyncio.timeout(WAIT):
            async with connect(
                f"{url(server)}/CP-LIB",
                subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
                additional_headers=headers,
            ) as ws:
                cp = Refusing("CP-LIB", ws, response_timeout=WAIT)
                reader = asyncio.create_task(cp.start())
                try:
                    await cp.call(
                        call.BootNotification(
                            charging_station={"model": "Lib", "vendor_name": "ocpp"},
                            reason="PowerUp",
                        )
                    )
                    result = await server.rotate_station_password("CP-LIB", "never-used-password-1")
                finally:
                    reader.cancel()
        assert result["status"] == "Rejected" and not result["pending"]
        assert await lib_boot(server, "CP-LIB", PASSWORD) == "Accepted"
        assert await refused_status(server, "CP-LIB", password="never-used-password-1") == 401


# --- A05 end to end: the CSMS moves a station up from profile 2 to 3 ---


class Obedient(ChargePoint):  # type: ignore[misc]
    """An ``ocpp`` library station that takes a new network profile and reboots on Reset."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.profiles: list[dict[str, Any]] = []
        self.reset = asyncio.Event()

    @on("SetNetworkProfile")
    async def on_set_network_profile(self, configuration_slot: int, connection_data: Any) -> Any:
        self.profiles.append({"slot": configuration_slot, **connection_data})
        return call_result.SetNetworkProfile(status="Accepted")

    @on("SetVariables")
    async def on_set_variables(self, set_variable_data: list[Any], **_: Any) -> Any:
        item = set_variable_data[0]
        return call_result.SetVariables(
            set_variable_result=[
                {
                    "attribute_status": "RebootRequired",
                    "component": item["component"],
                    "variable": item["variable"],
                }
            ]
        )

    @on("Reset")
    async def on_reset(self, type: str, **_: Any) -> Any:
        self.reset.set()
        return call_result.Reset(status="Accepted")


async def test_a05_upgrade_from_profile_2_to_3(pki: Pki) -> None:
    async with csms(ssl_context=pki.server_context()) as server:
        await server.set_station_security("CP-UP", 2, PASSWORD)
        with pytest.raises(SecuritySettingError, match="no upgrade"):
            await server.upgrade_station_profile("CP-UP", 2, "wss://csms.example/ocpp")
        headers = {"Authorization": build_authorization_basic("CP-UP", PASSWORD)}
        async with asyncio.timeout(WAIT):
            async with connect(
                f"{url(server)}/CP-UP",
                subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
                additional_headers=headers,
                ssl=pki.client(),
            ) as ws:
                station = Obedient("CP-UP", ws, response_timeout=WAIT)
                reader = asyncio.create_task(station.start())
                try:
                    await station.call(
                        call.BootNotification(
                            charging_station={"model": "Lib", "vendor_name": "ocpp"},
                            reason="PowerUp",
                        )
                    )
                    result = await server.upgrade_station_profile(
                        "CP-UP", 3, "wss://127.0.0.1/ocpp", slot=2
                    )
                    await station.reset.wait()
                finally:
                    reader.cancel()
        assert result == {
            "charger_id": "CP-UP",
            "profile": 3,
            "network_profile": "Accepted",
            "priority": "RebootRequired",
            "reset": "Accepted",
        }
        assert station.profiles[0]["slot"] == 2 and station.profiles[0]["security_profile"] == 3
        assert server.get_station_security("CP-UP")["profile"] == 2  # not before it reconnects
        # the station comes back with its certificate: from now on profile 3 is its minimum
        assert await lib_boot(server, "CP-UP", tls=pki.client("CP-UP")) == "Accepted"
        assert server.get_station_security("CP-UP")["profile"] == 3
        assert await refused_status(server, "CP-UP", password=PASSWORD, tls=pki.client()) == 403


async def test_repeated_failures_from_one_address_are_answered_slower() -> None:
    limits = Limits(auth_failure_max_delay=0.4)
    async with csms(limits=limits) as server:
        await server.set_station_security("CP-G", 1, PASSWORD)
        loop = asyncio.get_running_loop()
        took = []
        for _ in range(5):
            started = loop.time()
            assert await refused_status(server, "CP-G", password="guess-guess-guess") == 401
            took.append(loop.time() - started)
        assert min(took[3:]) >= 0.38  # 3 free, then held 0.4 s before the answer
        assert server.security_counters.limits_hit["auth_failure_delay"] == 2  # only those
        assert await lib_boot(server, "CP-G", PASSWORD) == "Accepted"  # successes never wait
        assert server.security_counters.limits_hit["auth_failure_delay"] == 2
