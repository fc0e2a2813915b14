"""What happens at an EVSE: an EV plugs in or leaves, a driver presents a token, the CSMS starts
a charge remotely, a fault comes and goes, the EV pauses (blocks C, E, F, G).

Each operation changes the EVSE (its state table is in ``evse``), sends StatusNotification when
the connector status moved (G01) and tells the transaction engine what the transaction needs:

- TxStartPoint (TxCtrlr): the transaction starts at ``EVConnected`` (plug-in, before the driver
  is known), ``Authorized`` (the token, EV or not) or ``PowerPathClosed`` (both, the default);
  Started carries the triggerReason of the event that completed it (CablePluggedIn, Authorized,
  RemoteStart) and the idToken once known (E01-E03);
- TxStopPoint: ``Authorized`` ends the transaction when the driver presents the token again
  (StopAuthorized, stoppedReason Local), ``EVConnected`` when the EV unplugs
  (EVCommunicationLost, EVDisconnected); the default holds both (E06);
- a driver authorized before the EV arrives waits ``EVConnectionTimeOut`` (TxCtrlr) for it;
- authorization (C01, C12-C15) is the authorization block's (``blocks.authorization``).

It is not a functional block of its own (it answers no CSMS action): it is the station's
hardware and driver side, given the context and the blocks it drives.
"""

from __future__ import annotations

import logging

from ocppkit.protocol.models import (
    ChargingProfileType,
    IdTokenType,
    ReasonEnumType,
    TriggerReasonEnumType,
)
from ocppkit.simulator.blocks.authorization import Authorization as AuthorizationBlock
from ocppkit.simulator.blocks.local_auth_list import accepted, token_key
from ocppkit.simulator.blocks.reservation import Reservations
from ocppkit.simulator.blocks.transactions import Transactions
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Authorization, Evse, Status, Transaction
from ocppkit.simulator.scheduler import Timer

log = logging.getLogger("ocppkit.simulator")
Trigger = TriggerReasonEnumType


