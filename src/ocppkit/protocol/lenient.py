"""Lenient validation: accept a payload that breaks the schema in known, harmless ways.

Real chargers send payloads that fail the official schemas in a few recurring ways: an enum value
the schema does not list (a vendor status, a newer version's value), a string longer than
``maxLength`` (serial numbers, firmware versions), a property the schema does not define, a number
sent as a JSON string, ``null`` for an absent optional field, an optional object sent without its
required fields, an empty optional array. Lenient validation repairs exactly those and reports
each as a ``Violation`` (field, rule, what was done); anything else (a required field missing, a
wrong type that does not convert, a value out of range, a date that does not parse) is refused
with the same CALLERROR strict validation gives.

Strict validation stays the fast path: this module runs only after it failed. Unknown enum values
and over-long strings are kept as received, through a "lenient twin" of the model: a subclass,
built once per model on first use, whose enum fields also take any string and whose strings have
no length limit.
"""

from __future__ import annotations

import copy
import functools
import math
import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from annotated_types import MaxLen
from pydantic import BaseModel, Field, ValidationError, create_model
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from ocppkit.protocol.errors import FormatViolationError
from ocppkit.protocol.models import OcppModel
from ocppkit.protocol.validation import _validate as validate_strict
from ocppkit.protocol.validation import error_from_validation, free_keys, models_for


@dataclass(frozen=True, slots=True)
class Violation:
    """One way a payload broke the schema, and what lenient validation did about it."""

    field: str  # dotted wire path, e.g. "chargingStation.serialNumber"
    rule: str  # the schema rule: enum, maxLength, additionalProperties, type, null, ...
    repair: str  # "kept", "dropped", "converted"
    value: Any = None

    def __str__(self) -> str:
        return f"{self.field}: {self.rule} ({self.repair}: {self.value!r})"


def _path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(payload)"


# --- finding a field's definition from a wire path ------------------------------------------


def _inner(annotation: Any) -> Any:
    """The model (or other type) a field holds, past Optional, Annotated and list."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _inner(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _inner(members[0]) if len(members) == 1 else annotation
    if origin is list:
        return _inner(typing.get_args(annotation)[0])
    return annotation


@functools.cache
def _by_alias(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {(info.alias or name): info for name, info in model.model_fields.items()}


def _field_at(model: type[BaseModel], loc: tuple[Any, ...]) -> FieldInfo | None:
    """The definition of the field at a wire path (list indexes skipped), or None."""
    info: FieldInfo | None = None
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = _by_alias(current).get(part)
        if info is None:
            return None
        current = _inner(info.annotation)
    return info


# --- the payload ------------------------------------------------------------------------------


def _strip_nulls(
    value: Any, loc: tuple[Any, ...], found: list[Violation], free: frozenset[str] = frozenset()
) -> Any:
    """A copy of ``value`` without null-valued properties (each noted). Kept as received: the
    top-level fields in ``free`` (any JSON: DataTransfer.data in 2.x) and customData's vendor
    properties."""
    if type(value) is dict:
        out = {}
        for key, item in value.items():
            if key in free or (key == "customData" and item is not None):
                out[key] = copy.deepcopy(item)  # vendor data: null is a value there
            elif item is None:
                found.append(Violation(_path((*loc, key)), "null", "dropped"))
            else:
                out[key] = _strip_nulls(item, (*loc, key), found)
        return out
    if type(value) is list:
        return [_strip_nulls(item, (*loc, i), found) for i, item in enumerate(value)]
    return value


def _container(data: Any, loc: tuple[Any, ...]) -> Any:
    """The object or array holding the value at ``loc``, or None if the path is gone."""
    for part in loc[:-1]:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _convert(value: Any, kind: str) -> Any:
    """A number or boolean sent as a string, as its JSON type; None if it is not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if kind == "int_type":
            return int(text)
        if kind == "float_type":
            number = float(text)
            return number if math.isfinite(number) else None
    except ValueError:
        return None
    if kind == "bool_type" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return None


def _drop(data: Any, loc: tuple[Any, ...]) -> bool:
    holder = _container(data, loc)
    if isinstance(holder, dict) and loc[-1] in holder:
        del holder[loc[-1]]
    return True


def _repair(model: type[OcppModel], data: Any, err: ErrorDetails) -> Violation | None:
    """Repair one strict-validation error in ``data`` (in place); None if it cannot be."""
    kind, loc, value = err["type"], tuple(err["loc"]), err.get("input")
    if kind == "extra_forbidden":
        _drop(data, loc)
        return Violation(_path(loc), "additionalProperties", "dropped", value)
    if kind == "enum" and isinstance(value, str):
        return Violation(_path(loc), "enum", "kept", value)
    if kind == "string_too_long":
        return Violation(_path(loc), "maxLength", "kept", value)
    if kind in ("int_type", "float_type", "bool_type"):
        converted = _convert(value, kind)
        holder = _container(data, loc)
        if converted is None or holder is None:
            return None
        holder[loc[-1]] = converted
        return Violation(_path(loc), "type", "converted", value)
    if kind == "too_short" and value == [] and _optional(model, loc):
        _drop(data, loc)
        return Violation(_path(loc), "minItems", "dropped", value)
    if kind == "missing" and len(loc) >= 2 and isinstance(loc[-2], str):
        parent = loc[:-1]
        if _optional(model, parent):  # an optional object without its required fields
            _drop(data, parent)
            return Violation(_path(loc), "required", "dropped parent", None)
    return None


