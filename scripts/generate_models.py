"""Generate ``src/ocppkit/protocol/models.py`` from the official OCPP 2.0.1 JSON schemas.

The schemas ship in the PyPI ``ocpp`` package (a dev dependency) under ``ocpp/v201/schemas``.
Every action has a ``<Action>Request.json`` and a ``<Action>Response.json``; shared definitions
(datatypes and enums) are identical across files apart from their descriptions, so each is
emitted once.

Usage::

    python scripts/generate_models.py           # rewrite the module
    python scripts/generate_models.py --check   # exit 1 when the committed module is stale
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "ocppkit" / "protocol" / "models.py"

# Direction of each action (OCPP 2.0.1 part 2, and shared/OCPP201.md). DataTransfer goes both ways.
CS_TO_CSMS = {
    "SecurityEventNotification",
    "SignCertificate",
    "BootNotification",
    "NotifyReport",
    "Authorize",
    "TransactionEvent",
    "StatusNotification",
    "Heartbeat",
    "ReservationStatusUpdate",
    "MeterValues",
    "ReportChargingProfiles",
    "NotifyChargingLimit",
    "ClearedChargingLimit",
    "NotifyEVChargingNeeds",
    "NotifyEVChargingSchedule",
    "FirmwareStatusNotification",
    "PublishFirmwareStatusNotification",
    "Get15118EVCertificate",
    "GetCertificateStatus",
    "LogStatusNotification",
    "NotifyMonitoringReport",
    "NotifyEvent",
    "NotifyCustomerInformation",
    "NotifyDisplayMessages",
    "DataTransfer",
}
BOTH_WAYS = {"DataTransfer"}

# Names that would shadow pydantic.BaseModel attributes or Python keywords.
RESERVED = {"validate", "json", "dict", "copy", "schema", "construct", "fields"}

HEADER = '''\
# GENERATED FILE: do not edit by hand.
# Produced by scripts/generate_models.py from the official OCPP 2.0.1 JSON schemas
# (the `ocpp` package, ocpp/v201/schemas).
# tests/unit/protocol/test_models_fresh.py fails when this file is stale.
"""Pydantic models for every OCPP 2.0.1 message: 64 actions, their datatypes and enums.

Fields use snake_case names; the wire (camelCase) name is the alias. Wire payloads are validated
by alias only (``validate_request``/``validate_response`` in ``ocppkit.protocol.validation``);
Python code constructs models by field name. Date-time fields stay strings (so a payload
round-trips unchanged) but must parse as ISO 8601 / RFC 3339.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    Strict,
    model_serializer,
)


def _integral(value: Any) -> Any:
    # JSON Schema draft-06 counts 1.0 as an integer; accept it, keep bool out.
    if type(value) is float and value.is_integer():
        return int(value)
    return value


def _date_time(value: str) -> str:
    datetime.fromisoformat(value.replace("z", "Z").replace("t", "T", 1))
    return value


Int = Annotated[int, BeforeValidator(_integral), Strict()]
Number = Annotated[float, Strict(), AllowInfNan(False)]  # JSON has no Infinity or NaN
Bool = Annotated[bool, Strict()]
Str = Annotated[str, Strict()]
DateTime = Annotated[str, Strict(), AfterValidator(_date_time)]


class OcppModel(BaseModel):
    """Base of every generated model: unknown properties are refused, as the schemas require."""

    model_config = ConfigDict(
        extra="forbid", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True
    )


