"""What the load generator's stations send, and how every reply is checked.

The CALLs are OCPP 2.0.1 requests built as text once per call (orjson); each one is valid against
the official request schema (``check_requests`` proves it for one of each shape).

Every reply is checked: a CALLRESULT with the CALL's message id whose payload is valid against the
official 2.0.1 response schema of that action (the ``ocpp`` package's schemas and the Draft 4
validator it builds, ``ocpp.messages.get_validator``). Validating 35,000 replies a second with
jsonschema would make the load generator the bottleneck, so ``ReplyChecker`` validates each
distinct reply *shape* once: the key is the action plus the payload's JSON without its top-level
``currentTime`` (the one field that changes from reply to reply), and that ``currentTime`` is
checked on every reply (an ISO 8601 date-time string, as the schema's ``date-time`` format says).
A reply whose other fields vary (say a nested timestamp) misses the cache and is validated in full:
correct, only slower; ``validated`` and ``shapes`` in the output show how often that happened.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from typing import Any

import orjson

SUBPROTOCOL = "ocpp2.0.1"
ID_TOKEN = {"idToken": "04A2B3C4D5E6F7", "type": "ISO14443"}
EVSE = {"id": 1, "connectorId": 1}


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def call(message_id: str, action: str, payload: dict[str, Any]) -> bytes:
    return orjson.dumps([2, message_id, action, payload])


def boot_payload() -> dict[str, Any]:
    return {
        "chargingStation": {"model": "BenchStation", "vendorName": "ocppkit-bench"},
        "reason": "PowerUp",
    }


def status_payload(status: str) -> dict[str, Any]:
    return {"timestamp": now(), "connectorStatus": status, "evseId": 1, "connectorId": 1}


def meter_value(wh: int) -> list[dict[str, Any]]:
    return [
        {
            "timestamp": now(),
            "sampledValue": [
                {
                    "value": wh,
                    "measurand": "Energy.Active.Import.Register",
                    "context": "Sample.Periodic",
                    "unitOfMeasure": {"unit": "Wh"},
                }
            ],
        }
    ]


def tx_started(tx: str) -> dict[str, Any]:
    return {
        "eventType": "Started",
        "timestamp": now(),
        "triggerReason": "Authorized",
        "seqNo": 0,
        "transactionInfo": {"transactionId": tx, "chargingState": "Charging"},
        "evse": EVSE,
        "idToken": ID_TOKEN,
    }


def tx_updated(tx: str, seq: int, wh: int) -> dict[str, Any]:
    return {
        "eventType": "Updated",
        "timestamp": now(),
        "triggerReason": "MeterValuePeriodic",
        "seqNo": seq,
        "transactionInfo": {"transactionId": tx, "chargingState": "Charging"},
        "meterValue": meter_value(wh),
    }


def tx_ended(tx: str, seq: int) -> dict[str, Any]:
    return {
        "eventType": "Ended",
        "timestamp": now(),
        "triggerReason": "StopAuthorized",
        "seqNo": seq,
        "transactionInfo": {
            "transactionId": tx,
            "chargingState": "Idle",
            "stoppedReason": "Local",
        },
        "idToken": ID_TOKEN,
    }


# A mix yields (action, payload) forever; the station numbers the message ids.
Mix = Iterator[tuple[str, dict[str, Any]]]


def heartbeat_mix(station: str) -> Mix:
    while True:
        yield "Heartbeat", {}


def tx_mix(station: str) -> Mix:
    """The issue's transaction cycle, each with a new transactionId: StatusNotification
    Occupied, Authorize, TransactionEvent Started, 2x Updated (one energy sample each), Ended,
    StatusNotification Available."""
    for n in itertools.count():
        tx = f"{station}-{n}"
        yield "StatusNotification", status_payload("Occupied")
        yield "Authorize", {"idToken": ID_TOKEN}
        yield "TransactionEvent", tx_started(tx)
        yield "TransactionEvent", tx_updated(tx, 1, 1000)
        yield "TransactionEvent", tx_updated(tx, 2, 2000)
        yield "TransactionEvent", tx_ended(tx, 3)
        yield "StatusNotification", status_payload("Available")


def charging_meter_mix(station: str) -> Mix:
    """One long transaction: Started once, then Updated with a growing energy reading."""
    tx = f"{station}-long"
    yield "TransactionEvent", tx_started(tx)
    for seq in itertools.count(1):
        yield "TransactionEvent", tx_updated(tx, seq, 500 * seq)


MIXES: dict[str, Callable[[str], Mix]] = {
    "heartbeat": heartbeat_mix,
    "txmix": tx_mix,
    "meter": charging_meter_mix,
}


def _validators(kind: int) -> dict[str, Any]:
    """The ocpp package's validators (kind 2: requests, 3: responses) for the actions sent."""
    from ocpp.messages import get_validator

    actions = ("BootNotification", "Heartbeat", "StatusNotification", "Authorize")
    return {a: get_validator(kind, a, "2.0.1") for a in (*actions, "TransactionEvent")}


class ReplyChecker:
    """Checks reply payloads against the official response schemas, one validation per shape."""

    def __init__(self) -> None:
        self._validators = _validators(3)
        self._shapes: dict[tuple[str, bool, bytes], str | None] = {}  # shape -> error or None
        self.validated = 0

    @property
    def shapes(self) -> int:
        return len(self._shapes)

    def check(self, action: str, payload: Any) -> str | None:
        """None when valid, else a one-line reason."""
        if not isinstance(payload, dict):
            return f"{action}: payload is not an object"
        current = payload.get("currentTime")
        if current is not None:
            payload = {k: v for k, v in payload.items() if k != "currentTime"}
        key = (action, current is None, orjson.dumps(payload, option=orjson.OPT_SORT_KEYS))
        try:
            error = self._shapes[key]
        except KeyError:
            error = self._validate(action, payload, current)
            self._shapes[key] = error
        if error is None and current is not None and not _is_datetime(current):
            error = f"{action}: currentTime {current!r} is not a date-time"
        return error

    def _validate(self, action: str, payload: dict[str, Any], current: Any) -> str | None:
        self.validated += 1
        full = payload if current is None else {**payload, "currentTime": current}
        error = next(iter(self._validators[action].iter_errors(full)), None)
        return None if error is None else f"{action}: {error.message}"


def _is_datetime(value: Any) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_requests() -> list[str]:
    """Every request shape the mixes send, validated against the official request schemas;
    returns the errors (none expected)."""
    validators = _validators(2)
    errors = []
    samples = [("BootNotification", boot_payload())]
    for name, mix in MIXES.items():
        samples += list(itertools.islice(mix(f"check-{name}"), 8))
    for action, payload in samples:
        for error in validators[action].iter_errors(orjson.loads(orjson.dumps(payload))):
            errors.append(f"{action}: {error.message}")
    return errors
