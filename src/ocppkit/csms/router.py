"""The routing table and the one wrapper around every handler.

The table is built once per server from the functional blocks (``BLOCKS``) and must cover exactly
the actions a station may send (``CS_TO_CSMS``); building it fails otherwise, so a missing or
doubled handler is caught at start-up (and by the unit tests), never on the wire. The blocks'
command rules go to the tracker the same way.

Every CALL of a station goes through ``Router.station_handler``'s dispatch, in one place:
admission (before an Accepted boot only BootNotification is admitted: SecurityError, B02.FR.09,
B03.FR.08), the tracker's record of a notification the block records, then the block's handler.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ocppkit.csms.blocks import Block, Route
from ocppkit.csms.blocks.authorization import Authorization
from ocppkit.csms.blocks.availability import Availability
from ocppkit.csms.blocks.data_transfer import DataTransfer
from ocppkit.csms.blocks.diagnostics import Diagnostics
from ocppkit.csms.blocks.display import Display
from ocppkit.csms.blocks.firmware import Firmware
from ocppkit.csms.blocks.iso15118_certificates import Iso15118Certificates
from ocppkit.csms.blocks.local_auth_list import LocalAuthList
from ocppkit.csms.blocks.metering import Metering
from ocppkit.csms.blocks.provisioning import Provisioning, refusal
from ocppkit.csms.blocks.remote_control import RemoteControl
from ocppkit.csms.blocks.reservation import Reservation
from ocppkit.csms.blocks.security import Security
from ocppkit.csms.blocks.smart_charging import SmartCharging
from ocppkit.csms.blocks.tariff_cost import TariffCost
from ocppkit.csms.blocks.transactions import Transactions
from ocppkit.csms.blocks.v16 import Core16, FirmwareManagement16, Security16
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger
from ocppkit.csms.tracking import CommandRule, Tracker
from ocppkit.protocol.models import CS_TO_CSMS, OcppModel
from ocppkit.protocol.versions import OcppVersion, Role, check_routes, profile
from ocppkit.transport import Handler

BLOCKS: tuple[type[Block], ...] = (
    Security,  # A
    Provisioning,  # B
    Authorization,  # C
    LocalAuthList,  # D
    Transactions,  # E
    RemoteControl,  # F
    Availability,  # G
    Reservation,  # H
    TariffCost,  # I
    Metering,  # J
    SmartCharging,  # K
    Firmware,  # L
    Iso15118Certificates,  # M
    Diagnostics,  # N
    Display,  # O
    DataTransfer,  # P
)

V16_BLOCKS: tuple[type[Block], ...] = (
    Core16,
    FirmwareManagement16,
    Security16,
)
"""The OCPP 1.6J blocks, one per feature profile with CP->CS actions."""

BLOCKS_BY_VERSION: Mapping[OcppVersion, tuple[type[Block], ...]] = MappingProxyType(
    {OcppVersion.V201: BLOCKS, OcppVersion.V16: V16_BLOCKS}
)
"""The versions the CSMS routes, with their blocks."""

TRACKED_NOTIFICATIONS = frozenset(
    action
    for blocks in BLOCKS_BY_VERSION.values()
    for block in blocks
    for action in block.recorded()
)
"""The CS->CSMS actions kept as station messages (of every version)."""
OBJECT_KINDS = tuple(kind for block in BLOCKS for kind in block.object_kinds)
"""The kinds of station objects (what a station holds)."""


def build_routes(
    blocks: tuple[Block, ...], version: OcppVersion = OcppVersion.V201
) -> Mapping[str, Route]:
    """The action -> route table of one server for one OCPP version.

    Raises:
        RuntimeError: two blocks claim an action, or the table does not cover the actions
            stations of ``version`` send.
    """
    expected = CS_TO_CSMS if version is OcppVersion.V201 else profile(version).cs_to_csms
    table: dict[str, Route] = {}
    for block in blocks:
        for action, route in block.routes().items():
            if action in table:
                raise RuntimeError(f"{action} is routed twice")
            table[action] = route
    if table.keys() != expected:
        missing = sorted(expected - table.keys())
        extra = sorted(table.keys() - expected)
        raise RuntimeError(f"routing table mismatch: missing {missing}, extra {extra}")
    return MappingProxyType(table)


def command_rules(blocks: tuple[Block, ...]) -> dict[str, CommandRule]:
    """The blocks' command rules, by action.

    Raises:
        RuntimeError: two blocks give rules for one command.
    """
    rules: dict[str, CommandRule] = {}
    for block in blocks:
        for action, rule in block.command_rules().items():
            if action in rules:
                raise RuntimeError(f"{action} has command rules in two blocks")
            rules[action] = rule
    return rules


class Router:
    """One server's blocks, routing table and dispatch.

    Args:
        ctx: the context every block is given.
        tracker: records notifications; takes the blocks' command rules.
        blocks: the block classes (default the version's, ``BLOCKS_BY_VERSION``).
        version: the OCPP version of the links it routes.

    Raises:
        RuntimeError: the table or the command rules are incomplete or doubled.
    """

    def __init__(
        self,
        ctx: CsmsContext,
        tracker: Tracker,
        blocks: tuple[type[Block], ...] | None = None,
        version: OcppVersion = OcppVersion.V201,
    ) -> None:
        self.ctx = ctx
        self.tracker = tracker
        self.version = version
        classes = BLOCKS_BY_VERSION[version] if blocks is None else blocks
        self.blocks = tuple(block(ctx) for block in classes)
        self.routes = build_routes(self.blocks, version)
        check_routes(version, Role.CSMS, self.routes)  # the protocol core's own check
        tracker.learn(command_rules(self.blocks))

    def station_handler(self, charger: Charger) -> Handler:
        """The ``Connection`` handler of one station's link.

        The session only passes valid CALLs of ``CS_TO_CSMS`` actions, all of which are routed.
        """
        routes, admits, notified = self.routes, self.ctx.boot.admits, self.tracker.notified
        station_id = charger.charger_id

        async def dispatch(action: str, request: OcppModel) -> OcppModel:
            route = routes[action]
            if route.gated and not admits(charger.registration_status):
                raise refusal(action, charger)  # B02.FR.09, B03.FR.08
            if route.notice is not None:
                await notified(station_id, action, request, route.notice)
            return await route.handler(charger, request)

        return dispatch


__all__ = [
    "BLOCKS",
    "BLOCKS_BY_VERSION",
    "OBJECT_KINDS",
    "TRACKED_NOTIFICATIONS",
    "V16_BLOCKS",
    "Router",
    "build_routes",
]
