"""Fleet scenarios: parsing TOML, validation errors that name the key, seeded draws."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ocppkit.simulator.fleet import (
    ScenarioError,
    load_scenario,
    parse_scenario,
)
from ocppkit.simulator.fleet.runner import station_arguments
from ocppkit.simulator.fleet.scenario import (
    Dwell,
    dwell_seconds,
    next_arrival,
    stream,
)

FULL = """
seed = 42
id_prefix = "CP"
sample_interval = 30
id_tokens = ["TOKEN-A", "TOKEN-B"]

[[station_types]]
name = "AC3-22kW"
share = 3
num_connectors = 2
phases = 3
max_current = 32

[[station_types]]
name = "AC1-7kW"
share = 1
phases = 1
max_current = 32

[arrivals]
distribution = "exponential"
mean_s = 600

[dwell]
distribution = "normal"
mean_min = 45
stddev_min = 15
min_min = 5
max_min = 240

[faults]
connector_fault_per_hour = 0.5
duration_s = 30
"""


def write(tmp_path: Path, text: str, name: str = "fleet.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_toml_scenario_is_read(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, FULL))
    assert scenario.seed == 42 and scenario.sample_interval == 30
    assert [t.name for t in scenario.station_types] == ["AC3-22kW", "AC1-7kW"]
    assert scenario.station_types[0].num_connectors == 2
    assert scenario.station_types[1].phases == 1
    assert scenario.arrivals.mean_s == 600 and scenario.dwell.max_min == 240
    assert scenario.faults.rates() == {"connector": pytest.approx(0.5 / 3600)}
    assert scenario.station_id(0) == "CP-00001"


def test_an_empty_scenario_takes_the_defaults() -> None:
    scenario = parse_scenario({})
    assert scenario.id_tokens == ["FLEET-TOKEN"]
    assert scenario.station_types[0].name == "AC3-22kW"
    assert scenario.faults.rates() == {}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"arrivals": {"mean": 5}},
            "arrivals.mean: unknown key; the keys here are distribution, mean_s",
        ),
        (
            {"arrivals": {"mean_s": -1}},
            "arrivals.mean_s: -1 is not allowed; expected a number above 0",
        ),
        (
            {"dwell": {"distribution": "lognormal"}},
            'dwell.distribution: "lognormal" is not allowed; expected one of "normal", "fixed"',
        ),
        (
            {"station_types": [{"name": "X", "phases": 4}]},
            "station_types.0.phases: 4 is not allowed; expected a whole number from 1 to 3",
        ),
        (
            {"station_types": [{"share": 1}]},
            "station_types.0.name: missing; expected text of 1 to 40 characters",
        ),
        ({"id_tokens": []}, "id_tokens: [] is not allowed; expected a list of text"),
        ({"seed": "abc"}, 'seed: "abc" is not allowed; expected a whole number'),
        ({"id_prefix": "bad id"}, 'id_prefix: "bad id" cannot begin station ids: '),
        ({"dwell": {"min_min": 10, "max_min": 5}}, "min_min (10.0) must not exceed max_min"),
        ({"speed": 3}, "speed: unknown key; the keys here are seed, id_prefix, "),
    ],
)
def test_a_bad_scenario_names_the_key_and_what_was_expected(
    data: dict[str, object], expected: str
) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data, "fleet.toml")
    assert str(caught.value).startswith("fleet.toml: ")
    assert expected in str(caught.value)


def test_unreadable_files_are_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(tmp_path / "missing.toml")
    with pytest.raises(ScenarioError, match="not valid TOML"):
        load_scenario(write(tmp_path, "seed = = 1"))
    with pytest.raises(ScenarioError, match="YAML scenarios are not supported"):
        load_scenario(write(tmp_path, "seed: 1", "fleet.yaml"))


def test_station_types_follow_the_shares_in_a_seeded_order(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, FULL))
    types = scenario.assign_types(10)
    counts = Counter(t.name for t in types)
    assert counts == {"AC3-22kW": 8, "AC1-7kW": 2}  # 7.5 and 2.5: the larger remainder first
    assert [t.name for t in scenario.assign_types(10)] == [t.name for t in types]
    other = scenario.model_copy(update={"seed": 7}).assign_types(10)
    orders = {tuple(t.name for t in other), tuple(t.name for t in types)}
    assert Counter(t.name for t in other) == counts and len(orders) >= 1


def test_arrivals_are_reproducible_from_the_seed_and_differ_per_station() -> None:
    scenario = parse_scenario({"seed": 3, "arrivals": {"mean_s": 60}})

    def draws(seed: int, index: int) -> list[float | None]:
        rng = stream(seed, index, "events")
        return [next_arrival(scenario.arrivals, rng) for _ in range(5)]

    assert draws(3, 0) == draws(3, 0)
    assert draws(3, 0) != draws(3, 1)
    assert draws(3, 0) != draws(4, 0)
    many = [next_arrival(scenario.arrivals, stream(3, 9, "x")) for _ in range(1)]
    assert all(d is not None and d > 0 for d in many)
    off = parse_scenario({"arrivals": {"distribution": "none"}})
    assert next_arrival(off.arrivals, stream(0, 0, "events")) is None


def test_arrival_mean_is_the_scenario_mean() -> None:
    scenario = parse_scenario({"arrivals": {"mean_s": 120}})
    rng = stream(1, 0, "events")
    draws = [next_arrival(scenario.arrivals, rng) or 0.0 for _ in range(4000)]
    assert sum(draws) / len(draws) == pytest.approx(120, rel=0.1)


def test_dwell_is_clipped_and_fixed_dwell_is_exact() -> None:
    normal = Dwell(mean_min=30, stddev_min=100, min_min=5, max_min=60)
    rng = stream(0, 0, "events")
    values = [dwell_seconds(normal, rng) for _ in range(500)]
    assert min(values) == 5 * 60 and max(values) == 60 * 60
    assert dwell_seconds(Dwell(distribution="fixed", mean_min=2), rng) == 120


def test_a_station_type_is_passed_to_the_simulator_only_when_named() -> None:
    scenario = parse_scenario({"station_types": [{"name": "DC", "station_type": "DC"}]})
    assert station_arguments(scenario.station_types[0])["station_type"] == "DC"
    assert "station_type" not in station_arguments(parse_scenario({}).station_types[0])


def test_a_dc_station_type_keeps_its_dc_rating() -> None:
    """The AC defaults (3 x 230 V x 16 A) are not forced on a DC kind: it stays 150 kW."""
    from ocppkit.simulator import ChargerSimulator

    scenario = parse_scenario(
        {"station_types": [{"name": "DC", "station_type": "DC"}, {"name": "AC", "max_current": 32}]}
    )
    dc, ac = (station_arguments(kind) for kind in scenario.station_types)
    assert "max_current" not in dc and "voltage" not in dc and ac["max_current"] == 32
    sim = ChargerSimulator("X", "ws://127.0.0.1:1", **dc)
    meter = sim.evses[1].meter
    assert (meter.max_power_w, meter.max_current, meter.nominal_voltage) == (150_000, 400, 400)


def test_iso15118_station_types_make_evs_that_tell_their_needs() -> None:
    scenario = parse_scenario(
        {
            "station_types": [
                {"name": "DC-15118", "station_type": "DC", "iso15118": True, "share": 1},
                {"name": "AC", "share": 1},
            ]
        }
    )
    assert [station_arguments(kind)["ev_charging_needs"] for kind in scenario.station_types] == [
        True,
        False,
    ]
    with pytest.raises(
        ScenarioError,
        match=r"station_types\.0\.iso15118: \"sometimes\" is not allowed; expected true or false",
    ):
        parse_scenario({"station_types": [{"name": "X", "iso15118": "sometimes"}]})


def test_a_bad_ev_model_names_the_key() -> None:
    with pytest.raises(ScenarioError, match=r"ev_models\.0\.battery_kwh"):
        parse_scenario({"ev_models": [{"name": "van", "battery_kwh": -1}]}, "fleet.toml")


def test_scenario_ev_models_become_simulator_cars() -> None:
    scenario = parse_scenario(
        {
            "ev_models": [
                {"name": "city", "battery_kwh": 30, "max_ac_kw": 3.7, "max_dc_kw": 40},
                {"name": "tourer", "battery_kwh": 90, "max_ac_kw": 22, "max_dc_kw": 200},
            ]
        }
    )
    city, tourer = (m.to_simulator() for m in scenario.ev_models)
    assert (city.ac_phases, round(city.max_ac_current, 1), city.max_dc_w) == (1, 16.1, 40_000)
    assert (tourer.ac_phases, round(tourer.max_ac_current, 1)) == (3, 31.9)
    assert tourer.battery_kwh == 90


def test_an_ev_mix_draws_cars_by_share_reproducibly() -> None:
    from ocppkit.simulator.ev import EV_CATALOGUE, ev_source

    mix = [(EV_CATALOGUE["compact"], 3.0), (EV_CATALOGUE["van"], 1.0)]
    draw = ev_source(mix, "seed-1")
    names = [draw().model.name for _ in range(400)]
    assert set(names) == {"compact", "van"}
    assert 250 <= names.count("compact") <= 350  # about three in four
    again = ev_source(mix, "seed-1")
    assert [again().model.name for _ in range(400)] == names
    with pytest.raises(ValueError, match="positive shares"):
        ev_source([(EV_CATALOGUE["van"], 0.0)], "seed-1")
