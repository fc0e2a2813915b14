"""The blocks the simulator does not model (A, C, D, H, I, L, M, N, O, P).

Each request is answered truthfully with a status its schema offers: nothing to clear or report,
feature not available here. Never a CALLERROR: the action is known and the answer is an answer.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ocppkit.protocol import models as m

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")


def _info(code: str, text: str | None = None) -> m.StatusInfoType:
    return m.StatusInfoType(reason_code=code, additional_info=text)


_UNSUPPORTED = _info("NotSupported")


async def on_certificate_signed(
    s: ChargerSimulator, r: m.CertificateSignedRequest
) -> m.CertificateSignedResponse:
    """A: no certificate management (security profile 3 is not simulated)."""
    return m.CertificateSignedResponse(
        status=m.CertificateSignedStatusEnumType.Rejected, status_info=_UNSUPPORTED
    )


async def on_clear_cache(s: ChargerSimulator, r: m.ClearCacheRequest) -> m.ClearCacheResponse:
    """C11: Rejected, as there is no authorization cache (AuthCacheEnabled is absent)."""
    return m.ClearCacheResponse(
        status=m.ClearCacheStatusEnumType.Rejected, status_info=_info("NoAuthCache")
    )


async def on_send_local_list(
    s: ChargerSimulator, r: m.SendLocalListRequest
) -> m.SendLocalListResponse:
    """D01: Failed, as there is no local authorization list."""
    return m.SendLocalListResponse(
        status=m.SendLocalListStatusEnumType.Failed, status_info=_info("NoLocalList")
    )


async def on_get_local_list_version(
    s: ChargerSimulator, r: m.GetLocalListVersionRequest
) -> m.GetLocalListVersionResponse:
    """D02: version 0, no local authorization list installed."""
    return m.GetLocalListVersionResponse(version_number=0)


async def on_reserve_now(s: ChargerSimulator, r: m.ReserveNowRequest) -> m.ReserveNowResponse:
    """H01: Rejected, reservations are not supported."""
    return m.ReserveNowResponse(
        status=m.ReserveNowStatusEnumType.Rejected, status_info=_UNSUPPORTED
    )


async def on_cancel_reservation(
    s: ChargerSimulator, r: m.CancelReservationRequest
) -> m.CancelReservationResponse:
    """H02: Rejected, there is no reservation with that id."""
    return m.CancelReservationResponse(
        status=m.CancelReservationStatusEnumType.Rejected, status_info=_info("UnknownReservation")
    )


async def on_cost_updated(s: ChargerSimulator, r: m.CostUpdatedRequest) -> m.CostUpdatedResponse:
    """I: the running cost is noted (logged); the station has no display to show it on."""
    log.info("[%s] cost of %s: %s", s.charger_id, r.transaction_id, r.total_cost)
    return m.CostUpdatedResponse()


async def on_update_firmware(
    s: ChargerSimulator, r: m.UpdateFirmwareRequest
) -> m.UpdateFirmwareResponse:
    """L01: Rejected, firmware updates are not simulated."""
    return m.UpdateFirmwareResponse(
        status=m.UpdateFirmwareStatusEnumType.Rejected, status_info=_UNSUPPORTED
    )


async def on_publish_firmware(
    s: ChargerSimulator, r: m.PublishFirmwareRequest
) -> m.PublishFirmwareResponse:
    """L03: Rejected, this station is no local controller."""
    return m.PublishFirmwareResponse(
        status=m.GenericStatusEnumType.Rejected, status_info=_UNSUPPORTED
    )


async def on_unpublish_firmware(
    s: ChargerSimulator, r: m.UnpublishFirmwareRequest
) -> m.UnpublishFirmwareResponse:
    """L04: NoFirmware, nothing is published here."""
    return m.UnpublishFirmwareResponse(status=m.UnpublishFirmwareStatusEnumType.NoFirmware)


async def on_install_certificate(
    s: ChargerSimulator, r: m.InstallCertificateRequest
) -> m.InstallCertificateResponse:
    """M05: Rejected, certificates are not stored."""
    return m.InstallCertificateResponse(
        status=m.InstallCertificateStatusEnumType.Rejected, status_info=_UNSUPPORTED
    )


async def on_delete_certificate(
    s: ChargerSimulator, r: m.DeleteCertificateRequest
) -> m.DeleteCertificateResponse:
    """M04: NotFound, no certificate is installed."""
    return m.DeleteCertificateResponse(status=m.DeleteCertificateStatusEnumType.NotFound)


async def on_get_installed_certificate_ids(
    s: ChargerSimulator, r: m.GetInstalledCertificateIdsRequest
) -> m.GetInstalledCertificateIdsResponse:
    """M03: NotFound, no certificate is installed."""
    return m.GetInstalledCertificateIdsResponse(
        status=m.GetInstalledCertificateStatusEnumType.NotFound
    )


async def on_get_log(s: ChargerSimulator, r: m.GetLogRequest) -> m.GetLogResponse:
    """N01: Rejected, there are no logs to upload."""
    return m.GetLogResponse(status=m.LogStatusEnumType.Rejected, status_info=_UNSUPPORTED)


async def on_set_monitoring_base(
    s: ChargerSimulator, r: m.SetMonitoringBaseRequest
) -> m.SetMonitoringBaseResponse:
    """N03: NotSupported, there is no monitoring."""
    return m.SetMonitoringBaseResponse(status=m.GenericDeviceModelStatusEnumType.NotSupported)


async def on_set_monitoring_level(
    s: ChargerSimulator, r: m.SetMonitoringLevelRequest
) -> m.SetMonitoringLevelResponse:
    """N05: Rejected, there is no monitoring."""
    return m.SetMonitoringLevelResponse(
        status=m.GenericStatusEnumType.Rejected, status_info=_UNSUPPORTED
    )


async def on_set_variable_monitoring(
    s: ChargerSimulator, r: m.SetVariableMonitoringRequest
) -> m.SetVariableMonitoringResponse:
    """N04: each monitor Rejected, no variable supports monitoring."""
    results = [
        m.SetMonitoringResultType(
            status=m.SetMonitoringStatusEnumType.Rejected,
            type=d.type,
            component=d.component,
            variable=d.variable,
            severity=d.severity,
            id=d.id,
            status_info=_UNSUPPORTED,
        )
        for d in r.set_monitoring_data
    ]
    return m.SetVariableMonitoringResponse(set_monitoring_result=results)


async def on_clear_variable_monitoring(
    s: ChargerSimulator, r: m.ClearVariableMonitoringRequest
) -> m.ClearVariableMonitoringResponse:
    """N06: NotFound for each id, no monitor exists."""
    results = [
        m.ClearMonitoringResultType(status=m.ClearMonitoringStatusEnumType.NotFound, id=i)
        for i in r.id
    ]
    return m.ClearVariableMonitoringResponse(clear_monitoring_result=results)


async def on_get_monitoring_report(
    s: ChargerSimulator, r: m.GetMonitoringReportRequest
) -> m.GetMonitoringReportResponse:
    """N02: EmptyResultSet, no monitor exists."""
    return m.GetMonitoringReportResponse(status=m.GenericDeviceModelStatusEnumType.EmptyResultSet)


async def on_customer_information(
    s: ChargerSimulator, r: m.CustomerInformationRequest
) -> m.CustomerInformationResponse:
    """N09/N10: Rejected, the station keeps no customer data."""
    return m.CustomerInformationResponse(
        status=m.CustomerInformationStatusEnumType.Rejected, status_info=_info("NoCustomerData")
    )


async def on_set_display_message(
    s: ChargerSimulator, r: m.SetDisplayMessageRequest
) -> m.SetDisplayMessageResponse:
    """O01: Rejected, the station has no display."""
    return m.SetDisplayMessageResponse(
        status=m.DisplayMessageStatusEnumType.Rejected, status_info=_info("NoDisplay")
    )


async def on_get_display_messages(
    s: ChargerSimulator, r: m.GetDisplayMessagesRequest
) -> m.GetDisplayMessagesResponse:
    """O02: Unknown, no message is configured."""
    return m.GetDisplayMessagesResponse(status=m.GetDisplayMessagesStatusEnumType.Unknown)


async def on_clear_display_message(
    s: ChargerSimulator, r: m.ClearDisplayMessageRequest
) -> m.ClearDisplayMessageResponse:
    """O04: Unknown, no message with that id."""
    return m.ClearDisplayMessageResponse(status=m.ClearMessageStatusEnumType.Unknown)


async def on_data_transfer(s: ChargerSimulator, r: m.DataTransferRequest) -> m.DataTransferResponse:
    """P01: UnknownVendorId, the station knows no vendor extension."""
    return m.DataTransferResponse(status=m.DataTransferStatusEnumType.UnknownVendorId)


HANDLERS = {
    "CertificateSigned": on_certificate_signed,
    "ClearCache": on_clear_cache,
    "SendLocalList": on_send_local_list,
    "GetLocalListVersion": on_get_local_list_version,
    "ReserveNow": on_reserve_now,
    "CancelReservation": on_cancel_reservation,
    "CostUpdated": on_cost_updated,
    "UpdateFirmware": on_update_firmware,
    "PublishFirmware": on_publish_firmware,
    "UnpublishFirmware": on_unpublish_firmware,
    "InstallCertificate": on_install_certificate,
    "DeleteCertificate": on_delete_certificate,
    "GetInstalledCertificateIds": on_get_installed_certificate_ids,
    "GetLog": on_get_log,
    "SetMonitoringBase": on_set_monitoring_base,
    "SetMonitoringLevel": on_set_monitoring_level,
    "SetVariableMonitoring": on_set_variable_monitoring,
    "ClearVariableMonitoring": on_clear_variable_monitoring,
    "GetMonitoringReport": on_get_monitoring_report,
    "CustomerInformation": on_customer_information,
    "SetDisplayMessage": on_set_display_message,
    "GetDisplayMessages": on_get_display_messages,
    "ClearDisplayMessage": on_clear_display_message,
    "DataTransfer": on_data_transfer,
}