class EvseControl:
    """The events at a station's EVSEs, turned into state changes and messages."""

    __slots__ = ("_authorization", "_ctx", "_engine", "_reservations", "_timeouts")

    def __init__(
        self,
        ctx: StationContext,
        engine: Transactions,
        authorization: AuthorizationBlock,
        reservations: Reservations,
    ) -> None:
        self._ctx = ctx
        self._engine = engine
        self._authorization = authorization
        self._reservations = reservations
        self._timeouts: dict[int, Timer] = {}

    def _evse(self, evse_id: int) -> Evse:
        evse = self._ctx.evses.get(evse_id)
        if evse is None:
            raise SimulatorError(f"no EVSE {evse_id}")
        return evse

    def _starts_at(self, point: str) -> bool:
        return point in self._ctx.device_model.tx_start_points

    def _stops_at(self, point: str) -> bool:
        points = self._ctx.device_model.tx_stop_points
        return point in points or "PowerPathClosed" in points

    async def _announce(self, evse: Evse, before: Status) -> None:
        await self._ctx.announce_change(evse, before)

    # --- the EV ---

    async def plug_in(self, evse_id: int) -> None:
        """An EV plugs into ``evse_id``: Occupied; the transaction starts if TxStartPoint says
        so, or resumes charging (CablePluggedIn).

        Raises:
            SimulatorError: unknown EVSE, or an EV is plugged in already.
        """
        evse = self._evse(evse_id)
        if evse.plugged:
            raise SimulatorError(f"an EV is plugged into EVSE {evse_id} already")
        before = evse.status
        evse.plugged = True
        evse.settle()
        engine = self._engine
        if evse.transaction is not None:
            await self._announce(evse, before)
            await engine.report_state(evse, Trigger.CablePluggedIn)
            return
        if evse.status != Status.Occupied:
            await self._announce(evse, before)  # Unavailable or Faulted: no charge here
            return
        pending = evse.authorization
        if pending is not None:
            self._cancel_timeout(evse_id)
            await self._begin(
                evse,
                pending.id_token,
                Trigger.CablePluggedIn,
                pending.remote_start_id,
                pending.profile,
                pending.transaction_id,
            )
        elif self._starts_at("EVConnected") or self._starts_at("ParkingBayOccupancy"):
            await self._begin(evse, None, Trigger.CablePluggedIn)
        else:
            await self._announce(evse, before)

    async def unplug(self, evse_id: int) -> None:
        """The EV leaves ``evse_id``: its transaction ends (TxStopPoint EVConnected:
        EVCommunicationLost, EVDisconnected) or goes Idle; the connector is freed.

        Raises:
            SimulatorError: unknown EVSE, or no EV is plugged in.
        """
        evse = self._evse(evse_id)
        if not evse.plugged:
            raise SimulatorError(f"no EV is plugged into EVSE {evse_id}")
        engine = self._engine
        evse.plugged = evse.ev_suspended = evse.ev_follows_transaction = False
        if evse.transaction is not None and self._stops_at("EVConnected"):
            await engine.stop(evse_id, ReasonEnumType.EVDisconnected, Trigger.EVCommunicationLost)
            return
        before = evse.status
        evse.settle()
        await self._announce(evse, before)
        await engine.report_state(evse, Trigger.EVCommunicationLost)

    async def suspend_ev(self, evse_id: int, suspended: bool) -> None:
        """The EV stops (or resumes) drawing power: SuspendedEV (ChargingStateChanged)."""
        evse = self._evse(evse_id)
        evse.ev_suspended = suspended
        await self._engine.report_state(evse, Trigger.ChargingStateChanged)

    async def set_fault(self, evse_id: int, faulted: bool) -> None:
        """A fault appears on (or clears from) ``evse_id``: Faulted, and a running transaction
        is SuspendedEVSE (AbnormalCondition) until it clears. A reservation is removed (H01)."""
        evse = self._evse(evse_id)
        before = evse.status
        evse.faulted = faulted
        if faulted and evse.reservation is not None:
            await self._reservations.remove(evse)
        evse.settle()
        await self._announce(evse, before)
        await self._engine.report_state(evse, Trigger.AbnormalCondition)

    # --- the driver ---

    async def present_token(self, token: IdTokenType, evse_id: int) -> bool:
        """A driver presents ``token`` at ``evse_id``; returns whether it was accepted.

        The token ends its own transaction (TxStopPoint Authorized), identifies the driver of a
        transaction that started on plug-in, or authorizes a new charge (which starts now or
        when the EV plugs in, within EVConnectionTimeOut). A reserved EVSE takes only the
        reservation's token (H01).

        Raises:
            SimulatorError: unknown EVSE.
            OCPPKitError: the Authorize could not be sent or was answered with an error.
        """
        evse = self._evse(evse_id)
        tx = evse.transaction
        if tx is not None and tx.authorized:
            return await self._stop_by_token(evse, tx, token)
        if tx is None and not evse.available:
            return False
        reservation = evse.reservation
        if reservation is not None and not reservation.admits(token):
            return False
        info = await self._authorization.authorize(token)
        if not accepted(info):
            return False
        if tx is not None:
            tx.authorized, tx.id_token = True, token
            engine = self._engine
            await engine.send_update(evse, tx, Trigger.Authorized, with_id_token=True)
            return True
        await self.grant(evse, token)
        return True

    async def _stop_by_token(self, evse: Evse, tx: Transaction, token: IdTokenType) -> bool:
        if tx.id_token is None or token_key(token) != token_key(tx.id_token):
            return False  # C01: only the driver who started it (or the CSMS) stops it
        engine = self._engine
        if self._stops_at("Authorized"):
            await engine.stop(evse.evse_id, ReasonEnumType.Local, Trigger.StopAuthorized)
        else:
            tx.authorized = False
            await engine.send_update(evse, tx, Trigger.StopAuthorized)
        return True

    async def grant(
        self,
        evse: Evse,
        token: IdTokenType,
        remote_start_id: int | None = None,
        profile: ChargingProfileType | None = None,
        transaction_id: str | None = None,
    ) -> None:
        """``token`` is authorized at ``evse`` (locally or by RequestStartTransaction): start
        the transaction if TxStartPoint is reached, else wait for the EV."""
        trigger = Trigger.RemoteStart if remote_start_id is not None else Trigger.Authorized
        if evse.plugged or self._starts_at("Authorized"):
            await self._begin(evse, token, trigger, remote_start_id, profile, transaction_id)
            return
        before = evse.status
        clock = self._ctx.clock()
        evse.authorization = Authorization(token, remote_start_id, clock, transaction_id, profile)
        evse.settle()
        await self._announce(evse, before)
        self._start_timeout(evse)

    async def _begin(
        self,
        evse: Evse,
        token: IdTokenType | None,
        trigger: TriggerReasonEnumType,
        remote_start_id: int | None = None,
        profile: ChargingProfileType | None = None,
        transaction_id: str | None = None,
    ) -> Transaction:
        return await self._engine.begin(
            evse,
            token,
            trigger,
            remote_start_id=remote_start_id,
            transaction_id=transaction_id,
            profile=profile,
        )

    def _start_timeout(self, evse: Evse) -> None:
        self._cancel_timeout(evse.evse_id)
        seconds = self._ctx.device_model.ev_connection_timeout
        self._timeouts[evse.evse_id] = self._ctx.scheduler.call_later(
            seconds, lambda: self._expire_due(evse)
        )

    def _cancel_timeout(self, evse_id: int) -> None:
        timer = self._timeouts.pop(evse_id, None)
        if timer is not None:
            timer.cancel()

    def _expire_due(self, evse: Evse) -> None:
        self._timeouts.pop(evse.evse_id, None)
        self._ctx.spawn(self._expire(evse), f"EV timeout {evse.evse_id}")

    async def _expire(self, evse: Evse) -> None:
        """E03: no EV within EVConnectionTimeOut: the authorization lapses."""
        if evse.authorization is not None and evse.transaction is None:
            before = evse.status
            evse.authorization = None
            evse.settle()
            await self._announce(evse, before)

    # --- starting on request (the seed API, RequestStartTransaction) ---

    async def start(
        self,
        evse: Evse,
        token: IdTokenType,
        *,
        remote_start_id: int | None = None,
        transaction_id: str | None = None,
        profile: ChargingProfileType | None = None,
    ) -> Transaction:
        """Start a charge now on an EVSE claimed with ``engine.reserve``: an EV that is not
        there yet arrives with it (and leaves when it ends), the token is authorized unless the
        CSMS started it (AuthorizeRemoteStart), then Started.

        Raises:
            SimulatorError: the token was not accepted (C01).
            OCPPKitError: the Authorize could not be sent or was answered with an error.
        """
        try:
            remote = remote_start_id is not None
            if not remote or self._ctx.device_model.authorize_remote_start:
                info = await self._authorization.authorize(token)
                if not accepted(info):
                    status = info.status if info is not None else "Unknown"
                    raise SimulatorError(f"idToken {token.id_token} not authorized: {status}")
            if not evse.plugged:
                evse.plugged = evse.ev_follows_transaction = True
            trigger = Trigger.RemoteStart if remote else Trigger.Authorized
            return await self._begin(evse, token, trigger, remote_start_id, profile, transaction_id)
        finally:
            evse.starting = False
