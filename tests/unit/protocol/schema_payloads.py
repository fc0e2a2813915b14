"""Payloads drawn from the official OCPP schemas, for the protocol tests (2.0.1 unless a
``version`` folder of the ocpp package is named: ``v16``, ``v201``, ``v21``).

``payloads(name)`` is ``hypothesis_jsonschema.from_schema`` over ``<name>.json``, narrowed to keep
draws small (arrays of at most 2 items, or minItems; at most 3 vendor properties in customData,
scalars): every payload drawn is still valid against the official schema. hypothesis-jsonschema
0.23 drives objects with ``while elements.more(): ...``, an API of hypothesis' private ``many``
helper that newer hypothesis releases replaced by a context manager iterated with ``for``; the
adapter below gives it the old shape (test-only, applied once, and only when needed).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import hypothesis_jsonschema._from_schema as _hjs
import jsonschema
from hypothesis import strategies as st
from hypothesis.internal.conjecture import utils as _cu
from hypothesis_jsonschema import from_schema
from wire import SCHEMA_DIR

SCHEMA_NAMES: tuple[str, ...] = tuple(sorted(p.stem for p in SCHEMA_DIR.glob("*.json")))


def schema_dir(version: str = "v201") -> Path:
    """The ocpp package's schema folder of a version."""
    return SCHEMA_DIR.parent.parent / version / "schemas"


@cache
def schema_names(version: str = "v201") -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in schema_dir(version).glob("*.json")))


@cache
def official_validator(name: str, version: str = "v201") -> jsonschema.protocols.Validator:
    """jsonschema's validator for the official schema, of the schema's own draft (1.6: 04)."""
    schema = load_schema(name, version)
    cls = jsonschema.Draft4Validator if version == "v16" else jsonschema.Draft6Validator
    return cls(schema)


class _LegacyMany:
    """``many(data, min_size, max_size, average_size)`` with the ``more()``/``reject()`` API."""

    def __init__(self, data: Any, min_size: int, max_size: float, average_size: float) -> None:
        self._many = _cu.many(data, min_size=min_size, max_size=max_size, average_size=average_size)
        self._many.__enter__()
        self._elements = iter(self._many)

    def more(self) -> bool:
        try:
            next(self._elements)
        except StopIteration:
            self._many.__exit__(None, None, None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


class _CompatUtils(ModuleType):
    many = _LegacyMany

    def __getattr__(self, name: str) -> Any:
        return getattr(_cu, name)


if not hasattr(_cu.many, "more"):
    _hjs.cu = _CompatUtils("hypothesis_jsonschema_compat_utils")  # type: ignore[attr-defined]


@cache
def load_schema(name: str, version: str = "v201") -> dict[str, Any]:
    """The official schema ``<name>.json`` (e.g. ``BootNotificationRequest``)."""
    text = (schema_dir(version) / f"{name}.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


MAX_ITEMS = 2
VENDOR_PROPERTIES = {"type": ["string", "integer", "number", "boolean", "null"]}


def _narrow(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _narrow(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "array":
        cap = max(node.get("minItems", 0), MAX_ITEMS)
        node["maxItems"] = min(node.get("maxItems", cap), cap)
    if node.get("javaType") == "CustomData":
        node["additionalProperties"] = VENDOR_PROPERTIES
        node["maxProperties"] = 3
    for value in node.values():
        _narrow(value)


def narrowed(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` that admits a subset of its instances, small ones."""
    smaller = copy.deepcopy(schema)
    # hypothesis-jsonschema resolves "#/definitions/..." against an "$id" (urn:OCPP:... in 1.6
    # security and 2.1 schemas) and refuses what looks remote; the references are local.
    smaller.pop("$id", None)
    _narrow(smaller)
    return smaller


@cache
def payloads(name: str, version: str = "v201") -> st.SearchStrategy[Any]:
    """Payloads valid against the official schema ``<name>.json`` (see ``narrowed``)."""
    return from_schema(narrowed(load_schema(name, version)))
