# GENERATED FILE: do not edit by hand.
# Produced by scripts/generate_models.py from the official OCPP 1.6 JSON schemas
# (the `ocpp` package, ocpp/v16/schemas).
# tests/unit/protocol/test_models_fresh.py fails when this file is stale.
"""Pydantic models for every OCPP 1.6 message: 39 actions, their datatypes and enums.

Fields use snake_case names; the wire (camelCase) name is the alias. Wire payloads are validated
by alias only (``ocppkit.protocol.validation``, ``ocppkit.protocol.versions``); Python code
constructs models by field name. Date-time fields stay strings (so a payload round-trips
unchanged) but must parse as ISO 8601 / RFC 3339.

OCPP 1.6 defines nested objects and enumerations inline; they are named here after the property
that holds them (``IdTagInfoType``, ``MeasurandEnumType``), prefixed with the action where one
name would mean two different things (``BootNotificationStatusEnumType``). Integers follow
draft-04: 1.0 is a number, not an integer.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field

from ocppkit.protocol.model_base import Bool as Bool
from ocppkit.protocol.model_base import DateTime as DateTime
from ocppkit.protocol.model_base import Int04 as Int04
from ocppkit.protocol.model_base import Number as Number
from ocppkit.protocol.model_base import OcppModel as OcppModel
from ocppkit.protocol.model_base import Str as Str
from ocppkit.protocol.model_base import multiple_of as multiple_of


# --- Enumerations ---


class AuthorizeStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Blocked = "Blocked"
    Expired = "Expired"
    Invalid = "Invalid"
    ConcurrentTx = "ConcurrentTx"


class BootNotificationStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Pending = "Pending"
    Rejected = "Rejected"


class CertificateSignedStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class CertificateUseEnumType(StrEnum):
    CentralSystemRootCertificate = "CentralSystemRootCertificate"
    ManufacturerRootCertificate = "ManufacturerRootCertificate"


class ChangeAvailabilityStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Scheduled = "Scheduled"


class ChangeAvailabilityTypeEnumType(StrEnum):
    Inoperative = "Inoperative"
    Operative = "Operative"


class ChangeConfigurationStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    RebootRequired = "RebootRequired"
    NotSupported = "NotSupported"


class ChargingProfileKindEnumType(StrEnum):
    Absolute = "Absolute"
    Recurring = "Recurring"
    Relative = "Relative"


class ChargingProfilePurposeEnumType(StrEnum):
    ChargePointMaxProfile = "ChargePointMaxProfile"
    TxDefaultProfile = "TxDefaultProfile"
    TxProfile = "TxProfile"


class ChargingRateUnitEnumType(StrEnum):
    A = "A"
    W = "W"


class ClearChargingProfileStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Unknown = "Unknown"


class ContextEnumType(StrEnum):
    Interruption_Begin = "Interruption.Begin"
    Interruption_End = "Interruption.End"
    Sample_Clock = "Sample.Clock"
    Sample_Periodic = "Sample.Periodic"
    Transaction_Begin = "Transaction.Begin"
    Transaction_End = "Transaction.End"
    Trigger = "Trigger"
    Other = "Other"


class DataTransferStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    UnknownMessageId = "UnknownMessageId"
    UnknownVendorId = "UnknownVendorId"


class DeleteCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"
    NotFound = "NotFound"


class DiagnosticsStatusNotificationStatusEnumType(StrEnum):
    Idle = "Idle"
    Uploaded = "Uploaded"
    UploadFailed = "UploadFailed"
    Uploading = "Uploading"


class ErrorCodeEnumType(StrEnum):
    ConnectorLockFailure = "ConnectorLockFailure"
    EVCommunicationError = "EVCommunicationError"
    GroundFailure = "GroundFailure"
    HighTemperature = "HighTemperature"
    InternalError = "InternalError"
    LocalListConflict = "LocalListConflict"
    NoError = "NoError"
    OtherError = "OtherError"
    OverCurrentFailure = "OverCurrentFailure"
    PowerMeterFailure = "PowerMeterFailure"
    PowerSwitchFailure = "PowerSwitchFailure"
    ReaderFailure = "ReaderFailure"
    ResetFailure = "ResetFailure"
    UnderVoltage = "UnderVoltage"
    OverVoltage = "OverVoltage"
    WeakSignal = "WeakSignal"


class FirmwareStatusEnumType(StrEnum):
    Downloaded = "Downloaded"
    DownloadFailed = "DownloadFailed"
    Downloading = "Downloading"
    DownloadScheduled = "DownloadScheduled"
    DownloadPaused = "DownloadPaused"
    Idle = "Idle"
    InstallationFailed = "InstallationFailed"
    Installing = "Installing"
    Installed = "Installed"
    InstallRebooting = "InstallRebooting"
    InstallScheduled = "InstallScheduled"
    InstallVerificationFailed = "InstallVerificationFailed"
    InvalidSignature = "InvalidSignature"
    SignatureVerified = "SignatureVerified"


class FirmwareStatusNotificationStatusEnumType(StrEnum):
    Downloaded = "Downloaded"
    DownloadFailed = "DownloadFailed"
    Downloading = "Downloading"
    Idle = "Idle"
    InstallationFailed = "InstallationFailed"
    Installing = "Installing"
    Installed = "Installed"


class FormatEnumType(StrEnum):
    Raw = "Raw"
    SignedData = "SignedData"


class GetInstalledCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    NotFound = "NotFound"


class HashAlgorithmEnumType(StrEnum):
    SHA256 = "SHA256"
    SHA384 = "SHA384"
    SHA512 = "SHA512"


class InstallCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"
    Rejected = "Rejected"


class LocationEnumType(StrEnum):
    Cable = "Cable"
    EV = "EV"
    Inlet = "Inlet"
    Outlet = "Outlet"
    Body = "Body"


class LogEnumType(StrEnum):
    DiagnosticsLog = "DiagnosticsLog"
    SecurityLog = "SecurityLog"


class LogStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    AcceptedCanceled = "AcceptedCanceled"


class MeasurandEnumType(StrEnum):
    Energy_Active_Export_Register = "Energy.Active.Export.Register"
    Energy_Active_Import_Register = "Energy.Active.Import.Register"
    Energy_Reactive_Export_Register = "Energy.Reactive.Export.Register"
    Energy_Reactive_Import_Register = "Energy.Reactive.Import.Register"
    Energy_Active_Export_Interval = "Energy.Active.Export.Interval"
    Energy_Active_Import_Interval = "Energy.Active.Import.Interval"
    Energy_Reactive_Export_Interval = "Energy.Reactive.Export.Interval"
    Energy_Reactive_Import_Interval = "Energy.Reactive.Import.Interval"
    Power_Active_Export = "Power.Active.Export"
    Power_Active_Import = "Power.Active.Import"
    Power_Offered = "Power.Offered"
    Power_Reactive_Export = "Power.Reactive.Export"
    Power_Reactive_Import = "Power.Reactive.Import"
    Power_Factor = "Power.Factor"
    Current_Import = "Current.Import"
    Current_Export = "Current.Export"
    Current_Offered = "Current.Offered"
    Voltage = "Voltage"
    Frequency = "Frequency"
    Temperature = "Temperature"
    SoC = "SoC"
    RPM = "RPM"


class MessageTriggerEnumType(StrEnum):
    BootNotification = "BootNotification"
    LogStatusNotification = "LogStatusNotification"
    FirmwareStatusNotification = "FirmwareStatusNotification"
    Heartbeat = "Heartbeat"
    MeterValues = "MeterValues"
    SignChargePointCertificate = "SignChargePointCertificate"
    StatusNotification = "StatusNotification"


class MeterValuesUnitEnumType(StrEnum):
    Wh = "Wh"
    kWh = "kWh"
    varh = "varh"
    kvarh = "kvarh"
    W = "W"
    kW = "kW"
    VA = "VA"
    kVA = "kVA"
    var = "var"
    kvar = "kvar"
    A = "A"
    V = "V"
    K = "K"
    Celcius = "Celcius"
    Celsius = "Celsius"
    Fahrenheit = "Fahrenheit"
    Percent = "Percent"
    Hertz = "Hertz"


class PhaseEnumType(StrEnum):
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"
    N = "N"
    L1_N = "L1-N"
    L2_N = "L2-N"
    L3_N = "L3-N"
    L1_L2 = "L1-L2"
    L2_L3 = "L2-L3"
    L3_L1 = "L3-L1"


class ReasonEnumType(StrEnum):
    EmergencyStop = "EmergencyStop"
    EVDisconnected = "EVDisconnected"
    HardReset = "HardReset"
    Local = "Local"
    Other = "Other"
    PowerLoss = "PowerLoss"
    Reboot = "Reboot"
    Remote = "Remote"
    SoftReset = "SoftReset"
    UnlockCommand = "UnlockCommand"
    DeAuthorized = "DeAuthorized"


class RecurrencyKindEnumType(StrEnum):
    Daily = "Daily"
    Weekly = "Weekly"


class RequestedMessageEnumType(StrEnum):
    BootNotification = "BootNotification"
    DiagnosticsStatusNotification = "DiagnosticsStatusNotification"
    FirmwareStatusNotification = "FirmwareStatusNotification"
    Heartbeat = "Heartbeat"
    MeterValues = "MeterValues"
    StatusNotification = "StatusNotification"


class ReserveNowStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Faulted = "Faulted"
    Occupied = "Occupied"
    Rejected = "Rejected"
    Unavailable = "Unavailable"


class ResetTypeEnumType(StrEnum):
    Hard = "Hard"
    Soft = "Soft"


class SendLocalListStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"
    NotSupported = "NotSupported"
    VersionMismatch = "VersionMismatch"


class SetChargingProfileStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotSupported = "NotSupported"


class StatusNotificationStatusEnumType(StrEnum):
    Available = "Available"
    Preparing = "Preparing"
    Charging = "Charging"
    SuspendedEVSE = "SuspendedEVSE"
    SuspendedEV = "SuspendedEV"
    Finishing = "Finishing"
    Reserved = "Reserved"
    Unavailable = "Unavailable"
    Faulted = "Faulted"


class StopTransactionUnitEnumType(StrEnum):
    Wh = "Wh"
    kWh = "kWh"
    varh = "varh"
    kvarh = "kvarh"
    W = "W"
    kW = "kW"
    VA = "VA"
    kVA = "kVA"
    var = "var"
    kvar = "kvar"
    A = "A"
    V = "V"
    K = "K"
    Celcius = "Celcius"
    Celsius = "Celsius"
    Fahrenheit = "Fahrenheit"
    Percent = "Percent"


class TriggerMessageStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotImplemented = "NotImplemented"


class UnlockConnectorStatusEnumType(StrEnum):
    Unlocked = "Unlocked"
    UnlockFailed = "UnlockFailed"
    NotSupported = "NotSupported"


class UpdateFirmwareStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    AcceptedCanceled = "AcceptedCanceled"
    InvalidCertificate = "InvalidCertificate"
    RevokedCertificate = "RevokedCertificate"


class UpdateTypeEnumType(StrEnum):
    Differential = "Differential"
    Full = "Full"


class UploadLogStatusEnumType(StrEnum):
    BadMessage = "BadMessage"
    Idle = "Idle"
    NotSupportedOperation = "NotSupportedOperation"
    PermissionDenied = "PermissionDenied"
    Uploaded = "Uploaded"
    UploadFailure = "UploadFailure"
    Uploading = "Uploading"


# --- Datatypes ---


class CertificateHashDataType(OcppModel):
    """CertificateHashDataType"""

    hash_algorithm: HashAlgorithmEnumType = Field(alias="hashAlgorithm")
    issuer_name_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerNameHash")
    issuer_key_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerKeyHash")
    serial_number: Annotated[Str, Field(max_length=40)] = Field(alias="serialNumber")


class ChargingProfileType(OcppModel):
    """ChargingProfileType"""

    charging_profile_id: Int04 = Field(alias="chargingProfileId")
    stack_level: Int04 = Field(alias="stackLevel")
    charging_profile_purpose: ChargingProfilePurposeEnumType = Field(alias="chargingProfilePurpose")
    charging_profile_kind: ChargingProfileKindEnumType = Field(alias="chargingProfileKind")
    charging_schedule: ChargingScheduleType = Field(alias="chargingSchedule")
    transaction_id: Int04 | None = Field(default=None, alias="transactionId")
    recurrency_kind: RecurrencyKindEnumType | None = Field(default=None, alias="recurrencyKind")
    valid_from: DateTime | None = Field(default=None, alias="validFrom")
    valid_to: DateTime | None = Field(default=None, alias="validTo")


class ChargingSchedulePeriodType(OcppModel):
    """ChargingSchedulePeriodType"""

    start_period: Int04 = Field(alias="startPeriod")
    limit: Annotated[Number, multiple_of(0.1)] = Field(alias="limit")
    number_phases: Int04 | None = Field(default=None, alias="numberPhases")


class ChargingScheduleType(OcppModel):
    """ChargingScheduleType"""

    charging_rate_unit: ChargingRateUnitEnumType = Field(alias="chargingRateUnit")
    charging_schedule_period: list[ChargingSchedulePeriodType] = Field(alias="chargingSchedulePeriod")
    duration: Int04 | None = Field(default=None, alias="duration")
    start_schedule: DateTime | None = Field(default=None, alias="startSchedule")
    min_charging_rate: Annotated[Number, multiple_of(0.1)] | None = Field(default=None, alias="minChargingRate")


class ConfigurationKeyType(OcppModel):
    """ConfigurationKeyType"""

    key: Annotated[Str, Field(max_length=50)] = Field(alias="key")
    readonly: Bool = Field(alias="readonly")
    value: Annotated[Str, Field(max_length=500)] | None = Field(default=None, alias="value")


class FirmwareType(OcppModel):
    """FirmwareType"""

    location: Annotated[Str, Field(max_length=512)] = Field(alias="location")
    retrieve_date_time: DateTime = Field(alias="retrieveDateTime")
    signing_certificate: Annotated[Str, Field(max_length=5500)] = Field(alias="signingCertificate")
    signature: Annotated[Str, Field(max_length=800)] = Field(alias="signature")
    install_date_time: DateTime | None = Field(default=None, alias="installDateTime")


class IdTagInfoType(OcppModel):
    """IdTagInfoType"""

    status: AuthorizeStatusEnumType = Field(alias="status")
    expiry_date: DateTime | None = Field(default=None, alias="expiryDate")
    parent_id_tag: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="parentIdTag")


class LocalAuthorizationListType(OcppModel):
    """LocalAuthorizationListType"""

    id_tag: Annotated[Str, Field(max_length=20)] = Field(alias="idTag")
    id_tag_info: IdTagInfoType | None = Field(default=None, alias="idTagInfo")


class LogParametersType(OcppModel):
    """LogParametersType"""

    remote_location: Annotated[Str, Field(max_length=512)] = Field(alias="remoteLocation")
    oldest_timestamp: DateTime | None = Field(default=None, alias="oldestTimestamp")
    latest_timestamp: DateTime | None = Field(default=None, alias="latestTimestamp")


class MeterValueType(OcppModel):
    """MeterValueType"""

    timestamp: DateTime = Field(alias="timestamp")
    sampled_value: Annotated[list[MeterValuesSampledValueType], Field(min_length=1)] = Field(alias="sampledValue")


class MeterValuesSampledValueType(OcppModel):
    """MeterValuesSampledValueType"""

    value: Str = Field(alias="value")
    context: ContextEnumType | None = Field(default=None, alias="context")
    format: FormatEnumType | None = Field(default=None, alias="format")
    measurand: MeasurandEnumType | None = Field(default=None, alias="measurand")
    phase: PhaseEnumType | None = Field(default=None, alias="phase")
    location: LocationEnumType | None = Field(default=None, alias="location")
    unit: MeterValuesUnitEnumType | None = Field(default=None, alias="unit")


class StopTransactionSampledValueType(OcppModel):
    """StopTransactionSampledValueType"""

    value: Str = Field(alias="value")
    context: ContextEnumType | None = Field(default=None, alias="context")
    format: FormatEnumType | None = Field(default=None, alias="format")
    measurand: MeasurandEnumType | None = Field(default=None, alias="measurand")
    phase: PhaseEnumType | None = Field(default=None, alias="phase")
    location: LocationEnumType | None = Field(default=None, alias="location")
    unit: StopTransactionUnitEnumType | None = Field(default=None, alias="unit")


class TransactionDataType(OcppModel):
    """TransactionDataType"""

    timestamp: DateTime = Field(alias="timestamp")
    sampled_value: list[StopTransactionSampledValueType] = Field(alias="sampledValue")


# --- Messages: one Request and one Response per action ---


class AuthorizeRequest(OcppModel):
    """AuthorizeRequest payload (OCPP 1.6)."""

    id_tag: Annotated[Str, Field(max_length=20)] = Field(alias="idTag")


class AuthorizeResponse(OcppModel):
    """AuthorizeResponse payload (OCPP 1.6)."""

    id_tag_info: IdTagInfoType = Field(alias="idTagInfo")


class BootNotificationRequest(OcppModel):
    """BootNotificationRequest payload (OCPP 1.6)."""

    charge_point_vendor: Annotated[Str, Field(max_length=20)] = Field(alias="chargePointVendor")
    charge_point_model: Annotated[Str, Field(max_length=20)] = Field(alias="chargePointModel")
    charge_point_serial_number: Annotated[Str, Field(max_length=25)] | None = Field(default=None, alias="chargePointSerialNumber")
    charge_box_serial_number: Annotated[Str, Field(max_length=25)] | None = Field(default=None, alias="chargeBoxSerialNumber")
    firmware_version: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="firmwareVersion")
    iccid: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="iccid")
    imsi: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="imsi")
    meter_type: Annotated[Str, Field(max_length=25)] | None = Field(default=None, alias="meterType")
    meter_serial_number: Annotated[Str, Field(max_length=25)] | None = Field(default=None, alias="meterSerialNumber")


class BootNotificationResponse(OcppModel):
    """BootNotificationResponse payload (OCPP 1.6)."""

    status: BootNotificationStatusEnumType = Field(alias="status")
    current_time: DateTime = Field(alias="currentTime")
    interval: Int04 = Field(alias="interval")


class CancelReservationRequest(OcppModel):
    """CancelReservationRequest payload (OCPP 1.6)."""

    reservation_id: Int04 = Field(alias="reservationId")


class CancelReservationResponse(OcppModel):
    """CancelReservationResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")


