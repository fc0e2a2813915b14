"""What every route is given (``Annotated`` dependencies: the CSMS side, a page, the station
named in the path) and the mapping of a command's failures to HTTP errors.

The API holds no state of its own: ``Operator`` bundles the CSMS, its queries
(``ocppkit.csms.queries``) and its message log (``ocppkit.csms.message_log``), which live on the
CSMS side and are fed by the CSMS's hooks. Commands go through the CSMS's one command pipeline
(``OCPPServer.send_command``), as the typed Python methods do.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Query, Request, Response
from fastapi import Path as PathParam

from ocppkit.csms.commands import command_request
from ocppkit.csms.errors import InvalidCommandError, StationRejectedError
from ocppkit.csms.message_log import MessageLog
from ocppkit.csms.queries import CsmsQueries
from ocppkit.csms.registry import Charger
from ocppkit.http import ApiError
from ocppkit.protocol.errors import (
    CallTimeoutError,
    NotConnectedError,
    OCPPError,
    OCPPKitError,
)
from ocppkit.protocol.models import OcppModel
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.protocol.versions import OcppVersion

if TYPE_CHECKING:
    from ocppkit.csms import OCPPServer

MAX_PAGE = 1000


@dataclass(eq=False)
class Operator:
    """The CSMS side the routes work on.

    Args:
        protocol_log_file: the protocol debug log file to offer at ``/logs/protocol``, if any.
    """

    server: OCPPServer
    queries: CsmsQueries
    messages: MessageLog
    protocol_log_file: Path | None = None
    heartbeat_interval: float = 15.0
    closing: asyncio.Event = field(default_factory=asyncio.Event)
    """Set when the API stops: live event streams end."""


def get_operator(request: Request) -> Operator:
    operator: Operator = request.app.state.operator
    return operator


OperatorDep = Annotated[Operator, Depends(get_operator)]


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int

    def apply(self, items: list[Any], response: Response) -> list[Any]:
        """The page of ``items``; the total goes into ``X-Total-Count``."""
        response.headers["X-Total-Count"] = str(len(items))
        return items[self.offset : self.offset + self.limit]


def get_page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0,
) -> Page:
    return Page(limit, offset)


PageDep = Annotated[Page, Depends(get_page)]


@dataclass(frozen=True, slots=True)
class Station:
    """The station named in the path (``/chargers/{charger_id}/...``), looked up once per
    request."""

    station_id: str
    charger: Charger  # the CSMS's registry entry


def get_station(
    operator: OperatorDep,
    charger_id: Annotated[str, PathParam(description="the station identity")],
) -> Station:
    """Raises: ApiError 404 charger_not_found."""
    charger = operator.server.chargers.get(charger_id)
    if charger is None:
        raise ApiError(404, "charger_not_found", f"charger {charger_id!r} is not known")
    return Station(charger_id, charger)


StationDep = Annotated[Station, Depends(get_station)]


def get_connected_station(station: StationDep) -> Station:
    """Raises: ApiError 404 charger_not_found, 409 charger_not_connected."""
    if not station.charger.connected:
        raise ApiError(
            409, "charger_not_connected", f"charger {station.station_id!r} is not connected"
        )
    return station


ConnectedStationDep = Annotated[Station, Depends(get_connected_station)]


@contextmanager
def checked_payload() -> Iterator[None]:
    """Building a command's request: an invalid one (nothing is sent) is 422 invalid_payload
    with the violations.

    Raises:
        ApiError: 422 invalid_payload.
    """
    try:
        yield
    except OCPPError as exc:
        errors = exc.details.get("errors", [])
        raise ApiError(
            422, "invalid_payload", exc.description or str(exc), {"errors": errors}
        ) from exc


def request_model(action: str, payload: Any, version: OcppVersion = OcppVersion.V201) -> OcppModel:
    """The request model of a CSMS->CS action of ``version`` from its wire JSON (the payload's
    one coercion).

    Raises:
        ApiError: 404 unknown_action, 422 invalid_payload (with the violations).
    """
    try:
        with checked_payload():
            return command_request(action, payload, version)
    except InvalidCommandError as exc:
        raise ApiError(
            404,
            "unknown_action",
            f"{action!r} is not an action the CSMS sends to a station (see /actions)",
        ) from exc


async def await_command(station_id: str, command: Awaitable[OcppModel]) -> dict[str, Any]:
    """Await a command towards a station; its response as wire JSON.

    Raises:
        ApiError: 409 not connected or refused, 502 CALLERROR, 504 no answer in time.
    """
    try:
        response = await command
    except NotConnectedError as exc:
        raise ApiError(409, "charger_not_connected", str(exc)) from exc
    except CallTimeoutError as exc:
        raise ApiError(504, "station_timeout", str(exc)) from exc
    except StationRejectedError as exc:
        raise ApiError(409, "charger_rejected", str(exc)) from exc
    except OCPPError as exc:
        raise ApiError(
            502,
            "station_call_error",
            f"{station_id} answered {exc.code}: {exc.description}",
            {"error_code": exc.code},
        ) from exc
    except InvalidCommandError as exc:
        raise ApiError(404, "unknown_action", str(exc)) from exc
    except OCPPKitError as exc:
        raise ApiError(409, "command_refused", str(exc)) from exc
    result: dict[str, Any] = to_wire_dict(response)
    return result


async def send_request(
    operator: Operator, station: Station, action: str, request: OcppModel
) -> dict[str, Any]:
    """Send a validated request through the command pipeline; the answer as wire JSON.

    Raises:
        ApiError: 409, 502, 504 (see ``await_command``).
    """
    server = operator.server
    return await await_command(
        station.station_id, server.send_command(station.station_id, action, request, OcppModel)
    )


__all__ = [
    "MAX_PAGE",
    "ApiError",
    "ConnectedStationDep",
    "Operator",
    "OperatorDep",
    "Page",
    "PageDep",
    "Station",
    "StationDep",
    "await_command",
    "checked_payload",
    "get_connected_station",
    "get_operator",
    "get_station",
    "request_model",
    "send_request",
]
