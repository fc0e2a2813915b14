"""The standard components and variables of the simulated station (OCPP 2.0.1 part 2 appendix,
"Referenced components and variables"), pure.

Names, data types, units and mutabilities follow the appendix. Where the simulator deviates it says
so: TxUpdatedInterval and the two RetryBackOff durations are decimals rather than integers, because
a simulation may sample or reconnect more often than once a second. Live values (connector states,
EVSE power, the clock, counters) are bound by the station (``DeviceModel.bind``).
"""

from __future__ import annotations

import functools
import math
import zlib
from dataclasses import dataclass, replace
from typing import Any

from ocppkit.protocol.models import AttributeEnumType, DataEnumType, MutabilityEnumType
from ocppkit.simulator.device.model import Catalog, DeviceModel
from ocppkit.simulator.device.variables import Attribute, Key, VariableDefinition
from ocppkit.simulator.meter import station_supply

RO, RW, WO = MutabilityEnumType.ReadOnly, MutabilityEnumType.ReadWrite, MutabilityEnumType.WriteOnly
T = DataEnumType
Attr = AttributeEnumType

# What the meter can sample (J01/J02): the valuesList of every measurands variable.
SUPPORTED_MEASURANDS = (
    "Current.Import,Energy.Active.Import.Register,Power.Active.Import,SoC,Voltage"
)
# SoC is only measured on DC stations (the EV reports it over ISO 15118 / DIN 70121).
TX_UPDATED_MEASURANDS = (
    "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC"
)
REGISTER = "Energy.Active.Import.Register"
TX_POINTS = "ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer"
CONNECTOR_STATES = "Available,Occupied,Reserved,Unavailable,Faulted"
ITEMS_PER_MESSAGE = 50  # DeviceDataCtrlr / MonitoringCtrlr ItemsPerMessage (and NotifyReport parts)
BYTES_PER_MESSAGE = 65000
CUSTOMIZATION_VENDOR = "org.ocppkit"
IDENTITY = Key("SecurityCtrlr", "Identity")


@dataclass(frozen=True, slots=True)
class StationSpec:
    """What the catalog needs to know of the station."""

    identity: str
    model: str = "EVBox Home"
    vendor: str = "EVBox"
    evse_count: int = 1
    phases: int = 3
    voltage: float = 230.0
    max_current: float = 16.0
    heartbeat_s: int = 300
    sample_s: float = 5.0
    backoff_min_s: float = 1.0
    backoff_max_s: float = 60.0
    message_timeout_s: float = 30.0

    @property
    def backoff_repeat_times(self) -> int:
        """How often the back-off doubles before it reaches ``backoff_max_s``."""
        if self.backoff_min_s <= 0 or self.backoff_max_s <= self.backoff_min_s:
            return 0
        return min(30, math.ceil(math.log2(self.backoff_max_s / self.backoff_min_s)))


class _Catalog:
    """Collects variables; ``add`` takes the appendix's facts in one line each."""

    def __init__(self) -> None:
        self.variables: list[VariableDefinition] = []

    def add(
        self,
        key: Key,
        data_type: DataEnumType,
        value: str,
        mutability: MutabilityEnumType = RO,
        *,
        unit: str | None = None,
        lo: float | None = None,
        hi: float | None = None,
        values: str | None = None,
        reboot: bool = False,
        extra: dict[AttributeEnumType, Attribute] | None = None,
    ) -> None:
        attributes = {Attr.Actual: Attribute(value, mutability), **(extra or {})}
        self.variables.append(
            VariableDefinition(
                key, data_type, attributes, unit, lo, hi, values, reboot_required=reboot
            )
        )

    def flags(self, component: str, *, enabled: MutabilityEnumType | None = RO) -> None:
        """The Available (and Enabled) flags of a controller."""
        self.add(Key(component, "Available"), T.boolean, "true")
        if enabled is not None:
            self.add(Key(component, "Enabled"), T.boolean, "true", enabled)


