"""H Reservation: requested, answered, cancelled, expired; an unknown one still gets a status."""

from typing import Any

from ocppkit.protocol import validate_response
from ocppkit.protocol.models import ReserveNowRequest

from .support import Csms

TOKEN = {"idToken": "TOKEN-OK", "type": "ISO14443"}


def reserve(reservation_id: int) -> dict[str, Any]:
    return {
        "id": reservation_id,
        "expiryDateTime": "2025-01-02T04:04:05Z",
        "idToken": TOKEN,
        "evseId": 1,
    }


async def test_reservations_requested_answered_cancelled_and_expired() -> None:
    csms = Csms()
    sent = await csms.tracker.sent("CP", "ReserveNow", ReserveNowRequest.model_validate(reserve(5)))
    assert csms.objects("reservation")["5"]["status"] == "Requested"  # H01, before the answer
    assert sent.request_id == 5
    await csms.tracker.answered(sent, validate_response("ReserveNow", {"status": "Accepted"}))
    await csms.send(
        "CP", "ReservationStatusUpdate", {"reservationId": 5, "reservationUpdateStatus": "Expired"}
    )
    await csms.command("CP", "ReserveNow", reserve(6), {"status": "Accepted"})
    cancel = await csms.command(
        "CP", "CancelReservation", {"reservationId": 6}, {"status": "Accepted"}
    )
    await csms.command("CP", "ReserveNow", reserve(7), {"status": "Occupied"})
    reservations = csms.objects("reservation")
    assert {k: o["status"] for k, o in reservations.items()} == {
        "5": "Expired",  # H04
        "6": "Cancelled",  # H02
        "7": "Occupied",
    }
    assert reservations["6"]["evse_id"] == 1 and cancel.request_id == 6
    assert sent.progress == "Expired"


async def test_an_unknown_reservation_is_kept_by_id() -> None:
    csms = Csms()
    await csms.send(
        "CP", "ReservationStatusUpdate", {"reservationId": 8, "reservationUpdateStatus": "Removed"}
    )
    kept = csms.objects("reservation")["8"]
    assert (kept["status"], kept["payload"], kept["evse_id"]) == ("Removed", {"id": 8}, None)