class CertificateSignedRequest(OcppModel):
    """CertificateSignedRequest payload (OCPP 1.6)."""

    certificate_chain: Annotated[Str, Field(max_length=10000)] = Field(alias="certificateChain")


class CertificateSignedResponse(OcppModel):
    """CertificateSignedResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")


class ChangeAvailabilityRequest(OcppModel):
    """ChangeAvailabilityRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")
    type: ChangeAvailabilityTypeEnumType = Field(alias="type")


class ChangeAvailabilityResponse(OcppModel):
    """ChangeAvailabilityResponse payload (OCPP 1.6)."""

    status: ChangeAvailabilityStatusEnumType = Field(alias="status")


class ChangeConfigurationRequest(OcppModel):
    """ChangeConfigurationRequest payload (OCPP 1.6)."""

    key: Annotated[Str, Field(max_length=50)] = Field(alias="key")
    value: Annotated[Str, Field(max_length=500)] = Field(alias="value")


class ChangeConfigurationResponse(OcppModel):
    """ChangeConfigurationResponse payload (OCPP 1.6)."""

    status: ChangeConfigurationStatusEnumType = Field(alias="status")


class ClearCacheRequest(OcppModel):
    """ClearCacheRequest payload (OCPP 1.6)."""

    pass


class ClearCacheResponse(OcppModel):
    """ClearCacheResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")


class ClearChargingProfileRequest(OcppModel):
    """ClearChargingProfileRequest payload (OCPP 1.6)."""

    id: Int04 | None = Field(default=None, alias="id")
    connector_id: Int04 | None = Field(default=None, alias="connectorId")
    charging_profile_purpose: ChargingProfilePurposeEnumType | None = Field(default=None, alias="chargingProfilePurpose")
    stack_level: Int04 | None = Field(default=None, alias="stackLevel")


class ClearChargingProfileResponse(OcppModel):
    """ClearChargingProfileResponse payload (OCPP 1.6)."""

    status: ClearChargingProfileStatusEnumType = Field(alias="status")


class DataTransferRequest(OcppModel):
    """DataTransferRequest payload (OCPP 1.6)."""

    vendor_id: Annotated[Str, Field(max_length=255)] = Field(alias="vendorId")
    message_id: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="messageId")
    data: Str | None = Field(default=None, alias="data")


class DataTransferResponse(OcppModel):
    """DataTransferResponse payload (OCPP 1.6)."""

    status: DataTransferStatusEnumType = Field(alias="status")
    data: Str | None = Field(default=None, alias="data")


class DeleteCertificateRequest(OcppModel):
    """DeleteCertificateRequest payload (OCPP 1.6)."""

    certificate_hash_data: CertificateHashDataType = Field(alias="certificateHashData")


class DeleteCertificateResponse(OcppModel):
    """DeleteCertificateResponse payload (OCPP 1.6)."""

    status: DeleteCertificateStatusEnumType = Field(alias="status")


class DiagnosticsStatusNotificationRequest(OcppModel):
    """DiagnosticsStatusNotificationRequest payload (OCPP 1.6)."""

    status: DiagnosticsStatusNotificationStatusEnumType = Field(alias="status")


class DiagnosticsStatusNotificationResponse(OcppModel):
    """DiagnosticsStatusNotificationResponse payload (OCPP 1.6)."""

    pass


class ExtendedTriggerMessageRequest(OcppModel):
    """ExtendedTriggerMessageRequest payload (OCPP 1.6)."""

    requested_message: MessageTriggerEnumType = Field(alias="requestedMessage")
    connector_id: Int04 | None = Field(default=None, alias="connectorId")


class ExtendedTriggerMessageResponse(OcppModel):
    """ExtendedTriggerMessageResponse payload (OCPP 1.6)."""

    status: TriggerMessageStatusEnumType = Field(alias="status")


class FirmwareStatusNotificationRequest(OcppModel):
    """FirmwareStatusNotificationRequest payload (OCPP 1.6)."""

    status: FirmwareStatusNotificationStatusEnumType = Field(alias="status")


class FirmwareStatusNotificationResponse(OcppModel):
    """FirmwareStatusNotificationResponse payload (OCPP 1.6)."""

    pass


class GetCompositeScheduleRequest(OcppModel):
    """GetCompositeScheduleRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")
    duration: Int04 = Field(alias="duration")
    charging_rate_unit: ChargingRateUnitEnumType | None = Field(default=None, alias="chargingRateUnit")


