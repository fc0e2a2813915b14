"""The simulated station's device model: a few standard component variables (B05-B08), pure.

Only the Actual attribute exists. Values are kept as their wire strings; the station reads the
ones it acts on (heartbeat interval, sample interval) each time it needs them, so a SetVariables
takes effect at the next heartbeat or sample.
"""

from __future__ import annotations

from dataclasses import dataclass

from ocppkit.protocol.models import (
    AttributeEnumType,
    ComponentCriterionEnumType,
    ComponentType,
    ComponentVariableType,
    DataEnumType,
    GetVariableDataType,
    GetVariableResultType,
    GetVariableStatusEnumType,
    MutabilityEnumType,
    ReportBaseEnumType,
    ReportDataType,
    SetVariableDataType,
    SetVariableResultType,
    SetVariableStatusEnumType,
    StatusInfoType,
    VariableAttributeType,
    VariableCharacteristicsType,
    VariableType,
)

Mutability = MutabilityEnumType
HEARTBEAT_INTERVAL = ("OCPPCommCtrlr", "HeartbeatInterval")
TX_UPDATED_INTERVAL = ("SampledDataCtrlr", "TxUpdatedInterval")
MEASURANDS = "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage"


@dataclass(slots=True)
class Variable:
    """One component variable and its Actual value."""

    component: str
    name: str
    value: str
    data_type: DataEnumType
    mutability: Mutability = Mutability.ReadOnly
    unit: str | None = None

    def parse(self, raw: str) -> str | None:
        """``raw`` normalised for this variable, or None when it is not a valid value."""
        if self.data_type == DataEnumType.integer:
            text = raw.strip()
            ok = text.isascii() and text.isdigit() and 0 < int(text) < 10**9
            return str(int(text)) if ok else None
        if self.data_type == DataEnumType.decimal:
            try:
                number = float(raw)
            except ValueError:
                return None
            return f"{number:g}" if 0 < number < 1e9 else None
        return raw

    def report(self) -> ReportDataType:
        """This variable as NotifyReport data."""
        return ReportDataType(
            component=ComponentType(name=self.component),
            variable=VariableType(name=self.name),
            variable_attribute=[
                VariableAttributeType(
                    type=AttributeEnumType.Actual, value=self.value, mutability=self.mutability
                )
            ],
            variable_characteristics=VariableCharacteristicsType(
                data_type=self.data_type, supports_monitoring=False, unit=self.unit
            ),
        )


def standard_variables(
    identity: str, phases: int, heartbeat_s: int, sample_s: float
) -> list[Variable]:
    """The variables a simulated station exposes."""
    rw, ro = Mutability.ReadWrite, Mutability.ReadOnly
    return [
        Variable(*HEARTBEAT_INTERVAL, str(heartbeat_s), DataEnumType.integer, rw, "s"),
        # decimal rather than the standard integer: a simulation may sample more than once a second
        Variable(*TX_UPDATED_INTERVAL, f"{sample_s:g}", DataEnumType.decimal, rw, "s"),
        Variable(
            "SampledDataCtrlr", "TxUpdatedMeasurands", MEASURANDS, DataEnumType.MemberList, ro
        ),
        Variable("AuthCtrlr", "AuthorizeRemoteStart", "false", DataEnumType.boolean, ro),
        Variable("SecurityCtrlr", "Identity", identity, DataEnumType.string, ro),
        Variable("SmartChargingCtrlr", "Enabled", "true", DataEnumType.boolean, ro),
        Variable("SmartChargingCtrlr", "RateUnit", "A,W", DataEnumType.MemberList, ro),
        Variable("ChargingStation", "SupplyPhases", str(phases), DataEnumType.integer, ro),
    ]


def _status_info(code: str) -> StatusInfoType:
    return StatusInfoType(reason_code=code)


class DeviceModel:
    """The station's variables, addressed by (component name, variable name)."""

    def __init__(self, variables: list[Variable]) -> None:
        self._vars = {(v.component, v.name): v for v in variables}
        self._components = {v.component for v in variables}

    def value(self, key: tuple[str, str]) -> str:
        """The Actual value of a variable the station itself defined."""
        return self._vars[key].value

    def set_value(self, key: tuple[str, str], value: str) -> None:
        """Set a variable from inside the station (e.g. the interval a BootNotification gave)."""
        self._vars[key].value = value

    def _lookup(
        self, component: ComponentType, variable: VariableType
    ) -> Variable | GetVariableStatusEnumType:
        if component.name not in self._components or component.evse or component.instance:
            return GetVariableStatusEnumType.UnknownComponent
        found = self._vars.get((component.name, variable.name))
        if found is None or variable.instance:
            return GetVariableStatusEnumType.UnknownVariable
        return found

    def get(self, data: GetVariableDataType) -> GetVariableResultType:
        """One GetVariables result (B06)."""
        found = self._lookup(data.component, data.variable)
        result = GetVariableResultType(
            attribute_status=GetVariableStatusEnumType.Accepted,
            component=data.component,
            variable=data.variable,
            attribute_type=data.attribute_type,
        )
        if not isinstance(found, Variable):
            result.attribute_status = found
        elif data.attribute_type not in (None, AttributeEnumType.Actual):
            result.attribute_status = GetVariableStatusEnumType.NotSupportedAttributeType
        else:
            result.attribute_value = found.value
        return result

    def set(self, data: SetVariableDataType) -> SetVariableResultType:
        """Apply one SetVariables entry (B05) and say how it went."""
        found = self._lookup(data.component, data.variable)
        result = SetVariableResultType(
            attribute_status=SetVariableStatusEnumType.Accepted,
            component=data.component,
            variable=data.variable,
            attribute_type=data.attribute_type,
        )
        if not isinstance(found, Variable):
            result.attribute_status = SetVariableStatusEnumType(found.value)
        elif data.attribute_type not in (None, AttributeEnumType.Actual):
            result.attribute_status = SetVariableStatusEnumType.NotSupportedAttributeType
        elif found.mutability == Mutability.ReadOnly:
            result.attribute_status = SetVariableStatusEnumType.Rejected
            result.attribute_status_info = _status_info("ReadOnly")
        elif (parsed := found.parse(data.attribute_value)) is None:
            result.attribute_status = SetVariableStatusEnumType.Rejected
            result.attribute_status_info = _status_info("InvalidValue")
        else:
            found.value = parsed
        return result

    def base_report(self, base: ReportBaseEnumType) -> list[ReportDataType] | None:
        """NotifyReport data for GetBaseReport (B07); None for a base not supported."""
        if base == ReportBaseEnumType.FullInventory:
            return [v.report() for v in self._vars.values()]
        if base == ReportBaseEnumType.ConfigurationInventory:
            return [v.report() for v in self._vars.values() if v.mutability != Mutability.ReadOnly]
        return None  # SummaryInventory (availability and problems of components): not modelled

    def custom_report(
        self,
        component_variables: list[ComponentVariableType] | None,
        criteria: list[ComponentCriterionEnumType] | None,
    ) -> list[ReportDataType]:
        """NotifyReport data for GetReport (B08): every component here is Active, Available
        and Enabled and has no Problem."""
        if criteria and not set(criteria) - {ComponentCriterionEnumType.Problem}:
            return []
        return [
            v.report()
            for v in self._vars.values()
            if component_variables is None or any(_selects(cv, v) for cv in component_variables)
        ]


def _selects(cv: ComponentVariableType, variable: Variable) -> bool:
    if cv.component.name != variable.component or cv.component.evse or cv.component.instance:
        return False
    return cv.variable is None or (cv.variable.name == variable.name and not cv.variable.instance)
