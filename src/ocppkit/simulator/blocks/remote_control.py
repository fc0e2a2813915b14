"""Block F, remote control: RequestStartTransaction (F01/F02), RequestStopTransaction (F03),
UnlockConnector (F05) and TriggerMessage (F06)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from ocppkit.protocol.models import (
    ChargingProfilePurposeEnumType,
    HeartbeatRequest,
    IdTokenType,
    MessageTriggerEnumType,
    ReasonEnumType,
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
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.blocks.diagnostics import Diagnostics
from ocppkit.simulator.blocks.firmware import Firmware
from ocppkit.simulator.blocks.metering import Metering
from ocppkit.simulator.blocks.security import Security
from ocppkit.simulator.blocks.transactions import Transactions
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.evse import CONNECTOR_ID, Evse, Status
from ocppkit.simulator.evse_control import EvseControl
from ocppkit.simulator.transactions import Context

StartStop = RequestStartStopStatusEnumType
Trigger = TriggerMessageStatusEnumType
Message = MessageTriggerEnumType
Sender = Callable[[list[Evse]], Coroutine[Any, Any, Any]]


def _rejected_start(reason: str) -> RequestStartTransactionResponse:
    return RequestStartTransactionResponse(
        status=StartStop.Rejected, status_info=StatusInfoType(reason_code=reason)
    )


class RemoteControl:
    """The CSMS's remote control of one station.

    ``auto_plug``: a start with no EV there brings one (the seed API, RequestStartTransaction).
    """

    __slots__ = (
        "_control",
        "_ctx",
        "_diagnostics",
        "_engine",
        "_firmware",
        "_metering",
        "_security",
        "_triggered",
        "auto_plug",
    )

    def __init__(
        self,
        ctx: StationContext,
        engine: Transactions,
        control: EvseControl,
        metering: Metering,
        firmware: Firmware,
        diagnostics: Diagnostics,
        security: Security,
    ) -> None:
        self._ctx = ctx
        self._engine = engine
        self._control = control
        self._metering = metering
        self._firmware = firmware
        self._diagnostics = diagnostics
        self._security = security
        self.auto_plug = True
        self._triggered: dict[MessageTriggerEnumType, Sender] = {
            Message.Heartbeat: self._heartbeat,
            Message.StatusNotification: self._status,
            Message.MeterValues: metering.send_triggered,
            Message.TransactionEvent: self._transaction_event,
            Message.FirmwareStatusNotification: self._firmware_status,
            Message.LogStatusNotification: self._log_status,
            Message.PublishFirmwareStatusNotification: self._publish_status,
            Message.SignChargingStationCertificate: self._sign_certificate,
        }

    def routes(self) -> Mapping[str, Handler]:
        return {
            "RequestStartTransaction": self.on_request_start_transaction,
            "RequestStopTransaction": self.on_request_stop_transaction,
            "UnlockConnector": self.on_unlock_connector,
            "TriggerMessage": self.on_trigger_message,
        }

    def _free_evse(self, evse_id: int | None, token: IdTokenType) -> Evse | None:
        """An EVSE a new transaction of ``token`` may use (a Reserved one if reserved for it)."""
        evses = self._ctx.evses
        if evse_id is None:  # the station picks one
            candidates = list(evses.values())
        else:
            candidates = [e for e in (evses.get(evse_id),) if e is not None]
        for evse in candidates:
            reservation = evse.reservation
            if evse.available and (reservation is None or reservation.admits(token)):
                return evse
            if (
                evse.status == Status.Reserved
                and not evse.busy
                and reservation is not None
                and reservation.admits(token)
            ):
                return evse
        return None

    async def on_request_start_transaction(
        self, request: RequestStartTransactionRequest
    ) -> RequestStartTransactionResponse:
        """F01/F02: Accepted, then the transaction starts with the given idToken (triggerReason
        RemoteStart, remoteStartId) at once if the EV is there (or ``auto_plug`` brings it),
        else when it plugs in (within EVConnectionTimeOut); Rejected when the EVSE is unknown,
        busy, reserved for another token or unavailable, or the profile given is not a TxProfile
        (K05)."""
        ctx = self._ctx
        if not ctx.link.registered:
            return _rejected_start("NotAccepted")  # B02: no transaction before the boot is Accepted
        profile = request.charging_profile
        if (
            profile is not None
            and profile.charging_profile_purpose != ChargingProfilePurposeEnumType.TxProfile
        ):
            return _rejected_start("TxProfileOnly")
        evse = self._free_evse(request.evse_id, request.id_token)
        if evse is None:
            return _rejected_start("EVSEUnavailable")
        transaction_id = ctx.new_transaction_id()
        if profile is not None:
            profile = profile.model_copy(update={"transaction_id": transaction_id})
        if evse.plugged or self.auto_plug:
            self._engine.reserve(evse.evse_id, request.id_token)
            start: Coroutine[Any, Any, object] = self._control.start(
                evse,
                request.id_token,
                remote_start_id=request.remote_start_id,
                transaction_id=transaction_id,
                profile=profile,
            )
        else:
            start = self._control.grant(
                evse, request.id_token, request.remote_start_id, profile, transaction_id
            )
        ctx.spawn(start, "remote start")
        return RequestStartTransactionResponse(status=StartStop.Accepted)

    async def on_request_stop_transaction(
        self, request: RequestStopTransactionRequest
    ) -> RequestStopTransactionResponse:
        """F03: Accepted and the transaction ends (stoppedReason Remote, triggerReason
        RemoteStop); Rejected for a transaction that is not running here."""
        for evse in self._ctx.evses.values():
            tx = evse.transaction
            if tx is not None and tx.transaction_id == request.transaction_id:
                stop = self._engine.stop(evse.evse_id, ReasonEnumType.Remote)
                self._ctx.spawn(stop, "remote stop")
                return RequestStopTransactionResponse(status=StartStop.Accepted)
        return RequestStopTransactionResponse(
            status=StartStop.Rejected, status_info=StatusInfoType(reason_code="UnknownTransaction")
        )

    async def on_unlock_connector(self, request: UnlockConnectorRequest) -> UnlockConnectorResponse:
        """F05: Unlocked, unless the connector is unknown or a transaction runs on it."""
        evse = self._ctx.evses.get(request.evse_id)
        if evse is None or request.connector_id != CONNECTOR_ID:
            return UnlockConnectorResponse(status=UnlockStatusEnumType.UnknownConnector)
        if evse.transaction is not None:
            return UnlockConnectorResponse(status=UnlockStatusEnumType.OngoingAuthorizedTransaction)
        return UnlockConnectorResponse(status=UnlockStatusEnumType.Unlocked)

    # --- TriggerMessage (F06) ---

    async def _heartbeat(self, evses: list[Evse]) -> None:
        await self._ctx.call("Heartbeat", HeartbeatRequest(), before_boot=True)

    async def _status(self, evses: list[Evse]) -> None:
        for evse in evses:
            await self._ctx.send_status(evse, triggered=True)

    async def _transaction_event(self, evses: list[Evse]) -> None:
        for evse in evses:
            if evse.transaction is not None:
                await self._engine.send_update(
                    evse,
                    evse.transaction,
                    TriggerReasonEnumType.Trigger,
                    Context.Trigger,
                    triggered=True,
                )

    async def _firmware_status(self, evses: list[Evse]) -> None:
        # F06/L01: the update under way, else Idle
        request = self._firmware.current_status()
        await self._ctx.call("FirmwareStatusNotification", request, before_boot=True)

    async def _publish_status(self, evses: list[Evse]) -> None:
        request = self._firmware.current_publish_status()  # F06/L03
        await self._ctx.call("PublishFirmwareStatusNotification", request, before_boot=True)

    async def _log_status(self, evses: list[Evse]) -> None:
        # F06/N01: the upload under way, else Idle
        request = self._diagnostics.current_log_status()
        await self._ctx.call("LogStatusNotification", request, before_boot=True)

    async def _sign_certificate(self, evses: list[Evse]) -> None:
        await self._security.send_sign_certificate()  # F06/A02

    def _selected(self, request: TriggerMessageRequest) -> list[Evse] | None:
        evses = self._ctx.evses
        if request.evse is None:
            return list(evses.values())
        evse = evses.get(request.evse.id)
        if evse is None or request.evse.connector_id not in (None, CONNECTOR_ID):
            return None
        return [evse]

    async def on_trigger_message(self, request: TriggerMessageRequest) -> TriggerMessageResponse:
        """F06: Accepted and the message is sent after this answer; Rejected for an unknown
        EVSE, for a TransactionEvent without a transaction, and for a BootNotification once
        Accepted (F06.FR.17); NotImplemented for the ISO 15118 certificates
        (SignV2GCertificate, SignCombinedCertificate), which this station does not produce."""
        evses = self._selected(request)
        requested = request.requested_message
        if evses is None:
            return TriggerMessageResponse(status=Trigger.Rejected)
        if requested == Message.BootNotification:
            accepted = self._ctx.link.trigger_boot()
            return TriggerMessageResponse(status=Trigger.Accepted if accepted else Trigger.Rejected)
        if requested == Message.TransactionEvent:
            evses = [e for e in evses if e.transaction is not None]
            if not evses:
                return TriggerMessageResponse(status=Trigger.Rejected)
        sender = self._triggered.get(requested)
        if sender is None:
            return TriggerMessageResponse(status=Trigger.NotImplemented)
        self._ctx.spawn(sender(evses), f"triggered {requested}")
        return TriggerMessageResponse(status=Trigger.Accepted)
