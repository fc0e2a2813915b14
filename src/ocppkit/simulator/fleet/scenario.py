"""Fleet scenarios: what a fleet of simulated stations looks like and how EVs come and go.

A scenario is a TOML file (stdlib ``tomllib``; YAML is not supported, PyYAML is no dependency)::

    seed = 42                          # one seed reproduces the whole fleet
    id_prefix = "FLEET"                # station ids FLEET-00001, FLEET-00002, ...
    sample_interval = 60               # seconds between meter samples while charging
    id_tokens = ["TOKEN-A", "TOKEN-B"] # drivers present one of these, drawn at random

    [[station_types]]                  # each station gets one type, in proportion to share
    name = "AC3-22kW"
    share = 3
    num_connectors = 2
    phases = 3
    voltage = 230
    max_current = 32

    [arrivals]                         # per station: a Poisson process of EV arrivals
    distribution = "exponential"       # or "none" (EVs only come through the control API)
    mean_s = 900                       # mean seconds between two arrivals at one station

    [dwell]                            # how long an EV stays plugged in
    distribution = "normal"            # or "fixed" (mean_min only)
    mean_min = 45
    stddev_min = 15
    min_min = 5                        # the normal draw is clipped to [min_min, max_min]
    max_min = 240

    [faults]                           # per station, Poisson rates; each lasts duration_s
    connector_fault_per_hour = 0.01
    meter_freeze_per_hour = 0.0
    network_drop_per_hour = 0.0
    duration_s = 60

A station type's ``station_type`` is the simulator's station kind (``AC3``, ``AC1``, ``DC``);
``iso15118 = true`` makes the EVs at its stations send their charging needs and the schedule
they choose (NotifyEVChargingNeeds, NotifyEVChargingSchedule: K15-K17).
``ev_models`` (name, share, battery_kwh, max_ac_kw, max_dc_kw) is the EV mix: each arriving car
is drawn from it by share (``EvModel.to_simulator``; the simulator's ``ev_source``).

Randomness: every station has its own seeded stream per purpose (arrivals, dwell, tokens,
faults), derived from the scenario seed and the station's index, so a draw for one never shifts
another and the same seed gives the same fleet.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ocppkit.config import ConfigError, read_toml, validate
from ocppkit.protocol.identity import identity_problem
from ocppkit.simulator import ev
from ocppkit.simulator.device.catalog import StationIdentity, station_identity

_STRICT = ConfigDict(extra="forbid")


class ScenarioError(ConfigError):
    """A scenario file that cannot be read or is not valid; the message names the key."""


class StationType(BaseModel):
    """One kind of station in the fleet and its share of the stations."""

    model_config = _STRICT
    name: str = Field(min_length=1, max_length=40)
    share: float = Field(1.0, gt=0, description="relative weight among station types")
    num_connectors: int = Field(1, ge=1, le=16, description="EVSEs, one connector each")
    phases: int | None = Field(None, ge=1, le=3, description="None: the station kind's")
    voltage: float | None = Field(
        None, gt=0, le=1000, description="phase-to-neutral voltage (V); None: the kind's"
    )
    max_current: float | None = Field(
        None, gt=0, le=1000, description="rated current per phase (A); None: the kind's"
    )
    station_type: str | None = Field(
        None,
        description="the simulator's station kind (AC3: 3 x 230 V x 16 A, the default; "
        "AC1; DC: 150 kW)",
    )
    model: str | None = Field(
        None, min_length=1, max_length=20, description="None: one that follows the kind"
    )
    vendor: str | None = Field(
        None, min_length=1, max_length=50, description="None: one that follows the kind"
    )
    iso15118: bool = Field(
        False,
        description="the EVs here speak ISO 15118: they send their charging needs and "
        "answer a TxProfile with the schedule they chose (K15-K17)",
    )

    def identity(self, station_id: str) -> StationIdentity:
        """What a station of this type named ``station_id`` says it is in its BootNotification:
        the vendor and model given here, else ones that follow the kind and rating; a serial
        number from the id; the kind's firmware version."""
        made = station_identity(
            self.station_type or "AC3",
            station_id,
            phases=self.phases,
            voltage=self.voltage,
            max_current=self.max_current,
        )
        return replace(made, vendor=self.vendor or made.vendor, model=self.model or made.model)


class EvModel(BaseModel):
    """An EV kind and its share of the arrivals."""

    model_config = _STRICT
    name: str = Field(min_length=1, max_length=40)
    share: float = Field(1.0, gt=0)
    battery_kwh: float = Field(gt=0, le=500)
    max_ac_kw: float = Field(11.0, gt=0, le=50)
    max_dc_kw: float = Field(50.0, gt=0, le=1000)

    def to_simulator(self) -> ev.EvModel:
        """The simulator's model of this car: an on-board charger of ``max_ac_kw`` on one
        phase up to 7.4 kW (32 A), on three above, at 230 V."""
        phases = 1 if self.max_ac_kw <= 7.4 else 3
        return ev.EvModel(
            self.name,
            self.battery_kwh,
            self.max_ac_kw * 1000 / (230 * phases),
            phases,
            self.max_dc_kw * 1000,
        )


