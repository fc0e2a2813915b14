"""The electricity meter of one EVSE, pure: no asyncio, no clock reads, randomness passed in.

Model::

    AC:  P = V x I x phases     V the phase-to-neutral voltage, I the current per phase
    DC:  P = min(station max, EV acceptance at its SoC, charging limit),  I = P / V
    E(t) = E(t0) + integral of P dt    Wh, the Energy.Active.Import.Register: never decreases

The operating point (V, I, phases) is piecewise constant: it changes only at ``update(now, ...)``,
which first integrates the energy up to ``now`` at the old point and then sets the new one, so the
register is the exact integral of the power that was reported (except that a battery takes no
more than fits: the register stops when the EV is full, and the next update reports 0 W and
SuspendedEV). Voltage carries a small noise drawn from the injected random stream at each
update (never on a mere read, so a seeded run draws the same numbers whatever is read between).

On AC the current is the smallest of the station's maximum, the EV's on-board charger, what the
battery accepts at its SoC, the limit in amperes and the limit in watts divided by
``V x phases``; on DC the power is the smallest of the station's maximum power and current, the
battery's acceptance and the limits. A limit below its ``minChargingRate`` gives 0 (the EV
cannot charge that slowly): SuspendedEVSE. The reported power therefore never exceeds a limit.
Without an EV plugged (``ev`` None) the meter behaves as if an EV took whatever it is offered.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from ocppkit.protocol.models import ChargingStateEnumType
from ocppkit.simulator.ev import ElectricVehicle
from ocppkit.simulator.randomness import Stream

VOLTAGE_NOISE = 0.01  # +/- 1 % around the nominal (AC) or battery (DC) voltage
ChargingState = ChargingStateEnumType
_N = TypeVar("_N", int, float)


@dataclass(frozen=True, slots=True)
class Supply:
    """What an EVSE can deliver: AC (1-3 phases) or DC, nominal voltage, current, power."""

    kind: Literal["AC", "DC"]
    phases: int
    voltage: float
    max_current: float
    max_power_w: float


STATION_TYPES: dict[str, Supply] = {
    "AC1": Supply("AC", 1, 230.0, 32.0, 230.0 * 32.0),  # 7.4 kW
    "AC3": Supply("AC", 3, 230.0, 16.0, 3 * 230.0 * 16.0),  # 11 kW
    "DC": Supply("DC", 1, 400.0, 400.0, 150_000.0),  # 150 kW, 400 A
}


def station_supply(
    station_type: str,
    *,
    phases: int | None = None,
    voltage: float | None = None,
    max_current: float | None = None,
    max_power_w: float | None = None,
) -> Supply:
    """The supply of a station type (``AC1``, ``AC3``, ``DC``), with values overridden.

    Raises:
        ValueError: an unknown station type or a value out of range.
    """
    base = STATION_TYPES.get(station_type)
    if base is None:
        raise ValueError(f"station type {station_type!r} is not one of {', '.join(STATION_TYPES)}")
    phases = base.phases if phases is None or base.kind == "DC" else phases
    voltage = base.voltage if voltage is None else voltage
    current = base.max_current if max_current is None else max_current
    if max_power_w is None:
        max_power_w = base.max_power_w if base.kind == "DC" else voltage * current * phases
    if not 1 <= phases <= 3 or voltage <= 0 or current <= 0 or max_power_w <= 0:
        raise ValueError("need 1 <= phases <= 3 and a positive voltage, current and power")
    return Supply(base.kind, phases, voltage, current, max_power_w)


@dataclass(frozen=True, slots=True)
class ChargingLimit:
    """A limit on an EVSE's charging: per-phase current (A), total power (W), phases to use,
    and the least rate worth charging at (``minChargingRate``, in A or W).

    ``None`` means no limit of that kind.
    """

    amps: float | None = None
    watts: float | None = None
    phases: int | None = None
    min_amps: float | None = None
    min_watts: float | None = None

    def combine(self, other: ChargingLimit) -> ChargingLimit:
        """The tighter of two limits, field by field (the higher of two minimum rates)."""
        return ChargingLimit(
            _min_opt(self.amps, other.amps),
            _min_opt(self.watts, other.watts),
            _min_opt(self.phases, other.phases),
            _max_opt(self.min_amps, other.min_amps),
            _max_opt(self.min_watts, other.min_watts),
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


def _min_opt(a: _N | None, b: _N | None) -> _N | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def _max_opt(a: _N | None, b: _N | None) -> _N | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def offered_current(max_current: float, voltage: float, phases: int, limit: ChargingLimit) -> float:
    """The current per phase (A) an AC EVSE offers under ``limit``; never negative.

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