class CustomDataType(BaseModel):
    """Vendor extension point: the one object the schemas leave open to extra properties."""

    model_config = ConfigDict(
        extra="allow", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True
    )
    vendor_id: Annotated[Str, Field(max_length=255)] = Field(alias="vendorId")

    @model_serializer(mode="wrap")
    def _keep_null_extras(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # exclude_none drops unset optional fields; a vendor property that is null on the wire
        # is data, and is written back as received.
        data: dict[str, Any] = handler(self)
        for key, value in (self.__pydantic_extra__ or {}).items():
            if value is None and key not in data:
                data[key] = None
        return data

'''


def snake(name: str) -> str:
    name = name.replace("SoC", "Soc")
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()
    if keyword.iskeyword(s) or s in RESERVED:
        s += "_"
    return s


def enum_member(value: str) -> str:
    """The Python member name of an enumeration value (``v_`` before what is no identifier)."""
    member = re.sub(r"\W", "_", value)
    return member if member.isidentifier() and not keyword.iskeyword(member) else f"v_{member}"


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


class Generator:
    def __init__(self, schema_dir: Path) -> None:
        self.schema_dir = schema_dir
        self.enums: dict[str, dict] = {}
        self.types: dict[str, dict] = {}
        self.messages: list[tuple[str, dict]] = []

    def load(self) -> None:
        for path in sorted(self.schema_dir.glob("*.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            for name, definition in schema.get("definitions", {}).items():
                if name == "CustomDataType":
                    continue
                if "enum" in definition:
                    self.enums.setdefault(name, definition)
                else:
                    self.types.setdefault(name, definition)
            self.messages.append((path.stem, schema))

    def field_type(self, prop: dict) -> str:
        if "$ref" in prop:
            return ref_name(prop["$ref"])
        if "type" not in prop:
            return "Any"  # DataTransfer.data: any JSON value
        kind = prop["type"]
        if kind == "array":
            inner = self.field_type(prop["items"])
            bounds = []
            if "minItems" in prop:
                bounds.append(f"min_length={prop['minItems']}")
            if "maxItems" in prop:
                bounds.append(f"max_length={prop['maxItems']}")
            if bounds:
                return f"Annotated[list[{inner}], Field({', '.join(bounds)})]"
            return f"list[{inner}]"
        if kind == "string":
            base = "DateTime" if prop.get("format") == "date-time" else "Str"
            if "maxLength" in prop:
                return f"Annotated[{base}, Field(max_length={prop['maxLength']})]"
            return base
        if kind in ("integer", "number"):
            base = "Int" if kind == "integer" else "Number"
            bounds = []
            if "minimum" in prop:
                bounds.append(f"ge={int(prop['minimum'])}")
            if "maximum" in prop:
                bounds.append(f"le={int(prop['maximum'])}")
            return f"Annotated[{base}, Field({', '.join(bounds)})]" if bounds else base
        if kind == "boolean":
            return "Bool"
        raise ValueError(f"unsupported schema fragment: {prop}")

    def model_class(self, name: str, schema: dict, doc: str) -> list[str]:
        lines = [f"class {name}(OcppModel):", f'    """{doc}"""', ""]
        required = set(schema.get("required", []))
        props = schema.get("properties", {})
        ordered = [p for p in props if p in required] + [p for p in props if p not in required]
        for prop in ordered:
            spec = props[prop]
            ftype = self.field_type(spec)
            field = snake(prop)
            if prop in required:
                lines.append(f'    {field}: {ftype} = Field(alias="{prop}")')
            else:
                default = spec.get("default")
                if default is None and "$ref" in spec:
                    default = self.default_of(spec["$ref"])
                default_src = "None" if default is None else repr(default)
                if default is not None and "$ref" in spec and ref_name(spec["$ref"]) in self.enums:
                    # An enum's default as its member, so the field's type holds it.
                    default_src = f"{ref_name(spec['$ref'])}.{enum_member(str(default))}"
                optional = ftype if ftype == "Any" else f"{ftype} | None"
                lines.append(
                    f'    {field}: {optional} = Field(default={default_src}, alias="{prop}")'
                )
        if not props:
            lines.append("    pass")
        return [*lines, "", ""]

    def default_of(self, ref: str) -> object:
        return self.enums.get(ref_name(ref), {}).get("default")

    def render(self) -> str:
        out = [HEADER, "", "# --- Enumerations ---", "", ""]
        for name in sorted(self.enums):
            out.append(f"class {name}(StrEnum):")
            for value in self.enums[name]["enum"]:
                member = enum_member(value)
                out.append(f'    {member} = "{value}"')
            out += ["", ""]
        out += ["# --- Datatypes ---", "", ""]
        for name in sorted(self.types):
            doc = first_line(self.types[name].get("description", name))
            out += self.model_class(name, self.types[name], doc)
        out += ["# --- Messages: one Request and one Response per action ---", "", ""]
        for name, schema in self.messages:
            out += self.model_class(name, schema, f"{name} payload (OCPP 2.0.1).")
        out += self.action_table()
        return "\n".join(out).rstrip() + "\n"

    def action_table(self) -> list[str]:
        actions = sorted(
            {name.removesuffix("Request") for name, _ in self.messages if name.endswith("Request")}
        )
        lines = [
            "# action -> (request model, response model)",
            "ACTIONS: dict[str, tuple[type[OcppModel], type[OcppModel]]] = {",
        ]
        lines += [f'    "{a}": ({a}Request, {a}Response),' for a in actions]
        lines += ["}", ""]
        cs = sorted(a for a in actions if a in CS_TO_CSMS)
        csms = sorted(a for a in actions if a not in CS_TO_CSMS or a in BOTH_WAYS)
        lines.append("# Actions a charging station sends (the CSMS answers them).")
        lines.append("CS_TO_CSMS: frozenset[str] = frozenset({")
        lines += [f'    "{a}",' for a in cs]
        lines += ["})", "", "# Actions the CSMS sends (the charging station answers them)."]
        lines.append("CSMS_TO_CS: frozenset[str] = frozenset({")
        lines += [f'    "{a}",' for a in csms]
        lines += ["})", ""]
        return lines


def first_line(text: str) -> str:
    line = text.replace("\r", "").split("\n")[0].strip().replace('"""', "'")
    return (line or "OCPP 2.0.1 datatype.").replace("\\", "/")


def schema_dir() -> Path:
    import ocpp  # dev dependency; runtime never imports it

    return Path(ocpp.__file__).parent / "v201" / "schemas"


def generate() -> str:
    gen = Generator(schema_dir())
    gen.load()
    return gen.render()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed module is stale"
    )
    args = parser.parse_args()
    text = generate()
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run python scripts/generate_models.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
