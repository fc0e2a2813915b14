"""Complete instances of an official OCPP schema (every optional property present), the sites
inside them, and the ways to break one, each with the CALLERROR concept it must get (OCPP 2.0.1
part 4 section 4.3; the same concepts in OCPP-J 1.6 section 4.2.3 and OCPP 2.1). Shared by the
schema tests of every version."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

from ocppkit.protocol.errors import (
    FormatViolationError,
    OccurenceConstraintViolationError,
    OCPPError,
    PropertyConstraintViolationError,
    TypeConstraintViolationError,
)

NOW = "2024-05-01T12:00:00Z"


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
        return int(node.get("minimum", min(1, node.get("maximum", 1))))
    if kind == "number":
        return min(1.5, node.get("maximum", 1.5))  # OCPP 2.1 has numbers of at most 0
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
    # a property (an array item is no property: dropping one is no violation without minItems)
    site = pick([s for s in all_sites if s.required and isinstance(s.path[-1], str)])
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
