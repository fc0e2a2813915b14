"""The CSMS's functional blocks, one module each (OCPP 2.0.1 part 2 letters in brackets).

Every block is a class built from the one ``CsmsContext`` and offers ``routes()``: the CS->CSMS
actions it answers, each mapped to an ``async handler(charger, request_model)`` returning the
response model. ``ocppkit.csms.router`` joins them into the routing table.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import OcppModel

Route = Callable[[Charger, Any], Awaitable[OcppModel]]
"""``await route(charger, request)``: the typed handler of one action."""

__all__ = ["Route"]
