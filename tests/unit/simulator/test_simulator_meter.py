"""The pure meter model: P = V x I x phases, energy is the integral of power, limits hold."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocppkit.simulator.meter import NO_LIMIT, ChargingLimit, MeterModel, offered_current


def meter(seed: int = 1, phases: int = 3) -> MeterModel:
    return MeterModel(phases, 230.0, 16.0, random.Random(seed))


def test_power_is_voltage_times_current_times_phases() -> None:
    m = meter()
    m.update(0.0, charging=True)
    assert m.current_a == 16.0
    assert m.power_w == pytest.approx(m.voltage_v * 16.0 * 3)
    assert 0.99 * 230 <= m.voltage_v <= 1.01 * 230


def test_energy_is_power_integrated_over_time() -> None:
    m = meter()
    m.update(10.0, charging=True)
    power = m.power_w
    assert m.energy_at(10.0) == 0.0
    assert m.energy_at(3610.0) == pytest.approx(power)  # one hour at constant power
    m.update(3610.0, charging=False)
    assert m.power_w == 0.0
    assert m.energy_at(7210.0) == pytest.approx(power)


def test_a_clock_going_back_changes_nothing() -> None:
    m = meter()
    m.update(100.0, charging=True)
    before = m.energy_at(200.0)
    assert m.energy_at(150.0) == before
    m.update(120.0, charging=True)
    assert m.energy_at(200.0) == before


steps = st.lists(
    st.tuples(
        st.floats(0.0, 600.0),  # seconds until the next update
        st.booleans(),  # charging from there
        st.one_of(st.none(), st.floats(-5.0, 40.0)),  # amps limit
        st.one_of(st.none(), st.floats(-100.0, 20000.0)),  # watts limit
        st.one_of(st.none(), st.integers(1, 3)),  # phases
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(steps=steps, seed=st.integers(0, 2**32))
def test_register_is_the_exact_integral_never_decreases_and_limits_hold(steps, seed) -> None:
    m = meter(seed)
    now, expected, last = 0.0, 0.0, 0.0
    m.update(now, charging=False)
    for dt, charging, amps, watts, phases in steps:
        expected += m.power_w * dt / 3600
        now += dt
        register = m.energy_at(now)
        assert register >= last
        assert register == pytest.approx(expected, rel=1e-9, abs=1e-9)
        last = register
        limit = ChargingLimit(amps, watts, phases)
        m.update(now, charging=charging, limit=limit)
        assert 0.0 <= m.current_a <= 16.0
        assert m.power_w == pytest.approx(m.voltage_v * m.current_a * m.phases_in_use)
        if amps is not None:
            assert m.current_a <= max(amps, 0.0) + 1e-9
        if watts is not None:
            assert m.power_w <= max(watts, 0.0) + 1e-6
        if not charging:
            assert m.power_w == 0.0


def test_reading_does_not_draw_noise_so_seeded_runs_repeat() -> None:
    a, b = meter(seed=5), meter(seed=5)
    for t in range(5):
        a.update(float(t), charging=True)
        b.energy_at(t - 0.5)  # reads between updates
        b.energy_at(t - 0.25)
        b.update(float(t), charging=True)
        assert a.voltage_v == b.voltage_v
    assert a.energy_at(10.0) == b.energy_at(10.0)
    assert meter(seed=6).voltage_v == meter(seed=5).voltage_v == 230.0


def test_offered_current_takes_the_tightest_limit() -> None:
    assert offered_current(16, 230, 3, NO_LIMIT) == 16
    assert offered_current(16, 230, 3, ChargingLimit(amps=6)) == 6
    assert offered_current(16, 230, 1, ChargingLimit(watts=2300)) == pytest.approx(10)
    assert offered_current(16, 230, 3, ChargingLimit(amps=10, watts=2300)) == pytest.approx(10 / 3)
    assert offered_current(16, 230, 3, ChargingLimit(amps=-1)) == 0


def test_limits_combine_and_share() -> None:
    a, b = ChargingLimit(amps=10), ChargingLimit(amps=6, watts=5000, phases=1)
    assert a.combine(b) == ChargingLimit(6, 5000, 1)
    assert ChargingLimit(amps=16, watts=9000).share(2) == ChargingLimit(8, 4500)
    assert NO_LIMIT.share(3) == NO_LIMIT


# --- station types, EVs, DC, SoC, station-wide sharing ---

from ocppkit.simulator.ev import EV_CATALOGUE, ElectricVehicle, EvModel, arriving_ev, ev_source  # noqa: E402
from ocppkit.simulator.meter import divide, share_station_limit, station_supply  # noqa: E402


def test_station_types_have_sensible_ratings() -> None:
    assert station_supply("AC3").max_power_w == pytest.approx(11040)
    assert station_supply("AC1") == station_supply("AC1", phases=1, max_current=32.0)
    assert station_supply("AC1").phases == 1
    assert station_supply("DC").max_power_w == 150_000
    assert station_supply("DC", max_power_w=50_000).max_power_w == 50_000
    with pytest.raises(ValueError):
        station_supply("AC7")


def test_soc_taper_above_80_percent_reaches_full() -> None:
    model = EV_CATALOGUE["sedan"]
    assert model.acceptance_w(50) == model.max_dc_w
    assert model.acceptance_w(90) == pytest.approx(model.max_dc_w / 2)
    assert 0 < model.acceptance_w(99.99) < model.acceptance_w(95)
    assert model.acceptance_w(100) == 0
    ev = ElectricVehicle(model, 99.9)
    assert ev.charge(1e6) == pytest.approx(model.battery_wh * 0.001)
    assert ev.full and ev.soc == pytest.approx(100)
    with pytest.raises(ValueError):
        EvModel("bad", 50, 16, 4, 50_000)


def dc_meter(ev: ElectricVehicle | None, max_power_w: float = 150_000) -> MeterModel:
    m = MeterModel(1, 400.0, 400.0, random.Random(3), dc=True, max_power_w=max_power_w)
    m.plug(ev)
    return m


def test_dc_power_is_the_least_of_station_ev_at_its_soc_and_the_limit() -> None:
    car = EV_CATALOGUE["compact"]  # 50 kW DC
    m = dc_meter(ElectricVehicle(car, 30.0))
    m.update(0.0, charging=True)
    assert m.power_w == pytest.approx(50_000)
    assert m.current_a == pytest.approx(50_000 / m.voltage_v)
    m.update(1.0, charging=True, limit=ChargingLimit(watts=20_000))
    assert m.power_w == pytest.approx(20_000)
    m.update(2.0, charging=True, limit=ChargingLimit(amps=50))
    assert m.current_a == pytest.approx(50) and m.charging_state == "Charging"
    fast = dc_meter(ElectricVehicle(EV_CATALOGUE["performance"], 20.0), max_power_w=150_000)
    fast.update(0.0, charging=True)
    assert fast.power_w == pytest.approx(150_000)  # the station's maximum


def test_dc_soc_rises_tapers_and_suspends_the_ev_when_full() -> None:
    ev = ElectricVehicle(EV_CATALOGUE["compact"], 78.0)  # 40 kWh
    m = dc_meter(ev)
    socs, powers, now = [], [], 0.0
    while not ev.full and now < 20_000:
        m.update(now, charging=True)
        socs.append(m.soc)
        powers.append(m.power_w)
        now += 30.0
    m.update(now, charging=True)
    assert socs == sorted(socs) and ev.full
    assert powers[-1] < powers[0] / 5  # tapered
    assert m.power_w == 0 and m.charging_state == "SuspendedEV"
    assert m.energy_at(now) == pytest.approx(40_000 * 0.22, rel=1e-6)  # exactly what it took


def test_ac_current_is_capped_by_the_on_board_charger_and_its_phases() -> None:
    m = MeterModel(3, 230.0, 32.0, random.Random(1))
    m.plug(ElectricVehicle(EV_CATALOGUE["compact"], 20.0))  # 1 phase x 32 A
    m.update(0.0, charging=True)
    assert (m.phases_in_use, m.current_a) == (1, 32.0)
    m.plug(ElectricVehicle(EV_CATALOGUE["sedan"], 20.0))  # 3 phases x 16 A
    m.update(1.0, charging=True)
    assert (m.phases_in_use, m.current_a) == (3, 16.0)
    assert m.soc is not None and m.soc > 20.0 - 1e-9


def test_a_limit_under_min_charging_rate_suspends_the_evse() -> None:
    m = meter()
    m.update(0.0, charging=True, limit=ChargingLimit(amps=5.0, min_amps=6.0))
    assert m.current_a == 0 and m.charging_state == "SuspendedEVSE"
    m.update(1.0, charging=True, limit=ChargingLimit(amps=0.0))
    assert m.charging_state == "SuspendedEVSE"


def test_follow_plug_brings_a_seeded_ev_and_takes_it_away() -> None:
    def source() -> Any:
        return ev_source("van", random.Random("7:CP:ev:1"))

    m, again = meter(), meter()
    m.ev_source, again.ev_source = source(), source()
    assert m.follow_plug(True, 0.0) and again.follow_plug(True, 0.0)
    assert m.ev is not None and again.ev is not None and m.ev.soc == again.ev.soc
    assert 5.0 <= m.ev.soc <= 40.0
    assert not m.follow_plug(True, 1.0)  # the same EV stays
    m.follow_plug(False, 2.0)
    assert m.ev is None and m.current_a == 0
    assert ev_source(None, random.Random(1))() is None
    assert arriving_ev(EV_CATALOGUE["sedan"], random.Random(2)).model.name == "sedan"


def test_divide_is_water_filling() -> None:
    assert divide(20, [16, 16]) == [10, 10]
    assert divide(20, [4, 16]) == [4, 16]
    assert divide(20, [4, 16, 16]) == [4, 8, 8]
    assert divide(-5, [4]) == [0]


@settings(max_examples=100, deadline=None)
@given(
    capacity=st.floats(0, 100),
    demands=st.lists(st.floats(0, 50), max_size=6),
)
def test_divide_never_exceeds_capacity_nor_demand(capacity, demands) -> None:
    shares = divide(capacity, demands)
    assert sum(shares) <= capacity + 1e-9
    assert all(0 <= s <= d + 1e-9 for s, d in zip(shares, demands, strict=True))


def test_k04_station_limit_goes_where_it_is_used() -> None:
    small, big = meter(seed=1), meter(seed=2)
    shares = share_station_limit(
        ChargingLimit(amps=20.0), [(small, ChargingLimit(amps=4.0)), (big, NO_LIMIT)]
    )
    assert shares == [ChargingLimit(amps=4.0), ChargingLimit(amps=16.0)]
    watts = share_station_limit(ChargingLimit(watts=9000.0), [(small, NO_LIMIT), (big, NO_LIMIT)])
    assert [w.watts for w in watts] == [4500.0, 4500.0]
