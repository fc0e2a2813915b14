"""Column types that behave the same on SQLite and PostgreSQL.

``UTCDateTime`` stores aware datetimes as UTC and always gives back aware UTC datetimes (SQLite
has no time zones: it keeps naive UTC text, and the zone is put back on the way out).
``JSONDocument`` is JSONB on PostgreSQL and JSON text elsewhere.

What a station sends may be anything its schema allows, and the schemas bound neither integers
nor the characters of a string. Two values cannot be stored as they are, and one rule, here,
applies to every column and to both write paths (SQLAlchemy and ``raw``):
  - ``OcppInteger``: an integer beyond 64 bits is stored saturated at the 64-bit bound (the
    exact value stays in the stored payload where there is one). 64-bit on both databases.
  - ``OcppText`` and ``JSONDocument``: PostgreSQL's text and JSONB cannot hold a NUL character;
    there it is stored as U+FFFD. SQLite keeps it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import JSON, BigInteger, DateTime, Integer, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
REPLACEMENT = "\ufffd"
# A JSON text's \u0000 escape (not an escaped backslash followed by "u0000").
_JSON_NUL = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


def int64(value: int | None) -> int | None:
    """``value`` saturated to the signed 64-bit range."""
    if value is None or INT64_MIN <= value <= INT64_MAX:
        return value
    return INT64_MAX if value > 0 else INT64_MIN


def nul_free(value: Any) -> Any:
    """``value`` (a string, or JSON-like dicts and lists) with every NUL character in strings and
    keys replaced by U+FFFD; ``value`` itself when it has none."""
    if isinstance(value, str):
        return value.replace("\x00", REPLACEMENT) if "\x00" in value else value
    if isinstance(value, dict):
        items = [(nul_free(k), nul_free(v)) for k, v in value.items()]
        if all(k is k0 and v is v0 for (k, v), (k0, v0) in zip(items, value.items(), strict=True)):
            return value
        return dict(items)
    if isinstance(value, list):
        items = [nul_free(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


def nul_free_json(text: str) -> str:
    """JSON text with every ``\\u0000`` escape replaced by U+FFFD's."""
    if "\\u0000" not in text:
        return text
    return _JSON_NUL.sub(lambda m: m[1] + "\\ufffd", text)


class OcppInteger(TypeDecorator[int]):
    """A 64-bit integer (BIGINT on PostgreSQL, INTEGER on SQLite), saturated on the way in."""

    impl = BigInteger
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(Integer() if dialect.name == "sqlite" else BigInteger())

    def process_bind_param(self, value: int | None, dialect: Dialect) -> int | None:
        return int64(value)


class OcppText(TypeDecorator[str]):
    """A string; NUL characters become U+FFFD on PostgreSQL."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or dialect.name != "postgresql":
            return value
        return cast(str, nul_free(value))  # a string in, a string out


class JSONDocumentType(TypeDecorator[Any]):
    """JSONB on PostgreSQL (NUL characters become U+FFFD there), JSON text elsewhere."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(JSONB() if dialect.name == "postgresql" else JSON())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return nul_free(value) if dialect.name == "postgresql" else value


JSONDocument: TypeEngine[Any] = JSONDocumentType()


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend.

    Raises:
        ValueError: on bind, for a naive datetime (its zone would be a guess).
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: storage takes aware UTC datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