class GetCompositeScheduleResponse(OcppModel):
    """GetCompositeScheduleResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")
    connector_id: Int04 | None = Field(default=None, alias="connectorId")
    schedule_start: DateTime | None = Field(default=None, alias="scheduleStart")
    charging_schedule: ChargingScheduleType | None = Field(default=None, alias="chargingSchedule")


class GetConfigurationRequest(OcppModel):
    """GetConfigurationRequest payload (OCPP 1.6)."""

    key: list[Annotated[Str, Field(max_length=50)]] | None = Field(default=None, alias="key")


class GetConfigurationResponse(OcppModel):
    """GetConfigurationResponse payload (OCPP 1.6)."""

    configuration_key: list[ConfigurationKeyType] | None = Field(default=None, alias="configurationKey")
    unknown_key: list[Annotated[Str, Field(max_length=50)]] | None = Field(default=None, alias="unknownKey")


class GetDiagnosticsRequest(OcppModel):
    """GetDiagnosticsRequest payload (OCPP 1.6)."""

    location: Str = Field(alias="location")
    retries: Int04 | None = Field(default=None, alias="retries")
    retry_interval: Int04 | None = Field(default=None, alias="retryInterval")
    start_time: DateTime | None = Field(default=None, alias="startTime")
    stop_time: DateTime | None = Field(default=None, alias="stopTime")


class GetDiagnosticsResponse(OcppModel):
    """GetDiagnosticsResponse payload (OCPP 1.6)."""

    file_name: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="fileName")


class GetInstalledCertificateIdsRequest(OcppModel):
    """GetInstalledCertificateIdsRequest payload (OCPP 1.6)."""

    certificate_type: CertificateUseEnumType = Field(alias="certificateType")


class GetInstalledCertificateIdsResponse(OcppModel):
    """GetInstalledCertificateIdsResponse payload (OCPP 1.6)."""

    status: GetInstalledCertificateStatusEnumType = Field(alias="status")
    certificate_hash_data: Annotated[list[CertificateHashDataType], Field(min_length=1)] | None = Field(default=None, alias="certificateHashData")


class GetLocalListVersionRequest(OcppModel):
    """GetLocalListVersionRequest payload (OCPP 1.6)."""

    pass


class GetLocalListVersionResponse(OcppModel):
    """GetLocalListVersionResponse payload (OCPP 1.6)."""

    list_version: Int04 = Field(alias="listVersion")


class GetLogRequest(OcppModel):
    """GetLogRequest payload (OCPP 1.6)."""

    log: LogParametersType = Field(alias="log")
    log_type: LogEnumType = Field(alias="logType")
    request_id: Int04 = Field(alias="requestId")
    retries: Int04 | None = Field(default=None, alias="retries")
    retry_interval: Int04 | None = Field(default=None, alias="retryInterval")


class GetLogResponse(OcppModel):
    """GetLogResponse payload (OCPP 1.6)."""

    status: LogStatusEnumType = Field(alias="status")
    filename: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="filename")


class HeartbeatRequest(OcppModel):
    """HeartbeatRequest payload (OCPP 1.6)."""

    pass


class HeartbeatResponse(OcppModel):
    """HeartbeatResponse payload (OCPP 1.6)."""

    current_time: DateTime = Field(alias="currentTime")


class InstallCertificateRequest(OcppModel):
    """InstallCertificateRequest payload (OCPP 1.6)."""

    certificate_type: CertificateUseEnumType = Field(alias="certificateType")
    certificate: Annotated[Str, Field(max_length=5500)] = Field(alias="certificate")


class InstallCertificateResponse(OcppModel):
    """InstallCertificateResponse payload (OCPP 1.6)."""

    status: InstallCertificateStatusEnumType = Field(alias="status")


class LogStatusNotificationRequest(OcppModel):
    """LogStatusNotificationRequest payload (OCPP 1.6)."""

    status: UploadLogStatusEnumType = Field(alias="status")
    request_id: Int04 | None = Field(default=None, alias="requestId")


class LogStatusNotificationResponse(OcppModel):
    """LogStatusNotificationResponse payload (OCPP 1.6)."""

    pass


class MeterValuesRequest(OcppModel):
    """MeterValuesRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")
    meter_value: Annotated[list[MeterValueType], Field(min_length=1)] = Field(alias="meterValue")
    transaction_id: Int04 | None = Field(default=None, alias="transactionId")


