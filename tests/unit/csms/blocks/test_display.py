"""O Display messages: set, reported and cleared messages as station objects."""

from typing import Any

from .support import Csms


def message(message_id: int, content: str = "Welcome") -> dict[str, Any]:
    return {
        "id": message_id,
        "priority": "NormalCycle",
        "message": {"format": "UTF8", "content": content},
    }


async def test_set_reported_and_cleared() -> None:
    csms = Csms()
    set_ = await csms.command(
        "CP", "SetDisplayMessage", {"message": message(3)}, {"status": "Accepted"}
    )
    await csms.command("CP", "SetDisplayMessage", {"message": message(9)}, {"status": "Rejected"})
    assert set_.request_id == 3  # notifications name the message id
    assert {k: o["status"] for k, o in csms.objects("display_message").items()} == {"3": "Accepted"}
    report = await csms.command(
        "CP", "GetDisplayMessages", {"requestId": 31}, {"status": "Accepted"}
    )
    await csms.send(
        "CP",
        "NotifyDisplayMessages",
        {"requestId": 31, "messageInfo": [message(3), message(4, "Hi")]},
    )
    reported = csms.objects("display_message")
    assert report.progress == "Complete"  # O04
    assert {k: (o["status"], o["payload"]["message"]["content"]) for k, o in reported.items()} == {
        "3": ("Reported", "Welcome"),
        "4": ("Reported", "Hi"),
    }
    cleared = await csms.command("CP", "ClearDisplayMessage", {"id": 3}, {"status": "Accepted"})
    await csms.command("CP", "ClearDisplayMessage", {"id": 4}, {"status": "Unknown"})
    assert cleared.request_id == 3
    assert list(csms.objects("display_message")) == ["4"]  # O05: only an Accepted clear
