"""The CSMS's read models: what ``OCPPServer.get_charger_status``, ``list_chargers``,
``get_transaction``, ``get_device_model`` and the operator queries (``ocppkit.csms.queries``)
return, and what the REST API answers with them.

They are ``TypedDict``s: typed for their readers, checked by pydantic (which also writes their
schema into the REST API's OpenAPI document), and still the plain JSON-ready dicts the seed's
callers read (``status["evses"][0]["status"]``, ``json.dumps(status)``). Times are RFC 3339 UTC
text, enums plain strings, OCPP payloads wire (camelCase) JSON. Every view allows extra keys,
so a key added to a view is never dropped from an answer before its type says so.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict  # pydantic reads typing's only from Python 3.12

Time = Annotated[str, Field(description="RFC 3339, UTC", examples=["2026-01-01T00:00:00.000Z"])]


def _config(*examples: dict[str, Any]) -> ConfigDict:
    return ConfigDict(extra="allow", json_schema_extra={"examples": list(examples)})


_BOOT_EXAMPLE = {
    "vendor": "EVBox",
    "model": "EVBox Home",
    "serial_number": "SN-0001",
    "firmware_version": "1.2.3",
    "reason": "PowerUp",
    "status": "Accepted",
    "booted_at": "2026-01-01T00:00:00.000Z",
}
_SUMMARY_EXAMPLE = {
    "transaction_id": "b6a0c6f4",
    "evse_id": 1,
    "connector_id": 1,
    "id_token": "04A2B3C4D5E6F7",
    "energy_kwh": 1.25,
    "power_w": 11000.0,
    "charging_state": "Charging",
    "started_at": "2026-01-01T00:00:00.000Z",
}
_TRANSACTION_EXAMPLE = {
    **_SUMMARY_EXAMPLE,
    "charger_id": "CP_1",
    "active": True,
    "id_token_type": "ISO14443",
    "remote_start_id": 1767225600,
    "seq_no": 4,
    "missing_seq_nos": [],
    "meter_start_wh": 1000.0,
    "meter_last_wh": 2250.0,
    "meter_stop_wh": None,
    "peak_power_w": 11000.0,
    "stopped_reason": None,
    "updated_at": "2026-01-01T00:06:49.000Z",
    "ended_at": None,
    "cost": None,
}
_CONNECTOR_EXAMPLE = {
    "connector_id": 1,
    "status": "Occupied",
    "timestamp": "2026-01-01T00:00:00.000Z",
}
_METER_EXAMPLE = {
    "timestamp": "2026-01-01T00:06:49.000Z",
    "energy_wh": 2250.0,
    "power_w": 11000.0,
    "sampled_values": [
        {"measurand": "Energy.Active.Import.Register", "value": 2250.0, "unit": "Wh"}
    ],
}
_EVSE_EXAMPLE = {
    "evse_id": 1,
    "status": "Occupied",
    "connectors": [_CONNECTOR_EXAMPLE],
    "meter": _METER_EXAMPLE,
}


@with_config(_config(_BOOT_EXAMPLE))
class BootView(TypedDict):
    """What a station said in its last BootNotification (B01) and what it was answered."""

    vendor: str
    model: str
    serial_number: str | None
    firmware_version: str | None
    reason: str
    status: Annotated[str, Field(description="Accepted, Pending or Rejected (B01-B03)")]
    booted_at: Time


@with_config(_config(_CONNECTOR_EXAMPLE))
class ConnectorView(TypedDict):
    """A connector's last StatusNotification (G01)."""

    connector_id: int
    status: Annotated[str, Field(description="Available, Occupied, Reserved, Unavailable, ...")]
    timestamp: Annotated[str, Field(description="the station's time of the change (RFC 3339)")]


@with_config(_config(_METER_EXAMPLE))
class MeterView(TypedDict):
    """An EVSE's latest meter reading (EVSE 0: the station's main meter)."""

    timestamp: Time
    energy_wh: float | None
    power_w: float | None
    sampled_values: Annotated[
        list[dict[str, Any]], Field(description="the reading's sampled values, as reported")
    ]


@with_config(_config(_EVSE_EXAMPLE))
class EvseView(TypedDict):
    """One EVSE: its connectors and latest meter reading."""

    evse_id: int
    status: Annotated[
        str | None,
        Field(
            description="its most significant connector's status: Faulted, Occupied, "
            "Reserved, Unavailable, Available; null before any StatusNotification"
        ),
    ]
    connectors: list[ConnectorView]
    meter: MeterView | None


@with_config(_config(_SUMMARY_EXAMPLE))
class TransactionSummaryView(TypedDict):
    """A transaction as a station's state shows it."""

    transaction_id: str
    evse_id: int | None
    connector_id: int | None
    id_token: str | None
    energy_kwh: Annotated[float, Field(description="delivered so far (in total once ended)")]
    power_w: float | None
    charging_state: str | None
    started_at: Time


@with_config(_config({"total": 2.47, "currency": "EUR", "tariff_id": "standard", "final": False}))
class CostView(TypedDict):
    """What a transaction costs under its tariff (block I): running, or final once ended."""

    total: Annotated[float, Field(description="in the tariff's currency, rounded to the cent")]
    currency: Annotated[str, Field(description="ISO 4217 code")]
    tariff_id: str
    final: Annotated[bool, Field(description="true once the transaction ended")]


