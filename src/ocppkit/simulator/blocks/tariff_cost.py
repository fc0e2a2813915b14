"""Block I, tariff and cost: what the CSMS tells the station a transaction costs, kept to show
its driver: the running cost of CostUpdated (I02), the final ``totalCost`` of the
TransactionEventResponse to the Ended event (I01, E) and the tariff text of
``updatedPersonalMessage``. ``costs`` maps transaction id -> total cost, in the currency of the
device model's ``TariffCostCtrlr.Currency``."""

from __future__ import annotations

from collections.abc import Mapping

from ocppkit.protocol.models import (
    CostUpdatedRequest,
    CostUpdatedResponse,
    TransactionEventRequest,
    TransactionEventResponse,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext

CONTROLLER = "TariffCostCtrlr"


class TariffCost:
    """The costs and tariff texts the CSMS sent, by transaction."""

    __slots__ = ("_ctx", "costs", "final", "messages")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.costs: dict[str, float] = {}
        self.final: set[str] = set()  # transactions whose cost came with their Ended event
        self.messages: dict[str, str] = {}  # transaction id -> the tariff text shown

    def routes(self) -> Mapping[str, Handler]:
        return {"CostUpdated": self.on_cost_updated}

    async def on_cost_updated(self, request: CostUpdatedRequest) -> CostUpdatedResponse:
        """I02: the running cost of the transaction is kept (a final one is not replaced)."""
        if request.transaction_id not in self.final:
            self.costs[request.transaction_id] = float(request.total_cost)
        return CostUpdatedResponse()

    def answered(self, event: TransactionEventRequest, response: TransactionEventResponse) -> None:
        """The CSMS's answer to a TransactionEvent: its totalCost (final on Ended, I01) and its
        personal message are kept."""
        tx_id = event.transaction_info.transaction_id
        if response.total_cost is not None:
            self.costs[tx_id] = float(response.total_cost)
            if event.event_type == "Ended":
                self.final.add(tx_id)
        if response.updated_personal_message is not None:
            self.messages[tx_id] = response.updated_personal_message.content

    @property
    def currency(self) -> str | None:
        """The currency costs are shown in (the device model's TariffCostCtrlr.Currency)."""
        found = self._ctx.device_model.find((CONTROLLER, "Currency"))
        return None if found is None else found.actual

    def total(self) -> float:
        """The sum of every transaction's cost, rounded to the cent."""
        return round(sum(self.costs.values()), 2)