class MeterValuesResponse(OcppModel):
    """MeterValuesResponse payload (OCPP 1.6)."""

    pass


class RemoteStartTransactionRequest(OcppModel):
    """RemoteStartTransactionRequest payload (OCPP 1.6)."""

    id_tag: Annotated[Str, Field(max_length=20)] = Field(alias="idTag")
    connector_id: Int04 | None = Field(default=None, alias="connectorId")
    charging_profile: ChargingProfileType | None = Field(default=None, alias="chargingProfile")


class RemoteStartTransactionResponse(OcppModel):
    """RemoteStartTransactionResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")


class RemoteStopTransactionRequest(OcppModel):
    """RemoteStopTransactionRequest payload (OCPP 1.6)."""

    transaction_id: Int04 = Field(alias="transactionId")


class RemoteStopTransactionResponse(OcppModel):
    """RemoteStopTransactionResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")


class ReserveNowRequest(OcppModel):
    """ReserveNowRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")
    expiry_date: DateTime = Field(alias="expiryDate")
    id_tag: Annotated[Str, Field(max_length=20)] = Field(alias="idTag")
    reservation_id: Int04 = Field(alias="reservationId")
    parent_id_tag: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="parentIdTag")


class ReserveNowResponse(OcppModel):
    """ReserveNowResponse payload (OCPP 1.6)."""

    status: ReserveNowStatusEnumType = Field(alias="status")


class ResetRequest(OcppModel):
    """ResetRequest payload (OCPP 1.6)."""

    type: ResetTypeEnumType = Field(alias="type")


class ResetResponse(OcppModel):
    """ResetResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")