def _comm(c: _Catalog, spec: StationSpec) -> None:
    k = "OCPPCommCtrlr"
    c.add(Key(k, "ActiveNetworkProfile"), T.integer, "1")
    c.add(
        Key(k, "FileTransferProtocols"),
        T.MemberList,
        "HTTP,HTTPS",
        values="FTP,FTPS,HTTP,HTTPS,SFTP",
    )
    c.add(Key(k, "HeartbeatInterval"), T.integer, str(spec.heartbeat_s), RW, unit="s", lo=1)
    timeout = str(max(1, math.ceil(spec.message_timeout_s)))
    c.add(Key(k, "MessageTimeout", variable_instance="Default"), T.integer, timeout, unit="s")
    c.add(Key(k, "MessageAttempts", variable_instance="TransactionEvent"), T.integer, "3", RW, lo=0)
    interval = Key(k, "MessageAttemptInterval", variable_instance="TransactionEvent")
    c.add(interval, T.integer, "10", RW, unit="s", lo=0)
    # B09: a new priority takes effect when the station reconnects: RebootRequired
    c.add(Key(k, "NetworkConfigurationPriority"), T.SequenceList, "1", RW, values="1", reboot=True)
    c.add(Key(k, "NetworkProfileConnectionAttempts"), T.integer, "3", RW, lo=1)
    c.add(Key(k, "OfflineThreshold"), T.integer, "60", RW, unit="s", lo=0)
    c.add(Key(k, "QueueAllMessages"), T.boolean, "false", RW)
    c.add(Key(k, "ResetRetries"), T.integer, "2", RW, lo=0)
    wait = f"{spec.backoff_min_s:g}"
    c.add(Key(k, "RetryBackOffWaitMinimum"), T.decimal, wait, RW, unit="s", lo=0, hi=86400)
    c.add(Key(k, "RetryBackOffRandomRange"), T.decimal, wait, RW, unit="s", lo=0, hi=86400)
    repeat = str(spec.backoff_repeat_times)
    c.add(Key(k, "RetryBackOffRepeatTimes"), T.integer, repeat, RW, lo=0, hi=30)
    c.add(Key(k, "UnlockOnEVSideDisconnect"), T.boolean, "true", RW)
    c.add(Key(k, "WebSocketPingInterval"), T.integer, "20", unit="s")


def _tx(c: _Catalog) -> None:
    k = "TxCtrlr"
    c.add(Key(k, "EVConnectionTimeOut"), T.integer, "60", RW, unit="s", lo=0)
    c.add(Key(k, "MaxEnergyOnInvalidId"), T.integer, "0", RW, unit="Wh", lo=0)
    c.add(Key(k, "StopTxOnEVSideDisconnect"), T.boolean, "true", RW)
    c.add(Key(k, "StopTxOnInvalidId"), T.boolean, "true", RW)
    c.add(Key(k, "TxBeforeAcceptedEnabled"), T.boolean, "false", RW)
    c.add(Key(k, "TxStartPoint"), T.MemberList, "PowerPathClosed", RW, values=TX_POINTS)
    c.add(Key(k, "TxStopPoint"), T.MemberList, "EVConnected,Authorized", RW, values=TX_POINTS)


def _sampling(c: _Catalog, spec: StationSpec) -> None:
    k = "SampledDataCtrlr"
    c.flags(k, enabled=RW)
    c.add(Key(k, "RegisterValuesWithoutPhases"), T.boolean, "true")
    c.add(Key(k, "SignReadings"), T.boolean, "false")
    c.add(Key(k, "TxEndedInterval"), T.integer, "0", RW, unit="s", lo=0)
    for name, value in (
        ("TxEndedMeasurands", REGISTER),
        ("TxStartedMeasurands", REGISTER),
        ("TxUpdatedMeasurands", TX_UPDATED_MEASURANDS),
    ):
        c.add(Key(k, name), T.MemberList, value, RW, values=SUPPORTED_MEASURANDS)
    # 0 stops the periodic samples (J02)
    c.add(Key(k, "TxUpdatedInterval"), T.decimal, f"{spec.sample_s:g}", RW, unit="s", lo=0)
    k = "AlignedDataCtrlr"
    c.flags(k, enabled=RW)
    c.add(Key(k, "Interval"), T.integer, "900", RW, unit="s", lo=0)  # 0: no clock-aligned data
    measurands = f"{REGISTER},Power.Active.Import"
    c.add(Key(k, "Measurands"), T.MemberList, measurands, RW, values=SUPPORTED_MEASURANDS)
    c.add(Key(k, "SendDuringIdle"), T.boolean, "false", RW)
    c.add(Key(k, "SignReadings"), T.boolean, "false")
    c.add(Key(k, "TxEndedInterval"), T.integer, "0", RW, unit="s", lo=0)
    c.add(Key(k, "TxEndedMeasurands"), T.MemberList, REGISTER, RW, values=SUPPORTED_MEASURANDS)


