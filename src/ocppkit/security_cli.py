"""The command line's security parts: ``ocppkit certs``, ``ocppkit api-keys``,
``ocppkit station-security`` and the server's TLS, API and limit options.

``cli.py`` registers these (``register``, ``add_server_flags``) and runs them (``run``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import ssl
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ocppkit.config import ServerConfig
    from ocppkit.security.ca import CertificateSigner
    from ocppkit.security.limits import Limits
    from ocppkit.security.proxy import TrustedProxy
    from ocppkit.storage.database import Database

COMMANDS = ("certs", "api-keys", "station-security")
CA_CERT, CA_KEY, CRL = "ca-cert.pem", "ca-key.pem", "crl.pem"
SERVER_CERT, SERVER_KEY = "server-cert.pem", "server-key.pem"


class SecurityUsageError(Exception):
    """A security command that cannot run (exit status 2); the message says why."""


def station_file_stem(station_id: str) -> str:
    """``station-<id>`` with characters unsafe in file names replaced by ``_``."""
    return "station-" + re.sub(r"[^A-Za-z0-9_.=+@-]", "_", station_id)


# --- server options ---


def add_server_flags(p: argparse.ArgumentParser) -> None:
    """The server's security options; each is also a ``--config`` key (``ServerConfig``)."""
    p.add_argument(
        "--api-host",
        default=None,
        help="address the REST API listens on (default 127.0.0.1); any other than loopback "
        "needs an API key (ocppkit api-keys create)",
    )
    g = p.add_argument_group("TLS and security profiles (docs/security.md)")
    g.add_argument("--tls-cert", default=None, metavar="FILE", help="serve wss:// with this PEM")
    g.add_argument("--tls-key", default=None, metavar="FILE", help="its key (default: in cert)")
    g.add_argument(
        "--tls-client-ca",
        default=None,
        metavar="FILE",
        help="CA that station client certificates must chain to (profile 3)",
    )
    g.add_argument("--tls-crl", default=None, metavar="FILE", help="CRL of that CA")
    g.add_argument(
        "--signing-ca-cert",
        default=None,
        metavar="FILE",
        help="CA certificate that signs the stations' CSRs (SignCertificate, A02/A03)",
    )
    g.add_argument("--signing-ca-key", default=None, metavar="FILE", help="that CA's key")
    g.add_argument(
        "--trusted-proxy",
        action="append",
        default=None,
        dest="trusted_proxies",
        metavar="ADDR",
        help="address or network of a TLS-terminating proxy: its X-Forwarded-Proto and "
        "X-Client-Cert (checked against --tls-client-ca) count (repeat for more)",
    )
    g.add_argument(
        "--unknown-station-profile",
        type=int,
        choices=[0, 1, 2, 3],
        default=None,
        help="security profile a station without settings must use (default 0: none)",
    )
    g = p.add_argument_group("limits (0 turns one off; hits are counted in /metrics)")
    for flag, kind, text in (
        ("--max-frame-bytes", int, "largest WebSocket message; bigger closes with 1009 (1 MiB)"),
        ("--message-rate", float, "messages per second a station may send on average (50)"),
        ("--message-burst", int, "messages a station may send at once (200)"),
        ("--handshake-timeout", float, "seconds for the TCP, TLS and WebSocket handshakes (10)"),
        ("--max-connections", int, "open station links; more get HTTP 503 (10000)"),
        ("--max-pending-calls", int, "CALLs handled at once per station (20)"),
        ("--api-rate", float, "REST requests per second per client; more get 429 (50)"),
    ):
        g.add_argument(flag, type=kind, default=None, help=text)


def limits_of(config: ServerConfig) -> Limits:
    from ocppkit.security.limits import Limits

    def off(value: float) -> Any:
        return value or None

    return Limits(
        max_frame_bytes=off(config.max_frame_bytes),
        message_rate=off(config.message_rate),
        message_burst=config.message_burst,
        handshake_timeout=config.handshake_timeout,
        max_connections=off(config.max_connections),
        max_pending_calls=off(config.max_pending_calls),
        api_rate=off(config.api_rate),
    )


def tls_context_of(config: ServerConfig) -> ssl.SSLContext | None:
    """The server's TLS context from the config, None without ``tls_cert``.

    Raises:
        SecurityUsageError: TLS keys without a certificate, or files that cannot be loaded.
    """
    from ocppkit.security.tls import server_ssl_context

    if config.tls_cert is None:
        if config.tls_key or (
            not config.trusted_proxies and (config.tls_client_ca or config.tls_crl)
        ):
            raise SecurityUsageError("--tls-key/--tls-client-ca/--tls-crl need --tls-cert")
        if config.unknown_station_profile >= 2 and not config.trusted_proxies:
            raise SecurityUsageError("--unknown-station-profile 2 or 3 needs --tls-cert")
        return None
    try:
        return server_ssl_context(
            config.tls_cert, config.tls_key, config.tls_client_ca, config.tls_crl
        )
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise SecurityUsageError(f"cannot load the TLS files: {exc}") from exc


