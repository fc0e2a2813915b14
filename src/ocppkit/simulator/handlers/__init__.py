"""The simulated station's answers to the 40 CSMS->CS actions: one module per functional block,
one table built once from them (``HANDLERS``, action -> handler)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ocppkit.protocol.models import OcppModel
from ocppkit.simulator.handlers import (
    availability,
    provisioning,
    remote_control,
    smart_charging,
    unmodelled,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

StationHandler = Callable[["ChargerSimulator", Any], Awaitable[OcppModel]]

HANDLERS: Mapping[str, StationHandler] = MappingProxyType(
    {
        **provisioning.HANDLERS,
        **availability.HANDLERS,
        **remote_control.HANDLERS,
        **smart_charging.HANDLERS,
        **unmodelled.HANDLERS,
    }
)

__all__ = ["HANDLERS", "StationHandler"]
