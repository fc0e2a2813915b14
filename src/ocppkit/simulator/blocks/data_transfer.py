"""Block P, DataTransfer from the CSMS (P01): it goes to the vendor handler registered for its
vendorId (``ChargerSimulator.register_vendor``); UnknownVendorId without one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from ocppkit.protocol.models import (
    DataTransferRequest,
    DataTransferResponse,
    DataTransferStatusEnumType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext

VendorHandler = Callable[[DataTransferRequest], Awaitable[DataTransferResponse]]


class DataTransfer:
    """The vendor extensions of one station (vendorId -> handler)."""

    __slots__ = ("_ctx", "vendors")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.vendors: dict[str, VendorHandler] = {}

    def routes(self) -> Mapping[str, Handler]:
        return {"DataTransfer": self.on_data_transfer}

    def register(self, vendor_id: str, handler: VendorHandler) -> None:
        """Answer DataTransfer for ``vendor_id`` with ``handler`` (P01)."""
        self.vendors[vendor_id] = handler

    async def on_data_transfer(self, request: DataTransferRequest) -> DataTransferResponse:
        """P01: the registered vendor handler's answer, else UnknownVendorId."""
        handler = self.vendors.get(request.vendor_id)
        if handler is None:
            return DataTransferResponse(status=DataTransferStatusEnumType.UnknownVendorId)
        return await handler(request)