def divide(capacity: float, demands: list[float]) -> list[float]:
    """Split ``capacity`` between consumers fairly (water-filling): none gets more than it
    demands, and what one leaves is shared by the others.

    Returns:
        each consumer's share, in the order of ``demands``; the shares sum to at most
        ``capacity`` (0 when it is negative).
    """
    shares = [0.0] * len(demands)
    left, waiting = max(0.0, capacity), len(demands)
    for index in sorted(range(len(demands)), key=demands.__getitem__):
        shares[index] = min(max(0.0, demands[index]), left / waiting)
        left -= shares[index]
        waiting -= 1
    return shares


class MeterModel:
    """The meter of one EVSE, and the physics of the EV plugged into it.

    Args:
        phases: phases the EVSE is wired for (1 to 3; 1 for DC).
        voltage: nominal phase-to-neutral voltage (V); for DC the voltage without an EV.
        max_current: rated current per phase (AC) or DC output current (A).
        rng: the random stream for voltage noise (seeded by the caller).
        start_wh: the register's initial value.
        dc: a DC EVSE.
        max_power_w: rated power (W); by default V x I x phases.
        ev_source: gives the EV that plugs in next (``follow_plug``); None or a None result:
            an EV that takes whatever it is offered.
    """

    __slots__ = (
        "_energy_wh",
        "_last",
        "_rng",
        "charging_state",
        "current_a",
        "dc",
        "ev",
        "ev_source",
        "max_current",
        "max_power_w",
        "nominal_voltage",
        "phases",
        "phases_in_use",
        "voltage_v",
    )

    def __init__(
        self,
        phases: int,
        voltage: float,
        max_current: float,
        rng: Stream,
        start_wh: float = 0.0,
        *,
        dc: bool = False,
        max_power_w: float | None = None,
        ev_source: Callable[[], ElectricVehicle | None] | None = None,
    ) -> None:
        self.phases = 1 if dc else phases
        self.nominal_voltage = voltage
        self.max_current = max_current
        self.dc = dc
        rated = voltage * max_current * self.phases
        self.max_power_w = rated if max_power_w is None else max_power_w
        self._rng = rng
        self._energy_wh = start_wh
        self._last: float | None = None
        self.voltage_v = voltage
        self.current_a = 0.0
        self.phases_in_use = self.phases
        self.ev: ElectricVehicle | None = None
        self.ev_source = ev_source
        self.charging_state = ChargingState.Idle

    @classmethod
    def for_supply(
        cls,
        supply: Supply,
        rng: Stream,
        start_wh: float = 0.0,
        ev_source: Callable[[], ElectricVehicle | None] | None = None,
    ) -> MeterModel:
        """A meter for an EVSE with ``supply``."""
        return cls(
            supply.phases,
            supply.voltage,
            supply.max_current,
            rng,
            start_wh,
            dc=supply.kind == "DC",
            max_power_w=supply.max_power_w,
            ev_source=ev_source,
        )

    @property
    def power_w(self) -> float:
        """Active power now (W): V x I x phases in use."""
        return self.voltage_v * self.current_a * self.phases_in_use

    @property
    def soc(self) -> float | None:
        """The plugged EV's state of charge (%), None without an EV."""
        return None if self.ev is None else self.ev.soc

    def plug(self, ev: ElectricVehicle | None) -> None:
        """An EV is plugged in (None: one that takes whatever it is offered)."""
        self.ev = ev
        self.charging_state = ChargingState.EVConnected

    def follow_plug(self, plugged: bool, now: float) -> bool:
        """Keep the EV in step with the connector: a new one from ``ev_source`` when a cable is
        plugged in and none is here, none once unplugged. Returns whether an EV just arrived."""
        if plugged and self.ev is None and self.ev_source is not None:
            self.advance(now)
            ev = self.ev_source()
            if ev is not None:
                self.plug(ev)
                return True
        elif not plugged and self.ev is not None:
            self.unplug(now)
        return False

    def unplug(self, now: float) -> None:
        """The EV leaves: integrate up to ``now``, then no current and no EV."""
        self.advance(now)
        self.ev = None
        self.current_a = 0.0
        self.charging_state = ChargingState.Idle

    def energy_at(self, now: float) -> float:
        """The register (Wh) at ``now``, integrated at the present operating point."""
        self.advance(now)
        return self._energy_wh

    def advance(self, now: float) -> None:
        """Integrate the energy up to ``now`` (a time before the last one is ignored)."""
        if self._last is not None and now > self._last:
            delivered = energy_wh(self.power_w, now - self._last)
            if self.ev is not None:
                delivered = self.ev.charge(delivered)
            self._energy_wh += delivered
        if self._last is None or now > self._last:
            self._last = now

    def update(self, now: float, charging: bool, limit: ChargingLimit = NO_LIMIT) -> None:
        """Integrate up to ``now``, then set the operating point for what follows.

        Args:
            now: the time (seconds, any monotonic origin).
            charging: whether the EVSE offers energy (a transaction runs).
            limit: the charging limit in force from ``now``.
        """
        self.advance(now)
        noise = self._rng.uniform(-VOLTAGE_NOISE, VOLTAGE_NOISE)
        base = self.ev.dc_voltage() if self.dc and self.ev is not None else self.nominal_voltage
        self.voltage_v = round(base * (1.0 + noise), 2)
        self.phases_in_use, current = self.operating_point(limit)
        self.current_a = current if charging else 0.0
        self.charging_state = self._state(charging)

    def operating_point(self, limit: ChargingLimit) -> tuple[int, float]:
        """(phases in use, current per phase) that ``limit`` allows at the present voltage."""
        ev, volts = self.ev, self.voltage_v
        if self.dc:
            power = min(self.max_power_w, self.max_current * volts)
            if ev is not None:
                power = min(power, ev.acceptance_w())
            if limit.watts is not None:
                power = min(power, limit.watts)
            if limit.amps is not None:
                power = min(power, limit.amps * volts)
            return 1, _at_least_rate(max(0.0, power) / volts, volts, 1, limit)
        phases = max(1, min(self.phases, limit.phases or self.phases))
        if ev is not None:
            phases = min(phases, ev.model.ac_phases)
        current = offered_current(self.max_current, volts, phases, limit)
        if ev is not None:
            current = min(current, ev.model.max_ac_current, ev.acceptance_w() / (volts * phases))
        return phases, _at_least_rate(current, volts, phases, limit)

    def demand(self, limit: ChargingLimit) -> tuple[float, float]:
        """(current per phase, power) this EVSE would draw under ``limit`` now, without
        changing anything: what it asks of a station-wide limit."""
        phases, current = self.operating_point(limit)
        return current, current * self.voltage_v * phases

    def _state(self, charging: bool) -> ChargingStateEnumType:
        if not charging:
            return ChargingState.EVConnected if self.ev is not None else ChargingState.Idle
        if self.ev is not None and self.ev.full:
            return ChargingState.SuspendedEV
        if self.current_a <= 0.0:
            return ChargingState.SuspendedEVSE
        return ChargingState.Charging


