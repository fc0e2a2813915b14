"""Generate the pydantic model modules of ``ocppkit.protocol`` from the official OCPP schemas.

One module per version, from the schemas in the PyPI ``ocpp`` package (a dev dependency):

==========  ===========================================  ==========================================
version     schemas                                      module
==========  ===========================================  ==========================================
1.6J        ``ocpp/v16/schemas``: ``X.json`` and         ``src/ocppkit/protocol/models_v16.py``
            ``XResponse.json``, draft-04
2.0.1       ``ocpp/v201/schemas``: ``XRequest.json`` /   ``src/ocppkit/protocol/models.py``
            ``XResponse.json``, draft-06
2.1         ``ocpp/v21/schemas``: as 2.0.1, plus         ``src/ocppkit/protocol/models_v21.py``
            ``NotifyPeriodicEventStream.json`` (a SEND,
            no response)
==========  ===========================================  ==========================================

Shared definitions (datatypes and enums) are identical across the files of one version apart
from their descriptions, so each is emitted once. The 1.6 schemas define nested objects and
enumerations inline; they are lifted into named classes first (see ``Hoister``).

Usage::

    python scripts/generate_models.py           # rewrite the modules
    python scripts/generate_models.py --check   # exit 1 when a committed module is stale
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROTOCOL = Path(__file__).resolve().parents[1] / "src" / "ocppkit" / "protocol"

# --- directions: who sends each action (the other side answers) -----------------------------

# OCPP 2.0.1 part 2 (and shared/OCPP201.md); the rest of the 64 go CSMS -> CS.
CS_TO_CSMS_V201 = {
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
# OCPP 2.1 keeps every 2.0.1 direction and adds these station-initiated actions (2.1 part 2:
# battery swap, periodic event streams, certificate chain status, DER control, priority
# charging, settlement, VAT number validation, dynamic schedules); its other 15 new actions go
# CSMS -> CS.
CS_TO_CSMS_V21 = CS_TO_CSMS_V201 | {
    "BatterySwap",
    "ClosePeriodicEventStream",
    "GetCertificateChainStatus",
    "NotifyDERAlarm",
    "NotifyDERStartStop",
    "NotifyPeriodicEventStream",
    "NotifyPriorityCharging",
    "NotifySettlement",
    "OpenPeriodicEventStream",
    "PullDynamicScheduleUpdate",
    "ReportDERControl",
    "VatNumberValidation",
}
# OCPP 1.6 by feature profile (Core, Firmware Management, Security whitepaper): what the charge
# point sends; the rest of the 39 go central system -> charge point.
CS_TO_CSMS_V16 = {
    "Authorize",
    "BootNotification",
    "DataTransfer",
    "Heartbeat",
    "MeterValues",
    "StartTransaction",
    "StatusNotification",
    "StopTransaction",
    "DiagnosticsStatusNotification",
    "FirmwareStatusNotification",
    "LogStatusNotification",
    "SecurityEventNotification",
    "SignCertificate",
    "SignedFirmwareStatusNotification",
}
BOTH_WAYS = {"DataTransfer"}


@dataclass(frozen=True)
class Spec:
    """One OCPP version's schemas and the module made from them."""

    key: str  # the ocpp package's folder: v16, v201, v21
    label: str  # "OCPP 2.0.1"
    module: str  # file name under src/ocppkit/protocol
    draft04: bool  # draft-04 integers (1.0 is not one) and inline definitions
    cs_to_csms: set[str]
    send_actions: frozenset[str] = frozenset()  # SEND (message type 6) actions: no response
    count: int = 0  # actions with a request and a response

    @property
    def output(self) -> Path:
        return PROTOCOL / self.module

    def message(self, stem: str) -> tuple[str, str, str]:
        """(action, kind, class name) of a schema file: kind is Request, Response or Send."""
        if stem in self.send_actions:
            return stem, "Send", stem
        if stem.endswith("Response"):
            return stem.removesuffix("Response"), "Response", stem
        if stem.endswith("Request"):
            return stem.removesuffix("Request"), "Request", stem
        return stem, "Request", f"{stem}Request"  # OCPP 1.6 names the request X.json


SPECS = {
    "v16": Spec("v16", "OCPP 1.6", "models_v16.py", True, CS_TO_CSMS_V16, count=39),
    "v201": Spec("v201", "OCPP 2.0.1", "models.py", False, CS_TO_CSMS_V201, count=64),
    "v21": Spec(
        "v21",
        "OCPP 2.1",
        "models_v21.py",
        False,
        CS_TO_CSMS_V21,
        frozenset({"NotifyPeriodicEventStream"}),
        count=90,
    ),
}

