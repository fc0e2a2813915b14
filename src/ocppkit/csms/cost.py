"""Tariffs and the cost of a transaction (OCPP 2.0.1 block I, I01/I02), pure: no I/O, no clock.

A ``Tariff`` prices a transaction in four parts, all ``Decimal``:

- ``session_fee``: once per transaction;
- ``energy_price_kwh``: per kWh delivered (the Energy.Active.Import.Register difference);
- ``time_price_hour``: per hour from the transaction's start to now (or its end);
- ``idle_fee_hour``: per hour the EV stays connected after it stopped charging (charging state
  SuspendedEV or EVConnected once it has been Charging).

Rounding: every part is computed exactly (the float meter reading is taken through its shortest
decimal text, so 1234.5 Wh is exactly 1.2345 kWh); only the sum is rounded, once, to the cent
(``COST_QUANTUM``, half up). The total is what CostUpdated.totalCost and
TransactionEventResponse.totalCost carry (I02.FR.01, E: a number in the currency of the tariff).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ocppkit.csms.views import CostView

COST_QUANTUM = Decimal("0.01")
MAX_PRICE = Decimal(10) ** 9  # per unit: keeps every total a plain number on the wire
_ZERO = Decimal(0)
_CURRENCY = re.compile(r"^[A-Z]{3}$")  # ISO 4217 alphabetic code
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
PRICE_FIELDS = ("energy_price_kwh", "time_price_hour", "session_fee", "idle_fee_hour")


class TariffError(ValueError):
    """A tariff that cannot be used (the message says why, in one sentence)."""


def _price(name: str, value: Any) -> Decimal:
    if isinstance(value, bool):
        raise TariffError(f"{name} must be a number, not a boolean")
    try:
        price = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise TariffError(f"{name} must be a number, not {value!r}") from error
    if not price.is_finite() or not 0 <= price <= MAX_PRICE:
        raise TariffError(f"{name} must be a number from 0 to {MAX_PRICE:,}, not {value!r}")
    return price


@dataclass(frozen=True, slots=True)
class Tariff:
    """One tariff, with where it applies: ``station_ids`` (a station group; empty: every
    station) and ``id_token_groups`` (groupIdToken values, C01; empty: every token), valid from
    ``valid_from`` (inclusive) to ``valid_to`` (exclusive), either open.

    Raises:
        TariffError: from the constructor, for a bad id, currency, price or validity.
    """

    id: str
    currency: str
    energy_price_kwh: Decimal = _ZERO
    time_price_hour: Decimal = _ZERO
    session_fee: Decimal = _ZERO
    idle_fee_hour: Decimal = _ZERO
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    station_ids: tuple[str, ...] = ()
    id_token_groups: tuple[str, ...] = ()
    text: str | None = field(default=None)
    """Shown to the driver as personalMessage / updatedPersonalMessage (I01, at most 512)."""

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise TariffError("a tariff id is 1-64 letters, digits or _.:-")
        if not _CURRENCY.match(self.currency):
            raise TariffError(f"currency must be an ISO 4217 code like EUR, not {self.currency!r}")
        for name in PRICE_FIELDS:
            object.__setattr__(self, name, _price(name, getattr(self, name)))
        for name in ("valid_from", "valid_to"):
            at = getattr(self, name)
            if at is not None and at.tzinfo is None:
                raise TariffError(f"{name} needs a time zone")
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise TariffError("valid_to must be after valid_from")
        if self.text is not None and len(self.text) > 512:
            raise TariffError("text is at most 512 characters (MessageContentType)")
        object.__setattr__(self, "station_ids", tuple(self.station_ids))
        object.__setattr__(self, "id_token_groups", tuple(self.id_token_groups))

    def valid_at(self, at: datetime) -> bool:
        return (self.valid_from is None or self.valid_from <= at) and (
            self.valid_to is None or at < self.valid_to
        )

    def applies(self, station_id: str, token_group: str | None, at: datetime) -> bool:
        """Whether the tariff prices a transaction of this station and token group at ``at``."""
        return (
            self.valid_at(at)
            and (not self.station_ids or station_id in self.station_ids)
            and (not self.id_token_groups or token_group in self.id_token_groups)
        )

    def specificity(self) -> int:
        """2 for a station group + token group tariff, 1 for either, 0 for a general one."""
        return int(bool(self.station_ids)) + int(bool(self.id_token_groups))


def select_tariff(
    tariffs: Iterable[Tariff], station_id: str, token_group: str | None, at: datetime
) -> Tariff | None:
    """The tariff for a transaction: of those that apply, the most specific one (station and
    token group before either, before a general one); ties go to the smallest id."""
    found = [t for t in tariffs if t.applies(station_id, token_group, at)]
    if not found:
        return None
    return min(found, key=lambda t: (-t.specificity(), t.id))


@dataclass(frozen=True, slots=True)
class Usage:
    """What a transaction used: energy (Wh), its duration and its idle time (seconds)."""

    energy_wh: float
    duration_s: float
    idle_s: float = 0.0


@dataclass(frozen=True, slots=True)
class CostBreakdown:
    """A cost in parts (exact) and its total, rounded to ``COST_QUANTUM``."""

    currency: str
    session: Decimal
    energy: Decimal
    time: Decimal
    idle: Decimal
    total: Decimal


def _exact(value: float) -> Decimal:
    return Decimal(repr(max(0.0, float(value))))


def compute_cost(tariff: Tariff, usage: Usage) -> CostBreakdown:
    """The cost of ``usage`` under ``tariff`` (see the module text for rounding)."""
    energy = _exact(usage.energy_wh) / 1000 * tariff.energy_price_kwh
    time = _exact(usage.duration_s) / 3600 * tariff.time_price_hour
    idle = _exact(usage.idle_s) / 3600 * tariff.idle_fee_hour
    exact_total = tariff.session_fee + energy + time + idle
    total = exact_total.quantize(COST_QUANTUM, rounding=ROUND_HALF_UP)
    return CostBreakdown(tariff.currency, tariff.session_fee, energy, time, idle, total)


IDLE_STATES = frozenset({"SuspendedEV", "EVConnected", "Idle"})
"""Charging states that count as idle once the EV has charged (the idle fee's time)."""


@dataclass(slots=True, eq=False)
class TransactionCost:
    """The cost of one transaction: the tariff it was priced with (kept even if the tariff is
    changed or removed later), the idle time seen so far and the latest total."""

    tariff: Tariff
    total: Decimal = _ZERO
    idle_s: float = 0.0
    idle_since: datetime | None = None
    charged: bool = False

    def note_state(self, charging_state: str | None, at: datetime) -> None:
        """The transaction's charging state at ``at``: idle time runs from the first idle
        state after it was Charging until it charges again (or ends, ``close``)."""
        if charging_state == "Charging":
            self.close_idle(at)
            self.charged = True
        elif charging_state in IDLE_STATES and self.charged and self.idle_since is None:
            self.idle_since = at

    def close_idle(self, at: datetime) -> None:
        if self.idle_since is not None:
            self.idle_s += max(0.0, (at - self.idle_since).total_seconds())
            self.idle_since = None

    def idle_until(self, at: datetime) -> float:
        """The idle seconds up to ``at``, the running idle period included."""
        running = 0.0 if self.idle_since is None else (at - self.idle_since).total_seconds()
        return self.idle_s + max(0.0, running)

    def update(self, usage: Usage) -> Decimal:
        """Price ``usage`` and keep the total."""
        self.total = compute_cost(self.tariff, usage).total
        return self.total

    def view(self, final: bool) -> CostView:
        return {
            "total": float(self.total),
            "currency": self.tariff.currency,
            "tariff_id": self.tariff.id,
            "final": final,
        }


__all__ = [
    "COST_QUANTUM",
    "IDLE_STATES",
    "CostBreakdown",
    "Tariff",
    "TariffError",
    "TransactionCost",
    "Usage",
    "compute_cost",
    "select_tariff",
]
