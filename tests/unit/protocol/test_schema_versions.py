"""Our OCPP 1.6 and 2.1 models against the official schemas of those versions (the 2.0.1 ones
are in test_schema_roundtrip).

1. Payloads hypothesis-jsonschema draws from an official schema (every 1.6 schema; a sample of
   2.1 ones, the new actions among them) validate through the version's models and are written
   back unchanged.
2. A complete instance of every schema, broken one way at a time, gets the CALLERROR concept of
   that way, and jsonschema (Draft4Validator for 1.6, Draft6Validator for 2.1) refuses it too.

Documented differences from jsonschema:
- ``multipleOf`` (1.6 charging rates, 0.1): 0.3 is a multiple of 0.1 for us, not for
  jsonschema's float division (0.3 / 0.1 == 2.9999999999999996).
- Date-time fields are checked; jsonschema does not check ``format`` by default.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schema_mutations import MUTATIONS, complete_instance, get_at, set_at, sites
from schema_payloads import load_schema, official_validator, payloads, schema_names

from ocppkit.protocol.errors import (
    OCPPError,
    PropertyConstraintViolationError,
    TypeConstraintViolationError,
)
from ocppkit.protocol.model_base import OcppModel
from ocppkit.protocol.validation import dump, validate_payload
from ocppkit.protocol.versions import OcppVersion, profile

INT64 = range(-(2**63), 2**64)
FOLDER = {OcppVersion.V16: "v16", OcppVersion.V21: "v21"}

DRAWS = settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
V21_SAMPLE = (
    "AFRRSignalRequest",
    "BatterySwapRequest",
    "BootNotificationRequest",
    "ChangeTransactionTariffRequest",
    "GetTariffsResponse",
    "NotifyAllowedEnergyTransferRequest",
    "NotifyDERAlarmRequest",
    "NotifyPeriodicEventStream",
    "NotifySettlementRequest",
    "OpenPeriodicEventStreamRequest",
    "PullDynamicScheduleUpdateResponse",
    "RequestBatterySwapRequest",
    "SetDERControlRequest",
    "SetDefaultTariffRequest",
    "TransactionEventRequest",
    "TransactionEventResponse",
    "UpdateDynamicScheduleRequest",
    "UsePriorityChargingRequest",
    "VatNumberValidationResponse",
)


def model_of(version: OcppVersion, name: str) -> tuple[type[OcppModel], str]:
    """The model of the official schema ``name`` (1.6 names a request ``X``, 2.1 ``XRequest``)
    and the name validation errors give it."""
    prof = profile(version)
    if name in prof.send_actions:
        return prof.send_actions[name], name
    if name.endswith("Response"):
        return prof.actions[name.removesuffix("Response")][1], name
    action = name.removesuffix("Request")
    return prof.actions[action][0], f"{action}Request"


def validate(version: OcppVersion, name: str, payload: Any) -> OcppModel:
    model, what = model_of(version, name)
    return validate_payload(model, payload, what)


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


DRAWN = [(OcppVersion.V16, n) for n in schema_names("v16")] + [
    (OcppVersion.V21, n) for n in V21_SAMPLE
]


def test_schema_counts() -> None:
    assert len(schema_names("v16")) == 78  # 39 actions, X.json and XResponse.json
    assert len(schema_names("v21")) == 181  # 90 actions and NotifyPeriodicEventStream
    assert set(V21_SAMPLE) <= set(schema_names("v21"))


@pytest.mark.parametrize(("version", "name"), DRAWN, ids=[f"{v.value}-{n}" for v, n in DRAWN])
@DRAWS
@given(data=st.data())
def test_drawn_payload_validates_and_dumps_back_unchanged(
    version: OcppVersion, name: str, data: st.DataObject
) -> None:
    payload = data.draw(payloads(name, FOLDER[version]), label=name)
    assume(ints_fit_the_wire(payload))
    assert official_validator(name, FOLDER[version]).is_valid(payload)  # the premise
    model = validate(version, name, payload)
    assert orjson.loads(dump(model)) == expected_output(name, payload)


# --- broken instances ---


def not_a_multiple(instance: Any, all_sites: list[Any]) -> Any:
    candidates = [s for s in all_sites if "multipleOf" in s.node]
    return None if not candidates else set_at(instance, candidates[-1].path, 0.15)


def integral_float(instance: Any, all_sites: list[Any]) -> Any:
    candidates = [s for s in all_sites if s.node.get("type") == "integer"]
    if not candidates:
        return None
    site = candidates[-1]
    return set_at(instance, site.path, float(get_at(instance, site.path)))


def broken_instances(version: OcppVersion) -> Iterator[Any]:
    folder = FOLDER[version]
    mutations = dict(MUTATIONS)
    if version is OcppVersion.V16:
        mutations["not_a_multiple"] = (not_a_multiple, PropertyConstraintViolationError)
        # draft-04: 1.0 is not an integer (draft-06, used by 2.x, says it is)
        mutations["integral_float"] = (integral_float, TypeConstraintViolationError)
    for name in schema_names(folder):
        schema = load_schema(name, folder)
        instance = complete_instance(schema, schema)
        all_sites = list(sites(instance, schema, schema))
        for kind, (mutate, error) in mutations.items():
            mutated = mutate(instance, all_sites)
            if mutated is not None:
                yield pytest.param(
                    version, name, mutated, error, id=f"{version.value}-{name}-{kind}"
                )


BROKEN = [*broken_instances(OcppVersion.V16), *broken_instances(OcppVersion.V21)]
COMPLETE = [(v, n) for v in FOLDER for n in schema_names(FOLDER[v])]


@pytest.mark.parametrize(("version", "name"), COMPLETE, ids=[f"{v.value}-{n}" for v, n in COMPLETE])
def test_complete_instance_is_valid_for_both_validators(version: OcppVersion, name: str) -> None:
    schema = load_schema(name, FOLDER[version])
    instance = complete_instance(schema, schema)
    assert official_validator(name, FOLDER[version]).is_valid(instance)
    assert orjson.loads(dump(validate(version, name, instance))) == instance


@pytest.mark.parametrize(("version", "name", "payload", "error"), BROKEN)
def test_broken_instance_gets_its_error_and_jsonschema_refuses_it(
    version: OcppVersion, name: str, payload: Any, error: type[OCPPError]
) -> None:
    assert not official_validator(name, FOLDER[version]).is_valid(payload)
    with pytest.raises(OCPPError) as caught:
        validate(version, name, payload)
    assert type(caught.value) is error, caught.value.description


def test_every_mutation_applies_to_both_versions() -> None:
    per_kind: dict[str, int] = {}
    for case in BROKEN:
        version, kind = str(case.id).split("-", 1)[0], str(case.id).rsplit("-", 1)[1]
        per_kind[f"{version}:{kind}"] = per_kind.get(f"{version}:{kind}", 0) + 1
    for kind in ("drop_required_property", "add_unknown_property", "string_as_int"):
        assert per_kind[f"ocpp1.6:{kind}"] >= 10 and per_kind[f"ocpp2.1:{kind}"] >= 10
    assert per_kind["ocpp1.6:payload_as_list"] == 78
    assert per_kind["ocpp2.1:payload_as_list"] == 181
    assert per_kind["ocpp1.6:not_a_multiple"] >= 3
    assert per_kind["ocpp1.6:integral_float"] >= 10
    assert per_kind["ocpp2.1:integer_below_minimum"] >= 10


# --- documented differences and version-specific rules ---


def charging_profile(limit: float) -> dict[str, Any]:
    return {
        "connectorId": 1,
        "csChargingProfiles": {
            "chargingProfileId": 1,
            "stackLevel": 0,
            "chargingProfilePurpose": "TxDefaultProfile",
            "chargingProfileKind": "Absolute",
            "chargingSchedule": {
                "chargingRateUnit": "A",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit}],
            },
        },
    }


@pytest.mark.parametrize("limit", [0.3, 7.2, 16.0, 32.1])
def test_v16_multiple_of_tenths_accepts_decimal_tenths(limit: float) -> None:
    validate(OcppVersion.V16, "SetChargingProfile", charging_profile(limit))


def test_v16_multiple_of_is_kinder_than_jsonschema_float_division() -> None:
    assert not official_validator("SetChargingProfile", "v16").is_valid(charging_profile(0.3))


def test_v16_data_transfer_data_is_a_string_and_null_is_refused() -> None:
    payload = {"vendorId": "v", "data": None}
    assert not official_validator("DataTransfer", "v16").is_valid(payload)
    with pytest.raises(TypeConstraintViolationError):
        validate(OcppVersion.V16, "DataTransfer", payload)


def test_v16_start_transaction_is_answered_with_an_integer_transaction_id() -> None:
    ok = {"transactionId": 7, "idTagInfo": {"status": "Accepted"}}
    assert validate(OcppVersion.V16, "StartTransactionResponse", ok)
    with pytest.raises(TypeConstraintViolationError):
        validate(OcppVersion.V16, "StartTransactionResponse", {**ok, "transactionId": "7"})


def test_v21_data_transfer_data_is_any_json_as_in_201() -> None:
    payload = {"vendorId": "v", "data": {"a": None, "b": [None, 1]}}
    assert orjson.loads(dump(validate(OcppVersion.V21, "DataTransferRequest", payload))) == payload


def test_v21_periodic_event_stream_nulls_inside_data_are_refused() -> None:
    payload = {
        "id": 1,
        "pending": 0,
        "basetime": "2024-05-01T12:00:00Z",
        "data": [{"t": 0.5, "v": "230.1", "customData": None}],
    }
    assert not official_validator("NotifyPeriodicEventStream", "v21").is_valid(payload)
    with pytest.raises(TypeConstraintViolationError):
        validate(OcppVersion.V21, "NotifyPeriodicEventStream", payload)
