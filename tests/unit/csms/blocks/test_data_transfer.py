"""P Data transfer: DataTransfer goes to the vendor handlers and is kept as a station message."""

from .support import Csms


async def test_unknown_vendor_and_registered_handler() -> None:
    csms = Csms()
    assert await csms.send("CP", "DataTransfer", {"vendorId": "x"}) == {"status": "UnknownVendorId"}
    csms.ctx.data_transfer.register("acme", lambda station, message, data: ("Accepted", data))
    reply = await csms.send("CP", "DataTransfer", {"vendorId": "acme", "data": [1]})
    assert reply == {"status": "Accepted", "data": [1]}  # P02
    kept = await csms.tracker.messages("CP", "DataTransfer")
    assert [m["payload"]["vendorId"] for m in kept] == ["acme", "x"]