def _at_least_rate(current: float, volts: float, phases: int, limit: ChargingLimit) -> float:
    """``current``, or 0 when it is below the limit's minimum charging rate."""
    if limit.min_amps is not None and current < limit.min_amps:
        return 0.0
    if limit.min_watts is not None and current * volts * phases < limit.min_watts:
        return 0.0
    return current


def share_station_limit(
    whole: ChargingLimit, wants: list[tuple[MeterModel, ChargingLimit]]
) -> list[ChargingLimit]:
    """Each EVSE's limit under a station-wide limit: its own limit, and its fair share of the
    station's (water-filling, so capacity one EVSE does not use goes to the others; the sum of
    the EVSEs' currents or powers stays within the station's limit).

    Args:
        whole: the station-wide limit (ChargingStationMaxProfile, external constraints).
        wants: the charging EVSEs' meters, each with its own limit.
    """
    limits = [own for _, own in wants]
    if whole.amps is not None:
        demands = [meter.demand(own)[0] for meter, own in wants]
        shares = divide(whole.amps, demands)
        limits = [lim.combine(ChargingLimit(amps=s)) for lim, s in zip(limits, shares, strict=True)]
    if whole.watts is not None:
        demands = [meter.demand(lim)[1] for (meter, _), lim in zip(wants, limits, strict=True)]
        shares = divide(whole.watts, demands)
        limits = [
            lim.combine(ChargingLimit(watts=s)) for lim, s in zip(limits, shares, strict=True)
        ]
    if whole.phases is not None:
        limits = [lim.combine(ChargingLimit(phases=whole.phases)) for lim in limits]
    return limits
