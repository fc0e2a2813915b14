# GENERATED FILE: do not edit by hand.
# Produced by scripts/generate_models.py from the official OCPP 2.0.1 JSON schemas
# (the `ocpp` package, ocpp/v201/schemas).
# tests/unit/protocol/test_models_fresh.py fails when this file is stale.
"""Pydantic models for every OCPP 2.0.1 message: 64 actions, their datatypes and enums.

Fields use snake_case names; the wire (camelCase) name is the alias. Wire payloads are validated
by alias only (``ocppkit.protocol.validation``, ``ocppkit.protocol.versions``); Python code
constructs models by field name. Date-time fields stay strings (so a payload round-trips
unchanged) but must parse as ISO 8601 / RFC 3339.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field

from ocppkit.protocol.model_base import Bool as Bool
from ocppkit.protocol.model_base import CustomDataType as CustomDataType
from ocppkit.protocol.model_base import DateTime as DateTime
from ocppkit.protocol.model_base import Int as Int
from ocppkit.protocol.model_base import Number as Number
from ocppkit.protocol.model_base import OcppModel as OcppModel
from ocppkit.protocol.model_base import Str as Str


# --- Enumerations ---


class APNAuthenticationEnumType(StrEnum):
    CHAP = "CHAP"
    NONE = "NONE"
    PAP = "PAP"
    AUTO = "AUTO"


class AttributeEnumType(StrEnum):
    Actual = "Actual"
    Target = "Target"
    MinSet = "MinSet"
    MaxSet = "MaxSet"


class AuthorizationStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Blocked = "Blocked"
    ConcurrentTx = "ConcurrentTx"
    Expired = "Expired"
    Invalid = "Invalid"
    NoCredit = "NoCredit"
    NotAllowedTypeEVSE = "NotAllowedTypeEVSE"
    NotAtThisLocation = "NotAtThisLocation"
    NotAtThisTime = "NotAtThisTime"
    Unknown = "Unknown"


class AuthorizeCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    SignatureError = "SignatureError"
    CertificateExpired = "CertificateExpired"
    CertificateRevoked = "CertificateRevoked"
    NoCertificateAvailable = "NoCertificateAvailable"
    CertChainError = "CertChainError"
    ContractCancelled = "ContractCancelled"


class BootReasonEnumType(StrEnum):
    ApplicationReset = "ApplicationReset"
    FirmwareUpdate = "FirmwareUpdate"
    LocalReset = "LocalReset"
    PowerUp = "PowerUp"
    RemoteReset = "RemoteReset"
    ScheduledReset = "ScheduledReset"
    Triggered = "Triggered"
    Unknown = "Unknown"
    Watchdog = "Watchdog"


class CancelReservationStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class CertificateActionEnumType(StrEnum):
    Install = "Install"
    Update = "Update"


class CertificateSignedStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class CertificateSigningUseEnumType(StrEnum):
    ChargingStationCertificate = "ChargingStationCertificate"
    V2GCertificate = "V2GCertificate"


class ChangeAvailabilityStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Scheduled = "Scheduled"


class ChargingLimitSourceEnumType(StrEnum):
    EMS = "EMS"
    Other = "Other"
    SO = "SO"
    CSO = "CSO"


class ChargingProfileKindEnumType(StrEnum):
    Absolute = "Absolute"
    Recurring = "Recurring"
    Relative = "Relative"


class ChargingProfilePurposeEnumType(StrEnum):
    ChargingStationExternalConstraints = "ChargingStationExternalConstraints"
    ChargingStationMaxProfile = "ChargingStationMaxProfile"
    TxDefaultProfile = "TxDefaultProfile"
    TxProfile = "TxProfile"


class ChargingProfileStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class ChargingRateUnitEnumType(StrEnum):
    W = "W"
    A = "A"


class ChargingStateEnumType(StrEnum):
    Charging = "Charging"
    EVConnected = "EVConnected"
    SuspendedEV = "SuspendedEV"
    SuspendedEVSE = "SuspendedEVSE"
    Idle = "Idle"


class ClearCacheStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class ClearChargingProfileStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Unknown = "Unknown"


class ClearMessageStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Unknown = "Unknown"


class ClearMonitoringStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotFound = "NotFound"


class ComponentCriterionEnumType(StrEnum):
    Active = "Active"
    Available = "Available"
    Enabled = "Enabled"
    Problem = "Problem"


class ConnectorEnumType(StrEnum):
    cCCS1 = "cCCS1"
    cCCS2 = "cCCS2"
    cG105 = "cG105"
    cTesla = "cTesla"
    cType1 = "cType1"
    cType2 = "cType2"
    s309_1P_16A = "s309-1P-16A"
    s309_1P_32A = "s309-1P-32A"
    s309_3P_16A = "s309-3P-16A"
    s309_3P_32A = "s309-3P-32A"
    sBS1361 = "sBS1361"
    sCEE_7_7 = "sCEE-7-7"
    sType2 = "sType2"
    sType3 = "sType3"
    Other1PhMax16A = "Other1PhMax16A"
    Other1PhOver16A = "Other1PhOver16A"
    Other3Ph = "Other3Ph"
    Pan = "Pan"
    wInductive = "wInductive"
    wResonant = "wResonant"
    Undetermined = "Undetermined"
    Unknown = "Unknown"


class ConnectorStatusEnumType(StrEnum):
    Available = "Available"
    Occupied = "Occupied"
    Reserved = "Reserved"
    Unavailable = "Unavailable"
    Faulted = "Faulted"


class CostKindEnumType(StrEnum):
    CarbonDioxideEmission = "CarbonDioxideEmission"
    RelativePricePercentage = "RelativePricePercentage"
    RenewableGenerationPercentage = "RenewableGenerationPercentage"


class CustomerInformationStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Invalid = "Invalid"


class DataEnumType(StrEnum):
    string = "string"
    decimal = "decimal"
    integer = "integer"
    dateTime = "dateTime"
    boolean = "boolean"
    OptionList = "OptionList"
    SequenceList = "SequenceList"
    MemberList = "MemberList"


class DataTransferStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    UnknownMessageId = "UnknownMessageId"
    UnknownVendorId = "UnknownVendorId"


class DeleteCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"
    NotFound = "NotFound"


class DisplayMessageStatusEnumType(StrEnum):
    Accepted = "Accepted"
    NotSupportedMessageFormat = "NotSupportedMessageFormat"
    Rejected = "Rejected"
    NotSupportedPriority = "NotSupportedPriority"
    NotSupportedState = "NotSupportedState"
    UnknownTransaction = "UnknownTransaction"


class EnergyTransferModeEnumType(StrEnum):
    DC = "DC"
    AC_single_phase = "AC_single_phase"
    AC_two_phase = "AC_two_phase"
    AC_three_phase = "AC_three_phase"


class EventNotificationEnumType(StrEnum):
    HardWiredNotification = "HardWiredNotification"
    HardWiredMonitor = "HardWiredMonitor"
    PreconfiguredMonitor = "PreconfiguredMonitor"
    CustomMonitor = "CustomMonitor"


class EventTriggerEnumType(StrEnum):
    Alerting = "Alerting"
    Delta = "Delta"
    Periodic = "Periodic"


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


class GenericDeviceModelStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotSupported = "NotSupported"
    EmptyResultSet = "EmptyResultSet"


class GenericStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class GetCertificateIdUseEnumType(StrEnum):
    V2GRootCertificate = "V2GRootCertificate"
    MORootCertificate = "MORootCertificate"
    CSMSRootCertificate = "CSMSRootCertificate"
    V2GCertificateChain = "V2GCertificateChain"
    ManufacturerRootCertificate = "ManufacturerRootCertificate"


class GetCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"


class GetChargingProfileStatusEnumType(StrEnum):
    Accepted = "Accepted"
    NoProfiles = "NoProfiles"


class GetDisplayMessagesStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Unknown = "Unknown"


class GetInstalledCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    NotFound = "NotFound"


class GetVariableStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    UnknownComponent = "UnknownComponent"
    UnknownVariable = "UnknownVariable"
    NotSupportedAttributeType = "NotSupportedAttributeType"


class HashAlgorithmEnumType(StrEnum):
    SHA256 = "SHA256"
    SHA384 = "SHA384"
    SHA512 = "SHA512"


class IdTokenEnumType(StrEnum):
    Central = "Central"
    eMAID = "eMAID"
    ISO14443 = "ISO14443"
    ISO15693 = "ISO15693"
    KeyCode = "KeyCode"
    Local = "Local"
    MacAddress = "MacAddress"
    NoAuthorization = "NoAuthorization"


class InstallCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Failed = "Failed"


class InstallCertificateUseEnumType(StrEnum):
    V2GRootCertificate = "V2GRootCertificate"
    MORootCertificate = "MORootCertificate"
    CSMSRootCertificate = "CSMSRootCertificate"
    ManufacturerRootCertificate = "ManufacturerRootCertificate"


class Iso15118EVCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"


class LocationEnumType(StrEnum):
    Body = "Body"
    Cable = "Cable"
    EV = "EV"
    Inlet = "Inlet"
    Outlet = "Outlet"


class LogEnumType(StrEnum):
    DiagnosticsLog = "DiagnosticsLog"
    SecurityLog = "SecurityLog"


class LogStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    AcceptedCanceled = "AcceptedCanceled"


class MeasurandEnumType(StrEnum):
    Current_Export = "Current.Export"
    Current_Import = "Current.Import"
    Current_Offered = "Current.Offered"
    Energy_Active_Export_Register = "Energy.Active.Export.Register"
    Energy_Active_Import_Register = "Energy.Active.Import.Register"
    Energy_Reactive_Export_Register = "Energy.Reactive.Export.Register"
    Energy_Reactive_Import_Register = "Energy.Reactive.Import.Register"
    Energy_Active_Export_Interval = "Energy.Active.Export.Interval"
    Energy_Active_Import_Interval = "Energy.Active.Import.Interval"
    Energy_Active_Net = "Energy.Active.Net"
    Energy_Reactive_Export_Interval = "Energy.Reactive.Export.Interval"
    Energy_Reactive_Import_Interval = "Energy.Reactive.Import.Interval"
    Energy_Reactive_Net = "Energy.Reactive.Net"
    Energy_Apparent_Net = "Energy.Apparent.Net"
    Energy_Apparent_Import = "Energy.Apparent.Import"
    Energy_Apparent_Export = "Energy.Apparent.Export"
    Frequency = "Frequency"
    Power_Active_Export = "Power.Active.Export"
    Power_Active_Import = "Power.Active.Import"
    Power_Factor = "Power.Factor"
    Power_Offered = "Power.Offered"
    Power_Reactive_Export = "Power.Reactive.Export"
    Power_Reactive_Import = "Power.Reactive.Import"
    SoC = "SoC"
    Voltage = "Voltage"


class MessageFormatEnumType(StrEnum):
    ASCII = "ASCII"
    HTML = "HTML"
    URI = "URI"
    UTF8 = "UTF8"


class MessagePriorityEnumType(StrEnum):
    AlwaysFront = "AlwaysFront"
    InFront = "InFront"
    NormalCycle = "NormalCycle"


class MessageStateEnumType(StrEnum):
    Charging = "Charging"
    Faulted = "Faulted"
    Idle = "Idle"
    Unavailable = "Unavailable"


class MessageTriggerEnumType(StrEnum):
    BootNotification = "BootNotification"
    LogStatusNotification = "LogStatusNotification"
    FirmwareStatusNotification = "FirmwareStatusNotification"
    Heartbeat = "Heartbeat"
    MeterValues = "MeterValues"
    SignChargingStationCertificate = "SignChargingStationCertificate"
    SignV2GCertificate = "SignV2GCertificate"
    StatusNotification = "StatusNotification"
    TransactionEvent = "TransactionEvent"
    SignCombinedCertificate = "SignCombinedCertificate"
    PublishFirmwareStatusNotification = "PublishFirmwareStatusNotification"


class MonitorEnumType(StrEnum):
    UpperThreshold = "UpperThreshold"
    LowerThreshold = "LowerThreshold"
    Delta = "Delta"
    Periodic = "Periodic"
    PeriodicClockAligned = "PeriodicClockAligned"


class MonitoringBaseEnumType(StrEnum):
    All = "All"
    FactoryDefault = "FactoryDefault"
    HardWiredOnly = "HardWiredOnly"


class MonitoringCriterionEnumType(StrEnum):
    ThresholdMonitoring = "ThresholdMonitoring"
    DeltaMonitoring = "DeltaMonitoring"
    PeriodicMonitoring = "PeriodicMonitoring"


class MutabilityEnumType(StrEnum):
    ReadOnly = "ReadOnly"
    WriteOnly = "WriteOnly"
    ReadWrite = "ReadWrite"


class NotifyEVChargingNeedsStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Processing = "Processing"


class OCPPInterfaceEnumType(StrEnum):
    Wired0 = "Wired0"
    Wired1 = "Wired1"
    Wired2 = "Wired2"
    Wired3 = "Wired3"
    Wireless0 = "Wireless0"
    Wireless1 = "Wireless1"
    Wireless2 = "Wireless2"
    Wireless3 = "Wireless3"


class OCPPTransportEnumType(StrEnum):
    JSON = "JSON"
    SOAP = "SOAP"


class OCPPVersionEnumType(StrEnum):
    OCPP12 = "OCPP12"
    OCPP15 = "OCPP15"
    OCPP16 = "OCPP16"
    OCPP20 = "OCPP20"


class OperationalStatusEnumType(StrEnum):
    Inoperative = "Inoperative"
    Operative = "Operative"


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


class PublishFirmwareStatusEnumType(StrEnum):
    Idle = "Idle"
    DownloadScheduled = "DownloadScheduled"
    Downloading = "Downloading"
    Downloaded = "Downloaded"
    Published = "Published"
    DownloadFailed = "DownloadFailed"
    DownloadPaused = "DownloadPaused"
    InvalidChecksum = "InvalidChecksum"
    ChecksumVerified = "ChecksumVerified"
    PublishFailed = "PublishFailed"


class ReadingContextEnumType(StrEnum):
    Interruption_Begin = "Interruption.Begin"
    Interruption_End = "Interruption.End"
    Other = "Other"
    Sample_Clock = "Sample.Clock"
    Sample_Periodic = "Sample.Periodic"
    Transaction_Begin = "Transaction.Begin"
    Transaction_End = "Transaction.End"
    Trigger = "Trigger"


class ReasonEnumType(StrEnum):
    DeAuthorized = "DeAuthorized"
    EmergencyStop = "EmergencyStop"
    EnergyLimitReached = "EnergyLimitReached"
    EVDisconnected = "EVDisconnected"
    GroundFault = "GroundFault"
    ImmediateReset = "ImmediateReset"
    Local = "Local"
    LocalOutOfCredit = "LocalOutOfCredit"
    MasterPass = "MasterPass"
    Other = "Other"
    OvercurrentFault = "OvercurrentFault"
    PowerLoss = "PowerLoss"
    PowerQuality = "PowerQuality"
    Reboot = "Reboot"
    Remote = "Remote"
    SOCLimitReached = "SOCLimitReached"
    StoppedByEV = "StoppedByEV"
    TimeLimitReached = "TimeLimitReached"
    Timeout = "Timeout"


class RecurrencyKindEnumType(StrEnum):
    Daily = "Daily"
    Weekly = "Weekly"


class RegistrationStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Pending = "Pending"
    Rejected = "Rejected"


class ReportBaseEnumType(StrEnum):
    ConfigurationInventory = "ConfigurationInventory"
    FullInventory = "FullInventory"
    SummaryInventory = "SummaryInventory"


class RequestStartStopStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class ReservationUpdateStatusEnumType(StrEnum):
    Expired = "Expired"
    Removed = "Removed"


class ReserveNowStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Faulted = "Faulted"
    Occupied = "Occupied"
    Rejected = "Rejected"
    Unavailable = "Unavailable"


class ResetEnumType(StrEnum):
    Immediate = "Immediate"
    OnIdle = "OnIdle"


class ResetStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Scheduled = "Scheduled"


class SendLocalListStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"
    VersionMismatch = "VersionMismatch"


class SetMonitoringStatusEnumType(StrEnum):
    Accepted = "Accepted"
    UnknownComponent = "UnknownComponent"
    UnknownVariable = "UnknownVariable"
    UnsupportedMonitorType = "UnsupportedMonitorType"
    Rejected = "Rejected"
    Duplicate = "Duplicate"


class SetNetworkProfileStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Failed = "Failed"


class SetVariableStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    UnknownComponent = "UnknownComponent"
    UnknownVariable = "UnknownVariable"
    NotSupportedAttributeType = "NotSupportedAttributeType"
    RebootRequired = "RebootRequired"


class TransactionEventEnumType(StrEnum):
    Ended = "Ended"
    Started = "Started"
    Updated = "Updated"


class TriggerMessageStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotImplemented = "NotImplemented"


class TriggerReasonEnumType(StrEnum):
    Authorized = "Authorized"
    CablePluggedIn = "CablePluggedIn"
    ChargingRateChanged = "ChargingRateChanged"
    ChargingStateChanged = "ChargingStateChanged"
    Deauthorized = "Deauthorized"
    EnergyLimitReached = "EnergyLimitReached"
    EVCommunicationLost = "EVCommunicationLost"
    EVConnectTimeout = "EVConnectTimeout"
    MeterValueClock = "MeterValueClock"
    MeterValuePeriodic = "MeterValuePeriodic"
    TimeLimitReached = "TimeLimitReached"
    Trigger = "Trigger"
    UnlockCommand = "UnlockCommand"
    StopAuthorized = "StopAuthorized"
    EVDeparted = "EVDeparted"
    EVDetected = "EVDetected"
    RemoteStop = "RemoteStop"
    RemoteStart = "RemoteStart"
    AbnormalCondition = "AbnormalCondition"
    SignedDataReceived = "SignedDataReceived"
    ResetCommand = "ResetCommand"


class UnlockStatusEnumType(StrEnum):
    Unlocked = "Unlocked"
    UnlockFailed = "UnlockFailed"
    OngoingAuthorizedTransaction = "OngoingAuthorizedTransaction"
    UnknownConnector = "UnknownConnector"


class UnpublishFirmwareStatusEnumType(StrEnum):
    DownloadOngoing = "DownloadOngoing"
    NoFirmware = "NoFirmware"
    Unpublished = "Unpublished"


class UpdateEnumType(StrEnum):
    Differential = "Differential"
    Full = "Full"


class UpdateFirmwareStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    AcceptedCanceled = "AcceptedCanceled"
    InvalidCertificate = "InvalidCertificate"
    RevokedCertificate = "RevokedCertificate"


class UploadLogStatusEnumType(StrEnum):
    BadMessage = "BadMessage"
    Idle = "Idle"
    NotSupportedOperation = "NotSupportedOperation"
    PermissionDenied = "PermissionDenied"
    Uploaded = "Uploaded"
    UploadFailure = "UploadFailure"
    Uploading = "Uploading"
    AcceptedCanceled = "AcceptedCanceled"


class VPNEnumType(StrEnum):
    IKEv2 = "IKEv2"
    IPSec = "IPSec"
    L2TP = "L2TP"
    PPTP = "PPTP"


# --- Datatypes ---


class ACChargingParametersType(OcppModel):
    """AC_ Charging_ Parameters"""

    energy_amount: Int = Field(alias="energyAmount")
    ev_min_current: Int = Field(alias="evMinCurrent")
    ev_max_current: Int = Field(alias="evMaxCurrent")
    ev_max_voltage: Int = Field(alias="evMaxVoltage")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class APNType(OcppModel):
    """APN"""

    apn: Annotated[Str, Field(max_length=512)] = Field(alias="apn")
    apn_authentication: APNAuthenticationEnumType = Field(alias="apnAuthentication")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    apn_user_name: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="apnUserName")
    apn_password: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="apnPassword")
    sim_pin: Int | None = Field(default=None, alias="simPin")
    preferred_network: Annotated[Str, Field(max_length=6)] | None = Field(default=None, alias="preferredNetwork")
    use_only_preferred_network: Bool | None = Field(default=False, alias="useOnlyPreferredNetwork")


class AdditionalInfoType(OcppModel):
    """Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers."""

    additional_id_token: Annotated[Str, Field(max_length=36)] = Field(alias="additionalIdToken")
    type: Annotated[Str, Field(max_length=50)] = Field(alias="type")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AuthorizationData(OcppModel):
    """Contains the identifier to use for authorization."""

    id_token: IdTokenType = Field(alias="idToken")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    id_token_info: IdTokenInfoType | None = Field(default=None, alias="idTokenInfo")


class CertificateHashDataChainType(OcppModel):
    """CertificateHashDataChainType"""

    certificate_hash_data: CertificateHashDataType = Field(alias="certificateHashData")
    certificate_type: GetCertificateIdUseEnumType = Field(alias="certificateType")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    child_certificate_hash_data: Annotated[list[CertificateHashDataType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="childCertificateHashData")


class CertificateHashDataType(OcppModel):
    """CertificateHashDataType"""

    hash_algorithm: HashAlgorithmEnumType = Field(alias="hashAlgorithm")
    issuer_name_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerNameHash")
    issuer_key_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerKeyHash")
    serial_number: Annotated[Str, Field(max_length=40)] = Field(alias="serialNumber")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingLimitType(OcppModel):
    """Charging_ Limit"""

    charging_limit_source: ChargingLimitSourceEnumType = Field(alias="chargingLimitSource")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    is_grid_critical: Bool | None = Field(default=None, alias="isGridCritical")


class ChargingNeedsType(OcppModel):
    """Charging_ Needs"""

    requested_energy_transfer: EnergyTransferModeEnumType = Field(alias="requestedEnergyTransfer")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    ac_charging_parameters: ACChargingParametersType | None = Field(default=None, alias="acChargingParameters")
    dc_charging_parameters: DCChargingParametersType | None = Field(default=None, alias="dcChargingParameters")
    departure_time: DateTime | None = Field(default=None, alias="departureTime")


class ChargingProfileCriterionType(OcppModel):
    """Charging_ Profile"""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    charging_profile_purpose: ChargingProfilePurposeEnumType | None = Field(default=None, alias="chargingProfilePurpose")
    stack_level: Int | None = Field(default=None, alias="stackLevel")
    charging_profile_id: Annotated[list[Int], Field(min_length=1)] | None = Field(default=None, alias="chargingProfileId")
    charging_limit_source: Annotated[list[ChargingLimitSourceEnumType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="chargingLimitSource")


class ChargingProfileType(OcppModel):
    """Charging_ Profile"""

    id: Int = Field(alias="id")
    stack_level: Int = Field(alias="stackLevel")
    charging_profile_purpose: ChargingProfilePurposeEnumType = Field(alias="chargingProfilePurpose")
    charging_profile_kind: ChargingProfileKindEnumType = Field(alias="chargingProfileKind")
    charging_schedule: Annotated[list[ChargingScheduleType], Field(min_length=1, max_length=3)] = Field(alias="chargingSchedule")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    recurrency_kind: RecurrencyKindEnumType | None = Field(default=None, alias="recurrencyKind")
    valid_from: DateTime | None = Field(default=None, alias="validFrom")
    valid_to: DateTime | None = Field(default=None, alias="validTo")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")


class ChargingSchedulePeriodType(OcppModel):
    """Charging_ Schedule_ Period"""

    start_period: Int = Field(alias="startPeriod")
    limit: Number = Field(alias="limit")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    number_phases: Int | None = Field(default=None, alias="numberPhases")
    phase_to_use: Int | None = Field(default=None, alias="phaseToUse")


class ChargingScheduleType(OcppModel):
    """Charging_ Schedule"""

    id: Int = Field(alias="id")
    charging_rate_unit: ChargingRateUnitEnumType = Field(alias="chargingRateUnit")
    charging_schedule_period: Annotated[list[ChargingSchedulePeriodType], Field(min_length=1, max_length=1024)] = Field(alias="chargingSchedulePeriod")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    start_schedule: DateTime | None = Field(default=None, alias="startSchedule")
    duration: Int | None = Field(default=None, alias="duration")
    min_charging_rate: Number | None = Field(default=None, alias="minChargingRate")
    sales_tariff: SalesTariffType | None = Field(default=None, alias="salesTariff")


class ChargingStationType(OcppModel):
    """Charge_ Point"""

    model: Annotated[Str, Field(max_length=20)] = Field(alias="model")
    vendor_name: Annotated[Str, Field(max_length=50)] = Field(alias="vendorName")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    serial_number: Annotated[Str, Field(max_length=25)] | None = Field(default=None, alias="serialNumber")
    modem: ModemType | None = Field(default=None, alias="modem")
    firmware_version: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="firmwareVersion")


class ClearChargingProfileType(OcppModel):
    """Charging_ Profile"""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse_id: Int | None = Field(default=None, alias="evseId")
    charging_profile_purpose: ChargingProfilePurposeEnumType | None = Field(default=None, alias="chargingProfilePurpose")
    stack_level: Int | None = Field(default=None, alias="stackLevel")


class ClearMonitoringResultType(OcppModel):
    """ClearMonitoringResultType"""

    status: ClearMonitoringStatusEnumType = Field(alias="status")
    id: Int = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ComponentType(OcppModel):
    """A physical or logical component"""

    name: Annotated[Str, Field(max_length=50)] = Field(alias="name")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse: EVSEType | None = Field(default=None, alias="evse")
    instance: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="instance")


class ComponentVariableType(OcppModel):
    """Class to report components, variables and variable attributes and characteristics."""

    component: ComponentType = Field(alias="component")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    variable: VariableType | None = Field(default=None, alias="variable")


class CompositeScheduleType(OcppModel):
    """Composite_ Schedule"""

    charging_schedule_period: Annotated[list[ChargingSchedulePeriodType], Field(min_length=1)] = Field(alias="chargingSchedulePeriod")
    evse_id: Int = Field(alias="evseId")
    duration: Int = Field(alias="duration")
    schedule_start: DateTime = Field(alias="scheduleStart")
    charging_rate_unit: ChargingRateUnitEnumType = Field(alias="chargingRateUnit")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ConsumptionCostType(OcppModel):
    """Consumption_ Cost"""

    start_value: Number = Field(alias="startValue")
    cost: Annotated[list[CostType], Field(min_length=1, max_length=3)] = Field(alias="cost")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostType(OcppModel):
    """Cost"""

    cost_kind: CostKindEnumType = Field(alias="costKind")
    amount: Int = Field(alias="amount")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    amount_multiplier: Int | None = Field(default=None, alias="amountMultiplier")


class DCChargingParametersType(OcppModel):
    """DC_ Charging_ Parameters"""

    ev_max_current: Int = Field(alias="evMaxCurrent")
    ev_max_voltage: Int = Field(alias="evMaxVoltage")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    energy_amount: Int | None = Field(default=None, alias="energyAmount")
    ev_max_power: Int | None = Field(default=None, alias="evMaxPower")
    state_of_charge: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="stateOfCharge")
    ev_energy_capacity: Int | None = Field(default=None, alias="evEnergyCapacity")
    full_soc: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="fullSoC")
    bulk_soc: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="bulkSoC")


class EVSEType(OcppModel):
    """EVSE"""

    id: Int = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    connector_id: Int | None = Field(default=None, alias="connectorId")


class EventDataType(OcppModel):
    """Class to report an event notification for a component-variable."""

    event_id: Int = Field(alias="eventId")
    timestamp: DateTime = Field(alias="timestamp")
    trigger: EventTriggerEnumType = Field(alias="trigger")
    actual_value: Annotated[Str, Field(max_length=2500)] = Field(alias="actualValue")
    component: ComponentType = Field(alias="component")
    event_notification_type: EventNotificationEnumType = Field(alias="eventNotificationType")
    variable: VariableType = Field(alias="variable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    cause: Int | None = Field(default=None, alias="cause")
    tech_code: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="techCode")
    tech_info: Annotated[Str, Field(max_length=500)] | None = Field(default=None, alias="techInfo")
    cleared: Bool | None = Field(default=None, alias="cleared")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")
    variable_monitoring_id: Int | None = Field(default=None, alias="variableMonitoringId")


class FirmwareType(OcppModel):
    """Firmware"""

    location: Annotated[Str, Field(max_length=512)] = Field(alias="location")
    retrieve_date_time: DateTime = Field(alias="retrieveDateTime")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    install_date_time: DateTime | None = Field(default=None, alias="installDateTime")
    signing_certificate: Annotated[Str, Field(max_length=5500)] | None = Field(default=None, alias="signingCertificate")
    signature: Annotated[Str, Field(max_length=800)] | None = Field(default=None, alias="signature")


class GetVariableDataType(OcppModel):
    """Class to hold parameters for GetVariables request."""

    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")


class GetVariableResultType(OcppModel):
    """Class to hold results of GetVariables request."""

    attribute_status: GetVariableStatusEnumType = Field(alias="attributeStatus")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    attribute_status_info: StatusInfoType | None = Field(default=None, alias="attributeStatusInfo")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")
    attribute_value: Annotated[Str, Field(max_length=2500)] | None = Field(default=None, alias="attributeValue")


class IdTokenInfoType(OcppModel):
    """ID_ Token"""

    status: AuthorizationStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    cache_expiry_date_time: DateTime | None = Field(default=None, alias="cacheExpiryDateTime")
    charging_priority: Int | None = Field(default=None, alias="chargingPriority")
    language1: Annotated[Str, Field(max_length=8)] | None = Field(default=None, alias="language1")
    evse_id: Annotated[list[Int], Field(min_length=1)] | None = Field(default=None, alias="evseId")
    group_id_token: IdTokenType | None = Field(default=None, alias="groupIdToken")
    language2: Annotated[Str, Field(max_length=8)] | None = Field(default=None, alias="language2")
    personal_message: MessageContentType | None = Field(default=None, alias="personalMessage")


class IdTokenType(OcppModel):
    """Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers."""

    id_token: Annotated[Str, Field(max_length=36)] = Field(alias="idToken")
    type: IdTokenEnumType = Field(alias="type")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    additional_info: Annotated[list[AdditionalInfoType], Field(min_length=1)] | None = Field(default=None, alias="additionalInfo")


class LogParametersType(OcppModel):
    """Log"""

    remote_location: Annotated[Str, Field(max_length=512)] = Field(alias="remoteLocation")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    oldest_timestamp: DateTime | None = Field(default=None, alias="oldestTimestamp")
    latest_timestamp: DateTime | None = Field(default=None, alias="latestTimestamp")


class MessageContentType(OcppModel):
    """Message_ Content"""

    format: MessageFormatEnumType = Field(alias="format")
    content: Annotated[Str, Field(max_length=512)] = Field(alias="content")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    language: Annotated[Str, Field(max_length=8)] | None = Field(default=None, alias="language")


class MessageInfoType(OcppModel):
    """Message_ Info"""

    id: Int = Field(alias="id")
    priority: MessagePriorityEnumType = Field(alias="priority")
    message: MessageContentType = Field(alias="message")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    display: ComponentType | None = Field(default=None, alias="display")
    state: MessageStateEnumType | None = Field(default=None, alias="state")
    start_date_time: DateTime | None = Field(default=None, alias="startDateTime")
    end_date_time: DateTime | None = Field(default=None, alias="endDateTime")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")


class MeterValueType(OcppModel):
    """Meter_ Value"""

    sampled_value: Annotated[list[SampledValueType], Field(min_length=1)] = Field(alias="sampledValue")
    timestamp: DateTime = Field(alias="timestamp")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ModemType(OcppModel):
    """Wireless_ Communication_ Module"""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    iccid: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="iccid")
    imsi: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="imsi")


class MonitoringDataType(OcppModel):
    """Class to hold parameters of SetVariableMonitoring request."""

    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    variable_monitoring: Annotated[list[VariableMonitoringType], Field(min_length=1)] = Field(alias="variableMonitoring")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NetworkConnectionProfileType(OcppModel):
    """Communication_ Function"""

    ocpp_version: OCPPVersionEnumType = Field(alias="ocppVersion")
    ocpp_transport: OCPPTransportEnumType = Field(alias="ocppTransport")
    ocpp_csms_url: Annotated[Str, Field(max_length=512)] = Field(alias="ocppCsmsUrl")
    message_timeout: Int = Field(alias="messageTimeout")
    security_profile: Int = Field(alias="securityProfile")
    ocpp_interface: OCPPInterfaceEnumType = Field(alias="ocppInterface")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    apn: APNType | None = Field(default=None, alias="apn")
    vpn: VPNType | None = Field(default=None, alias="vpn")


class OCSPRequestDataType(OcppModel):
    """OCSPRequestDataType"""

    hash_algorithm: HashAlgorithmEnumType = Field(alias="hashAlgorithm")
    issuer_name_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerNameHash")
    issuer_key_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerKeyHash")
    serial_number: Annotated[Str, Field(max_length=40)] = Field(alias="serialNumber")
    responder_url: Annotated[Str, Field(max_length=512)] = Field(alias="responderURL")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RelativeTimeIntervalType(OcppModel):
    """Relative_ Timer_ Interval"""

    start: Int = Field(alias="start")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    duration: Int | None = Field(default=None, alias="duration")


class ReportDataType(OcppModel):
    """Class to report components, variables and variable attributes and characteristics."""

    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    variable_attribute: Annotated[list[VariableAttributeType], Field(min_length=1, max_length=4)] = Field(alias="variableAttribute")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    variable_characteristics: VariableCharacteristicsType | None = Field(default=None, alias="variableCharacteristics")


class SalesTariffEntryType(OcppModel):
    """Sales_ Tariff_ Entry"""

    relative_time_interval: RelativeTimeIntervalType = Field(alias="relativeTimeInterval")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    e_price_level: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="ePriceLevel")
    consumption_cost: Annotated[list[ConsumptionCostType], Field(min_length=1, max_length=3)] | None = Field(default=None, alias="consumptionCost")


class SalesTariffType(OcppModel):
    """Sales_ Tariff"""

    id: Int = Field(alias="id")
    sales_tariff_entry: Annotated[list[SalesTariffEntryType], Field(min_length=1, max_length=1024)] = Field(alias="salesTariffEntry")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    sales_tariff_description: Annotated[Str, Field(max_length=32)] | None = Field(default=None, alias="salesTariffDescription")
    num_e_price_levels: Int | None = Field(default=None, alias="numEPriceLevels")


class SampledValueType(OcppModel):
    """Sampled_ Value"""

    value: Number = Field(alias="value")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    context: ReadingContextEnumType | None = Field(default=ReadingContextEnumType.Sample_Periodic, alias="context")
    measurand: MeasurandEnumType | None = Field(default=MeasurandEnumType.Energy_Active_Import_Register, alias="measurand")
    phase: PhaseEnumType | None = Field(default=None, alias="phase")
    location: LocationEnumType | None = Field(default=LocationEnumType.Outlet, alias="location")
    signed_meter_value: SignedMeterValueType | None = Field(default=None, alias="signedMeterValue")
    unit_of_measure: UnitOfMeasureType | None = Field(default=None, alias="unitOfMeasure")


class SetMonitoringDataType(OcppModel):
    """Class to hold parameters of SetVariableMonitoring request."""

    value: Number = Field(alias="value")
    type: MonitorEnumType = Field(alias="type")
    severity: Int = Field(alias="severity")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    id: Int | None = Field(default=None, alias="id")
    transaction: Bool | None = Field(default=False, alias="transaction")


class SetMonitoringResultType(OcppModel):
    """Class to hold result of SetVariableMonitoring request."""

    status: SetMonitoringStatusEnumType = Field(alias="status")
    type: MonitorEnumType = Field(alias="type")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    severity: Int = Field(alias="severity")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    id: Int | None = Field(default=None, alias="id")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SetVariableDataType(OcppModel):
    """SetVariableDataType"""

    attribute_value: Annotated[Str, Field(max_length=1000)] = Field(alias="attributeValue")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")


class SetVariableResultType(OcppModel):
    """SetVariableResultType"""

    attribute_status: SetVariableStatusEnumType = Field(alias="attributeStatus")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")
    attribute_status_info: StatusInfoType | None = Field(default=None, alias="attributeStatusInfo")


class SignedMeterValueType(OcppModel):
    """Represent a signed version of the meter value."""

    signed_meter_data: Annotated[Str, Field(max_length=2500)] = Field(alias="signedMeterData")
    signing_method: Annotated[Str, Field(max_length=50)] = Field(alias="signingMethod")
    encoding_method: Annotated[Str, Field(max_length=50)] = Field(alias="encodingMethod")
    public_key: Annotated[Str, Field(max_length=2500)] = Field(alias="publicKey")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class StatusInfoType(OcppModel):
    """Element providing more information about the status."""

    reason_code: Annotated[Str, Field(max_length=20)] = Field(alias="reasonCode")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    additional_info: Annotated[Str, Field(max_length=512)] | None = Field(default=None, alias="additionalInfo")


class TransactionType(OcppModel):
    """Transaction"""

    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    charging_state: ChargingStateEnumType | None = Field(default=None, alias="chargingState")
    time_spent_charging: Int | None = Field(default=None, alias="timeSpentCharging")
    stopped_reason: ReasonEnumType | None = Field(default=None, alias="stoppedReason")
    remote_start_id: Int | None = Field(default=None, alias="remoteStartId")


class UnitOfMeasureType(OcppModel):
    """Represents a UnitOfMeasure with a multiplier"""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    unit: Annotated[Str, Field(max_length=20)] | None = Field(default='Wh', alias="unit")
    multiplier: Int | None = Field(default=0, alias="multiplier")


class VPNType(OcppModel):
    """VPN"""

    server: Annotated[Str, Field(max_length=512)] = Field(alias="server")
    user: Annotated[Str, Field(max_length=20)] = Field(alias="user")
    password: Annotated[Str, Field(max_length=20)] = Field(alias="password")
    key: Annotated[Str, Field(max_length=255)] = Field(alias="key")
    type: VPNEnumType = Field(alias="type")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    group: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="group")


class VariableAttributeType(OcppModel):
    """Attribute data of a variable."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="type")
    value: Annotated[Str, Field(max_length=2500)] | None = Field(default=None, alias="value")
    mutability: MutabilityEnumType | None = Field(default=MutabilityEnumType.ReadWrite, alias="mutability")
    persistent: Bool | None = Field(default=False, alias="persistent")
    constant: Bool | None = Field(default=False, alias="constant")


