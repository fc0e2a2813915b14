"""The dashboard's fleet views: fleet totals, each EVSE of a station live (charging state, SoC,
per-phase current and voltage), and a transaction's power/energy curve from its stored meter
values. The views are built by ``ocppkit.csms.fleet`` from what the CSMS keeps."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from ocppkit.api.deps import ApiError, OperatorDep, StationDep
from ocppkit.api.schemas import error_responses
from ocppkit.csms.fleet import evse_live, fleet_totals, transaction_curve

router = APIRouter()


def _example(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


class FleetSummary(BaseModel):
    """Totals over every known station."""

    model_config = _example(
        {
            "stations_known": 120,
            "stations_online": 117,
            "stations_charging": 41,
            "transactions_active": 44,
            "power_w": 398_000.0,
            "energy_today_kwh": 1834.2,
            "versions": ["1.4.2", "1.5.0"],
            "as_of": "2026-01-01T12:00:00Z",
        }
    )

    stations_known: int
    stations_online: int = Field(description="stations with an open link")
    stations_charging: int = Field(
        description="stations with a transaction whose chargingState is Charging"
    )
    transactions_active: int
    power_w: float = Field(description="the power of every running transaction now (W)")
    energy_today_kwh: float = Field(
        description="energy delivered today (UTC day), as reported since the CSMS started"
    )
    versions: list[str] = Field(description="the firmware versions the stations booted with")
    as_of: datetime


class PhaseValues(BaseModel):
    phase: str = Field(description="L1, L2 or L3")
    current_a: float | None = None
    voltage_v: float | None = Field(None, description="phase to neutral")


class EvseLive(BaseModel):
    """One EVSE now: its status, its transaction's charging state and its latest meter values."""

    evse_id: int
    status: str | None = Field(description="its most significant connector's status")
    charging_state: str | None = Field(
        description="Charging, EVConnected, SuspendedEV, SuspendedEVSE or Idle "
        "(transactionInfo.chargingState); None without a transaction"
    )
    transaction_id: str | None
    energy_kwh: float | None = Field(description="energy of its transaction so far")
    power_w: float | None
    energy_register_wh: float | None = Field(description="the meter's energy register")
    soc: float | None = Field(description="the EV's state of charge (%), when the station sends it")
    current_a: float | None = Field(description="current without a phase (e.g. DC)")
    voltage_v: float | None = Field(description="voltage without a phase")
    phases: list[PhaseValues] = Field(description="phase-tagged current and voltage")
    measured_at: datetime | None = Field(description="the time of its latest meter value")


class StationLive(BaseModel):
    model_config = _example(
        {
            "charger_id": "CP_1",
            "connection": "connected",
            "evses": [
                {
                    "evse_id": 1,
                    "status": "Occupied",
                    "charging_state": "Charging",
                    "transaction_id": "tx-1",
                    "energy_kwh": 4.2,
                    "power_w": 11040.0,
                    "energy_register_wh": 120_400.0,
                    "soc": None,
                    "current_a": None,
                    "voltage_v": 230.0,
                    "phases": [
                        {"phase": "L1", "current_a": 16.0, "voltage_v": None},
                        {"phase": "L2", "current_a": 16.0, "voltage_v": None},
                        {"phase": "L3", "current_a": 16.0, "voltage_v": None},
                    ],
                    "measured_at": "2026-01-01T12:00:00Z",
                }
            ],
        }
    )
    charger_id: str
    connection: str
    evses: list[EvseLive]


class CurvePoint(BaseModel):
    timestamp: datetime
    power_w: float | None
    energy_kwh: float | None = Field(description="energy delivered since the transaction's start")


class TransactionCurve(BaseModel):
    model_config = _example(
        {
            "charger_id": "CP_1",
            "transaction_id": "tx-1",
            "active": True,
            "source": "database",
            "energy_kwh": 0.18,
            "points": [
                {"timestamp": "2026-01-01T12:00:00Z", "power_w": 11000.0, "energy_kwh": 0.0},
                {"timestamp": "2026-01-01T12:01:00Z", "power_w": 11000.0, "energy_kwh": 0.18},
            ],
        }
    )
    charger_id: str
    transaction_id: str
    active: bool
    source: str = Field(description="database (its stored meter values) or memory (recent ones)")
    energy_kwh: float
    points: list[CurvePoint]


@router.get(
    "/fleet",
    tags=["stations"],
    summary="Fleet totals: stations online and charging, power now, energy today",
    response_model=FleetSummary,
)
async def fleet(operator: OperatorDep) -> dict[str, Any]:
    totals = fleet_totals(operator.server.chargers)
    today_kwh = operator.queries.history.energy_today_wh() / 1000.0
    return {**totals, "energy_today_kwh": round(today_kwh, 4), "as_of": datetime.now(UTC)}


@router.get(
    "/chargers/{charger_id}/live",
    tags=["stations"],
    responses=error_responses(404),
    summary="Each EVSE now: charging state, SoC, per-phase current and voltage, power, energy",
    response_model=StationLive,
)
async def station_live(station: StationDep) -> dict[str, Any]:
    charger = station.charger
    return {
        "charger_id": station.station_id,
        "connection": "connected" if charger.connected else "disconnected",
        "evses": evse_live(charger),
    }


@router.get(
    "/transactions/{transaction_id}/curve",
    tags=["transactions"],
    responses=error_responses(404, 422),
    summary="A transaction's power and energy over time, from its stored meter values",
    description="From the database when one is configured, else from the readings kept in "
    "memory; evenly thinned to at most `points`. Give `charger_id`: transaction ids are only "
    "unique per station.",
    response_model=TransactionCurve,
)
async def curve(
    operator: OperatorDep,
    transaction_id: str,
    charger_id: Annotated[str | None, Query(max_length=255)] = None,
    points: Annotated[int, Query(ge=2, le=5000)] = 500,
) -> dict[str, Any]:
    detail = await operator.queries.transaction_detail(transaction_id, charger_id)
    if detail is None:
        raise ApiError(404, "transaction_not_found", f"transaction {transaction_id!r} is not known")
    return {
        "charger_id": detail["charger_id"],
        "transaction_id": detail["transaction_id"],
        "active": detail["active"],
        "source": detail["source"],
        "energy_kwh": detail["energy_kwh"],
        "points": transaction_curve(detail, points),
    }
