# GENERATED FILE: do not edit by hand.
# Produced by scripts/generate_models.py from the official OCPP 2.1 JSON schemas
# (the `ocpp` package, ocpp/v21/schemas).
# tests/unit/protocol/test_models_fresh.py fails when this file is stale.
"""Pydantic models for every OCPP 2.1 message: 90 actions, their datatypes and enums.

Fields use snake_case names; the wire (camelCase) name is the alias. Wire payloads are validated
by alias only (``ocppkit.protocol.validation``, ``ocppkit.protocol.versions``); Python code
constructs models by field name. Date-time fields stay strings (so a payload round-trips
unchanged) but must parse as ISO 8601 / RFC 3339.

``NotifyPeriodicEventStream`` is sent as a SEND (message type 6) and has no response: it is in
``SEND_ACTIONS``, not in ``ACTIONS``.
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
    PAP = "PAP"
    CHAP = "CHAP"
    NONE = "NONE"
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


class BatterySwapEventEnumType(StrEnum):
    BatteryIn = "BatteryIn"
    BatteryOut = "BatteryOut"
    BatteryOutTimeout = "BatteryOutTimeout"


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
    V2G20Certificate = "V2G20Certificate"


class CertificateStatusEnumType(StrEnum):
    Good = "Good"
    Revoked = "Revoked"
    Unknown = "Unknown"
    Failed = "Failed"


class CertificateStatusSourceEnumType(StrEnum):
    CRL = "CRL"
    OCSP = "OCSP"


class ChangeAvailabilityStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Scheduled = "Scheduled"


class ChargingProfileKindEnumType(StrEnum):
    Absolute = "Absolute"
    Recurring = "Recurring"
    Relative = "Relative"
    Dynamic = "Dynamic"


class ChargingProfilePurposeEnumType(StrEnum):
    ChargingStationExternalConstraints = "ChargingStationExternalConstraints"
    ChargingStationMaxProfile = "ChargingStationMaxProfile"
    TxDefaultProfile = "TxDefaultProfile"
    TxProfile = "TxProfile"
    PriorityCharging = "PriorityCharging"
    LocalGeneration = "LocalGeneration"


class ChargingProfileStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class ChargingRateUnitEnumType(StrEnum):
    W = "W"
    A = "A"


class ChargingStateEnumType(StrEnum):
    EVConnected = "EVConnected"
    Charging = "Charging"
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
    Rejected = "Rejected"


class ClearMonitoringStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotFound = "NotFound"


class ComponentCriterionEnumType(StrEnum):
    Active = "Active"
    Available = "Available"
    Enabled = "Enabled"
    Problem = "Problem"


class ConnectorStatusEnumType(StrEnum):
    Available = "Available"
    Occupied = "Occupied"
    Reserved = "Reserved"
    Unavailable = "Unavailable"
    Faulted = "Faulted"


class ControlModeEnumType(StrEnum):
    ScheduledControl = "ScheduledControl"
    DynamicControl = "DynamicControl"


class CostDimensionEnumType(StrEnum):
    Energy = "Energy"
    MaxCurrent = "MaxCurrent"
    MinCurrent = "MinCurrent"
    MaxPower = "MaxPower"
    MinPower = "MinPower"
    IdleTIme = "IdleTIme"
    ChargingTime = "ChargingTime"


class CostKindEnumType(StrEnum):
    CarbonDioxideEmission = "CarbonDioxideEmission"
    RelativePricePercentage = "RelativePricePercentage"
    RenewableGenerationPercentage = "RenewableGenerationPercentage"


class CustomerInformationStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Invalid = "Invalid"


class DERControlEnumType(StrEnum):
    EnterService = "EnterService"
    FreqDroop = "FreqDroop"
    FreqWatt = "FreqWatt"
    FixedPFAbsorb = "FixedPFAbsorb"
    FixedPFInject = "FixedPFInject"
    FixedVar = "FixedVar"
    Gradients = "Gradients"
    HFMustTrip = "HFMustTrip"
    HFMayTrip = "HFMayTrip"
    HVMustTrip = "HVMustTrip"
    HVMomCess = "HVMomCess"
    HVMayTrip = "HVMayTrip"
    LimitMaxDischarge = "LimitMaxDischarge"
    LFMustTrip = "LFMustTrip"
    LVMustTrip = "LVMustTrip"
    LVMomCess = "LVMomCess"
    LVMayTrip = "LVMayTrip"
    PowerMonitoringMustTrip = "PowerMonitoringMustTrip"
    VoltVar = "VoltVar"
    VoltWatt = "VoltWatt"
    WattPF = "WattPF"
    WattVar = "WattVar"


class DERControlStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotSupported = "NotSupported"
    NotFound = "NotFound"


class DERUnitEnumType(StrEnum):
    Not_Applicable = "Not_Applicable"
    PctMaxW = "PctMaxW"
    PctMaxVar = "PctMaxVar"
    PctWAvail = "PctWAvail"
    PctVarAvail = "PctVarAvail"
    PctEffectiveV = "PctEffectiveV"


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


class DayOfWeekEnumType(StrEnum):
    Monday = "Monday"
    Tuesday = "Tuesday"
    Wednesday = "Wednesday"
    Thursday = "Thursday"
    Friday = "Friday"
    Saturday = "Saturday"
    Sunday = "Sunday"


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
    LanguageNotSupported = "LanguageNotSupported"


class EnergyTransferModeEnumType(StrEnum):
    AC_single_phase = "AC_single_phase"
    AC_two_phase = "AC_two_phase"
    AC_three_phase = "AC_three_phase"
    DC = "DC"
    AC_BPT = "AC_BPT"
    AC_BPT_DER = "AC_BPT_DER"
    AC_DER = "AC_DER"
    DC_BPT = "DC_BPT"
    DC_ACDP = "DC_ACDP"
    DC_ACDP_BPT = "DC_ACDP_BPT"
    WPT = "WPT"


class EventNotificationEnumType(StrEnum):
    HardWiredNotification = "HardWiredNotification"
    HardWiredMonitor = "HardWiredMonitor"
    PreconfiguredMonitor = "PreconfiguredMonitor"
    CustomMonitor = "CustomMonitor"


class EventTriggerEnumType(StrEnum):
    Alerting = "Alerting"
    Delta = "Delta"
    Periodic = "Periodic"


class EvseKindEnumType(StrEnum):
    AC = "AC"
    DC = "DC"


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
    OEMRootCertificate = "OEMRootCertificate"


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


class GridEventFaultEnumType(StrEnum):
    CurrentImbalance = "CurrentImbalance"
    LocalEmergency = "LocalEmergency"
    LowInputPower = "LowInputPower"
    OverCurrent = "OverCurrent"
    OverFrequency = "OverFrequency"
    OverVoltage = "OverVoltage"
    PhaseRotation = "PhaseRotation"
    RemoteEmergency = "RemoteEmergency"
    UnderFrequency = "UnderFrequency"
    UnderVoltage = "UnderVoltage"
    VoltageImbalance = "VoltageImbalance"


class HashAlgorithmEnumType(StrEnum):
    SHA256 = "SHA256"
    SHA384 = "SHA384"
    SHA512 = "SHA512"


class InstallCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Failed = "Failed"


class InstallCertificateUseEnumType(StrEnum):
    V2GRootCertificate = "V2GRootCertificate"
    MORootCertificate = "MORootCertificate"
    ManufacturerRootCertificate = "ManufacturerRootCertificate"
    CSMSRootCertificate = "CSMSRootCertificate"
    OEMRootCertificate = "OEMRootCertificate"


class IslandingDetectionEnumType(StrEnum):
    NoAntiIslandingSupport = "NoAntiIslandingSupport"
    RoCoF = "RoCoF"
    UVP_OVP = "UVP_OVP"
    UFP_OFP = "UFP_OFP"
    VoltageVectorShift = "VoltageVectorShift"
    ZeroCrossingDetection = "ZeroCrossingDetection"
    OtherPassive = "OtherPassive"
    ImpedanceMeasurement = "ImpedanceMeasurement"
    ImpedanceAtFrequency = "ImpedanceAtFrequency"
    SlipModeFrequencyShift = "SlipModeFrequencyShift"
    SandiaFrequencyShift = "SandiaFrequencyShift"
    SandiaVoltageShift = "SandiaVoltageShift"
    FrequencyJump = "FrequencyJump"
    RCLQFactor = "RCLQFactor"
    OtherActive = "OtherActive"


class Iso15118EVCertificateStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Failed = "Failed"


class LocationEnumType(StrEnum):
    Body = "Body"
    Cable = "Cable"
    EV = "EV"
    Inlet = "Inlet"
    Outlet = "Outlet"
    Upstream = "Upstream"


class LogEnumType(StrEnum):
    DiagnosticsLog = "DiagnosticsLog"
    SecurityLog = "SecurityLog"
    DataCollectorLog = "DataCollectorLog"


class LogStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    AcceptedCanceled = "AcceptedCanceled"


class MeasurandEnumType(StrEnum):
    Current_Export = "Current.Export"
    Current_Export_Offered = "Current.Export.Offered"
    Current_Export_Minimum = "Current.Export.Minimum"
    Current_Import = "Current.Import"
    Current_Import_Offered = "Current.Import.Offered"
    Current_Import_Minimum = "Current.Import.Minimum"
    Current_Offered = "Current.Offered"
    Display_PresentSOC = "Display.PresentSOC"
    Display_MinimumSOC = "Display.MinimumSOC"
    Display_TargetSOC = "Display.TargetSOC"
    Display_MaximumSOC = "Display.MaximumSOC"
    Display_RemainingTimeToMinimumSOC = "Display.RemainingTimeToMinimumSOC"
    Display_RemainingTimeToTargetSOC = "Display.RemainingTimeToTargetSOC"
    Display_RemainingTimeToMaximumSOC = "Display.RemainingTimeToMaximumSOC"
    Display_ChargingComplete = "Display.ChargingComplete"
    Display_BatteryEnergyCapacity = "Display.BatteryEnergyCapacity"
    Display_InletHot = "Display.InletHot"
    Energy_Active_Export_Interval = "Energy.Active.Export.Interval"
    Energy_Active_Export_Register = "Energy.Active.Export.Register"
    Energy_Active_Import_Interval = "Energy.Active.Import.Interval"
    Energy_Active_Import_Register = "Energy.Active.Import.Register"
    Energy_Active_Import_CableLoss = "Energy.Active.Import.CableLoss"
    Energy_Active_Import_LocalGeneration_Register = "Energy.Active.Import.LocalGeneration.Register"
    Energy_Active_Net = "Energy.Active.Net"
    Energy_Active_Setpoint_Interval = "Energy.Active.Setpoint.Interval"
    Energy_Apparent_Export = "Energy.Apparent.Export"
    Energy_Apparent_Import = "Energy.Apparent.Import"
    Energy_Apparent_Net = "Energy.Apparent.Net"
    Energy_Reactive_Export_Interval = "Energy.Reactive.Export.Interval"
    Energy_Reactive_Export_Register = "Energy.Reactive.Export.Register"
    Energy_Reactive_Import_Interval = "Energy.Reactive.Import.Interval"
    Energy_Reactive_Import_Register = "Energy.Reactive.Import.Register"
    Energy_Reactive_Net = "Energy.Reactive.Net"
    EnergyRequest_Target = "EnergyRequest.Target"
    EnergyRequest_Minimum = "EnergyRequest.Minimum"
    EnergyRequest_Maximum = "EnergyRequest.Maximum"
    EnergyRequest_Minimum_V2X = "EnergyRequest.Minimum.V2X"
    EnergyRequest_Maximum_V2X = "EnergyRequest.Maximum.V2X"
    EnergyRequest_Bulk = "EnergyRequest.Bulk"
    Frequency = "Frequency"
    Power_Active_Export = "Power.Active.Export"
    Power_Active_Import = "Power.Active.Import"
    Power_Active_Setpoint = "Power.Active.Setpoint"
    Power_Active_Residual = "Power.Active.Residual"
    Power_Export_Minimum = "Power.Export.Minimum"
    Power_Export_Offered = "Power.Export.Offered"
    Power_Factor = "Power.Factor"
    Power_Import_Offered = "Power.Import.Offered"
    Power_Import_Minimum = "Power.Import.Minimum"
    Power_Offered = "Power.Offered"
    Power_Reactive_Export = "Power.Reactive.Export"
    Power_Reactive_Import = "Power.Reactive.Import"
    SoC = "SoC"
    Voltage = "Voltage"
    Voltage_Minimum = "Voltage.Minimum"
    Voltage_Maximum = "Voltage.Maximum"


class MessageFormatEnumType(StrEnum):
    ASCII = "ASCII"
    HTML = "HTML"
    URI = "URI"
    UTF8 = "UTF8"
    QRCODE = "QRCODE"


class MessagePriorityEnumType(StrEnum):
    AlwaysFront = "AlwaysFront"
    InFront = "InFront"
    NormalCycle = "NormalCycle"


class MessageStateEnumType(StrEnum):
    Charging = "Charging"
    Faulted = "Faulted"
    Idle = "Idle"
    Unavailable = "Unavailable"
    Suspended = "Suspended"
    Discharging = "Discharging"


class MessageTriggerEnumType(StrEnum):
    BootNotification = "BootNotification"
    LogStatusNotification = "LogStatusNotification"
    FirmwareStatusNotification = "FirmwareStatusNotification"
    Heartbeat = "Heartbeat"
    MeterValues = "MeterValues"
    SignChargingStationCertificate = "SignChargingStationCertificate"
    SignV2GCertificate = "SignV2GCertificate"
    SignV2G20Certificate = "SignV2G20Certificate"
    StatusNotification = "StatusNotification"
    TransactionEvent = "TransactionEvent"
    SignCombinedCertificate = "SignCombinedCertificate"
    PublishFirmwareStatusNotification = "PublishFirmwareStatusNotification"
    CustomTrigger = "CustomTrigger"


class MobilityNeedsModeEnumType(StrEnum):
    EVCC = "EVCC"
    EVCC_SECC = "EVCC_SECC"


class MonitorEnumType(StrEnum):
    UpperThreshold = "UpperThreshold"
    LowerThreshold = "LowerThreshold"
    Delta = "Delta"
    Periodic = "Periodic"
    PeriodicClockAligned = "PeriodicClockAligned"
    TargetDelta = "TargetDelta"
    TargetDeltaRelative = "TargetDeltaRelative"


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


class NotifyAllowedEnergyTransferStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"


class NotifyEVChargingNeedsStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    Processing = "Processing"
    NoChargingProfile = "NoChargingProfile"


class OCPPInterfaceEnumType(StrEnum):
    Wired0 = "Wired0"
    Wired1 = "Wired1"
    Wired2 = "Wired2"
    Wired3 = "Wired3"
    Wireless0 = "Wireless0"
    Wireless1 = "Wireless1"
    Wireless2 = "Wireless2"
    Wireless3 = "Wireless3"
    Any = "Any"


class OCPPTransportEnumType(StrEnum):
    SOAP = "SOAP"
    JSON = "JSON"


class OCPPVersionEnumType(StrEnum):
    OCPP12 = "OCPP12"
    OCPP15 = "OCPP15"
    OCPP16 = "OCPP16"
    OCPP20 = "OCPP20"
    OCPP201 = "OCPP201"
    OCPP21 = "OCPP21"


class OperationModeEnumType(StrEnum):
    Idle = "Idle"
    ChargingOnly = "ChargingOnly"
    CentralSetpoint = "CentralSetpoint"
    ExternalSetpoint = "ExternalSetpoint"
    ExternalLimits = "ExternalLimits"
    CentralFrequency = "CentralFrequency"
    LocalFrequency = "LocalFrequency"
    LocalLoadBalancing = "LocalLoadBalancing"


class OperationalStatusEnumType(StrEnum):
    Inoperative = "Inoperative"
    Operative = "Operative"


class PaymentStatusEnumType(StrEnum):
    Settled = "Settled"
    Canceled = "Canceled"
    Rejected = "Rejected"
    Failed = "Failed"


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


class PowerDuringCessationEnumType(StrEnum):
    Active = "Active"
    Reactive = "Reactive"


class PreconditioningStatusEnumType(StrEnum):
    Unknown = "Unknown"
    Ready = "Ready"
    NotReady = "NotReady"
    Preconditioning = "Preconditioning"


class PriorityChargingStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NoProfile = "NoProfile"


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
    MasterPass = "MasterPass"
    Local = "Local"
    LocalOutOfCredit = "LocalOutOfCredit"
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
    ReqEnergyTransferRejected = "ReqEnergyTransferRejected"


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
    NoTransaction = "NoTransaction"


class ReserveNowStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Faulted = "Faulted"
    Occupied = "Occupied"
    Rejected = "Rejected"
    Unavailable = "Unavailable"


class ResetEnumType(StrEnum):
    Immediate = "Immediate"
    OnIdle = "OnIdle"
    ImmediateAndResume = "ImmediateAndResume"


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


class TariffChangeStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    TooManyElements = "TooManyElements"
    ConditionNotSupported = "ConditionNotSupported"
    TxNotFound = "TxNotFound"
    NoCurrencyChange = "NoCurrencyChange"


class TariffClearStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NoTariff = "NoTariff"


class TariffCostEnumType(StrEnum):
    NormalCost = "NormalCost"
    MinCost = "MinCost"
    MaxCost = "MaxCost"


class TariffGetStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NoTariff = "NoTariff"


class TariffKindEnumType(StrEnum):
    DefaultTariff = "DefaultTariff"
    DriverTariff = "DriverTariff"


class TariffSetStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    TooManyElements = "TooManyElements"
    ConditionNotSupported = "ConditionNotSupported"
    DuplicateTariffId = "DuplicateTariffId"


class TransactionEventEnumType(StrEnum):
    Ended = "Ended"
    Started = "Started"
    Updated = "Updated"


class TriggerMessageStatusEnumType(StrEnum):
    Accepted = "Accepted"
    Rejected = "Rejected"
    NotImplemented = "NotImplemented"


class TriggerReasonEnumType(StrEnum):
    AbnormalCondition = "AbnormalCondition"
    Authorized = "Authorized"
    CablePluggedIn = "CablePluggedIn"
    ChargingRateChanged = "ChargingRateChanged"
    ChargingStateChanged = "ChargingStateChanged"
    CostLimitReached = "CostLimitReached"
    Deauthorized = "Deauthorized"
    EnergyLimitReached = "EnergyLimitReached"
    EVCommunicationLost = "EVCommunicationLost"
    EVConnectTimeout = "EVConnectTimeout"
    EVDeparted = "EVDeparted"
    EVDetected = "EVDetected"
    LimitSet = "LimitSet"
    MeterValueClock = "MeterValueClock"
    MeterValuePeriodic = "MeterValuePeriodic"
    OperationModeChanged = "OperationModeChanged"
    RemoteStart = "RemoteStart"
    RemoteStop = "RemoteStop"
    ResetCommand = "ResetCommand"
    RunningCost = "RunningCost"
    SignedDataReceived = "SignedDataReceived"
    SoCLimitReached = "SoCLimitReached"
    StopAuthorized = "StopAuthorized"
    TariffChanged = "TariffChanged"
    TariffNotAccepted = "TariffNotAccepted"
    TimeLimitReached = "TimeLimitReached"
    Trigger = "Trigger"
    TxResumed = "TxResumed"
    UnlockCommand = "UnlockCommand"


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
    """EV AC charging parameters for ISO 15118-2"""

    energy_amount: Number = Field(alias="energyAmount")
    ev_min_current: Number = Field(alias="evMinCurrent")
    ev_max_current: Number = Field(alias="evMaxCurrent")
    ev_max_voltage: Number = Field(alias="evMaxVoltage")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class APNType(OcppModel):
    """Collection of configuration data needed to make a data-connection over a cellular network."""

    apn: Annotated[Str, Field(max_length=2000)] = Field(alias="apn")
    apn_authentication: APNAuthenticationEnumType = Field(alias="apnAuthentication")
    apn_user_name: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="apnUserName")
    apn_password: Annotated[Str, Field(max_length=64)] | None = Field(default=None, alias="apnPassword")
    sim_pin: Int | None = Field(default=None, alias="simPin")
    preferred_network: Annotated[Str, Field(max_length=6)] | None = Field(default=None, alias="preferredNetwork")
    use_only_preferred_network: Bool | None = Field(default=False, alias="useOnlyPreferredNetwork")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AbsolutePriceScheduleType(OcppModel):
    """The AbsolutePriceScheduleType is modeled after the same type that is defined in ISO 15118-20, such that if it is supplied by an EMSP as a signed EXI message, the conversion from EXI to JSON (in OCPP) and back to EXI (for ISO 15118-20) does not change the digest and therefore does not invalidate the signature."""

    time_anchor: DateTime = Field(alias="timeAnchor")
    price_schedule_id: Annotated[Int, Field(ge=0)] = Field(alias="priceScheduleID")
    currency: Annotated[Str, Field(max_length=3)] = Field(alias="currency")
    language: Annotated[Str, Field(max_length=8)] = Field(alias="language")
    price_algorithm: Annotated[Str, Field(max_length=2000)] = Field(alias="priceAlgorithm")
    price_rule_stacks: Annotated[list[PriceRuleStackType], Field(min_length=1, max_length=1024)] = Field(alias="priceRuleStacks")
    price_schedule_description: Annotated[Str, Field(max_length=160)] | None = Field(default=None, alias="priceScheduleDescription")
    minimum_cost: RationalNumberType | None = Field(default=None, alias="minimumCost")
    maximum_cost: RationalNumberType | None = Field(default=None, alias="maximumCost")
    tax_rules: Annotated[list[TaxRuleType], Field(min_length=1, max_length=10)] | None = Field(default=None, alias="taxRules")
    overstay_rule_list: OverstayRuleListType | None = Field(default=None, alias="overstayRuleList")
    additional_selected_services: Annotated[list[AdditionalSelectedServicesType], Field(min_length=1, max_length=5)] | None = Field(default=None, alias="additionalSelectedServices")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AdditionalInfoType(OcppModel):
    """Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers."""

    additional_id_token: Annotated[Str, Field(max_length=255)] = Field(alias="additionalIdToken")
    type: Annotated[Str, Field(max_length=50)] = Field(alias="type")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AdditionalSelectedServicesType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    service_fee: RationalNumberType = Field(alias="serviceFee")
    service_name: Annotated[Str, Field(max_length=80)] = Field(alias="serviceName")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AddressType(OcppModel):
    """*(2.1)* A generic address format."""

    name: Annotated[Str, Field(max_length=50)] = Field(alias="name")
    address1: Annotated[Str, Field(max_length=100)] = Field(alias="address1")
    city: Annotated[Str, Field(max_length=100)] = Field(alias="city")
    country: Annotated[Str, Field(max_length=50)] = Field(alias="country")
    address2: Annotated[Str, Field(max_length=100)] | None = Field(default=None, alias="address2")
    postal_code: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="postalCode")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AuthorizationData(OcppModel):
    """Contains the identifier to use for authorization."""

    id_token: IdTokenType = Field(alias="idToken")
    id_token_info: IdTokenInfoType | None = Field(default=None, alias="idTokenInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class BatteryDataType(OcppModel):
    """BatteryDataType"""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    serial_number: Annotated[Str, Field(max_length=50)] = Field(alias="serialNumber")
    so_c: Annotated[Number, Field(ge=0, le=100)] = Field(alias="soC")
    so_h: Annotated[Number, Field(ge=0, le=100)] = Field(alias="soH")
    production_date: DateTime | None = Field(default=None, alias="productionDate")
    vendor_info: Annotated[Str, Field(max_length=500)] | None = Field(default=None, alias="vendorInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CertificateHashDataChainType(OcppModel):
    """CertificateHashDataChainType"""

    certificate_hash_data: CertificateHashDataType = Field(alias="certificateHashData")
    certificate_type: GetCertificateIdUseEnumType = Field(alias="certificateType")
    child_certificate_hash_data: Annotated[list[CertificateHashDataType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="childCertificateHashData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CertificateHashDataType(OcppModel):
    """CertificateHashDataType"""

    hash_algorithm: HashAlgorithmEnumType = Field(alias="hashAlgorithm")
    issuer_name_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerNameHash")
    issuer_key_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerKeyHash")
    serial_number: Annotated[Str, Field(max_length=40)] = Field(alias="serialNumber")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CertificateStatusRequestInfoType(OcppModel):
    """Data necessary to request the revocation status of a certificate."""

    certificate_hash_data: CertificateHashDataType = Field(alias="certificateHashData")
    source: CertificateStatusSourceEnumType = Field(alias="source")
    urls: Annotated[list[Annotated[Str, Field(max_length=2000)]], Field(min_length=1, max_length=5)] = Field(alias="urls")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CertificateStatusType(OcppModel):
    """Revocation status of certificate"""

    certificate_hash_data: CertificateHashDataType = Field(alias="certificateHashData")
    source: CertificateStatusSourceEnumType = Field(alias="source")
    status: CertificateStatusEnumType = Field(alias="status")
    next_update: DateTime = Field(alias="nextUpdate")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingLimitType(OcppModel):
    """ChargingLimitType"""

    charging_limit_source: Annotated[Str, Field(max_length=20)] = Field(alias="chargingLimitSource")
    is_local_generation: Bool | None = Field(default=None, alias="isLocalGeneration")
    is_grid_critical: Bool | None = Field(default=None, alias="isGridCritical")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingNeedsType(OcppModel):
    """ChargingNeedsType"""

    requested_energy_transfer: EnergyTransferModeEnumType = Field(alias="requestedEnergyTransfer")
    ac_charging_parameters: ACChargingParametersType | None = Field(default=None, alias="acChargingParameters")
    der_charging_parameters: DERChargingParametersType | None = Field(default=None, alias="derChargingParameters")
    ev_energy_offer: EVEnergyOfferType | None = Field(default=None, alias="evEnergyOffer")
    dc_charging_parameters: DCChargingParametersType | None = Field(default=None, alias="dcChargingParameters")
    v2x_charging_parameters: V2XChargingParametersType | None = Field(default=None, alias="v2xChargingParameters")
    available_energy_transfer: Annotated[list[EnergyTransferModeEnumType], Field(min_length=1)] | None = Field(default=None, alias="availableEnergyTransfer")
    control_mode: ControlModeEnumType | None = Field(default=None, alias="controlMode")
    mobility_needs_mode: MobilityNeedsModeEnumType | None = Field(default=None, alias="mobilityNeedsMode")
    departure_time: DateTime | None = Field(default=None, alias="departureTime")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingPeriodType(OcppModel):
    """A ChargingPeriodType consists of a start time, and a list of possible values that influence this period, for example: amount of energy charged this period, maximum current during this period etc."""

    start_period: DateTime = Field(alias="startPeriod")
    dimensions: Annotated[list[CostDimensionType], Field(min_length=1)] | None = Field(default=None, alias="dimensions")
    tariff_id: Annotated[Str, Field(max_length=60)] | None = Field(default=None, alias="tariffId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingProfileCriterionType(OcppModel):
    """A ChargingProfileCriterionType is a filter for charging profiles to be selected by a GetChargingProfilesRequest."""

    charging_profile_purpose: ChargingProfilePurposeEnumType | None = Field(default=None, alias="chargingProfilePurpose")
    stack_level: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="stackLevel")
    charging_profile_id: Annotated[list[Int], Field(min_length=1)] | None = Field(default=None, alias="chargingProfileId")
    charging_limit_source: Annotated[list[Annotated[Str, Field(max_length=20)]], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="chargingLimitSource")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingProfileType(OcppModel):
    """A ChargingProfile consists of 1 to 3 ChargingSchedules with a list of ChargingSchedulePeriods, describing the amount of power or current that can be delivered per time interval."""

    id: Int = Field(alias="id")
    stack_level: Annotated[Int, Field(ge=0)] = Field(alias="stackLevel")
    charging_profile_purpose: ChargingProfilePurposeEnumType = Field(alias="chargingProfilePurpose")
    charging_profile_kind: ChargingProfileKindEnumType = Field(alias="chargingProfileKind")
    charging_schedule: Annotated[list[ChargingScheduleType], Field(min_length=1, max_length=3)] = Field(alias="chargingSchedule")
    recurrency_kind: RecurrencyKindEnumType | None = Field(default=None, alias="recurrencyKind")
    valid_from: DateTime | None = Field(default=None, alias="validFrom")
    valid_to: DateTime | None = Field(default=None, alias="validTo")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")
    max_offline_duration: Int | None = Field(default=None, alias="maxOfflineDuration")
    invalid_after_offline_duration: Bool | None = Field(default=None, alias="invalidAfterOfflineDuration")
    dyn_update_interval: Int | None = Field(default=None, alias="dynUpdateInterval")
    dyn_update_time: DateTime | None = Field(default=None, alias="dynUpdateTime")
    price_schedule_signature: Annotated[Str, Field(max_length=256)] | None = Field(default=None, alias="priceScheduleSignature")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingSchedulePeriodType(OcppModel):
    """Charging schedule period structure defines a time period in a charging schedule. It is used in: CompositeScheduleType and in ChargingScheduleType. When used in a NotifyEVChargingScheduleRequest only _startPeriod_, _limit_, _limit_L2_, _limit_L3_ are relevant."""

    start_period: Int = Field(alias="startPeriod")
    limit: Number | None = Field(default=None, alias="limit")
    limit_l2: Number | None = Field(default=None, alias="limit_L2")
    limit_l3: Number | None = Field(default=None, alias="limit_L3")
    number_phases: Annotated[Int, Field(ge=0, le=3)] | None = Field(default=None, alias="numberPhases")
    phase_to_use: Annotated[Int, Field(ge=0, le=3)] | None = Field(default=None, alias="phaseToUse")
    discharge_limit: Annotated[Number, Field(le=0)] | None = Field(default=None, alias="dischargeLimit")
    discharge_limit_l2: Annotated[Number, Field(le=0)] | None = Field(default=None, alias="dischargeLimit_L2")
    discharge_limit_l3: Annotated[Number, Field(le=0)] | None = Field(default=None, alias="dischargeLimit_L3")
    setpoint: Number | None = Field(default=None, alias="setpoint")
    setpoint_l2: Number | None = Field(default=None, alias="setpoint_L2")
    setpoint_l3: Number | None = Field(default=None, alias="setpoint_L3")
    setpoint_reactive: Number | None = Field(default=None, alias="setpointReactive")
    setpoint_reactive_l2: Number | None = Field(default=None, alias="setpointReactive_L2")
    setpoint_reactive_l3: Number | None = Field(default=None, alias="setpointReactive_L3")
    preconditioning_request: Bool | None = Field(default=None, alias="preconditioningRequest")
    evse_sleep: Bool | None = Field(default=None, alias="evseSleep")
    v2x_baseline: Number | None = Field(default=None, alias="v2xBaseline")
    operation_mode: OperationModeEnumType | None = Field(default=None, alias="operationMode")
    v2x_freq_watt_curve: Annotated[list[V2XFreqWattPointType], Field(min_length=1, max_length=20)] | None = Field(default=None, alias="v2xFreqWattCurve")
    v2x_signal_watt_curve: Annotated[list[V2XSignalWattPointType], Field(min_length=1, max_length=20)] | None = Field(default=None, alias="v2xSignalWattCurve")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingScheduleType(OcppModel):
    """Charging schedule structure defines a list of charging periods, as used in: NotifyEVChargingScheduleRequest and ChargingProfileType. When used in a NotifyEVChargingScheduleRequest only _duration_ and _chargingSchedulePeriod_ are relevant and _chargingRateUnit_ must be 'W'. +"""

    id: Int = Field(alias="id")
    charging_rate_unit: ChargingRateUnitEnumType = Field(alias="chargingRateUnit")
    charging_schedule_period: Annotated[list[ChargingSchedulePeriodType], Field(min_length=1, max_length=1024)] = Field(alias="chargingSchedulePeriod")
    limit_at_soc: LimitAtSoCType | None = Field(default=None, alias="limitAtSoC")
    start_schedule: DateTime | None = Field(default=None, alias="startSchedule")
    duration: Int | None = Field(default=None, alias="duration")
    min_charging_rate: Number | None = Field(default=None, alias="minChargingRate")
    power_tolerance: Number | None = Field(default=None, alias="powerTolerance")
    signature_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="signatureId")
    digest_value: Annotated[Str, Field(max_length=88)] | None = Field(default=None, alias="digestValue")
    use_local_time: Bool | None = Field(default=None, alias="useLocalTime")
    randomized_delay: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="randomizedDelay")
    sales_tariff: SalesTariffType | None = Field(default=None, alias="salesTariff")
    absolute_price_schedule: AbsolutePriceScheduleType | None = Field(default=None, alias="absolutePriceSchedule")
    price_level_schedule: PriceLevelScheduleType | None = Field(default=None, alias="priceLevelSchedule")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingScheduleUpdateType(OcppModel):
    """Updates to a ChargingSchedulePeriodType for dynamic charging profiles."""

    limit: Number | None = Field(default=None, alias="limit")
    limit_l2: Number | None = Field(default=None, alias="limit_L2")
    limit_l3: Number | None = Field(default=None, alias="limit_L3")
    discharge_limit: Annotated[Number, Field(le=0)] | None = Field(default=None, alias="dischargeLimit")
    discharge_limit_l2: Annotated[Number, Field(le=0)] | None = Field(default=None, alias="dischargeLimit_L2")
    discharge_limit_l3: Annotated[Number, Field(le=0)] | None = Field(default=None, alias="dischargeLimit_L3")
    setpoint: Number | None = Field(default=None, alias="setpoint")
    setpoint_l2: Number | None = Field(default=None, alias="setpoint_L2")
    setpoint_l3: Number | None = Field(default=None, alias="setpoint_L3")
    setpoint_reactive: Number | None = Field(default=None, alias="setpointReactive")
    setpoint_reactive_l2: Number | None = Field(default=None, alias="setpointReactive_L2")
    setpoint_reactive_l3: Number | None = Field(default=None, alias="setpointReactive_L3")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChargingStationType(OcppModel):
    """The physical system where an Electrical Vehicle (EV) can be charged."""

    model: Annotated[Str, Field(max_length=20)] = Field(alias="model")
    vendor_name: Annotated[Str, Field(max_length=50)] = Field(alias="vendorName")
    serial_number: Annotated[Str, Field(max_length=25)] | None = Field(default=None, alias="serialNumber")
    modem: ModemType | None = Field(default=None, alias="modem")
    firmware_version: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="firmwareVersion")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearChargingProfileType(OcppModel):
    """A ClearChargingProfileType is a filter for charging profiles to be cleared by ClearChargingProfileRequest."""

    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    charging_profile_purpose: ChargingProfilePurposeEnumType | None = Field(default=None, alias="chargingProfilePurpose")
    stack_level: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="stackLevel")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearMonitoringResultType(OcppModel):
    """ClearMonitoringResultType"""

    status: ClearMonitoringStatusEnumType = Field(alias="status")
    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearTariffsResultType(OcppModel):
    """ClearTariffsResultType"""

    status: TariffClearStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    tariff_id: Annotated[Str, Field(max_length=60)] | None = Field(default=None, alias="tariffId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ComponentType(OcppModel):
    """A physical or logical component"""

    name: Annotated[Str, Field(max_length=50)] = Field(alias="name")
    evse: EVSEType | None = Field(default=None, alias="evse")
    instance: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="instance")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ComponentVariableType(OcppModel):
    """Class to report components, variables and variable attributes and characteristics."""

    component: ComponentType = Field(alias="component")
    variable: VariableType | None = Field(default=None, alias="variable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CompositeScheduleType(OcppModel):
    """CompositeScheduleType"""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    duration: Int = Field(alias="duration")
    schedule_start: DateTime = Field(alias="scheduleStart")
    charging_rate_unit: ChargingRateUnitEnumType = Field(alias="chargingRateUnit")
    charging_schedule_period: Annotated[list[ChargingSchedulePeriodType], Field(min_length=1)] = Field(alias="chargingSchedulePeriod")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ConstantStreamDataType(OcppModel):
    """ConstantStreamDataType"""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    params: PeriodicEventStreamParamsType = Field(alias="params")
    variable_monitoring_id: Annotated[Int, Field(ge=0)] = Field(alias="variableMonitoringId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ConsumptionCostType(OcppModel):
    """ConsumptionCostType"""

    start_value: Number = Field(alias="startValue")
    cost: Annotated[list[CostType], Field(min_length=1, max_length=3)] = Field(alias="cost")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostDetailsType(OcppModel):
    """CostDetailsType contains the cost as calculated by Charging Station based on provided TariffType."""

    total_cost: TotalCostType = Field(alias="totalCost")
    total_usage: TotalUsageType = Field(alias="totalUsage")
    charging_periods: Annotated[list[ChargingPeriodType], Field(min_length=1)] | None = Field(default=None, alias="chargingPeriods")
    failure_to_calculate: Bool | None = Field(default=None, alias="failureToCalculate")
    failure_reason: Annotated[Str, Field(max_length=500)] | None = Field(default=None, alias="failureReason")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostDimensionType(OcppModel):
    """Volume consumed of cost dimension."""

    type: CostDimensionEnumType = Field(alias="type")
    volume: Number = Field(alias="volume")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostType(OcppModel):
    """CostType"""

    cost_kind: CostKindEnumType = Field(alias="costKind")
    amount: Int = Field(alias="amount")
    amount_multiplier: Int | None = Field(default=None, alias="amountMultiplier")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DCChargingParametersType(OcppModel):
    """EV DC charging parameters for ISO 15118-2"""

    ev_max_current: Number = Field(alias="evMaxCurrent")
    ev_max_voltage: Number = Field(alias="evMaxVoltage")
    ev_max_power: Number | None = Field(default=None, alias="evMaxPower")
    ev_energy_capacity: Number | None = Field(default=None, alias="evEnergyCapacity")
    energy_amount: Number | None = Field(default=None, alias="energyAmount")
    state_of_charge: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="stateOfCharge")
    full_soc: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="fullSoC")
    bulk_soc: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="bulkSoC")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DERChargingParametersType(OcppModel):
    """*(2.1)* DERChargingParametersType is used in ChargingNeedsType during an ISO 15118-20 session for AC_BPT_DER to report the inverter settings related to DER control that were agreed between EVSE and EV."""

    ev_supported_der_control: Annotated[list[DERControlEnumType], Field(min_length=1)] | None = Field(default=None, alias="evSupportedDERControl")
    ev_over_excited_max_discharge_power: Number | None = Field(default=None, alias="evOverExcitedMaxDischargePower")
    ev_over_excited_power_factor: Number | None = Field(default=None, alias="evOverExcitedPowerFactor")
    ev_under_excited_max_discharge_power: Number | None = Field(default=None, alias="evUnderExcitedMaxDischargePower")
    ev_under_excited_power_factor: Number | None = Field(default=None, alias="evUnderExcitedPowerFactor")
    max_apparent_power: Number | None = Field(default=None, alias="maxApparentPower")
    max_charge_apparent_power: Number | None = Field(default=None, alias="maxChargeApparentPower")
    max_charge_apparent_power_l2: Number | None = Field(default=None, alias="maxChargeApparentPower_L2")
    max_charge_apparent_power_l3: Number | None = Field(default=None, alias="maxChargeApparentPower_L3")
    max_discharge_apparent_power: Number | None = Field(default=None, alias="maxDischargeApparentPower")
    max_discharge_apparent_power_l2: Number | None = Field(default=None, alias="maxDischargeApparentPower_L2")
    max_discharge_apparent_power_l3: Number | None = Field(default=None, alias="maxDischargeApparentPower_L3")
    max_charge_reactive_power: Number | None = Field(default=None, alias="maxChargeReactivePower")
    max_charge_reactive_power_l2: Number | None = Field(default=None, alias="maxChargeReactivePower_L2")
    max_charge_reactive_power_l3: Number | None = Field(default=None, alias="maxChargeReactivePower_L3")
    min_charge_reactive_power: Number | None = Field(default=None, alias="minChargeReactivePower")
    min_charge_reactive_power_l2: Number | None = Field(default=None, alias="minChargeReactivePower_L2")
    min_charge_reactive_power_l3: Number | None = Field(default=None, alias="minChargeReactivePower_L3")
    max_discharge_reactive_power: Number | None = Field(default=None, alias="maxDischargeReactivePower")
    max_discharge_reactive_power_l2: Number | None = Field(default=None, alias="maxDischargeReactivePower_L2")
    max_discharge_reactive_power_l3: Number | None = Field(default=None, alias="maxDischargeReactivePower_L3")
    min_discharge_reactive_power: Number | None = Field(default=None, alias="minDischargeReactivePower")
    min_discharge_reactive_power_l2: Number | None = Field(default=None, alias="minDischargeReactivePower_L2")
    min_discharge_reactive_power_l3: Number | None = Field(default=None, alias="minDischargeReactivePower_L3")
    nominal_voltage: Number | None = Field(default=None, alias="nominalVoltage")
    nominal_voltage_offset: Number | None = Field(default=None, alias="nominalVoltageOffset")
    max_nominal_voltage: Number | None = Field(default=None, alias="maxNominalVoltage")
    min_nominal_voltage: Number | None = Field(default=None, alias="minNominalVoltage")
    ev_inverter_manufacturer: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="evInverterManufacturer")
    ev_inverter_model: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="evInverterModel")
    ev_inverter_serial_number: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="evInverterSerialNumber")
    ev_inverter_sw_version: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="evInverterSwVersion")
    ev_inverter_hw_version: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="evInverterHwVersion")
    ev_islanding_detection_method: Annotated[list[IslandingDetectionEnumType], Field(min_length=1)] | None = Field(default=None, alias="evIslandingDetectionMethod")
    ev_islanding_trip_time: Number | None = Field(default=None, alias="evIslandingTripTime")
    ev_maximum_level1_dc_injection: Number | None = Field(default=None, alias="evMaximumLevel1DCInjection")
    ev_duration_level1_dc_injection: Number | None = Field(default=None, alias="evDurationLevel1DCInjection")
    ev_maximum_level2_dc_injection: Number | None = Field(default=None, alias="evMaximumLevel2DCInjection")
    ev_duration_level2_dc_injection: Number | None = Field(default=None, alias="evDurationLevel2DCInjection")
    ev_reactive_susceptance: Number | None = Field(default=None, alias="evReactiveSusceptance")
    ev_session_total_discharge_energy_available: Number | None = Field(default=None, alias="evSessionTotalDischargeEnergyAvailable")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DERCurveGetType(OcppModel):
    """DERCurveGetType"""

    curve: DERCurveType = Field(alias="curve")
    id: Annotated[Str, Field(max_length=36)] = Field(alias="id")
    curve_type: DERControlEnumType = Field(alias="curveType")
    is_default: Bool = Field(alias="isDefault")
    is_superseded: Bool = Field(alias="isSuperseded")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DERCurvePointsType(OcppModel):
    """DERCurvePointsType"""

    x: Number = Field(alias="x")
    y: Number = Field(alias="y")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DERCurveType(OcppModel):
    """DERCurveType"""

    curve_data: Annotated[list[DERCurvePointsType], Field(min_length=1, max_length=10)] = Field(alias="curveData")
    priority: Annotated[Int, Field(ge=0)] = Field(alias="priority")
    y_unit: DERUnitEnumType = Field(alias="yUnit")
    hysteresis: HysteresisType | None = Field(default=None, alias="hysteresis")
    reactive_power_params: ReactivePowerParamsType | None = Field(default=None, alias="reactivePowerParams")
    voltage_params: VoltageParamsType | None = Field(default=None, alias="voltageParams")
    response_time: Number | None = Field(default=None, alias="responseTime")
    start_time: DateTime | None = Field(default=None, alias="startTime")
    duration: Number | None = Field(default=None, alias="duration")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EVAbsolutePriceScheduleEntryType(OcppModel):
    """*(2.1)* An entry in price schedule over time for which EV is willing to discharge."""

    duration: Int = Field(alias="duration")
    ev_price_rule: Annotated[list[EVPriceRuleType], Field(min_length=1, max_length=8)] = Field(alias="evPriceRule")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EVAbsolutePriceScheduleType(OcppModel):
    """*(2.1)* Price schedule of EV energy offer."""

    time_anchor: DateTime = Field(alias="timeAnchor")
    currency: Annotated[Str, Field(max_length=3)] = Field(alias="currency")
    ev_absolute_price_schedule_entries: Annotated[list[EVAbsolutePriceScheduleEntryType], Field(min_length=1, max_length=1024)] = Field(alias="evAbsolutePriceScheduleEntries")
    price_algorithm: Annotated[Str, Field(max_length=2000)] = Field(alias="priceAlgorithm")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EVEnergyOfferType(OcppModel):
    """*(2.1)* A schedule of the energy amount over time that EV is willing to discharge. A negative value indicates the willingness to discharge under specific conditions, a positive value indicates that the EV currently is not able to offer energy to discharge."""

    ev_power_schedule: EVPowerScheduleType = Field(alias="evPowerSchedule")
    ev_absolute_price_schedule: EVAbsolutePriceScheduleType | None = Field(default=None, alias="evAbsolutePriceSchedule")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EVPowerScheduleEntryType(OcppModel):
    """*(2.1)* An entry in schedule of the energy amount over time that EV is willing to discharge. A negative value indicates the willingness to discharge under specific conditions, a positive value indicates that the EV currently is not able to offer energy to discharge."""

    duration: Int = Field(alias="duration")
    power: Number = Field(alias="power")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EVPowerScheduleType(OcppModel):
    """*(2.1)* Schedule of EV energy offer."""

    ev_power_schedule_entries: Annotated[list[EVPowerScheduleEntryType], Field(min_length=1, max_length=1024)] = Field(alias="evPowerScheduleEntries")
    time_anchor: DateTime = Field(alias="timeAnchor")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EVPriceRuleType(OcppModel):
    """*(2.1)* An entry in price schedule over time for which EV is willing to discharge."""

    energy_fee: Number = Field(alias="energyFee")
    power_range_start: Number = Field(alias="powerRangeStart")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EVSEType(OcppModel):
    """Electric Vehicle Supply Equipment"""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    connector_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="connectorId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EnterServiceGetType(OcppModel):
    """EnterServiceGetType"""

    enter_service: EnterServiceType = Field(alias="enterService")
    id: Annotated[Str, Field(max_length=36)] = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EnterServiceType(OcppModel):
    """EnterServiceType"""

    priority: Annotated[Int, Field(ge=0)] = Field(alias="priority")
    high_voltage: Number = Field(alias="highVoltage")
    low_voltage: Number = Field(alias="lowVoltage")
    high_freq: Number = Field(alias="highFreq")
    low_freq: Number = Field(alias="lowFreq")
    delay: Number | None = Field(default=None, alias="delay")
    random_delay: Number | None = Field(default=None, alias="randomDelay")
    ramp_rate: Number | None = Field(default=None, alias="rampRate")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class EventDataType(OcppModel):
    """Class to report an event notification for a component-variable."""

    event_id: Annotated[Int, Field(ge=0)] = Field(alias="eventId")
    timestamp: DateTime = Field(alias="timestamp")
    trigger: EventTriggerEnumType = Field(alias="trigger")
    actual_value: Annotated[Str, Field(max_length=2500)] = Field(alias="actualValue")
    component: ComponentType = Field(alias="component")
    event_notification_type: EventNotificationEnumType = Field(alias="eventNotificationType")
    variable: VariableType = Field(alias="variable")
    cause: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="cause")
    tech_code: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="techCode")
    tech_info: Annotated[Str, Field(max_length=500)] | None = Field(default=None, alias="techInfo")
    cleared: Bool | None = Field(default=None, alias="cleared")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")
    variable_monitoring_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="variableMonitoringId")
    severity: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="severity")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FirmwareType(OcppModel):
    """Represents a copy of the firmware that can be loaded/updated on the Charging Station."""

    location: Annotated[Str, Field(max_length=2000)] = Field(alias="location")
    retrieve_date_time: DateTime = Field(alias="retrieveDateTime")
    install_date_time: DateTime | None = Field(default=None, alias="installDateTime")
    signing_certificate: Annotated[Str, Field(max_length=5500)] | None = Field(default=None, alias="signingCertificate")
    signature: Annotated[Str, Field(max_length=800)] | None = Field(default=None, alias="signature")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FixedPFGetType(OcppModel):
    """FixedPFGetType"""

    fixed_pf: FixedPFType = Field(alias="fixedPF")
    id: Annotated[Str, Field(max_length=36)] = Field(alias="id")
    is_default: Bool = Field(alias="isDefault")
    is_superseded: Bool = Field(alias="isSuperseded")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FixedPFType(OcppModel):
    """FixedPFType"""

    priority: Annotated[Int, Field(ge=0)] = Field(alias="priority")
    displacement: Number = Field(alias="displacement")
    excitation: Bool = Field(alias="excitation")
    start_time: DateTime | None = Field(default=None, alias="startTime")
    duration: Number | None = Field(default=None, alias="duration")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FixedVarGetType(OcppModel):
    """FixedVarGetType"""

    fixed_var: FixedVarType = Field(alias="fixedVar")
    id: Annotated[Str, Field(max_length=36)] = Field(alias="id")
    is_default: Bool = Field(alias="isDefault")
    is_superseded: Bool = Field(alias="isSuperseded")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FixedVarType(OcppModel):
    """FixedVarType"""

    priority: Annotated[Int, Field(ge=0)] = Field(alias="priority")
    setpoint: Number = Field(alias="setpoint")
    unit: DERUnitEnumType = Field(alias="unit")
    start_time: DateTime | None = Field(default=None, alias="startTime")
    duration: Number | None = Field(default=None, alias="duration")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FreqDroopGetType(OcppModel):
    """FreqDroopGetType"""

    freq_droop: FreqDroopType = Field(alias="freqDroop")
    id: Annotated[Str, Field(max_length=36)] = Field(alias="id")
    is_default: Bool = Field(alias="isDefault")
    is_superseded: Bool = Field(alias="isSuperseded")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FreqDroopType(OcppModel):
    """FreqDroopType"""

    priority: Annotated[Int, Field(ge=0)] = Field(alias="priority")
    over_freq: Number = Field(alias="overFreq")
    under_freq: Number = Field(alias="underFreq")
    over_droop: Number = Field(alias="overDroop")
    under_droop: Number = Field(alias="underDroop")
    response_time: Number = Field(alias="responseTime")
    start_time: DateTime | None = Field(default=None, alias="startTime")
    duration: Number | None = Field(default=None, alias="duration")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetVariableDataType(OcppModel):
    """Class to hold parameters for GetVariables request."""

    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetVariableResultType(OcppModel):
    """Class to hold results of GetVariables request."""

    attribute_status: GetVariableStatusEnumType = Field(alias="attributeStatus")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    attribute_status_info: StatusInfoType | None = Field(default=None, alias="attributeStatusInfo")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")
    attribute_value: Annotated[Str, Field(max_length=2500)] | None = Field(default=None, alias="attributeValue")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GradientGetType(OcppModel):
    """GradientGetType"""

    gradient: GradientType = Field(alias="gradient")
    id: Annotated[Str, Field(max_length=36)] = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GradientType(OcppModel):
    """GradientType"""

    priority: Annotated[Int, Field(ge=0)] = Field(alias="priority")
    gradient: Number = Field(alias="gradient")
    soft_gradient: Number = Field(alias="softGradient")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class HysteresisType(OcppModel):
    """HysteresisType"""

    hysteresis_high: Number | None = Field(default=None, alias="hysteresisHigh")
    hysteresis_low: Number | None = Field(default=None, alias="hysteresisLow")
    hysteresis_delay: Number | None = Field(default=None, alias="hysteresisDelay")
    hysteresis_gradient: Number | None = Field(default=None, alias="hysteresisGradient")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class IdTokenInfoType(OcppModel):
    """Contains status information about an identifier."""

    status: AuthorizationStatusEnumType = Field(alias="status")
    cache_expiry_date_time: DateTime | None = Field(default=None, alias="cacheExpiryDateTime")
    charging_priority: Int | None = Field(default=None, alias="chargingPriority")
    group_id_token: IdTokenType | None = Field(default=None, alias="groupIdToken")
    language1: Annotated[Str, Field(max_length=8)] | None = Field(default=None, alias="language1")
    language2: Annotated[Str, Field(max_length=8)] | None = Field(default=None, alias="language2")
    evse_id: Annotated[list[Annotated[Int, Field(ge=0)]], Field(min_length=1)] | None = Field(default=None, alias="evseId")
    personal_message: MessageContentType | None = Field(default=None, alias="personalMessage")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class IdTokenType(OcppModel):
    """Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers."""

    id_token: Annotated[Str, Field(max_length=255)] = Field(alias="idToken")
    type: Annotated[Str, Field(max_length=20)] = Field(alias="type")
    additional_info: Annotated[list[AdditionalInfoType], Field(min_length=1)] | None = Field(default=None, alias="additionalInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class LimitAtSoCType(OcppModel):
    """LimitAtSoCType"""

    soc: Annotated[Int, Field(ge=0, le=100)] = Field(alias="soc")
    limit: Number = Field(alias="limit")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class LimitMaxDischargeGetType(OcppModel):
    """LimitMaxDischargeGetType"""

    id: Annotated[Str, Field(max_length=36)] = Field(alias="id")
    is_default: Bool = Field(alias="isDefault")
    is_superseded: Bool = Field(alias="isSuperseded")
    limit_max_discharge: LimitMaxDischargeType = Field(alias="limitMaxDischarge")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class LimitMaxDischargeType(OcppModel):
    """LimitMaxDischargeType"""

    priority: Annotated[Int, Field(ge=0)] = Field(alias="priority")
    pct_max_discharge_power: Number | None = Field(default=None, alias="pctMaxDischargePower")
    power_monitoring_must_trip: DERCurveType | None = Field(default=None, alias="powerMonitoringMustTrip")
    start_time: DateTime | None = Field(default=None, alias="startTime")
    duration: Number | None = Field(default=None, alias="duration")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class LogParametersType(OcppModel):
    """Generic class for the configuration of logging entries."""

    remote_location: Annotated[Str, Field(max_length=2000)] = Field(alias="remoteLocation")
    oldest_timestamp: DateTime | None = Field(default=None, alias="oldestTimestamp")
    latest_timestamp: DateTime | None = Field(default=None, alias="latestTimestamp")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MessageContentType(OcppModel):
    """Contains message details, for a message to be displayed on a Charging Station."""

    format: MessageFormatEnumType = Field(alias="format")
    content: Annotated[Str, Field(max_length=1024)] = Field(alias="content")
    language: Annotated[Str, Field(max_length=8)] | None = Field(default=None, alias="language")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MessageInfoType(OcppModel):
    """Contains message details, for a message to be displayed on a Charging Station."""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    priority: MessagePriorityEnumType = Field(alias="priority")
    message: MessageContentType = Field(alias="message")
    display: ComponentType | None = Field(default=None, alias="display")
    state: MessageStateEnumType | None = Field(default=None, alias="state")
    start_date_time: DateTime | None = Field(default=None, alias="startDateTime")
    end_date_time: DateTime | None = Field(default=None, alias="endDateTime")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")
    message_extra: Annotated[list[MessageContentType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="messageExtra")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MeterValueType(OcppModel):
    """Collection of one or more sampled values in MeterValuesRequest and TransactionEvent. All sampled values in a MeterValue are sampled at the same point in time."""

    sampled_value: Annotated[list[SampledValueType], Field(min_length=1)] = Field(alias="sampledValue")
    timestamp: DateTime = Field(alias="timestamp")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ModemType(OcppModel):
    """Defines parameters required for initiating and maintaining wireless communication with other devices."""

    iccid: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="iccid")
    imsi: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="imsi")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MonitoringDataType(OcppModel):
    """Class to hold parameters of SetVariableMonitoring request."""

    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    variable_monitoring: Annotated[list[VariableMonitoringType], Field(min_length=1)] = Field(alias="variableMonitoring")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NetworkConnectionProfileType(OcppModel):
    """The NetworkConnectionProfile defines the functional and technical parameters of a communication link."""

    ocpp_interface: OCPPInterfaceEnumType = Field(alias="ocppInterface")
    ocpp_transport: OCPPTransportEnumType = Field(alias="ocppTransport")
    message_timeout: Int = Field(alias="messageTimeout")
    ocpp_csms_url: Annotated[Str, Field(max_length=2000)] = Field(alias="ocppCsmsUrl")
    security_profile: Annotated[Int, Field(ge=0)] = Field(alias="securityProfile")
    apn: APNType | None = Field(default=None, alias="apn")
    ocpp_version: OCPPVersionEnumType | None = Field(default=None, alias="ocppVersion")
    identity: Annotated[Str, Field(max_length=48)] | None = Field(default=None, alias="identity")
    basic_auth_password: Annotated[Str, Field(max_length=64)] | None = Field(default=None, alias="basicAuthPassword")
    vpn: VPNType | None = Field(default=None, alias="vpn")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class OCSPRequestDataType(OcppModel):
    """Information about a certificate for an OCSP check."""

    hash_algorithm: HashAlgorithmEnumType = Field(alias="hashAlgorithm")
    issuer_name_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerNameHash")
    issuer_key_hash: Annotated[Str, Field(max_length=128)] = Field(alias="issuerKeyHash")
    serial_number: Annotated[Str, Field(max_length=40)] = Field(alias="serialNumber")
    responder_url: Annotated[Str, Field(max_length=2000)] = Field(alias="responderURL")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class OverstayRuleListType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    overstay_rule: Annotated[list[OverstayRuleType], Field(min_length=1, max_length=5)] = Field(alias="overstayRule")
    overstay_power_threshold: RationalNumberType | None = Field(default=None, alias="overstayPowerThreshold")
    overstay_time_threshold: Int | None = Field(default=None, alias="overstayTimeThreshold")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class OverstayRuleType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    overstay_fee: RationalNumberType = Field(alias="overstayFee")
    start_time: Int = Field(alias="startTime")
    overstay_fee_period: Int = Field(alias="overstayFeePeriod")
    overstay_rule_description: Annotated[Str, Field(max_length=32)] | None = Field(default=None, alias="overstayRuleDescription")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PeriodicEventStreamParamsType(OcppModel):
    """PeriodicEventStreamParamsType"""

    interval: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="interval")
    values: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="values")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PriceLevelScheduleEntryType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    duration: Int = Field(alias="duration")
    price_level: Annotated[Int, Field(ge=0)] = Field(alias="priceLevel")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PriceLevelScheduleType(OcppModel):
    """The PriceLevelScheduleType is modeled after the same type that is defined in ISO 15118-20, such that if it is supplied by an EMSP as a signed EXI message, the conversion from EXI to JSON (in OCPP) and back to EXI (for ISO 15118-20) does not change the digest and therefore does not invalidate the signature."""

    price_level_schedule_entries: Annotated[list[PriceLevelScheduleEntryType], Field(min_length=1, max_length=100)] = Field(alias="priceLevelScheduleEntries")
    time_anchor: DateTime = Field(alias="timeAnchor")
    price_schedule_id: Annotated[Int, Field(ge=0)] = Field(alias="priceScheduleId")
    number_of_price_levels: Annotated[Int, Field(ge=0)] = Field(alias="numberOfPriceLevels")
    price_schedule_description: Annotated[Str, Field(max_length=32)] | None = Field(default=None, alias="priceScheduleDescription")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PriceRuleStackType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    duration: Int = Field(alias="duration")
    price_rule: Annotated[list[PriceRuleType], Field(min_length=1, max_length=8)] = Field(alias="priceRule")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PriceRuleType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    energy_fee: RationalNumberType = Field(alias="energyFee")
    power_range_start: RationalNumberType = Field(alias="powerRangeStart")
    parking_fee_period: Int | None = Field(default=None, alias="parkingFeePeriod")
    carbon_dioxide_emission: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="carbonDioxideEmission")
    renewable_generation_percentage: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="renewableGenerationPercentage")
    parking_fee: RationalNumberType | None = Field(default=None, alias="parkingFee")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PriceType(OcppModel):
    """Price with and without tax. At least one of _exclTax_, _inclTax_ must be present."""

    excl_tax: Number | None = Field(default=None, alias="exclTax")
    incl_tax: Number | None = Field(default=None, alias="inclTax")
    tax_rates: Annotated[list[TaxRateType], Field(min_length=1, max_length=5)] | None = Field(default=None, alias="taxRates")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RationalNumberType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    exponent: Int = Field(alias="exponent")
    value: Int = Field(alias="value")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReactivePowerParamsType(OcppModel):
    """ReactivePowerParamsType"""

    v_ref: Number | None = Field(default=None, alias="vRef")
    autonomous_v_ref_enable: Bool | None = Field(default=None, alias="autonomousVRefEnable")
    autonomous_v_ref_time_constant: Number | None = Field(default=None, alias="autonomousVRefTimeConstant")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RelativeTimeIntervalType(OcppModel):
    """RelativeTimeIntervalType"""

    start: Int = Field(alias="start")
    duration: Int | None = Field(default=None, alias="duration")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReportDataType(OcppModel):
    """Class to report components, variables and variable attributes and characteristics."""

    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    variable_attribute: Annotated[list[VariableAttributeType], Field(min_length=1, max_length=4)] = Field(alias="variableAttribute")
    variable_characteristics: VariableCharacteristicsType | None = Field(default=None, alias="variableCharacteristics")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SalesTariffEntryType(OcppModel):
    """SalesTariffEntryType"""

    relative_time_interval: RelativeTimeIntervalType = Field(alias="relativeTimeInterval")
    e_price_level: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="ePriceLevel")
    consumption_cost: Annotated[list[ConsumptionCostType], Field(min_length=1, max_length=3)] | None = Field(default=None, alias="consumptionCost")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SalesTariffType(OcppModel):
    """A SalesTariff provided by a Mobility Operator (EMSP) ."""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    sales_tariff_entry: Annotated[list[SalesTariffEntryType], Field(min_length=1, max_length=1024)] = Field(alias="salesTariffEntry")
    sales_tariff_description: Annotated[Str, Field(max_length=32)] | None = Field(default=None, alias="salesTariffDescription")
    num_e_price_levels: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="numEPriceLevels")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SampledValueType(OcppModel):
    """Single sampled value in MeterValues. Each value can be accompanied by optional fields."""

    value: Number = Field(alias="value")
    measurand: MeasurandEnumType | None = Field(default=MeasurandEnumType.Energy_Active_Import_Register, alias="measurand")
    context: ReadingContextEnumType | None = Field(default=ReadingContextEnumType.Sample_Periodic, alias="context")
    phase: PhaseEnumType | None = Field(default=None, alias="phase")
    location: LocationEnumType | None = Field(default=LocationEnumType.Outlet, alias="location")
    signed_meter_value: SignedMeterValueType | None = Field(default=None, alias="signedMeterValue")
    unit_of_measure: UnitOfMeasureType | None = Field(default=None, alias="unitOfMeasure")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringDataType(OcppModel):
    """Class to hold parameters of SetVariableMonitoring request."""

    value: Number = Field(alias="value")
    type: MonitorEnumType = Field(alias="type")
    severity: Annotated[Int, Field(ge=0)] = Field(alias="severity")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="id")
    periodic_event_stream: PeriodicEventStreamParamsType | None = Field(default=None, alias="periodicEventStream")
    transaction: Bool | None = Field(default=False, alias="transaction")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringResultType(OcppModel):
    """Class to hold result of SetVariableMonitoring request."""

    status: SetMonitoringStatusEnumType = Field(alias="status")
    type: MonitorEnumType = Field(alias="type")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    severity: Annotated[Int, Field(ge=0)] = Field(alias="severity")
    id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="id")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariableDataType(OcppModel):
    """SetVariableDataType"""

    attribute_value: Annotated[Str, Field(max_length=2500)] = Field(alias="attributeValue")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariableResultType(OcppModel):
    """SetVariableResultType"""

    attribute_status: SetVariableStatusEnumType = Field(alias="attributeStatus")
    component: ComponentType = Field(alias="component")
    variable: VariableType = Field(alias="variable")
    attribute_type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="attributeType")
    attribute_status_info: StatusInfoType | None = Field(default=None, alias="attributeStatusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SignedMeterValueType(OcppModel):
    """Represent a signed version of the meter value."""

    signed_meter_data: Annotated[Str, Field(max_length=32768)] = Field(alias="signedMeterData")
    encoding_method: Annotated[Str, Field(max_length=50)] = Field(alias="encodingMethod")
    signing_method: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="signingMethod")
    public_key: Annotated[Str, Field(max_length=2500)] | None = Field(default=None, alias="publicKey")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class StatusInfoType(OcppModel):
    """Element providing more information about the status."""

    reason_code: Annotated[Str, Field(max_length=20)] = Field(alias="reasonCode")
    additional_info: Annotated[Str, Field(max_length=1024)] | None = Field(default=None, alias="additionalInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class StreamDataElementType(OcppModel):
    """StreamDataElementType"""

    t: Number = Field(alias="t")
    v: Annotated[Str, Field(max_length=2500)] = Field(alias="v")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffAssignmentType(OcppModel):
    """Shows assignment of tariffs to EVSE or IdToken."""

    tariff_id: Annotated[Str, Field(max_length=60)] = Field(alias="tariffId")
    tariff_kind: TariffKindEnumType = Field(alias="tariffKind")
    valid_from: DateTime | None = Field(default=None, alias="validFrom")
    evse_ids: Annotated[list[Annotated[Int, Field(ge=0)]], Field(min_length=1)] | None = Field(default=None, alias="evseIds")
    id_tokens: Annotated[list[Annotated[Str, Field(max_length=255)]], Field(min_length=1)] | None = Field(default=None, alias="idTokens")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffConditionsFixedType(OcppModel):
    """These conditions describe if a FixedPrice applies at start of the transaction."""

    start_time_of_day: Str | None = Field(default=None, alias="startTimeOfDay")
    end_time_of_day: Str | None = Field(default=None, alias="endTimeOfDay")
    day_of_week: Annotated[list[DayOfWeekEnumType], Field(min_length=1, max_length=7)] | None = Field(default=None, alias="dayOfWeek")
    valid_from_date: Str | None = Field(default=None, alias="validFromDate")
    valid_to_date: Str | None = Field(default=None, alias="validToDate")
    evse_kind: EvseKindEnumType | None = Field(default=None, alias="evseKind")
    payment_brand: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="paymentBrand")
    payment_recognition: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="paymentRecognition")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffConditionsType(OcppModel):
    """These conditions describe if and when a TariffEnergyType or TariffTimeType applies during a transaction."""

    start_time_of_day: Str | None = Field(default=None, alias="startTimeOfDay")
    end_time_of_day: Str | None = Field(default=None, alias="endTimeOfDay")
    day_of_week: Annotated[list[DayOfWeekEnumType], Field(min_length=1, max_length=7)] | None = Field(default=None, alias="dayOfWeek")
    valid_from_date: Str | None = Field(default=None, alias="validFromDate")
    valid_to_date: Str | None = Field(default=None, alias="validToDate")
    evse_kind: EvseKindEnumType | None = Field(default=None, alias="evseKind")
    min_energy: Number | None = Field(default=None, alias="minEnergy")
    max_energy: Number | None = Field(default=None, alias="maxEnergy")
    min_current: Number | None = Field(default=None, alias="minCurrent")
    max_current: Number | None = Field(default=None, alias="maxCurrent")
    min_power: Number | None = Field(default=None, alias="minPower")
    max_power: Number | None = Field(default=None, alias="maxPower")
    min_time: Int | None = Field(default=None, alias="minTime")
    max_time: Int | None = Field(default=None, alias="maxTime")
    min_charging_time: Int | None = Field(default=None, alias="minChargingTime")
    max_charging_time: Int | None = Field(default=None, alias="maxChargingTime")
    min_idle_time: Int | None = Field(default=None, alias="minIdleTime")
    max_idle_time: Int | None = Field(default=None, alias="maxIdleTime")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffEnergyPriceType(OcppModel):
    """Tariff with optional conditions for an energy price."""

    price_kwh: Number = Field(alias="priceKwh")
    conditions: TariffConditionsType | None = Field(default=None, alias="conditions")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffEnergyType(OcppModel):
    """Price elements and tax for energy"""

    prices: Annotated[list[TariffEnergyPriceType], Field(min_length=1)] = Field(alias="prices")
    tax_rates: Annotated[list[TaxRateType], Field(min_length=1, max_length=5)] | None = Field(default=None, alias="taxRates")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffFixedPriceType(OcppModel):
    """Tariff with optional conditions for a fixed price."""

    price_fixed: Number = Field(alias="priceFixed")
    conditions: TariffConditionsFixedType | None = Field(default=None, alias="conditions")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffFixedType(OcppModel):
    """TariffFixedType"""

    prices: Annotated[list[TariffFixedPriceType], Field(min_length=1)] = Field(alias="prices")
    tax_rates: Annotated[list[TaxRateType], Field(min_length=1, max_length=5)] | None = Field(default=None, alias="taxRates")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffTimePriceType(OcppModel):
    """Tariff with optional conditions for a time duration price."""

    price_minute: Number = Field(alias="priceMinute")
    conditions: TariffConditionsType | None = Field(default=None, alias="conditions")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffTimeType(OcppModel):
    """Price elements and tax for time"""

    prices: Annotated[list[TariffTimePriceType], Field(min_length=1)] = Field(alias="prices")
    tax_rates: Annotated[list[TaxRateType], Field(min_length=1, max_length=5)] | None = Field(default=None, alias="taxRates")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TariffType(OcppModel):
    """A tariff is described by fields with prices for:"""

    tariff_id: Annotated[Str, Field(max_length=60)] = Field(alias="tariffId")
    currency: Annotated[Str, Field(max_length=3)] = Field(alias="currency")
    description: Annotated[list[MessageContentType], Field(min_length=1, max_length=10)] | None = Field(default=None, alias="description")
    energy: TariffEnergyType | None = Field(default=None, alias="energy")
    valid_from: DateTime | None = Field(default=None, alias="validFrom")
    charging_time: TariffTimeType | None = Field(default=None, alias="chargingTime")
    idle_time: TariffTimeType | None = Field(default=None, alias="idleTime")
    fixed_fee: TariffFixedType | None = Field(default=None, alias="fixedFee")
    reservation_time: TariffTimeType | None = Field(default=None, alias="reservationTime")
    reservation_fixed: TariffFixedType | None = Field(default=None, alias="reservationFixed")
    min_cost: PriceType | None = Field(default=None, alias="minCost")
    max_cost: PriceType | None = Field(default=None, alias="maxCost")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TaxRateType(OcppModel):
    """Tax percentage"""

    type: Annotated[Str, Field(max_length=20)] = Field(alias="type")
    tax: Number = Field(alias="tax")
    stack: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="stack")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TaxRuleType(OcppModel):
    """Part of ISO 15118-20 price schedule."""

    tax_rule_id: Annotated[Int, Field(ge=0)] = Field(alias="taxRuleID")
    applies_to_energy_fee: Bool = Field(alias="appliesToEnergyFee")
    applies_to_parking_fee: Bool = Field(alias="appliesToParkingFee")
    applies_to_overstay_fee: Bool = Field(alias="appliesToOverstayFee")
    applies_to_minimum_maximum_cost: Bool = Field(alias="appliesToMinimumMaximumCost")
    tax_rate: RationalNumberType = Field(alias="taxRate")
    tax_rule_name: Annotated[Str, Field(max_length=100)] | None = Field(default=None, alias="taxRuleName")
    tax_included_in_price: Bool | None = Field(default=None, alias="taxIncludedInPrice")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TotalCostType(OcppModel):
    """This contains the cost calculated during a transaction. It is used both for running cost and final cost of the transaction."""

    currency: Annotated[Str, Field(max_length=3)] = Field(alias="currency")
    type_of_cost: TariffCostEnumType = Field(alias="typeOfCost")
    total: TotalPriceType = Field(alias="total")
    fixed: PriceType | None = Field(default=None, alias="fixed")
    energy: PriceType | None = Field(default=None, alias="energy")
    charging_time: PriceType | None = Field(default=None, alias="chargingTime")
    idle_time: PriceType | None = Field(default=None, alias="idleTime")
    reservation_time: PriceType | None = Field(default=None, alias="reservationTime")
    reservation_fixed: PriceType | None = Field(default=None, alias="reservationFixed")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TotalPriceType(OcppModel):
    """Total cost with and without tax. Contains the total of energy, charging time, idle time, fixed and reservation costs including and/or excluding tax."""

    excl_tax: Number | None = Field(default=None, alias="exclTax")
    incl_tax: Number | None = Field(default=None, alias="inclTax")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TotalUsageType(OcppModel):
    """This contains the calculated usage of energy, charging time and idle time during a transaction."""

    energy: Number = Field(alias="energy")
    charging_time: Int = Field(alias="chargingTime")
    idle_time: Int = Field(alias="idleTime")
    reservation_time: Int | None = Field(default=None, alias="reservationTime")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TransactionLimitType(OcppModel):
    """Cost, energy, time or SoC limit for a transaction."""

    max_cost: Number | None = Field(default=None, alias="maxCost")
    max_energy: Number | None = Field(default=None, alias="maxEnergy")
    max_time: Int | None = Field(default=None, alias="maxTime")
    max_soc: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="maxSoC")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TransactionType(OcppModel):
    """TransactionType"""

    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    charging_state: ChargingStateEnumType | None = Field(default=None, alias="chargingState")
    time_spent_charging: Int | None = Field(default=None, alias="timeSpentCharging")
    stopped_reason: ReasonEnumType | None = Field(default=None, alias="stoppedReason")
    remote_start_id: Int | None = Field(default=None, alias="remoteStartId")
    operation_mode: OperationModeEnumType | None = Field(default=None, alias="operationMode")
    tariff_id: Annotated[Str, Field(max_length=60)] | None = Field(default=None, alias="tariffId")
    transaction_limit: TransactionLimitType | None = Field(default=None, alias="transactionLimit")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UnitOfMeasureType(OcppModel):
    """Represents a UnitOfMeasure with a multiplier"""

    unit: Annotated[Str, Field(max_length=20)] | None = Field(default='Wh', alias="unit")
    multiplier: Int | None = Field(default=0, alias="multiplier")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class V2XChargingParametersType(OcppModel):
    """Charging parameters for ISO 15118-20, also supporting V2X charging/discharging.+"""

    min_charge_power: Number | None = Field(default=None, alias="minChargePower")
    min_charge_power_l2: Number | None = Field(default=None, alias="minChargePower_L2")
    min_charge_power_l3: Number | None = Field(default=None, alias="minChargePower_L3")
    max_charge_power: Number | None = Field(default=None, alias="maxChargePower")
    max_charge_power_l2: Number | None = Field(default=None, alias="maxChargePower_L2")
    max_charge_power_l3: Number | None = Field(default=None, alias="maxChargePower_L3")
    min_discharge_power: Number | None = Field(default=None, alias="minDischargePower")
    min_discharge_power_l2: Number | None = Field(default=None, alias="minDischargePower_L2")
    min_discharge_power_l3: Number | None = Field(default=None, alias="minDischargePower_L3")
    max_discharge_power: Number | None = Field(default=None, alias="maxDischargePower")
    max_discharge_power_l2: Number | None = Field(default=None, alias="maxDischargePower_L2")
    max_discharge_power_l3: Number | None = Field(default=None, alias="maxDischargePower_L3")
    min_charge_current: Number | None = Field(default=None, alias="minChargeCurrent")
    max_charge_current: Number | None = Field(default=None, alias="maxChargeCurrent")
    min_discharge_current: Number | None = Field(default=None, alias="minDischargeCurrent")
    max_discharge_current: Number | None = Field(default=None, alias="maxDischargeCurrent")
    min_voltage: Number | None = Field(default=None, alias="minVoltage")
    max_voltage: Number | None = Field(default=None, alias="maxVoltage")
    ev_target_energy_request: Number | None = Field(default=None, alias="evTargetEnergyRequest")
    ev_min_energy_request: Number | None = Field(default=None, alias="evMinEnergyRequest")
    ev_max_energy_request: Number | None = Field(default=None, alias="evMaxEnergyRequest")
    ev_min_v2_x_energy_request: Number | None = Field(default=None, alias="evMinV2XEnergyRequest")
    ev_max_v2_x_energy_request: Number | None = Field(default=None, alias="evMaxV2XEnergyRequest")
    target_soc: Annotated[Int, Field(ge=0, le=100)] | None = Field(default=None, alias="targetSoC")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class V2XFreqWattPointType(OcppModel):
    """*(2.1)* A point of a frequency-watt curve."""

    frequency: Number = Field(alias="frequency")
    power: Number = Field(alias="power")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class V2XSignalWattPointType(OcppModel):
    """*(2.1)* A point of a signal-watt curve."""

    signal: Int = Field(alias="signal")
    power: Number = Field(alias="power")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VPNType(OcppModel):
    """VPN Configuration settings"""

    server: Annotated[Str, Field(max_length=2000)] = Field(alias="server")
    user: Annotated[Str, Field(max_length=50)] = Field(alias="user")
    password: Annotated[Str, Field(max_length=64)] = Field(alias="password")
    key: Annotated[Str, Field(max_length=255)] = Field(alias="key")
    type: VPNEnumType = Field(alias="type")
    group: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="group")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VariableAttributeType(OcppModel):
    """Attribute data of a variable."""

    type: AttributeEnumType | None = Field(default=AttributeEnumType.Actual, alias="type")
    value: Annotated[Str, Field(max_length=2500)] | None = Field(default=None, alias="value")
    mutability: MutabilityEnumType | None = Field(default=MutabilityEnumType.ReadWrite, alias="mutability")
    persistent: Bool | None = Field(default=False, alias="persistent")
    constant: Bool | None = Field(default=False, alias="constant")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VariableCharacteristicsType(OcppModel):
    """Fixed read-only parameters of a variable."""

    data_type: DataEnumType = Field(alias="dataType")
    supports_monitoring: Bool = Field(alias="supportsMonitoring")
    unit: Annotated[Str, Field(max_length=16)] | None = Field(default=None, alias="unit")
    min_limit: Number | None = Field(default=None, alias="minLimit")
    max_limit: Number | None = Field(default=None, alias="maxLimit")
    max_elements: Annotated[Int, Field(ge=1)] | None = Field(default=None, alias="maxElements")
    values_list: Annotated[Str, Field(max_length=1000)] | None = Field(default=None, alias="valuesList")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VariableMonitoringType(OcppModel):
    """A monitoring setting for a variable."""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    transaction: Bool = Field(alias="transaction")
    value: Number = Field(alias="value")
    type: MonitorEnumType = Field(alias="type")
    severity: Annotated[Int, Field(ge=0)] = Field(alias="severity")
    event_notification_type: EventNotificationEnumType = Field(alias="eventNotificationType")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VariableType(OcppModel):
    """Reference key to a component-variable."""

    name: Annotated[Str, Field(max_length=50)] = Field(alias="name")
    instance: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="instance")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VoltageParamsType(OcppModel):
    """VoltageParamsType"""

    hv10_min_mean_value: Number | None = Field(default=None, alias="hv10MinMeanValue")
    hv10_min_mean_trip_delay: Number | None = Field(default=None, alias="hv10MinMeanTripDelay")
    power_during_cessation: PowerDuringCessationEnumType | None = Field(default=None, alias="powerDuringCessation")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


# --- Messages: one Request and one Response per action ---


class AFRRSignalRequest(OcppModel):
    """AFRRSignalRequest payload (OCPP 2.1)."""

    timestamp: DateTime = Field(alias="timestamp")
    signal: Int = Field(alias="signal")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AFRRSignalResponse(OcppModel):
    """AFRRSignalResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AdjustPeriodicEventStreamRequest(OcppModel):
    """AdjustPeriodicEventStreamRequest payload (OCPP 2.1)."""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    params: PeriodicEventStreamParamsType = Field(alias="params")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AdjustPeriodicEventStreamResponse(OcppModel):
    """AdjustPeriodicEventStreamResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AuthorizeRequest(OcppModel):
    """AuthorizeRequest payload (OCPP 2.1)."""

    id_token: IdTokenType = Field(alias="idToken")
    certificate: Annotated[Str, Field(max_length=10000)] | None = Field(default=None, alias="certificate")
    iso15118_certificate_hash_data: Annotated[list[OCSPRequestDataType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="iso15118CertificateHashData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class AuthorizeResponse(OcppModel):
    """AuthorizeResponse payload (OCPP 2.1)."""

    id_token_info: IdTokenInfoType = Field(alias="idTokenInfo")
    certificate_status: AuthorizeCertificateStatusEnumType | None = Field(default=None, alias="certificateStatus")
    allowed_energy_transfer: Annotated[list[EnergyTransferModeEnumType], Field(min_length=1)] | None = Field(default=None, alias="allowedEnergyTransfer")
    tariff: TariffType | None = Field(default=None, alias="tariff")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class BatterySwapRequest(OcppModel):
    """BatterySwapRequest payload (OCPP 2.1)."""

    battery_data: Annotated[list[BatteryDataType], Field(min_length=1)] = Field(alias="batteryData")
    event_type: BatterySwapEventEnumType = Field(alias="eventType")
    id_token: IdTokenType = Field(alias="idToken")
    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class BatterySwapResponse(OcppModel):
    """BatterySwapResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class BootNotificationRequest(OcppModel):
    """BootNotificationRequest payload (OCPP 2.1)."""

    charging_station: ChargingStationType = Field(alias="chargingStation")
    reason: BootReasonEnumType = Field(alias="reason")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class BootNotificationResponse(OcppModel):
    """BootNotificationResponse payload (OCPP 2.1)."""

    current_time: DateTime = Field(alias="currentTime")
    interval: Int = Field(alias="interval")
    status: RegistrationStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CancelReservationRequest(OcppModel):
    """CancelReservationRequest payload (OCPP 2.1)."""

    reservation_id: Annotated[Int, Field(ge=0)] = Field(alias="reservationId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CancelReservationResponse(OcppModel):
    """CancelReservationResponse payload (OCPP 2.1)."""

    status: CancelReservationStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CertificateSignedRequest(OcppModel):
    """CertificateSignedRequest payload (OCPP 2.1)."""

    certificate_chain: Annotated[Str, Field(max_length=10000)] = Field(alias="certificateChain")
    certificate_type: CertificateSigningUseEnumType | None = Field(default=None, alias="certificateType")
    request_id: Int | None = Field(default=None, alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CertificateSignedResponse(OcppModel):
    """CertificateSignedResponse payload (OCPP 2.1)."""

    status: CertificateSignedStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChangeAvailabilityRequest(OcppModel):
    """ChangeAvailabilityRequest payload (OCPP 2.1)."""

    operational_status: OperationalStatusEnumType = Field(alias="operationalStatus")
    evse: EVSEType | None = Field(default=None, alias="evse")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChangeAvailabilityResponse(OcppModel):
    """ChangeAvailabilityResponse payload (OCPP 2.1)."""

    status: ChangeAvailabilityStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChangeTransactionTariffRequest(OcppModel):
    """ChangeTransactionTariffRequest payload (OCPP 2.1)."""

    tariff: TariffType = Field(alias="tariff")
    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ChangeTransactionTariffResponse(OcppModel):
    """ChangeTransactionTariffResponse payload (OCPP 2.1)."""

    status: TariffChangeStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearCacheRequest(OcppModel):
    """ClearCacheRequest payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearCacheResponse(OcppModel):
    """ClearCacheResponse payload (OCPP 2.1)."""

    status: ClearCacheStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearChargingProfileRequest(OcppModel):
    """ClearChargingProfileRequest payload (OCPP 2.1)."""

    charging_profile_id: Int | None = Field(default=None, alias="chargingProfileId")
    charging_profile_criteria: ClearChargingProfileType | None = Field(default=None, alias="chargingProfileCriteria")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearChargingProfileResponse(OcppModel):
    """ClearChargingProfileResponse payload (OCPP 2.1)."""

    status: ClearChargingProfileStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearDERControlRequest(OcppModel):
    """ClearDERControlRequest payload (OCPP 2.1)."""

    is_default: Bool = Field(alias="isDefault")
    control_type: DERControlEnumType | None = Field(default=None, alias="controlType")
    control_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="controlId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearDERControlResponse(OcppModel):
    """ClearDERControlResponse payload (OCPP 2.1)."""

    status: DERControlStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearDisplayMessageRequest(OcppModel):
    """ClearDisplayMessageRequest payload (OCPP 2.1)."""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearDisplayMessageResponse(OcppModel):
    """ClearDisplayMessageResponse payload (OCPP 2.1)."""

    status: ClearMessageStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearTariffsRequest(OcppModel):
    """ClearTariffsRequest payload (OCPP 2.1)."""

    tariff_ids: Annotated[list[Annotated[Str, Field(max_length=60)]], Field(min_length=1)] | None = Field(default=None, alias="tariffIds")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearTariffsResponse(OcppModel):
    """ClearTariffsResponse payload (OCPP 2.1)."""

    clear_tariffs_result: Annotated[list[ClearTariffsResultType], Field(min_length=1)] = Field(alias="clearTariffsResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearVariableMonitoringRequest(OcppModel):
    """ClearVariableMonitoringRequest payload (OCPP 2.1)."""

    id: Annotated[list[Annotated[Int, Field(ge=0)]], Field(min_length=1)] = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearVariableMonitoringResponse(OcppModel):
    """ClearVariableMonitoringResponse payload (OCPP 2.1)."""

    clear_monitoring_result: Annotated[list[ClearMonitoringResultType], Field(min_length=1)] = Field(alias="clearMonitoringResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearedChargingLimitRequest(OcppModel):
    """ClearedChargingLimitRequest payload (OCPP 2.1)."""

    charging_limit_source: Annotated[Str, Field(max_length=20)] = Field(alias="chargingLimitSource")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClearedChargingLimitResponse(OcppModel):
    """ClearedChargingLimitResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClosePeriodicEventStreamRequest(OcppModel):
    """ClosePeriodicEventStreamRequest payload (OCPP 2.1)."""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ClosePeriodicEventStreamResponse(OcppModel):
    """ClosePeriodicEventStreamResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostUpdatedRequest(OcppModel):
    """CostUpdatedRequest payload (OCPP 2.1)."""

    total_cost: Number = Field(alias="totalCost")
    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CostUpdatedResponse(OcppModel):
    """CostUpdatedResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CustomerInformationRequest(OcppModel):
    """CustomerInformationRequest payload (OCPP 2.1)."""

    request_id: Annotated[Int, Field(ge=0)] = Field(alias="requestId")
    report: Bool = Field(alias="report")
    clear: Bool = Field(alias="clear")
    customer_certificate: CertificateHashDataType | None = Field(default=None, alias="customerCertificate")
    id_token: IdTokenType | None = Field(default=None, alias="idToken")
    customer_identifier: Annotated[Str, Field(max_length=64)] | None = Field(default=None, alias="customerIdentifier")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class CustomerInformationResponse(OcppModel):
    """CustomerInformationResponse payload (OCPP 2.1)."""

    status: CustomerInformationStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DataTransferRequest(OcppModel):
    """DataTransferRequest payload (OCPP 2.1)."""

    vendor_id: Annotated[Str, Field(max_length=255)] = Field(alias="vendorId")
    message_id: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="messageId")
    data: Any = Field(default=None, alias="data")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DataTransferResponse(OcppModel):
    """DataTransferResponse payload (OCPP 2.1)."""

    status: DataTransferStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    data: Any = Field(default=None, alias="data")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DeleteCertificateRequest(OcppModel):
    """DeleteCertificateRequest payload (OCPP 2.1)."""

    certificate_hash_data: CertificateHashDataType = Field(alias="certificateHashData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class DeleteCertificateResponse(OcppModel):
    """DeleteCertificateResponse payload (OCPP 2.1)."""

    status: DeleteCertificateStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FirmwareStatusNotificationRequest(OcppModel):
    """FirmwareStatusNotificationRequest payload (OCPP 2.1)."""

    status: FirmwareStatusEnumType = Field(alias="status")
    request_id: Int | None = Field(default=None, alias="requestId")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class FirmwareStatusNotificationResponse(OcppModel):
    """FirmwareStatusNotificationResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class Get15118EVCertificateRequest(OcppModel):
    """Get15118EVCertificateRequest payload (OCPP 2.1)."""

    iso15118_schema_version: Annotated[Str, Field(max_length=50)] = Field(alias="iso15118SchemaVersion")
    action: CertificateActionEnumType = Field(alias="action")
    exi_request: Annotated[Str, Field(max_length=11000)] = Field(alias="exiRequest")
    maximum_contract_certificate_chains: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="maximumContractCertificateChains")
    prioritized_emai_ds: Annotated[list[Annotated[Str, Field(max_length=255)]], Field(min_length=1, max_length=8)] | None = Field(default=None, alias="prioritizedEMAIDs")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class Get15118EVCertificateResponse(OcppModel):
    """Get15118EVCertificateResponse payload (OCPP 2.1)."""

    status: Iso15118EVCertificateStatusEnumType = Field(alias="status")
    exi_response: Annotated[Str, Field(max_length=17000)] = Field(alias="exiResponse")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    remaining_contracts: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="remainingContracts")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetBaseReportRequest(OcppModel):
    """GetBaseReportRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    report_base: ReportBaseEnumType = Field(alias="reportBase")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetBaseReportResponse(OcppModel):
    """GetBaseReportResponse payload (OCPP 2.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetCertificateChainStatusRequest(OcppModel):
    """GetCertificateChainStatusRequest payload (OCPP 2.1)."""

    certificate_status_requests: Annotated[list[CertificateStatusRequestInfoType], Field(min_length=1, max_length=4)] = Field(alias="certificateStatusRequests")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetCertificateChainStatusResponse(OcppModel):
    """GetCertificateChainStatusResponse payload (OCPP 2.1)."""

    certificate_status: Annotated[list[CertificateStatusType], Field(min_length=1, max_length=4)] = Field(alias="certificateStatus")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetCertificateStatusRequest(OcppModel):
    """GetCertificateStatusRequest payload (OCPP 2.1)."""

    ocsp_request_data: OCSPRequestDataType = Field(alias="ocspRequestData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetCertificateStatusResponse(OcppModel):
    """GetCertificateStatusResponse payload (OCPP 2.1)."""

    status: GetCertificateStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    ocsp_result: Annotated[Str, Field(max_length=18000)] | None = Field(default=None, alias="ocspResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetChargingProfilesRequest(OcppModel):
    """GetChargingProfilesRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    charging_profile: ChargingProfileCriterionType = Field(alias="chargingProfile")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetChargingProfilesResponse(OcppModel):
    """GetChargingProfilesResponse payload (OCPP 2.1)."""

    status: GetChargingProfileStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetCompositeScheduleRequest(OcppModel):
    """GetCompositeScheduleRequest payload (OCPP 2.1)."""

    duration: Int = Field(alias="duration")
    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    charging_rate_unit: ChargingRateUnitEnumType | None = Field(default=None, alias="chargingRateUnit")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetCompositeScheduleResponse(OcppModel):
    """GetCompositeScheduleResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    schedule: CompositeScheduleType | None = Field(default=None, alias="schedule")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetDERControlRequest(OcppModel):
    """GetDERControlRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    is_default: Bool | None = Field(default=None, alias="isDefault")
    control_type: DERControlEnumType | None = Field(default=None, alias="controlType")
    control_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="controlId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetDERControlResponse(OcppModel):
    """GetDERControlResponse payload (OCPP 2.1)."""

    status: DERControlStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetDisplayMessagesRequest(OcppModel):
    """GetDisplayMessagesRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    id: Annotated[list[Annotated[Int, Field(ge=0)]], Field(min_length=1)] | None = Field(default=None, alias="id")
    priority: MessagePriorityEnumType | None = Field(default=None, alias="priority")
    state: MessageStateEnumType | None = Field(default=None, alias="state")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetDisplayMessagesResponse(OcppModel):
    """GetDisplayMessagesResponse payload (OCPP 2.1)."""

    status: GetDisplayMessagesStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetInstalledCertificateIdsRequest(OcppModel):
    """GetInstalledCertificateIdsRequest payload (OCPP 2.1)."""

    certificate_type: Annotated[list[GetCertificateIdUseEnumType], Field(min_length=1)] | None = Field(default=None, alias="certificateType")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetInstalledCertificateIdsResponse(OcppModel):
    """GetInstalledCertificateIdsResponse payload (OCPP 2.1)."""

    status: GetInstalledCertificateStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    certificate_hash_data_chain: Annotated[list[CertificateHashDataChainType], Field(min_length=1)] | None = Field(default=None, alias="certificateHashDataChain")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetLocalListVersionRequest(OcppModel):
    """GetLocalListVersionRequest payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetLocalListVersionResponse(OcppModel):
    """GetLocalListVersionResponse payload (OCPP 2.1)."""

    version_number: Int = Field(alias="versionNumber")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetLogRequest(OcppModel):
    """GetLogRequest payload (OCPP 2.1)."""

    log: LogParametersType = Field(alias="log")
    log_type: LogEnumType = Field(alias="logType")
    request_id: Int = Field(alias="requestId")
    retries: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="retries")
    retry_interval: Int | None = Field(default=None, alias="retryInterval")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetLogResponse(OcppModel):
    """GetLogResponse payload (OCPP 2.1)."""

    status: LogStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    filename: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="filename")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetMonitoringReportRequest(OcppModel):
    """GetMonitoringReportRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    component_variable: Annotated[list[ComponentVariableType], Field(min_length=1)] | None = Field(default=None, alias="componentVariable")
    monitoring_criteria: Annotated[list[MonitoringCriterionEnumType], Field(min_length=1, max_length=3)] | None = Field(default=None, alias="monitoringCriteria")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetMonitoringReportResponse(OcppModel):
    """GetMonitoringReportResponse payload (OCPP 2.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetPeriodicEventStreamRequest(OcppModel):
    """GetPeriodicEventStreamRequest payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetPeriodicEventStreamResponse(OcppModel):
    """GetPeriodicEventStreamResponse payload (OCPP 2.1)."""

    constant_stream_data: Annotated[list[ConstantStreamDataType], Field(min_length=1)] | None = Field(default=None, alias="constantStreamData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetReportRequest(OcppModel):
    """GetReportRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    component_variable: Annotated[list[ComponentVariableType], Field(min_length=1)] | None = Field(default=None, alias="componentVariable")
    component_criteria: Annotated[list[ComponentCriterionEnumType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="componentCriteria")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetReportResponse(OcppModel):
    """GetReportResponse payload (OCPP 2.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetTariffsRequest(OcppModel):
    """GetTariffsRequest payload (OCPP 2.1)."""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetTariffsResponse(OcppModel):
    """GetTariffsResponse payload (OCPP 2.1)."""

    status: TariffGetStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    tariff_assignments: Annotated[list[TariffAssignmentType], Field(min_length=1)] | None = Field(default=None, alias="tariffAssignments")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetTransactionStatusRequest(OcppModel):
    """GetTransactionStatusRequest payload (OCPP 2.1)."""

    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetTransactionStatusResponse(OcppModel):
    """GetTransactionStatusResponse payload (OCPP 2.1)."""

    messages_in_queue: Bool = Field(alias="messagesInQueue")
    ongoing_indicator: Bool | None = Field(default=None, alias="ongoingIndicator")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetVariablesRequest(OcppModel):
    """GetVariablesRequest payload (OCPP 2.1)."""

    get_variable_data: Annotated[list[GetVariableDataType], Field(min_length=1)] = Field(alias="getVariableData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class GetVariablesResponse(OcppModel):
    """GetVariablesResponse payload (OCPP 2.1)."""

    get_variable_result: Annotated[list[GetVariableResultType], Field(min_length=1)] = Field(alias="getVariableResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class HeartbeatRequest(OcppModel):
    """HeartbeatRequest payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class HeartbeatResponse(OcppModel):
    """HeartbeatResponse payload (OCPP 2.1)."""

    current_time: DateTime = Field(alias="currentTime")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class InstallCertificateRequest(OcppModel):
    """InstallCertificateRequest payload (OCPP 2.1)."""

    certificate_type: InstallCertificateUseEnumType = Field(alias="certificateType")
    certificate: Annotated[Str, Field(max_length=10000)] = Field(alias="certificate")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class InstallCertificateResponse(OcppModel):
    """InstallCertificateResponse payload (OCPP 2.1)."""

    status: InstallCertificateStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class LogStatusNotificationRequest(OcppModel):
    """LogStatusNotificationRequest payload (OCPP 2.1)."""

    status: UploadLogStatusEnumType = Field(alias="status")
    request_id: Int | None = Field(default=None, alias="requestId")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class LogStatusNotificationResponse(OcppModel):
    """LogStatusNotificationResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MeterValuesRequest(OcppModel):
    """MeterValuesRequest payload (OCPP 2.1)."""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    meter_value: Annotated[list[MeterValueType], Field(min_length=1)] = Field(alias="meterValue")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class MeterValuesResponse(OcppModel):
    """MeterValuesResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyAllowedEnergyTransferRequest(OcppModel):
    """NotifyAllowedEnergyTransferRequest payload (OCPP 2.1)."""

    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    allowed_energy_transfer: Annotated[list[EnergyTransferModeEnumType], Field(min_length=1)] = Field(alias="allowedEnergyTransfer")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyAllowedEnergyTransferResponse(OcppModel):
    """NotifyAllowedEnergyTransferResponse payload (OCPP 2.1)."""

    status: NotifyAllowedEnergyTransferStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyChargingLimitRequest(OcppModel):
    """NotifyChargingLimitRequest payload (OCPP 2.1)."""

    charging_limit: ChargingLimitType = Field(alias="chargingLimit")
    charging_schedule: Annotated[list[ChargingScheduleType], Field(min_length=1)] | None = Field(default=None, alias="chargingSchedule")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyChargingLimitResponse(OcppModel):
    """NotifyChargingLimitResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyCustomerInformationRequest(OcppModel):
    """NotifyCustomerInformationRequest payload (OCPP 2.1)."""

    data: Annotated[Str, Field(max_length=512)] = Field(alias="data")
    seq_no: Annotated[Int, Field(ge=0)] = Field(alias="seqNo")
    generated_at: DateTime = Field(alias="generatedAt")
    request_id: Annotated[Int, Field(ge=0)] = Field(alias="requestId")
    tbc: Bool | None = Field(default=False, alias="tbc")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyCustomerInformationResponse(OcppModel):
    """NotifyCustomerInformationResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyDERAlarmRequest(OcppModel):
    """NotifyDERAlarmRequest payload (OCPP 2.1)."""

    control_type: DERControlEnumType = Field(alias="controlType")
    timestamp: DateTime = Field(alias="timestamp")
    grid_event_fault: GridEventFaultEnumType | None = Field(default=None, alias="gridEventFault")
    alarm_ended: Bool | None = Field(default=None, alias="alarmEnded")
    extra_info: Annotated[Str, Field(max_length=200)] | None = Field(default=None, alias="extraInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyDERAlarmResponse(OcppModel):
    """NotifyDERAlarmResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyDERStartStopRequest(OcppModel):
    """NotifyDERStartStopRequest payload (OCPP 2.1)."""

    control_id: Annotated[Str, Field(max_length=36)] = Field(alias="controlId")
    started: Bool = Field(alias="started")
    timestamp: DateTime = Field(alias="timestamp")
    superseded_ids: Annotated[list[Annotated[Str, Field(max_length=36)]], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="supersededIds")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyDERStartStopResponse(OcppModel):
    """NotifyDERStartStopResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyDisplayMessagesRequest(OcppModel):
    """NotifyDisplayMessagesRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    message_info: Annotated[list[MessageInfoType], Field(min_length=1)] | None = Field(default=None, alias="messageInfo")
    tbc: Bool | None = Field(default=False, alias="tbc")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyDisplayMessagesResponse(OcppModel):
    """NotifyDisplayMessagesResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEVChargingNeedsRequest(OcppModel):
    """NotifyEVChargingNeedsRequest payload (OCPP 2.1)."""

    evse_id: Annotated[Int, Field(ge=1)] = Field(alias="evseId")
    charging_needs: ChargingNeedsType = Field(alias="chargingNeeds")
    max_schedule_tuples: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="maxScheduleTuples")
    timestamp: DateTime | None = Field(default=None, alias="timestamp")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEVChargingNeedsResponse(OcppModel):
    """NotifyEVChargingNeedsResponse payload (OCPP 2.1)."""

    status: NotifyEVChargingNeedsStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEVChargingScheduleRequest(OcppModel):
    """NotifyEVChargingScheduleRequest payload (OCPP 2.1)."""

    time_base: DateTime = Field(alias="timeBase")
    charging_schedule: ChargingScheduleType = Field(alias="chargingSchedule")
    evse_id: Annotated[Int, Field(ge=1)] = Field(alias="evseId")
    selected_charging_schedule_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="selectedChargingScheduleId")
    power_tolerance_acceptance: Bool | None = Field(default=None, alias="powerToleranceAcceptance")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEVChargingScheduleResponse(OcppModel):
    """NotifyEVChargingScheduleResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEventRequest(OcppModel):
    """NotifyEventRequest payload (OCPP 2.1)."""

    generated_at: DateTime = Field(alias="generatedAt")
    seq_no: Annotated[Int, Field(ge=0)] = Field(alias="seqNo")
    event_data: Annotated[list[EventDataType], Field(min_length=1)] = Field(alias="eventData")
    tbc: Bool | None = Field(default=False, alias="tbc")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyEventResponse(OcppModel):
    """NotifyEventResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyMonitoringReportRequest(OcppModel):
    """NotifyMonitoringReportRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    seq_no: Annotated[Int, Field(ge=0)] = Field(alias="seqNo")
    generated_at: DateTime = Field(alias="generatedAt")
    monitor: Annotated[list[MonitoringDataType], Field(min_length=1)] | None = Field(default=None, alias="monitor")
    tbc: Bool | None = Field(default=False, alias="tbc")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyMonitoringReportResponse(OcppModel):
    """NotifyMonitoringReportResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyPeriodicEventStream(OcppModel):
    """NotifyPeriodicEventStream SEND payload, no response (OCPP 2.1)."""

    data: Annotated[list[StreamDataElementType], Field(min_length=1)] = Field(alias="data")
    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    pending: Annotated[Int, Field(ge=0)] = Field(alias="pending")
    basetime: DateTime = Field(alias="basetime")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyPriorityChargingRequest(OcppModel):
    """NotifyPriorityChargingRequest payload (OCPP 2.1)."""

    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    activated: Bool = Field(alias="activated")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyPriorityChargingResponse(OcppModel):
    """NotifyPriorityChargingResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyReportRequest(OcppModel):
    """NotifyReportRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    generated_at: DateTime = Field(alias="generatedAt")
    seq_no: Annotated[Int, Field(ge=0)] = Field(alias="seqNo")
    report_data: Annotated[list[ReportDataType], Field(min_length=1)] | None = Field(default=None, alias="reportData")
    tbc: Bool | None = Field(default=False, alias="tbc")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyReportResponse(OcppModel):
    """NotifyReportResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifySettlementRequest(OcppModel):
    """NotifySettlementRequest payload (OCPP 2.1)."""

    psp_ref: Annotated[Str, Field(max_length=255)] = Field(alias="pspRef")
    status: PaymentStatusEnumType = Field(alias="status")
    settlement_amount: Number = Field(alias="settlementAmount")
    settlement_time: DateTime = Field(alias="settlementTime")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")
    status_info: Annotated[Str, Field(max_length=500)] | None = Field(default=None, alias="statusInfo")
    receipt_id: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="receiptId")
    receipt_url: Annotated[Str, Field(max_length=2000)] | None = Field(default=None, alias="receiptUrl")
    vat_company: AddressType | None = Field(default=None, alias="vatCompany")
    vat_number: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="vatNumber")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifySettlementResponse(OcppModel):
    """NotifySettlementResponse payload (OCPP 2.1)."""

    receipt_url: Annotated[Str, Field(max_length=2000)] | None = Field(default=None, alias="receiptUrl")
    receipt_id: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="receiptId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyWebPaymentStartedRequest(OcppModel):
    """NotifyWebPaymentStartedRequest payload (OCPP 2.1)."""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    timeout: Int = Field(alias="timeout")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class NotifyWebPaymentStartedResponse(OcppModel):
    """NotifyWebPaymentStartedResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class OpenPeriodicEventStreamRequest(OcppModel):
    """OpenPeriodicEventStreamRequest payload (OCPP 2.1)."""

    constant_stream_data: ConstantStreamDataType = Field(alias="constantStreamData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class OpenPeriodicEventStreamResponse(OcppModel):
    """OpenPeriodicEventStreamResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PublishFirmwareRequest(OcppModel):
    """PublishFirmwareRequest payload (OCPP 2.1)."""

    location: Annotated[Str, Field(max_length=2000)] = Field(alias="location")
    checksum: Annotated[Str, Field(max_length=32)] = Field(alias="checksum")
    request_id: Annotated[Int, Field(ge=0)] = Field(alias="requestId")
    retries: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="retries")
    retry_interval: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="retryInterval")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PublishFirmwareResponse(OcppModel):
    """PublishFirmwareResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PublishFirmwareStatusNotificationRequest(OcppModel):
    """PublishFirmwareStatusNotificationRequest payload (OCPP 2.1)."""

    status: PublishFirmwareStatusEnumType = Field(alias="status")
    location: Annotated[list[Annotated[Str, Field(max_length=2000)]], Field(min_length=1)] | None = Field(default=None, alias="location")
    request_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="requestId")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PublishFirmwareStatusNotificationResponse(OcppModel):
    """PublishFirmwareStatusNotificationResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PullDynamicScheduleUpdateRequest(OcppModel):
    """PullDynamicScheduleUpdateRequest payload (OCPP 2.1)."""

    charging_profile_id: Int = Field(alias="chargingProfileId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class PullDynamicScheduleUpdateResponse(OcppModel):
    """PullDynamicScheduleUpdateResponse payload (OCPP 2.1)."""

    status: ChargingProfileStatusEnumType = Field(alias="status")
    schedule_update: ChargingScheduleUpdateType | None = Field(default=None, alias="scheduleUpdate")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReportChargingProfilesRequest(OcppModel):
    """ReportChargingProfilesRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    charging_limit_source: Annotated[Str, Field(max_length=20)] = Field(alias="chargingLimitSource")
    charging_profile: Annotated[list[ChargingProfileType], Field(min_length=1)] = Field(alias="chargingProfile")
    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    tbc: Bool | None = Field(default=False, alias="tbc")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReportChargingProfilesResponse(OcppModel):
    """ReportChargingProfilesResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReportDERControlRequest(OcppModel):
    """ReportDERControlRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    curve: Annotated[list[DERCurveGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="curve")
    enter_service: Annotated[list[EnterServiceGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="enterService")
    fixed_pf_absorb: Annotated[list[FixedPFGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="fixedPFAbsorb")
    fixed_pf_inject: Annotated[list[FixedPFGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="fixedPFInject")
    fixed_var: Annotated[list[FixedVarGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="fixedVar")
    freq_droop: Annotated[list[FreqDroopGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="freqDroop")
    gradient: Annotated[list[GradientGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="gradient")
    limit_max_discharge: Annotated[list[LimitMaxDischargeGetType], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="limitMaxDischarge")
    tbc: Bool | None = Field(default=None, alias="tbc")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReportDERControlResponse(OcppModel):
    """ReportDERControlResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestBatterySwapRequest(OcppModel):
    """RequestBatterySwapRequest payload (OCPP 2.1)."""

    id_token: IdTokenType = Field(alias="idToken")
    request_id: Int = Field(alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestBatterySwapResponse(OcppModel):
    """RequestBatterySwapResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestStartTransactionRequest(OcppModel):
    """RequestStartTransactionRequest payload (OCPP 2.1)."""

    id_token: IdTokenType = Field(alias="idToken")
    remote_start_id: Int = Field(alias="remoteStartId")
    evse_id: Annotated[Int, Field(ge=1)] | None = Field(default=None, alias="evseId")
    group_id_token: IdTokenType | None = Field(default=None, alias="groupIdToken")
    charging_profile: ChargingProfileType | None = Field(default=None, alias="chargingProfile")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestStartTransactionResponse(OcppModel):
    """RequestStartTransactionResponse payload (OCPP 2.1)."""

    status: RequestStartStopStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    transaction_id: Annotated[Str, Field(max_length=36)] | None = Field(default=None, alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestStopTransactionRequest(OcppModel):
    """RequestStopTransactionRequest payload (OCPP 2.1)."""

    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class RequestStopTransactionResponse(OcppModel):
    """RequestStopTransactionResponse payload (OCPP 2.1)."""

    status: RequestStartStopStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReservationStatusUpdateRequest(OcppModel):
    """ReservationStatusUpdateRequest payload (OCPP 2.1)."""

    reservation_id: Annotated[Int, Field(ge=0)] = Field(alias="reservationId")
    reservation_update_status: ReservationUpdateStatusEnumType = Field(alias="reservationUpdateStatus")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReservationStatusUpdateResponse(OcppModel):
    """ReservationStatusUpdateResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReserveNowRequest(OcppModel):
    """ReserveNowRequest payload (OCPP 2.1)."""

    id: Annotated[Int, Field(ge=0)] = Field(alias="id")
    expiry_date_time: DateTime = Field(alias="expiryDateTime")
    id_token: IdTokenType = Field(alias="idToken")
    connector_type: Annotated[Str, Field(max_length=20)] | None = Field(default=None, alias="connectorType")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    group_id_token: IdTokenType | None = Field(default=None, alias="groupIdToken")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ReserveNowResponse(OcppModel):
    """ReserveNowResponse payload (OCPP 2.1)."""

    status: ReserveNowStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ResetRequest(OcppModel):
    """ResetRequest payload (OCPP 2.1)."""

    type: ResetEnumType = Field(alias="type")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class ResetResponse(OcppModel):
    """ResetResponse payload (OCPP 2.1)."""

    status: ResetStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SecurityEventNotificationRequest(OcppModel):
    """SecurityEventNotificationRequest payload (OCPP 2.1)."""

    type: Annotated[Str, Field(max_length=50)] = Field(alias="type")
    timestamp: DateTime = Field(alias="timestamp")
    tech_info: Annotated[Str, Field(max_length=255)] | None = Field(default=None, alias="techInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SecurityEventNotificationResponse(OcppModel):
    """SecurityEventNotificationResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SendLocalListRequest(OcppModel):
    """SendLocalListRequest payload (OCPP 2.1)."""

    version_number: Int = Field(alias="versionNumber")
    update_type: UpdateEnumType = Field(alias="updateType")
    local_authorization_list: Annotated[list[AuthorizationData], Field(min_length=1)] | None = Field(default=None, alias="localAuthorizationList")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SendLocalListResponse(OcppModel):
    """SendLocalListResponse payload (OCPP 2.1)."""

    status: SendLocalListStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetChargingProfileRequest(OcppModel):
    """SetChargingProfileRequest payload (OCPP 2.1)."""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    charging_profile: ChargingProfileType = Field(alias="chargingProfile")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetChargingProfileResponse(OcppModel):
    """SetChargingProfileResponse payload (OCPP 2.1)."""

    status: ChargingProfileStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetDERControlRequest(OcppModel):
    """SetDERControlRequest payload (OCPP 2.1)."""

    is_default: Bool = Field(alias="isDefault")
    control_id: Annotated[Str, Field(max_length=36)] = Field(alias="controlId")
    control_type: DERControlEnumType = Field(alias="controlType")
    curve: DERCurveType | None = Field(default=None, alias="curve")
    enter_service: EnterServiceType | None = Field(default=None, alias="enterService")
    fixed_pf_absorb: FixedPFType | None = Field(default=None, alias="fixedPFAbsorb")
    fixed_pf_inject: FixedPFType | None = Field(default=None, alias="fixedPFInject")
    fixed_var: FixedVarType | None = Field(default=None, alias="fixedVar")
    freq_droop: FreqDroopType | None = Field(default=None, alias="freqDroop")
    gradient: GradientType | None = Field(default=None, alias="gradient")
    limit_max_discharge: LimitMaxDischargeType | None = Field(default=None, alias="limitMaxDischarge")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetDERControlResponse(OcppModel):
    """SetDERControlResponse payload (OCPP 2.1)."""

    status: DERControlStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    superseded_ids: Annotated[list[Annotated[Str, Field(max_length=36)]], Field(min_length=1, max_length=24)] | None = Field(default=None, alias="supersededIds")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetDefaultTariffRequest(OcppModel):
    """SetDefaultTariffRequest payload (OCPP 2.1)."""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    tariff: TariffType = Field(alias="tariff")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetDefaultTariffResponse(OcppModel):
    """SetDefaultTariffResponse payload (OCPP 2.1)."""

    status: TariffSetStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetDisplayMessageRequest(OcppModel):
    """SetDisplayMessageRequest payload (OCPP 2.1)."""

    message: MessageInfoType = Field(alias="message")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetDisplayMessageResponse(OcppModel):
    """SetDisplayMessageResponse payload (OCPP 2.1)."""

    status: DisplayMessageStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringBaseRequest(OcppModel):
    """SetMonitoringBaseRequest payload (OCPP 2.1)."""

    monitoring_base: MonitoringBaseEnumType = Field(alias="monitoringBase")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringBaseResponse(OcppModel):
    """SetMonitoringBaseResponse payload (OCPP 2.1)."""

    status: GenericDeviceModelStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringLevelRequest(OcppModel):
    """SetMonitoringLevelRequest payload (OCPP 2.1)."""

    severity: Annotated[Int, Field(ge=0)] = Field(alias="severity")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetMonitoringLevelResponse(OcppModel):
    """SetMonitoringLevelResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetNetworkProfileRequest(OcppModel):
    """SetNetworkProfileRequest payload (OCPP 2.1)."""

    configuration_slot: Int = Field(alias="configurationSlot")
    connection_data: NetworkConnectionProfileType = Field(alias="connectionData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetNetworkProfileResponse(OcppModel):
    """SetNetworkProfileResponse payload (OCPP 2.1)."""

    status: SetNetworkProfileStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariableMonitoringRequest(OcppModel):
    """SetVariableMonitoringRequest payload (OCPP 2.1)."""

    set_monitoring_data: Annotated[list[SetMonitoringDataType], Field(min_length=1)] = Field(alias="setMonitoringData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariableMonitoringResponse(OcppModel):
    """SetVariableMonitoringResponse payload (OCPP 2.1)."""

    set_monitoring_result: Annotated[list[SetMonitoringResultType], Field(min_length=1)] = Field(alias="setMonitoringResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariablesRequest(OcppModel):
    """SetVariablesRequest payload (OCPP 2.1)."""

    set_variable_data: Annotated[list[SetVariableDataType], Field(min_length=1)] = Field(alias="setVariableData")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SetVariablesResponse(OcppModel):
    """SetVariablesResponse payload (OCPP 2.1)."""

    set_variable_result: Annotated[list[SetVariableResultType], Field(min_length=1)] = Field(alias="setVariableResult")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SignCertificateRequest(OcppModel):
    """SignCertificateRequest payload (OCPP 2.1)."""

    csr: Annotated[Str, Field(max_length=5500)] = Field(alias="csr")
    certificate_type: CertificateSigningUseEnumType | None = Field(default=None, alias="certificateType")
    hash_root_certificate: CertificateHashDataType | None = Field(default=None, alias="hashRootCertificate")
    request_id: Int | None = Field(default=None, alias="requestId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class SignCertificateResponse(OcppModel):
    """SignCertificateResponse payload (OCPP 2.1)."""

    status: GenericStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class StatusNotificationRequest(OcppModel):
    """StatusNotificationRequest payload (OCPP 2.1)."""

    timestamp: DateTime = Field(alias="timestamp")
    connector_status: ConnectorStatusEnumType = Field(alias="connectorStatus")
    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    connector_id: Annotated[Int, Field(ge=0)] = Field(alias="connectorId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class StatusNotificationResponse(OcppModel):
    """StatusNotificationResponse payload (OCPP 2.1)."""

    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TransactionEventRequest(OcppModel):
    """TransactionEventRequest payload (OCPP 2.1)."""

    event_type: TransactionEventEnumType = Field(alias="eventType")
    timestamp: DateTime = Field(alias="timestamp")
    trigger_reason: TriggerReasonEnumType = Field(alias="triggerReason")
    seq_no: Annotated[Int, Field(ge=0)] = Field(alias="seqNo")
    transaction_info: TransactionType = Field(alias="transactionInfo")
    cost_details: CostDetailsType | None = Field(default=None, alias="costDetails")
    meter_value: Annotated[list[MeterValueType], Field(min_length=1)] | None = Field(default=None, alias="meterValue")
    offline: Bool | None = Field(default=False, alias="offline")
    number_of_phases_used: Annotated[Int, Field(ge=0, le=3)] | None = Field(default=None, alias="numberOfPhasesUsed")
    cable_max_current: Int | None = Field(default=None, alias="cableMaxCurrent")
    reservation_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="reservationId")
    preconditioning_status: PreconditioningStatusEnumType | None = Field(default=None, alias="preconditioningStatus")
    evse_sleep: Bool | None = Field(default=None, alias="evseSleep")
    evse: EVSEType | None = Field(default=None, alias="evse")
    id_token: IdTokenType | None = Field(default=None, alias="idToken")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TransactionEventResponse(OcppModel):
    """TransactionEventResponse payload (OCPP 2.1)."""

    total_cost: Number | None = Field(default=None, alias="totalCost")
    charging_priority: Int | None = Field(default=None, alias="chargingPriority")
    id_token_info: IdTokenInfoType | None = Field(default=None, alias="idTokenInfo")
    transaction_limit: TransactionLimitType | None = Field(default=None, alias="transactionLimit")
    updated_personal_message: MessageContentType | None = Field(default=None, alias="updatedPersonalMessage")
    updated_personal_message_extra: Annotated[list[MessageContentType], Field(min_length=1, max_length=4)] | None = Field(default=None, alias="updatedPersonalMessageExtra")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TriggerMessageRequest(OcppModel):
    """TriggerMessageRequest payload (OCPP 2.1)."""

    requested_message: MessageTriggerEnumType = Field(alias="requestedMessage")
    evse: EVSEType | None = Field(default=None, alias="evse")
    custom_trigger: Annotated[Str, Field(max_length=50)] | None = Field(default=None, alias="customTrigger")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class TriggerMessageResponse(OcppModel):
    """TriggerMessageResponse payload (OCPP 2.1)."""

    status: TriggerMessageStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UnlockConnectorRequest(OcppModel):
    """UnlockConnectorRequest payload (OCPP 2.1)."""

    evse_id: Annotated[Int, Field(ge=0)] = Field(alias="evseId")
    connector_id: Annotated[Int, Field(ge=0)] = Field(alias="connectorId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UnlockConnectorResponse(OcppModel):
    """UnlockConnectorResponse payload (OCPP 2.1)."""

    status: UnlockStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UnpublishFirmwareRequest(OcppModel):
    """UnpublishFirmwareRequest payload (OCPP 2.1)."""

    checksum: Annotated[Str, Field(max_length=32)] = Field(alias="checksum")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UnpublishFirmwareResponse(OcppModel):
    """UnpublishFirmwareResponse payload (OCPP 2.1)."""

    status: UnpublishFirmwareStatusEnumType = Field(alias="status")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UpdateDynamicScheduleRequest(OcppModel):
    """UpdateDynamicScheduleRequest payload (OCPP 2.1)."""

    charging_profile_id: Int = Field(alias="chargingProfileId")
    schedule_update: ChargingScheduleUpdateType = Field(alias="scheduleUpdate")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UpdateDynamicScheduleResponse(OcppModel):
    """UpdateDynamicScheduleResponse payload (OCPP 2.1)."""

    status: ChargingProfileStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UpdateFirmwareRequest(OcppModel):
    """UpdateFirmwareRequest payload (OCPP 2.1)."""

    request_id: Int = Field(alias="requestId")
    firmware: FirmwareType = Field(alias="firmware")
    retries: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="retries")
    retry_interval: Int | None = Field(default=None, alias="retryInterval")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UpdateFirmwareResponse(OcppModel):
    """UpdateFirmwareResponse payload (OCPP 2.1)."""

    status: UpdateFirmwareStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UsePriorityChargingRequest(OcppModel):
    """UsePriorityChargingRequest payload (OCPP 2.1)."""

    transaction_id: Annotated[Str, Field(max_length=36)] = Field(alias="transactionId")
    activate: Bool = Field(alias="activate")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class UsePriorityChargingResponse(OcppModel):
    """UsePriorityChargingResponse payload (OCPP 2.1)."""

    status: PriorityChargingStatusEnumType = Field(alias="status")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VatNumberValidationRequest(OcppModel):
    """VatNumberValidationRequest payload (OCPP 2.1)."""

    vat_number: Annotated[Str, Field(max_length=20)] = Field(alias="vatNumber")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


class VatNumberValidationResponse(OcppModel):
    """VatNumberValidationResponse payload (OCPP 2.1)."""

    vat_number: Annotated[Str, Field(max_length=20)] = Field(alias="vatNumber")
    status: GenericStatusEnumType = Field(alias="status")
    company: AddressType | None = Field(default=None, alias="company")
    status_info: StatusInfoType | None = Field(default=None, alias="statusInfo")
    evse_id: Annotated[Int, Field(ge=0)] | None = Field(default=None, alias="evseId")
    custom_data: CustomDataType | None = Field(default=None, alias="customData")


# action -> (request model, response model)
ACTIONS: dict[str, tuple[type[OcppModel], type[OcppModel]]] = {
    "AFRRSignal": (AFRRSignalRequest, AFRRSignalResponse),
    "AdjustPeriodicEventStream": (AdjustPeriodicEventStreamRequest, AdjustPeriodicEventStreamResponse),
    "Authorize": (AuthorizeRequest, AuthorizeResponse),
    "BatterySwap": (BatterySwapRequest, BatterySwapResponse),
    "BootNotification": (BootNotificationRequest, BootNotificationResponse),
    "CancelReservation": (CancelReservationRequest, CancelReservationResponse),
    "CertificateSigned": (CertificateSignedRequest, CertificateSignedResponse),
    "ChangeAvailability": (ChangeAvailabilityRequest, ChangeAvailabilityResponse),
    "ChangeTransactionTariff": (ChangeTransactionTariffRequest, ChangeTransactionTariffResponse),
    "ClearCache": (ClearCacheRequest, ClearCacheResponse),
    "ClearChargingProfile": (ClearChargingProfileRequest, ClearChargingProfileResponse),
    "ClearDERControl": (ClearDERControlRequest, ClearDERControlResponse),
    "ClearDisplayMessage": (ClearDisplayMessageRequest, ClearDisplayMessageResponse),
    "ClearTariffs": (ClearTariffsRequest, ClearTariffsResponse),
    "ClearVariableMonitoring": (ClearVariableMonitoringRequest, ClearVariableMonitoringResponse),
    "ClearedChargingLimit": (ClearedChargingLimitRequest, ClearedChargingLimitResponse),
    "ClosePeriodicEventStream": (ClosePeriodicEventStreamRequest, ClosePeriodicEventStreamResponse),
    "CostUpdated": (CostUpdatedRequest, CostUpdatedResponse),
    "CustomerInformation": (CustomerInformationRequest, CustomerInformationResponse),
    "DataTransfer": (DataTransferRequest, DataTransferResponse),
    "DeleteCertificate": (DeleteCertificateRequest, DeleteCertificateResponse),
    "FirmwareStatusNotification": (FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse),
    "Get15118EVCertificate": (Get15118EVCertificateRequest, Get15118EVCertificateResponse),
    "GetBaseReport": (GetBaseReportRequest, GetBaseReportResponse),
    "GetCertificateChainStatus": (GetCertificateChainStatusRequest, GetCertificateChainStatusResponse),
    "GetCertificateStatus": (GetCertificateStatusRequest, GetCertificateStatusResponse),
    "GetChargingProfiles": (GetChargingProfilesRequest, GetChargingProfilesResponse),
    "GetCompositeSchedule": (GetCompositeScheduleRequest, GetCompositeScheduleResponse),
    "GetDERControl": (GetDERControlRequest, GetDERControlResponse),
    "GetDisplayMessages": (GetDisplayMessagesRequest, GetDisplayMessagesResponse),
    "GetInstalledCertificateIds": (GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse),
    "GetLocalListVersion": (GetLocalListVersionRequest, GetLocalListVersionResponse),
    "GetLog": (GetLogRequest, GetLogResponse),
    "GetMonitoringReport": (GetMonitoringReportRequest, GetMonitoringReportResponse),
    "GetPeriodicEventStream": (GetPeriodicEventStreamRequest, GetPeriodicEventStreamResponse),
    "GetReport": (GetReportRequest, GetReportResponse),
    "GetTariffs": (GetTariffsRequest, GetTariffsResponse),
    "GetTransactionStatus": (GetTransactionStatusRequest, GetTransactionStatusResponse),
    "GetVariables": (GetVariablesRequest, GetVariablesResponse),
    "Heartbeat": (HeartbeatRequest, HeartbeatResponse),
    "InstallCertificate": (InstallCertificateRequest, InstallCertificateResponse),
    "LogStatusNotification": (LogStatusNotificationRequest, LogStatusNotificationResponse),
    "MeterValues": (MeterValuesRequest, MeterValuesResponse),
    "NotifyAllowedEnergyTransfer": (NotifyAllowedEnergyTransferRequest, NotifyAllowedEnergyTransferResponse),
    "NotifyChargingLimit": (NotifyChargingLimitRequest, NotifyChargingLimitResponse),
    "NotifyCustomerInformation": (NotifyCustomerInformationRequest, NotifyCustomerInformationResponse),
    "NotifyDERAlarm": (NotifyDERAlarmRequest, NotifyDERAlarmResponse),
    "NotifyDERStartStop": (NotifyDERStartStopRequest, NotifyDERStartStopResponse),
    "NotifyDisplayMessages": (NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse),
    "NotifyEVChargingNeeds": (NotifyEVChargingNeedsRequest, NotifyEVChargingNeedsResponse),
    "NotifyEVChargingSchedule": (NotifyEVChargingScheduleRequest, NotifyEVChargingScheduleResponse),
    "NotifyEvent": (NotifyEventRequest, NotifyEventResponse),
    "NotifyMonitoringReport": (NotifyMonitoringReportRequest, NotifyMonitoringReportResponse),
    "NotifyPriorityCharging": (NotifyPriorityChargingRequest, NotifyPriorityChargingResponse),
    "NotifyReport": (NotifyReportRequest, NotifyReportResponse),
    "NotifySettlement": (NotifySettlementRequest, NotifySettlementResponse),
    "NotifyWebPaymentStarted": (NotifyWebPaymentStartedRequest, NotifyWebPaymentStartedResponse),
    "OpenPeriodicEventStream": (OpenPeriodicEventStreamRequest, OpenPeriodicEventStreamResponse),
    "PublishFirmware": (PublishFirmwareRequest, PublishFirmwareResponse),
    "PublishFirmwareStatusNotification": (PublishFirmwareStatusNotificationRequest, PublishFirmwareStatusNotificationResponse),
    "PullDynamicScheduleUpdate": (PullDynamicScheduleUpdateRequest, PullDynamicScheduleUpdateResponse),
    "ReportChargingProfiles": (ReportChargingProfilesRequest, ReportChargingProfilesResponse),
    "ReportDERControl": (ReportDERControlRequest, ReportDERControlResponse),
    "RequestBatterySwap": (RequestBatterySwapRequest, RequestBatterySwapResponse),
    "RequestStartTransaction": (RequestStartTransactionRequest, RequestStartTransactionResponse),
    "RequestStopTransaction": (RequestStopTransactionRequest, RequestStopTransactionResponse),
    "ReservationStatusUpdate": (ReservationStatusUpdateRequest, ReservationStatusUpdateResponse),
    "ReserveNow": (ReserveNowRequest, ReserveNowResponse),
    "Reset": (ResetRequest, ResetResponse),
    "SecurityEventNotification": (SecurityEventNotificationRequest, SecurityEventNotificationResponse),
    "SendLocalList": (SendLocalListRequest, SendLocalListResponse),
    "SetChargingProfile": (SetChargingProfileRequest, SetChargingProfileResponse),
    "SetDERControl": (SetDERControlRequest, SetDERControlResponse),
    "SetDefaultTariff": (SetDefaultTariffRequest, SetDefaultTariffResponse),
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
    "UpdateDynamicSchedule": (UpdateDynamicScheduleRequest, UpdateDynamicScheduleResponse),
    "UpdateFirmware": (UpdateFirmwareRequest, UpdateFirmwareResponse),
    "UsePriorityCharging": (UsePriorityChargingRequest, UsePriorityChargingResponse),
    "VatNumberValidation": (VatNumberValidationRequest, VatNumberValidationResponse),
}

# SEND actions (message type 6, never answered) -> payload model
SEND_ACTIONS: dict[str, type[OcppModel]] = {
    "NotifyPeriodicEventStream": NotifyPeriodicEventStream,
}

# Actions a charging station sends (the CSMS answers them; a SEND is not).
CS_TO_CSMS: frozenset[str] = frozenset({
    "Authorize",
    "BatterySwap",
    "BootNotification",
    "ClearedChargingLimit",
    "ClosePeriodicEventStream",
    "DataTransfer",
    "FirmwareStatusNotification",
    "Get15118EVCertificate",
    "GetCertificateChainStatus",
    "GetCertificateStatus",
    "Heartbeat",
    "LogStatusNotification",
    "MeterValues",
    "NotifyChargingLimit",
    "NotifyCustomerInformation",
    "NotifyDERAlarm",
    "NotifyDERStartStop",
    "NotifyDisplayMessages",
    "NotifyEVChargingNeeds",
    "NotifyEVChargingSchedule",
    "NotifyEvent",
    "NotifyMonitoringReport",
    "NotifyPeriodicEventStream",
    "NotifyPriorityCharging",
    "NotifyReport",
    "NotifySettlement",
    "OpenPeriodicEventStream",
    "PublishFirmwareStatusNotification",
    "PullDynamicScheduleUpdate",
    "ReportChargingProfiles",
    "ReportDERControl",
    "ReservationStatusUpdate",
    "SecurityEventNotification",
    "SignCertificate",
    "StatusNotification",
    "TransactionEvent",
    "VatNumberValidation",
})

# Actions the CSMS sends (the charging station answers them).
CSMS_TO_CS: frozenset[str] = frozenset({
    "AFRRSignal",
    "AdjustPeriodicEventStream",
    "CancelReservation",
    "CertificateSigned",
    "ChangeAvailability",
    "ChangeTransactionTariff",
    "ClearCache",
    "ClearChargingProfile",
    "ClearDERControl",
    "ClearDisplayMessage",
    "ClearTariffs",
    "ClearVariableMonitoring",
    "CostUpdated",
    "CustomerInformation",
    "DataTransfer",
    "DeleteCertificate",
    "GetBaseReport",
    "GetChargingProfiles",
    "GetCompositeSchedule",
    "GetDERControl",
    "GetDisplayMessages",
    "GetInstalledCertificateIds",
    "GetLocalListVersion",
    "GetLog",
    "GetMonitoringReport",
    "GetPeriodicEventStream",
    "GetReport",
    "GetTariffs",
    "GetTransactionStatus",
    "GetVariables",
    "InstallCertificate",
    "NotifyAllowedEnergyTransfer",
    "NotifyWebPaymentStarted",
    "PublishFirmware",
    "RequestBatterySwap",
    "RequestStartTransaction",
    "RequestStopTransaction",
    "ReserveNow",
    "Reset",
    "SendLocalList",
    "SetChargingProfile",
    "SetDERControl",
    "SetDefaultTariff",
    "SetDisplayMessage",
    "SetMonitoringBase",
    "SetMonitoringLevel",
    "SetNetworkProfile",
    "SetVariableMonitoring",
    "SetVariables",
    "TriggerMessage",
    "UnlockConnector",
    "UnpublishFirmware",
    "UpdateDynamicSchedule",
    "UpdateFirmware",
    "UsePriorityCharging",
})