class VariableCharacteristicsType(OcppModel):
    """Fixed read-only parameters of a variable."""

    data_type: DataEnumType = Field(alias="dataType")
    supports_monitoring: Bool = Field(alias="supportsMonitoring")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    unit: Annotated[Str, Field(max_length=16)] | None = Field(default=None, alias="unit")
    min_limit: Number | None = Field(default=None, alias="minLimit")
    max_limit: Number | None = Field(default=None, alias="maxLimit")
    values_list: Annotated[Str, Field(max_length=1000)] | None = Field(default=None, alias="valuesList")


class VariableMonitoringType(OcppModel):
    """A monitoring setting for a variable."""

    id: Int = Field(alias="id")
    transaction: Bool = Field(alias="transaction")
    value: Number = Field(alias="value")
    type: MonitorEnumType = Field(alias="type")
    severity: Int = Field(alias="severity")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VariableType(OcppModel):
    """Reference key to a component-variable."""

    name: Annotated[Str, Field(max_length=50)] = Field(alias="name")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    instance: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="instance")


# --- Messages: one Request and one Response per action ---


class AuthorizeRequest(OcppModel):
    """AuthorizeRequest payload (OCPP 2.0.1)."""

    id_token: IdTokenType = Field(alias="idToken")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    certificate: Annotated[Str, Field(max_length=5500)] | None = Field(default=None, alias="certificate")
    iso15118_certificate_hash_data: Annotated[list[OCSPRequestDataType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="iso15118CertificateHashData")


class AuthorizeResponse(OcppModel):
    """AuthorizeResponse payload (OCPP 2.0.1)."""

    id_token_info: IdTokenInfoType = Field(alias="idTokenInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    certificate_status: AuthorizeCertificateStatusEnumType | None = Field(default=None, alias="certificateStatus")


class BootNotificationRequest(OcppModel):
    """BootNotificationRequest payload (OCPP 2.0.1)."""

    charging_station: ChargingStationType = Field(alias="chargingStation")
    reason: BootReasonEnumType = Field(alias="reason")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class BootNotificationResponse(OcppModel):
    """BootNotificationResponse payload (OCPP 2.0.1)."""

    current_time: DateTime = Field(alias="currentTime")
    interval: Int = Field(alias="interval")
    status: RegistrationStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class CancelReservationRequest(OcppModel):
    """CancelReservationRequest payload (OCPP 2.0.1)."""

    reservation_id: Int = Field(alias="reservationId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CancelReservationResponse(OcppModel):
    """CancelReservationResponse payload (OCPP 2.0.1)."""

    status: CancelReservationStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class CertificateSignedRequest(OcppModel):
    """CertificateSignedRequest payload (OCPP 2.0.1)."""

    certificate_chain: Annotated[Str, Field(max_length=10000)] = Field(alias="certificateChain")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    certificate_type: CertificateSigningUseEnumType | None = Field(default=None, alias="certificateType")


class CertificateSignedResponse(OcppModel):
    """CertificateSignedResponse payload (OCPP 2.0.1)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ChangeAvailabilityRequest(OcppModel):
    """ChangeAvailabilityRequest payload (OCPP 2.0.1)."""

    operational_status: OperationalStatusEnumType = Field(alias="operationalStatus")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse: EVSEType | None = Field(default=None, alias="evse")


class ChangeAvailabilityResponse(OcppModel):
    """ChangeAvailabilityResponse payload (OCPP 2.0.1)."""

    status: ChangeAvailabilityStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ClearCacheRequest(OcppModel):
    """ClearCacheRequest payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearCacheResponse(OcppModel):
    """ClearCacheResponse payload (OCPP 2.0.1)."""

    status: ClearCacheStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ClearChargingProfileRequest(OcppModel):
    """ClearChargingProfileRequest payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    charging_profile_id: Int | None = Field(default=None, alias="chargingProfileId")
    charging_profile_criteria: ClearChargingProfileType | None = Field(default=None, alias="chargingProfileCriteria")


class ClearChargingProfileResponse(OcppModel):
    """ClearChargingProfileResponse payload (OCPP 2.0.1)."""

    status: ClearChargingProfileStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ClearDisplayMessageRequest(OcppModel):
    """ClearDisplayMessageRequest payload (OCPP 2.0.1)."""

    id: Int = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearDisplayMessageResponse(OcppModel):
    """ClearDisplayMessageResponse payload (OCPP 2.0.1)."""

    status: ClearMessageStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ClearVariableMonitoringRequest(OcppModel):
    """ClearVariableMonitoringRequest payload (OCPP 2.0.1)."""

    id: Annotated[list[Int], Field(min_length=1)] = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearVariableMonitoringResponse(OcppModel):
    """ClearVariableMonitoringResponse payload (OCPP 2.0.1)."""

    clear_monitoring_result: Annotated[list[ClearMonitoringResultType], Field(min_length=1)] = Field(alias="clearMonitoringResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearedChargingLimitRequest(OcppModel):
    """ClearedChargingLimitRequest payload (OCPP 2.0.1)."""

    charging_limit_source: ChargingLimitSourceEnumType = Field(alias="chargingLimitSource")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse_id: Int | None = Field(default=None, alias="evseId")


class ClearedChargingLimitResponse(OcppModel):
    """ClearedChargingLimitResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostUpdatedRequest(OcppModel):
    """CostUpdatedRequest payload (OCPP 2.0.1)."""

    total_cost: Number = Field(alias="totalCost")
    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostUpdatedResponse(OcppModel):
    """CostUpdatedResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CustomerInformationRequest(OcppModel):
    """CustomerInformationRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    report: Bool = Field(alias="report")
    clear: Bool = Field(alias="clear")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    customer_certificate: CertificateHashDataType | None = Field(default=None, alias="customerCertificate")
    id_token: IdTokenType | None = Field(default=None, alias="idToken")
    customer_identifier: Annotated[Str, Field(max_length=64)] | None = Field(default=None, alias="customerIdentifier")


class CustomerInformationResponse(OcppModel):
    """CustomerInformationResponse payload (OCPP 2.0.1)."""

    status: CustomerInformationStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class DataTransferRequest(OcppModel):
    """DataTransferRequest payload (OCPP 2.0.1)."""

    vendor_id: Annotated[Str, Field(max_length=255)] = Field(alias="vendorId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    message_id: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="messageId")
    data: Any = Field(default=None, alias="data")


class DataTransferResponse(OcppModel):
    """DataTransferResponse payload (OCPP 2.0.1)."""

    status: DataTransferStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    data: Any = Field(default=None, alias="data")


class DeleteCertificateRequest(OcppModel):
    """DeleteCertificateRequest payload (OCPP 2.0.1)."""

    certificate_hash_data: CertificateHashDataType = Field(alias="certificateHashData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DeleteCertificateResponse(OcppModel):
    """DeleteCertificateResponse payload (OCPP 2.0.1)."""

    status: DeleteCertificateStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class FirmwareStatusNotificationRequest(OcppModel):
    """FirmwareStatusNotificationRequest payload (OCPP 2.0.1)."""

    status: FirmwareStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    request_id: Int | None = Field(default=None, alias="requestId")


class FirmwareStatusNotificationResponse(OcppModel):
    """FirmwareStatusNotificationResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class Get15118EVCertificateRequest(OcppModel):
    """Get15118EVCertificateRequest payload (OCPP 2.0.1)."""

    iso15118_schema_version: Annotated[Str, Field(max_length=50)] = Field(alias="iso15118SchemaVersion")
    action: CertificateActionEnumType = Field(alias="action")
    exi_request: Annotated[Str, Field(max_length=5600)] = Field(alias="exiRequest")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class Get15118EVCertificateResponse(OcppModel):
    """Get15118EVCertificateResponse payload (OCPP 2.0.1)."""

    status: Iso15118EVCertificateStatusEnumType = Field(alias="status")
    exi_response: Annotated[Str, Field(max_length=7500)] = Field(alias="exiResponse")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class GetBaseReportRequest(OcppModel):
    """GetBaseReportRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    report_base: ReportBaseEnumType = Field(alias="reportBase")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetBaseReportResponse(OcppModel):
    """GetBaseReportResponse payload (OCPP 2.0.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class GetCertificateStatusRequest(OcppModel):
    """GetCertificateStatusRequest payload (OCPP 2.0.1)."""

    ocsp_request_data: OCSPRequestDataType = Field(alias="ocspRequestData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetCertificateStatusResponse(OcppModel):
    """GetCertificateStatusResponse payload (OCPP 2.0.1)."""

    status: GetCertificateStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    ocsp_result: Annotated[Str, Field(max_length=5500)] | None = Field(default=None, alias="ocspResult")


class GetChargingProfilesRequest(OcppModel):
    """GetChargingProfilesRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    charging_profile: ChargingProfileCriterionType = Field(alias="chargingProfile")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse_id: Int | None = Field(default=None, alias="evseId")


class GetChargingProfilesResponse(OcppModel):
    """GetChargingProfilesResponse payload (OCPP 2.0.1)."""

    status: GetChargingProfileStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class GetCompositeScheduleRequest(OcppModel):
    """GetCompositeScheduleRequest payload (OCPP 2.0.1)."""

    duration: Int = Field(alias="duration")
    evse_id: Int = Field(alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    charging_rate_unit: ChargingRateUnitEnumType | None = Field(default=None, alias="chargingRateUnit")


class GetCompositeScheduleResponse(OcppModel):
    """GetCompositeScheduleResponse payload (OCPP 2.0.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    schedule: CompositeScheduleType | None = Field(default=None, alias="schedule")


class GetDisplayMessagesRequest(OcppModel):
    """GetDisplayMessagesRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    id: Annotated[list[Int], Field(min_length=1)] | None = Field(default=None, alias="id")
    priority: MessagePriorityEnumType | None = Field(default=None, alias="priority")
    state: MessageStateEnumType | None = Field(default=None, alias="state")


class GetDisplayMessagesResponse(OcppModel):
    """GetDisplayMessagesResponse payload (OCPP 2.0.1)."""

    status: GetDisplayMessagesStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class GetInstalledCertificateIdsRequest(OcppModel):
    """GetInstalledCertificateIdsRequest payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    certificate_type: Annotated[list[GetCertificateIdUseEnumType], Field(min_length=1)] | None = Field(default=None, alias="certificateType")


class GetInstalledCertificateIdsResponse(OcppModel):
    """GetInstalledCertificateIdsResponse payload (OCPP 2.0.1)."""

    status: GetInstalledCertificateStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    certificate_hash_data_chain: Annotated[list[CertificateHashDataChainType], Field(min_length=1)] | None = Field(default=None, alias="certificateHashDataChain")


class GetLocalListVersionRequest(OcppModel):
    """GetLocalListVersionRequest payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetLocalListVersionResponse(OcppModel):
    """GetLocalListVersionResponse payload (OCPP 2.0.1)."""

    version_number: Int = Field(alias="versionNumber")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetLogRequest(OcppModel):
    """GetLogRequest payload (OCPP 2.0.1)."""

    log: LogParametersType = Field(alias="log")
    log_type: LogEnumType = Field(alias="logType")
    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    retries: Int | None = Field(default=None, alias="retries")
    retry_interval: Int | None = Field(default=None, alias="retryInterval")


class GetLogResponse(OcppModel):
    """GetLogResponse payload (OCPP 2.0.1)."""

    status: LogStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    filename: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="filename")


class GetMonitoringReportRequest(OcppModel):
    """GetMonitoringReportRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    component_variable: Annotated[list[ComponentVariableType], Field(min_length=1)] | None = Field(default=None, alias="componentVariable")
    monitoring_criteria: Annotated[list[MonitoringCriterionEnumType], Field(min_length=1, max_length=3)] | None = Field(default=None, alias="monitoringCriteria")


class GetMonitoringReportResponse(OcppModel):
    """GetMonitoringReportResponse payload (OCPP 2.0.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class GetReportRequest(OcppModel):
    """GetReportRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    component_variable: Annotated[list[ComponentVariableType], Field(min_length=1)] | None = Field(default=None, alias="componentVariable")
    component_criteria: Annotated[list[ComponentCriterionEnumType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="componentCriteria")


class GetReportResponse(OcppModel):
    """GetReportResponse payload (OCPP 2.0.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class GetTransactionStatusRequest(OcppModel):
    """GetTransactionStatusRequest payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")


class GetTransactionStatusResponse(OcppModel):
    """GetTransactionStatusResponse payload (OCPP 2.0.1)."""

    messages_in_queue: Bool = Field(alias="messagesInQueue")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    ongoing_indicator: Bool | None = Field(default=None, alias="ongoingIndicator")


class GetVariablesRequest(OcppModel):
    """GetVariablesRequest payload (OCPP 2.0.1)."""

    get_variable_data: Annotated[list[GetVariableDataType], Field(min_length=1)] = Field(alias="getVariableData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetVariablesResponse(OcppModel):
    """GetVariablesResponse payload (OCPP 2.0.1)."""

    get_variable_result: Annotated[list[GetVariableResultType], Field(min_length=1)] = Field(alias="getVariableResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class HeartbeatRequest(OcppModel):
    """HeartbeatRequest payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class HeartbeatResponse(OcppModel):
    """HeartbeatResponse payload (OCPP 2.0.1)."""

    current_time: DateTime = Field(alias="currentTime")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class InstallCertificateRequest(OcppModel):
    """InstallCertificateRequest payload (OCPP 2.0.1)."""

    certificate_type: InstallCertificateUseEnumType = Field(alias="certificateType")
    certificate: Annotated[Str, Field(max_length=5500)] = Field(alias="certificate")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class InstallCertificateResponse(OcppModel):
    """InstallCertificateResponse payload (OCPP 2.0.1)."""

    status: InstallCertificateStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class LogStatusNotificationRequest(OcppModel):
    """LogStatusNotificationRequest payload (OCPP 2.0.1)."""

    status: UploadLogStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    request_id: Int | None = Field(default=None, alias="requestId")


class LogStatusNotificationResponse(OcppModel):
    """LogStatusNotificationResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MeterValuesRequest(OcppModel):
    """MeterValuesRequest payload (OCPP 2.0.1)."""

    evse_id: Int = Field(alias="evseId")
    meter_value: Annotated[list[MeterValueType], Field(min_length=1)] = Field(alias="meterValue")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MeterValuesResponse(OcppModel):
    """MeterValuesResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyChargingLimitRequest(OcppModel):
    """NotifyChargingLimitRequest payload (OCPP 2.0.1)."""

    charging_limit: ChargingLimitType = Field(alias="chargingLimit")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    charging_schedule: Annotated[list[ChargingScheduleType], Field(min_length=1)] | None = Field(default=None, alias="chargingSchedule")
    evse_id: Int | None = Field(default=None, alias="evseId")


class NotifyChargingLimitResponse(OcppModel):
    """NotifyChargingLimitResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyCustomerInformationRequest(OcppModel):
    """NotifyCustomerInformationRequest payload (OCPP 2.0.1)."""

    data: Annotated[Str, Field(max_length=512)] = Field(alias="data")
    seq_no: Int = Field(alias="seqNo")
    generated_at: DateTime = Field(alias="generatedAt")
    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    tbc: Bool | None = Field(default=False, alias="tbc")


class NotifyCustomerInformationResponse(OcppModel):
    """NotifyCustomerInformationResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyDisplayMessagesRequest(OcppModel):
    """NotifyDisplayMessagesRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    message_info: Annotated[list[MessageInfoType], Field(min_length=1)] | None = Field(default=None, alias="messageInfo")
    tbc: Bool | None = Field(default=False, alias="tbc")


class NotifyDisplayMessagesResponse(OcppModel):
    """NotifyDisplayMessagesResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEVChargingNeedsRequest(OcppModel):
    """NotifyEVChargingNeedsRequest payload (OCPP 2.0.1)."""

    charging_needs: ChargingNeedsType = Field(alias="chargingNeeds")
    evse_id: Int = Field(alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    max_schedule_tuples: Int | None = Field(default=None, alias="maxScheduleTuples")


class NotifyEVChargingNeedsResponse(OcppModel):
    """NotifyEVChargingNeedsResponse payload (OCPP 2.0.1)."""

    status: NotifyEVChargingNeedsStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class NotifyEVChargingScheduleRequest(OcppModel):
    """NotifyEVChargingScheduleRequest payload (OCPP 2.0.1)."""

    time_base: DateTime = Field(alias="timeBase")
    charging_schedule: ChargingScheduleType = Field(alias="chargingSchedule")
    evse_id: Int = Field(alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEVChargingScheduleResponse(OcppModel):
    """NotifyEVChargingScheduleResponse payload (OCPP 2.0.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class NotifyEventRequest(OcppModel):
    """NotifyEventRequest payload (OCPP 2.0.1)."""

    generated_at: DateTime = Field(alias="generatedAt")
    seq_no: Int = Field(alias="seqNo")
    event_data: Annotated[list[EventDataType], Field(min_length=1)] = Field(alias="eventData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    tbc: Bool | None = Field(default=False, alias="tbc")


class NotifyEventResponse(OcppModel):
    """NotifyEventResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyMonitoringReportRequest(OcppModel):
    """NotifyMonitoringReportRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    seq_no: Int = Field(alias="seqNo")
    generated_at: DateTime = Field(alias="generatedAt")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    monitor: Annotated[list[MonitoringDataType], Field(min_length=1)] | None = Field(default=None, alias="monitor")
    tbc: Bool | None = Field(default=False, alias="tbc")


class NotifyMonitoringReportResponse(OcppModel):
    """NotifyMonitoringReportResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyReportRequest(OcppModel):
    """NotifyReportRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    generated_at: DateTime = Field(alias="generatedAt")
    seq_no: Int = Field(alias="seqNo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    report_data: Annotated[list[ReportDataType], Field(min_length=1)] | None = Field(default=None, alias="reportData")
    tbc: Bool | None = Field(default=False, alias="tbc")


class NotifyReportResponse(OcppModel):
    """NotifyReportResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PublishFirmwareRequest(OcppModel):
    """PublishFirmwareRequest payload (OCPP 2.0.1)."""

    location: Annotated[Str, Field(max_length=512)] = Field(alias="location")
    checksum: Annotated[Str, Field(max_length=32)] = Field(alias="checksum")
    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    retries: Int | None = Field(default=None, alias="retries")
    retry_interval: Int | None = Field(default=None, alias="retryInterval")


class PublishFirmwareResponse(OcppModel):
    """PublishFirmwareResponse payload (OCPP 2.0.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class PublishFirmwareStatusNotificationRequest(OcppModel):
    """PublishFirmwareStatusNotificationRequest payload (OCPP 2.0.1)."""

    status: PublishFirmwareStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    location: Annotated[list[Annotated[Str, Field(max_length=512)]], Field(min_length=1)] | None = Field(default=None, alias="location")
    request_id: Int | None = Field(default=None, alias="requestId")


class PublishFirmwareStatusNotificationResponse(OcppModel):
    """PublishFirmwareStatusNotificationResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReportChargingProfilesRequest(OcppModel):
    """ReportChargingProfilesRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    charging_limit_source: ChargingLimitSourceEnumType = Field(alias="chargingLimitSource")
    charging_profile: Annotated[list[ChargingProfileType], Field(min_length=1)] = Field(alias="chargingProfile")
    evse_id: Int = Field(alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    tbc: Bool | None = Field(default=False, alias="tbc")


class ReportChargingProfilesResponse(OcppModel):
    """ReportChargingProfilesResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestStartTransactionRequest(OcppModel):
    """RequestStartTransactionRequest payload (OCPP 2.0.1)."""

    id_token: IdTokenType = Field(alias="idToken")
    remote_start_id: Int = Field(alias="remoteStartId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse_id: Int | None = Field(default=None, alias="evseId")
    group_id_token: IdTokenType | None = Field(default=None, alias="groupIdToken")
    charging_profile: ChargingProfileType | None = Field(default=None, alias="chargingProfile")


class RequestStartTransactionResponse(OcppModel):
    """RequestStartTransactionResponse payload (OCPP 2.0.1)."""

    status: RequestStartStopStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")


class RequestStopTransactionRequest(OcppModel):
    """RequestStopTransactionRequest payload (OCPP 2.0.1)."""

    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestStopTransactionResponse(OcppModel):
    """RequestStopTransactionResponse payload (OCPP 2.0.1)."""

    status: RequestStartStopStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ReservationStatusUpdateRequest(OcppModel):
    """ReservationStatusUpdateRequest payload (OCPP 2.0.1)."""

    reservation_id: Int = Field(alias="reservationId")
    reservation_update_status: ReservationUpdateStatusEnumType = Field(alias="reservationUpdateStatus")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReservationStatusUpdateResponse(OcppModel):
    """ReservationStatusUpdateResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReserveNowRequest(OcppModel):
    """ReserveNowRequest payload (OCPP 2.0.1)."""

    id: Int = Field(alias="id")
    expiry_date_time: DateTime = Field(alias="expiryDateTime")
    id_token: IdTokenType = Field(alias="idToken")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    connector_type: ConnectorEnumType | None = Field(default=None, alias="connectorType")
    evse_id: Int | None = Field(default=None, alias="evseId")
    group_id_token: IdTokenType | None = Field(default=None, alias="groupIdToken")


class ReserveNowResponse(OcppModel):
    """ReserveNowResponse payload (OCPP 2.0.1)."""

    status: ReserveNowStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class ResetRequest(OcppModel):
    """ResetRequest payload (OCPP 2.0.1)."""

    type: ResetEnumType = Field(alias="type")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse_id: Int | None = Field(default=None, alias="evseId")


class ResetResponse(OcppModel):
    """ResetResponse payload (OCPP 2.0.1)."""

    status: ResetStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SecurityEventNotificationRequest(OcppModel):
    """SecurityEventNotificationRequest payload (OCPP 2.0.1)."""

    type: Annotated[Str, Field(max_length=50)] = Field(alias="type")
    timestamp: DateTime = Field(alias="timestamp")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    tech_info: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="techInfo")


class SecurityEventNotificationResponse(OcppModel):
    """SecurityEventNotificationResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SendLocalListRequest(OcppModel):
    """SendLocalListRequest payload (OCPP 2.0.1)."""

    version_number: Int = Field(alias="versionNumber")
    update_type: UpdateEnumType = Field(alias="updateType")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    local_authorization_list: Annotated[list[AuthorizationData], Field(min_length=1)] | None = Field(default=None, alias="localAuthorizationList")


class SendLocalListResponse(OcppModel):
    """SendLocalListResponse payload (OCPP 2.0.1)."""

    status: SendLocalListStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SetChargingProfileRequest(OcppModel):
    """SetChargingProfileRequest payload (OCPP 2.0.1)."""

    evse_id: Int = Field(alias="evseId")
    charging_profile: ChargingProfileType = Field(alias="chargingProfile")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetChargingProfileResponse(OcppModel):
    """SetChargingProfileResponse payload (OCPP 2.0.1)."""

    status: ChargingProfileStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SetDisplayMessageRequest(OcppModel):
    """SetDisplayMessageRequest payload (OCPP 2.0.1)."""

    message: MessageInfoType = Field(alias="message")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetDisplayMessageResponse(OcppModel):
    """SetDisplayMessageResponse payload (OCPP 2.0.1)."""

    status: DisplayMessageStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SetMonitoringBaseRequest(OcppModel):
    """SetMonitoringBaseRequest payload (OCPP 2.0.1)."""

    monitoring_base: MonitoringBaseEnumType = Field(alias="monitoringBase")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringBaseResponse(OcppModel):
    """SetMonitoringBaseResponse payload (OCPP 2.0.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SetMonitoringLevelRequest(OcppModel):
    """SetMonitoringLevelRequest payload (OCPP 2.0.1)."""

    severity: Int = Field(alias="severity")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringLevelResponse(OcppModel):
    """SetMonitoringLevelResponse payload (OCPP 2.0.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SetNetworkProfileRequest(OcppModel):
    """SetNetworkProfileRequest payload (OCPP 2.0.1)."""

    configuration_slot: Int = Field(alias="configurationSlot")
    connection_data: NetworkConnectionProfileType = Field(alias="connectionData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetNetworkProfileResponse(OcppModel):
    """SetNetworkProfileResponse payload (OCPP 2.0.1)."""

    status: SetNetworkProfileStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class SetVariableMonitoringRequest(OcppModel):
    """SetVariableMonitoringRequest payload (OCPP 2.0.1)."""

    set_monitoring_data: Annotated[list[SetMonitoringDataType], Field(min_length=1)] = Field(alias="setMonitoringData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariableMonitoringResponse(OcppModel):
    """SetVariableMonitoringResponse payload (OCPP 2.0.1)."""

    set_monitoring_result: Annotated[list[SetMonitoringResultType], Field(min_length=1)] = Field(alias="setMonitoringResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariablesRequest(OcppModel):
    """SetVariablesRequest payload (OCPP 2.0.1)."""

    set_variable_data: Annotated[list[SetVariableDataType], Field(min_length=1)] = Field(alias="setVariableData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariablesResponse(OcppModel):
    """SetVariablesResponse payload (OCPP 2.0.1)."""

    set_variable_result: Annotated[list[SetVariableResultType], Field(min_length=1)] = Field(alias="setVariableResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SignCertificateRequest(OcppModel):
    """SignCertificateRequest payload (OCPP 2.0.1)."""

    csr: Annotated[Str, Field(max_length=5500)] = Field(alias="csr")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    certificate_type: CertificateSigningUseEnumType | None = Field(default=None, alias="certificateType")


class SignCertificateResponse(OcppModel):
    """SignCertificateResponse payload (OCPP 2.0.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class StatusNotificationRequest(OcppModel):
    """StatusNotificationRequest payload (OCPP 2.0.1)."""

    timestamp: DateTime = Field(alias="timestamp")
    connector_status: ConnectorStatusEnumType = Field(alias="connectorStatus")
    evse_id: Int = Field(alias="evseId")
    connector_id: Int = Field(alias="connectorId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class StatusNotificationResponse(OcppModel):
    """StatusNotificationResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TransactionEventRequest(OcppModel):
    """TransactionEventRequest payload (OCPP 2.0.1)."""

    event_type: TransactionEventEnumType = Field(alias="eventType")
    timestamp: DateTime = Field(alias="timestamp")
    trigger_reason: TriggerReasonEnumType = Field(alias="triggerReason")
    seq_no: Int = Field(alias="seqNo")
    transaction_info: TransactionType = Field(alias="transactionInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    meter_value: Annotated[list[MeterValueType], Field(min_length=1)] | None = Field(default=None, alias="meterValue")
    offline: Bool | None = Field(default=False, alias="offline")
    number_of_phases_used: Int | None = Field(default=None, alias="numberOfPhasesUsed")
    cable_max_current: Int | None = Field(default=None, alias="cableMaxCurrent")
    reservation_id: Int | None = Field(default=None, alias="reservationId")
    evse: EVSEType | None = Field(default=None, alias="evse")
    id_token: IdTokenType | None = Field(default=None, alias="idToken")


class TransactionEventResponse(OcppModel):
    """TransactionEventResponse payload (OCPP 2.0.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    total_cost: Number | None = Field(default=None, alias="totalCost")
    charging_priority: Int | None = Field(default=None, alias="chargingPriority")
    id_token_info: IdTokenInfoType | None = Field(default=None, alias="idTokenInfo")
    updated_personal_message: MessageContentType | None = Field(default=None, alias="updatedPersonalMessage")


class TriggerMessageRequest(OcppModel):
    """TriggerMessageRequest payload (OCPP 2.0.1)."""

    requested_message: MessageTriggerEnumType = Field(alias="requestedMessage")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    evse: EVSEType | None = Field(default=None, alias="evse")


class TriggerMessageResponse(OcppModel):
    """TriggerMessageResponse payload (OCPP 2.0.1)."""

    status: TriggerMessageStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class UnlockConnectorRequest(OcppModel):
    """UnlockConnectorRequest payload (OCPP 2.0.1)."""

    evse_id: Int = Field(alias="evseId")
    connector_id: Int = Field(alias="connectorId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UnlockConnectorResponse(OcppModel):
    """UnlockConnectorResponse payload (OCPP 2.0.1)."""

    status: UnlockStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


class UnpublishFirmwareRequest(OcppModel):
    """UnpublishFirmwareRequest payload (OCPP 2.0.1)."""

    checksum: Annotated[Str, Field(max_length=32)] = Field(alias="checksum")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UnpublishFirmwareResponse(OcppModel):
    """UnpublishFirmwareResponse payload (OCPP 2.0.1)."""

    status: UnpublishFirmwareStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UpdateFirmwareRequest(OcppModel):
    """UpdateFirmwareRequest payload (OCPP 2.0.1)."""

    request_id: Int = Field(alias="requestId")
    firmware: FirmwareType = Field(alias="firmware")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    retries: Int | None = Field(default=None, alias="retries")
    retry_interval: Int | None = Field(default=None, alias="retryInterval")


class UpdateFirmwareResponse(OcppModel):
    """UpdateFirmwareResponse payload (OCPP 2.0.1)."""

    status: UpdateFirmwareStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")


# action -> (request model, response model)
ACTIONS: dict[str, tuple[type[OcppModel], type[OcppModel]]] = {
    "Authorize": (AuthorizeRequest, AuthorizeResponse),
    "BootNotification": (BootNotificationRequest, BootNotificationResponse),
    "CancelReservation": (CancelReservationRequest, CancelReservationResponse),
    "CertificateSigned": (CertificateSignedRequest, CertificateSignedResponse),
    "ChangeAvailability": (ChangeAvailabilityRequest, ChangeAvailabilityResponse),
    "ClearCache": (ClearCacheRequest, ClearCacheResponse),
    "ClearChargingProfile": (ClearChargingProfileRequest, ClearChargingProfileResponse),
    "ClearDisplayMessage": (ClearDisplayMessageRequest, ClearDisplayMessageResponse),
    "ClearVariableMonitoring": (ClearVariableMonitoringRequest, ClearVariableMonitoringResponse),
    "ClearedChargingLimit": (ClearedChargingLimitRequest, ClearedChargingLimitResponse),
    "CostUpdated": (CostUpdatedRequest, CostUpdatedResponse),
    "CustomerInformation": (CustomerInformationRequest, CustomerInformationResponse),
    "DataTransfer": (DataTransferRequest, DataTransferResponse),
    "DeleteCertificate": (DeleteCertificateRequest, DeleteCertificateResponse),
    "FirmwareStatusNotification": (FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse),
    "Get15118EVCertificate": (Get15118EVCertificateRequest, Get15118EVCertificateResponse),
    "GetBaseReport": (GetBaseReportRequest, GetBaseReportResponse),
    "GetCertificateStatus": (GetCertificateStatusRequest, GetCertificateStatusResponse),
    "GetChargingProfiles": (GetChargingProfilesRequest, GetChargingProfilesResponse),
    "GetCompositeSchedule": (GetCompositeScheduleRequest, GetCompositeScheduleResponse),
    "GetDisplayMessages": (GetDisplayMessagesRequest, GetDisplayMessagesResponse),
    "GetInstalledCertificateIds": (GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse),
    "GetLocalListVersion": (GetLocalListVersionRequest, GetLocalListVersionResponse),
    "GetLog": (GetLogRequest, GetLogResponse),
    "GetMonitoringReport": (GetMonitoringReportRequest, GetMonitoringReportResponse),
    "GetReport": (GetReportRequest, GetReportResponse),
    "GetTransactionStatus": (GetTransactionStatusRequest, GetTransactionStatusResponse),
    "GetVariables": (GetVariablesRequest, GetVariablesResponse),
    "Heartbeat": (HeartbeatRequest, HeartbeatResponse),
    "InstallCertificate": (InstallCertificateRequest, InstallCertificateResponse),
    "LogStatusNotification": (LogStatusNotificationRequest, LogStatusNotificationResponse),
    "MeterValues": (MeterValuesRequest, MeterValuesResponse),
    "NotifyChargingLimit": (NotifyChargingLimitRequest, NotifyChargingLimitResponse),
    "NotifyCustomerInformation": (NotifyCustomerInformationRequest, NotifyCustomerInformationResponse),
    "NotifyDisplayMessages": (NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse),
    "NotifyEVChargingNeeds": (NotifyEVChargingNeedsRequest, NotifyEVChargingNeedsResponse),
    "NotifyEVChargingSchedule": (NotifyEVChargingScheduleRequest, NotifyEVChargingScheduleResponse),
    "NotifyEvent": (NotifyEventRequest, NotifyEventResponse),
    "NotifyMonitoringReport": (NotifyMonitoringReportRequest, NotifyMonitoringReportResponse),
    "NotifyReport": (NotifyReportRequest, NotifyReportResponse),
    "PublishFirmware": (PublishFirmwareRequest, PublishFirmwareResponse),
    "PublishFirmwareStatusNotification": (PublishFirmwareStatusNotificationRequest, PublishFirmwareStatusNotificationResponse),
    "ReportChargingProfiles": (ReportChargingProfilesRequest, ReportChargingProfilesResponse),
    "RequestStartTransaction": (RequestStartTransactionRequest, RequestStartTransactionResponse),
    "RequestStopTransaction": (RequestStopTransactionRequest, RequestStopTransactionResponse),
    "ReservationStatusUpdate": (ReservationStatusUpdateRequest, ReservationStatusUpdateResponse),
    "ReserveNow": (ReserveNowRequest, ReserveNowResponse),
    "Reset": (ResetRequest, ResetResponse),
    "SecurityEventNotification": (SecurityEventNotificationRequest, SecurityEventNotificationResponse),
    "SendLocalList": (SendLocalListRequest, SendLocalListResponse),
    "SetChargingProfile": (SetChargingProfileRequest, SetChargingProfileResponse),
    "SetDisplayMessage": (SetDisplayMessageRequest, SetDisplayMessageResponse),
    "SetMonitoringBase": (SetMonitoringBaseRequest, SetMonitoringBaseResponse),
    "SetMonitoringLevel": (SetMonitoringLevelRequest, SetMonitoringLevelResponse),
    "SetNetworkProfile": (SetNetworkProfileRequest, SetNetworkProfileResponse),
    "SetVariableMonitoring": (SetVariableMonitoringRequest, SetVariableMonitoringResponse),
    "SetVariables": (SetVariablesRequest, SetVariablesResponse),
    "SignCertificate": (SignCertificateRequest, SignCertificateResponse),
    "StatusNotification": (StatusNotificationRequest, StatusNotificationResponse),
    "TransactionEvent": (TransactionEventRequest, TransactionEventResponse),
    "TriggerMessage": (TriggerMessageRequest, TriggerMessageResponse),
    "UnlockConnector": (UnlockConnectorRequest, UnlockConnectorResponse),
    "UnpublishFirmware": (UnpublishFirmwareRequest, UnpublishFirmwareResponse),
    "UpdateFirmware": (UpdateFirmwareRequest, UpdateFirmwareResponse),
}

# Actions a charging station sends (the CSMS answers them; a SEND is not).
CS_TO_CSMS: frozenset[str] = frozenset({
    "Authorize",
    "BootNotification",
    "ClearedChargingLimit",
    "DataTransfer",
    "FirmwareStatusNotification",
    "Get15118EVCertificate",
    "GetCertificateStatus",
    "Heartbeat",
    "LogStatusNotification",
    "MeterValues",
    "NotifyChargingLimit",
    "NotifyCustomerInformation",
    "NotifyDisplayMessages",
    "NotifyEVChargingNeeds",
    "NotifyEVChargingSchedule",
    "NotifyEvent",
    "NotifyMonitoringReport",
    "NotifyReport",
    "PublishFirmwareStatusNotification",
    "ReportChargingProfiles",
    "ReservationStatusUpdate",
    "SecurityEventNotification",
    "SignCertificate",
    "StatusNotification",
    "TransactionEvent",
})

# Actions the CSMS sends (the charging station answers them).
CSMS_TO_CS: frozenset[str] = frozenset({
    "CancelReservation",
    "CertificateSigned",
    "ChangeAvailability",
    "ClearCache",
    "ClearChargingProfile",
    "ClearDisplayMessage",
    "ClearVariableMonitoring",
    "CostUpdated",
    "CustomerInformation",
    "DataTransfer",
    "DeleteCertificate",
    "GetBaseReport",
    "GetChargingProfiles",
    "GetCompositeSchedule",
    "GetDisplayMessages",
    "GetInstalledCertificateIds",
    "GetLocalListVersion",
    "GetLog",
    "GetMonitoringReport",
    "GetReport",
    "GetTransactionStatus",
    "GetVariables",
    "InstallCertificate",
    "PublishFirmware",
    "RequestStartTransaction",
    "RequestStopTransaction",
    "ReserveNow",
    "Reset",
    "SendLocalList",
    "SetChargingProfile",
    "SetDisplayMessage",
    "SetMonitoringBase",
    "SetMonitoringLevel",
    "SetNetworkProfile",
    "SetVariableMonitoring",
    "SetVariables",
    "TriggerMessage",
    "UnlockConnector",
    "UnpublishFirmware",
    "UpdateFirmware",
})
