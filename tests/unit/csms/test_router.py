"""The routing table: built once per server, exactly the CS->CSMS actions."""

import pytest

from ocppkit.csms import OCPPServer
from ocppkit.csms import router as router_module
from ocppkit.csms.blocks.availability import Availability
from ocppkit.csms.clock import utc_now
from ocppkit.csms.context import CsmsContext, EventHub
from ocppkit.csms.registry import ChargerRegistry
from ocppkit.csms.tokens import TokenStore
from ocppkit.protocol.models import CS_TO_CSMS


def context() -> CsmsContext:
    return CsmsContext(ChargerRegistry(), utc_now, TokenStore(), EventHub(), 30)


def test_table_covers_every_station_action() -> None:
    assert set(router_module.build_routes(context())) == CS_TO_CSMS


def test_each_server_has_its_own_table() -> None:
    first, second = OCPPServer(), OCPPServer()
    assert first._routes is not second._routes
    assert first._routes["Heartbeat"] != second._routes["Heartbeat"]


def test_missing_or_duplicate_routes_fail_at_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(router_module, "BLOCKS", router_module.BLOCKS[:-1])
    with pytest.raises(RuntimeError, match="missing"):
        router_module.build_routes(context())
    monkeypatch.setattr(router_module, "BLOCKS", (*router_module.BLOCKS, Availability))
    with pytest.raises(RuntimeError, match="routed twice"):
        router_module.build_routes(context())
