"""Block I: CostUpdated (I02)."""

from __future__ import annotations

from ocppkit.protocol.models import CostUpdatedRequest
from ocppkit.simulator.blocks.tariff_cost import TariffCost

from .support import make_station, wire


async def test_i02_the_running_cost_is_kept_per_transaction() -> None:
    block = TariffCost(make_station().ctx)
    answer = await block.on_cost_updated(CostUpdatedRequest(total_cost=3.25, transaction_id="tx"))
    assert wire(answer) == {}
    await block.on_cost_updated(CostUpdatedRequest(total_cost=4.5, transaction_id="tx"))
    assert block.costs == {"tx": 4.5}
