"""Electric vehicles plugged into the simulated station, pure: no asyncio, no clock reads.

An ``EvModel`` is a kind of car (battery, on-board AC charger, DC limits, pack voltage); an
``ElectricVehicle`` is one of them plugged in, with its state of charge (SoC). The battery takes
at most ``acceptance_w(soc)``::

    max_dc_w                                           SoC below taper_soc
    max_dc_w x (100 - SoC) / (100 - taper_soc)         above it (constant-voltage phase),
        but never less than TAPER_FLOOR x max_dc_w     so that a charge does reach 100 %
    0                                                  at 100 %

On AC the on-board charger adds its own limit (``max_ac_current`` on ``ac_phases`` phases), so
the taper only shows near the top; on DC the taper is what a CSMS sees above ~80 %.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ocppkit.simulator.randomness import LazyRandom, Stream

TAPER_FLOOR = 0.02  # fraction of max_dc_w the battery still takes just below 100 %
FULL_SOC = 100.0


@dataclass(frozen=True, slots=True)
class EvModel:
    """A kind of electric vehicle.

    Args:
        name: a short label (used in scenarios and logs).
        battery_kwh: usable battery capacity (kWh).
        max_ac_current: on-board charger limit per phase (A).
        ac_phases: phases the on-board charger uses (1, 2 or 3).
        max_dc_w: the most DC power the car accepts (W), at low SoC.
        pack_voltage: nominal battery voltage (V): ~400 V or ~800 V class.
        taper_soc: SoC (%) above which the accepted power falls.
        arrival_soc: range (%) the SoC at arrival is drawn from.

    Raises:
        ValueError: a value out of range.
    """

    name: str
    battery_kwh: float
    max_ac_current: float
    ac_phases: int
    max_dc_w: float
    pack_voltage: float = 400.0
    taper_soc: float = 80.0
    arrival_soc: tuple[float, float] = (10.0, 60.0)

    def __post_init__(self) -> None:
        low, high = self.arrival_soc
        if (
            self.battery_kwh <= 0
            or self.max_ac_current <= 0
            or not 1 <= self.ac_phases <= 3
            or self.max_dc_w <= 0
            or self.pack_voltage <= 0
            or not 0 < self.taper_soc < FULL_SOC
            or not 0 <= low <= high <= FULL_SOC
        ):
            raise ValueError(f"EV model {self.name!r}: a value is out of range")

    @property
    def battery_wh(self) -> float:
        """Usable capacity (Wh)."""
        return self.battery_kwh * 1000.0

    def acceptance_w(self, soc: float) -> float:
        """The most power (W) the battery takes at ``soc`` (%), whatever the charger."""
        if soc >= FULL_SOC:
            return 0.0
        if soc <= self.taper_soc:
            return self.max_dc_w
        share = (FULL_SOC - soc) / (FULL_SOC - self.taper_soc)
        return self.max_dc_w * max(TAPER_FLOOR, share)

    def dc_voltage(self, soc: float) -> float:
        """Battery voltage (V) at ``soc`` (%): from 92 % of nominal when empty to 108 % full."""
        return self.pack_voltage * (0.92 + 0.16 * min(max(soc, 0.0), FULL_SOC) / FULL_SOC)


# A small catalogue of typical cars (generic, no brands); pass your own EvModel for others.
EV_CATALOGUE: Mapping[str, EvModel] = MappingProxyType(
    {
        "compact": EvModel("compact", 40.0, 32.0, 1, 50_000.0, 360.0),
        "sedan": EvModel("sedan", 75.0, 16.0, 3, 170_000.0, 400.0),
        "suv": EvModel("suv", 95.0, 16.0, 3, 150_000.0, 400.0, taper_soc=75.0),
        "performance": EvModel("performance", 93.0, 16.0, 3, 270_000.0, 800.0),
        "van": EvModel("van", 75.0, 16.0, 3, 100_000.0, 400.0, arrival_soc=(5.0, 40.0)),
    }
)
DEFAULT_EV = "sedan"


def ev_model(spec: str | EvModel) -> EvModel:
    """An ``EvModel`` given itself or its catalogue name.

    Raises:
        ValueError: no such name in ``EV_CATALOGUE``.
    """
    if isinstance(spec, EvModel):
        return spec
    try:
        return EV_CATALOGUE[spec]
    except KeyError:
        known = ", ".join(EV_CATALOGUE)
        raise ValueError(f"unknown EV model {spec!r} (known: {known})") from None


class ElectricVehicle:
    """One EV plugged in: its model and its state of charge.

    Args:
        model: what kind of car it is.
        soc: state of charge at arrival (%).
    """

    __slots__ = ("_stored_wh", "model")

    def __init__(self, model: EvModel, soc: float) -> None:
        self.model = model
        self._stored_wh = model.battery_wh * min(max(soc, 0.0), FULL_SOC) / FULL_SOC

    @property
    def soc(self) -> float:
        """State of charge (%)."""
        return FULL_SOC * self._stored_wh / self.model.battery_wh

    @property
    def full(self) -> bool:
        """The battery takes no more energy."""
        return self.remaining_wh <= 1e-9

    @property
    def remaining_wh(self) -> float:
        """Energy (Wh) until the battery is full."""
        return max(0.0, self.model.battery_wh - self._stored_wh)

    def acceptance_w(self) -> float:
        """The most power (W) the battery takes now."""
        return 0.0 if self.full else self.model.acceptance_w(self.soc)

    def dc_voltage(self) -> float:
        """Battery voltage (V) now."""
        return self.model.dc_voltage(self.soc)

    def charge(self, energy_wh: float) -> float:
        """Store up to ``energy_wh`` (Wh); return what the battery took (never more than fits)."""
        taken = min(max(energy_wh, 0.0), self.remaining_wh)
        self._stored_wh += taken
        return taken


def arriving_ev(model: EvModel, rng: Stream) -> ElectricVehicle:
    """A car of ``model`` arriving with a SoC drawn from ``rng`` within its arrival range."""
    return ElectricVehicle(model, round(rng.uniform(*model.arrival_soc), 1))


EvMix = Sequence[tuple[str | EvModel, float]]
"""Several kinds of car and each one's share of the arrivals."""


def arriving_from_mix(models: list[EvModel], shares: list[float], rng: Stream) -> ElectricVehicle:
    """A car drawn from the mix by share, arriving with a SoC in its model's range."""
    return arriving_ev(rng.choices(models, shares)[0], rng)


def ev_source(
    spec: str | EvModel | EvMix | None, seed: str | Stream
) -> Callable[[], ElectricVehicle | None]:
    """What arrives at an EVSE: a new car each time, of ``spec`` or drawn from the mix ``spec``
    by share (kind and SoC drawn from the stream ``seed`` names, created at the first arrival:
    an idle station holds no generator), or None when ``spec`` is None (an EV that takes
    whatever it is offered).

    Raises:
        ValueError: a name that is in no catalogue model, or a mix with no positive share.
    """
    if spec is None:
        return _no_ev
    rng = LazyRandom(seed) if isinstance(seed, str) else seed
    if isinstance(spec, str | EvModel):
        return functools.partial(arriving_ev, ev_model(spec), rng)
    models = [ev_model(model) for model, _ in spec]
    shares = [float(share) for _, share in spec]
    if not models or min(shares) < 0 or sum(shares) <= 0:
        raise ValueError("an EV mix needs at least one model and positive shares")
    return functools.partial(arriving_from_mix, models, shares, rng)


def _no_ev() -> None:
    return None