class SecurityEventNotificationRequest(OcppModel):
    """SecurityEventNotificationRequest payload (OCPP 1.6)."""

    type: Annotated[Str, Field(max_length=50)] = Field(alias="type")
    timestamp: DateTime = Field(alias="timestamp")
    tech_info: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="techInfo")


class SecurityEventNotificationResponse(OcppModel):
    """SecurityEventNotificationResponse payload (OCPP 1.6)."""

    pass


class SendLocalListRequest(OcppModel):
    """SendLocalListRequest payload (OCPP 1.6)."""

    list_version: Int04 = Field(alias="listVersion")
    update_type: UpdateTypeEnumType = Field(alias="updateType")
    local_authorization_list: list[LocalAuthorizationListType] | None = Field(default=None, alias="localAuthorizationList")


class SendLocalListResponse(OcppModel):
    """SendLocalListResponse payload (OCPP 1.6)."""

    status: SendLocalListStatusEnumType = Field(alias="status")


class SetChargingProfileRequest(OcppModel):
    """SetChargingProfileRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")
    cs_charging_profiles: ChargingProfileType = Field(alias="csChargingProfiles")


class SetChargingProfileResponse(OcppModel):
    """SetChargingProfileResponse payload (OCPP 1.6)."""

    status: SetChargingProfileStatusEnumType = Field(alias="status")


class SignCertificateRequest(OcppModel):
    """SignCertificateRequest payload (OCPP 1.6)."""

    csr: Annotated[Str, Field(max_length=5500)] = Field(alias="csr")


class SignCertificateResponse(OcppModel):
    """SignCertificateResponse payload (OCPP 1.6)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")


