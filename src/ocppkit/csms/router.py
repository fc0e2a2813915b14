"""The routing table: every CS->CSMS action mapped to its block's handler, built once per server.

The table must cover exactly the actions a station may send (``CS_TO_CSMS``); building it fails
otherwise, so a missing handler is caught at start-up (and by the unit tests), never on the wire.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ocppkit.csms.blocks import Route
from ocppkit.csms.blocks.authorization import Authorization
from ocppkit.csms.blocks.availability import Availability
from ocppkit.csms.blocks.metering import Metering
from ocppkit.csms.blocks.provisioning import Provisioning
from ocppkit.csms.blocks.remaining import Remaining
from ocppkit.csms.blocks.transactions import Transactions
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import CS_TO_CSMS, OcppModel
from ocppkit.transport import Handler

BLOCKS = (Provisioning, Authorization, Transactions, Metering, Availability, Remaining)


def build_routes(ctx: CsmsContext) -> Mapping[str, Route]:
    """The action -> handler table of one server.

    Raises:
        RuntimeError: two blocks claim an action, or the table does not cover ``CS_TO_CSMS``.
    """
    table: dict[str, Route] = {}
    for block_class in BLOCKS:
        for action, route in block_class(ctx).routes().items():
            if action in table:
                raise RuntimeError(f"{action} is routed twice")
            table[action] = route
    if table.keys() != CS_TO_CSMS:
        missing = sorted(CS_TO_CSMS - table.keys())
        extra = sorted(table.keys() - CS_TO_CSMS)
        raise RuntimeError(f"routing table mismatch: missing {missing}, extra {extra}")
    return MappingProxyType(table)


def station_handler(routes: Mapping[str, Route], charger: Charger) -> Handler:
    """The ``Connection`` handler of one station's link: dispatch by action to ``routes``.

    The session only passes valid CALLs of ``CS_TO_CSMS`` actions, all of which are routed.
    """

    async def handle(action: str, request: OcppModel) -> OcppModel:
        return await routes[action](charger, request)

    return handle
