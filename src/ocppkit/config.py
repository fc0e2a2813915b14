"""Configuration files: TOML read into a pydantic model, with errors that name the key.

Used by the fleet's scenario files (``simulator.fleet.scenario``) and the CSMS's ``--config``
file (``ServerConfig``). A file's keys are the model's fields; an unknown key, a wrong type or
a value out of range is a ``ConfigError`` whose message names the file, each offending key and
what was expected.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

M = TypeVar("M", bound=BaseModel)


class ConfigError(ValueError):
    """A configuration that cannot be read or is not valid; the message names the key."""


def read_toml(path: str | Path, kind: str = "configuration") -> dict[str, Any]:
    """The parsed TOML document at ``path``.

    Raises:
        ConfigError: the file cannot be read, is YAML, or is not TOML.
    """
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        raise ConfigError(f"{path}: YAML {kind}s are not supported; write it in TOML")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text: {exc.reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def validate(model: type[M], data: dict[str, Any], source: str) -> M:
    """``data`` as ``model``.

    Raises:
        ConfigError: an unknown key, a wrong type or a value out of range; the message names
            each offending key and what was expected.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(error) for error in exc.errors()]
        raise ConfigError(f"{source}: " + "; ".join(problems)) from None


def _describe(error: Any) -> str:
    key = ".".join(str(part) for part in error["loc"]) or "(top level)"
    if error["type"] == "extra_forbidden":
        return f"{key}: unknown key"
    got = error.get("input")
    shown = "" if isinstance(got, dict | list) else f", got {got!r}"
    return f"{key}: {error['msg']}{shown}"


class ServerConfig(BaseModel):
    """What ``ocppkit server`` (and ``all``) runs with: its command-line options, or the keys of
    a ``--config`` TOML file, named as the long options with ``_`` for ``-``.

    A command-line option wins over the file. ``database_url`` left out of both: the
    ``OCPPKIT_DATABASE_URL`` environment variable, else SQLite in ``ocppkit.db`` here.
    """

    model_config = ConfigDict(extra="forbid")

    host: str = "0.0.0.0"
    port: int = Field(9000, ge=0, le=65535)
    api_port: int = Field(8080, ge=0, le=65535)
    heartbeat_interval: int = Field(30, ge=1, description="seconds, given to stations at boot")
    database_url: str | None = None
    boot_policy: Literal["accept", "known-only", "auto-register"] = "accept"
    known_stations: list[str] = Field(
        default_factory=list, description="accepted under boot_policy known-only"
    )
    lenient_stations: list[str] = Field(
        default_factory=list, description="stations validated leniently from the start"
    )
    request_base_report: bool = False
    one_transaction_per_token: bool = False
    offline_grace: Annotated[float, Field(gt=0)] | Literal["off"] | None = Field(
        None, description="seconds of silence before a link is closed; None: the default"
    )
    call_timeout: float = Field(30.0, gt=0, description="seconds a command waits for its answer")
    ev_max_power: float | None = Field(
        None, gt=0, description="W: answer EV charging needs with a TxProfile capping the EV"
    )
    # security (docs/security.md)
    api_host: str = Field("127.0.0.1", description="where the REST API listens")
    tls_cert: str | None = Field(None, description="PEM: serve wss:// with this certificate")
    tls_key: str | None = Field(None, description="PEM: its key (default: in tls_cert)")
    tls_client_ca: str | None = Field(None, description="PEM: CA of station certificates")
    tls_crl: str | None = Field(None, description="PEM: CRL of that CA (revoked certificates)")
    trusted_proxies: list[str] = Field(
        default_factory=list, description="addresses of a TLS proxy whose X-Client-Cert counts"
    )
    unknown_station_profile: int = Field(
        0, ge=0, le=3, description="security profile of stations without settings"
    )
    # limits (ocppkit.security.limits.Limits; 0 turns a limit off)
    max_frame_bytes: int = Field(1 << 20, ge=0, description="bigger frames close with 1009")
    message_rate: float = Field(50.0, ge=0, description="messages/s per station")
    message_burst: int = Field(200, ge=1, description="messages a station may send at once")
    handshake_timeout: float = Field(10.0, gt=0, description="seconds for TCP+TLS+WebSocket")
    max_connections: int = Field(10_000, ge=0, description="open station links")
    max_pending_calls: int = Field(20, ge=0, description="CALLs in progress per station")
    api_rate: float = Field(50.0, ge=0, description="REST requests/s per client address")


__all__ = ["ConfigError", "ServerConfig", "read_toml", "validate"]
