"""Splitting CSMS->CS requests that carry lists to fit a station's ItemsPerMessage and
BytesPerMessage, and merging the answers back into one response (pure, no I/O).

A station states how many list items and bytes it takes per message of an action in its device
model: ``DeviceDataCtrlr.ItemsPerMessage[GetVariables]`` (B06.FR.03/04),
``[SetVariables]`` (B05.FR.03/04), ``MonitoringCtrlr.ItemsPerMessage[SetVariableMonitoring]``
and ``[ClearVariableMonitoring]`` (N04/N06), ``LocalAuthListCtrlr.ItemsPerMessage`` (D01, no
instance); BytesPerMessage likewise. A request beyond them is refused with a CALLERROR, so the
CSMS cuts it into parts, sends them one after the other and joins the results in request order.

``StationLimits`` reads the values a station reported from its device model (the CSMS's one
record of it: NotifyReport, updated by GetVariables / SetVariables answers) and keeps those
configured by the operator (``OCPPServer.set_station_limits``); reported values win.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ocppkit.csms.device_models import DeviceModel
from ocppkit.protocol.frames import json_bytes
from ocppkit.protocol.models import (
    OcppModel,
    SendLocalListRequest,
    UpdateEnumType,
)
from ocppkit.protocol.validation import to_wire_dict

# Bytes a CALL frame adds around its payload: [2,"<36-char id>","<action>",<payload>]
_FRAME_OVERHEAD = 48


@dataclass(frozen=True, slots=True)
class ListAction:
    """A CSMS->CS action whose request carries a list the station limits per message."""

    component: str  # the controller component holding ItemsPerMessage / BytesPerMessage
    instance: str | None  # the variable instance (the action name), None for LocalAuthListCtrlr
    request_field: str  # the list in the request (snake_case field name)
    response_field: str | None  # the list in the response to concatenate, None: status only


LIST_ACTIONS: dict[str, ListAction] = {
    "GetVariables": ListAction(
        "DeviceDataCtrlr", "GetVariables", "get_variable_data", "get_variable_result"
    ),
    "SetVariables": ListAction(
        "DeviceDataCtrlr", "SetVariables", "set_variable_data", "set_variable_result"
    ),
    "SetVariableMonitoring": ListAction(
        "MonitoringCtrlr", "SetVariableMonitoring", "set_monitoring_data", "set_monitoring_result"
    ),
    "ClearVariableMonitoring": ListAction(
        "MonitoringCtrlr", "ClearVariableMonitoring", "id", "clear_monitoring_result"
    ),
    "SendLocalList": ListAction("LocalAuthListCtrlr", None, "local_authorization_list", None),
}


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one message of an action may carry; None means no limit is known."""

    items: int | None = None
    bytes: int | None = None


class StationLimits:
    """ItemsPerMessage / BytesPerMessage per station: reported by it, else configured.

    Args:
        device_model: gives a station's device model (None when it has none).
    """

    def __init__(self, device_model: Callable[[str], DeviceModel | None]) -> None:
        self._device_model = device_model
        self._configured: dict[str, dict[str | None, Limits]] = {}

    def configure(self, station_id: str, limits: Limits, action: str | None = None) -> None:
        """Set the operator's limits for one action of a station, or for all (``action=None``)."""
        self._configured.setdefault(station_id, {})[action] = limits

    def limits(self, station_id: str, action: str) -> Limits:
        """The limits to respect for ``action`` on this station."""
        spec = LIST_ACTIONS.get(action)
        if spec is None:
            return Limits()
        configured = self._configured.get(station_id, {})
        chosen = configured.get(action) or configured.get(None) or Limits()
        model = self._device_model(station_id)
        if model is None:
            return chosen
        items = _count(model.actual(spec.component, "ItemsPerMessage", spec.instance))
        size = _count(model.actual(spec.component, "BytesPerMessage", spec.instance))
        return Limits(
            items if items is not None else chosen.items,
            size if size is not None else chosen.bytes,
        )


def _count(value: str | None) -> int | None:
    """A reported limit: a positive integer, else unknown."""
    if value is None or not value.strip().isdigit() or int(value) < 1:
        return None
    return int(value)


def _json_size(value: Any) -> int:
    return len(json_bytes(value))


def _cut(items: Sequence[Any], base_size: int, limits: Limits) -> list[list[Any]]:
    """Consecutive parts of ``items`` within the item and byte limits (each part has at least
    one item, so an item too big on its own still goes, alone, and the station says why)."""
    sizes = [_json_size(to_wire_dict(i) if isinstance(i, OcppModel) else i) for i in items]
    parts: list[list[Any]] = []
    current: list[Any] = []
    size = base_size
    for item, item_size in zip(items, sizes, strict=True):
        full = limits.items is not None and len(current) >= limits.items
        too_big = limits.bytes is not None and size + item_size + 1 > limits.bytes
        if current and (full or too_big):
            parts.append(current)
            current, size = [], base_size
        current.append(item)
        size += item_size + 1  # the comma
    if current:
        parts.append(current)
    return parts


def split_request(action: str, request: OcppModel, limits: Limits) -> list[OcppModel]:
    """``request`` as the CALLs to send, in order: itself when it fits.

    SendLocalList (D01.FR.11/12): the first part keeps the update type (Full or Differential),
    the following parts are Differential updates with the same version number.
    """
    spec = LIST_ACTIONS.get(action)
    if spec is None or (limits.items is None and limits.bytes is None):
        return [request]
    items = getattr(request, spec.request_field)
    if not items:
        return [request]
    empty = request.model_copy(update={spec.request_field: []})
    base = _json_size(to_wire_dict(empty)) + _FRAME_OVERHEAD + len(action)
    chunks = _cut(items, base, limits)
    if len(chunks) == 1:
        return [request]
    parts = [request.model_copy(update={spec.request_field: chunk}) for chunk in chunks]
    if isinstance(request, SendLocalListRequest):
        differential = {"update_type": UpdateEnumType.Differential}
        parts[1:] = [p.model_copy(update=differential) for p in parts[1:]]
    return parts


def stops_early(action: str, response: OcppModel) -> bool:
    """Whether the remaining parts must not be sent: a SendLocalList part not Accepted (D01)."""
    return action == "SendLocalList" and getattr(response, "status", "Accepted") != "Accepted"


def merge_responses(action: str, responses: Sequence[OcppModel]) -> OcppModel:
    """One response for the parts' responses: lists joined in order; otherwise the last one
    (for SendLocalList: the first not Accepted, else the last)."""
    spec = LIST_ACTIONS.get(action)
    last = responses[-1]
    if spec is None or spec.response_field is None or len(responses) == 1:
        return last
    joined = [item for r in responses for item in getattr(r, spec.response_field)]
    return last.model_copy(update={spec.response_field: joined})


__all__ = [
    "LIST_ACTIONS",
    "Limits",
    "ListAction",
    "StationLimits",
    "merge_responses",
    "split_request",
    "stops_early",
]
