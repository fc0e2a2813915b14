"""Block P, DataTransfer from the CSMS (P01), and SetNetworkProfile (B09).

DataTransfer goes to the vendor handler registered for its vendorId
(``ChargerSimulator.register_vendor``); UnknownVendorId without one. SetNetworkProfile keeps the
profile in its configuration slot (``station.network_profiles``); the station keeps using the URL
it was given, as a profile becomes active only when OCPPCommCtrlr.NetworkConfigurationPriority
names it (B09) and a reconnect happens.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    DataTransferRequest,
    DataTransferResponse,
    DataTransferStatusEnumType,
    SetNetworkProfileRequest,
    SetNetworkProfileResponse,
    SetNetworkProfileStatusEnumType,
    StatusInfoType,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

VendorHandler = Callable[[DataTransferRequest], Awaitable[DataTransferResponse]]
MAX_SLOTS = 8  # configuration slots (NetworkConfigurationPriority has at most this many)


async def on_data_transfer(
    station: ChargerSimulator, request: DataTransferRequest
) -> DataTransferResponse:
    """P01: the registered vendor handler's answer, else UnknownVendorId."""
    handler = station.vendors.get(request.vendor_id)
    if handler is None:
        return DataTransferResponse(status=DataTransferStatusEnumType.UnknownVendorId)
    return await handler(request)


async def on_set_network_profile(
    station: ChargerSimulator, request: SetNetworkProfileRequest
) -> SetNetworkProfileResponse:
    """B09: Accepted and stored in its slot; Rejected for a slot outside 1..MAX_SLOTS."""
    slot = request.configuration_slot
    if not 1 <= slot <= MAX_SLOTS:
        return SetNetworkProfileResponse(
            status=SetNetworkProfileStatusEnumType.Rejected,
            status_info=StatusInfoType(reason_code="InvalidSlot"),
        )
    station.network_profiles[slot] = request.connection_data
    return SetNetworkProfileResponse(status=SetNetworkProfileStatusEnumType.Accepted)


HANDLERS = {"DataTransfer": on_data_transfer, "SetNetworkProfile": on_set_network_profile}
