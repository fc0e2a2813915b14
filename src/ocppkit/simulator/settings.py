"""Reading the device-model variables that drive behaviour, with a default when absent.

The behaviour modules (authorization, transactions, reconnection) read their configuration here,
at the moment they act, so that a SetVariables takes effect at once (B05). A variable the device
model does not define, or whose value does not parse, yields the caller's default.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ocppkit.simulator.device.model import (
    AUTH_CACHE_ENABLED,
    AUTHORIZE_REMOTE_START,
    EV_CONNECTION_TIMEOUT,
    LOCAL_AUTHORIZE_OFFLINE,
    LOCAL_LIST_ENABLED,
    LOCAL_PRE_AUTHORIZE,
    OFFLINE_TX_FOR_UNKNOWN_ID,
    RESERVATION_ENABLED,
    TX_START_POINT,
    TX_STOP_POINT,
    KeyLike,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")

__all__ = [  # the keys are the device model's
    "AUTHORIZE_REMOTE_START",
    "AUTH_CACHE_ENABLED",
    "EV_CONNECTION_TIMEOUT",
    "LOCAL_AUTHORIZE_OFFLINE",
    "LOCAL_LIST_ENABLED",
    "LOCAL_PRE_AUTHORIZE",
    "OFFLINE_TX_FOR_UNKNOWN_ID",
    "RESERVATION_ENABLED",
    "TX_START_POINT",
    "TX_STOP_POINT",
    "flag",
    "members",
    "number",
    "text",
]


def text(station: ChargerSimulator, key: KeyLike, default: str) -> str:
    """The Actual value of ``key`` (component, variable), or ``default`` when not defined."""
    try:
        return str(station.device_model.value(key))
    except LookupError:  # the device model does not define this variable
        return default


def flag(station: ChargerSimulator, key: KeyLike, default: bool) -> bool:
    """A boolean variable (``true``/``false``), or ``default``."""
    value = text(station, key, "true" if default else "false").strip().lower()
    return value == "true" if value in ("true", "false") else default


def number(station: ChargerSimulator, key: KeyLike, default: float) -> float:
    """A numeric variable, or ``default`` when absent or not a number."""
    try:
        return float(text(station, key, str(default)))
    except ValueError:
        log.warning("[%s] %s is not a number", station.charger_id, key)
        return default


def members(station: ChargerSimulator, key: KeyLike, default: str) -> frozenset[str]:
    """A MemberList variable as a set of its members."""
    return frozenset(m.strip() for m in text(station, key, default).split(",") if m.strip())
