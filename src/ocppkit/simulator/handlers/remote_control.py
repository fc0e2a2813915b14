"""Block F, remote control (F01-F06), and E14 GetTransactionStatus."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from ocppkit.protocol.models import (
    ChargingProfilePurposeEnumType,
    GetTransactionStatusRequest,
    GetTransactionStatusResponse,
    IdTokenType,
    MessageTriggerEnumType,
    MeterValuesRequest,
    RequestStartStopStatusEnumType,
    RequestStartTransactionRequest,
    RequestStartTransactionResponse,
    RequestStopTransactionRequest,
    RequestStopTransactionResponse,
    StatusInfoType,
    TriggerMessageRequest,
    TriggerMessageResponse,
    TriggerMessageStatusEnumType,
    TriggerReasonEnumType,
    UnlockConnectorRequest,
    UnlockConnectorResponse,
    UnlockStatusEnumType,
)
from ocppkit.simulator.evse import CONNECTOR_ID, Evse, Status
from ocppkit.simulator.handlers.security import send_sign_certificate
from ocppkit.simulator.transactions import Context, meter_value, sampled_values

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

StartStop = RequestStartStopStatusEnumType
Trigger = TriggerMessageStatusEnumType
Message = MessageTriggerEnumType


def _rejected_start(reason: str) -> RequestStartTransactionResponse:
    return RequestStartTransactionResponse(
        status=StartStop.Rejected, status_info=StatusInfoType(reason_code=reason)
    )


def _free_evse(station: ChargerSimulator, evse_id: int | None, token: IdTokenType) -> Evse | None:
    """An EVSE a new transaction of ``token`` may use (a Reserved one if reserved for it)."""
    if evse_id is None:  # the station picks one
        candidates = list(station.evses.values())
    else:
        candidates = [e for e in (station.evses.get(evse_id),) if e is not None]
    for evse in candidates:
        reservation = evse.reservation
        if evse.available and (reservation is None or reservation.admits(token)):
            return evse
        if (
            evse.status == Status.Reserved
            and not evse.busy
            and reservation is not None
            and (reservation.admits(token))
        ):
            return evse
    return None


async def on_request_start_transaction(
    station: ChargerSimulator, request: RequestStartTransactionRequest
) -> RequestStartTransactionResponse:
    """F01/F02: Accepted, then the transaction starts with the given idToken (triggerReason
    RemoteStart, remoteStartId) at once if the EV is there (or ``station.auto_plug`` brings
    it), else when it plugs in (within EVConnectionTimeOut); Rejected when the EVSE is unknown,
    busy, reserved for another token or unavailable, or the profile given is not a TxProfile
    (K05)."""
    if not station.link.registered:
        return _rejected_start("NotAccepted")  # B02: no transaction before the boot is Accepted
    profile = request.charging_profile
    if (
        profile is not None
        and profile.charging_profile_purpose != ChargingProfilePurposeEnumType.TxProfile
    ):
        return _rejected_start("TxProfileOnly")
    evse = _free_evse(station, request.evse_id, request.id_token)
    if evse is None:
        return _rejected_start("EVSEUnavailable")
    transaction_id = station.new_transaction_id()
    if profile is not None:
        profile = profile.model_copy(update={"transaction_id": transaction_id})
    if evse.plugged or station.auto_plug:
        station.engine.reserve(evse.evse_id, request.id_token)
        start = station.control.start(
            evse,
            request.id_token,
            remote_start_id=request.remote_start_id,
            transaction_id=transaction_id,
            profile=profile,
        )
    else:
        start = station.control.grant(
            evse, request.id_token, request.remote_start_id, profile, transaction_id
        )
    station.spawn(start, "remote start")
    return RequestStartTransactionResponse(status=StartStop.Accepted)


async def on_request_stop_transaction(
    station: ChargerSimulator, request: RequestStopTransactionRequest
) -> RequestStopTransactionResponse:
    """F03: Accepted and the transaction ends (stoppedReason Remote, triggerReason RemoteStop);
    Rejected for a transaction that is not running here."""
    for evse in station.evses.values():
        tx = evse.transaction
        if tx is not None and tx.transaction_id == request.transaction_id:
            station.spawn(station.stop_transaction(evse.evse_id, "Remote"), "remote stop")
            return RequestStopTransactionResponse(status=StartStop.Accepted)
    return RequestStopTransactionResponse(
        status=StartStop.Rejected, status_info=StatusInfoType(reason_code="UnknownTransaction")
    )


async def on_unlock_connector(
    station: ChargerSimulator, request: UnlockConnectorRequest
) -> UnlockConnectorResponse:
    """F05: Unlocked, unless the connector is unknown or a transaction runs on it."""
    evse = station.evses.get(request.evse_id)
    if evse is None or request.connector_id != CONNECTOR_ID:
        return UnlockConnectorResponse(status=UnlockStatusEnumType.UnknownConnector)
    if evse.transaction is not None:
        return UnlockConnectorResponse(status=UnlockStatusEnumType.OngoingAuthorizedTransaction)
    return UnlockConnectorResponse(status=UnlockStatusEnumType.Unlocked)


async def on_get_transaction_status(
    station: ChargerSimulator, request: GetTransactionStatusRequest
) -> GetTransactionStatusResponse:
    """E14: messagesInQueue says whether TransactionEvents (of that transaction, or any when no
    id is given) wait in the offline queue; ongoingIndicator whether the transaction runs."""
    queue = station.engine.queue
    if request.transaction_id is None:
        return GetTransactionStatusResponse(messages_in_queue=bool(queue))
    ongoing = any(
        e.transaction is not None and e.transaction.transaction_id == request.transaction_id
        for e in station.evses.values()
    )
    return GetTransactionStatusResponse(
        messages_in_queue=queue.holds(request.transaction_id), ongoing_indicator=ongoing
    )


# --- TriggerMessage (F06) ---

Sender = Callable[["ChargerSimulator", list[Evse]], Coroutine[Any, Any, Any]]


async def _heartbeat(station: ChargerSimulator, evses: list[Evse]) -> None:
    await station.send_heartbeat(triggered=True)


async def _status(station: ChargerSimulator, evses: list[Evse]) -> None:
    for evse in evses:
        await station.send_status(evse, triggered=True)


async def _meter_values(station: ChargerSimulator, evses: list[Evse]) -> None:
    station.engine.apply_limits()
    now = station.clock()
    for evse in evses:
        values = sampled_values(evse.meter, evse.meter.energy_at(now), Context.Trigger)
        await station.call(
            "MeterValues",
            MeterValuesRequest(
                evse_id=evse.evse_id, meter_value=[meter_value(values, station.now_utc())]
            ),
            before_boot=True,
        )


async def _transaction_event(station: ChargerSimulator, evses: list[Evse]) -> None:
    for evse in evses:
        if evse.transaction is not None:
            await station.engine.send_update(
                evse,
                evse.transaction,
                TriggerReasonEnumType.Trigger,
                Context.Trigger,
                triggered=True,
            )


async def _firmware_status(station: ChargerSimulator, evses: list[Evse]) -> None:
    # F06/L01: the update under way, else Idle
    request = station.firmware.current_status()
    await station.call("FirmwareStatusNotification", request, before_boot=True)


async def _publish_status(station: ChargerSimulator, evses: list[Evse]) -> None:
    request = station.firmware.current_publish_status()  # F06/L03
    await station.call("PublishFirmwareStatusNotification", request, before_boot=True)


async def _log_status(station: ChargerSimulator, evses: list[Evse]) -> None:
    # F06/N01: the upload under way, else Idle
    request = station.logs.current_status()
    await station.call("LogStatusNotification", request, before_boot=True)


async def _sign_certificate(station: ChargerSimulator, evses: list[Evse]) -> None:
    await send_sign_certificate(station)  # F06/A02


TRIGGERED: dict[MessageTriggerEnumType, Sender] = {
    Message.Heartbeat: _heartbeat,
    Message.StatusNotification: _status,
    Message.MeterValues: _meter_values,
    Message.TransactionEvent: _transaction_event,
    Message.FirmwareStatusNotification: _firmware_status,
    Message.LogStatusNotification: _log_status,
    Message.PublishFirmwareStatusNotification: _publish_status,
    Message.SignChargingStationCertificate: _sign_certificate,
}


def _selected(station: ChargerSimulator, request: TriggerMessageRequest) -> list[Evse] | None:
    if request.evse is None:
        return list(station.evses.values())
    evse = station.evses.get(request.evse.id)
    if evse is None or request.evse.connector_id not in (None, CONNECTOR_ID):
        return None
    return [evse]


async def on_trigger_message(
    station: ChargerSimulator, request: TriggerMessageRequest
) -> TriggerMessageResponse:
    """F06: Accepted and the message is sent after this answer; Rejected for an unknown EVSE,
    for a TransactionEvent without a transaction, and for a BootNotification once Accepted
    (F06.FR.17); NotImplemented for the ISO 15118 certificates (SignV2GCertificate,
    SignCombinedCertificate), which this station does not produce."""
    evses = _selected(station, request)
    requested = request.requested_message
    if evses is None:
        return TriggerMessageResponse(status=Trigger.Rejected)
    if requested == Message.BootNotification:
        return TriggerMessageResponse(
            status=Trigger.Accepted if station.trigger_boot() else Trigger.Rejected
        )
    if requested == Message.TransactionEvent:
        evses = [e for e in evses if e.transaction is not None]
        if not evses:
            return TriggerMessageResponse(status=Trigger.Rejected)
    sender = TRIGGERED.get(requested)
    if sender is None:
        return TriggerMessageResponse(status=Trigger.NotImplemented)
    station.spawn(sender(station, evses), f"triggered {requested}")
    return TriggerMessageResponse(status=Trigger.Accepted)


HANDLERS = {
    "RequestStartTransaction": on_request_start_transaction,
    "RequestStopTransaction": on_request_stop_transaction,
    "UnlockConnector": on_unlock_connector,
    "TriggerMessage": on_trigger_message,
    "GetTransactionStatus": on_get_transaction_status,
}
