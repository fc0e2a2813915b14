"""Lenient validation: harmless schema violations repaired and reported, others refused."""

from __future__ import annotations

import warnings

import pytest

from ocppkit.protocol.errors import (
    OccurenceConstraintViolationError,
    PropertyConstraintViolationError,
    TypeConstraintViolationError,
)
from ocppkit.protocol.lenient import validate_request_lenient, validate_response_lenient
from ocppkit.protocol.models import BootNotificationRequest, TransactionEventRequest
from ocppkit.protocol.validation import dump


def test_valid_payload_has_no_violations_and_the_strict_model() -> None:
    payload = {"chargingStation": {"model": "m", "vendorName": "v"}, "reason": "PowerUp"}
    model, violations = validate_request_lenient("BootNotification", payload)
    assert type(model) is BootNotificationRequest and violations == []


def test_unknown_enum_and_long_string_are_kept_and_dump_cleanly() -> None:
    payload = {
        "chargingStation": {"model": "m", "vendorName": "v", "serialNumber": "S" * 30},
        "reason": "Bored",
    }
    model, violations = validate_request_lenient("BootNotification", payload)
    assert isinstance(model, BootNotificationRequest)
    assert [(v.field, v.rule, v.repair) for v in violations] == [
        ("chargingStation.serialNumber", "maxLength", "kept"),
        ("reason", "enum", "kept"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert '"reason":"Bored"' in dump(model)


def test_nested_repairs() -> None:
    payload = {
        "eventType": "Started",
        "timestamp": "2025-01-01T00:00:00Z",
        "triggerReason": "Authorized",
        "seqNo": "3",
        "transactionInfo": {"transactionId": "t"},
        "evse": {"connectorId": 1},
        "idToken": None,
        "extra": True,
        "meterValue": [
            {
                "timestamp": "2025-01-01T00:00:00Z",
                "sampledValue": [{"value": "12.5", "measurand": "Energy.Vendor"}],
            }
        ],
    }
    model, violations = validate_request_lenient("TransactionEvent", payload)
    assert isinstance(model, TransactionEventRequest)
    assert model.seq_no == 3 and model.evse is None and model.id_token is None
    assert model.meter_value[0].sampled_value[0].measurand == "Energy.Vendor"  # type: ignore[index]
    rules = {(v.field, v.rule, v.repair) for v in violations}
    assert rules == {
        ("idToken", "null", "dropped"),
        ("seqNo", "type", "converted"),
        ("extra", "additionalProperties", "dropped"),
        ("evse.id", "required", "dropped parent"),
        ("meterValue.0.sampledValue.0.value", "type", "converted"),
        ("meterValue.0.sampledValue.0.measurand", "enum", "kept"),
    }


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        ({"reason": "PowerUp"}, OccurenceConstraintViolationError),
        (
            {"chargingStation": {"model": "m", "vendorName": "v"}, "reason": 7},
            TypeConstraintViolationError,
        ),
        (
            {"chargingStation": {"model": "m", "vendorName": "v"}, "reason": None},
            TypeConstraintViolationError,
        ),
    ],
)
def test_unrepairable_gets_the_strict_error(payload: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        validate_request_lenient("BootNotification", payload)


def test_a_date_that_does_not_parse_is_not_repaired() -> None:
    with pytest.raises(PropertyConstraintViolationError):
        validate_response_lenient(
            "BootNotification", {"currentTime": "yesterday", "interval": 1, "status": "Accepted"}
        )
