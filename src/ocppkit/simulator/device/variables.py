"""One device-model variable (OCPP 2.0.1 part 2, "Referenced components and variables"), pure.

A variable is addressed by a ``Key``: component name, the EVSE and connector it belongs to (if any),
the component instance and the variable instance. Its ``VariableDefinition`` gives one to four
attributes (Actual, Target, MinSet, MaxSet), each a default wire string with its own mutability,
and its fixed characteristics (data type, unit, limits, values list). A value written by the CSMS
is checked against the data type and characteristics (B05.FR.06/07) and normalised before it is
kept.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ocppkit.protocol.models import (
    AttributeEnumType,
    ComponentType,
    DataEnumType,
    EVSEType,
    MutabilityEnumType,
    VariableCharacteristicsType,
    VariableType,
)

Attr = AttributeEnumType
Mutability = MutabilityEnumType
VALUE_SIZE = 1000  # DeviceDataCtrlr.ConfigurationValueSize / ValueSize: longest value accepted


@dataclass(frozen=True, slots=True)
class Key:
    """The address of a variable: component (with EVSE, connector, instance) and variable."""

    component: str
    variable: str
    evse: int | None = None
    connector: int | None = None
    component_instance: str | None = None
    variable_instance: str | None = None

    @classmethod
    def of(cls, component: ComponentType, variable: VariableType) -> Key:
        """The key a wire component and variable address."""
        evse = component.evse
        return cls(
            component.name,
            variable.name,
            evse.id if evse is not None else None,
            evse.connector_id if evse is not None else None,
            component.instance,
            variable.instance,
        )

    @property
    def component_key(self) -> tuple[str, int | None, int | None, str | None]:
        """The component part of the key."""
        return (self.component, self.evse, self.connector, self.component_instance)

    def component_type(self) -> ComponentType:
        """This key's component on the wire."""
        evse = None
        if self.evse is not None:
            evse = EVSEType(id=self.evse, connector_id=self.connector)
        return ComponentType(name=self.component, evse=evse, instance=self.component_instance)

    def variable_type(self) -> VariableType:
        """This key's variable on the wire."""
        return VariableType(name=self.variable, instance=self.variable_instance)

    def label(self) -> str:
        """A stable text form, e.g. ``EVSE[evse=1]/Power`` (for files and logs)."""
        parts = [self.component]
        if self.component_instance is not None:
            parts.append(f"({self.component_instance})")
        if self.evse is not None:
            parts.append(f"[evse={self.evse}")
            parts.append(f",connector={self.connector}]" if self.connector is not None else "]")
        parts.append(f"/{self.variable}")
        if self.variable_instance is not None:
            parts.append(f"({self.variable_instance})")
        return "".join(parts)


@dataclass(frozen=True, slots=True)
class Attribute:
    """One attribute of a variable: a value (a wire string) and who may write it. The catalog's
    attributes hold the defaults, shared by every station built alike."""

    value: str
    mutability: Mutability = Mutability.ReadOnly


class InvalidValue(ValueError):
    """A value the variable's data type or characteristics do not admit; ``reason`` is the
    StatusInfo reasonCode sent with the Rejected status (at most 20 characters)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class VariableDefinition:
    """What a variable is, whatever its station: address, attributes with their default values,
    characteristics. Definitions are immutable and shared by every station built alike; a
    station's own values and live sources are in its ``DeviceModel``.

    ``reboot_required`` makes an accepted write answer RebootRequired (B05.FR.05).
    """

    key: Key
    data_type: DataEnumType
    attributes: dict[AttributeEnumType, Attribute]
    unit: str | None = None
    min_limit: float | None = None
    max_limit: float | None = None
    values_list: str | None = None
    supports_monitoring: bool = True
    reboot_required: bool = False

    @property
    def writable(self) -> bool:
        """Whether any attribute may be written by the CSMS."""
        return any(a.mutability != Mutability.ReadOnly for a in self.attributes.values())

    def normalise(self, raw: str) -> str:
        """``raw`` in this variable's canonical form.

        Raises:
            InvalidValue: not of the data type, out of the limits, or not in the values list.
        """
        if len(raw) > VALUE_SIZE:
            raise InvalidValue("ValueTooLong", f"longer than {VALUE_SIZE} characters")
        parser = _PARSERS[self.data_type]
        return parser(self, raw)

    def characteristics(self) -> VariableCharacteristicsType:
        """The variable's characteristics on the wire (NotifyReport)."""
        return VariableCharacteristicsType(
            data_type=self.data_type,
            supports_monitoring=self.supports_monitoring,
            unit=self.unit,
            min_limit=self.min_limit,
            max_limit=self.max_limit,
            values_list=self.values_list,
        )