def _authorization(c: _Catalog) -> None:
    k = "AuthCtrlr"
    c.add(Key(k, "Enabled"), T.boolean, "true", RW)
    c.add(Key(k, "AuthorizeRemoteStart"), T.boolean, "false", RW)
    c.add(Key(k, "DisableRemoteAuthorization"), T.boolean, "false", RW)
    c.add(Key(k, "LocalAuthorizeOffline"), T.boolean, "true", RW)
    c.add(Key(k, "LocalPreAuthorize"), T.boolean, "false", RW)
    c.add(Key(k, "OfflineTxForUnknownIdEnabled"), T.boolean, "false", RW)
    k = "AuthCacheCtrlr"
    c.flags(k, enabled=RW)
    c.add(Key(k, "DisablePostAuthorize"), T.boolean, "false", RW)
    c.add(Key(k, "LifeTime"), T.integer, "86400", RW, unit="s", lo=1)
    c.add(Key(k, "Policy"), T.OptionList, "LRU", RW, values="LRU,LFU,FIFO,CUSTOM")
    c.add(Key(k, "Storage"), T.integer, "65536", unit="B")
    k = "LocalAuthListCtrlr"
    c.flags(k, enabled=RW)
    c.add(Key(k, "BytesPerMessage"), T.integer, str(BYTES_PER_MESSAGE), unit="B")
    c.add(Key(k, "DisablePostAuthorize"), T.boolean, "false", RW)
    c.add(Key(k, "Entries"), T.integer, "0")
    c.add(Key(k, "ItemsPerMessage"), T.integer, str(ITEMS_PER_MESSAGE))
    c.add(Key(k, "Storage"), T.integer, "65536", unit="B")


def _features(c: _Catalog) -> None:
    k = "SmartChargingCtrlr"
    c.flags(k)
    c.add(Key(k, "ACPhaseSwitchingSupported"), T.boolean, "false")
    c.add(Key(k, "Entries", variable_instance="ChargingProfiles"), T.integer, "0")
    c.add(Key(k, "ExternalControlSignalsEnabled"), T.boolean, "false")
    c.add(Key(k, "LimitChangeSignificance"), T.decimal, "1", RW, unit="Percent", lo=0, hi=100)
    c.add(Key(k, "NotifyChargingLimitWithSchedules"), T.boolean, "false")
    c.add(Key(k, "PeriodsPerSchedule"), T.integer, "24")
    c.add(Key(k, "Phases3to1"), T.boolean, "false")
    c.add(Key(k, "ProfileStackLevel"), T.integer, "10")
    c.add(Key(k, "RateUnit"), T.MemberList, "A,W", values="A,W")
    k = "TariffCostCtrlr"  # I01/I02: tariff texts and costs the CSMS sends are shown
    for instance in ("Tariff", "Cost"):
        c.add(Key(k, "Available", variable_instance=instance), T.boolean, "true")
        c.add(Key(k, "Enabled", variable_instance=instance), T.boolean, "true", RW)
    c.add(Key(k, "Currency"), T.string, "EUR", RW)
    c.add(Key(k, "TariffFallbackMessage"), T.string, "", RW)
    c.add(Key(k, "TotalCostFallbackMessage"), T.string, "", RW)
    k = "ReservationCtrlr"
    c.flags(k)
    c.add(Key(k, "NonEvseSpecific"), T.boolean, "true")
    k = "DisplayMessageCtrlr"
    c.flags(k)
    c.add(Key(k, "DisplayMessages"), T.integer, "10")
    c.add(Key(k, "PersonalMessageSize"), T.integer, "255")
    c.add(Key(k, "SupportedFormats"), T.MemberList, "ASCII,UTF8", values="ASCII,HTML,URI,UTF8")
    priorities = "AlwaysFront,InFront,NormalCycle"
    c.add(Key(k, "SupportedPriorities"), T.MemberList, priorities, values=priorities)
    k = "CustomizationCtrlr"
    custom = Key(k, "CustomImplementationEnabled", variable_instance=CUSTOMIZATION_VENDOR)
    c.add(custom, T.boolean, "false")