class SignedFirmwareStatusNotificationRequest(OcppModel):
    """SignedFirmwareStatusNotificationRequest payload (OCPP 1.6)."""

    status: FirmwareStatusEnumType = Field(alias="status")
    request_id: Int04 | None = Field(default=None, alias="requestId")


class SignedFirmwareStatusNotificationResponse(OcppModel):
    """SignedFirmwareStatusNotificationResponse payload (OCPP 1.6)."""

    pass


class SignedUpdateFirmwareRequest(OcppModel):
    """SignedUpdateFirmwareRequest payload (OCPP 1.6)."""

    request_id: Int04 = Field(alias="requestId")
    firmware: FirmwareType = Field(alias="firmware")
    retries: Int04 | None = Field(default=None, alias="retries")
    retry_interval: Int04 | None = Field(default=None, alias="retryInterval")


class SignedUpdateFirmwareResponse(OcppModel):
    """SignedUpdateFirmwareResponse payload (OCPP 1.6)."""

    status: UpdateFirmwareStatusEnumType = Field(alias="status")


class StartTransactionRequest(OcppModel):
    """StartTransactionRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")
    id_tag: Annotated[Str, Field(max_length=20)] = Field(alias="idTag")
    meter_start: Int04 = Field(alias="meterStart")
    timestamp: DateTime = Field(alias="timestamp")
    reservation_id: Int04 | None = Field(default=None, alias="reservationId")


class StartTransactionResponse(OcppModel):
    """StartTransactionResponse payload (OCPP 1.6)."""

    id_tag_info: IdTagInfoType = Field(alias="idTagInfo")
    transaction_id: Int04 = Field(alias="transactionId")


class StatusNotificationRequest(OcppModel):
    """StatusNotificationRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")
    error_code: ErrorCodeEnumType = Field(alias="errorCode")
    status: StatusNotificationStatusEnumType = Field(alias="status")
    info: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="info")
    timestamp: DateTime | None = Field(default=None, alias="timestamp")
    vendor_id: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="vendorId")
    vendor_error_code: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="vendorErrorCode")


