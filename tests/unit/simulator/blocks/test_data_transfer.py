"""Block P: DataTransfer from the CSMS (P01)."""

from __future__ import annotations

from ocppkit.protocol.models import DataTransferRequest, DataTransferResponse
from ocppkit.simulator.blocks.data_transfer import DataTransfer

from .support import make_station


async def test_p01_unknown_vendor_then_the_registered_handler_answers() -> None:
    block = DataTransfer(make_station().ctx)
    request = DataTransferRequest(vendor_id="org.example", message_id="echo", data="hi")
    assert (await block.on_data_transfer(request)).status == "UnknownVendorId"

    async def echo(req: DataTransferRequest) -> DataTransferResponse:
        return DataTransferResponse(status="Accepted", data=req.data)

    block.register("org.example", echo)
    answer = await block.on_data_transfer(request)
    assert answer.status == "Accepted" and answer.data == "hi"
    assert set(block.routes()) == {"DataTransfer"}
