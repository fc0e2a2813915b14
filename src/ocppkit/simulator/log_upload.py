"""Log upload (N01): GetLog -> LogStatusNotification Uploading -> an HTTP PUT of a generated log
to ``remoteLocation`` (POST if the server refuses PUT; ``retries`` more attempts ``retryInterval``
apart) -> Uploaded or UploadFailure. A new request cancels the upload under way
(AcceptedCanceled).

The log is generated when asked: the station's identity, registration, connectors, transactions,
offline queue and firmware state, one line each, so that a CSMS gets a real file to store.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    GetLogRequest,
    LogStatusEnumType,
    LogStatusNotificationRequest,
    UploadLogStatusEnumType,
)
from ocppkit.simulator.http_client import TransferError, request
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
Upload = UploadLogStatusEnumType
UPLOAD_TIMEOUT = 5.0  # s for one HTTP attempt


def log_filename(station: ChargerSimulator, req: GetLogRequest) -> str:
    """The name the log is uploaded under."""
    return f"{station.charger_id}-{req.log_type}-{req.request_id}.log"[:255]


def generate_log(station: ChargerSimulator, req: GetLogRequest) -> bytes:
    """The text of the log GetLog asked for."""
    now = wire_time(station.now_utc())
    lines = [
        f"{now} {req.log_type} of {station.charger_id} (request {req.request_id})",
        f"{now} registration {station.registration_status} connected={station.connected}",
    ]
    for evse in station.evses.values():
        tx = evse.transaction
        lines.append(
            f"{now} EVSE {evse.evse_id} {evse.status} plugged={evse.plugged} "
            f"transaction={tx.transaction_id if tx else '-'}"
        )
    lines.append(f"{now} offline queue {len(station.engine.queue)} event(s)")
    lines.append(f"{now} firmware {station.firmware.status}")
    return ("\n".join(lines) + "\n").encode("utf-8")


class LogUploader:
    """The log upload of one station."""

    __slots__ = ("_station", "_task", "request_id", "status")

    def __init__(self, station: ChargerSimulator) -> None:
        self._station = station
        self.status = Upload.Idle
        self.request_id: int | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self, req: GetLogRequest) -> LogStatusEnumType:
        """Answer GetLog and start the upload."""
        answer = LogStatusEnumType.Accepted
        if self._task is not None and not self._task.done():
            self._task.cancel()
            answer = LogStatusEnumType.AcceptedCanceled
        self.request_id = req.request_id
        self._task = self._station.spawn(self._upload(req), "log upload")
        return answer

    async def _upload(self, req: GetLogRequest) -> None:
        await self._notify(Upload.Uploading)
        location = req.log.remote_location
        if location.endswith("/"):
            location += log_filename(self._station, req)
        body = generate_log(self._station, req)
        attempts = 1 + max(0, req.retries or 0)
        for attempt in range(attempts):
            if await self._put(location, body):
                await self._notify(Upload.Uploaded)
                return
            if attempt + 1 < attempts:
                await asyncio.sleep(max(0, req.retry_interval or 0))
        await self._notify(Upload.UploadFailure)

    async def _put(self, location: str, body: bytes) -> bool:
        try:
            response = await request("PUT", location, body, timeout=UPLOAD_TIMEOUT)
            if response.status in (405, 501):
                response = await request("POST", location, body, timeout=UPLOAD_TIMEOUT)
        except TransferError as exc:
            log.info("[%s] %s", self._station.charger_id, exc)
            return False
        return response.ok

    async def _notify(self, status: UploadLogStatusEnumType) -> None:
        self.status = status
        payload = LogStatusNotificationRequest(status=status, request_id=self.request_id)
        await self._station.notify("LogStatusNotification", payload, before_boot=True)

    def current_status(self) -> LogStatusNotificationRequest:
        """What a triggered LogStatusNotification reports (F06): Uploading while an upload is
        under way, else Idle."""
        if self._task is None or self._task.done():
            return LogStatusNotificationRequest(status=Upload.Idle)
        return LogStatusNotificationRequest(status=self.status, request_id=self.request_id)
