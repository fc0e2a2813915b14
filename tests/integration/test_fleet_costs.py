"""A fleet against a CSMS with a tariff: every completed session is told its final cost
(totalCost, I01) and the fleet report sums them, in the stations' currency."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from test_fleet import QUICK, until
from test_simulator_support import WAIT, bounded

from ocppkit.csms import OCPPServer
from ocppkit.csms.cost import Tariff
from ocppkit.simulator.fleet import Fleet, FleetOptions, parse_scenario


@bounded
async def test_fleet_report_sums_the_costs_the_csms_told() -> None:
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=60, cost_update_interval=0.2)
    await server.start()
    try:
        await server.tariffs.put(Tariff("flat", "EUR", session_fee=Decimal("2.50")))
        options = FleetOptions(f"ws://127.0.0.1:{server.port}", 4, parse_scenario(QUICK))
        fleet = Fleet(options)
        await fleet.start()
        async with asyncio.timeout(WAIT):
            await fleet.wait_ramped()
        # completed sessions counted, then their Ended events answered with totalCost
        await until(lambda: sum(len(sim.tariff_cost.final) for sim in fleet.sims) >= 2)
        finals = sum(len(sim.tariff_cost.final) for sim in fleet.sims)
        report = await fleet.stop()
    finally:
        await server.stop()
    told = [cost for sim in fleet.sims for cost in sim.tariff_cost.costs.values()]
    assert finals >= 2 and all(cost == 2.5 for cost in told)  # the session fee, no more
    assert report.total_cost == round(2.5 * len(told), 2) and report.cost_currency == "EUR"
    assert f"cost               {report.total_cost:.2f} EUR" in report.text()
