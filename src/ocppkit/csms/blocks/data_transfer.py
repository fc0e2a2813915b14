"""P Data transfer: a station's DataTransfer (P02), recorded by the tracker as a station message
and answered by the vendor handler registered with the server (``ocppkit.csms.extensions``).
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import DataTransferRequest, DataTransferResponse

log = logging.getLogger("ocppkit.csms")


class DataTransfer(Block):
    """Routes vendor-specific messages to their handlers."""

    @handles("DataTransfer", notice=Notice())
    async def on_data_transfer(
        self, charger: Charger, request: DataTransferRequest
    ) -> DataTransferResponse:
        """P02: the vendor handler's answer; UnknownVendorId / UnknownMessageId when none is
        registered, Rejected when it fails."""
        log.info("[%s] DataTransfer from vendor %r", charger.charger_id, request.vendor_id)
        return await self.ctx.data_transfer.dispatch(charger.charger_id, request)
