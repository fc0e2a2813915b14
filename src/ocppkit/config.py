"""Configuration files: TOML read into a pydantic model, with errors that name the key.

Used by the fleet's scenario files (``simulator.fleet.scenario``) and the CSMS's ``--config``
file (``ServerConfig``). A file's keys are the model's fields; an unknown key, a wrong type or
a value out of range is a ``ConfigError`` whose message names the file, each offending key and
what was expected.
"""

from __future__ import annotations

import json
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
            each offending key, the value given and what is allowed, one sentence each.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{source}: " + "; ".join(describe_errors(model, exc))) from None


def describe_errors(model: type[BaseModel], error: ValidationError) -> list[str]:
    """One sentence per offending key of ``error`` (pydantic's errors of ``model``): the key,
    the value given and the values allowed there (read from the model's JSON schema), so that
    a union's alternatives are one sentence, not one pydantic error each."""
    root = model.model_json_schema()
    sentences: dict[str, str] = {}
    for item in error.errors():
        path, schema = _walk(root, item["loc"])
        key = ".".join(str(part) for part in path) or "(top level)"
        if key in sentences:
            continue  # another alternative of the same union
        sentences[key] = _sentence(key, item, schema, root)
    return list(sentences.values())


def _sentence(key: str, item: Any, schema: dict[str, Any] | None, root: dict[str, Any]) -> str:
    kind = item["type"]
    if kind == "extra_forbidden":
        _, parent = _walk(root, item["loc"][:-1])
        known = ", ".join((parent or {}).get("properties", {}))
        return f"{key}: unknown key" + (f"; the keys here are {known}" if known else "")
    if kind == "value_error" or schema is None:  # a model's own rule: its message says it
        return f"{key}: {item['msg'].removeprefix('Value error, ')}"
    allowed = _allowed(schema, root)
    if kind == "missing":
        return f"{key}: missing; expected {allowed}"
    return f"{key}: {_shown(item.get('input'))} is not allowed; expected {allowed}"


def _shown(value: Any) -> str:
    """A value as it is written in TOML (near enough)."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root.get("$defs", {}).get(schema["$ref"].rsplit("/", 1)[-1], {})
    return schema


def _walk(root: dict[str, Any], loc: tuple[Any, ...]) -> tuple[list[Any], dict[str, Any] | None]:
    """The key path in ``loc`` (without a union's branch tags) and the schema found there."""
    schema: dict[str, Any] | None = root
    path: list[Any] = []
    for part in loc:
        assert schema is not None
        schema = _resolve(schema, root)
        properties = schema.get("properties", {})
        if isinstance(part, int) and schema.get("type") == "array":
            schema = schema.get("items", {})
        elif isinstance(part, str) and part in properties:
            schema = properties[part]
        elif "anyOf" in schema:
            break  # the rest names a union's branch
        else:
            path.append(part)
            return path, None
        path.append(part)
    return path, None if schema is None else _resolve(schema, root)


_TYPES = {
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "string": "text",
    "object": "a table",
}


def _allowed(schema: dict[str, Any], root: dict[str, Any]) -> str:
    """What a schema allows, in words: ``a number above 0 or "off"``."""
    schema = _resolve(schema, root)
    if "anyOf" in schema:
        parts = [_allowed(s, root) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(dict.fromkeys(parts))
    if "const" in schema:
        return _shown(schema["const"])
    if "enum" in schema:
        values = [_shown(v) for v in schema["enum"]]
        return values[0] if len(values) == 1 else "one of " + ", ".join(values)
    kind = schema.get("type")
    if kind == "array":
        words = f"a list of {_allowed(schema.get('items', {}), root)}"
        if schema.get("minItems"):
            words += f" (at least {schema['minItems']})"
        return words
    words = _TYPES.get(str(kind), "a valid value")
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        bounds = [f"from {low:g} to {high:g}"]
    else:
        bounds = [
            f"{name} {schema[bound]:g}"
            for bound, name in (
                ("minimum", "at least"),
                ("exclusiveMinimum", "above"),
                ("maximum", "at most"),
                ("exclusiveMaximum", "below"),
            )
            if schema.get(bound) is not None
        ]
    if kind == "string" and ("minLength" in schema or "maxLength" in schema):
        bounds.append(f"of {schema.get('minLength', 0)} to {schema.get('maxLength')} characters")
    if kind == "string" and "pattern" in schema:
        bounds.append(f"matching {schema['pattern']}")
    return " ".join([words, " and ".join(bounds)]) if bounds else words


class SiteConfig(BaseModel):
    """A ``[[sites]]`` table: stations sharing a power limit (K01, ``ocppkit.csms.sites``)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    limit_w: float = Field(gt=0, description="W shared by the site's stations")
    stations: list[str] = Field(min_length=1)
    strategy: Literal["equal", "first_come", "needs"] = "equal"


OcppVersionName = Literal["1.6", "2.0.1"]
OCPP_VERSION_NAMES: tuple[OcppVersionName, ...] = ("1.6", "2.0.1")


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
    ocpp_versions: list[OcppVersionName] = Field(
        default_factory=lambda: list(OCPP_VERSION_NAMES),
        min_length=1,
        description="OCPP versions offered on the station port, a station's preference first",
    )
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
        None, gt=0, description="W: cap every TxProfile sent for an EV's charging needs"
    )
    sites: list[SiteConfig] = Field(
        default_factory=list, description="[[sites]]: stations sharing a power limit"
    )
    cost_update_interval: float | None = Field(
        None, gt=0, description="seconds between the CostUpdated of running transactions (I02)"
    )
    # security (docs/security.md)
    api_host: str = Field("127.0.0.1", description="where the REST API listens")
    tls_cert: str | None = Field(None, description="PEM: serve wss:// with this certificate")
    tls_key: str | None = Field(None, description="PEM: its key (default: in tls_cert)")
    tls_client_ca: str | None = Field(None, description="PEM: CA of station certificates")
    tls_crl: str | None = Field(None, description="PEM: CRL of that CA (revoked certificates)")
    signing_ca_cert: str | None = Field(None, description="PEM: CA that signs station CSRs")
    signing_ca_key: str | None = Field(None, description="PEM: that CA's private key")
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
    # memory (docs/performance.md): what is kept in memory, in total across stations
    message_log_size: int = Field(200, ge=1, description="frames kept in memory per station")
    message_log_bytes: int = Field(
        32 << 20, ge=1, description="bytes of frames kept in memory across all stations"
    )
    history_total: int = Field(
        20_000, ge=1, description="commands, and notifications, kept in memory in all"
    )
    # retention (storage.retention): days the database keeps each kind; None: forever
    retention_days: float | None = Field(None, gt=0, description="every kind below")
    retention_frames_days: float | None = Field(None, gt=0, description="commands, notifications")
    retention_events_days: float | None = Field(
        None, gt=0, description="TransactionEvents, status history, refused connections"
    )
    retention_meter_values_days: float | None = Field(None, gt=0, description="sampled values")


__all__ = ["ConfigError", "ServerConfig", "read_toml", "validate"]