class StatusNotificationResponse(OcppModel):
    """StatusNotificationResponse payload (OCPP 1.6)."""

    pass


class StopTransactionRequest(OcppModel):
    """StopTransactionRequest payload (OCPP 1.6)."""

    meter_stop: Int04 = Field(alias="meterStop")
    timestamp: DateTime = Field(alias="timestamp")
    transaction_id: Int04 = Field(alias="transactionId")
    id_tag: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="idTag")
    reason: ReasonEnumType | None = Field(default=None, alias="reason")
    transaction_data: list[TransactionDataType] | None = Field(default=None, alias="transactionData")


class StopTransactionResponse(OcppModel):
    """StopTransactionResponse payload (OCPP 1.6)."""

    id_tag_info: IdTagInfoType | None = Field(default=None, alias="idTagInfo")


class TriggerMessageRequest(OcppModel):
    """TriggerMessageRequest payload (OCPP 1.6)."""

    requested_message: RequestedMessageEnumType = Field(alias="requestedMessage")
    connector_id: Int04 | None = Field(default=None, alias="connectorId")


class TriggerMessageResponse(OcppModel):
    """TriggerMessageResponse payload (OCPP 1.6)."""

    status: TriggerMessageStatusEnumType = Field(alias="status")


class UnlockConnectorRequest(OcppModel):
    """UnlockConnectorRequest payload (OCPP 1.6)."""

    connector_id: Int04 = Field(alias="connectorId")


class UnlockConnectorResponse(OcppModel):
    """UnlockConnectorResponse payload (OCPP 1.6)."""

    status: UnlockConnectorStatusEnumType = Field(alias="status")


class UpdateFirmwareRequest(OcppModel):
    """UpdateFirmwareRequest payload (OCPP 1.6)."""

    location: Str = Field(alias="location")
    retrieve_date: DateTime = Field(alias="retrieveDate")
    retries: Int04 | None = Field(default=None, alias="retries")
    retry_interval: Int04 | None = Field(default=None, alias="retryInterval")


