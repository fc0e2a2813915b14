"""Reading the device-model variables that drive behaviour, with a default when absent.

The behaviour modules (authorization, transactions, reconnection) read their configuration here,
at the moment they act, so that a SetVariables takes effect at once (B05). A variable the device
model does not define, or whose value does not parse, yields the caller's default.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")

LOCAL_PRE_AUTHORIZE = ("AuthCtrlr", "LocalPreAuthorize")
LOCAL_AUTHORIZE_OFFLINE = ("AuthCtrlr", "LocalAuthorizeOffline")
OFFLINE_TX_FOR_UNKNOWN_ID = ("AuthCtrlr", "OfflineTxForUnknownIdEnabled")
AUTHORIZE_REMOTE_START = ("AuthCtrlr", "AuthorizeRemoteStart")
AUTH_CACHE_ENABLED = ("AuthCacheCtrlr", "Enabled")
LOCAL_LIST_ENABLED = ("LocalAuthListCtrlr", "Enabled")
RESERVATION_ENABLED = ("ReservationCtrlr", "Enabled")
TX_START_POINT = ("TxCtrlr", "TxStartPoint")
TX_STOP_POINT = ("TxCtrlr", "TxStopPoint")
EV_CONNECTION_TIMEOUT = ("TxCtrlr", "EVConnectionTimeOut")
RETRY_WAIT_MINIMUM = ("OCPPCommCtrlr", "RetryBackOffWaitMinimum")
RETRY_RANDOM_RANGE = ("OCPPCommCtrlr", "RetryBackOffRandomRange")
RETRY_REPEAT_TIMES = ("OCPPCommCtrlr", "RetryBackOffRepeatTimes")


def text(station: ChargerSimulator, key: tuple[str, str], default: str) -> str:
    """The Actual value of ``key`` (component, variable), or ``default`` when not defined."""
    try:
        return str(station.device_model.value(key))
    except LookupError:  # the device model does not define this variable
        return default


def flag(station: ChargerSimulator, key: tuple[str, str], default: bool) -> bool:
    """A boolean variable (``true``/``false``), or ``default``."""
    value = text(station, key, "true" if default else "false").strip().lower()
    return value == "true" if value in ("true", "false") else default


def number(station: ChargerSimulator, key: tuple[str, str], default: float) -> float:
    """A numeric variable, or ``default`` when absent or not a number."""
    try:
        return float(text(station, key, str(default)))
    except ValueError:
        log.warning("[%s] %s.%s is not a number", station.charger_id, *key)
        return default


def members(station: ChargerSimulator, key: tuple[str, str], default: str) -> frozenset[str]:
    """A MemberList variable as a set of its members."""
    return frozenset(m.strip() for m in text(station, key, default).split(",") if m.strip())
