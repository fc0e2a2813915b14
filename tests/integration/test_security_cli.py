"""``ocppkit certs`` makes what all three security profiles need, ``ocppkit server --tls-*``
serves wss:// with it, and ``ocppkit station-security`` sets a station's profile: the
operator's path, run in-process."""

from __future__ import annotations

import asyncio
import stat
from pathlib import Path

import pytest
from security_support import PASSWORD, WAIT

from ocppkit import cli, run
from ocppkit.simulator import ChargerSimulator, SimulatorError
from ocppkit.simulator.security import client_ssl_context


def ocppkit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def certs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    d = tmp_path / "pki"
    assert ocppkit(capsys, "certs", "init", "--dir", str(d))[0] == 0
    assert ocppkit(capsys, "certs", "server", "--dir", str(d), "--host", "127.0.0.1")[0] == 0
    for station in ("CP-3", "CP|odd"):
        assert ocppkit(capsys, "certs", "station", "--dir", str(d), "--id", station)[0] == 0
    return d


def test_certs_writes_pem_files_named_for_what_they_are(
    certs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = sorted(p.name for p in certs.iterdir())
    assert names == [
        "ca-cert.pem",
        "ca-key.pem",
        "crl.pem",
        "server-cert.pem",
        "server-key.pem",
        "station-CP-3-cert.pem",
        "station-CP-3-key.pem",
        "station-CP_odd-cert.pem",
        "station-CP_odd-key.pem",
    ]
    for key in certs.glob("*-key.pem"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    status, out, _ = ocppkit(capsys, "certs", "show", str(certs / "station-CP_odd-cert.pem"))
    assert status == 0 and "subject:  CN=CP|odd" in out and "clientAuth" in out
    assert "CN=ocppkit development CA" in out


def test_certs_refuse_what_cannot_be_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = str(tmp_path / "none")
    status, _, err = ocppkit(capsys, "certs", "station", "--dir", empty, "--id", "CP1")
    assert status == 2 and "run ocppkit certs init" in err
    ocppkit(capsys, "certs", "init", "--dir", empty)
    status, _, err = ocppkit(capsys, "certs", "init", "--dir", empty)
    assert status == 2 and "--force" in err
    status, _, err = ocppkit(capsys, "certs", "station", "--dir", empty, "--id", "../x")
    assert status == 2 and "not a valid station identity" in err


def test_server_tls_flags_need_a_certificate() -> None:
    args = cli.build_parser().parse_args(["server", "--tls-client-ca", "ca.pem"])
    with pytest.raises(cli.UsageError, match="need --tls-cert"):
        cli._server_options(args)
    args = cli.build_parser().parse_args(["server", "--tls-cert", "/nonexistent.pem"])
    with pytest.raises(cli.UsageError, match="cannot load the TLS files"):
        cli._server_options(args)


async def _connects(sim: ChargerSimulator, within: float = WAIT) -> bool:
    try:
        await sim.connect(within)
    except SimulatorError:
        return False
    await sim.disconnect()
    return True


async def test_the_three_profiles_from_the_command_line(
    certs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'csms.db'}"

    def configure(*argv: str) -> int:
        return cli.main(["station-security", *argv, "--database-url", database])

    assert await asyncio.to_thread(configure, "CP-2", "--profile", "2", "--password", PASSWORD) == 0
    assert await asyncio.to_thread(configure, "CP-3", "--profile", "3") == 0
    assert await asyncio.to_thread(configure, "CP-1", "--profile", "1") == 2  # no password
    assert "CP-2: profile 2, password set: True" in capsys.readouterr().out
    argv = ["server", "--host", "127.0.0.1", "--port", "0", "--api-port", "0"]
    argv += ["--database-url", database, "--tls-cert", str(certs / "server-cert.pem")]
    argv += ["--tls-key", str(certs / "server-key.pem"), "--tls-client-ca"]
    argv += [str(certs / "ca-cert.pem"), "--tls-crl", str(certs / "crl.pem")]
    options = cli._server_options(cli.build_parser().parse_args(argv))
    ca = str(certs / "ca-cert.pem")
    async with run.csms_with_api(options) as (server, _api):
        assert server.scheme == "wss"
        url = f"wss://127.0.0.1:{server.port}"
        tls = client_ssl_context(ca)
        assert await _connects(
            ChargerSimulator("CP-2", url, basic_auth_password=PASSWORD, ssl_context=tls)
        )
        assert not await _connects(ChargerSimulator("CP-2", url, ssl_context=tls), within=1.0)
        mine = client_ssl_context(
            ca, str(certs / "station-CP-3-cert.pem"), str(certs / "station-CP-3-key.pem")
        )
        assert await _connects(ChargerSimulator("CP-3", url, ssl_context=mine))
        assert not await _connects(ChargerSimulator("CP-3", url, ssl_context=tls), within=1.0)


def test_limits_reach_the_server_from_the_file_and_flags(tmp_path: Path) -> None:
    config = tmp_path / "csms.toml"
    config.write_text("max_frame_bytes = 4096\nmessage_rate = 0\napi_host = '127.0.0.2'\n")
    args = cli.build_parser().parse_args(
        ["server", "--config", str(config), "--max-pending-calls", "3"]
    )
    options = cli._server_options(args)
    assert options.limits.max_frame_bytes == 4096
    assert options.limits.message_rate is None  # 0 turns it off
    assert options.limits.max_pending_calls == 3
    assert options.api_host == "127.0.0.2"
