"""O Display messages: NotifyDisplayMessages (O04), and what SetDisplayMessage (O01) and
ClearDisplayMessage (O05) answers change.

The station's display messages are kept as ``display_message`` objects, keyed by message id:
Accepted when the CSMS set them, Reported when a GetDisplayMessages report listed them; an
Accepted clear removes one.
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, Notice, StationObjects, changes, handles, on_answer
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import (
    ClearDisplayMessageRequest,
    ClearDisplayMessageResponse,
    NotifyDisplayMessagesRequest,
    NotifyDisplayMessagesResponse,
    SetDisplayMessageRequest,
    SetDisplayMessageResponse,
)

log = logging.getLogger("ocppkit.csms")

KIND = "display_message"


class Display(Block):
    """Keeps the messages the stations display."""

    object_kinds = (KIND,)

    @handles("NotifyDisplayMessages", notice=Notice(reports_on=("GetDisplayMessages",)))
    async def on_notify_display_messages(
        self, charger: Charger, request: NotifyDisplayMessagesRequest
    ) -> NotifyDisplayMessagesResponse:
        """O04: one part of the report a GetDisplayMessages asked for."""
        log.debug("[%s] display messages of request %d", charger.charger_id, request.request_id)
        return NotifyDisplayMessagesResponse()

    @changes("NotifyDisplayMessages")
    def messages_reported(
        self, objects: StationObjects, request: NotifyDisplayMessagesRequest
    ) -> None:
        """O04: every message listed is kept as Reported."""
        for message in request.message_info or ():
            objects.put(KIND, str(message.id), message, "Reported")

    @on_answer("SetDisplayMessage", request_id=lambda request: request.message.id)
    def message_set(
        self,
        objects: StationObjects,
        request: SetDisplayMessageRequest,
        response: SetDisplayMessageResponse,
    ) -> None:
        """O01: an Accepted message is kept as Accepted."""
        if response.status == "Accepted":
            objects.put(KIND, str(request.message.id), request.message, "Accepted")

    @on_answer("ClearDisplayMessage", request_id=lambda request: request.id)
    def message_cleared(
        self,
        objects: StationObjects,
        request: ClearDisplayMessageRequest,
        response: ClearDisplayMessageResponse,
    ) -> None:
        """O05: an Accepted clear removes the message."""
        if response.status == "Accepted":
            objects.remove(KIND, str(request.id))