def _limits(c: _Catalog) -> None:
    k = "DeviceDataCtrlr"
    for action in ("GetReport", "GetVariables", "SetVariables"):
        c.add(
            Key(k, "BytesPerMessage", variable_instance=action), T.integer, str(BYTES_PER_MESSAGE)
        )
        c.add(
            Key(k, "ItemsPerMessage", variable_instance=action), T.integer, str(ITEMS_PER_MESSAGE)
        )
    c.add(Key(k, "ConfigurationValueSize"), T.integer, "1000")
    c.add(Key(k, "ReportingValueSize"), T.integer, "2500")
    c.add(Key(k, "ValueSize"), T.integer, "1000")
    k = "MonitoringCtrlr"
    c.flags(k)
    c.add(
        Key(k, "ActiveMonitoringBase"),
        T.OptionList,
        "All",
        values="All,FactoryDefault,HardWiredOnly",
    )
    c.add(Key(k, "ActiveMonitoringLevel"), T.integer, "9", lo=0, hi=9)
    for action in ("ClearVariableMonitoring", "SetVariableMonitoring"):
        c.add(
            Key(k, "BytesPerMessage", variable_instance=action), T.integer, str(BYTES_PER_MESSAGE)
        )
        c.add(
            Key(k, "ItemsPerMessage", variable_instance=action), T.integer, str(ITEMS_PER_MESSAGE)
        )
    c.add(Key(k, "OfflineQueuingSeverity"), T.integer, "2", RW, lo=0, hi=9)


def _security(c: _Catalog, spec: StationSpec) -> None:
    k = "SecurityCtrlr"
    c.add(Key(k, "AdditionalRootCertificateCheck"), T.boolean, "false")
    # A01: a new password is used from the next connection on
    c.add(Key(k, "BasicAuthPassword"), T.string, "", WO, hi=40, reboot=True)
    c.add(Key(k, "CertificateEntries"), T.integer, "0")
    c.add(Key(k, "CertSigningRepeatTimes"), T.integer, "3", RW, lo=0)
    c.add(Key(k, "CertSigningWaitMinimum"), T.integer, "30", RW, unit="s", lo=1)
    c.add(IDENTITY, T.string, spec.identity, hi=48)
    c.add(Key(k, "OrganizationName"), T.string, "ocppkit", RW, hi=50)
    c.add(Key(k, "SecurityProfile"), T.integer, "1", lo=1, hi=3)
    k = "ClockCtrlr"
    c.add(Key(k, "DateTime"), T.dateTime, "1970-01-01T00:00:00Z")
    sources = "Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter"
    c.add(Key(k, "TimeSource"), T.SequenceList, "Heartbeat", RW, values=sources)


def _hardware(c: _Catalog, spec: StationSpec) -> None:
    k = "ChargingStation"
    c.add(Key(k, "AvailabilityState"), T.OptionList, "Available", values=CONNECTOR_STATES)
    c.add(Key(k, "Available"), T.boolean, "true")
    c.add(Key(k, "Model"), T.string, spec.model, hi=20)
    c.add(Key(k, "Problem"), T.boolean, "false")
    c.add(Key(k, "SupplyPhases"), T.integer, str(spec.phases), lo=0, hi=3)
    c.add(Key(k, "VendorName"), T.string, spec.vendor, hi=50)
    rated = spec.voltage * spec.max_current * spec.phases
    for evse in range(1, spec.evse_count + 1):
        c.add(
            Key("EVSE", "AvailabilityState", evse),
            T.OptionList,
            "Available",
            values=CONNECTOR_STATES,
        )
        c.add(Key("EVSE", "Available", evse), T.boolean, "true")
        max_set = {Attr.MaxSet: Attribute(f"{rated:g}")}
        c.add(Key("EVSE", "Power", evse), T.decimal, "0", unit="W", lo=0, hi=rated, extra=max_set)
        c.add(Key("EVSE", "SupplyPhases", evse), T.integer, str(spec.phases), lo=0, hi=3)
        connector = Key("Connector", "AvailabilityState", evse, 1)
        c.add(connector, T.OptionList, "Available", values=CONNECTOR_STATES)
        c.add(Key("Connector", "Available", evse, 1), T.boolean, "true")
        c.add(Key("Connector", "ConnectorType", evse, 1), T.string, "cType2")
        c.add(Key("Connector", "SupplyPhases", evse, 1), T.integer, str(spec.phases), lo=0, hi=3)


