"""Stations' device models as the CSMS learns them from NotifyReport (B07/B08).

A report comes in parts (``seqNo`` from 0, ``tbc`` true on all but the last); ``ReportAssembler``
keeps the parts of each (station, requestId) until the last one arrives, then gives back the
whole ``DeviceModel``: every reportData entry in seqNo order, in wire (camelCase) form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ocppkit.csms.clock import format_time
from ocppkit.protocol.models import NotifyReportRequest

NO_REPORT = -1
# Reports that never complete are dropped beyond this many per CSMS, oldest first.
MAX_OPEN_REPORTS = 1_000


@dataclass(slots=True)
class DeviceModel:
    """A station's device model: the report_data of its last complete report, with the values
    confirmed since by GetVariables / SetVariables answers. ``request_id`` is the report's, or
    ``NO_REPORT`` when no report came yet and the model holds only answered values."""

    request_id: int
    generated_at: datetime
    received_at: datetime
    report_data: list[dict[str, Any]]

    def summary(self) -> dict[str, Any]:
        """Counts for status views: components and variables reported."""
        components = {_component_key(entry) for entry in self.report_data}
        return {
            "request_id": self.request_id,
            "generated_at": format_time(self.generated_at),
            "received_at": format_time(self.received_at),
            "components": len(components),
            "variables": len(self.report_data),
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "report_data": self.report_data}

    def find(self, component: str, variable: str) -> list[dict[str, Any]]:
        """The entries of a component/variable (any instance or EVSE), as reported."""
        return [
            e
            for e in self.report_data
            if e["component"]["name"] == component and e["variable"]["name"] == variable
        ]

    def actual(self, component: str, variable: str, instance: str | None = None) -> str | None:
        """The Actual value of a variable (by its instance) of a component, if known."""
        for entry in self.find(component, variable):
            if entry["variable"].get("instance") == instance:
                for attribute in entry.get("variableAttribute", ()):
                    if attribute.get("type", "Actual") == "Actual" and "value" in attribute:
                        return str(attribute["value"])
        return None

    def set_value(
        self,
        component: dict[str, Any],
        variable: dict[str, Any],
        attribute_type: str | None,
        value: str,
    ) -> None:
        """B05/B06: a value the station confirmed (GetVariables / SetVariables answer), for
        the component and variable in wire form; an unknown variable is added."""
        kind = attribute_type or "Actual"
        for entry in self.report_data:
            if entry["component"] == component and entry["variable"] == variable:
                attributes = entry.setdefault("variableAttribute", [])
                for attribute in attributes:
                    if attribute.get("type", "Actual") == kind:
                        attribute["value"] = value
                        return
                attributes.append({"type": kind, "value": value})
                return
        self.report_data.append(
            {
                "component": component,
                "variable": variable,
                "variableAttribute": [{"type": kind, "value": value}],
            }
        )


def _component_key(entry: dict[str, Any]) -> tuple[str, str | None, Any]:
    component = entry["component"]
    return component["name"], component.get("instance"), str(component.get("evse"))


@dataclass(slots=True)
class _OpenReport:
    generated_at: datetime
    parts: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    last_seq_no: int | None = None

    def complete(self) -> bool:
        last = self.last_seq_no
        return last is not None and all(n in self.parts for n in range(last + 1))


class ReportAssembler:
    """Collects NotifyReport parts until each report is complete."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, int], _OpenReport] = {}

    def add(
        self,
        station_id: str,
        request: NotifyReportRequest,
        generated_at: datetime,
        now: datetime,
    ) -> DeviceModel | None:
        """Take one part; returns the device model when this part completes its report."""
        key = (station_id, request.request_id)
        report = self._open.get(key)
        if report is None:
            report = self._open[key] = _OpenReport(generated_at)
            while len(self._open) > MAX_OPEN_REPORTS:
                del self._open[next(iter(self._open))]
        report.parts[request.seq_no] = [
            entry.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude_none=True)
            for entry in request.report_data or ()
        ]
        if not request.tbc:
            report.last_seq_no = request.seq_no
        if not report.complete():
            return None
        del self._open[key]
        data = [entry for n in sorted(report.parts) for entry in report.parts[n]]
        return DeviceModel(request.request_id, report.generated_at, now, data)


__all__ = ["MAX_OPEN_REPORTS", "NO_REPORT", "DeviceModel", "ReportAssembler"]
