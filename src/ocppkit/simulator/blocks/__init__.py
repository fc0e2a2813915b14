"""The simulated station's functional blocks, one module each (OCPP 2.0.1 part 2 letters):

security (A), provisioning (B), authorization (C), local_auth_list (D), transactions (E),
remote_control (F), availability (G), reservation (H), tariff_cost (I), metering (J),
smart_charging (K), firmware (L), iso15118_certificates (M), diagnostics (N: logs, monitoring,
customer information), display (O), data_transfer (P).

Every block is a class built from the one ``StationContext`` (and the blocks it relies on, passed
in: the imports between blocks go one way only) and owns its state. ``routes()`` gives the
CSMS->CS actions it answers, each mapped to an ``async handler(request_model)`` returning the
response model; ``route_table`` joins them and refuses a doubled or a missing action.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Protocol

from ocppkit.protocol.models import CSMS_TO_CS, OcppModel

Handler = Callable[[Any], Awaitable[OcppModel]]
"""``await handler(request)``: the typed answer of one CSMS->CS action."""


class Block(Protocol):
    """A functional block: the actions it answers."""

    def routes(self) -> Mapping[str, Handler]: ...


class RoutingError(ValueError):
    """The blocks do not answer every CSMS->CS action exactly once."""


def route_table(
    blocks: Iterable[Block], actions: Iterable[str] = CSMS_TO_CS
) -> Mapping[str, Handler]:
    """The routing table action -> handler of ``blocks``.

    Raises:
        RoutingError: an action answered by two blocks, an action of ``actions`` no block
            answers, or a block answering an action not in ``actions``.
    """
    expected = set(actions)
    table: dict[str, Handler] = {}
    owners: dict[str, str] = {}
    for block in blocks:
        name = type(block).__name__
        for action, handler in block.routes().items():
            if action in table:
                raise RoutingError(f"{action} is answered by both {owners[action]} and {name}")
            if action not in expected:
                raise RoutingError(f"{name} answers {action}, not a CSMS->CS action")
            table[action], owners[action] = handler, name
    missing = sorted(expected - set(table))
    if missing:
        raise RoutingError(f"no block answers {', '.join(missing)}")
    return MappingProxyType(table)


__all__ = ["Block", "Handler", "RoutingError", "route_table"]
