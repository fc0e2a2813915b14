"""Block L, firmware management: UpdateFirmware with its status notifications and reboot
(L01/L02), and PublishFirmware/UnpublishFirmware as a local controller (L03/L04). Every wait
(retrieveDateTime, installDateTime, retryInterval, the end of the transactions) is on the
station's scheduler.

UpdateFirmware: [DownloadScheduled until retrieveDateTime] -> Downloading -> an HTTP GET of the
location (``retries`` more attempts ``retryInterval`` apart) -> Downloaded or DownloadFailed ->
[SignatureVerified: a signature came with a signing certificate that parses; the signature itself
is not checked] -> [InstallScheduled until installDateTime] -> Installing (once no transaction
runs) -> InstallRebooting -> reboot (BootNotification reason FirmwareUpdate) -> Installed. Each
step is a FirmwareStatusNotification with the requestId. A new request cancels the one under way
(AcceptedCanceled, L01).

PublishFirmware: Downloading -> GET -> Downloaded -> the MD5 of what came compared with the
checksum -> ChecksumVerified -> Published (with the URI it is served at) or InvalidChecksum /
DownloadFailed (PublishFirmwareStatusNotification).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Mapping
from typing import Any

from ocppkit.protocol.models import (
    BootReasonEnumType,
    FirmwareStatusEnumType,
    FirmwareStatusNotificationRequest,
    GenericStatusEnumType,
    PublishFirmwareRequest,
    PublishFirmwareResponse,
    PublishFirmwareStatusEnumType,
    PublishFirmwareStatusNotificationRequest,
    UnpublishFirmwareRequest,
    UnpublishFirmwareResponse,
    UnpublishFirmwareStatusEnumType,
    UpdateFirmwareRequest,
    UpdateFirmwareResponse,
    UpdateFirmwareStatusEnumType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.certificates import CertificateError, parse_pem_certificate
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.http_client import HttpResponse, TransferError, request
from ocppkit.simulator.smart_charging.schedule import parse_time

log = logging.getLogger("ocppkit.simulator")
Fw = FirmwareStatusEnumType
Pub = PublishFirmwareStatusEnumType
DOWNLOAD_TIMEOUT = 5.0  # s for one HTTP attempt
IDLE_POLL = 0.5  # s between checks that the transactions ended before installing


class Firmware:
    """The firmware update and the published firmware of one station."""

    __slots__ = (
        "_ctx",
        "_publish",
        "_update",
        "publish_location",
        "publish_request_id",
        "publish_status",
        "published_checksum",
        "request_id",
        "status",
    )

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.status = Fw.Idle
        self.request_id: int | None = None
        self.publish_status = Pub.Idle
        self.publish_request_id: int | None = None
        self.published_checksum: str | None = None
        self.publish_location: list[str] | None = None
        self._update: asyncio.Task[None] | None = None
        self._publish: asyncio.Task[None] | None = None

    def routes(self) -> Mapping[str, Handler]:
        return {
            "UpdateFirmware": self.on_update_firmware,
            "PublishFirmware": self.on_publish_firmware,
            "UnpublishFirmware": self.on_unpublish_firmware,
        }

    async def on_update_firmware(self, request: UpdateFirmwareRequest) -> UpdateFirmwareResponse:
        """L01: Accepted (AcceptedCanceled when it replaces an update under way) and the update
        runs; InvalidCertificate for a signing certificate that does not parse."""
        return UpdateFirmwareResponse(status=self.update(request))

    async def on_publish_firmware(self, request: PublishFirmwareRequest) -> PublishFirmwareResponse:
        """L03: Accepted, then download, checksum and publication are notified."""
        self.publish(request)
        return PublishFirmwareResponse(status=GenericStatusEnumType.Accepted)

    async def on_unpublish_firmware(
        self, request: UnpublishFirmwareRequest
    ) -> UnpublishFirmwareResponse:
        """L04: Unpublished, NoFirmware (not that checksum) or DownloadOngoing."""
        return UnpublishFirmwareResponse(status=self.unpublish(request.checksum))

    # --- L01/L02 ---

    def update(self, req: UpdateFirmwareRequest) -> UpdateFirmwareStatusEnumType:
        """Answer UpdateFirmware and start the update."""
        certificate = req.firmware.signing_certificate
        if certificate is not None:
            try:
                parse_pem_certificate(certificate)
            except CertificateError:
                return UpdateFirmwareStatusEnumType.InvalidCertificate  # L01
        answer = UpdateFirmwareStatusEnumType.Accepted
        if self._update is not None and not self._update.done():
            self._update.cancel()
            answer = UpdateFirmwareStatusEnumType.AcceptedCanceled
        self.request_id = req.request_id
        self._update = self._ctx.spawn(self._run_update(req), "firmware update")
        return answer

    async def _run_update(self, req: UpdateFirmwareRequest) -> None:
        firmware = req.firmware
        await self._wait_until(firmware.retrieve_date_time, Fw.DownloadScheduled)
        await self._notify(Fw.Downloading)
        if await self._download(firmware.location, req.retries, req.retry_interval) is None:
            await self._notify(Fw.DownloadFailed)
            return
        await self._notify(Fw.Downloaded)
        if firmware.signature is not None and firmware.signing_certificate is not None:
            await self._notify(Fw.SignatureVerified)
        await self._wait_until(firmware.install_date_time, Fw.InstallScheduled)
        ctx = self._ctx
        # L01: not during a transaction (polled: a rare wait, and transactions end in many ways)
        while any(e.busy for e in ctx.evses.values()):
            await ctx.scheduler.sleep(IDLE_POLL)
        await self._notify(Fw.Installing)
        version = firmware.location.rstrip("/").rsplit("/", 1)[-1][:50] or "unknown"
        ctx.charging_station.firmware_version = version
        await self._notify(Fw.InstallRebooting)
        await ctx.reboot(BootReasonEnumType.FirmwareUpdate)
        await ctx.link.wait_online()
        await self._notify(Fw.Installed)

    async def _wait_until(self, moment: str | None, status: FirmwareStatusEnumType) -> None:
        when = parse_time(moment)
        delay = (when - self._ctx.now_utc()).total_seconds() if when is not None else 0.0
        if delay > 0:
            await self._notify(status)
            await self._ctx.scheduler.sleep(delay)

    async def _download(
        self, location: str, retries: int | None, interval: int | None
    ) -> HttpResponse | None:
        """GET ``location``: the answer, or None once every attempt failed."""
        attempts = 1 + max(0, retries or 0)
        for attempt in range(attempts):
            try:
                response = await request("GET", location, timeout=DOWNLOAD_TIMEOUT)
                if response.ok:
                    return response
                log.info("[%s] GET %s: HTTP %d", self._ctx.station_id, location, response.status)
            except TransferError as exc:
                log.info("[%s] %s", self._ctx.station_id, exc)
            if attempt + 1 < attempts:
                await self._ctx.scheduler.sleep(max(0, interval or 0))
        return None

    async def _notify(self, status: FirmwareStatusEnumType) -> None:
        self.status = status
        payload = FirmwareStatusNotificationRequest(status=status, request_id=self.request_id)
        await self._send("FirmwareStatusNotification", payload)

    def current_status(self) -> FirmwareStatusNotificationRequest:
        """What a triggered FirmwareStatusNotification reports (F06): the update under way,
        else Idle."""
        if self._update is None or self._update.done():
            return FirmwareStatusNotificationRequest(status=Fw.Idle)
        return FirmwareStatusNotificationRequest(status=self.status, request_id=self.request_id)

    # --- L03/L04 ---

    def publish(self, req: PublishFirmwareRequest) -> None:
        """Start publishing the firmware at ``req.location`` (a new request replaces one under
        way)."""
        if self._publish is not None and not self._publish.done():
            self._publish.cancel()
        self.publish_request_id = req.request_id
        self._publish = self._ctx.spawn(self._run_publish(req), "publish firmware")

    async def _run_publish(self, req: PublishFirmwareRequest) -> None:
        await self._notify_publish(Pub.Downloading)
        response = await self._download(req.location, req.retries, req.retry_interval)
        if response is None:
            await self._notify_publish(Pub.DownloadFailed)
            return
        await self._notify_publish(Pub.Downloaded)
        if hashlib.md5(response.body).hexdigest() != req.checksum.lower():
            await self._notify_publish(Pub.InvalidChecksum)
            return
        await self._notify_publish(Pub.ChecksumVerified)
        self.published_checksum = req.checksum.lower()
        name = req.location.rstrip("/").rsplit("/", 1)[-1] or "firmware.bin"
        uri = f"http://{self._ctx.station_id}.local/firmware/{name}"[:512]
        await self._notify_publish(Pub.Published, [uri])

    def unpublish(self, checksum: str) -> UnpublishFirmwareStatusEnumType:
        """L04: stop serving the firmware with ``checksum``."""
        if self._publish is not None and not self._publish.done():
            return UnpublishFirmwareStatusEnumType.DownloadOngoing
        if self.published_checksum is None or self.published_checksum != checksum.lower():
            return UnpublishFirmwareStatusEnumType.NoFirmware
        self.published_checksum = self.publish_location = None
        self.publish_status = Pub.Idle
        return UnpublishFirmwareStatusEnumType.Unpublished

    async def _notify_publish(
        self, status: PublishFirmwareStatusEnumType, location: list[str] | None = None
    ) -> None:
        self.publish_status, self.publish_location = status, location
        payload = PublishFirmwareStatusNotificationRequest(
            status=status, location=location, request_id=self.publish_request_id
        )
        await self._send("PublishFirmwareStatusNotification", payload)

    def current_publish_status(self) -> PublishFirmwareStatusNotificationRequest:
        """What a triggered PublishFirmwareStatusNotification reports."""
        return PublishFirmwareStatusNotificationRequest(
            status=self.publish_status,
            location=self.publish_location,
            request_id=self.publish_request_id,
        )

    async def _send(self, action: str, payload: Any) -> None:
        await self._ctx.notify(action, payload, before_boot=True)
