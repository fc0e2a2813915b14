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

import copy
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schema_payloads import SCHEMA_NAMES, load_schema, payloads
from wire import schema_validator

from ocppkit.protocol.errors import (
    FormatViolationError,
    OccurenceConstraintViolationError,
    OCPPError,
    PropertyConstraintViolationError,
    TypeConstraintViolationError,
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


def resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = root["definitions"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def is_custom_data(node: dict[str, Any]) -> bool:
    return "additionalProperties" not in node and set(node.get("properties", {})) == {"vendorId"}


def complete_instance(node: dict[str, Any], root: dict[str, Any]) -> Any:
    """A valid value for ``node`` with every optional property present."""
    node = resolve(node, root)
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object":
        props = node.get("properties", {})
        return {p: complete_instance(sub, root) for p, sub in props.items()}
    if kind == "array":
        return [complete_instance(node["items"], root)] * max(node.get("minItems", 1), 1)
    if kind == "string":
        return NOW if node.get("format") == "date-time" else "x"
    if kind == "integer":
        return int(node.get("minimum", 1))
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    return "anything"  # DataTransfer.data: any JSON value


Path = tuple[str | int, ...]


class Site:
    """A value inside an instance, with its (resolved) schema."""

    def __init__(self, path: Path, node: dict[str, Any], required: bool, typed: bool) -> None:
        self.path = path
        self.node = node
        self.required = required
        self.typed = typed  # False for DataTransfer.data, whose schema allows any value

    @property
    def in_custom_data(self) -> bool:
        return "customData" in self.path


def sites(
    value: Any, node: dict[str, Any], root: dict[str, Any], path: Path = ()
) -> Iterator[Site]:
    typed = "$ref" in node or "type" in node
    resolved = resolve(node, root)
    if path:
        yield Site(path, resolved, True, typed)
    if resolved.get("type") == "object" and type(value) is dict:
        required = set(resolved.get("required", []))
        for prop, sub in resolved.get("properties", {}).items():
            for site in sites(value[prop], sub, root, (*path, prop)):
                if site.path == (*path, prop):
                    site.required = prop in required
                yield site
    elif resolved.get("type") == "array" and type(value) is list:
        for index, item in enumerate(value):
            yield from sites(item, resolved["items"], root, (*path, index))


def set_at(instance: Any, path: Path, value: Any) -> Any:
    mutated = copy.deepcopy(instance)
    target = mutated
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return mutated


def get_at(instance: Any, path: Path) -> Any:
    for part in path:
        instance = instance[part]
    return instance


def drop_at(instance: Any, path: Path) -> Any:
    mutated = copy.deepcopy(instance)
    target = mutated
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return mutated


def pick(candidates: list[Site]) -> Site | None:
    """The last candidate outside customData (deepest and latest), else the last one."""
    outside = [s for s in candidates if not s.in_custom_data]
    return (outside or candidates or [None])[-1]


# --- 3. the ways to break an instance, and the code each must get ---

Mutation = Callable[[Any, list[Site]], Any]


def drop_required_property(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if s.required])
    return None if site is None else drop_at(instance, site.path)


def add_unknown_property(instance: Any, all_sites: list[Site]) -> Any:
    objects = [s for s in all_sites if s.node.get("type") == "object" and not s.in_custom_data]
    path = objects[-1].path if objects else ()
    return (
        set_at(instance, (*path, "unknownProperty"), 1)
        if path
        else {
            **instance,
            "unknownProperty": 1,
        }
    )


def string_as_int(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if s.node.get("type") == "string" and "enum" not in s.node])
    return None if site is None else set_at(instance, site.path, 42)


def enum_not_a_value(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if "enum" in s.node])
    return None if site is None else set_at(instance, site.path, "NotAValue")


def string_over_max_length(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if "maxLength" in s.node and "format" not in s.node])
    return None if site is None else set_at(instance, site.path, "x" * (site.node["maxLength"] + 1))


def integer_below_minimum(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if s.node.get("type") == "integer" and "minimum" in s.node])
    return None if site is None else set_at(instance, site.path, int(site.node["minimum"]) - 1)


def number_above_maximum(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if "maximum" in s.node])
    return None if site is None else set_at(instance, site.path, site.node["maximum"] + 1)


def payload_as_list(instance: Any, all_sites: list[Site]) -> Any:
    return [instance]


def array_below_min_items(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if s.node.get("type") == "array" and s.node.get("minItems")])
    return None if site is None else set_at(instance, site.path, [])


def array_above_max_items(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if s.node.get("type") == "array" and "maxItems" in s.node])
    if site is None:
        return None
    item = get_at(instance, site.path)[0]
    return set_at(instance, site.path, [item] * (site.node["maxItems"] + 1))


def null_for_optional_field(instance: Any, all_sites: list[Site]) -> Any:
    site = pick([s for s in all_sites if not s.required and s.typed])
    return None if site is None else set_at(instance, site.path, None)


MUTATIONS: dict[str, tuple[Mutation, type[OCPPError]]] = {
    "drop_required_property": (drop_required_property, OccurenceConstraintViolationError),
    "add_unknown_property": (add_unknown_property, FormatViolationError),
    "string_as_int": (string_as_int, TypeConstraintViolationError),
    "enum_not_a_value": (enum_not_a_value, PropertyConstraintViolationError),
    "string_over_max_length": (string_over_max_length, PropertyConstraintViolationError),
    "integer_below_minimum": (integer_below_minimum, PropertyConstraintViolationError),
    "number_above_maximum": (number_above_maximum, PropertyConstraintViolationError),
    "payload_as_list": (payload_as_list, FormatViolationError),
    "array_below_min_items": (array_below_min_items, OccurenceConstraintViolationError),
    "array_above_max_items": (array_above_max_items, OccurenceConstraintViolationError),
    "null_for_optional_field": (null_for_optional_field, TypeConstraintViolationError),
}


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
