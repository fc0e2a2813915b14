"""The electricity meter of one EVSE, pure: no asyncio, no clock reads, randomness passed in.

Model (an AC EVSE, all phases loaded alike)::

    P = V x I x phases          W, with V the phase-to-neutral voltage and I the current per phase
    E(t) = E(t0) + integral of P dt    Wh, the Energy.Active.Import.Register: never decreases

The operating point (V, I, phases) is piecewise constant: it changes only at ``update(now, ...)``,
which first integrates the energy up to ``now`` at the old point and then sets the new one, so the
register is the exact integral of the power that was reported. Voltage carries a small noise drawn
from the injected ``random.Random`` at each update (never on a mere read, so a seeded run draws the
same numbers whatever is read in between). Current is the smallest of the station's maximum, the
charging limit in amperes and the charging limit in watts divided by ``V x phases``: the reported
power therefore never exceeds a limit in force.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import TypeVar

VOLTAGE_NOISE = 0.01  # +/- 1 % around the nominal voltage


@dataclass(frozen=True, slots=True)
class ChargingLimit:
    """A limit on an EVSE's charging: per-phase current (A), total power (W), phases to use.

    ``None`` means no limit of that kind.
    """

    amps: float | None = None
    watts: float | None = None
    phases: int | None = None

    def combine(self, other: ChargingLimit) -> ChargingLimit:
        """The tighter of two limits, field by field."""
        return ChargingLimit(
            _min_opt(self.amps, other.amps),
            _min_opt(self.watts, other.watts),
            _min_opt(self.phases, other.phases),
        )

    def share(self, ways: int) -> ChargingLimit:
        """This limit split evenly between ``ways`` EVSEs (a station-wide limit)."""
        if ways <= 1:
            return self
        return ChargingLimit(
            None if self.amps is None else self.amps / ways,
            None if self.watts is None else self.watts / ways,
            self.phases,
        )


NO_LIMIT = ChargingLimit()
_N = TypeVar("_N", int, float)


def _min_opt(a: _N | None, b: _N | None) -> _N | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def offered_current(max_current: float, voltage: float, phases: int, limit: ChargingLimit) -> float:
    """The current per phase (A) an EVSE delivers under ``limit``; never negative.

    Args:
        max_current: the EVSE's rated current per phase.
        voltage: the phase-to-neutral voltage now.
        phases: the phases in use.
        limit: the limit in force.
    """
    current = max_current
    if limit.amps is not None:
        current = min(current, limit.amps)
    if limit.watts is not None and voltage > 0 and phases > 0:
        current = min(current, limit.watts / (voltage * phases))
    if not math.isfinite(current):
        return 0.0
    return max(0.0, current)


def energy_wh(power_w: float, seconds: float) -> float:
    """Energy (Wh) delivered at constant ``power_w`` during ``seconds``."""
    return power_w * seconds / 3600.0


class MeterModel:
    """The meter of one EVSE.

    Args:
        phases: phases the station is wired for (1 or 3).
        voltage: nominal phase-to-neutral voltage (V).
        max_current: rated current per phase (A).
        rng: the random stream for voltage noise (seeded by the caller).
        start_wh: the register's initial value.
    """

    def __init__(
        self,
        phases: int,
        voltage: float,
        max_current: float,
        rng: random.Random,
        start_wh: float = 0.0,
    ) -> None:
        self.phases = phases
        self.nominal_voltage = voltage
        self.max_current = max_current
        self._rng = rng
        self._energy_wh = start_wh
        self._last: float | None = None
        self.voltage_v = voltage
        self.current_a = 0.0
        self.phases_in_use = phases

    @property
    def power_w(self) -> float:
        """Active power now (W): V x I x phases in use."""
        return self.voltage_v * self.current_a * self.phases_in_use

    def energy_at(self, now: float) -> float:
        """The register (Wh) at ``now``, integrated at the present operating point."""
        self.advance(now)
        return self._energy_wh

    def advance(self, now: float) -> None:
        """Integrate the energy up to ``now`` (a time before the last one is ignored)."""
        if self._last is not None and now > self._last:
            self._energy_wh += energy_wh(self.power_w, now - self._last)
        if self._last is None or now > self._last:
            self._last = now

    def update(self, now: float, charging: bool, limit: ChargingLimit = NO_LIMIT) -> None:
        """Integrate up to ``now``, then set the operating point for what follows.

        Args:
            now: the time (seconds, any monotonic origin).
            charging: whether the EV draws current.
            limit: the charging limit in force from ``now``.
        """
        self.advance(now)
        noise = self._rng.uniform(-VOLTAGE_NOISE, VOLTAGE_NOISE)
        self.voltage_v = round(self.nominal_voltage * (1.0 + noise), 2)
        self.phases_in_use = max(1, min(self.phases, limit.phases or self.phases))
        if charging:
            self.current_a = offered_current(
                self.max_current, self.voltage_v, self.phases_in_use, limit
            )
        else:
            self.current_a = 0.0