def _check_limits(variable: VariableDefinition, number: float) -> None:
    if variable.min_limit is not None and number < variable.min_limit:
        raise InvalidValue("ValueTooLow", f"{number:g} < minLimit {variable.min_limit:g}")
    if variable.max_limit is not None and number > variable.max_limit:
        raise InvalidValue("ValueTooHigh", f"{number:g} > maxLimit {variable.max_limit:g}")


def _integer(variable: VariableDefinition, raw: str) -> str:
    text = raw.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()):
        raise InvalidValue("InvalidType", f"{raw!r} is not an integer")
    number = int(text)
    _check_limits(variable, number)
    return str(number)


def _decimal(variable: VariableDefinition, raw: str) -> str:
    try:
        number = float(raw)
    except ValueError:
        raise InvalidValue("InvalidType", f"{raw!r} is not a decimal") from None
    if not math.isfinite(number):
        raise InvalidValue("InvalidType", f"{raw!r} is not a finite decimal")
    _check_limits(variable, number)
    return f"{number:g}"


def _boolean(variable: VariableDefinition, raw: str) -> str:
    text = raw.strip().lower()
    if text not in ("true", "false"):
        raise InvalidValue("InvalidType", f"{raw!r} is not a boolean")
    return text


def _date_time(variable: VariableDefinition, raw: str) -> str:
    try:
        datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidValue("InvalidType", f"{raw!r} is not a date-time") from None
    return raw


def _allowed(variable: VariableDefinition) -> list[str] | None:
    if variable.values_list is None:
        return None
    return variable.values_list.split(",")


def _option(variable: VariableDefinition, raw: str) -> str:
    allowed = _allowed(variable)
    if allowed is not None and raw not in allowed:
        raise InvalidValue("NotInValuesList", f"{raw!r} is not one of {variable.values_list}")
    return raw


def _list(variable: VariableDefinition, raw: str) -> str:
    members = [m.strip() for m in raw.split(",")] if raw.strip() else []
    allowed = _allowed(variable)
    unknown = [m for m in members if allowed is not None and m not in allowed]
    if unknown:
        raise InvalidValue("NotInValuesList", f"{unknown} not in {variable.values_list}")
    if variable.data_type == DataEnumType.MemberList and len(set(members)) != len(members):
        raise InvalidValue("DuplicateMember", f"{raw!r} names a member twice")
    joined = ",".join(members)
    return _string(variable, joined)


def _string(variable: VariableDefinition, raw: str) -> str:
    # for string and list types, maxLimit is the greatest length of the text (part 2,
    # VariableCharacteristicsType)
    if variable.max_limit is not None and len(raw) > variable.max_limit:
        raise InvalidValue("ValueTooLong", f"longer than {variable.max_limit:g} characters")
    return raw


_PARSERS: dict[DataEnumType, Callable[[VariableDefinition, str], str]] = {
    DataEnumType.integer: _integer,
    DataEnumType.decimal: _decimal,
    DataEnumType.boolean: _boolean,
    DataEnumType.dateTime: _date_time,
    DataEnumType.OptionList: _option,
    DataEnumType.MemberList: _list,
    DataEnumType.SequenceList: _list,
    DataEnumType.string: _string,
}