def standard_variables(spec: StationSpec) -> list[VariableDefinition]:
    """Every variable of a station built to ``spec``."""
    catalog = _Catalog()
    _comm(catalog, spec)
    _tx(catalog)
    _sampling(catalog, spec)
    _authorization(catalog)
    _features(catalog)
    _limits(catalog)
    _security(catalog, spec)
    _hardware(catalog, spec)
    return catalog.variables


@functools.lru_cache(maxsize=64)
def _shared_catalog(spec: StationSpec) -> Catalog:
    return Catalog(standard_variables(spec))


def station_model(spec: StationSpec) -> DeviceModel:
    """The device model of a station built to ``spec``. Its definitions (names, types, units,
    limits, values lists, defaults) are shared by every station built alike; the identity, the
    only difference between such stations, is the station's own value."""
    model = DeviceModel(_shared_catalog(replace(spec, identity="")))
    model.set_value(IDENTITY, spec.identity, notify=False)
    return model


# --- the station's identity in its BootNotification (B01) ---

MAX_MODEL, MAX_VENDOR, MAX_SERIAL, MAX_FIRMWARE = 20, 50, 25, 50  # ChargingStationType's limits


@dataclass(frozen=True, slots=True)
class StationIdentity:
    """What a station says it is (BootNotification ``chargingStation``). The vendors are
    fictional; the model follows the kind and rating, the serial number the station id."""

    vendor: str
    model: str
    serial_number: str
    firmware_version: str

    def arguments(self) -> dict[str, Any]:
        """``ChargerSimulator`` keyword arguments for this identity."""
        return {
            "charger_vendor": self.vendor,
            "charger_model": self.model,
            "serial_number": self.serial_number,
            "firmware_version": self.firmware_version,
        }


def station_identity(
    station_type: str = "AC3",
    identity: str = "",
    *,
    phases: int | None = None,
    voltage: float | None = None,
    max_current: float | None = None,
    max_power_w: float | None = None,
) -> StationIdentity:
    """A believable identity for a station of ``station_type`` (``AC1``, ``AC3``, ``DC``, with
    the same overrides as ``meter.station_supply``): a 150 kW DC station is a "Northwind Rapid
    150", a 7.4 kW single-phase one a "Voltaro Home 7.4", a 22 kW one a "Voltaro City 22".

    Raises:
        ValueError: as ``meter.station_supply``.
    """
    supply = station_supply(
        station_type,
        phases=phases,
        voltage=voltage,
        max_current=max_current,
        max_power_w=max_power_w,
    )
    kw = supply.max_power_w / 1000
    rating = f"{kw:.1f}".removesuffix(".0") if kw < 10 else f"{kw:.0f}"
    if supply.kind == "DC":
        vendor, model, code, firmware = "Northwind Charging Systems", "Rapid", "NWR", "NW-DC 5.3.1"
    elif kw > 11.5:
        vendor, model, code, firmware = "Voltaro Energy", "City", "VTC", "VTR-AC 3.8.2"
    else:
        vendor, model, code, firmware = "Voltaro Energy", "Home", "VTH", "VTR-AC 3.8.2"
    brand = vendor.split()[0]
    serial = f"{code}{rating.replace('.', '')}-{zlib.crc32(identity.encode()):08X}"
    return StationIdentity(
        vendor[:MAX_VENDOR],
        f"{brand} {model} {rating}"[:MAX_MODEL],
        serial[:MAX_SERIAL],
        firmware[:MAX_FIRMWARE],
    )
