"""Block O, display messages: SetDisplayMessage (O01/O03), GetDisplayMessages (O02),
ClearDisplayMessage (O04).

Messages are kept by id (O01: a message with an id already held replaces it) and selected by id,
priority and state for GetDisplayMessages (O02), whose matches go out in NotifyDisplayMessages
parts; ClearDisplayMessage removes one (O04). A message's window closes at its ``endDateTime``
(MessageInfoType: after it the message SHALL be removed), on a timer of the station's scheduler.
"""

from __future__ import annotations

from collections.abc import Mapping

from ocppkit.protocol.models import (
    ClearDisplayMessageRequest,
    ClearDisplayMessageResponse,
    ClearMessageStatusEnumType,
    DisplayMessageStatusEnumType,
    GetDisplayMessagesRequest,
    GetDisplayMessagesResponse,
    GetDisplayMessagesStatusEnumType,
    MessageInfoType,
    MessagePriorityEnumType,
    MessageStateEnumType,
    NotifyDisplayMessagesRequest,
    SetDisplayMessageRequest,
    SetDisplayMessageResponse,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.scheduler import Timer
from ocppkit.simulator.smart_charging.schedule import parse_time

PART = 20  # messages per NotifyDisplayMessages


class Display:
    """The display messages of one station."""

    __slots__ = ("_ctx", "_windows", "messages")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.messages: dict[int, MessageInfoType] = {}
        self._windows: dict[int, Timer] = {}  # message id -> the end of its window

    def routes(self) -> Mapping[str, Handler]:
        return {
            "SetDisplayMessage": self.on_set_display_message,
            "GetDisplayMessages": self.on_get_display_messages,
            "ClearDisplayMessage": self.on_clear_display_message,
        }

    def _running(self) -> set[str]:
        return {e.transaction.transaction_id for e in self._ctx.evses.values() if e.transaction}

    async def on_set_display_message(
        self, request: SetDisplayMessageRequest
    ) -> SetDisplayMessageResponse:
        """O01/O03: Accepted and shown; UnknownTransaction for a transaction not running here."""
        return SetDisplayMessageResponse(status=self.set(request.message, self._running()))

    async def on_get_display_messages(
        self, request: GetDisplayMessagesRequest
    ) -> GetDisplayMessagesResponse:
        """O02: Accepted and the matching messages in NotifyDisplayMessages; Unknown when none
        matches."""
        found = self.select(request.id, request.priority, request.state)
        if not found:
            return GetDisplayMessagesResponse(status=GetDisplayMessagesStatusEnumType.Unknown)
        self._ctx.spawn(self._notify(request.request_id, found), "NotifyDisplayMessages")
        return GetDisplayMessagesResponse(status=GetDisplayMessagesStatusEnumType.Accepted)

    async def on_clear_display_message(
        self, request: ClearDisplayMessageRequest
    ) -> ClearDisplayMessageResponse:
        """O04: Accepted when the message was there, else Unknown."""
        found = self.clear(request.id)
        status = (
            ClearMessageStatusEnumType.Accepted if found else ClearMessageStatusEnumType.Unknown
        )
        return ClearDisplayMessageResponse(status=status)

    async def _notify(self, request_id: int, found: list[MessageInfoType]) -> None:
        await self._ctx.send_parts(
            "NotifyDisplayMessages",
            found,
            PART,
            lambda _, part, tbc: NotifyDisplayMessagesRequest(
                request_id=request_id, message_info=part, tbc=tbc
            ),
        )

    def set(self, message: MessageInfoType, transactions: set[str]) -> DisplayMessageStatusEnumType:
        """O01/O03: keep ``message``; UnknownTransaction when it is tied to a transaction that
        does not run here (``transactions``)."""
        if message.transaction_id is not None and message.transaction_id not in transactions:
            return DisplayMessageStatusEnumType.UnknownTransaction
        self._close_window(message.id)
        self.messages[message.id] = message
        end = parse_time(message.end_date_time)
        if end is not None:
            delay = max(0.0, (end - self._ctx.now_utc()).total_seconds())
            self._windows[message.id] = self._ctx.scheduler.call_later(
                delay, lambda: self._window_ended(message)
            )
        return DisplayMessageStatusEnumType.Accepted

    def _close_window(self, message_id: int) -> None:
        timer = self._windows.pop(message_id, None)
        if timer is not None:
            timer.cancel()

    def _window_ended(self, message: MessageInfoType) -> None:
        """The message's endDateTime came: it is removed."""
        self._windows.pop(message.id, None)
        if self.messages.get(message.id) is message:
            del self.messages[message.id]

    def select(
        self,
        ids: list[int] | None,
        priority: MessagePriorityEnumType | None,
        state: MessageStateEnumType | None,
    ) -> list[MessageInfoType]:
        """O02: the messages matching every criterion given."""
        return [
            m
            for m in self.messages.values()
            if (ids is None or m.id in ids)
            and (priority is None or m.priority == priority)
            and (state is None or m.state == state)
        ]

    def clear(self, message_id: int) -> bool:
        """O04: remove message ``message_id``; whether it was there."""
        self._close_window(message_id)
        return self.messages.pop(message_id, None) is not None

    def transaction_ended(self, transaction_id: str) -> None:
        """Messages tied to a transaction go with it (O03)."""
        for message_id in [
            m.id for m in self.messages.values() if m.transaction_id == transaction_id
        ]:
            self.clear(message_id)
