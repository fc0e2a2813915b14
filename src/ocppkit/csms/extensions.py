"""What an operator plugs into the CSMS: vendor handlers for DataTransfer (P02) and the policy
that answers an EV's charging needs (K15-K17).

    server.register_data_transfer("com.acme", on_acme)             # every messageId of a vendor
    server.register_data_transfer("com.acme", on_price, "Price")   # one messageId
    server.ev_charging_needs_policy = ev_max_power_policy(11_000)
"""

from __future__ import annotations

import inspect
import itertools
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from ocppkit.csms.clock import utc_now
from ocppkit.csms.registry import Charger, Transaction
from ocppkit.protocol.models import (
    ChargingProfileType,
    ChargingSchedulePeriodType,
    ChargingScheduleType,
    DataTransferRequest,
    DataTransferResponse,
    NotifyEVChargingNeedsRequest,
)

log = logging.getLogger("ocppkit.csms")

DataTransferResult = DataTransferResponse | tuple[str, Any] | str
DataTransferHandler = Callable[
    [str, str | None, Any], DataTransferResult | Awaitable[DataTransferResult]
]
"""``handler(charger_id, message_id, data)``: a DataTransferResponse, a (status, data) pair or a
status; sync or async."""

ProfileAnswer = ChargingProfileType | dict[str, Any] | None
EvChargingNeedsPolicy = Callable[
    [Charger, NotifyEVChargingNeedsRequest], ProfileAnswer | Awaitable[ProfileAnswer]
]
"""``policy(charger, request)``: the TxProfile to send for the EV's needs, or None to reject."""


class DataTransferHandlers:
    """Vendor handlers of incoming DataTransfer, by vendorId and messageId (P02)."""

    def __init__(self) -> None:
        self._vendors: dict[str, dict[str | None, DataTransferHandler]] = {}

    def register(
        self, vendor_id: str, handler: DataTransferHandler, message_id: str | None = None
    ) -> None:
        """Route DataTransfer of ``vendor_id`` (and ``message_id``; None: every messageId
        without a handler of its own) to ``handler``, replacing a previous one."""
        self._vendors.setdefault(vendor_id, {})[message_id] = handler

    def unregister(self, vendor_id: str, message_id: str | None = None) -> None:
        """Remove a handler (the vendor is unknown again once it has none)."""
        handlers = self._vendors.get(vendor_id, {})
        handlers.pop(message_id, None)
        if not handlers:
            self._vendors.pop(vendor_id, None)

    async def dispatch(self, station_id: str, request: DataTransferRequest) -> DataTransferResponse:
        """P02: the handler's answer; UnknownVendorId / UnknownMessageId when there is none,
        Rejected when it fails (never a CALLERROR)."""
        handlers = self._vendors.get(request.vendor_id)
        if handlers is None:
            return DataTransferResponse(status="UnknownVendorId")
        handler = handlers.get(request.message_id) or handlers.get(None)
        if handler is None:
            return DataTransferResponse(status="UnknownMessageId")
        try:
            result = handler(station_id, request.message_id, request.data)
            if inspect.isawaitable(result):
                result = await result
            return _data_transfer_response(result)
        except Exception:
            log.exception(
                "[%s] DataTransfer handler of %r/%r failed",
                station_id,
                request.vendor_id,
                request.message_id,
            )
            return DataTransferResponse(status="Rejected")


def _data_transfer_response(result: DataTransferResult) -> DataTransferResponse:
    """Raises pydantic's ValidationError (or TypeError) for a result that is no answer."""
    if isinstance(result, DataTransferResponse):
        return result
    if isinstance(result, str):
        return DataTransferResponse(status=result)
    status, data = result
    return DataTransferResponse(status=status, data=data)


def active_transaction_on(charger: Charger, evse_id: int) -> Transaction | None:
    """The most recently started transaction running on the EVSE, if any."""
    running = [tx for tx in charger.active.values() if tx.evse_id == evse_id]
    return running[-1] if running else None


