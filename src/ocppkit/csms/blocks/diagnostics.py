"""N Diagnostics: LogStatusNotification (N01), NotifyMonitoringReport (N02), NotifyEvent
(N07/N08) and NotifyCustomerInformation (N09/N10).

All are recorded by the tracker as station messages; the reports and the log upload status move
the progress of the command they answer (GetLog, GetMonitoringReport, CustomerInformation: a
report in parts is "Receiving" until its last part, then "Complete").
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import (
    LogStatusNotificationRequest,
    LogStatusNotificationResponse,
    NotifyCustomerInformationRequest,
    NotifyCustomerInformationResponse,
    NotifyEventRequest,
    NotifyEventResponse,
    NotifyMonitoringReportRequest,
    NotifyMonitoringReportResponse,
)

log = logging.getLogger("ocppkit.csms")


class Diagnostics(Block):
    """Keeps the stations' logs status, monitoring reports, events and customer information."""

    @handles("LogStatusNotification", notice=Notice(reports_on=("GetLog",)))
    async def on_log_status_notification(
        self, charger: Charger, request: LogStatusNotificationRequest
    ) -> LogStatusNotificationResponse:
        """N01: progress of a log upload the CSMS asked for with GetLog."""
        log.info("[%s] log upload %s", charger.charger_id, request.status)
        return LogStatusNotificationResponse()

    @handles("NotifyMonitoringReport", notice=Notice(reports_on=("GetMonitoringReport",)))
    async def on_notify_monitoring_report(
        self, charger: Charger, request: NotifyMonitoringReportRequest
    ) -> NotifyMonitoringReportResponse:
        """N02: one part of a monitoring report."""
        log.debug(
            "[%s] monitoring report %d part %d",
            charger.charger_id,
            request.request_id,
            request.seq_no,
        )
        return NotifyMonitoringReportResponse()

    @handles("NotifyEvent", notice=Notice())
    async def on_notify_event(
        self, charger: Charger, request: NotifyEventRequest
    ) -> NotifyEventResponse:
        """N07/N08: monitoring events, kept as station messages."""
        log.debug("[%s] %d event(s)", charger.charger_id, len(request.event_data))
        return NotifyEventResponse()

    @handles("NotifyCustomerInformation", notice=Notice(reports_on=("CustomerInformation",)))
    async def on_notify_customer_information(
        self, charger: Charger, request: NotifyCustomerInformationRequest
    ) -> NotifyCustomerInformationResponse:
        """N09/N10: one part of the customer information the CSMS asked for."""
        log.debug(
            "[%s] customer information %d part %d",
            charger.charger_id,
            request.request_id,
            request.seq_no,
        )
        return NotifyCustomerInformationResponse()