def signer_of(config: ServerConfig) -> CertificateSigner | None:
    """The CSMS's CSR signer (A02/A03) from --signing-ca-cert/--signing-ca-key, or None.

    Raises:
        SecurityUsageError: only one of the two is given, or the files cannot be read.
    """
    from ocppkit.security.ca import CertificateAuthority, LocalCASigner

    cert, key = config.signing_ca_cert, config.signing_ca_key
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise SecurityUsageError("--signing-ca-cert and --signing-ca-key go together")
    try:
        return LocalCASigner(CertificateAuthority.load(cert, key))
    except (OSError, ValueError) as exc:
        raise SecurityUsageError(f"the signing CA ({cert}, {key}) cannot be used: {exc}") from None


def proxy_of(config: ServerConfig) -> TrustedProxy | None:
    """The trusted proxy of the config, None without ``trusted_proxies``.

    Raises:
        SecurityUsageError: a bad address, or CA/CRL files that cannot be read.
    """
    from ocppkit.security.proxy import TrustedProxy

    if not config.trusted_proxies:
        return None
    try:
        return TrustedProxy(config.trusted_proxies, config.tls_client_ca, config.tls_crl)
    except (OSError, ValueError) as exc:
        raise SecurityUsageError(f"--trusted-proxy: {exc}") from exc


# --- subcommands ---


