"""Block L, firmware management: UpdateFirmware (L01/L02), PublishFirmware (L03),
UnpublishFirmware (L04); the work is ``simulator.firmware``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    GenericStatusEnumType,
    PublishFirmwareRequest,
    PublishFirmwareResponse,
    UnpublishFirmwareRequest,
    UnpublishFirmwareResponse,
    UpdateFirmwareRequest,
    UpdateFirmwareResponse,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator


async def on_update_firmware(
    station: ChargerSimulator, request: UpdateFirmwareRequest
) -> UpdateFirmwareResponse:
    """L01: Accepted (AcceptedCanceled when it replaces an update under way) and the update
    runs; InvalidCertificate for a signing certificate that does not parse."""
    return UpdateFirmwareResponse(status=station.firmware.update(request))


async def on_publish_firmware(
    station: ChargerSimulator, request: PublishFirmwareRequest
) -> PublishFirmwareResponse:
    """L03: Accepted, then download, checksum and publication are notified."""
    station.firmware.publish(request)
    return PublishFirmwareResponse(status=GenericStatusEnumType.Accepted)


async def on_unpublish_firmware(
    station: ChargerSimulator, request: UnpublishFirmwareRequest
) -> UnpublishFirmwareResponse:
    """L04: Unpublished, NoFirmware (not that checksum) or DownloadOngoing."""
    return UnpublishFirmwareResponse(status=station.firmware.unpublish(request.checksum))


HANDLERS = {
    "UpdateFirmware": on_update_firmware,
    "PublishFirmware": on_publish_firmware,
    "UnpublishFirmware": on_unpublish_firmware,
}
