"""The fleet's control API (FastAPI): drive any station of a running fleet from a test script.

    GET  /summary                      the fleet now: stations online, charging, kW, counters
    GET  /stations?offset=&limit=      the stations, a page at a time
    GET  /stations/{id}                one station: link, EVSEs, active faults
    POST /stations/{id}/plug           an EV plugs in            {"evse_id": 1}
    POST /stations/{id}/unplug         the EV leaves             {"evse_id": 1}
    POST /stations/{id}/token          a driver presents a token {"id_token": "...", "evse_id": 1}
    POST /stations/{id}/fault          inject or clear a fault   {"evse_id", "kind", "active"}
    POST /stations/{id}/start          power the station on (connect, boot)
    POST /stations/{id}/stop           power it off (transactions end, websocket closes)

Errors are JSON ``{"detail", "code"}`` (``ocppkit.http``; 422s add ``errors``): 404 unknown
station, 409 not connected or not possible in the present state, 422 bad body (or an EVSE the
station does not have), 502 the CSMS answered a CALLERROR, 504 the CSMS did not answer in time.
OpenAPI at ``/docs``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping, Sequence
from typing import Annotated, Any, Protocol

from fastapi import FastAPI, Query
from pydantic import BaseModel, ConfigDict, Field

from ocppkit.http import ApiError, ErrorBody, ValidationErrorBody, install_error_handlers
from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError, OCPPKitError
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.fleet.faults import FaultKind
from ocppkit.simulator.fleet.report import FleetStats, snapshot
from ocppkit.simulator.fleet.station import FleetStation
from ocppkit.simulator.station import ChargerSimulator


class ControlledFleet(Protocol):
    """What the control API drives: ``ocppkit.simulator.fleet.Fleet`` (which imports this module
    to serve it, so the API names the fleet by its shape, not its class)."""

    @property
    def stations(self) -> Mapping[str, FleetStation]: ...

    stats: FleetStats

    @property
    def sims(self) -> Sequence[ChargerSimulator]: ...

    async def connect(self, station: FleetStation) -> bool: ...

    async def disconnect(self, station: FleetStation) -> None: ...


class EvseBody(BaseModel):
    """Body of ``plug`` and ``unplug``."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"evse_id": 1}]})
    evse_id: int = Field(1, ge=1, description="the EVSE (connector 1 of it)")


class TokenBody(BaseModel):
    """Body of ``token``."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"id_token": "RFID-0042", "evse_id": 1}]}
    )
    id_token: str = Field(min_length=1, max_length=36, description="idToken (ISO14443)")
    evse_id: int = Field(1, ge=1)


class FaultBody(BaseModel):
    """Body of ``fault``. ``network_drop`` and ``csms_reset`` are one-shot: ``active: false``
    does nothing for them."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"evse_id": 1, "kind": "connector", "active": True},
                {"evse_id": 1, "kind": "meter_freeze", "active": False},
                {"kind": "network_drop"},
            ]
        },
    )
    kind: FaultKind
    evse_id: int = Field(1, ge=1)
    active: bool = True


class EvsePublic(BaseModel):
    evse_id: int
    status: str = Field(description="connector status as last reported (G01)")
    transaction_id: str | None
    power_w: float
    energy_wh: float = Field(description="the EVSE's Energy.Active.Import.Register")


class StationPublic(BaseModel):
    id: str
    type: str = Field(description="the scenario's station type name")
    online: bool = Field(description="booted (Accepted) and connected")
    registration_status: str | None
    evses: list[EvsePublic]
    faults: list[FaultBody] = Field(description="faults active now")


class StationPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[StationPublic]


class Summary(BaseModel):
    online: int
    total: int
    charging: int
    power_kw: float
    messages_in: int
    messages_out: int
    sessions_started: int
    sessions_completed: int
    errors: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "unknown station"},
    409: {"model": ErrorBody, "description": "station not connected, or not possible now"},
    422: {
        "model": ValidationErrorBody,
        "description": "invalid body, or an EVSE the station lacks",
    },
    502: {"model": ErrorBody, "description": "the CSMS answered with a CALLERROR"},
    504: {"model": ErrorBody, "description": "the CSMS did not answer in time"},
}


def station_public(station: FleetStation) -> StationPublic:
    """What the API shows of one station."""
    sim = station.sim
    now = sim.clock()
    evses = [
        EvsePublic(
            evse_id=evse.evse_id,
            status=str(evse.status),
            transaction_id=evse.transaction.transaction_id if evse.transaction else None,
            power_w=round(evse.meter.power_w, 1),
            energy_wh=round(evse.meter.energy_at(now), 3),
        )
        for evse in sim.evses.values()
    ]
    status = sim.registration_status
    return StationPublic(
        id=sim.charger_id,
        type=station.kind.name,
        online=sim.connected,
        registration_status=None if status is None else str(status),
        evses=evses,
        faults=[FaultBody(kind=k, evse_id=e) for k, e in sorted(station.faults)],
    )


