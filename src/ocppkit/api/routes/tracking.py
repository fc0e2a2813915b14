"""What the CSMS tracked of a station (``ocppkit.csms.tracking``): the commands sent to it with
their answer and progress, the notifications it sent (security and monitoring events among
them), and the objects it holds (charging profiles, reservations, display messages, ...).

Commands and notifications are paged newest first by cursor: ``limit`` (at most ``MAX_PAGE``)
and ``before_id``; each page answers ``{"items", "next"}``, ``next`` being the ``before_id`` of
the following page (null on the last). Objects are few per station and paged like the other
lists (``limit``/``offset``, total in ``X-Total-Count``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ocppkit.api.deps import MAX_PAGE, ApiError, OperatorDep, PageDep, StationDep
from ocppkit.api.schemas import (
    CommandPage,
    NotificationPage,
    ObjectKind,
    StationObject,
    error_responses,
)
from ocppkit.csms.router import TRACKED_NOTIFICATIONS
from ocppkit.protocol.models import CSMS_TO_CS

router = APIRouter(tags=["tracking"])
_ERRORS = error_responses(404, 422)
COMMAND_ACTIONS = tuple(sorted(CSMS_TO_CS))
NOTIFICATION_ACTIONS = tuple(sorted(TRACKED_NOTIFICATIONS))
SECURITY_EVENT = "SecurityEventNotification"  # A04
MONITORING_EVENT = "NotifyEvent"  # N07/N08

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
BeforeId = Annotated[
    int | None,
    Query(
        ge=1,
        le=2**31 - 1,
        description="only items older than this id: the `next` of the previous page",
    ),
]
Fetch = Callable[[str, str | None, int, int | None], Awaitable[list[dict[str, Any]]]]


def _known_action(action: str | None, allowed: Collection[str]) -> str | None:
    """Raises: ApiError 422 when ``action`` is not one of ``allowed``."""
    if action is None or action in allowed:
        return action
    raise ApiError(
        422,
        "invalid_parameter",
        f"action: {action!r} is not one of {', '.join(sorted(allowed))}",
        {
            "errors": [
                {
                    "field": "query.action",
                    "rule": "enum",
                    "message": f"Input should be one of {sorted(allowed)}",
                }
            ]
        },
    )


async def _page(
    fetch: Fetch, station_id: str, action: str | None, limit: int, before_id: int | None
) -> dict[str, Any]:
    # One more than asked tells whether an older page exists.
    found = await fetch(station_id, action, limit + 1, before_id)
    items = found[:limit]
    return {"items": items, "next": items[-1]["id"] if len(found) > limit else None}


def _action_query(allowed: tuple[str, ...], what: str) -> Any:
    return Query(
        max_length=64,
        description=f"only {what} of this action",
        json_schema_extra={"enum": list(allowed)},
    )


@router.get(
    "/chargers/{charger_id}/commands",
    responses=_ERRORS,
    response_model=CommandPage,
    summary="The commands sent to the station, newest first, with answer and progress",
    description="Every CSMS->CS request: its payload, the station's answer and `status` "
    '("Sent" until answered, "Timeout", "CallError:<code>", "NotConnected"), and the '
    "`progress` its notifications reported since (e.g. `?action=UpdateFirmware`: the latest "
    "FirmwareStatusNotification status; `GetLog`: LogStatusNotification; `GetBaseReport`, "
    '`GetMonitoringReport`: "Receiving" until the last part, then "Complete"). Paged by '
    "cursor: pass `next` as `before_id`.",
)
async def list_commands(
    operator: OperatorDep,
    station: StationDep,
    limit: Limit = 50,
    before_id: BeforeId = None,
    action: Annotated[str | None, _action_query(COMMAND_ACTIONS, "commands")] = None,
) -> dict[str, Any]:
    action = _known_action(action, CSMS_TO_CS)
    return await _page(operator.server.commands, station.station_id, action, limit, before_id)


@router.get(
    "/chargers/{charger_id}/notifications",
    responses=_ERRORS,
    response_model=NotificationPage,
    summary="The notifications the station sent, newest first",
    description="Security events, monitoring events, firmware/log/report status, smart-charging "
    "reports, DataTransfer, ...; `command_id` names the command a notification reports on. "
    "Paged by cursor: pass `next` as `before_id`.",
)
async def list_notifications(
    operator: OperatorDep,
    station: StationDep,
    limit: Limit = 50,
    before_id: BeforeId = None,
    action: Annotated[str | None, _action_query(NOTIFICATION_ACTIONS, "notifications")] = None,
) -> dict[str, Any]:
    action = _known_action(action, TRACKED_NOTIFICATIONS)
    return await _page(
        operator.server.station_messages, station.station_id, action, limit, before_id
    )


@router.get(
    "/chargers/{charger_id}/security-events",
    responses=_ERRORS,
    response_model=NotificationPage,
    summary="The station's security events (SecurityEventNotification), newest first",
    description="The notifications of action SecurityEventNotification (A04); paged as "
    "`/notifications`.",
)
async def list_security_events(
    operator: OperatorDep, station: StationDep, limit: Limit = 50, before_id: BeforeId = None
) -> dict[str, Any]:
    return await _page(
        operator.server.station_messages, station.station_id, SECURITY_EVENT, limit, before_id
    )


@router.get(
    "/chargers/{charger_id}/monitoring-events",
    responses=_ERRORS,
    response_model=NotificationPage,
    summary="The station's monitoring events (NotifyEvent), newest first",
    description="The notifications of action NotifyEvent (N07/N08: monitors triggered, "
    "alerts); paged as `/notifications`.",
)
async def list_monitoring_events(
    operator: OperatorDep, station: StationDep, limit: Limit = 50, before_id: BeforeId = None
) -> dict[str, Any]:
    return await _page(
        operator.server.station_messages, station.station_id, MONITORING_EVENT, limit, before_id
    )


@router.get(
    "/chargers/{charger_id}/objects",
    responses=_ERRORS,
    response_model=list[StationObject],
    summary="What the station holds now: charging profiles, reservations, display messages, ...",
    description="By kind and key. Kinds: charging_profile (key `<source>:<evseId>:<profileId>`), "
    "reservation, display_message, local_list, ev_charging_needs, ev_charging_schedule, "
    "charging_limit. Total in `X-Total-Count`.",
)
async def list_objects(
    operator: OperatorDep,
    station: StationDep,
    page: PageDep,
    response: Response,
    kind: Annotated[ObjectKind | None, Query()] = None,
) -> list[dict[str, Any]]:
    return page.apply(operator.server.station_objects(station.station_id, kind), response)


@router.get(
    "/chargers/{charger_id}/charging-profiles",
    responses=_ERRORS,
    response_model=list[StationObject],
    summary="The charging profiles the station holds (objects of kind charging_profile)",
    description="Those this CSMS set (source CSMS) and those the station reported "
    "(GetChargingProfiles, K09). Total in `X-Total-Count`.",
)
async def list_charging_profiles(
    operator: OperatorDep, station: StationDep, page: PageDep, response: Response
) -> list[dict[str, Any]]:
    return page.apply(
        operator.server.station_objects(station.station_id, "charging_profile"), response
    )