_REMEMBERED_PROFILES = 10_000  # transactions whose TxProfile id a policy keeps


class TxProfileIds:
    """The chargingProfile id of each transaction's TxProfile: new needs during the same
    transaction (K17) get the same id again, so the new profile replaces the old one
    (K01.FR.05) rather than clashing with it at the same stack level (K01.FR.06).

    Args:
        ids: chargingProfile ids to use; default counting from the current time in seconds,
            so they do not repeat across restarts.
    """

    def __init__(self, ids: Iterator[int] | None = None) -> None:
        self._ids = (
            ids if ids is not None else itertools.count(int(utc_now().timestamp()) % 1_000_000_000)
        )
        self._given: dict[tuple[str, str], int] = {}  # (station, transaction) -> profile id

    def of(self, station_id: str, transaction_id: str) -> int:
        key = (station_id, transaction_id)
        profile_id = self._given.pop(key, None)
        if profile_id is None:
            profile_id = next(self._ids)
            if len(self._given) >= _REMEMBERED_PROFILES:
                del self._given[next(iter(self._given))]  # the oldest transaction's
        self._given[key] = profile_id
        return profile_id


def tx_profile(
    profile_id: int,
    transaction_id: str,
    limit_w: float,
    duration: int | None = None,
    min_rate_w: float | None = None,
) -> ChargingProfileType:
    """A TxProfile for the transaction (K01.FR.03: a TxProfile names its transaction): kind
    Relative (it starts with the transaction, so it has no startSchedule), stack level 0, one
    period from 0 s limiting to ``limit_w`` W, for ``duration`` s if given; ``min_rate_w`` the
    rate below which charging is not worth it (e.g. what meets the EV's needs in time)."""
    schedule = ChargingScheduleType(
        id=1,
        charging_rate_unit="W",
        duration=duration,
        min_charging_rate=None if min_rate_w is None else round(min(min_rate_w, limit_w), 1),
        charging_schedule_period=[
            ChargingSchedulePeriodType(start_period=0, limit=round(limit_w, 1))
        ],
    )
    return ChargingProfileType(
        id=profile_id,
        stack_level=0,
        charging_profile_purpose="TxProfile",
        charging_profile_kind="Relative",
        transaction_id=transaction_id,
        charging_schedule=[schedule],
    )


def ev_max_power_policy(
    limit_w: float, profile_ids: Iterator[int] | None = None
) -> EvChargingNeedsPolicy:
    """A policy that answers every EV's needs with a TxProfile capping its power (K15/K16).

    The profile (``tx_profile``): one period limiting to ``limit_w`` W, or to the EV's
    evMaxPower (DC) if that is lower. No active transaction on the EVSE: None (the CSMS waits
    for one, see ``SmartCharging.on_notify_ev_charging_needs``). The CSMS still lowers the
    profile to the limits it knows (the station's and the site's).

    Args:
        limit_w: the power cap in watts.
        profile_ids: chargingProfile ids to use (see ``TxProfileIds``).

    Raises:
        ValueError: ``limit_w`` is not positive.
    """
    if limit_w <= 0:
        raise ValueError("the power limit must be positive")
    ids = TxProfileIds(profile_ids)

    def policy(
        charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> ChargingProfileType | None:
        tx = active_transaction_on(charger, request.evse_id)
        if tx is None:
            return None
        limit = limit_w
        dc = request.charging_needs.dc_charging_parameters
        if dc is not None and dc.ev_max_power is not None:
            limit = min(limit, dc.ev_max_power)
        return tx_profile(ids.of(charger.charger_id, tx.transaction_id), tx.transaction_id, limit)

    return policy


__all__ = [
    "DataTransferHandler",
    "DataTransferHandlers",
    "EvChargingNeedsPolicy",
    "TxProfileIds",
    "ev_max_power_policy",
    "tx_profile",
]