async def _act(station: FleetStation, action: Awaitable[None]) -> StationPublic:
    """Await an action on a station and map its failures to HTTP errors."""
    try:
        await action
    except NotConnectedError as exc:
        raise ApiError(409, "station_not_connected", str(exc)) from exc
    except CallTimeoutError as exc:
        raise ApiError(504, "csms_timeout", str(exc)) from exc
    except OCPPError as exc:
        raise ApiError(502, "csms_call_error", f"{exc.code}: {exc.description}") from exc
    except (SimulatorError, OCPPKitError) as exc:
        raise ApiError(409, "invalid_state", str(exc)) from exc
    return station_public(station)


def create_control_app(fleet: ControlledFleet) -> FastAPI:
    """The control API over a running ``Fleet`` (it holds no state of its own)."""
    app = FastAPI(
        title="ocppkit fleet control API",
        version="0.1.0",
        description="Drive the simulated charging stations of a running fleet: plug and unplug "
        "EVs, present id tokens, inject faults, power stations on and off.",
    )
    install_error_handlers(app)

    def lookup(station_id: str) -> FleetStation:
        station = fleet.stations.get(station_id)
        if station is None:
            raise ApiError(404, "station_not_found", f"station {station_id!r} is not in the fleet")
        return station

    def with_evse(station_id: str, evse_id: int) -> FleetStation:
        station = lookup(station_id)
        if evse_id not in station.sim.evses:
            raise ApiError(
                422,
                "unknown_evse",
                f"{station_id} has no EVSE {evse_id} (it has {sorted(station.sim.evses)})",
            )
        return station

    @app.get("/summary", summary="The fleet now")
    async def summary() -> Summary:
        now, stats = snapshot(fleet.sims, fleet.stats), fleet.stats
        return Summary(
            online=now.online,
            total=now.total,
            charging=now.charging,
            power_kw=round(now.power_kw, 3),
            messages_in=stats.frames_in,
            messages_out=stats.frames_out,
            sessions_started=stats.sessions_started,
            sessions_completed=stats.sessions_completed,
            errors=stats.errors,
        )

    @app.get("/stations", summary="The stations, a page at a time")
    async def list_stations(
        offset: Annotated[int, Query(ge=0)] = 0, limit: Annotated[int, Query(ge=1, le=1000)] = 100
    ) -> StationPage:
        ids = list(fleet.stations)[offset : offset + limit]
        items = [station_public(fleet.stations[i]) for i in ids]
        return StationPage(total=len(fleet.stations), offset=offset, limit=limit, items=items)

    @app.get("/stations/{station_id}", responses=_ERRORS, summary="One station")
    async def get_station(station_id: str) -> StationPublic:
        return station_public(lookup(station_id))

    @app.post("/stations/{station_id}/plug", responses=_ERRORS, summary="An EV plugs in")
    async def plug(station_id: str, body: EvseBody) -> StationPublic:
        station = with_evse(station_id, body.evse_id)
        return await _act(station, station.plug(body.evse_id))

    @app.post("/stations/{station_id}/unplug", responses=_ERRORS, summary="The EV leaves")
    async def unplug(station_id: str, body: EvseBody) -> StationPublic:
        station = with_evse(station_id, body.evse_id)
        return await _act(station, station.unplug(body.evse_id))

    @app.post("/stations/{station_id}/token", responses=_ERRORS, summary="Present an id token")
    async def token(station_id: str, body: TokenBody) -> StationPublic:
        station = with_evse(station_id, body.evse_id)
        return await _act(station, station.present_token(body.id_token, body.evse_id))

    @app.post("/stations/{station_id}/fault", responses=_ERRORS, summary="Inject or clear a fault")
    async def fault(station_id: str, body: FaultBody) -> StationPublic:
        station = with_evse(station_id, body.evse_id)
        return await _act(station, station.fault(body.kind, body.evse_id, body.active))

    _add_power_routes(app, fleet, lookup)
    return app


def _add_power_routes(app: FastAPI, fleet: ControlledFleet, lookup: Any) -> None:
    @app.post(
        "/stations/{station_id}/start",
        responses=_ERRORS,
        summary="Power the station on: connect and boot",
    )
    async def start(station_id: str) -> StationPublic:
        station: FleetStation = lookup(station_id)
        if station.sim.connected:
            raise ApiError(409, "already_connected", f"{station_id} is already connected")
        if not await fleet.connect(station):
            raise ApiError(409, "connect_failed", f"{station_id} could not connect to its CSMS")
        return station_public(station)

    @app.post(
        "/stations/{station_id}/stop",
        responses=_ERRORS,
        summary="Power the station off: end transactions, close the websocket",
    )
    async def stop(station_id: str) -> StationPublic:
        station: FleetStation = lookup(station_id)
        if not station.sim.connected:
            raise ApiError(409, "station_not_connected", f"{station_id} is not connected")
        await fleet.disconnect(station)
        return station_public(station)