# Names that would shadow pydantic.BaseModel attributes or Python keywords.
RESERVED = {"validate", "json", "dict", "copy", "schema", "construct", "fields"}

HEADER = '''\
# GENERATED FILE: do not edit by hand.
# Produced by scripts/generate_models.py from the official {label} JSON schemas
# (the `ocpp` package, ocpp/{key}/schemas).
# tests/unit/protocol/test_models_fresh.py fails when this file is stale.
"""Pydantic models for every {label} message: {count} actions, their datatypes and enums.

Fields use snake_case names; the wire (camelCase) name is the alias. Wire payloads are validated
by alias only (``ocppkit.protocol.validation``, ``ocppkit.protocol.versions``); Python code
constructs models by field name. Date-time fields stay strings (so a payload round-trips
unchanged) but must parse as ISO 8601 / RFC 3339.{extra}
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field

from ocppkit.protocol.model_base import Bool as Bool
{custom_import}from ocppkit.protocol.model_base import DateTime as DateTime
from ocppkit.protocol.model_base import {int_import}
from ocppkit.protocol.model_base import Number as Number
from ocppkit.protocol.model_base import OcppModel as OcppModel
from ocppkit.protocol.model_base import Str as Str
{more_imports}
'''

EXTRA_V16 = """

OCPP 1.6 defines nested objects and enumerations inline; they are named here after the property
that holds them (``IdTagInfoType``, ``MeasurandEnumType``), prefixed with the action where one
name would mean two different things (``BootNotificationStatusEnumType``). Integers follow
draft-04: 1.0 is a number, not an integer."""

EXTRA_V21 = """

``NotifyPeriodicEventStream`` is sent as a SEND (message type 6) and has no response: it is in
``SEND_ACTIONS``, not in ``ACTIONS``."""


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


def pascal(prop: str) -> str:
    return prop[:1].upper() + prop[1:]


# --- OCPP 1.6: lift inline objects and enumerations into named definitions --------------------

_CANON_KEYS = (
    "type",
    "enum",
    "maxLength",
    "format",
    "multipleOf",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
)
_NAME = "x-definition"  # marks an inlined $ref with the definition's name


def _hoistable(node: dict[str, Any]) -> bool:
    return node.get("type") == "object" or "enum" in node


