"""What every route is given (``Annotated`` dependencies), the API's error type, and the one
function that sends a CSMS->CS action and maps its failures to HTTP errors.

The API holds no state of its own: ``Operator`` bundles the CSMS, its queries
(``ocppkit.csms.queries``) and its message log (``ocppkit.csms.message_log``), which live on the
CSMS side and are fed by the CSMS's hooks.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Query, Request, Response

from ocppkit.csms.errors import InvalidCommandError, StationRejectedError
from ocppkit.csms.message_log import MessageLog
from ocppkit.csms.queries import CsmsQueries
from ocppkit.http import ApiError
from ocppkit.protocol.errors import (
    CallTimeoutError,
    NotConnectedError,
    OCPPError,
    OCPPKitError,
)
from ocppkit.protocol.models import CSMS_TO_CS, OcppModel
from ocppkit.protocol.validation import coerce, models_for, to_wire_dict

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


def charger_or_404(server: OCPPServer, charger_id: str) -> dict[str, Any]:
    """The station's status view.

    Raises:
        ApiError: 404 charger_not_found.
    """
    status = server.get_charger_status(charger_id)
    if status is None:
        raise ApiError(404, "charger_not_found", f"charger {charger_id!r} is not known")
    return status


def require_connected(server: OCPPServer, charger_id: str) -> None:
    """Raises: ApiError 404 unknown, 409 not connected."""
    if charger_or_404(server, charger_id).get("connection") != "connected":
        raise ApiError(409, "charger_not_connected", f"charger {charger_id!r} is not connected")


async def await_command(charger_id: str, coro: Any) -> dict[str, Any]:
    """Await a command towards a station; its response as wire JSON.

    Raises:
        ApiError: 409 not connected or refused, 502 CALLERROR, 504 no answer in time.
    """
    try:
        response = await coro
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
            f"{charger_id} answered {exc.code}: {exc.description}",
            {"error_code": exc.code},
        ) from exc
    except InvalidCommandError as exc:
        raise ApiError(404, "unknown_action", str(exc)) from exc
    except OCPPKitError as exc:
        raise ApiError(409, "command_refused", str(exc)) from exc
    result: dict[str, Any] = to_wire_dict(response)
    return result


def validate_action(action: str, payload: Any) -> OcppModel:
    """The request model of a CSMS->CS action from its wire JSON.

    Raises:
        ApiError: 404 unknown_action, 422 invalid_payload (with the violations).
    """
    if action not in CSMS_TO_CS:
        raise ApiError(
            404,
            "unknown_action",
            f"{action!r} is not an action the CSMS sends to a station (see /actions)",
        )
    model = models_for(action)[0]
    try:
        return coerce(model, payload, f"{action}Request")
    except OCPPError as exc:
        errors = exc.details.get("errors", [])
        raise ApiError(
            422, "invalid_payload", exc.description or str(exc), {"errors": errors}
        ) from exc


async def send_action(
    operator: Operator, charger_id: str, action: str, payload: Any
) -> dict[str, Any]:
    """Validate, send, and answer ``{"action", "response"}``.

    Raises:
        ApiError: 404, 409, 422, 502, 504 (see ``validate_action`` and ``await_command``).
    """
    server = operator.server
    charger_or_404(server, charger_id)
    request = validate_action(action, payload)
    require_connected(server, charger_id)
    response = await await_command(charger_id, server.call(charger_id, action, request))
    return {"action": action, "response": response}


__all__ = [
    "MAX_PAGE",
    "ApiError",
    "Operator",
    "OperatorDep",
    "Page",
    "PageDep",
    "await_command",
    "charger_or_404",
    "get_operator",
    "require_connected",
    "send_action",
    "validate_action",
]
