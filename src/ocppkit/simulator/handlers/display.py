"""Block O, display messages (O01-O04), and block I, CostUpdated (I02)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ClearDisplayMessageRequest,
    ClearDisplayMessageResponse,
    ClearMessageStatusEnumType,
    CostUpdatedRequest,
    CostUpdatedResponse,
    GetDisplayMessagesRequest,
    GetDisplayMessagesResponse,
    GetDisplayMessagesStatusEnumType,
    MessageInfoType,
    NotifyDisplayMessagesRequest,
    SetDisplayMessageRequest,
    SetDisplayMessageResponse,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
PART = 20  # messages per NotifyDisplayMessages


def _running(station: ChargerSimulator) -> set[str]:
    return {e.transaction.transaction_id for e in station.evses.values() if e.transaction}


async def on_set_display_message(
    station: ChargerSimulator, request: SetDisplayMessageRequest
) -> SetDisplayMessageResponse:
    """O01/O03: Accepted and shown; UnknownTransaction for a transaction not running here."""
    status = station.display.set(request.message, _running(station))
    return SetDisplayMessageResponse(status=status)


async def _notify(station: ChargerSimulator, request_id: int, found: list[MessageInfoType]) -> None:
    await station.send_parts(
        "NotifyDisplayMessages",
        found,
        PART,
        lambda _, part, tbc: NotifyDisplayMessagesRequest(
            request_id=request_id, message_info=part, tbc=tbc
        ),
    )


async def on_get_display_messages(
    station: ChargerSimulator, request: GetDisplayMessagesRequest
) -> GetDisplayMessagesResponse:
    """O02: Accepted and the matching messages in NotifyDisplayMessages; Unknown when none
    matches."""
    found = station.display.select(request.id, request.priority, request.state)
    if not found:
        return GetDisplayMessagesResponse(status=GetDisplayMessagesStatusEnumType.Unknown)
    station.spawn(_notify(station, request.request_id, found), "NotifyDisplayMessages")
    return GetDisplayMessagesResponse(status=GetDisplayMessagesStatusEnumType.Accepted)


async def on_clear_display_message(
    station: ChargerSimulator, request: ClearDisplayMessageRequest
) -> ClearDisplayMessageResponse:
    """O04: Accepted when the message was there, else Unknown."""
    found = station.display.clear(request.id)
    status = ClearMessageStatusEnumType.Accepted if found else ClearMessageStatusEnumType.Unknown
    return ClearDisplayMessageResponse(status=status)


async def on_cost_updated(
    station: ChargerSimulator, request: CostUpdatedRequest
) -> CostUpdatedResponse:
    """I02: the running cost of the transaction is kept (``station.display.costs``)."""
    station.display.costs[request.transaction_id] = float(request.total_cost)
    return CostUpdatedResponse()


HANDLERS = {
    "SetDisplayMessage": on_set_display_message,
    "GetDisplayMessages": on_get_display_messages,
    "ClearDisplayMessage": on_clear_display_message,
    "CostUpdated": on_cost_updated,
}
