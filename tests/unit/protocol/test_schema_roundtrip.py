"""Our models against the 128 official OCPP 2.0.1 schemas.

1. Every payload hypothesis-jsonschema draws from an official schema validates through our models
   and is written back (``dump``) unchanged.
2. Broken instances get the CALLERROR code of OCPP 2.0.1 part 4 (section 4.3): for each schema a
   complete valid instance is built and broken one way at a time.
3. Differential check: on those instances our models accept exactly what jsonschema's
   Draft6Validator accepts with the official schema.

Documented differences (see docs/errors.md):
- ``DataTransfer`` ``"data": null`` is accepted and dropped on output (None is never written).
- Integers outside the 64-bit range cannot reach the models: orjson, our wire parser, reads them
  as floats (OCPP integers are 32-bit anyway). Drawn payloads holding one are skipped.
- Date-time fields are checked (jsonschema does not check ``format`` by default): see
  ``test_date_time_format_is_checked_unlike_default_jsonschema``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schema_mutations import MUTATIONS, complete_instance, sites
from schema_payloads import SCHEMA_NAMES, load_schema, payloads
from wire import schema_validator

from ocppkit.protocol.errors import (
    OCPPError,
    PropertyConstraintViolationError,
)
from ocppkit.protocol.models import OcppModel
from ocppkit.protocol.validation import dump, validate_request, validate_response

NOW = "2024-05-01T12:00:00Z"
INT64 = range(-(2**63), 2**64)  # what orjson reads as an int (the top half as unsigned)

ROUNDTRIP = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def validate(name: str, payload: Any) -> OcppModel:
    """Validate ``payload`` as ``<Action>Request`` or ``<Action>Response``."""
    if name.endswith("Request"):
        return validate_request(name.removesuffix("Request"), payload)
    return validate_response(name.removesuffix("Response"), payload)


def ints_fit_the_wire(value: Any) -> bool:
    if type(value) is int:
        return value in INT64
    if type(value) is dict:
        return all(ints_fit_the_wire(v) for v in value.values())
    if type(value) is list:
        return all(ints_fit_the_wire(v) for v in value)
    return True


def expected_output(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    if name.startswith("DataTransfer") and "data" in payload and payload["data"] is None:
        return {k: v for k, v in payload.items() if k != "data"}  # None is never written
    return payload


# --- 1. round trip of drawn payloads ---


@pytest.mark.parametrize("name", SCHEMA_NAMES)
@ROUNDTRIP
@given(data=st.data())
def test_drawn_payload_validates_and_dumps_back_unchanged(name: str, data: st.DataObject) -> None:
    payload = data.draw(payloads(name), label=name)
    assume(ints_fit_the_wire(payload))
    assert schema_validator(name).is_valid(payload)  # the premise: drawn from the official schema
    model = validate(name, payload)
    assert orjson.loads(dump(model)) == expected_output(name, payload)


def test_there_are_128_official_schemas() -> None:
    assert len(SCHEMA_NAMES) == 128
    assert sum(n.endswith("Request") for n in SCHEMA_NAMES) == 64


# --- 2. a complete valid instance of each schema, and its sites ---


def complete(name: str) -> Any:
    schema = load_schema(name)
    return complete_instance(schema, schema)


def broken_instances() -> Iterator[Any]:
    for name in SCHEMA_NAMES:
        instance = complete(name)
        all_sites = list(sites(instance, load_schema(name), load_schema(name)))
        for kind, (mutate, error) in MUTATIONS.items():
            mutated = mutate(instance, all_sites)
            if mutated is not None:
                yield pytest.param(name, mutated, error, id=f"{name}-{kind}")


BROKEN = list(broken_instances())


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_complete_instance_is_valid_for_both_validators(name: str) -> None:
    instance = complete(name)
    assert schema_validator(name).is_valid(instance)
    assert orjson.loads(dump(validate(name, instance))) == instance


@pytest.mark.parametrize(("name", "payload", "error"), BROKEN)
def test_broken_instance_gets_its_error_code(
    name: str, payload: Any, error: type[OCPPError]
) -> None:
    with pytest.raises(OCPPError) as caught:
        validate(name, payload)
    assert type(caught.value) is error, caught.value.description


@pytest.mark.parametrize(("name", "payload", "error"), BROKEN)
def test_broken_instance_is_refused_by_the_official_schema_too(
    name: str, payload: Any, error: type[OCPPError]
) -> None:
    assert not schema_validator(name).is_valid(payload)


def test_every_mutation_applies_to_many_schemas() -> None:
    """Guard against a mutation silently finding nothing to break."""
    per_kind = {kind: 0 for kind in MUTATIONS}
    for case in BROKEN:
        per_kind[str(case.id).rsplit("-", 1)[1]] += 1
    assert per_kind["payload_as_list"] == per_kind["add_unknown_property"] == 128
    assert all(count >= 1 for count in per_kind.values()), per_kind


# --- documented differences from a default jsonschema Draft6Validator ---

HEARTBEAT_BAD_TIME = {"currentTime": "not a date-time"}


def test_date_time_format_is_checked_unlike_default_jsonschema() -> None:
    assert schema_validator("HeartbeatResponse").is_valid(HEARTBEAT_BAD_TIME)
    with pytest.raises(PropertyConstraintViolationError):
        validate("HeartbeatResponse", HEARTBEAT_BAD_TIME)


@pytest.mark.parametrize(
    "stamp", ["2024-05-01T12:00:00Z", "2024-05-01t12:00:00z", "2024-05-01T12:00:00.123+02:00"]
)
def test_rfc3339_date_times_are_accepted(stamp: str) -> None:
    validate("HeartbeatResponse", {"currentTime": stamp})


def test_data_transfer_null_data_is_accepted_and_not_written_back() -> None:
    payload = {"vendorId": "v", "data": None}
    assert schema_validator("DataTransferRequest").is_valid(payload)
    assert orjson.loads(dump(validate("DataTransferRequest", payload))) == {"vendorId": "v"}


def test_data_transfer_data_keeps_nested_nulls() -> None:
    payload = {"vendorId": "v", "data": {"a": None, "b": [None, 1]}}
    assert orjson.loads(dump(validate("DataTransferRequest", payload))) == payload
