"""The simulated station's answers to the 40 CSMS->CS actions: one module per functional block,
one table built once from them (``HANDLERS``, action -> handler)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ocppkit.protocol.models import OcppModel
from ocppkit.simulator.handlers import (
    authorization,
    availability,
    data_transfer,
    display,
    firmware,
    logs,
    monitoring,
    provisioning,
    remote_control,
    reservation,
    security,
    smart_charging,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

StationHandler = Callable[["ChargerSimulator", Any], Awaitable[OcppModel]]

HANDLERS: Mapping[str, StationHandler] = MappingProxyType(
    {
        **provisioning.HANDLERS,
        **availability.HANDLERS,
        **monitoring.HANDLERS,
        **remote_control.HANDLERS,
        **smart_charging.HANDLERS,
        **authorization.HANDLERS,
        **reservation.HANDLERS,
        **firmware.HANDLERS,
        **logs.HANDLERS,
        **display.HANDLERS,
        **security.HANDLERS,
        **data_transfer.HANDLERS,  # after provisioning: SetNetworkProfile stores the profile
    }
)

__all__ = ["HANDLERS", "StationHandler"]
