"""Protocol core benchmark: what one message costs.

1. Validation + serialisation per message (parse the frame's payload text, validate, write the
   wire JSON) for Heartbeat, BootNotification and a TransactionEvent with meter values:
   ocppkit's core against the baseline of the `ocpp` library's way (json + jsonschema with the
   official schemas, the Draft4Validator ``ocpp.messages.get_validator`` builds), in the same run.
2. A full RpcSession round trip per message: CALL text in -> CallReceived -> send_result ->
   CALLRESULT text out (no sockets).

Run: .venv/bin/python bench/bench_protocol.py   (dev dependencies installed; about 15 s)
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Callable
from typing import Any

import orjson
from ocpp.messages import get_validator

from ocppkit.protocol.models import CS_TO_CSMS
from ocppkit.protocol.session import CallReceived, RpcSession
from ocppkit.protocol.validation import dump, models_for, validate_request

NOW = "2024-05-01T12:00:00Z"
OURS_N = 20_000
BASELINE_N = 2_000
ROUND_TRIP_N = 20_000


def transaction_event() -> dict[str, Any]:
    sampled = [
        {
            "value": 1234.5,
            "measurand": "Energy.Active.Import.Register",
            "unitOfMeasure": {"unit": "Wh"},
        },
        {"value": 7200.0, "measurand": "Power.Active.Import", "unitOfMeasure": {"unit": "W"}},
        {"value": 31.9, "measurand": "Current.Import", "phase": "L1"},
        {"value": 31.7, "measurand": "Current.Import", "phase": "L2"},
        {"value": 32.1, "measurand": "Current.Import", "phase": "L3"},
        {"value": 230.1, "measurand": "Voltage", "phase": "L1-N"},
        {"value": 64.0, "measurand": "SoC", "location": "EV"},
    ]
    return {
        "eventType": "Updated",
        "timestamp": NOW,
        "triggerReason": "MeterValuePeriodic",
        "seqNo": 12,
        "transactionInfo": {"transactionId": "tx-0001", "chargingState": "Charging"},
        "evse": {"id": 1, "connectorId": 1},
        "meterValue": [{"timestamp": NOW, "sampledValue": sampled}],
    }


MESSAGES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "Heartbeat": ({}, {"currentTime": NOW}),
    "BootNotification": (
        {
            "reason": "PowerUp",
            "chargingStation": {
                "model": "AC-22",
                "vendorName": "ocppkit",
                "serialNumber": "SN-1",
                "firmwareVersion": "1.0",
            },
        },
        {"currentTime": NOW, "interval": 300, "status": "Accepted"},
    ),
    "TransactionEvent": (transaction_event(), {"totalCost": 1.25}),
}


def per_call_us(fn: Callable[[], object], count: int) -> float:
    fn()  # warm up (caches, lazy schema loading)
    start = time.perf_counter()
    for _ in range(count):
        fn()
    return (time.perf_counter() - start) / count * 1e6


def ours(action: str, text: bytes) -> Callable[[], object]:
    def run() -> object:
        return dump(validate_request(action, orjson.loads(text), b"null" in text))

    return run


def baseline(action: str, text: bytes) -> Callable[[], object]:
    validator = get_validator(2, action, "2.0.1")  # what the `ocpp` library validates with

    def run() -> object:
        payload = json.loads(text)
        validator.validate(payload)
        return json.dumps(payload)

    return run


def round_trip(
    action: str, request: dict[str, Any], response: dict[str, Any]
) -> Callable[[], object]:
    session = RpcSession(CS_TO_CSMS)
    frame = orjson.dumps([2, "0123456789abcdef", action, request]).decode()
    response_model = models_for(action)[1]
    answer = response_model.model_validate(response, by_alias=True, by_name=False)

    def run() -> object:
        (event,) = session.receive(frame, 0.0)
        assert type(event) is CallReceived
        session.send_result(event.message_id, action, answer)
        return session.data_to_send()

    return run


def main() -> None:
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"ours x{OURS_N}, baseline x{BASELINE_N}, round trip x{ROUND_TRIP_N}\n"
    )
    print("validation + dump per request (payload text -> validated -> wire JSON)")
    print(f"{'action':<18}{'bytes':>7}{'ocppkit us':>13}{'jsonschema us':>15}{'ratio':>9}")
    for action, (request, _) in MESSAGES.items():
        text = orjson.dumps(request)
        ours_us = per_call_us(ours(action, text), OURS_N)
        base_us = per_call_us(baseline(action, text), BASELINE_N)
        ratio = base_us / ours_us
        print(f"{action:<18}{len(text):>7}{ours_us:>13.2f}{base_us:>15.2f}{ratio:>8.1f}x")
    print("\nRpcSession round trip per message (CALL text in -> CALLRESULT text out)")
    print(f"{'action':<18}{'us':>8}{'msg/s':>12}")
    for action, (request, response) in MESSAGES.items():
        us = per_call_us(round_trip(action, request, response), ROUND_TRIP_N)
        print(f"{action:<18}{us:>8.2f}{1e6 / us:>12,.0f}")


if __name__ == "__main__":
    main()
