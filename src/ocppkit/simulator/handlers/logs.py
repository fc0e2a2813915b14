"""Block N, logs and customer data: GetLog (N01) and CustomerInformation (N09/N10); the
monitoring half of block N is in ``monitoring``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    CustomerInformationRequest,
    CustomerInformationResponse,
    CustomerInformationStatusEnumType,
    GetLogRequest,
    GetLogResponse,
    IdTokenType,
    NotifyCustomerInformationRequest,
)
from ocppkit.simulator.local_auth import token_key
from ocppkit.simulator.log_upload import log_filename
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
PART = 512  # characters of data per NotifyCustomerInformation (its schema's maximum)


async def on_get_log(station: ChargerSimulator, request: GetLogRequest) -> GetLogResponse:
    """N01: Accepted (AcceptedCanceled when it replaces an upload under way) with the file
    name; the upload is then notified (Uploading, Uploaded or UploadFailure)."""
    status = station.logs.start(request)
    return GetLogResponse(status=status, filename=log_filename(station, request))


def _token_data(station: ChargerSimulator, token: IdTokenType) -> list[str]:
    key = token_key(token)
    auth = station.local_auth
    lines = [f"idToken {token.id_token} ({token.type})"]
    listed = auth.local_list.entries.get(key)
    if listed is not None:
        lines.append(f"local list: {listed.status}")
    cached = auth.cache.entries.get(key)
    if cached is not None:
        lines.append(f"authorization cache: {cached.status}")
    for evse in station.evses.values():
        tx = evse.transaction
        if tx is not None and tx.id_token is not None and token_key(tx.id_token) == key:
            lines.append(f"transaction {tx.transaction_id} on EVSE {evse.evse_id}")
        if evse.reservation is not None and token_key(evse.reservation.id_token) == key:
            lines.append(f"reservation {evse.reservation.reservation_id} on EVSE {evse.evse_id}")
    return lines


def _customer_data(station: ChargerSimulator, request: CustomerInformationRequest) -> str:
    lines: list[str] = []
    if request.id_token is not None:
        lines += _token_data(station, request.id_token)
    if request.customer_identifier is not None:
        lines.append(f"customerIdentifier {request.customer_identifier}: no data held")
    if request.customer_certificate is not None:
        lines.append(f"customer certificate {request.customer_certificate.serial_number}: not held")
    return "; ".join(lines)


def _clear(station: ChargerSimulator, request: CustomerInformationRequest) -> str:
    """N10: forget what the station holds of the customer's idToken."""
    token = request.id_token
    if token is None:
        return "nothing to clear"
    cleared = [
        name
        for name, done in (
            ("authorization cache", station.local_auth.cache.forget(token)),
            ("local list", station.local_auth.local_list.forget(token)),
        )
        if done
    ]
    return "cleared: " + (", ".join(cleared) if cleared else "nothing held")


async def _notify(station: ChargerSimulator, request_id: int, data: str) -> None:
    await station.send_parts(
        "NotifyCustomerInformation",
        data,
        PART,
        lambda seq_no, part, tbc: NotifyCustomerInformationRequest(
            data="".join(part),
            seq_no=seq_no,
            generated_at=wire_time(station.now_utc()),
            request_id=request_id,
            tbc=tbc,
        ),
    )


async def on_customer_information(
    station: ChargerSimulator, request: CustomerInformationRequest
) -> CustomerInformationResponse:
    """N09/N10: Accepted, then what the station holds of the customer (``report``) and what it
    cleared (``clear``) in NotifyCustomerInformation parts; Invalid when no customer is named."""
    named = (request.id_token, request.customer_identifier, request.customer_certificate)
    if all(x is None for x in named):
        return CustomerInformationResponse(status=CustomerInformationStatusEnumType.Invalid)
    sections = []
    if request.report:
        sections.append(_customer_data(station, request))
    if request.clear:
        sections.append(_clear(station, request))
    data = " | ".join(sections) or "no report asked"
    station.spawn(_notify(station, request.request_id, data), "NotifyCustomerInformation")
    return CustomerInformationResponse(status=CustomerInformationStatusEnumType.Accepted)


HANDLERS = {"GetLog": on_get_log, "CustomerInformation": on_customer_information}
