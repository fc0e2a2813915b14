"""I Tariff and cost: the running cost of a transaction sent as CostUpdated (I02) and its final
cost as TransactionEventResponse.totalCost of the Ended event (I01, E).

A transaction is priced by the tariff that applies when the CSMS first hears of it
(``TariffBook.tariff_for``: its station and its token's group, C01 groupIdToken), and keeps that
tariff to its end. Its cost (``ocppkit.csms.cost``) counts the energy metered so far, its time
from start to now (or to the Ended event) and its idle time.

``TariffCost.watch`` sends CostUpdated every ``CsmsContext.cost_update_interval`` seconds for
each running priced transaction of a connected station whose TariffCostCtrlr has cost enabled:
``Enabled``/``Available`` of instance Cost true in its device model, or no report yet. A station
that answers NotImplemented/NotSupported is not asked again until it reconnects.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from ocppkit.csms.blocks import Block, on_answer
from ocppkit.csms.clock import parse_time
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.cost import TransactionCost, Usage
from ocppkit.csms.device_models import NO_REPORT
from ocppkit.csms.registry import Charger, Transaction
from ocppkit.protocol.errors import NotImplementedOCPPError, NotSupportedError, OCPPKitError
from ocppkit.protocol.models import (
    CostUpdatedRequest,
    CostUpdatedResponse,
    MessageContentType,
    TransactionEventRequest,
)

log = logging.getLogger("ocppkit.csms")

CONTROLLER = "TariffCostCtrlr"


def station_has(charger: Charger, instance: str) -> bool:
    """Whether the station's device model lets the CSMS use TariffCostCtrlr's ``instance``
    (Tariff: tariff texts, Cost: costs). Unknown (no report yet): assumed yes."""
    model = charger.device_model
    if model is None or model.request_id == NO_REPORT:
        return True
    for variable in ("Enabled", "Available"):
        value = model.actual(CONTROLLER, variable, instance)
        if value is not None:
            return value.lower() == "true"
    return False  # a full report without the controller: the station has none


def tariff_message(
    ctx: CsmsContext, charger: Charger, token_group: str | None
) -> MessageContentType | None:
    """I01: the text of the tariff that would price a transaction of this station and token
    group, as the AuthorizeResponse's personalMessage; None without one (or tariffs disabled)."""
    tariff = ctx.tariffs.tariff_for(charger.charger_id, token_group, ctx.now())
    if tariff is None or not tariff.text or not station_has(charger, "Tariff"):
        return None
    return MessageContentType(format="UTF8", content=tariff.text)


def station_now(tx: Transaction, now: datetime) -> datetime:
    """The station's time now, for a running transaction: the time of its newest event plus the
    CSMS's time since it came, so a station clock off from the CSMS's prices no time twice."""
    if tx.last_event_at is None or tx.updated_at is None:
        return now
    return tx.last_event_at + max(now - tx.updated_at, timedelta(0))


def _usage(tx: Transaction, cost: TransactionCost, at: datetime) -> Usage:
    duration = max(0.0, (at - tx.started_at).total_seconds())
    return Usage(tx.energy_kwh * 1000.0, duration, cost.idle_until(at))


def price_event(
    ctx: CsmsContext, charger: Charger, tx: Transaction, request: TransactionEventRequest
) -> dict[str, Any]:
    """The block-I fields of the TransactionEventResponse (the hook of ``Transactions``):
    ``total_cost`` on Ended (I01, E: the final cost), ``updated_personal_message`` with the
    tariff's text on Started (I01) when the station has tariffs enabled."""
    cost = tx.cost
    at = parse_time(request.timestamp)
    if cost is None:
        entry = ctx.tokens.get(tx.id_token) if tx.id_token is not None else None
        tariff = ctx.tariffs.tariff_for(
            charger.charger_id, None if entry is None else entry.group, ctx.now()
        )
        if tariff is None:
            return {}
        cost = tx.cost = TransactionCost(tariff)
    state = request.transaction_info.charging_state
    if state is not None:
        cost.note_state(str(state), at)
    fields: dict[str, Any] = {}
    if request.event_type == "Ended":
        end = at if at >= tx.started_at else tx.started_at
        cost.close_idle(end)
        total = cost.update(_usage(tx, cost, end))
        fields["total_cost"] = float(total)
    else:
        cost.update(_usage(tx, cost, station_now(tx, ctx.now())))
        text = cost.tariff.text
        if request.event_type == "Started" and text and station_has(charger, "Tariff"):
            fields["updated_personal_message"] = MessageContentType(format="UTF8", content=text)
    return fields


class TariffCost(Block):
    """Sends the running costs (I02); ``price_event`` gives the final ones."""

    def __init__(self, ctx: CsmsContext) -> None:
        super().__init__(ctx)
        self._refused: dict[str, object] = {}  # station -> the link that refused CostUpdated

    @on_answer("CostUpdated")
    def cost_acknowledged(
        self, objects: Any, request: CostUpdatedRequest, response: CostUpdatedResponse
    ) -> None:
        """I02: the station acknowledges; nothing of it is kept as a station object."""
        log.debug("CostUpdated %s acknowledged", request.transaction_id)

    def due(self) -> list[tuple[Charger, Transaction]]:
        """The running priced transactions of connected stations that take CostUpdated."""
        found: list[tuple[Charger, Transaction]] = []
        for charger in self.ctx.registry.chargers.values():
            link = charger.connection
            if link is None or link.closed or self._refused.get(charger.charger_id) is link:
                continue
            if not station_has(charger, "Cost"):
                continue
            found.extend(
                (charger, tx) for tx in list(charger.active.values()) if tx.cost is not None
            )
        return found

    async def send_costs(self) -> int:
        """One round: CostUpdated for every ``due`` transaction; how many were accepted."""
        sent = 0
        for charger, tx in self.due():
            cost = tx.cost
            assert cost is not None
            total = cost.update(_usage(tx, cost, station_now(tx, self.ctx.now())))
            request = CostUpdatedRequest(total_cost=float(total), transaction_id=tx.transaction_id)
            try:
                assert self.ctx.send is not None
                await self.ctx.send(charger.charger_id, "CostUpdated", request)
                sent += 1
            except (NotImplementedOCPPError, NotSupportedError):
                log.info("[%s] does not take CostUpdated: not sent again", charger.charger_id)
                self._refused[charger.charger_id] = charger.connection
            except OCPPKitError as error:
                log.warning("[%s] CostUpdated failed: %s", charger.charger_id, error)
        return sent

    async def watch(self, interval: float) -> None:
        """Run until cancelled: ``send_costs`` every ``interval`` seconds (I02)."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.send_costs()
            except Exception:
                log.exception("sending the running costs failed")


__all__ = ["TariffCost", "price_event", "station_has", "tariff_message"]
