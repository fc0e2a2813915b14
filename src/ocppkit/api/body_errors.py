"""A request body that is not JSON, told as one sentence instead of pydantic's errors.

FastAPI reads a body sent without ``Content-Type: application/json`` as text and then reports
"Input should be a valid dictionary", and a body that does not parse as JSON as an error in
field "0"; ``body_problem`` says what was wrong with the body itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request

_NOT_AN_OBJECT = {"model_attributes_type", "dict_type", "model_type"}


def _is_json(request: Request) -> bool:
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def body_problem(request: Request, errors: Sequence[Any]) -> str | None:
    """What is wrong with the whole body (one sentence), or None when the errors are about its
    fields."""
    for error in errors:
        loc = tuple(error.get("loc", ()))
        if not loc or loc[0] != "body":
            continue
        kind = error.get("type")
        if kind == "json_invalid":
            reason = (error.get("ctx") or {}).get("error") or error.get("msg", "")
            return f"body is not valid JSON ({reason})"
        if loc == ("body",) and kind == "missing":
            return "body missing: send a JSON object (Content-Type: application/json)"
        if loc == ("body",) and kind in _NOT_AN_OBJECT:
            if not _is_json(request):
                return "body must be JSON (Content-Type: application/json)"
            return f"body must be a JSON object, not {_json_kind(error.get('input'))}"
    return None


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "null" if value is None else type(value).__name__


__all__ = ["body_problem"]
