"""Stations: list (filtered, paginated), one station, its EVSEs, device model, run-time settings
and recent OCPP frames."""

from __future__ import annotations

from typing import Annotated, Any, Literal, cast

from fastapi import APIRouter, Query, Response

from ocppkit.api.deps import ApiError, OperatorDep, PageDep, StationDep
from ocppkit.api.schemas import (
    Health,
    LoggedMessage,
    StationSettings,
    StationSettingsPatch,
    error_responses,
)
from ocppkit.csms.views import DeviceModelView, EvseView, StationView

router = APIRouter()
ConnectorStatus = Literal["Available", "Occupied", "Reserved", "Unavailable", "Faulted"]


@router.get("/health", summary="Liveness and the number of connected stations", tags=["stations"])
async def health(operator: OperatorDep) -> Health:
    chargers = operator.server.chargers.chargers.values()
    connected = sum(1 for c in chargers if c.connected)
    return Health(status="ok", chargers_connected=connected, chargers_known=len(chargers))


@router.get(
    "/chargers",
    tags=["stations"],
    responses=error_responses(422),
    summary="Every known charging station with its state (filtered, paginated)",
    description="Total before pagination in the `X-Total-Count` header. `status` matches a "
    "station any of whose EVSEs has that status.",
)
async def list_chargers(
    operator: OperatorDep,
    page: PageDep,
    response: Response,
    connection: Annotated[Literal["connected", "disconnected"] | None, Query()] = None,
    status: Annotated[ConnectorStatus | None, Query(description="an EVSE status")] = None,
) -> list[StationView]:
    chargers = [
        c
        for c in operator.server.list_chargers()
        if (connection is None or c["connection"] == connection)
        and (status is None or any(e["status"] == status for e in c["evses"]))
    ]
    return page.apply(chargers, response)


@router.get(
    "/chargers/{charger_id}",
    responses=error_responses(404),
    tags=["stations"],
    summary="One station's state",
)
async def get_charger(operator: OperatorDep, station: StationDep) -> StationView:
    # the dependency found the station (the CSMS never forgets one)
    return cast(StationView, operator.server.get_charger_status(station.station_id))


@router.get(
    "/chargers/{charger_id}/evses",
    responses=error_responses(404),
    tags=["stations"],
    summary="The station's EVSEs with their connectors and latest meter values",
)
async def get_evses(station: StationDep) -> list[EvseView]:
    return station.charger.evses()


@router.get(
    "/chargers/{charger_id}/device-model",
    responses=error_responses(404),
    tags=["stations"],
    summary="The station's device model from its last complete report (B07/B08)",
    description="404 `device_model_unknown` until the station has sent a complete NotifyReport "
    "(send `GetBaseReport` with `POST /chargers/{id}/commands/GetBaseReport`).",
)
async def get_device_model(operator: OperatorDep, station: StationDep) -> DeviceModelView:
    model = operator.server.get_device_model(station.station_id)
    if model is None:
        raise ApiError(
            404,
            "device_model_unknown",
            f"charger {station.station_id!r} has not reported its device model",
        )
    return model


@router.get(
    "/chargers/{charger_id}/settings",
    responses=error_responses(404),
    tags=["stations"],
    summary="The station's run-time settings",
)
async def get_settings(operator: OperatorDep, station: StationDep) -> StationSettings:
    return StationSettings(**operator.queries.settings(station.station_id))


@router.patch(
    "/chargers/{charger_id}/settings",
    responses=error_responses(404, 422),
    tags=["stations"],
    summary="Change the station's boot status, lenient validation, limits per message, notes",
    description="Only the keys given change; `boot_status: null` returns the station to the "
    "boot policy.",
)
async def patch_settings(
    operator: OperatorDep, station: StationDep, body: StationSettingsPatch
) -> StationSettings:
    changes = body.model_dump(exclude_unset=True)
    for key in ("lenient", "notes"):
        if key in changes and changes[key] is None:
            raise ApiError(
                422,
                "invalid_body",
                f"{key}: may not be null",
                {"errors": [{"field": key, "rule": "null", "message": "null"}]},
            )
    try:
        return StationSettings(**operator.queries.update_settings(station.station_id, changes))
    except ValueError as exc:
        raise ApiError(422, "invalid_body", str(exc)) from exc


@router.get(
    "/chargers/{charger_id}/messages",
    responses=error_responses(404, 422),
    tags=["stations"],
    summary="The station's recent OCPP frames (oldest first), CALLs paired with their replies",
    response_model=list[LoggedMessage],
)
async def get_messages(
    operator: OperatorDep,
    station: StationDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    action: Annotated[str | None, Query(max_length=64)] = None,
    direction: Annotated[Literal["in", "out"] | None, Query()] = None,
) -> list[dict[str, Any]]:
    frames = operator.messages.frames(station.station_id, limit, action, direction)
    return [f.to_dict() for f in frames]
