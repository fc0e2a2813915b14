"""Independent wire checks for tests: every recorded frame against the official OCPP 2.0.1 JSON
schemas (from the `ocpp` package), using jsonschema rather than our own models."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import ocpp

SCHEMA_DIR = Path(ocpp.__file__).parent / "v201" / "schemas"


@cache
def schema_validator(name: str) -> jsonschema.Draft6Validator:
    """The official validator for ``<Action>Request`` or ``<Action>Response``."""
    schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema)


def assert_schema_valid(name: str, payload: object) -> None:
    errors = sorted(schema_validator(name).iter_errors(payload), key=str)
    assert not errors, f"{name} payload {payload!r} is invalid: {errors[0].message}"


class FrameRecorder:
    """Records the raw frames of a ``Connection`` (append it to ``connection.observers``)."""

    def __init__(self) -> None:
        self.frames: list[tuple[str, str]] = []

    def __call__(self, direction: str, text: str) -> None:
        self.frames.append((direction, text))

    def actions(self, direction: str | None = None) -> list[str]:
        return [
            m[2] for d, m in self.parsed() if m[0] == 2 and (direction is None or d == direction)
        ]

    def parsed(self) -> list[tuple[str, list]]:
        return [(d, json.loads(t)) for d, t in self.frames]

    def assert_all_valid(self, allow_call_errors: bool = False) -> int:
        """Check every frame: CALL payloads against the action's request schema, CALLRESULTs
        against the response schema of the CALL they answer. Returns how many were checked."""
        calls: dict[tuple[str, str], str] = {}  # (direction of the CALL, id) -> action
        checked = 0
        for direction, msg in self.parsed():
            kind, message_id = msg[0], msg[1]
            if kind == 2:
                calls[(direction, message_id)] = msg[2]
                assert_schema_valid(f"{msg[2]}Request", msg[3])
            elif kind == 3:
                other = "in" if direction == "out" else "out"
                action = calls.get((other, message_id))
                assert action, f"CALLRESULT {message_id} answers no recorded CALL"
                assert_schema_valid(f"{action}Response", msg[2])
            else:
                assert kind == 4 and len(msg) == 5, f"malformed frame {msg!r}"
                assert allow_call_errors, f"unexpected CALLERROR {msg!r}"
            checked += 1
        return checked
