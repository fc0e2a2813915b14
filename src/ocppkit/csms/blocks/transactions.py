"""E Transactions: TransactionEvent Started / Updated / Ended.

A transaction the CSMS first hears of in an Updated or Ended event (the station started it
offline, or the CSMS restarted) is opened on the spot (E04, E12), so no event is ever refused.
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, handles
from ocppkit.csms.blocks.authorization import id_token_info
from ocppkit.csms.blocks.metering import read_meter_values, store_reading
from ocppkit.csms.blocks.tariff_cost import price_event
from ocppkit.csms.clock import parse_time
from ocppkit.csms.registry import Charger, Transaction
from ocppkit.protocol.models import (
    TransactionEventRequest,
    TransactionEventResponse,
)

log = logging.getLogger("ocppkit.csms")


class Transactions(Block):
    """Tracks every station's transactions in the registry."""

    @handles("TransactionEvent")
    async def on_transaction_event(
        self, charger: Charger, request: TransactionEventRequest
    ) -> TransactionEventResponse:
        """Update the transaction; answer with idTokenInfo when the event carries an idToken
        (E01/E03: the CSMS tells the station whether the token may charge).

        Idempotent on (station, transactionId, seqNo): an event received before is answered
        again and changes nothing. Events may come in any order (E04: sent after being
        offline); each is folded in by its timestamp, so a late one never overwrites newer state.
        """
        tx = self._transaction_for(charger, request)
        if tx.updated_at is not None and tx.has_seq_no(request.seq_no):
            log.info(
                "[%s] transaction %s: seqNo %d received before, ignored",
                charger.charger_id,
                tx.transaction_id,
                request.seq_no,
            )
        else:
            self._apply(charger, tx, request)
            if request.event_type == "Ended":
                self._end(charger, tx, request)
            await self.ctx.store.transaction_event(charger, tx, request)
            self.ctx.events.emit(
                "transaction",
                charger.charger_id,
                {
                    "event_type": str(request.event_type),
                    "trigger_reason": str(request.trigger_reason),
                    **tx.to_dict(),
                },
            )
        priced = price_event(self.ctx, charger, tx, request)  # I01/I02: totalCost, tariff text
        if request.id_token is None:
            return TransactionEventResponse(**priced)
        info = id_token_info(self.ctx, request.id_token, tx)
        return TransactionEventResponse(id_token_info=info, **priced)

    def _transaction_for(self, charger: Charger, request: TransactionEventRequest) -> Transaction:
        tx_id = request.transaction_info.transaction_id
        tx = self.ctx.registry.transaction(charger.charger_id, tx_id)
        if tx is not None and (
            request.event_type != "Started" or tx.active or tx.has_seq_no(request.seq_no)
        ):
            return tx  # a Started event for an ended transaction reuses its id, unless resent
        tx = Transaction(
            transaction_id=tx_id,
            charger_id=charger.charger_id,
            started_at=parse_time(request.timestamp),
            seq_no=request.seq_no,
        )
        self.ctx.registry.open_transaction(charger, tx)
        if request.event_type != "Started":
            log.info(
                "[%s] transaction %s first seen in an %s event",
                charger.charger_id,
                tx_id,
                request.event_type,
            )
        return tx

    def _apply(self, charger: Charger, tx: Transaction, request: TransactionEventRequest) -> None:
        at = parse_time(request.timestamp)
        if tx.seq_nos and request.seq_no not in tx.seq_nos and request.seq_no < tx.seq_no:
            log.info(
                "[%s] transaction %s: seqNo %d arrives after %d (offline: %s)",
                charger.charger_id,
                tx.transaction_id,
                request.seq_no,
                tx.seq_no,
                request.offline,
            )
        tx.add_seq_no(request.seq_no)
        tx.updated_at = self.ctx.now()
        if request.event_type == "Started" and at < tx.started_at:
            tx.started_at = at  # E04: the Started event came after later ones
        newest = tx.last_event_at is None or at >= tx.last_event_at
        if newest:
            tx.last_event_at = at
        info = request.transaction_info
        if info.charging_state is not None and (newest or tx.charging_state is None):
            tx.charging_state = str(info.charging_state)
        if info.remote_start_id is not None:  # F01/F02: links the transaction to a remote start
            tx.remote_start_id = info.remote_start_id
        if request.evse is not None and (newest or tx.evse_id is None):
            tx.evse_id = request.evse.id
            tx.connector_id = request.evse.connector_id or tx.connector_id
        if request.id_token is not None and (newest or tx.id_token is None):
            tx.id_token = request.id_token.id_token
            tx.id_token_type = str(request.id_token.type)
        self._apply_meter_values(charger, tx, request, newest)

    def _apply_meter_values(
        self, charger: Charger, tx: Transaction, request: TransactionEventRequest, newest: bool
    ) -> None:
        if not request.meter_value:
            return
        reading = read_meter_values(request.meter_value)
        if reading.energy_wh is not None:
            tx.record_energy(reading.energy_wh, reading.energy_at)
        if reading.power_w is not None:
            tx.record_power(reading.power_w, reading.power_at)
        if tx.evse_id is not None and newest:
            store_reading(charger, tx.evse_id, reading)

    def _end(self, charger: Charger, tx: Transaction, request: TransactionEventRequest) -> None:
        # E06: stoppedReason may only be left out when it is Local.
        reason = request.transaction_info.stopped_reason
        tx.stopped_reason = "Local" if reason is None else str(reason)
        tx.meter_stop_wh = tx.meter_last_wh
        tx.power_w = 0.0
        if tx.active:
            self.ctx.registry.close_transaction(charger, tx, self.ctx.now())
        missing = tx.missing_seq_nos
        if missing:
            log.warning(
                "[%s] transaction %s ended with seqNo(s) %s never received",
                charger.charger_id,
                tx.transaction_id,
                missing,
            )
        log.info(
            "[%s] transaction %s ended (%s): %.3f kWh",
            charger.charger_id,
            tx.transaction_id,
            tx.stopped_reason,
            tx.energy_kwh,
        )