def register(sub: Any, add_database_url: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``certs``, ``api-keys`` and ``station-security`` to the ``ocppkit`` subparsers."""
    certs = sub.add_parser(
        "certs",
        help="make a development CA, the CSMS's TLS certificate and station certificates",
        description="PEM files for security profiles 2 and 3, made with the cryptography "
        f"package in --dir: {CA_CERT}/{CA_KEY} (the CA), {SERVER_CERT}/{SERVER_KEY} (the "
        "CSMS), station-<id>-cert.pem/-key.pem (a station), crl.pem (revoked certificates). "
        "Keys are written readable by you only. For development and tests: a production CA "
        "keeps its key offline or in an HSM.",
    )
    actions = certs.add_subparsers(dest="certs_command", required=True, metavar="ACTION")
    init = actions.add_parser("init", help="create the CA (and an empty CRL)")
    server = actions.add_parser("server", help="the CSMS's TLS server certificate")
    server.add_argument(
        "--host",
        action="append",
        required=True,
        metavar="NAME",
        help="DNS name or IP address stations connect to (repeat for more)",
    )
    station = actions.add_parser("station", help="a station's client certificate (profile 3)")
    station.add_argument("--id", required=True, help="the station identity (the CN)")
    revoke = actions.add_parser("revoke", help="add a certificate to the CRL")
    revoke.add_argument("file", help="the certificate (PEM) to revoke")
    for p in (init, server, station, revoke):
        p.add_argument("--dir", required=True, metavar="DIR", help="folder of the PEM files")
        p.add_argument("--days", type=int, default=None, help="validity in days")
    init.add_argument("--force", action="store_true", help="replace an existing CA")
    show = actions.add_parser("show", help="print what a PEM certificate or CRL holds")
    show.add_argument("file")

    keys = sub.add_parser("api-keys", help="create, list and revoke REST API keys")
    key_actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    create = key_actions.add_parser("create", help="a new key; printed once")
    create.add_argument("--role", choices=["read-only", "operator", "admin"], required=True)
    create.add_argument("--name", default=None, help="what the key is for")
    listing = key_actions.add_parser("list", help="every key (never the key itself)")
    drop = key_actions.add_parser("revoke", help="revoke a key by its id")
    drop.add_argument("key_id")
    for p in (create, listing, drop):
        add_database_url(p)

    stations = sub.add_parser(
        "station-security",
        help="set a station's security profile and password in the database",
        description="Writes the CSMS's database; a running CSMS reads it at its next start "
        "(use PUT /chargers/{id}/security for a running one).",
    )
    stations.add_argument("id", help="the station identity")
    stations.add_argument("--profile", type=int, choices=[0, 1, 2, 3], required=True)
    stations.add_argument(
        "--password",
        default=None,
        help="Basic auth password, 16-40 characters (default: $OCPPKIT_STATION_PASSWORD; "
        "kept as it is when neither is given)",
    )
    add_database_url(stations)


def run(args: argparse.Namespace, database_url: Callable[[str | None], str]) -> int:
    """Run a security subcommand; the exit status."""
    try:
        if args.command == "certs":
            _certs(args)
        elif args.command == "api-keys":
            asyncio.run(_api_keys(args, database_url(args.database_url)))
        else:
            asyncio.run(_station_security(args, database_url(args.database_url)))
    except SecurityUsageError as exc:
        print(f"ocppkit: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"ocppkit: {exc}", file=sys.stderr)
        return 1
    return 0


def _write(path: Path, data: bytes, secret: bool = False) -> None:
    if secret:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    else:
        path.write_bytes(data)
    print(f"wrote {path}")


def _certs(args: argparse.Namespace) -> None:
    from cryptography import x509

    from ocppkit.security.ca import CertificateAuthority, cert_pem, describe, key_pem

    if args.certs_command == "show":
        print(describe(Path(args.file).read_bytes()), end="")
        return
    folder = Path(args.dir)
    if args.certs_command == "init":
        if (folder / CA_KEY).exists() and not args.force:
            raise SecurityUsageError(f"{folder / CA_KEY} exists; --force replaces the CA")
        folder.mkdir(parents=True, exist_ok=True)
        ca = CertificateAuthority.create()
        _write(folder / CA_CERT, cert_pem(ca.cert))
        _write(folder / CA_KEY, key_pem(ca.key), secret=True)
        _write(folder / CRL, ca.crl().public_bytes(_pem()))
        return
    if not (folder / CA_KEY).exists():
        raise SecurityUsageError(f"no CA in {folder}: run ocppkit certs init --dir {folder}")
    ca = CertificateAuthority.load(folder / CA_CERT, folder / CA_KEY)
    days = {} if args.days is None else {"days": args.days}
    if args.certs_command == "server":
        cert, key = ca.issue_server(args.host, **days)
        _write(folder / SERVER_CERT, cert_pem(cert))
        _write(folder / SERVER_KEY, key_pem(key), secret=True)
    elif args.certs_command == "station":
        from ocppkit.csms.handshake import is_valid_identity

        if not is_valid_identity(args.id):
            raise SecurityUsageError(f"{args.id!r} is not a valid station identity")
        cert, key = ca.issue_station(args.id, **days)
        stem = station_file_stem(args.id)
        _write(folder / f"{stem}-cert.pem", cert_pem(cert))
        _write(folder / f"{stem}-key.pem", key_pem(key), secret=True)
    else:  # revoke
        target = x509.load_pem_x509_certificate(Path(args.file).read_bytes())
        crl_path = folder / CRL
        serials = []
        if crl_path.exists():
            serials = [r.serial_number for r in x509.load_pem_x509_crl(crl_path.read_bytes())]
        if target.serial_number not in serials:
            serials.append(target.serial_number)
        _write(crl_path, ca.crl(serials).public_bytes(_pem()))
        print("restart the CSMS (--tls-crl) for the new CRL to take effect")


def _pem() -> Any:
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.PEM


async def _with_database(url: str, work: Callable[[Database], Awaitable[Any]]) -> Any:
    from ocppkit.storage import Database

    async with Database(url) as db:
        await db.migrate()
        return await work(db)


async def _api_keys(args: argparse.Namespace, url: str) -> None:
    from ocppkit.security.api_keys import ApiKeyStore, public_view

    async def work(db: Database) -> None:
        async def runner(fn: Callable[[Database], Awaitable[Any]]) -> Any:
            return await fn(db)

        store = ApiKeyStore(runner)
        if args.keys_command == "create":
            record, key = await store.create(args.role, args.name)
            print(f"created API key {record.id} ({record.role}); it is shown only now:")
            print(key)
            print("send it as: Authorization: Bearer <key>")
        elif args.keys_command == "list":
            records = await store.all()
            if not records:
                print("no API keys")
            for record in records:
                view = public_view(record)
                state = "revoked " + view["revoked_at"] if view["revoked_at"] else "active"
                print(f"{view['id']}  {view['role']:<9}  {state:<40}  {view['name'] or ''}")
        elif not await store.revoke(args.key_id):
            raise SecurityUsageError(f"no active API key {args.key_id!r} (see api-keys list)")
        else:
            print(f"revoked API key {args.key_id}")

    await _with_database(url, work)


async def _station_security(args: argparse.Namespace, url: str) -> None:
    from ocppkit.security.stations import SecuritySettingError, StationSecurityStore

    password = args.password or os.environ.get("OCPPKIT_STATION_PASSWORD")

    async def work(db: Database) -> None:
        async def runner(fn: Callable[[Database], Awaitable[Any]]) -> Any:
            return await fn(db)

        store = StationSecurityStore(runner)
        await store.load()
        try:
            await store.configure(args.id, args.profile, password)
        except SecuritySettingError as exc:
            raise SecurityUsageError(str(exc)) from None
        view = store.view(args.id)
        print(f"{args.id}: profile {view['profile']}, password set: {view['password_set']}")

    await _with_database(url, work)


__all__ = [
    "COMMANDS",
    "SecurityUsageError",
    "add_server_flags",
    "limits_of",
    "proxy_of",
    "register",
    "run",
    "station_file_stem",
    "tls_context_of",
]
