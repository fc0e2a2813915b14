"""Block N, diagnostics: logs (GetLog N01), variable monitoring (N02-N08) and customer
information (N09/N10).

Log upload (N01): GetLog -> LogStatusNotification Uploading -> an HTTP PUT of a generated log to
``remoteLocation`` (POST if the server refuses PUT; ``retries`` more attempts ``retryInterval``
apart, on the station's scheduler) -> Uploaded or UploadFailure. A new request cancels the upload
under way (AcceptedCanceled). The log is generated when asked: the station's identity,
registration, connectors, transactions, offline queue and firmware state, one line each.

Monitoring: the CSMS sets, clears and reads the station's monitors (N02-N06); they are checked
on the scheduler soon after a change of the device model, and every ``MONITOR_POLL`` seconds while
one watches a live value or time, and what fires goes out as NotifyEvent (N07/N08), kept while
offline up to OfflineQueuingSeverity. ``monitoring`` is made at first use: a station whose CSMS
never sets a monitor holds only the preconfigured one, which watches a constant.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Mapping, Sequence

from ocppkit.protocol.models import (
    ClearVariableMonitoringRequest,
    ClearVariableMonitoringResponse,
    CustomerInformationRequest,
    CustomerInformationResponse,
    CustomerInformationStatusEnumType,
    EventDataType,
    GenericDeviceModelStatusEnumType,
    GenericStatusEnumType,
    GetLogRequest,
    GetLogResponse,
    GetMonitoringReportRequest,
    GetMonitoringReportResponse,
    IdTokenType,
    LogStatusEnumType,
    LogStatusNotificationRequest,
    MonitoringDataType,
    NotifyCustomerInformationRequest,
    NotifyEventRequest,
    NotifyMonitoringReportRequest,
    SetMonitoringBaseRequest,
    SetMonitoringBaseResponse,
    SetMonitoringLevelRequest,
    SetMonitoringLevelResponse,
    SetVariableMonitoringRequest,
    SetVariableMonitoringResponse,
    StatusInfoType,
    UploadLogStatusEnumType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.blocks.authorization import Authorization
from ocppkit.simulator.blocks.firmware import Firmware
from ocppkit.simulator.blocks.local_auth_list import token_key
from ocppkit.simulator.blocks.transactions import Transactions
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device.reports import DEVICE_DATA, check_limits, report_part_size
from ocppkit.simulator.device.variables import Key
from ocppkit.simulator.http_client import TransferError, request
from ocppkit.simulator.monitoring import PRECONFIGURED_MONITORS, Monitoring
from ocppkit.simulator.scheduler import Timer
from ocppkit.simulator.transactions import wire_time

log = logging.getLogger("ocppkit.simulator")
Upload = UploadLogStatusEnumType
UPLOAD_TIMEOUT = 5.0  # s for one HTTP attempt
CUSTOMER_PART = 512  # characters of data per NotifyCustomerInformation (its schema's maximum)
MONITORING = "MonitoringCtrlr"
MONITOR_POLL = 0.5  # s between checks of monitors on live values (EVSE power, states)
EVENTS_PER_MESSAGE = 50
OFFLINE_QUEUING_SEVERITY = Key("MonitoringCtrlr", "OfflineQueuingSeverity")
MAX_QUEUED_EVENTS = 1_000  # events kept while offline; the oldest go first beyond this


class Diagnostics:
    """The logs, monitors and customer data of one station."""

    __slots__ = (
        "_authorization",
        "_check",
        "_ctx",
        "_firmware",
        "_monitoring",
        "_queued",
        "_running",
        "_transactions",
        "_upload",
        "log_request_id",
        "log_status",
    )

    def __init__(
        self,
        ctx: StationContext,
        transactions: Transactions,
        firmware: Firmware,
        authorization: Authorization,
    ) -> None:
        self._ctx = ctx
        self._transactions = transactions
        self._firmware = firmware
        self._authorization = authorization
        self.log_status = Upload.Idle
        self.log_request_id: int | None = None
        self._upload: asyncio.Task[None] | None = None
        self._monitoring: Monitoring | None = None
        self._check: Timer | None = None  # the next monitor check
        self._running = False
        # N07: events raised while offline, of a severity at most OfflineQueuingSeverity
        self._queued: deque[EventDataType] = deque(maxlen=MAX_QUEUED_EVENTS)
        model = ctx.device_model
        model.listen(self.changed)
        model.bind(Key(MONITORING, "ActiveMonitoringBase"), lambda: self.monitoring.base.value)
        model.bind(Key(MONITORING, "ActiveMonitoringLevel"), lambda: str(self.monitoring.level))

    def routes(self) -> Mapping[str, Handler]:
        return {
            "GetLog": self.on_get_log,
            "CustomerInformation": self.on_customer_information,
            "SetVariableMonitoring": self.on_set_variable_monitoring,
            "ClearVariableMonitoring": self.on_clear_variable_monitoring,
            "SetMonitoringBase": self.on_set_monitoring_base,
            "SetMonitoringLevel": self.on_set_monitoring_level,
            "GetMonitoringReport": self.on_get_monitoring_report,
        }

    # --- logs (N01) ---

    def log_filename(self, req: GetLogRequest) -> str:
        """The name the log is uploaded under."""
        return f"{self._ctx.station_id}-{req.log_type}-{req.request_id}.log"[:255]

    def generate_log(self, req: GetLogRequest) -> bytes:
        """The text of the log GetLog asked for."""
        ctx = self._ctx
        now = wire_time(ctx.now_utc())
        lines = [
            f"{now} {req.log_type} of {ctx.station_id} (request {req.request_id})",
            f"{now} registration {ctx.link.registration_status} connected={ctx.connected}",
        ]
        for evse in ctx.evses.values():
            tx = evse.transaction
            lines.append(
                f"{now} EVSE {evse.evse_id} {evse.status} plugged={evse.plugged} "
                f"transaction={tx.transaction_id if tx else '-'}"
            )
        lines.append(f"{now} offline queue {len(self._transactions.queue)} event(s)")
        lines.append(f"{now} firmware {self._firmware.status}")
        return ("\n".join(lines) + "\n").encode("utf-8")

    async def on_get_log(self, req: GetLogRequest) -> GetLogResponse:
        """N01: Accepted (AcceptedCanceled when it replaces an upload under way) with the file
        name; the upload is then notified (Uploading, Uploaded or UploadFailure)."""
        answer = LogStatusEnumType.Accepted
        if self._upload is not None and not self._upload.done():
            self._upload.cancel()
            answer = LogStatusEnumType.AcceptedCanceled
        self.log_request_id = req.request_id
        self._upload = self._ctx.spawn(self._upload_log(req), "log upload")
        return GetLogResponse(status=answer, filename=self.log_filename(req))

    async def _upload_log(self, req: GetLogRequest) -> None:
        await self._notify_log(Upload.Uploading)
        location = req.log.remote_location
        if location.endswith("/"):
            location += self.log_filename(req)
        body = self.generate_log(req)
        attempts = 1 + max(0, req.retries or 0)
        for attempt in range(attempts):
            if await self._put(location, body):
                await self._notify_log(Upload.Uploaded)
                return
            if attempt + 1 < attempts:
                await self._ctx.scheduler.sleep(max(0, req.retry_interval or 0))
        await self._notify_log(Upload.UploadFailure)

    async def _put(self, location: str, body: bytes) -> bool:
        try:
            response = await request("PUT", location, body, timeout=UPLOAD_TIMEOUT)
            if response.status in (405, 501):
                response = await request("POST", location, body, timeout=UPLOAD_TIMEOUT)
        except TransferError as exc:
            log.info("[%s] %s", self._ctx.station_id, exc)
            return False
        return response.ok

    async def _notify_log(self, status: UploadLogStatusEnumType) -> None:
        self.log_status = status
        payload = LogStatusNotificationRequest(status=status, request_id=self.log_request_id)
        await self._ctx.notify("LogStatusNotification", payload, before_boot=True)

    def current_log_status(self) -> LogStatusNotificationRequest:
        """What a triggered LogStatusNotification reports (F06): Uploading while an upload is
        under way, else Idle."""
        if self._upload is None or self._upload.done():
            return LogStatusNotificationRequest(status=Upload.Idle)
        return LogStatusNotificationRequest(status=self.log_status, request_id=self.log_request_id)

    # --- customer information (N09/N10) ---

    def _token_data(self, token: IdTokenType) -> list[str]:
        key = token_key(token)
        auth = self._authorization
        lines = [f"idToken {token.id_token} ({token.type})"]
        listed = auth.local_list.entries.get(key)
        if listed is not None:
            lines.append(f"local list: {listed.status}")
        cached = auth.cache.entries.get(key)
        if cached is not None:
            lines.append(f"authorization cache: {cached.status}")
        for evse in self._ctx.evses.values():
            tx = evse.transaction
            if tx is not None and tx.id_token is not None and token_key(tx.id_token) == key:
                lines.append(f"transaction {tx.transaction_id} on EVSE {evse.evse_id}")
            reservation = evse.reservation
            if reservation is not None and token_key(reservation.id_token) == key:
                lines.append(f"reservation {reservation.reservation_id} on EVSE {evse.evse_id}")
        return lines

    def _customer_data(self, request: CustomerInformationRequest) -> str:
        lines: list[str] = []
        if request.id_token is not None:
            lines += self._token_data(request.id_token)
        if request.customer_identifier is not None:
            lines.append(f"customerIdentifier {request.customer_identifier}: no data held")
        if request.customer_certificate is not None:
            serial = request.customer_certificate.serial_number
            lines.append(f"customer certificate {serial}: not held")
        return "; ".join(lines)

    def _clear_customer(self, request: CustomerInformationRequest) -> str:
        """N10: forget what the station holds of the customer's idToken."""
        token = request.id_token
        if token is None:
            return "nothing to clear"
        auth = self._authorization
        cleared = [
            name
            for name, done in (
                ("authorization cache", auth.cache.forget(token)),
                ("local list", auth.local_list.forget(token)),
            )
            if done
        ]
        return "cleared: " + (", ".join(cleared) if cleared else "nothing held")

    async def _notify_customer(self, request_id: int, data: str) -> None:
        ctx = self._ctx
        await ctx.send_parts(
            "NotifyCustomerInformation",
            data,
            CUSTOMER_PART,
            lambda seq_no, part, tbc: NotifyCustomerInformationRequest(
                data="".join(part),
                seq_no=seq_no,
                generated_at=wire_time(ctx.now_utc()),
                request_id=request_id,
                tbc=tbc,
            ),
        )

    async def on_customer_information(
        self, request: CustomerInformationRequest
    ) -> CustomerInformationResponse:
        """N09/N10: Accepted, then what the station holds of the customer (``report``) and what
        it cleared (``clear``) in NotifyCustomerInformation parts; Invalid when no customer is
        named."""
        named = (request.id_token, request.customer_identifier, request.customer_certificate)
        if all(x is None for x in named):
            return CustomerInformationResponse(status=CustomerInformationStatusEnumType.Invalid)
        sections = []
        if request.report:
            sections.append(self._customer_data(request))
        if request.clear:
            sections.append(self._clear_customer(request))
        data = " | ".join(sections) or "no report asked"
        self._ctx.spawn(
            self._notify_customer(request.request_id, data), "NotifyCustomerInformation"
        )
        return CustomerInformationResponse(status=CustomerInformationStatusEnumType.Accepted)

    # --- monitoring: the CSMS's side (N02-N06) ---

    @property
    def monitoring(self) -> Monitoring:
        """The station's monitors (N02-N08), made at first use."""
        if self._monitoring is None:
            self._monitoring = Monitoring(self._ctx.device_model, PRECONFIGURED_MONITORS)
        return self._monitoring

    async def on_set_variable_monitoring(
        self, request: SetVariableMonitoringRequest
    ) -> SetVariableMonitoringResponse:
        """N04: one result per monitor (Accepted with its id, UnknownComponent, UnknownVariable,
        UnsupportedMonitorType, Rejected, Duplicate); beyond ItemsPerMessage/BytesPerMessage
        (SetVariableMonitoring) the request is a CALLERROR (N04.FR.03/04)."""
        data = request.set_monitoring_data
        model = self._ctx.device_model
        check_limits(model, MONITORING, "SetVariableMonitoring", request, len(data))
        results = [self.monitoring.set(item) for item in data]
        self.changed()
        return SetVariableMonitoringResponse(set_monitoring_result=results)

    async def on_clear_variable_monitoring(
        self, request: ClearVariableMonitoringRequest
    ) -> ClearVariableMonitoringResponse:
        """N06: Accepted for each monitor removed, NotFound for an unknown id."""
        ids = request.id
        model = self._ctx.device_model
        check_limits(model, MONITORING, "ClearVariableMonitoring", request, len(ids))
        results = self.monitoring.clear(ids)
        return ClearVariableMonitoringResponse(clear_monitoring_result=results)

    async def on_set_monitoring_base(
        self, request: SetMonitoringBaseRequest
    ) -> SetMonitoringBaseResponse:
        """N03: All, FactoryDefault and HardWiredOnly are all Accepted."""
        self.monitoring.set_base(request.monitoring_base)
        self.changed()
        return SetMonitoringBaseResponse(status=GenericDeviceModelStatusEnumType.Accepted)

    async def on_set_monitoring_level(
        self, request: SetMonitoringLevelRequest
    ) -> SetMonitoringLevelResponse:
        """N05: Accepted for a severity of 0 to 9, Rejected otherwise."""
        if self.monitoring.set_level(request.severity):
            return SetMonitoringLevelResponse(status=GenericStatusEnumType.Accepted)
        return SetMonitoringLevelResponse(
            status=GenericStatusEnumType.Rejected,
            status_info=StatusInfoType(reason_code="SeverityOutOfRange"),
        )

    async def send_monitoring_report(
        self, request_id: int, data: Sequence[MonitoringDataType]
    ) -> None:
        """NotifyMonitoringReport in parts: seqNo from 0, tbc on all but the last (N02)."""
        ctx = self._ctx
        generated = wire_time(ctx.now_utc())
        await ctx.send_parts(
            "NotifyMonitoringReport",
            data,
            report_part_size(ctx.device_model),
            lambda seq_no, chunk, tbc: NotifyMonitoringReportRequest(
                request_id=request_id,
                seq_no=seq_no,
                generated_at=generated,
                monitor=chunk or None,
                tbc=tbc,
            ),
        )

    async def on_get_monitoring_report(
        self, request: GetMonitoringReportRequest
    ) -> GetMonitoringReportResponse:
        """N02: Accepted and NotifyMonitoringReport parts, or EmptyResultSet when no monitor
        matches the componentVariable and monitoringCriteria filters."""
        selectors = request.component_variable
        model = self._ctx.device_model
        check_limits(model, DEVICE_DATA, "GetReport", request, len(selectors or ()))
        data = self.monitoring.report(selectors, request.monitoring_criteria)
        if not data:
            return GetMonitoringReportResponse(
                status=GenericDeviceModelStatusEnumType.EmptyResultSet
            )
        self._ctx.spawn(self.send_monitoring_report(request.request_id, data), "monitoring report")
        return GetMonitoringReportResponse(status=GenericDeviceModelStatusEnumType.Accepted)

    # --- monitoring: the station's side (N07/N08) ---

    def start(self) -> None:
        """Start checking monitors (unless it runs)."""
        if not self._running:
            self._running = True
            self._poll()

    def stop(self) -> None:
        """Stop checking monitors."""
        self._running = False
        if self._check is not None:
            self._check.cancel()
            self._check = None

    def changed(self, key: Key | None = None) -> None:
        """A setting or a monitored value may have changed: check the monitors soon."""
        if self._running and self._monitoring is not None:
            self._schedule_check(0.0)

    def _schedule_check(self, delay: float) -> None:
        if self._check is not None:
            self._check.cancel()
        self._check = self._ctx.scheduler.call_later(delay, self._check_due)

    def _poll(self) -> None:
        """Check again in ``MONITOR_POLL`` seconds if a monitor watches a live value or time."""
        if self._running and self._monitoring is not None and self._monitoring.needs_polling:
            self._schedule_check(MONITOR_POLL)

    def _check_due(self) -> None:
        self._check = None
        events = self._evaluate()
        if events:
            self._ctx.spawn(self._send_events(events), "NotifyEvent")
        self._poll()

    def _evaluate(self) -> list[EventDataType]:
        ctx = self._ctx
        in_tx = any(e.transaction is not None for e in ctx.evses.values())
        return self.monitoring.evaluate(ctx.clock(), ctx.now_utc(), in_tx)

    def _queue_offline(self, events: list[EventDataType]) -> None:
        """N07: keep, for when the CSMS is back, the events whose monitor's severity is at
        most OfflineQueuingSeverity (0 Danger ... 9 Debug); the others are dropped."""
        limit = self._ctx.device_model.integer(OFFLINE_QUEUING_SEVERITY)
        monitors = self.monitoring.monitors
        for event in events:
            monitor = monitors.get(event.variable_monitoring_id or -1)
            if monitor is not None and monitor.severity <= limit:
                self._queued.append(event)

    async def send_queued(self) -> None:
        """Send the events queued while offline (in the order they were raised), once online."""
        if not self._queued or not self._ctx.connected:
            return
        events, self._queued = list(self._queued), deque(maxlen=MAX_QUEUED_EVENTS)
        await self._send_events(events)

    async def check_monitors(self) -> None:
        """Evaluate every monitor now and send NotifyEvent for what fired (N07/N08)."""
        await self._send_events(self._evaluate())

    async def _send_events(self, events: list[EventDataType]) -> None:
        ctx = self._ctx
        if not events:
            return
        if not ctx.connected:
            self._queue_offline(events)
            return
        generated = wire_time(ctx.now_utc())
        await ctx.send_parts(
            "NotifyEvent",
            events,
            EVENTS_PER_MESSAGE,
            lambda seq_no, chunk, tbc: NotifyEventRequest(
                generated_at=generated, seq_no=seq_no, event_data=chunk, tbc=tbc
            ),
        )