@with_config(_config(_TRANSACTION_EXAMPLE))
class TransactionView(TransactionSummaryView):
    """A transaction as the CSMS knows it from TransactionEvent (E01-E15) and MeterValues."""

    charger_id: str
    active: bool
    id_token_type: str | None
    remote_start_id: int | None
    seq_no: Annotated[int, Field(description="the highest seqNo received")]
    missing_seq_nos: Annotated[
        list[int], Field(description="seqNos never received between the lowest and highest")
    ]
    meter_start_wh: float | None
    meter_last_wh: float | None
    meter_stop_wh: float | None
    peak_power_w: float | None
    stopped_reason: str | None
    updated_at: Time | None
    ended_at: Time | None
    cost: Annotated[CostView | None, Field(description="null while no tariff prices it")]


@with_config(
    _config({"seq_no": 1, "event_type": "Updated", "trigger_reason": "MeterValuePeriodic"})
)
class TransactionEventView(TypedDict):
    """One TransactionEvent of a transaction; the other keys depend on the source: from memory
    charging_state, energy_kwh, power_w; from the database offline and the payload as sent."""

    seq_no: int | None
    event_type: str | None
    trigger_reason: str | None
    timestamp: Time | None
    charging_state: NotRequired[str | None]
    energy_kwh: NotRequired[float | None]
    power_w: NotRequired[float | None]
    offline: NotRequired[bool]
    payload: NotRequired[Any]


@with_config(_config({"timestamp": "2026-01-01T00:00:00.000Z", "energy_wh": 1000.0}))
class MeterValueView(TypedDict):
    """One meter reading of a transaction: from memory energy_wh and power_w; from the
    database one sampled value each (evse_id, measurand, value, unit, multiplier, phase,
    context)."""

    timestamp: Time | None
    energy_wh: NotRequired[float | None]
    power_w: NotRequired[float | None]
    evse_id: NotRequired[int | None]
    measurand: NotRequired[str]
    value: NotRequired[float]
    unit: NotRequired[str | None]
    multiplier: NotRequired[int]
    phase: NotRequired[str | None]
    context: NotRequired[str | None]


@with_config(
    _config({**_TRANSACTION_EXAMPLE, "source": "memory", "events": [], "meter_values": []})
)
class TransactionDetailView(TransactionView):
    """A transaction with its events and meter values."""

    source: Annotated[
        Literal["memory", "database"],
        Field(description="database when one is configured, else the recent ones in memory"),
    ]
    events: list[TransactionEventView]
    meter_values: list[MeterValueView]


_MODEL_SUMMARY_EXAMPLE = {
    "request_id": 7,
    "generated_at": "2026-01-01T00:00:00.000Z",
    "received_at": "2026-01-01T00:00:00.050Z",
    "components": 12,
    "variables": 80,
}


@with_config(_config(_MODEL_SUMMARY_EXAMPLE))
class DeviceModelSummaryView(TypedDict):
    """What the CSMS knows of a station's device model, in counts."""

    request_id: Annotated[
        int, Field(description="the report's requestId; -1: no report, answered values only")
    ]
    generated_at: Time
    received_at: Time
    components: int
    variables: int


@with_config(
    _config(
        {
            **_MODEL_SUMMARY_EXAMPLE,
            "report_data": [
                {
                    "component": {"name": "OCPPCommCtrlr"},
                    "variable": {"name": "HeartbeatInterval"},
                    "variableAttribute": [{"type": "Actual", "value": "60"}],
                }
            ],
        }
    )
)
class DeviceModelView(DeviceModelSummaryView):
    """A station's device model (B07/B08): its last complete report, with the values
    GetVariables / SetVariables answers confirmed since (B05/B06)."""

    report_data: Annotated[
        list[dict[str, Any]], Field(description="the reportData entries, wire (camelCase) JSON")
    ]


@with_config(
    _config(
        {
            "charger_id": "CP_1",
            "connection": "connected",
            "connected_at": "2026-01-01T00:00:00.000Z",
            "disconnected_at": None,
            "last_seen": "2026-01-01T00:06:49.000Z",
            "boot": _BOOT_EXAMPLE,
            "registration_status": "Accepted",
            "device_model": _MODEL_SUMMARY_EXAMPLE,
            "firmware_status": None,
            "evses": [_EVSE_EXAMPLE],
            "transaction": _SUMMARY_EXAMPLE,
            "active_transactions": [_SUMMARY_EXAMPLE],
            "lenient": False,
            "lenient_violations": 0,
        }
    )
)
class StationView(TypedDict):
    """A charging station's state as the CSMS knows it, connected or not."""

    charger_id: Annotated[str, Field(description="the station identity")]
    ocpp_version: Annotated[
        str | None,
        Field(description="the subprotocol of its latest link: ocpp1.6, ocpp2.0.1 or ocpp2.1"),
    ]
    connection: Literal["connected", "disconnected"]
    connected_at: Time | None
    disconnected_at: Time | None
    last_seen: Time | None
    boot: BootView | None
    registration_status: Annotated[
        str | None, Field(description="Accepted, Pending or Rejected; null before any boot")
    ]
    device_model: DeviceModelSummaryView | None
    firmware_status: str | None
    evses: list[EvseView]
    transaction: Annotated[
        TransactionSummaryView | None,
        Field(description="the active transaction (the most recently started if several)"),
    ]
    active_transactions: Annotated[
        list[TransactionSummaryView], Field(description="every active one, in start order")
    ]
    lenient: Annotated[bool, Field(description="its payloads are validated leniently")]
    lenient_violations: Annotated[int, Field(description="schema violations accepted so far")]


__all__ = [
    "BootView",
    "ConnectorView",
    "CostView",
    "DeviceModelSummaryView",
    "DeviceModelView",
    "EvseView",
    "MeterValueView",
    "MeterView",
    "StationView",
    "TransactionDetailView",
    "TransactionEventView",
    "TransactionSummaryView",
    "TransactionView",
]
