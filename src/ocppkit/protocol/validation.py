"""Validation of OCPP payloads against the generated models, with failures mapped to the CALLERROR
codes (see docs/errors.md for the table and the spec's wording).

The mapping is the same for every version (1.6J section 4.2.3 and 2.0.1/2.1 part 4 share the
concepts); only the wire names differ, and ``versions.VersionProfile.wire_code`` picks them.
``validate_request``/``validate_response``/``models_for`` look actions up in the OCPP 2.0.1
table; an ``RpcSession`` of another version uses ``validate_payload`` with that version's models.

Wire payloads are validated by their JSON (camelCase) names only; a snake_case key on the wire is
an unknown property. Validation runs in pydantic-core: a few microseconds per message.
"""

from __future__ import annotations

import functools
from typing import Any

import orjson
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ocppkit.protocol.errors import (
    FormatViolationError,
    NotImplementedOCPPError,
    OccurenceConstraintViolationError,
    OCPPError,
    PropertyConstraintViolationError,
    TypeConstraintViolationError,
)
from ocppkit.protocol.models import ACTIONS, OcppModel

# pydantic error type -> CALLERROR class (anything else ending in "_type" is a type error)
_ERROR_MAP: dict[str, type[OCPPError]] = {
    "missing": OccurenceConstraintViolationError,
    "too_short": OccurenceConstraintViolationError,  # array below minItems
    "too_long": OccurenceConstraintViolationError,  # array above maxItems
    "extra_forbidden": FormatViolationError,  # property the schema does not define
    "enum": PropertyConstraintViolationError,
    "string_too_long": PropertyConstraintViolationError,
    "string_too_short": PropertyConstraintViolationError,
    "greater_than_equal": PropertyConstraintViolationError,
    "less_than_equal": PropertyConstraintViolationError,
    "value_error": PropertyConstraintViolationError,  # e.g. a date-time that does not parse
}
_MAX_REPORTED = 5
# customData (OCPP 2.x) admits vendor properties of any type: its content is not searched for
# JSON null (customData itself must be an object). A top-level field typed as any JSON value
# (DataTransfer.data in 2.0.1 and 2.1) may be null, and is not searched either.
_CUSTOM_DATA = "customData"


def _loc(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(payload)"


def _classify(err: ErrorDetails) -> type[OCPPError]:
    kind = err["type"]
    if kind == "enum" and not isinstance(err.get("input"), str):
        return TypeConstraintViolationError
    cls = _ERROR_MAP.get(kind)
    if cls is not None:
        return cls
    if kind.endswith("_type") or kind.startswith("int_") or kind.endswith("_parsing"):
        return TypeConstraintViolationError
    return PropertyConstraintViolationError


def error_from_validation(exc: ValidationError, what: str) -> OCPPError:
    """Translate a pydantic ValidationError into the CALLERROR to answer with."""
    errors = exc.errors(include_url=False, include_context=False, include_input=True)
    first = errors[0]
    cls = _classify(first)
    reported = [
        {"field": _loc(e["loc"]), "rule": e["type"], "message": e["msg"]}
        for e in errors[:_MAX_REPORTED]
    ]
    description = f"{what}: {reported[0]['field']}: {reported[0]['message']}"
    return cls(description[:500], {"errors": reported})


@functools.cache
def free_keys(model: type[OcppModel]) -> frozenset[str]:
    """The wire names of ``model``'s fields that hold any JSON value (null included)."""
    return frozenset(
        info.alias or name for name, info in model.model_fields.items() if info.annotation is Any
    )


def _find_null(
    value: Any, path: tuple[str | int, ...] = (), free: frozenset[str] = frozenset()
) -> tuple[str | int, ...] | None:
    if value is None:
        return path
    if type(value) is dict:
        for key, item in value.items():
            if key in free:
                continue
            if key == _CUSTOM_DATA:
                if item is None:
                    return (*path, key)
                continue
            found = _find_null(item, (*path, key))
            if found is not None:
                return found
    elif type(value) is list:
        for index, item in enumerate(value):
            found = _find_null(item, (*path, index))
            if found is not None:
                return found
    return None


def _validate(model: type[OcppModel], payload: Any, what: str, may_have_null: bool) -> OcppModel:
    if type(payload) is not dict:
        raise FormatViolationError(f"{what}: payload must be a JSON object")
    if may_have_null:
        null_at = _find_null(payload, (), free_keys(model))
        if null_at is not None:
            raise TypeConstraintViolationError(
                f"{what}: {_loc(null_at)}: null is not a valid value",
                {"errors": [{"field": _loc(null_at), "rule": "null", "message": "null"}]},
            )
    try:
        return model.model_validate(payload, by_alias=True, by_name=False)
    except ValidationError as exc:
        raise error_from_validation(exc, what) from None


def validate_payload(
    model: type[OcppModel], payload: Any, what: str, may_have_null: bool = True
) -> OcppModel:
    """Validate a payload received on the wire against ``model`` (of any version); ``what``
    names it in the error (``BootNotificationRequest``).

    Raises:
        OCPPError: the CALLERROR to answer with (a CALL's payload), or what is wrong with it.
    """
    return _validate(model, payload, what, may_have_null)


def models_for(action: str) -> tuple[type[OcppModel], type[OcppModel]]:
    """The (request, response) models of an action.

    Raises:
        NotImplementedOCPPError: the action is not an OCPP 2.0.1 action.
    """
    try:
        return ACTIONS[action]
    except KeyError:
        raise NotImplementedOCPPError(f"unknown action {action!r}") from None


def validate_request(action: str, payload: Any, may_have_null: bool = True) -> OcppModel:
    """Validate a CALL payload received on the wire and return its request model.

    ``may_have_null=False`` skips the search for JSON nulls when the caller knows the raw text
    contains none.

    Raises:
        OCPPError: the CALLERROR to answer with.
    """
    return _validate(models_for(action)[0], payload, f"{action}Request", may_have_null)


def validate_response(action: str, payload: Any, may_have_null: bool = True) -> OcppModel:
    """Validate a CALLRESULT payload received on the wire and return its response model.

    Raises:
        OCPPError: what is wrong with it (it is never sent back: a CALLRESULT is not answered).
    """
    return _validate(models_for(action)[1], payload, f"{action}Response", may_have_null)


def coerce(model: type[OcppModel], payload: OcppModel | dict[str, Any], what: str) -> OcppModel:
    """An outgoing payload as a model: a model instance of the right class is used as is, a dict
    is read in its wire (camelCase) form and validated.

    Raises:
        OCPPError: the payload is not valid; nothing is sent.
    """
    if type(payload) is model:
        return payload
    if isinstance(payload, OcppModel):
        raise FormatViolationError(
            f"{what}: expected {model.__name__}, got {type(payload).__name__}"
        )
    return _validate(model, payload, what, True)


def dump(payload: OcppModel) -> str:
    """The wire JSON of a model: camelCase names, unset and None fields left out."""
    return payload.model_dump_json(by_alias=True, exclude_unset=True, exclude_none=True)


def to_wire_dict(payload: OcppModel) -> dict[str, Any]:
    """The wire form of a model as a dict (for logs, storage and the REST API)."""
    result: dict[str, Any] = orjson.loads(dump(payload))
    return result
