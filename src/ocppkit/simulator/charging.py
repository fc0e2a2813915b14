"""The transaction engine of the simulated station (block E, with C01 and F01-F03).

One transaction per EVSE. Starting: reserve the EVSE (synchronously, so two starts cannot race),
Authorize the idToken for a local start (C01; a remote start is not re-authorized:
AuthCtrlr.AuthorizeRemoteStart is false), StatusNotification Occupied, TransactionEvent Started
(seqNo 0), then a sampler task sends TransactionEvent Updated (MeterValuePeriodic) every
TxUpdatedInterval. Stopping: TransactionEvent Ended with the stop reason and StatusNotification.
seqNo is contiguous per transaction; while offline no Updated is generated (there is no offline
queue yet: E04/E12), so the CSMS sees no gap.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    AuthorizationStatusEnumType,
    AuthorizeRequest,
    AuthorizeResponse,
    ChargingProfileType,
    IdTokenType,
    ReasonEnumType,
    TransactionEventRequest,
    TransactionEventResponse,
    TriggerReasonEnumType,
)
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Evse, Transaction
from ocppkit.simulator.transactions import (
    Context,
    ended_event,
    started_event,
    updated_event,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
Accepted = AuthorizationStatusEnumType.Accepted


@dataclass(frozen=True, slots=True)
class Ending:
    """A transaction ended on an EVSE, its TransactionEvent Ended not yet sent."""

    evse: Evse
    event: TransactionEventRequest


class TransactionEngine:
    """Starts, samples and stops the transactions of one station."""

    def __init__(self, station: ChargerSimulator) -> None:
        self._station = station
        self._samplers: dict[int, asyncio.Task[Any]] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    def reserve(self, evse_id: int) -> Evse:
        """Claim ``evse_id`` for a transaction about to start.

        Raises:
            SimulatorError: the EVSE is unknown, busy or unavailable.
        """
        evse = self._station.evses.get(evse_id)
        if evse is None:
            raise SimulatorError(f"no EVSE {evse_id}")
        if not evse.available:
            raise SimulatorError(
                f"EVSE {evse_id} is {evse.status} and {'busy' if evse.busy else 'idle'}"
            )
        evse.starting = True
        return evse

    async def start(
        self,
        evse: Evse,
        id_token: IdTokenType,
        *,
        remote_start_id: int | None = None,
        transaction_id: str | None = None,
        profile: ChargingProfileType | None = None,
    ) -> Transaction:
        """Start a transaction on a reserved EVSE; remote when ``remote_start_id`` is given.

        Raises:
            SimulatorError: the CSMS did not accept the idToken (C01).
            OCPPKitError: the Authorize could not be sent or was answered with an error.
        """
        try:
            if remote_start_id is None:
                await self._authorize(id_token)
            tx = self._begin(evse, id_token, remote_start_id, transaction_id)
        finally:
            evse.starting = False
        if profile is not None:  # F01/K05: the TxProfile that came with RequestStartTransaction
            self._station.profiles.install(evse.evse_id, profile, tx.started_at)
        self.apply_limits()
        response = await self._report_start(evse, tx)
        if evse.transaction is tx:
            sampler = self._station.spawn(self._sample(evse, tx), f"sampler {evse.evse_id}")
            self._samplers[evse.evse_id] = sampler
        info = response.id_token_info if response is not None else None
        if info is not None and info.status != Accepted and evse.transaction is tx:
            # E05: the CSMS refused the idToken in the TransactionEventResponse
            await self.stop(evse.evse_id, ReasonEnumType.DeAuthorized)
        return tx

    def _begin(
        self,
        evse: Evse,
        id_token: IdTokenType,
        remote_start_id: int | None,
        transaction_id: str | None,
    ) -> Transaction:
        station = self._station
        now = station.clock()
        tx = Transaction(
            transaction_id or station.new_transaction_id(),
            id_token,
            station.now_utc(),
            now,
            evse.meter.energy_at(now),
            remote_start_id,
        )
        evse.begin(tx)
        return tx

    async def _report_start(self, evse: Evse, tx: Transaction) -> TransactionEventResponse | None:
        """StatusNotification Occupied (G01), then TransactionEvent Started (E01/F01)."""
        trigger = TriggerReasonEnumType.RemoteStart
        if tx.remote_start_id is None:
            trigger = TriggerReasonEnumType.Authorized
        async with self._lock(evse):
            await self._send_status(evse)
            at = self._station.now_utc()
            return await self._send(started_event(evse, tx, trigger, at, tx.start_register_wh))

    def _lock(self, evse: Evse) -> asyncio.Lock:
        """The lock that keeps one EVSE's transaction messages in seqNo order on the wire."""
        return self._locks.setdefault(evse.evse_id, asyncio.Lock())

    async def _authorize(self, id_token: IdTokenType) -> None:
        response: AuthorizeResponse = await self._station.call(
            "Authorize", AuthorizeRequest(id_token=id_token)
        )
        status = response.id_token_info.status
        if status != Accepted:
            raise SimulatorError(f"idToken {id_token.id_token} not authorized: {status}")

    def end(
        self, evse_id: int, reason: ReasonEnumType, trigger: TriggerReasonEnumType | None = None
    ) -> Ending:
        """End the transaction on ``evse_id`` at once (state, meter, profiles); its messages
        go out with ``report_end``.

        Raises:
            SimulatorError: no transaction runs there.
        """
        station = self._station
        evse = station.evses.get(evse_id)
        tx = evse.transaction if evse is not None else None
        if evse is None or tx is None:
            raise SimulatorError(f"no transaction on EVSE {evse_id}")
        sampler = self._samplers.pop(evse_id, None)
        if sampler is not None and sampler is not asyncio.current_task():
            sampler.cancel()
        now = station.clock()
        evse.meter.update(now, charging=False)
        register = evse.meter.energy_at(now)
        evse.end(register)
        station.profiles.drop_transaction_profiles(evse_id)  # a TxProfile ends with its transaction
        self.apply_limits()
        at = station.now_utc()
        return Ending(evse, ended_event(tx, reason, at, register, now - tx.started_mono, trigger))

    async def report_end(self, ending: Ending) -> None:
        """Send TransactionEvent Ended and StatusNotification (E06); then a Scheduled reset
        (B12) may take place."""
        station = self._station
        async with self._lock(ending.evse):
            await self._send(ending.event)
            await self._send_status(ending.evse)
        if station.reset_when_idle and not any(e.busy for e in station.evses.values()):
            station.spawn(station.reboot(), "scheduled reset")

    async def stop(
        self, evse_id: int, reason: ReasonEnumType, trigger: TriggerReasonEnumType | None = None
    ) -> None:
        """End the transaction on ``evse_id`` and report it (``end`` then ``report_end``).

        Raises:
            SimulatorError: no transaction runs there.
        """
        await self.report_end(self.end(evse_id, reason, trigger))

    async def stop_all(self, reason: ReasonEnumType) -> None:
        """End every running transaction with ``reason``."""
        for evse in self._station.evses.values():
            if evse.transaction is not None:
                await self.stop(evse.evse_id, reason)

    async def settle(self) -> None:
        """Wait until the transaction messages already under way (a stop just scheduled, a
        sample being sent) are on the wire."""
        await asyncio.sleep(0)  # scheduled starts and stops take their EVSE's lock first
        for lock in list(self._locks.values()):
            async with lock:
                pass

    async def send_update(
        self,
        evse: Evse,
        tx: Transaction,
        trigger: TriggerReasonEnumType,
        context: Context = Context.Sample_Periodic,
        *,
        triggered: bool = False,
    ) -> None:
        """Sample the meter and send TransactionEvent Updated, if ``tx`` still runs on ``evse``."""
        station = self._station
        async with self._lock(evse):
            if evse.transaction is not tx:
                return
            now = station.clock()
            self.apply_limits(now)
            register = evse.meter.energy_at(now)
            event = updated_event(evse, tx, trigger, station.now_utc(), register, context)
            await self._send(event, triggered=triggered)

    def apply_limits(self, now: float | None = None) -> None:
        """Set every EVSE's operating point from the charging profiles in force now (K01):
        the EVSE's own limit, and its even share of the station-wide limit."""
        station = self._station
        now = station.clock() if now is None else now
        wall = station.now_utc()
        charging = [e for e in station.evses.values() if e.transaction is not None]
        for evse in charging:
            tx = evse.transaction
            own, whole = station.profiles.limits(evse.evse_id, wall, tx.context if tx else None)
            evse.meter.update(now, charging=True, limit=own.combine(whole.share(len(charging))))

    async def _sample(self, evse: Evse, tx: Transaction) -> None:
        station = self._station
        while evse.transaction is tx:
            await asyncio.sleep(station.sample_interval)
            if station.connected:  # J02/E01: periodic samples while charging
                await self.send_update(evse, tx, TriggerReasonEnumType.MeterValuePeriodic)

    async def _send(
        self, event: TransactionEventRequest, *, triggered: bool = False
    ) -> TransactionEventResponse | None:
        station = self._station
        try:
            response: TransactionEventResponse = await station.call(
                "TransactionEvent", event, before_boot=triggered
            )
        except OCPPKitError as exc:
            log.warning(
                "[%s] TransactionEvent %s not delivered: %r",
                station.charger_id,
                event.event_type,
                exc,
            )
            return None
        return response

    async def _send_status(self, evse: Evse) -> None:
        station = self._station
        if not station.connected:
            return  # sent with every connector's status on the next link (G01)
        try:
            await station.send_status(evse)
        except OCPPKitError as exc:
            log.warning("[%s] StatusNotification not delivered: %r", station.charger_id, exc)