class UpdateFirmwareResponse(OcppModel):
    """UpdateFirmwareResponse payload (OCPP 1.6)."""

    pass


# action -> (request model, response model)
ACTIONS: dict[str, tuple[type[OcppModel], type[OcppModel]]] = {
    "Authorize": (AuthorizeRequest, AuthorizeResponse),
    "BootNotification": (BootNotificationRequest, BootNotificationResponse),
    "CancelReservation": (CancelReservationRequest, CancelReservationResponse),
    "CertificateSigned": (CertificateSignedRequest, CertificateSignedResponse),
    "ChangeAvailability": (ChangeAvailabilityRequest, ChangeAvailabilityResponse),
    "ChangeConfiguration": (ChangeConfigurationRequest, ChangeConfigurationResponse),
    "ClearCache": (ClearCacheRequest, ClearCacheResponse),
    "ClearChargingProfile": (ClearChargingProfileRequest, ClearChargingProfileResponse),
    "DataTransfer": (DataTransferRequest, DataTransferResponse),
    "DeleteCertificate": (DeleteCertificateRequest, DeleteCertificateResponse),
    "DiagnosticsStatusNotification": (DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse),
    "ExtendedTriggerMessage": (ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse),
    "FirmwareStatusNotification": (FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse),
    "GetCompositeSchedule": (GetCompositeScheduleRequest, GetCompositeScheduleResponse),
    "GetConfiguration": (GetConfigurationRequest, GetConfigurationResponse),
    "GetDiagnostics": (GetDiagnosticsRequest, GetDiagnosticsResponse),
    "GetInstalledCertificateIds": (GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse),
    "GetLocalListVersion": (GetLocalListVersionRequest, GetLocalListVersionResponse),
    "GetLog": (GetLogRequest, GetLogResponse),
    "Heartbeat": (HeartbeatRequest, HeartbeatResponse),
    "InstallCertificate": (InstallCertificateRequest, InstallCertificateResponse),
    "LogStatusNotification": (LogStatusNotificationRequest, LogStatusNotificationResponse),
    "MeterValues": (MeterValuesRequest, MeterValuesResponse),
    "RemoteStartTransaction": (RemoteStartTransactionRequest, RemoteStartTransactionResponse),
    "RemoteStopTransaction": (RemoteStopTransactionRequest, RemoteStopTransactionResponse),
    "ReserveNow": (ReserveNowRequest, ReserveNowResponse),
    "Reset": (ResetRequest, ResetResponse),
    "SecurityEventNotification": (SecurityEventNotificationRequest, SecurityEventNotificationResponse),
    "SendLocalList": (SendLocalListRequest, SendLocalListResponse),
    "SetChargingProfile": (SetChargingProfileRequest, SetChargingProfileResponse),
    "SignCertificate": (SignCertificateRequest, SignCertificateResponse),
    "SignedFirmwareStatusNotification": (SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse),
    "SignedUpdateFirmware": (SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse),
    "StartTransaction": (StartTransactionRequest, StartTransactionResponse),
    "StatusNotification": (StatusNotificationRequest, StatusNotificationResponse),
    "StopTransaction": (StopTransactionRequest, StopTransactionResponse),
    "TriggerMessage": (TriggerMessageRequest, TriggerMessageResponse),
    "UnlockConnector": (UnlockConnectorRequest, UnlockConnectorResponse),
    "UpdateFirmware": (UpdateFirmwareRequest, UpdateFirmwareResponse),
}

# Actions a charging station sends (the CSMS answers them; a SEND is not).
CS_TO_CSMS: frozenset[str] = frozenset({
    "Authorize",
    "BootNotification",
    "DataTransfer",
    "DiagnosticsStatusNotification",
    "FirmwareStatusNotification",
    "Heartbeat",
    "LogStatusNotification",
    "MeterValues",
    "SecurityEventNotification",
    "SignCertificate",
    "SignedFirmwareStatusNotification",
    "StartTransaction",
    "StatusNotification",
    "StopTransaction",
})

# Actions the CSMS sends (the charging station answers them).
CSMS_TO_CS: frozenset[str] = frozenset({
    "CancelReservation",
    "CertificateSigned",
    "ChangeAvailability",
    "ChangeConfiguration",
    "ClearCache",
    "ClearChargingProfile",
    "DataTransfer",
    "DeleteCertificate",
    "ExtendedTriggerMessage",
    "GetCompositeSchedule",
    "GetConfiguration",
    "GetDiagnostics",
    "GetInstalledCertificateIds",
    "GetLocalListVersion",
    "GetLog",
    "InstallCertificate",
    "RemoteStartTransaction",
    "RemoteStopTransaction",
    "ReserveNow",
    "Reset",
    "SendLocalList",
    "SetChargingProfile",
    "SignedUpdateFirmware",
    "TriggerMessage",
    "UnlockConnector",
    "UpdateFirmware",
})