class Arrivals(BaseModel):
    """EV arrivals at each station: exponential inter-arrival times, or none."""

    model_config = _STRICT
    distribution: Literal["exponential", "none"] = "exponential"
    mean_s: float = Field(900.0, gt=0, description="mean seconds between arrivals at a station")


class Dwell(BaseModel):
    """How long an EV stays: a clipped normal draw, or a fixed time (minutes)."""

    model_config = _STRICT
    distribution: Literal["normal", "fixed"] = "normal"
    mean_min: float = Field(45.0, gt=0)
    stddev_min: float = Field(15.0, ge=0)
    min_min: float = Field(1.0, ge=0)
    max_min: float = Field(480.0, gt=0)

    @model_validator(mode="after")
    def _bounds(self) -> Dwell:
        if self.min_min > self.max_min:
            raise ValueError(f"min_min ({self.min_min}) must not exceed max_min ({self.max_min})")
        return self


class Faults(BaseModel):
    """Random faults per station (Poisson rates per hour); each lasts ``duration_s``."""

    model_config = _STRICT
    connector_fault_per_hour: float = Field(0.0, ge=0)
    meter_freeze_per_hour: float = Field(0.0, ge=0)
    network_drop_per_hour: float = Field(0.0, ge=0)
    duration_s: float = Field(60.0, gt=0)

    def rates(self) -> dict[str, float]:
        """Fault kind -> events per second (only the kinds with a rate above 0)."""
        per_hour = {
            "connector": self.connector_fault_per_hour,
            "meter_freeze": self.meter_freeze_per_hour,
            "network_drop": self.network_drop_per_hour,
        }
        return {kind: rate / 3600.0 for kind, rate in per_hour.items() if rate > 0}


_Token = Annotated[str, Field(min_length=1, max_length=36)]


class Scenario(BaseModel):
    """A whole fleet scenario; every field has a default, so an empty file is valid."""

    model_config = _STRICT
    seed: int = 0
    id_prefix: str = Field("FLEET", min_length=1, max_length=40)
    sample_interval: float = Field(60.0, gt=0, description="seconds between meter samples")
    id_tokens: list[_Token] = Field(default_factory=lambda: ["FLEET-TOKEN"], min_length=1)
    station_types: list[StationType] = Field(
        default_factory=lambda: [StationType(name="AC3-22kW", phases=3, max_current=32)],
        min_length=1,
    )
    ev_models: list[EvModel] = Field(default_factory=list)
    arrivals: Arrivals = Field(default_factory=Arrivals)
    dwell: Dwell = Field(default_factory=Dwell)
    faults: Faults = Field(default_factory=Faults)

    @field_validator("id_prefix")
    @classmethod
    def _begins_identities(cls, value: str) -> str:
        problem = identity_problem(f"{value}-00001")
        if problem is not None:
            raise ValueError(f"{json.dumps(value)} cannot begin station ids: {problem}")
        return value

    def station_id(self, index: int) -> str:
        """The identity of station ``index`` (0-based): ``<id_prefix>-00001``..."""
        return f"{self.id_prefix}-{index + 1:05d}"

    def assign_types(self, count: int) -> list[StationType]:
        """A type for each of ``count`` stations: counts in proportion to the shares (largest
        remainder), in an order shuffled by the seed."""
        total = sum(t.share for t in self.station_types)
        exact = [t.share / total * count for t in self.station_types]
        counts = [int(x) for x in exact]
        by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)
        for i in by_remainder[: count - sum(counts)]:
            counts[i] += 1
        types = [t for t, n in zip(self.station_types, counts, strict=True) for _ in range(n)]
        random.Random(f"{self.seed}/types").shuffle(types)
        return types


def stream(seed: int, index: int, purpose: str) -> random.Random:
    """The seeded random stream of station ``index`` for ``purpose``."""
    return random.Random(f"{seed}/{index}/{purpose}")


def next_arrival(arrivals: Arrivals, rng: random.Random) -> float | None:
    """Seconds until the next EV arrives at a station; None when arrivals are off."""
    if arrivals.distribution == "none":
        return None
    return rng.expovariate(1.0 / arrivals.mean_s)


def dwell_seconds(dwell: Dwell, rng: random.Random) -> float:
    """How long the arriving EV stays plugged in (seconds), clipped to [min_min, max_min]."""
    minutes = dwell.mean_min
    if dwell.distribution == "normal":
        minutes = rng.gauss(dwell.mean_min, dwell.stddev_min)
    return max(dwell.min_min, min(dwell.max_min, minutes)) * 60.0


def next_fault(rate_per_s: float, rng: random.Random) -> float:
    """Seconds until the next fault of a kind occurring at ``rate_per_s``."""
    return rng.expovariate(rate_per_s)


def parse_scenario(data: dict[str, Any], source: str = "scenario") -> Scenario:
    """Validate scenario data (a parsed TOML document).

    Raises:
        ScenarioError: an unknown key, a wrong type or a value out of range; the message names
            each offending key and what was expected.
    """
    try:
        return validate(Scenario, data, source)
    except ConfigError as exc:
        raise ScenarioError(str(exc)) from None


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a TOML scenario file.

    Raises:
        ScenarioError: the file cannot be read, is not TOML, or is not a valid scenario.
    """
    try:
        data = read_toml(path, "scenario")
    except ConfigError as exc:
        raise ScenarioError(str(exc)) from None
    return parse_scenario(data, str(path))
