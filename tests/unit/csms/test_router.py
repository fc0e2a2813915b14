"""The routing table and the dispatch: built once per server from the blocks, exactly the
CS->CSMS actions, one wrapper (admission, recording, handler)."""

import pytest

from ocppkit.csms import OCPPServer
from ocppkit.csms.blocks import Block, handles, on_answer
from ocppkit.csms.blocks.availability import Availability
from ocppkit.csms.clock import utc_now
from ocppkit.csms.context import CsmsContext, EventHub
from ocppkit.csms.registry import ChargerRegistry
from ocppkit.csms.router import BLOCKS, OBJECT_KINDS, TRACKED_NOTIFICATIONS, Router
from ocppkit.csms.store import Store
from ocppkit.csms.tokens import TokenStore
from ocppkit.csms.tracking import Tracker
from ocppkit.protocol.models import CS_TO_CSMS
from ocppkit.protocol.versions import OcppVersion, profile


def context() -> CsmsContext:
    return CsmsContext(ChargerRegistry(), utc_now, TokenStore(), EventHub(), 30)


def router(blocks: tuple[type[Block], ...] = BLOCKS) -> Router:
    return Router(context(), Tracker(utc_now, Store(), EventHub()), blocks)


def test_table_covers_every_station_action() -> None:
    assert set(router().routes) == CS_TO_CSMS
    assert len(BLOCKS) == len(set(BLOCKS))


def test_only_station_actions_are_tracked_and_kinds_are_distinct() -> None:
    v16 = profile(OcppVersion.V16).cs_to_csms
    assert TRACKED_NOTIFICATIONS <= CS_TO_CSMS | v16
    # 19 of 2.0.1, and three 1.6 ones that 2.0.1 does not record
    assert len(TRACKED_NOTIFICATIONS) == 22
    assert TRACKED_NOTIFICATIONS - CS_TO_CSMS == {
        "DiagnosticsStatusNotification",
        "SignedFirmwareStatusNotification",
    }
    assert len(OBJECT_KINDS) == len(set(OBJECT_KINDS)) == 7


def test_the_16_table_covers_every_16_station_action() -> None:
    table = Router(context(), Tracker(utc_now, Store(), EventHub()), version=OcppVersion.V16).routes
    assert set(table) == profile(OcppVersion.V16).cs_to_csms
    assert table["BootNotification"].gated is False and table["Heartbeat"].gated is True


def test_a_16_block_cannot_handle_a_201_only_action() -> None:
    with pytest.raises(ValueError, match=r"not an action stations send in ocpp1\.6"):
        handles("TransactionEvent", version=OcppVersion.V16)


def test_each_server_has_its_own_table() -> None:
    first, second = OCPPServer(), OCPPServer()
    assert (
        first._versions.routers[OcppVersion.V201].routes
        is not second._versions.routers[OcppVersion.V201].routes
    )
    assert (
        first._versions.routers[OcppVersion.V201].routes["Heartbeat"]
        != second._versions.routers[OcppVersion.V201].routes["Heartbeat"]
    )


def test_missing_or_duplicate_routes_fail_at_build() -> None:
    with pytest.raises(RuntimeError, match="missing"):
        router(BLOCKS[:-1])
    with pytest.raises(RuntimeError, match="routed twice"):
        router((*BLOCKS, Availability))


def test_command_rules_of_two_blocks_fail_at_build() -> None:
    class Other(Block):
        @on_answer("SetChargingProfile")
        def answered(self, objects: object, request: object, response: object) -> None: ...

    with pytest.raises(RuntimeError, match="SetChargingProfile"):
        router((*BLOCKS, Other))


def test_a_block_cannot_handle_an_action_twice_or_a_csms_action() -> None:
    with pytest.raises(TypeError, match="twice"):

        class Twice(Block):
            @handles("Heartbeat")
            async def one(self, charger: object, request: object) -> None: ...

            @handles("Heartbeat")
            async def two(self, charger: object, request: object) -> None: ...

    with pytest.raises(ValueError, match="not an action stations send"):
        handles("Reset")
