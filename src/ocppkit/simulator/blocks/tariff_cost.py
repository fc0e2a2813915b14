"""Block I, tariff and cost: CostUpdated (I02) gives the running cost of a transaction, which
the station keeps (``costs``, transaction id -> total cost) to show its driver."""

from __future__ import annotations

from collections.abc import Mapping

from ocppkit.protocol.models import CostUpdatedRequest, CostUpdatedResponse
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext


class TariffCost:
    """The running costs the CSMS sent, by transaction."""

    __slots__ = ("_ctx", "costs")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.costs: dict[str, float] = {}

    def routes(self) -> Mapping[str, Handler]:
        return {"CostUpdated": self.on_cost_updated}

    async def on_cost_updated(self, request: CostUpdatedRequest) -> CostUpdatedResponse:
        """I02: the running cost of the transaction is kept."""
        self.costs[request.transaction_id] = float(request.total_cost)
        return CostUpdatedResponse()
