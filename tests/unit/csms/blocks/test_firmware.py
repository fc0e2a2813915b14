"""L Firmware: status notifications kept, moving their command's progress (by requestId)."""

from .support import Csms


async def test_firmware_status_is_kept_and_moves_the_update() -> None:
    csms = Csms()
    assert await csms.send("CP", "FirmwareStatusNotification", {"status": "Installed"}) == {}
    update = await csms.command(
        "CP",
        "UpdateFirmware",
        {
            "requestId": 11,
            "firmware": {
                "location": "https://fw/x.bin",
                "retrieveDateTime": "2025-01-02T03:00:00Z",
            },
        },
        {"status": "Accepted"},
    )
    await csms.send("CP", "FirmwareStatusNotification", {"status": "Downloading", "requestId": 11})
    assert csms.registry.ensure("CP").firmware_status == "Downloading"  # L01
    assert (update.request_id, update.progress) == (11, "Downloading")


async def test_publish_status_moves_the_publish_firmware() -> None:
    csms = Csms()
    publish = await csms.command(
        "CP",
        "PublishFirmware",
        {"location": "https://fw/x.bin", "checksum": "0" * 32, "requestId": 12},
        {"status": "Accepted"},
    )
    await csms.send(
        "CP",
        "PublishFirmwareStatusNotification",
        {"status": "Published", "requestId": 12, "location": ["http://cs/x.bin"]},
    )
    assert publish.progress == "Published"  # L03
