# GENERATED FILE: do not edit by hand.
# Produced by scripts/generate_commands.py from ocppkit.protocol.models.
# tests/unit/csms/test_commands_fresh.py fails when this file is stale.
"""Typed CSMS->CS commands: one async method per action, mixed into ``OCPPServer``.

Every method takes the station id, the request's fields (required ones positional or keyword,
optional ones keyword only; nested objects as models or wire dicts) and ``timeout`` (seconds per
CALL, default the server's ``call_timeout``), builds the request model and sends it through the
command pipeline (``CommandSender.send_command``: split per the station's limits, tracked,
learned from), and returns the action's response model. ``OCPPServer`` itself defines
``request_start_transaction``, ``request_stop_transaction`` and ``set_charging_profile``.

Every method raises:
    OCPPError: a field is invalid (nothing sent; the error names the wire field), the station
        answered a CALLERROR (the class of its code), or its answer was invalid.
    NotConnectedError: the station is not connected.
    StationRejectedError: the station was Rejected at boot (B03).
    CallTimeoutError: no answer in time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ocppkit.csms.commands import (
    CommandSender,
    VariableRef,
    VariableSetting,
    build,
    variable_data,
    variable_settings,
)
from ocppkit.protocol import models as m
from ocppkit.protocol.models import GetVariableDataType, SetVariableDataType


class Commands(CommandSender):
    """The typed CSMS->CS commands (generated)."""

    async def cancel_reservation(
        self,
        station_id: str,
        reservation_id: int,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.CancelReservationResponse:
        """H02: cancel a reservation.

        Returns:
            the station's CancelReservationResponse.
        """
        request = build(
            m.CancelReservationRequest,
            reservation_id=reservation_id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "CancelReservation",
            request,
            m.CancelReservationResponse,
            timeout,
        )

    async def certificate_signed(
        self,
        station_id: str,
        certificate_chain: str,
        *,
        certificate_type: m.CertificateSigningUseEnumType | str | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.CertificateSignedResponse:
        """A02/A03: send the station its signed certificate chain.

        Returns:
            the station's CertificateSignedResponse.
        """
        request = build(
            m.CertificateSignedRequest,
            certificate_chain=certificate_chain,
            certificate_type=certificate_type,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "CertificateSigned",
            request,
            m.CertificateSignedResponse,
            timeout,
        )

    async def change_availability(
        self,
        station_id: str,
        operational_status: m.OperationalStatusEnumType | str,
        *,
        evse: m.EVSEType | dict[str, Any] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.ChangeAvailabilityResponse:
        """G03/G04: make the station, an EVSE or a connector (in)operative.

        Returns:
            the station's ChangeAvailabilityResponse.
        """
        request = build(
            m.ChangeAvailabilityRequest,
            operational_status=operational_status,
            evse=evse,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "ChangeAvailability",
            request,
            m.ChangeAvailabilityResponse,
            timeout,
        )

    async def clear_cache(
        self,
        station_id: str,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.ClearCacheResponse:
        """C11: clear the station's authorization cache.

        Returns:
            the station's ClearCacheResponse.
        """
        request = build(
            m.ClearCacheRequest,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "ClearCache",
            request,
            m.ClearCacheResponse,
            timeout,
        )

    async def clear_charging_profile(
        self,
        station_id: str,
        *,
        charging_profile_id: int | None = None,
        charging_profile_criteria: m.ClearChargingProfileType | dict[str, Any] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.ClearChargingProfileResponse:
        """K10: clear charging profiles matching the criteria.

        Returns:
            the station's ClearChargingProfileResponse.
        """
        request = build(
            m.ClearChargingProfileRequest,
            charging_profile_id=charging_profile_id,
            charging_profile_criteria=charging_profile_criteria,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "ClearChargingProfile",
            request,
            m.ClearChargingProfileResponse,
            timeout,
        )

    async def clear_display_message(
        self,
        station_id: str,
        id: int,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.ClearDisplayMessageResponse:
        """O05: remove a display message.

        Returns:
            the station's ClearDisplayMessageResponse.
        """
        request = build(
            m.ClearDisplayMessageRequest,
            id=id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "ClearDisplayMessage",
            request,
            m.ClearDisplayMessageResponse,
            timeout,
        )

    async def clear_variable_monitoring(
        self,
        station_id: str,
        id: Sequence[int],
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.ClearVariableMonitoringResponse:
        """N06: remove monitors by id (split per ItemsPerMessage).

        Returns:
            the station's ClearVariableMonitoringResponse.
        """
        request = build(
            m.ClearVariableMonitoringRequest,
            id=id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "ClearVariableMonitoring",
            request,
            m.ClearVariableMonitoringResponse,
            timeout,
        )

    async def cost_updated(
        self,
        station_id: str,
        total_cost: float,
        transaction_id: str,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.CostUpdatedResponse:
        """I02: tell the station the running cost of a transaction.

        Returns:
            the station's CostUpdatedResponse.
        """
        request = build(
            m.CostUpdatedRequest,
            total_cost=total_cost,
            transaction_id=transaction_id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "CostUpdated",
            request,
            m.CostUpdatedResponse,
            timeout,
        )

    async def customer_information(
        self,
        station_id: str,
        request_id: int,
        report: bool,
        clear: bool,
        *,
        customer_certificate: m.CertificateHashDataType | dict[str, Any] | None = None,
        id_token: m.IdTokenType | dict[str, Any] | None = None,
        customer_identifier: str | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.CustomerInformationResponse:
        """N09: ask for (and/or clear) data kept about a customer.

        Returns:
            the station's CustomerInformationResponse.
        """
        request = build(
            m.CustomerInformationRequest,
            request_id=request_id,
            report=report,
            clear=clear,
            customer_certificate=customer_certificate,
            id_token=id_token,
            customer_identifier=customer_identifier,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "CustomerInformation",
            request,
            m.CustomerInformationResponse,
            timeout,
        )

    async def data_transfer(
        self,
        station_id: str,
        vendor_id: str,
        *,
        message_id: str | None = None,
        data: Any | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.DataTransferResponse:
        """P01: send vendor-specific data.

        Returns:
            the station's DataTransferResponse.
        """
        request = build(
            m.DataTransferRequest,
            vendor_id=vendor_id,
            message_id=message_id,
            data=data,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "DataTransfer",
            request,
            m.DataTransferResponse,
            timeout,
        )

    async def delete_certificate(
        self,
        station_id: str,
        certificate_hash_data: m.CertificateHashDataType | dict[str, Any],
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.DeleteCertificateResponse:
        """M04: delete an installed certificate.

        Returns:
            the station's DeleteCertificateResponse.
        """
        request = build(
            m.DeleteCertificateRequest,
            certificate_hash_data=certificate_hash_data,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "DeleteCertificate",
            request,
            m.DeleteCertificateResponse,
            timeout,
        )

    async def get_base_report(
        self,
        station_id: str,
        request_id: int,
        report_base: m.ReportBaseEnumType | str,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetBaseReportResponse:
        """B07: ask for a base report (sent in NotifyReport parts).

        Returns:
            the station's GetBaseReportResponse.
        """
        request = build(
            m.GetBaseReportRequest,
            request_id=request_id,
            report_base=report_base,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetBaseReport",
            request,
            m.GetBaseReportResponse,
            timeout,
        )

    async def get_charging_profiles(
        self,
        station_id: str,
        request_id: int,
        charging_profile: m.ChargingProfileCriterionType | dict[str, Any],
        *,
        evse_id: int | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetChargingProfilesResponse:
        """K09: ask for installed charging profiles (ReportChargingProfiles).

        Returns:
            the station's GetChargingProfilesResponse.
        """
        request = build(
            m.GetChargingProfilesRequest,
            request_id=request_id,
            charging_profile=charging_profile,
            evse_id=evse_id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetChargingProfiles",
            request,
            m.GetChargingProfilesResponse,
            timeout,
        )

    async def get_composite_schedule(
        self,
        station_id: str,
        duration: int,
        evse_id: int,
        *,
        charging_rate_unit: m.ChargingRateUnitEnumType | str | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetCompositeScheduleResponse:
        """K08: ask for the composite schedule of an EVSE.

        Returns:
            the station's GetCompositeScheduleResponse.
        """
        request = build(
            m.GetCompositeScheduleRequest,
            duration=duration,
            evse_id=evse_id,
            charging_rate_unit=charging_rate_unit,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetCompositeSchedule",
            request,
            m.GetCompositeScheduleResponse,
            timeout,
        )

    async def get_display_messages(
        self,
        station_id: str,
        request_id: int,
        *,
        id: Sequence[int] | None = None,
        priority: m.MessagePriorityEnumType | str | None = None,
        state: m.MessageStateEnumType | str | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetDisplayMessagesResponse:
        """O04: ask for display messages (NotifyDisplayMessages).

        Returns:
            the station's GetDisplayMessagesResponse.
        """
        request = build(
            m.GetDisplayMessagesRequest,
            request_id=request_id,
            id=id,
            priority=priority,
            state=state,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetDisplayMessages",
            request,
            m.GetDisplayMessagesResponse,
            timeout,
        )

    async def get_installed_certificate_ids(
        self,
        station_id: str,
        *,
        certificate_type: Sequence[m.GetCertificateIdUseEnumType | str] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetInstalledCertificateIdsResponse:
        """M03: list the installed certificates.

        Returns:
            the station's GetInstalledCertificateIdsResponse.
        """
        request = build(
            m.GetInstalledCertificateIdsRequest,
            certificate_type=certificate_type,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetInstalledCertificateIds",
            request,
            m.GetInstalledCertificateIdsResponse,
            timeout,
        )

    async def get_local_list_version(
        self,
        station_id: str,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetLocalListVersionResponse:
        """D02: ask for the local authorization list version.

        Returns:
            the station's GetLocalListVersionResponse.
        """
        request = build(
            m.GetLocalListVersionRequest,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetLocalListVersion",
            request,
            m.GetLocalListVersionResponse,
            timeout,
        )

    async def get_log(
        self,
        station_id: str,
        log: m.LogParametersType | dict[str, Any],
        log_type: m.LogEnumType | str,
        request_id: int,
        *,
        retries: int | None = None,
        retry_interval: int | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetLogResponse:
        """N01: ask the station to upload a log file.

        Returns:
            the station's GetLogResponse.
        """
        request = build(
            m.GetLogRequest,
            log=log,
            log_type=log_type,
            request_id=request_id,
            retries=retries,
            retry_interval=retry_interval,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetLog",
            request,
            m.GetLogResponse,
            timeout,
        )

    async def get_monitoring_report(
        self,
        station_id: str,
        request_id: int,
        *,
        component_variable: Sequence[m.ComponentVariableType | dict[str, Any]] | None = None,
        monitoring_criteria: Sequence[m.MonitoringCriterionEnumType | str] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetMonitoringReportResponse:
        """N02: ask for a monitoring report (NotifyMonitoringReport).

        Returns:
            the station's GetMonitoringReportResponse.
        """
        request = build(
            m.GetMonitoringReportRequest,
            request_id=request_id,
            component_variable=component_variable,
            monitoring_criteria=monitoring_criteria,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetMonitoringReport",
            request,
            m.GetMonitoringReportResponse,
            timeout,
        )

    async def get_report(
        self,
        station_id: str,
        request_id: int,
        *,
        component_variable: Sequence[m.ComponentVariableType | dict[str, Any]] | None = None,
        component_criteria: Sequence[m.ComponentCriterionEnumType | str] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetReportResponse:
        """B08: ask for a custom report (NotifyReport parts).

        Returns:
            the station's GetReportResponse.
        """
        request = build(
            m.GetReportRequest,
            request_id=request_id,
            component_variable=component_variable,
            component_criteria=component_criteria,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetReport",
            request,
            m.GetReportResponse,
            timeout,
        )

    async def get_transaction_status(
        self,
        station_id: str,
        *,
        transaction_id: str | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetTransactionStatusResponse:
        """E14: ask for queued messages of a transaction.

        Returns:
            the station's GetTransactionStatusResponse.
        """
        request = build(
            m.GetTransactionStatusRequest,
            transaction_id=transaction_id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetTransactionStatus",
            request,
            m.GetTransactionStatusResponse,
            timeout,
        )

    async def get_variables(
        self,
        station_id: str,
        get_variable_data: Sequence[GetVariableDataType | dict[str, Any] | VariableRef],
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.GetVariablesResponse:
        """B06: read variables (split per ItemsPerMessage/BytesPerMessage).

        Returns:
            the station's GetVariablesResponse.
        """
        request = build(
            m.GetVariablesRequest,
            get_variable_data=variable_data(get_variable_data),
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "GetVariables",
            request,
            m.GetVariablesResponse,
            timeout,
        )

    async def install_certificate(
        self,
        station_id: str,
        certificate_type: m.InstallCertificateUseEnumType | str,
        certificate: str,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.InstallCertificateResponse:
        """M05: install a CA certificate.

        Returns:
            the station's InstallCertificateResponse.
        """
        request = build(
            m.InstallCertificateRequest,
            certificate_type=certificate_type,
            certificate=certificate,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "InstallCertificate",
            request,
            m.InstallCertificateResponse,
            timeout,
        )

    async def publish_firmware(
        self,
        station_id: str,
        location: str,
        checksum: str,
        request_id: int,
        *,
        retries: int | None = None,
        retry_interval: int | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.PublishFirmwareResponse:
        """L03: ask a local controller to publish a firmware image.

        Returns:
            the station's PublishFirmwareResponse.
        """
        request = build(
            m.PublishFirmwareRequest,
            location=location,
            checksum=checksum,
            request_id=request_id,
            retries=retries,
            retry_interval=retry_interval,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "PublishFirmware",
            request,
            m.PublishFirmwareResponse,
            timeout,
        )

    async def reserve_now(
        self,
        station_id: str,
        id: int,
        expiry_date_time: str,
        id_token: m.IdTokenType | dict[str, Any],
        *,
        connector_type: m.ConnectorEnumType | str | None = None,
        evse_id: int | None = None,
        group_id_token: m.IdTokenType | dict[str, Any] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.ReserveNowResponse:
        """H01: reserve an EVSE (or the station) for an id token.

        Returns:
            the station's ReserveNowResponse.
        """
        request = build(
            m.ReserveNowRequest,
            id=id,
            expiry_date_time=expiry_date_time,
            id_token=id_token,
            connector_type=connector_type,
            evse_id=evse_id,
            group_id_token=group_id_token,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "ReserveNow",
            request,
            m.ReserveNowResponse,
            timeout,
        )

    async def reset(
        self,
        station_id: str,
        type: m.ResetEnumType | str,
        *,
        evse_id: int | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.ResetResponse:
        """B11/B12: reset the station or an EVSE.

        Returns:
            the station's ResetResponse.
        """
        request = build(
            m.ResetRequest,
            type=type,
            evse_id=evse_id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "Reset",
            request,
            m.ResetResponse,
            timeout,
        )

    async def send_local_list(
        self,
        station_id: str,
        version_number: int,
        update_type: m.UpdateEnumType | str,
        *,
        local_authorization_list: Sequence[m.AuthorizationData | dict[str, Any]] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.SendLocalListResponse:
        """D01: send a local authorization list (split per ItemsPerMessage/BytesPerMessage: first
        part as given, the others Differential with the same version).

        Returns:
            the station's SendLocalListResponse.
        """
        request = build(
            m.SendLocalListRequest,
            version_number=version_number,
            update_type=update_type,
            local_authorization_list=local_authorization_list,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "SendLocalList",
            request,
            m.SendLocalListResponse,
            timeout,
        )

    async def set_display_message(
        self,
        station_id: str,
        message: m.MessageInfoType | dict[str, Any],
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.SetDisplayMessageResponse:
        """O01/O02: show a message on the station's display.

        Returns:
            the station's SetDisplayMessageResponse.
        """
        request = build(
            m.SetDisplayMessageRequest,
            message=message,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "SetDisplayMessage",
            request,
            m.SetDisplayMessageResponse,
            timeout,
        )

    async def set_monitoring_base(
        self,
        station_id: str,
        monitoring_base: m.MonitoringBaseEnumType | str,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.SetMonitoringBaseResponse:
        """N03: set the monitoring base (All, FactoryDefault, HardWiredOnly).

        Returns:
            the station's SetMonitoringBaseResponse.
        """
        request = build(
            m.SetMonitoringBaseRequest,
            monitoring_base=monitoring_base,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "SetMonitoringBase",
            request,
            m.SetMonitoringBaseResponse,
            timeout,
        )

    async def set_monitoring_level(
        self,
        station_id: str,
        severity: int,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.SetMonitoringLevelResponse:
        """N05: set the severity level of events to report.

        Returns:
            the station's SetMonitoringLevelResponse.
        """
        request = build(
            m.SetMonitoringLevelRequest,
            severity=severity,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "SetMonitoringLevel",
            request,
            m.SetMonitoringLevelResponse,
            timeout,
        )

    async def set_network_profile(
        self,
        station_id: str,
        configuration_slot: int,
        connection_data: m.NetworkConnectionProfileType | dict[str, Any],
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.SetNetworkProfileResponse:
        """B09: set a network connection profile.

        Returns:
            the station's SetNetworkProfileResponse.
        """
        request = build(
            m.SetNetworkProfileRequest,
            configuration_slot=configuration_slot,
            connection_data=connection_data,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "SetNetworkProfile",
            request,
            m.SetNetworkProfileResponse,
            timeout,
        )

    async def set_variable_monitoring(
        self,
        station_id: str,
        set_monitoring_data: Sequence[m.SetMonitoringDataType | dict[str, Any]],
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.SetVariableMonitoringResponse:
        """N04: set monitors (split per ItemsPerMessage/BytesPerMessage).

        Returns:
            the station's SetVariableMonitoringResponse.
        """
        request = build(
            m.SetVariableMonitoringRequest,
            set_monitoring_data=set_monitoring_data,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "SetVariableMonitoring",
            request,
            m.SetVariableMonitoringResponse,
            timeout,
        )

    async def set_variables(
        self,
        station_id: str,
        set_variable_data: Sequence[SetVariableDataType | dict[str, Any] | VariableSetting],
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.SetVariablesResponse:
        """B05: write variables (split per ItemsPerMessage/BytesPerMessage).

        Returns:
            the station's SetVariablesResponse.
        """
        request = build(
            m.SetVariablesRequest,
            set_variable_data=variable_settings(set_variable_data),
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "SetVariables",
            request,
            m.SetVariablesResponse,
            timeout,
        )

    async def trigger_message(
        self,
        station_id: str,
        requested_message: m.MessageTriggerEnumType | str,
        *,
        evse: m.EVSEType | dict[str, Any] | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.TriggerMessageResponse:
        """F06: ask the station to send a message now.

        Returns:
            the station's TriggerMessageResponse.
        """
        request = build(
            m.TriggerMessageRequest,
            requested_message=requested_message,
            evse=evse,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "TriggerMessage",
            request,
            m.TriggerMessageResponse,
            timeout,
        )

    async def unlock_connector(
        self,
        station_id: str,
        evse_id: int,
        connector_id: int,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.UnlockConnectorResponse:
        """F05: unlock a connector.

        Returns:
            the station's UnlockConnectorResponse.
        """
        request = build(
            m.UnlockConnectorRequest,
            evse_id=evse_id,
            connector_id=connector_id,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "UnlockConnector",
            request,
            m.UnlockConnectorResponse,
            timeout,
        )

    async def unpublish_firmware(
        self,
        station_id: str,
        checksum: str,
        *,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.UnpublishFirmwareResponse:
        """L04: ask a local controller to stop publishing a firmware image.

        Returns:
            the station's UnpublishFirmwareResponse.
        """
        request = build(
            m.UnpublishFirmwareRequest,
            checksum=checksum,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "UnpublishFirmware",
            request,
            m.UnpublishFirmwareResponse,
            timeout,
        )

    async def update_firmware(
        self,
        station_id: str,
        request_id: int,
        firmware: m.FirmwareType | dict[str, Any],
        *,
        retries: int | None = None,
        retry_interval: int | None = None,
        custom_data: m.CustomDataType | dict[str, Any] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> m.UpdateFirmwareResponse:
        """L01/L02: ask the station to install new firmware.

        Returns:
            the station's UpdateFirmwareResponse.
        """
        request = build(
            m.UpdateFirmwareRequest,
            request_id=request_id,
            firmware=firmware,
            retries=retries,
            retry_interval=retry_interval,
            custom_data=custom_data,
        )
        return await self.send_command(
            station_id,
            "UpdateFirmware",
            request,
            m.UpdateFirmwareResponse,
            timeout,
        )
