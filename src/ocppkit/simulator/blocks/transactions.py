"""Block E, transactions: the transaction engine of the simulated station (with F01-F03 and
J02) and GetTransactionStatus (E14).

One transaction per EVSE. ``begin`` starts one (the caller decided the TxStartPoint was reached:
see ``evse_control``): Occupied (G01), TransactionEvent Started (seqNo 0) with the idToken,
remoteStartId and reservationId where they belong, then a sampler task sends TransactionEvent
Updated (MeterValuePeriodic) every TxUpdatedInterval and reports a chargingState that moved
(ChargingStateChanged, e.g. SuspendedEVSE under a limit of 0). ``end`` then ``report_end``:
TransactionEvent Ended with the stop reason and StatusNotification.

Delivery (E04, E12): every TransactionEvent goes through ``_send``. While the station is offline,
events (samples included) join the offline queue with ``offline: true``; an event that finds older
ones queued waits behind them; an event whose delivery failed (link lost, no reply) is queued too.
``flush`` sends the queue in order once the link is back. seqNo is contiguous per transaction,
and a per-EVSE lock keeps each EVSE's events in seqNo order on the wire and in the queue.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError
from ocppkit.protocol.models import (
    AuthorizationStatusEnumType,
    ChargingProfileType,
    ChargingStateEnumType,
    GetTransactionStatusRequest,
    GetTransactionStatusResponse,
    IdTokenType,
    OcppModel,
    ReasonEnumType,
    TransactionEventRequest,
    TransactionEventResponse,
    TriggerReasonEnumType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.blocks.provisioning import Provisioning
from ocppkit.simulator.blocks.reservation import Reservations
from ocppkit.simulator.blocks.smart_charging import SmartCharging
from ocppkit.simulator.blocks.tariff_cost import TariffCost
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device.model import TX_ENDED_MEASURANDS as TX_ENDED
from ocppkit.simulator.device.model import TX_STARTED_MEASURANDS as TX_STARTED
from ocppkit.simulator.device.model import TX_UPDATED_MEASURANDS as TX_UPDATED
from ocppkit.simulator.device.sampling import with_measurands
from ocppkit.simulator.device.variables import Key
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Evse, Status, Transaction, charging_state
from ocppkit.simulator.offline_queue import OfflineQueue
from ocppkit.simulator.transactions import (
    Context,
    ended_event,
    started_event,
    updated_event,
)

log = logging.getLogger("ocppkit.simulator")
Accepted = AuthorizationStatusEnumType.Accepted
Trigger = TriggerReasonEnumType
_SUSPENDED = (ChargingStateEnumType.SuspendedEV, ChargingStateEnumType.SuspendedEVSE)
IDLE_SAMPLER_POLL = 1.0  # s between looks at a TxUpdatedInterval of 0 (no periodic samples)


@dataclass(frozen=True, slots=True)
class Ending:
    """A transaction ended on an EVSE, its TransactionEvent Ended not yet sent."""

    evse: Evse
    event: TransactionEventRequest


class Transactions:
    """Starts, samples, stops and delivers the transactions of one station."""

    __slots__ = (
        "_ctx",
        "_flush_lock",
        "_locks",
        "_provisioning",
        "_queue",
        "_reservations",
        "_samplers",
        "_smart_charging",
        "_tariff_cost",
    )

    def __init__(
        self,
        ctx: StationContext,
        reservations: Reservations,
        smart_charging: SmartCharging,
        provisioning: Provisioning,
        tariff_cost: TariffCost | None = None,
    ) -> None:
        self._ctx = ctx
        self._tariff_cost = tariff_cost
        self._reservations = reservations
        self._smart_charging = smart_charging
        self._provisioning = provisioning
        self._samplers: dict[int, asyncio.Task[None]] = {}
        self._locks: dict[int, asyncio.Lock] = {}
        self._queue: OfflineQueue | None = None
        self._flush_lock = asyncio.Lock()
        smart_charging.rate_changed = self._rate_changed

    def routes(self) -> Mapping[str, Handler]:
        return {"GetTransactionStatus": self.on_get_transaction_status}

    async def on_get_transaction_status(
        self, request: GetTransactionStatusRequest
    ) -> GetTransactionStatusResponse:
        """E14: messagesInQueue says whether TransactionEvents (of that transaction, or any when
        no id is given) wait in the offline queue; ongoingIndicator whether the transaction
        runs."""
        queue = self.queue
        if request.transaction_id is None:
            return GetTransactionStatusResponse(messages_in_queue=bool(queue))
        ongoing = any(
            e.transaction is not None and e.transaction.transaction_id == request.transaction_id
            for e in self._ctx.evses.values()
        )
        return GetTransactionStatusResponse(
            messages_in_queue=queue.holds(request.transaction_id), ongoing_indicator=ongoing
        )

    async def _rate_changed(self, evse: Evse, tx: Transaction) -> None:
        await self.send_update(evse, tx, Trigger.ChargingRateChanged)  # K01

    # --- the offline queue ---

    @property
    def queue(self) -> OfflineQueue:
        """The TransactionEvents not delivered yet; kept in ``<state_dir>/<id>.queue.jsonl``
        when the station has a ``state_dir`` (opened at first use)."""
        if self._queue is None:
            state_dir = self._ctx.state_dir
            path = None
            if state_dir is not None:
                Path(state_dir).mkdir(parents=True, exist_ok=True)
                path = Path(state_dir) / f"{self._ctx.station_id}.queue.jsonl"
            self._queue = OfflineQueue(path)
        return self._queue

    async def flush(self) -> None:
        """Send the queued TransactionEvents in order while online (E04); one flush at a
        time. An event the CSMS answers with a CALLERROR is dropped (logged): it would be
        refused again."""
        station = self._ctx
        async with self._flush_lock:
            while self.queue and station.connected:
                event = self.queue.peek()
                assert event is not None
                try:
                    self._answered(event, await station.call("TransactionEvent", event))
                except (NotConnectedError, CallTimeoutError):
                    return  # the next link flushes again
                except OCPPError as exc:
                    log.warning(
                        "[%s] queued seqNo %d refused: %r", station.station_id, event.seq_no, exc
                    )
                self.queue.pop()

    def _kick_flush(self) -> None:
        if self._ctx.connected and not self._flush_lock.locked():
            self._ctx.spawn(self.flush(), "flush offline queue")

    # --- claiming and starting ---

    def reserve(self, evse_id: int, id_token: IdTokenType | None = None) -> Evse:
        """Claim ``evse_id`` for a transaction about to start (a Reserved EVSE for the
        reservation's ``id_token`` only, H01).

        Raises:
            SimulatorError: the EVSE is unknown, busy, reserved, unavailable or faulted.
        """
        evse = self._ctx.evses.get(evse_id)
        if evse is None:
            raise SimulatorError(f"no EVSE {evse_id}")
        if not (evse.available or _reserved_for(evse, id_token)):
            raise SimulatorError(
                f"EVSE {evse_id} is {evse.status} and {'busy' if evse.busy else 'idle'}"
            )
        evse.starting = True
        return evse

    async def begin(
        self,
        evse: Evse,
        id_token: IdTokenType | None,
        trigger: TriggerReasonEnumType,
        *,
        remote_start_id: int | None = None,
        transaction_id: str | None = None,
        profile: ChargingProfileType | None = None,
    ) -> Transaction:
        """Start a transaction on ``evse`` now and report it; ``id_token`` None starts it
        unauthorized (TxStartPoint EVConnected: the driver is identified later)."""
        station = self._ctx
        before = evse.status
        now = station.clock()
        tx = Transaction(
            transaction_id or station.new_transaction_id(),
            id_token,
            station.now_utc(),
            now,
            evse.meter.energy_at(now),
            remote_start_id,
            authorized=id_token is not None,
        )
        reservation = evse.reservation
        if reservation is not None and id_token is not None and reservation.admits(id_token):
            tx.reservation_id = reservation.reservation_id  # H01: the reservation is used
            self._reservations.consume(evse)
        evse.begin(tx)
        if profile is not None:  # F01/K05: the TxProfile that came with RequestStartTransaction
            station.profiles.install(evse.evse_id, profile, tx.started_at)
        self.apply_limits()
        tx.charging_state = self.state_of(evse)
        response = await self._report_start(evse, tx, trigger, before)
        if evse.transaction is tx:
            sampler = station.spawn(self._sample(evse, tx), f"sampler {evse.evse_id}")
            self._samplers[evse.evse_id] = sampler
        info = response.id_token_info if response is not None else None
        if info is not None and info.status != Accepted and evse.transaction is tx:
            # E05: the CSMS refused the idToken in the TransactionEventResponse
            await self.stop(evse.evse_id, ReasonEnumType.DeAuthorized)
        return tx

    async def _report_start(
        self, evse: Evse, tx: Transaction, trigger: TriggerReasonEnumType, before: Status
    ) -> TransactionEventResponse | None:
        """StatusNotification Occupied if it changed (G01), then TransactionEvent Started."""
        async with self._lock(evse):
            if evse.status != before:
                await self._ctx.announce(evse)
            at = self._ctx.now_utc()
            event = started_event(evse, tx, trigger, at, tx.start_register_wh)
            return await self._send(self._measured(event, evse, tx.start_register_wh, TX_STARTED))

    def _lock(self, evse: Evse) -> asyncio.Lock:
        """The lock that keeps one EVSE's transaction messages in seqNo order on the wire."""
        return self._locks.setdefault(evse.evse_id, asyncio.Lock())

    # --- ending ---

    def end(
        self, evse_id: int, reason: ReasonEnumType, trigger: TriggerReasonEnumType | None = None
    ) -> Ending:
        """End the transaction on ``evse_id`` at once (state, meter, profiles); its messages
        go out with ``report_end``.

        Raises:
            SimulatorError: no transaction runs there.
        """
        station = self._ctx
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
        state = ChargingStateEnumType.EVConnected if evse.plugged else ChargingStateEnumType.Idle
        evse.end(register)
        station.profiles.drop_transaction_profiles(evse_id)  # a TxProfile ends with its transaction
        self.apply_limits()
        at = station.now_utc()
        event = ended_event(tx, reason, at, register, now - tx.started_mono, trigger, state)
        event = self._measured(event, evse, register, TX_ENDED)
        return Ending(evse, event)

    async def report_end(self, ending: Ending) -> None:
        """Send TransactionEvent Ended and StatusNotification (E06); then a Scheduled reset
        (B12) may take place."""
        async with self._lock(ending.evse):
            await self._send(ending.event)
            await self._ctx.announce(ending.evse)
        self._provisioning.transactions_ended()

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
        for evse in self._ctx.evses.values():
            if evse.transaction is not None:
                await self.stop(evse.evse_id, reason)

    async def settle(self) -> None:
        """Wait until the transaction messages already under way (a stop just scheduled, a
        sample being sent) are on the wire."""
        await asyncio.sleep(0)  # scheduled starts and stops take their EVSE's lock first
        for lock in list(self._locks.values()):
            async with lock:
                pass

    # --- updates ---

    async def send_update(
        self,
        evse: Evse,
        tx: Transaction,
        trigger: TriggerReasonEnumType,
        context: Context = Context.Sample_Periodic,
        *,
        triggered: bool = False,
        with_id_token: bool = False,
    ) -> None:
        """Sample the meter and send TransactionEvent Updated, if ``tx`` still runs on ``evse``;
        the chargingState reported is the one in force now."""
        station = self._ctx
        async with self._lock(evse):
            if evse.transaction is not tx:
                return
            now = station.clock()
            self.apply_limits(now)
            tx.charging_state = self.state_of(evse)
            register = evse.meter.energy_at(now)
            event = updated_event(evse, tx, trigger, station.now_utc(), register, context)
            event = self._measured(event, evse, register, TX_UPDATED)
            if with_id_token:  # E03: the first event after the driver was identified
                event.id_token = tx.id_token
            await self._send(event, triggered=triggered)

    async def report_state(self, evse: Evse, trigger: TriggerReasonEnumType) -> None:
        """TransactionEvent Updated with ``trigger`` if the chargingState moved."""
        tx = evse.transaction
        if tx is None:
            return
        self.apply_limits()
        if self.state_of(evse) != tx.charging_state:
            await self.send_update(evse, tx, trigger, Context.Other)

    def state_of(self, evse: Evse) -> ChargingStateEnumType | None:
        """The chargingState of ``evse``'s transaction now: from the EVSE's state machine, and
        from the meter while the power path is closed (an EV that is full is SuspendedEV, a
        limit it cannot charge at SuspendedEVSE)."""
        state = charging_state(evse)
        if state == ChargingStateEnumType.Charging and evse.meter.charging_state in _SUSPENDED:
            return evse.meter.charging_state
        return state

    def apply_limits(self, now: float | None = None) -> None:
        """Set every EVSE's operating point from the charging profiles in force now (K01; see
        ``SmartCharging.apply_limits``)."""
        self._smart_charging.apply_limits(now)

    def _measured(
        self, event: TransactionEventRequest, evse: Evse, register_wh: float, key: Key
    ) -> TransactionEventRequest:
        """``event`` carrying the measurands SampledDataCtrlr configures at ``key`` (E01, J02)."""
        measurands = self._ctx.device_model.members(key)
        return with_measurands(event, evse.meter, register_wh, measurands)

    async def _sample(self, evse: Evse, tx: Transaction) -> None:
        station = self._ctx
        while evse.transaction is tx:
            interval = station.device_model.tx_updated_interval
            await station.scheduler.sleep(interval if interval > 0 else IDLE_SAMPLER_POLL)
            if interval <= 0:
                continue  # J02: TxUpdatedInterval 0 sends no periodic samples
            # J02/E01: periodic samples while charging, queued while offline (E04)
            await self.report_state(evse, Trigger.ChargingStateChanged)
            await self.send_update(evse, tx, Trigger.MeterValuePeriodic)

    # --- delivery ---

    async def _send(
        self, event: TransactionEventRequest, *, triggered: bool = False
    ) -> TransactionEventResponse | None:
        """Deliver ``event`` now, or queue it (E04); the CSMS's response when it was sent now."""
        station = self._ctx
        if not station.connected:
            event.offline = True  # E04: it happened while the CSMS was unreachable
            self.queue.append(event)
            return None
        if self.queue:  # older events go first
            self.queue.append(event)
            self._kick_flush()
            return None
        try:
            response: TransactionEventResponse = await station.call(
                "TransactionEvent", event, before_boot=triggered
            )
        except (NotConnectedError, CallTimeoutError) as exc:
            log.info(
                "[%s] TransactionEvent seqNo %d queued: %r", station.station_id, event.seq_no, exc
            )
            self.queue.append(event)
            return None
        except OCPPError as exc:
            log.warning(
                "[%s] TransactionEvent %s refused: %r", station.station_id, event.event_type, exc
            )
            return None
        self._answered(event, response)
        return response

    def _answered(self, event: TransactionEventRequest, response: OcppModel) -> None:
        """I01/I02: the cost and tariff text the CSMS answered go to block I."""
        if self._tariff_cost is not None and isinstance(response, TransactionEventResponse):
            self._tariff_cost.answered(event, response)


def _reserved_for(evse: Evse, id_token: IdTokenType | None) -> bool:
    reservation = evse.reservation
    return (
        evse.status == Status.Reserved
        and not evse.busy
        and reservation is not None
        and id_token is not None
        and reservation.admits(id_token)
    )
