"""Block L: UpdateFirmware (L01/L02), PublishFirmware (L03), UnpublishFirmware (L04), with every
wait on the station's clock."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from ocppkit.protocol.models import (
    FirmwareType,
    PublishFirmwareRequest,
    UnpublishFirmwareRequest,
    UpdateFirmwareRequest,
)
from ocppkit.simulator.blocks.firmware import Firmware
from ocppkit.simulator.transactions import wire_time

from .support import Station, http_server, make_station, until

BODY = b"new firmware image"


def statuses(station: Station, action: str = "FirmwareStatusNotification") -> list[str]:
    return [p["status"] for p in station.link.sent(action)]


def update(station: Station, location: str, install_in: float = 0, **kwargs: object):  # type: ignore[no-untyped-def]
    install = wire_time(station.ctx.now_utc() + timedelta(seconds=install_in))
    return UpdateFirmwareRequest(
        request_id=8,
        firmware=FirmwareType(
            location=location,
            retrieve_date_time=wire_time(station.ctx.now_utc()),
            install_date_time=install,
        ),
        **kwargs,
    )


async def test_l01_download_install_at_its_time_reboot_installed() -> None:
    station = make_station()
    block = Firmware(station.ctx)
    async with http_server(BODY) as url:
        answer = await block.on_update_firmware(update(station, url, install_in=3600))
        assert answer.status == "Accepted"
        await until(station, lambda: "InstallScheduled" in statuses(station), step=1)
        assert statuses(station) == ["Downloading", "Downloaded", "InstallScheduled"]
        assert block.current_status().status == "InstallScheduled"
        await station.clock.advance(3500)
        assert station.reboots == []  # L01: not before installDateTime
        await until(station, lambda: "Installed" in statuses(station))
    assert statuses(station)[3:] == ["Installing", "InstallRebooting", "Installed"]
    assert station.reboots == ["FirmwareUpdate"]
    assert station.ctx.charging_station.firmware_version == "fw-2.0.bin"
    assert {p["requestId"] for p in station.link.sent("FirmwareStatusNotification")} == {8}


async def test_l01_a_failed_download_is_retried_then_reported() -> None:
    station = make_station()
    block = Firmware(station.ctx)
    request = update(station, "http://127.0.0.1:9/none.bin", retries=2, retry_interval=30)
    began = station.clock.time()
    await block.on_update_firmware(request)
    await until(station, lambda: "DownloadFailed" in statuses(station))
    assert statuses(station) == ["Downloading", "DownloadFailed"]
    assert station.clock.time() - began >= 2 * 30  # two retries, retryInterval apart
    assert block.current_status().status == "Idle"  # F06: nothing under way


async def test_l01_an_unparseable_signing_certificate_and_a_replaced_update() -> None:
    station = make_station()
    block = Firmware(station.ctx)
    bad = update(station, "http://127.0.0.1:9/a.bin")
    bad.firmware.signing_certificate = "not a certificate"
    assert (await block.on_update_firmware(bad)).status == "InvalidCertificate"
    first = update(station, "http://127.0.0.1:9/a.bin", install_in=600)
    first.firmware.retrieve_date_time = wire_time(station.ctx.now_utc() + timedelta(hours=1))
    assert (await block.on_update_firmware(first)).status == "Accepted"
    await station.settle()
    assert statuses(station) == ["DownloadScheduled"]
    second = update(station, "http://127.0.0.1:9/b.bin")
    assert (await block.on_update_firmware(second)).status == "AcceptedCanceled"


async def test_l03_l04_publish_then_unpublish() -> None:
    station = make_station()
    block = Firmware(station.ctx)
    checksum = hashlib.md5(BODY).hexdigest()
    async with http_server(BODY) as url:
        await block.on_publish_firmware(
            PublishFirmwareRequest(location=url, checksum=checksum, request_id=3)
        )
        await until(station, lambda: block.publish_status in ("Published", "DownloadFailed"))
    published = "PublishFirmwareStatusNotification"
    assert statuses(station, published) == [
        "Downloading",
        "Downloaded",
        "ChecksumVerified",
        "Published",
    ]
    assert station.link.sent(published)[-1]["location"] == [
        "http://CP-UNIT.local/firmware/fw-2.0.bin"
    ]
    assert block.current_publish_status().status == "Published"
    other = await block.on_unpublish_firmware(UnpublishFirmwareRequest(checksum="0" * 32))
    assert other.status == "NoFirmware"
    done = await block.on_unpublish_firmware(UnpublishFirmwareRequest(checksum=checksum))
    assert done.status == "Unpublished" and block.publish_status == "Idle"


async def test_l03_a_wrong_checksum() -> None:
    station = make_station()
    block = Firmware(station.ctx)
    async with http_server(BODY) as url:
        await block.on_publish_firmware(
            PublishFirmwareRequest(location=url, checksum="f" * 32, request_id=4)
        )
        await until(station, lambda: block.publish_status == "InvalidChecksum")
    assert block.published_checksum is None
