"""``blocks.route_table``: every CSMS->CS action answered by exactly one block."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from ocppkit.protocol.models import CSMS_TO_CS, ResetResponse
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.blocks import Handler, RoutingError, route_table


class One:
    def __init__(self, *actions: str) -> None:
        self.actions = actions

    async def answer(self, request: object) -> ResetResponse:
        return ResetResponse(status="Accepted")

    def routes(self) -> Mapping[str, Handler]:
        return dict.fromkeys(self.actions, self.answer)


def test_the_station_answers_every_csms_to_cs_action_once() -> None:
    sim = ChargerSimulator("CP-1", "ws://127.0.0.1:9")
    table = route_table(sim.blocks)
    assert set(table) == CSMS_TO_CS and len(table) == 40
    owners = [set(block.routes()) for block in sim.blocks]
    assert sum(len(actions) for actions in owners) == 40  # no action in two blocks


def test_a_doubled_action_is_refused() -> None:
    with pytest.raises(RoutingError, match="Reset is answered by both"):
        route_table([One("Reset"), One("Reset")], actions={"Reset"})


def test_a_missing_action_is_refused() -> None:
    with pytest.raises(RoutingError, match="no block answers GetLog"):
        route_table([One("Reset")], actions={"Reset", "GetLog"})


def test_an_action_of_the_other_direction_is_refused() -> None:
    with pytest.raises(RoutingError, match="BootNotification"):
        route_table([One("BootNotification")])


async def test_the_table_routes_to_the_block() -> None:
    table = route_table([One("Reset")], actions={"Reset"})
    assert (await table["Reset"](None)).status == "Accepted"
    with pytest.raises(TypeError):
        table["Reset"] = table["Reset"]  # type: ignore[index]