class Hoister:
    """Names every nested object and enumeration of a set of schemas.

    A nested object or enum is named after its definition (when it came from a ``$ref``) or the
    property that holds it: ``idTagInfo`` -> ``IdTagInfoType``, ``measurand`` ->
    ``MeasurandEnumType``. Structurally identical fragments (descriptions aside) share one class,
    under the first of their candidate names in sorted order that means only that structure;
    when every candidate is taken by another structure, the action's name is put before it
    (``status`` of BootNotificationResponse -> ``BootNotificationStatusEnumType``). Naming does
    not depend on the order the schemas are read in.
    """

    def __init__(self) -> None:
        self.candidates: dict[str, set[str]] = {}  # candidate name -> canonical structures
        self.seen: dict[str, list[tuple[bool, str, str]]] = {}  # canonical -> (strong, name, ctx)
        self.names: dict[str, str] = {}  # canonical -> chosen name
        self.enums: dict[str, dict[str, Any]] = {}
        self.types: dict[str, dict[str, Any]] = {}

    @staticmethod
    def inline(node: Any, definitions: dict[str, Any]) -> Any:
        """``node`` with each ``$ref`` replaced by its definition (marked with its name)."""
        if isinstance(node, list):
            return [Hoister.inline(n, definitions) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            name = ref_name(node["$ref"])
            return {**Hoister.inline(definitions[name], definitions), _NAME: name}
        return {k: Hoister.inline(v, definitions) for k, v in node.items() if k != "definitions"}

    @staticmethod
    def canon(node: dict[str, Any]) -> str:
        def shape(n: dict[str, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {k: n[k] for k in _CANON_KEYS if k in n}
            if "required" in n:
                out["required"] = sorted(n["required"])
            if "properties" in n:
                out["properties"] = {k: shape(v) for k, v in n["properties"].items()}
            if "items" in n:
                out["items"] = shape(n["items"])
            return out

        return json.dumps(shape(node), sort_keys=True)

    def _nested(self, node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        """(property, fragment) for each hoistable fragment directly under an object."""
        found = []
        for prop, sub in node.get("properties", {}).items():
            if sub.get("type") == "array" and _hoistable(sub["items"]):
                found.append((prop, sub["items"]))
            elif _hoistable(sub):
                found.append((prop, sub))
        return found

    def collect(self, node: dict[str, Any], context: str) -> None:
        for prop, sub in self._nested(node):
            strong = _NAME in sub
            suffix = "EnumType" if "enum" in sub else "Type"
            name = sub[_NAME] if strong else pascal(prop) + suffix
            key = self.canon(sub)
            self.candidates.setdefault(name, set()).add(key)
            self.seen.setdefault(key, []).append((strong, name, context))
            self.collect(sub, context)

    def assign(self) -> None:
        taken: set[str] = set()
        for key in sorted(self.seen):
            options = sorted(set(self.seen[key]), key=lambda o: (not o[0], o[1], o[2]))
            unique = [name for _, name, _ in options if self.candidates[name] == {key}]
            name = unique[0] if unique else options[0][2] + options[0][1]
            base, n = name, 2
            while name in taken:
                name, n = f"{base}{n}", n + 1
            taken.add(name)
            self.names[key] = name

    def lift(self, node: dict[str, Any]) -> dict[str, Any]:
        """``node`` with every hoistable fragment below it replaced by a ``$ref``."""
        out = {k: v for k, v in node.items() if k not in ("properties", _NAME)}
        props = {}
        for prop, sub in node.get("properties", {}).items():
            if sub.get("type") == "array" and _hoistable(sub["items"]):
                props[prop] = {**sub, "items": self._ref(sub["items"])}
            elif _hoistable(sub):
                props[prop] = self._ref(sub)
            else:
                props[prop] = sub
        if "properties" in node:
            out["properties"] = props
        return out

    def _ref(self, sub: dict[str, Any]) -> dict[str, str]:
        name = self.names[self.canon(sub)]
        if "enum" in sub:
            self.enums.setdefault(name, {"type": "string", "enum": sub["enum"]})
        else:
            self.types.setdefault(name, self.lift(sub))
        return {"$ref": f"#/definitions/{name}"}


# --- rendering --------------------------------------------------------------------------------


@dataclass
class Generator:
    spec: Spec
    schema_dir: Path
    enums: dict[str, dict[str, Any]] = field(default_factory=dict)
    types: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (action, kind, class name, schema)
    messages: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)
    uses_multiple_of: bool = False

    def load(self) -> None:
        raw = []
        for path in sorted(self.schema_dir.glob("*.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            raw.append((*self.spec.message(path.stem), schema))
        if self.spec.draft04:
            self._load_hoisted(raw)
            return
        for action, kind, name, schema in raw:
            for def_name, definition in schema.get("definitions", {}).items():
                if def_name == "CustomDataType":
                    continue
                if "enum" in definition:
                    self.enums.setdefault(def_name, definition)
                else:
                    self.types.setdefault(def_name, definition)
            self.messages.append((action, kind, name, schema))

    def _load_hoisted(self, raw: list[tuple[str, str, str, dict[str, Any]]]) -> None:
        hoister = Hoister()
        inlined = [(a, k, n, Hoister.inline(s, s.get("definitions", {}))) for a, k, n, s in raw]
        for action, _, _, schema in inlined:
            hoister.collect(schema, action)
        hoister.assign()
        for action, kind, name, schema in inlined:
            self.messages.append((action, kind, name, hoister.lift(schema)))
        self.enums, self.types = hoister.enums, hoister.types

    def field_type(self, prop: dict[str, Any]) -> str:
        if "$ref" in prop:
            return ref_name(prop["$ref"])
        if "type" not in prop:
            return "Any"  # DataTransfer.data (2.x): any JSON value
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
            base = "Number"
            if kind == "integer":
                base = "Int04" if self.spec.draft04 else "Int"
            meta = []
            bounds = []
            if "minimum" in prop:
                bounds.append(f"ge={int(prop['minimum'])}")
            if "maximum" in prop:
                bounds.append(f"le={int(prop['maximum'])}")
            if bounds:
                meta.append(f"Field({', '.join(bounds)})")
            if "multipleOf" in prop:
                self.uses_multiple_of = True
                meta.append(f"multiple_of({prop['multipleOf']!r})")
            return f"Annotated[{base}, {', '.join(meta)}]" if meta else base
        if kind == "boolean":
            return "Bool"
        raise ValueError(f"unsupported schema fragment: {prop}")

    def model_class(self, name: str, schema: dict[str, Any], doc: str) -> list[str]:
        if schema.get("additionalProperties", False) is not False:
            raise ValueError(f"{name}: only CustomData may admit unknown properties")
        lines = [f"class {name}(OcppModel):", f'    """{doc}"""', ""]
        required = set(schema.get("required", []))
        props = schema.get("properties", {})
        ordered = [p for p in props if p in required] + [p for p in props if p not in required]
        for prop in ordered:
            spec = props[prop]
            ftype = self.field_type(spec)
            attr = snake(prop)
            if prop in required:
                lines.append(f'    {attr}: {ftype} = Field(alias="{prop}")')
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
                    f'    {attr}: {optional} = Field(default={default_src}, alias="{prop}")'
                )
        if not props:
            lines.append("    pass")
        return [*lines, "", ""]

    def default_of(self, ref: str) -> object:
        return self.enums.get(ref_name(ref), {}).get("default")

    def render(self) -> str:
        body = ["", "# --- Enumerations ---", "", ""]
        for name in sorted(self.enums):
            body.append(f"class {name}(StrEnum):")
            for value in self.enums[name]["enum"]:
                body.append(f'    {enum_member(value)} = "{value}"')
            body += ["", ""]
        body += ["# --- Datatypes ---", "", ""]
        for name in sorted(self.types):
            doc = self.first_line(self.types[name].get("description", name))
            body += self.model_class(name, self.types[name], doc)
        body += ["# --- Messages: one Request and one Response per action ---", "", ""]
        for _, kind, name, schema in self.messages:
            what = "SEND payload, no response" if kind == "Send" else "payload"
            body += self.model_class(name, schema, f"{name} {what} ({self.spec.label}).")
        body += self.action_table()
        extra = {"v16": EXTRA_V16, "v21": EXTRA_V21}.get(self.spec.key, "")
        int_import = "Int04 as Int04" if self.spec.draft04 else "Int as Int"
        more = "from ocppkit.protocol.model_base import multiple_of as multiple_of\n"
        custom = "" if self.spec.draft04 else "CustomDataType as CustomDataType"
        header = HEADER.format(
            custom_import=f"from ocppkit.protocol.model_base import {custom}\n" if custom else "",
            label=self.spec.label,
            key=self.spec.key,
            count=self.spec.count,
            extra=extra,
            int_import=int_import,
            more_imports=more if self.uses_multiple_of else "",
        )
        return (header + "\n".join(body)).rstrip() + "\n"

    def first_line(self, text: str) -> str:
        line = text.replace("\r", "").split("\n")[0].strip().replace('"""', "'")
        return (line or f"{self.spec.label} datatype.").replace("\\", "/")

    def action_table(self) -> list[str]:
        classes = {(a, k): n for a, k, n, _ in self.messages}
        actions = sorted({a for a, k in classes if k == "Request"})
        missing = [a for a in actions if (a, "Response") not in classes]
        if missing or len(actions) != self.spec.count:
            raise ValueError(f"{self.spec.label}: {len(actions)} actions, no response: {missing}")
        lines = [
            "# action -> (request model, response model)",
            "ACTIONS: dict[str, tuple[type[OcppModel], type[OcppModel]]] = {",
        ]
        lines += [
            f'    "{a}": ({classes[(a, "Request")]}, {classes[(a, "Response")]}),' for a in actions
        ]
        lines += ["}", ""]
        sends = sorted(a for a, k in classes if k == "Send")
        if self.spec.send_actions:
            lines.append("# SEND actions (message type 6, never answered) -> payload model")
            lines.append("SEND_ACTIONS: dict[str, type[OcppModel]] = {")
            lines += [f'    "{a}": {classes[(a, "Send")]},' for a in sends]
            lines += ["}", ""]
        unknown = self.spec.cs_to_csms - set(actions) - set(sends)
        if unknown:
            raise ValueError(f"{self.spec.label}: directions name unknown actions {unknown}")
        cs = sorted(a for a in [*actions, *sends] if a in self.spec.cs_to_csms)
        csms = sorted(a for a in actions if a not in self.spec.cs_to_csms or a in BOTH_WAYS)
        lines.append("# Actions a charging station sends (the CSMS answers them; a SEND is not).")
        lines.append("CS_TO_CSMS: frozenset[str] = frozenset({")
        lines += [f'    "{a}",' for a in cs]
        lines += ["})", "", "# Actions the CSMS sends (the charging station answers them)."]
        lines.append("CSMS_TO_CS: frozenset[str] = frozenset({")
        lines += [f'    "{a}",' for a in csms]
        lines += ["})", ""]
        return lines


def schema_dir(key: str) -> Path:
    import ocpp  # dev dependency; runtime never imports it

    return Path(ocpp.__file__).parent / key / "schemas"


def generate(key: str = "v201") -> str:
    """The module text for one version (``v16``, ``v201``, ``v21``)."""
    gen = Generator(SPECS[key], schema_dir(key))
    gen.load()
    return gen.render()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed module is stale")
    args = parser.parse_args()
    stale = []
    for key, spec in SPECS.items():
        text = generate(key)
        if args.check:
            if not spec.output.exists() or spec.output.read_text(encoding="utf-8") != text:
                stale.append(spec.output)
            continue
        spec.output.write_text(text, encoding="utf-8")
        print(f"wrote {spec.output}")
    for path in stale:
        print(f"{path} is stale: run python scripts/generate_models.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
