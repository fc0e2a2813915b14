"""Block O: display messages (O01-O04)."""

from __future__ import annotations

from datetime import timedelta

from ocppkit.protocol.models import (
    ClearDisplayMessageRequest,
    GetDisplayMessagesRequest,
    MessageContentType,
    MessageInfoType,
    SetDisplayMessageRequest,
)
from ocppkit.simulator.blocks.display import PART, Display
from ocppkit.simulator.transactions import wire_time

from .support import make_station


def message(
    message_id: int, priority: str = "NormalCycle", tx: str | None = None
) -> MessageInfoType:
    return MessageInfoType(
        id=message_id,
        priority=priority,
        message=MessageContentType(format="UTF8", content=f"message {message_id}"),
        transaction_id=tx,
    )


async def test_o01_o04_set_replace_and_clear() -> None:
    block = Display(make_station().ctx)
    answer = await block.on_set_display_message(SetDisplayMessageRequest(message=message(1)))
    assert answer.status == "Accepted"
    replaced = message(1, "AlwaysFront")  # O01: the same id replaces the message
    await block.on_set_display_message(SetDisplayMessageRequest(message=replaced))
    assert list(block.messages) == [1] and block.messages[1].priority == "AlwaysFront"
    cleared = await block.on_clear_display_message(ClearDisplayMessageRequest(id=1))
    assert cleared.status == "Accepted"
    again = await block.on_clear_display_message(ClearDisplayMessageRequest(id=1))
    assert again.status == "Unknown"


async def test_o03_a_message_of_a_transaction_not_running_here() -> None:
    block = Display(make_station().ctx)
    answer = await block.on_set_display_message(
        SetDisplayMessageRequest(message=message(2, tx="tx-elsewhere"))
    )
    assert answer.status == "UnknownTransaction" and not block.messages


async def test_o02_matching_messages_go_out_in_parts() -> None:
    station = make_station()
    block = Display(station.ctx)
    for i in range(1, PART + 6):
        block.set(message(i, "InFront" if i % 2 else "NormalCycle"), set())
    none = await block.on_get_display_messages(GetDisplayMessagesRequest(request_id=1, id=[999]))
    assert none.status == "Unknown"
    answer = await block.on_get_display_messages(GetDisplayMessagesRequest(request_id=7))
    assert answer.status == "Accepted"
    await station.settle()
    parts = station.link.sent("NotifyDisplayMessages")
    assert [len(p["messageInfo"]) for p in parts] == [PART, 5]
    assert [p.get("tbc", False) for p in parts] == [True, False]
    assert {p["requestId"] for p in parts} == {7}
    front = block.select(None, "InFront", None)
    assert front and all(m.priority == "InFront" for m in front)


def test_o03_messages_of_a_transaction_go_with_it() -> None:
    block = Display(make_station().ctx)
    block.set(message(1, tx="tx-1"), {"tx-1"})
    block.set(message(2), set())
    block.transaction_ended("tx-1")
    assert list(block.messages) == [2]


async def test_a_message_is_removed_at_its_end_date_time() -> None:
    station = make_station()
    block = Display(station.ctx)
    now = station.ctx.now_utc()
    shown = message(3).model_copy(update={"end_date_time": wire_time(now + timedelta(minutes=30))})
    assert (await block.on_set_display_message(SetDisplayMessageRequest(message=shown))).status == (
        "Accepted"
    )
    await station.clock.advance(29 * 60)
    assert 3 in block.messages
    await station.clock.advance(61)  # MessageInfoType.endDateTime: then it SHALL be removed
    assert 3 not in block.messages
    replaced = message(4).model_copy(update={"end_date_time": wire_time(now + timedelta(hours=2))})
    block.set(replaced, set())
    block.set(message(4), set())  # O01: replaced by one without an end: it stays
    await station.clock.advance(3 * 3600)
    assert 4 in block.messages
