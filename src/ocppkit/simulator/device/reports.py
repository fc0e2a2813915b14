"""What GetBaseReport (B07) and GetReport (B08) report, and the message limits of B05/B06, pure.

A report is a list of ``ReportDataType`` sent in NotifyReport parts of at most
DeviceDataCtrlr.ItemsPerMessage(GetReport) entries each: seqNo from 0, tbc true on every part but
the last (B07.FR.04/05, B08.FR.06).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import orjson

from ocppkit.protocol.errors import FormatViolationError, OccurenceConstraintViolationError
from ocppkit.protocol.models import (
    ComponentCriterionEnumType,
    ComponentVariableType,
    OcppModel,
    ReportBaseEnumType,
    ReportDataType,
)
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator.device.model import DeviceModel
from ocppkit.simulator.device.variables import Key

Criterion = ComponentCriterionEnumType
DEVICE_DATA = "DeviceDataCtrlr"
# SummaryInventory: the components' availability and problem state (B07)
SUMMARY_VARIABLES = frozenset({"AvailabilityState", "Available", "Problem"})
_T = TypeVar("_T")


def base_report(model: DeviceModel, base: ReportBaseEnumType) -> list[ReportDataType]:
    """The data of a GetBaseReport: every variable (FullInventory), the writable ones
    (ConfigurationInventory) or the availability and problem ones (SummaryInventory)."""
    if base == ReportBaseEnumType.FullInventory:
        chosen = list(model)
    elif base == ReportBaseEnumType.ConfigurationInventory:
        chosen = [v for v in model if v.writable]
    else:
        chosen = [v for v in model if v.key.variable in SUMMARY_VARIABLES]
    return [v.report() for v in chosen]


def custom_report(
    model: DeviceModel,
    selectors: Sequence[ComponentVariableType] | None,
    criteria: Sequence[ComponentCriterionEnumType] | None,
) -> list[ReportDataType]:
    """The data of a GetReport (B08): the variables ``selectors`` name (all when None) of the
    components that meet any of ``criteria`` (all when None)."""
    return [
        v.report()
        for v in model
        if (selectors is None or any(selects(s, v.key) for s in selectors))
        and (not criteria or _meets(model, v.key, criteria))
    ]


def selects(selector: ComponentVariableType, key: Key) -> bool:
    """A componentVariable selects a key when every field it gives matches (B08.FR.02: a
    component without evse selects that component on every EVSE)."""
    component, variable = selector.component, selector.variable
    if component.name != key.component:
        return False
    if component.instance is not None and component.instance != key.component_instance:
        return False
    evse = component.evse
    if evse is not None and (evse.id, evse.connector_id or key.connector) != (
        key.evse,
        key.connector,
    ):
        return False
    if variable is None:
        return True
    instance_ok = variable.instance is None or variable.instance == key.variable_instance
    return variable.name == key.variable and instance_ok


def _component_flag(model: DeviceModel, key: Key, name: str, default: bool) -> bool:
    flag = model.find(Key(key.component, name, key.evse, key.connector, key.component_instance))
    return default if flag is None else flag.actual == "true"


def _meets(model: DeviceModel, key: Key, criteria: Sequence[ComponentCriterionEnumType]) -> bool:
    """Whether the component of ``key`` meets any criterion (B08.FR.03-06). A component
    without an Active, Available or Enabled variable is so; without Problem it has none."""
    flags = {
        Criterion.Active: _component_flag(model, key, "Active", True),
        Criterion.Available: _component_flag(model, key, "Available", True),
        Criterion.Enabled: _component_flag(model, key, "Enabled", True),
        Criterion.Problem: _component_flag(model, key, "Problem", False),
    }
    return any(flags[c] for c in criteria)


def parts(items: Sequence[_T], size: int) -> list[list[_T]]:
    """``items`` cut into consecutive parts of at most ``size`` (at least one part)."""
    size = max(1, size)
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


def check_limits(
    model: DeviceModel, component: str, action: str, request: OcppModel, items: int
) -> None:
    """Refuse a request beyond ItemsPerMessage or BytesPerMessage of ``action`` (B05.FR.03/04,
    B06.FR.03/04, N04.FR.03/04).

    Raises:
        OccurenceConstraintViolationError: more items than ItemsPerMessage.
        FormatViolationError: a payload longer than BytesPerMessage.
    """
    limit = model.items_per_message(component, action)
    if items > limit:
        raise OccurenceConstraintViolationError(f"{items} items > ItemsPerMessage {limit}")
    size = len(orjson.dumps(to_wire_dict(request)))
    limit = model.bytes_per_message(component, action)
    if size > limit:
        raise FormatViolationError(f"{size} bytes > BytesPerMessage {limit}")


def report_part_size(model: DeviceModel) -> int:
    """Entries per NotifyReport: DeviceDataCtrlr.ItemsPerMessage(GetReport)."""
    return model.items_per_message(DEVICE_DATA, "GetReport")