def _optional(model: type[OcppModel], loc: tuple[Any, ...]) -> bool:
    info = _field_at(model, loc)
    return info is not None and not info.is_required()


# --- lenient twins ----------------------------------------------------------------------------


def _loosen(annotation: Any) -> Any:
    """``annotation`` with enums also taking any string and no string length limit."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        inner, *meta = typing.get_args(annotation)
        kept = [kept for m in meta for kept in _without_max_length(m)]
        loose = _loosen(inner)
        return Annotated[(loose, *kept)] if kept else loose
    if origin in (typing.Union, types.UnionType):
        members = [_loosen(a) for a in typing.get_args(annotation)]
        return functools.reduce(lambda a, b: a | b, members)
    if origin is list:
        return list[_loosen(typing.get_args(annotation)[0])]  # type: ignore[misc]
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return Annotated[annotation | str, Field(union_mode="left_to_right")]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return lenient_model(annotation)
    return annotation


def _without_max_length(meta: Any) -> list[Any]:
    """An Annotated metadata item as the items to keep: all but a maximum length."""
    if isinstance(meta, MaxLen):
        return []
    if isinstance(meta, FieldInfo):
        return [m for m in meta.metadata if not isinstance(m, MaxLen)]
    return [meta]


def _resolved(model: type[BaseModel], name: str, info: FieldInfo) -> Any:
    """A field's full type; a forward reference (to a type defined further down in the models
    module) is resolved from the class's type hints."""
    if isinstance(info.annotation, typing.ForwardRef):
        return typing.get_type_hints(model, include_extras=True)[name]
    if info.metadata:
        return Annotated[(info.annotation, *info.metadata)]
    return info.annotation


@functools.cache
def lenient_model(model: type[BaseModel]) -> type[BaseModel]:
    """The lenient twin of ``model`` (a subclass; built once)."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        loose = _loosen(_resolved(model, name, info))
        default = ... if info.is_required() else info.default
        fields[name] = (loose, Field(default, alias=info.alias))
    twin: type[BaseModel] = create_model(
        f"Lenient{model.__name__}", __base__=model, __module__=model.__module__, **fields
    )
    return twin


# --- entry point ------------------------------------------------------------------------------


def validate_lenient(
    model: type[OcppModel], payload: Any, what: str
) -> tuple[OcppModel, list[Violation]]:
    """Validate ``payload`` against ``model``, repairing harmless violations.

    Returns:
        the model (an instance of ``model`` or of its lenient twin, a subclass) and the
        violations found, in payload order (empty when the payload is valid).

    Raises:
        OCPPError: a violation that cannot be repaired; the CALLERROR strict validation gives.
    """
    if type(payload) is not dict:
        raise FormatViolationError(f"{what}: payload must be a JSON object")
    violations: list[Violation] = []
    data = _strip_nulls(payload, (), violations, free_keys(model))
    try:
        return model.model_validate(data, by_alias=True, by_name=False), violations
    except ValidationError as exc:
        strict_error = exc
    loosen = False
    for err in strict_error.errors(include_url=False, include_context=False):
        violation = _repair(model, data, err)
        if violation is None:
            validate_strict(model, payload, what, True)  # raises the strict CALLERROR
            raise error_from_validation(strict_error, what) from None
        loosen = loosen or violation.repair == "kept"
        violations.append(violation)
    target = lenient_model(model) if loosen else model
    try:
        result = target.model_validate(data, by_alias=True, by_name=False)
    except ValidationError as exc:
        raise error_from_validation(exc, what) from None
    return result, violations  # type: ignore[return-value]


def validate_request_lenient(action: str, payload: Any) -> tuple[OcppModel, list[Violation]]:
    """``validate_lenient`` for a CALL payload of ``action``.

    Raises:
        OCPPError: the CALLERROR to answer with.
    """
    return validate_lenient(models_for(action)[0], payload, f"{action}Request")


def validate_response_lenient(action: str, payload: Any) -> tuple[OcppModel, list[Violation]]:
    """``validate_lenient`` for a CALLRESULT payload of ``action``.

    Raises:
        OCPPError: what is wrong with it.
    """
    return validate_lenient(models_for(action)[1], payload, f"{action}Response")


__all__ = [
    "Violation",
    "lenient_model",
    "validate_lenient",
    "validate_request_lenient",
    "validate_response_lenient",
]
