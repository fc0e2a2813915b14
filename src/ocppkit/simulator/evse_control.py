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
- authorization (C01, C12-C15): online, Authorize (unless LocalPreAuthorize finds the token in
  the local list or cache); offline, the local list and cache (LocalAuthorizeOffline), else
  OfflineTxForUnknownIdEnabled; every CSMS answer is cached (AuthCacheCtrlr.Enabled).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError
from ocppkit.protocol.models import (
    AuthorizationStatusEnumType,
    AuthorizeRequest,
    AuthorizeResponse,
    ChargingProfileType,
    IdTokenInfoType,
    IdTokenType,
    ReasonEnumType,
    TriggerReasonEnumType,
)
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Authorization, Evse, Status, Transaction
from ocppkit.simulator.local_auth import accepted, token_key

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
Trigger = TriggerReasonEnumType


class EvseControl:
    """The events at a station's EVSEs, turned into state changes and messages."""

    __slots__ = ("_station", "_timeouts")

    def __init__(self, station: ChargerSimulator) -> None:
        self._station = station
        self._timeouts: dict[int, asyncio.Task[None]] = {}

    def _evse(self, evse_id: int) -> Evse:
        evse = self._station.evses.get(evse_id)
        if evse is None:
            raise SimulatorError(f"no EVSE {evse_id}")
        return evse

    def _starts_at(self, point: str) -> bool:
        return point in self._station.device_model.tx_start_points

    def _stops_at(self, point: str) -> bool:
        points = self._station.device_model.tx_stop_points
        return point in points or "PowerPathClosed" in points

    async def _announce(self, evse: Evse, before: Status) -> None:
        if evse.status != before:
            await self._station.engine.send_status(evse)

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
        engine = self._station.engine
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
        engine = self._station.engine
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
        await self._station.engine.report_state(evse, Trigger.ChargingStateChanged)

    async def set_fault(self, evse_id: int, faulted: bool) -> None:
        """A fault appears on (or clears from) ``evse_id``: Faulted, and a running transaction
        is SuspendedEVSE (AbnormalCondition) until it clears. A reservation is removed (H01)."""
        evse = self._evse(evse_id)
        before = evse.status
        evse.faulted = faulted
        if faulted and evse.reservation is not None:
            await self._station.reservations.remove(evse)
        evse.settle()
        await self._announce(evse, before)
        await self._station.engine.report_state(evse, Trigger.AbnormalCondition)

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
        info = await self.authorize(token)
        if not accepted(info):
            return False
        if tx is not None:
            tx.authorized, tx.id_token = True, token
            engine = self._station.engine
            await engine.send_update(evse, tx, Trigger.Authorized, with_id_token=True)
            return True
        await self.grant(evse, token)
        return True

    async def _stop_by_token(self, evse: Evse, tx: Transaction, token: IdTokenType) -> bool:
        if tx.id_token is None or token_key(token) != token_key(tx.id_token):
            return False  # C01: only the driver who started it (or the CSMS) stops it
        engine = self._station.engine
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
        clock = self._station.clock()
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
        return await self._station.engine.begin(
            evse,
            token,
            trigger,
            remote_start_id=remote_start_id,
            transaction_id=transaction_id,
            profile=profile,
        )

    def _start_timeout(self, evse: Evse) -> None:
        self._cancel_timeout(evse.evse_id)
        seconds = self._station.device_model.ev_connection_timeout
        task = self._station.spawn(self._expire(evse, seconds), f"EV timeout {evse.evse_id}")
        self._timeouts[evse.evse_id] = task

    def _cancel_timeout(self, evse_id: int) -> None:
        task = self._timeouts.pop(evse_id, None)
        if task is not None and task is not asyncio.current_task():
            task.cancel()

    async def _expire(self, evse: Evse, seconds: float) -> None:
        """E03: no EV within EVConnectionTimeOut: the authorization lapses."""
        await asyncio.sleep(seconds)
        self._timeouts.pop(evse.evse_id, None)
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
        station = self._station
        try:
            remote = remote_start_id is not None
            if not remote or station.device_model.authorize_remote_start:
                info = await self.authorize(token)
                if not accepted(info):
                    status = info.status if info is not None else "Unknown"
                    raise SimulatorError(f"idToken {token.id_token} not authorized: {status}")
            if not evse.plugged:
                evse.plugged = evse.ev_follows_transaction = True
            trigger = Trigger.RemoteStart if remote else Trigger.Authorized
            return await self._begin(evse, token, trigger, remote_start_id, profile, transaction_id)
        finally:
            evse.starting = False

    # --- authorization ---

    async def authorize(self, token: IdTokenType) -> IdTokenInfoType | None:
        """The idTokenInfo for ``token``: from the CSMS when online, else from local data.

        Raises:
            OCPPKitError: the CSMS answered the Authorize with a CALLERROR.
        """
        station = self._station
        model = station.device_model
        use_list, use_cache = model.local_list_enabled, model.auth_cache_enabled
        local = station.local_auth.lookup(
            token, station.now_utc(), use_list=use_list, use_cache=use_cache
        )
        if station.connected:
            if accepted(local) and model.local_pre_authorize:
                return local  # C12/C13: no need to ask the CSMS
            try:
                return await self._ask_csms(token, use_cache)
            except (NotConnectedError, CallTimeoutError):
                pass  # the link went: decide offline
        if local is not None and model.local_authorize_offline:
            return local  # C14/C15 (and D01: the local list)
        if model.offline_tx_for_unknown_id:
            return IdTokenInfoType(status=AuthorizationStatusEnumType.Accepted)
        return IdTokenInfoType(status=AuthorizationStatusEnumType.Unknown)

    async def _ask_csms(self, token: IdTokenType, use_cache: bool) -> IdTokenInfoType:
        station = self._station
        response: AuthorizeResponse = await station.call(
            "Authorize", AuthorizeRequest(id_token=token)
        )
        info = response.id_token_info
        if use_cache:
            station.local_auth.cache.store(token, info)  # C10
        return info
