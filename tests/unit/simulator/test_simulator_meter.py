"""The pure meter model: P = V x I x phases, energy is the integral of power, limits hold."""

from __future__ import annotations

import random

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
