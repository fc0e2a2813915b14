"""The fleet views' readings: per-phase values from phase-tagged samples (scaled by unit and
multiplier), a transaction's curve from stored sampled values grouped by time, and the station
selection's EVSE status (its most significant connector's), and the energy delivered today."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ocppkit.csms.fleet import StationFilter, per_phase, select_stations, transaction_curve
from ocppkit.csms.queries import TransactionHistory
from ocppkit.csms.registry import ChargerRegistry, ConnectorStatus
from ocppkit.protocol.models import SampledValueType

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _sample(value: float, measurand: str, unit: str, phase: str | None = None, mult: int = 0):
    return SampledValueType.model_validate(
        {
            "value": value,
            "measurand": measurand,
            "unitOfMeasure": {"unit": unit, "multiplier": mult},
            **({"phase": phase} if phase else {}),
        }
    )


def test_per_phase_reads_phase_to_neutral_tags_and_scales() -> None:
    samples = [
        _sample(16, "Current.Import", "A", "L1"),
        _sample(155, "Current.Import", "A", "L2", mult=-1),
        _sample(231, "Voltage", "V", "L1-N"),
        _sample(0.4, "Voltage", "kV", "L1-L2"),  # phase to phase: not a phase's own voltage
        _sample(48, "Current.Import", "A"),  # no phase: not per phase
    ]
    assert per_phase(samples, "Current.Import", "A") == {"L1": 16.0, "L2": 15.5}
    assert per_phase(samples, "Voltage", "V") == {"L1": 231.0}


def _row(at: str, measurand: str, value: float, unit: str, multiplier: int = 0, phase=None):
    return {
        "timestamp": at,
        "measurand": measurand,
        "value": value,
        "unit": unit,
        "multiplier": multiplier,
        "phase": phase,
        "context": "Sample.Periodic",
    }


def test_curve_from_stored_values_groups_by_time_and_sums_phases() -> None:
    rows = [
        _row("2026-01-01T00:00:10Z", "Energy.Active.Import.Register", 1.5, "kWh"),
        _row("2026-01-01T00:00:10Z", "Power.Active.Import", 7, "kW"),
        _row("2026-01-01T00:00:00Z", "Energy.Active.Import.Register", 1000, "Wh"),
        _row("2026-01-01T00:00:00Z", "Power.Active.Import", 10, "W", multiplier=2),
        _row("2026-01-01T00:00:20Z", "Power.Active.Import", 2000, "W", phase="L1"),
        _row("2026-01-01T00:00:20Z", "Power.Active.Import", 2500, "W", phase="L2"),
        _row("2026-01-01T00:00:20Z", "Current.Import", 16, "A", phase="L1"),
        _row("2026-01-01T00:00:30Z", "SoC", 50, "Percent"),  # no power or energy: no point
    ]
    detail = {"source": "database", "meter_start_wh": 1000.0, "meter_values": rows}
    assert transaction_curve(detail) == [
        {"timestamp": "2026-01-01T00:00:00.000Z", "power_w": 1000.0, "energy_kwh": 0.0},
        {"timestamp": "2026-01-01T00:00:10.000Z", "power_w": 7000.0, "energy_kwh": 0.5},
        {"timestamp": "2026-01-01T00:00:20.000Z", "power_w": 4500.0, "energy_kwh": None},
    ]


def test_curve_from_memory_is_thinned_keeping_the_first_and_last() -> None:
    values = [
        {"timestamp": f"2026-01-01T00:{m:02d}:00Z", "energy_wh": 100.0 * m, "power_w": 6000.0}
        for m in range(60)
    ]
    curve = transaction_curve(
        {"source": "memory", "meter_start_wh": 0.0, "meter_values": values}, 5
    )
    assert len(curve) == 5
    assert curve[0]["energy_kwh"] == 0.0 and curve[-1]["energy_kwh"] == 5.9


def test_status_filter_and_sort_read_each_evse_by_its_most_significant_connector() -> None:
    registry = ChargerRegistry()
    two = registry.ensure("CP_TWO_CONNECTORS")  # EVSE 1: Available and Occupied -> Occupied
    two.connectors[(1, 1)] = ConnectorStatus("Available", T0, T0)
    two.connectors[(1, 2)] = ConnectorStatus("Occupied", T0, T0)
    free = registry.ensure("CP_FREE")
    free.connectors[(1, 1)] = ConnectorStatus("Available", T0, T0)
    registry.ensure("CP_NO_STATUS")

    def ids(where: StationFilter, sort: str = "id") -> list[str]:
        return [c.charger_id for c in select_stations(registry, where, sort)[1]]

    assert ids(StationFilter(status="Available")) == ["CP_FREE"]
    assert ids(StationFilter(status="Occupied")) == ["CP_TWO_CONNECTORS"]
    assert ids(StationFilter(), "status") == ["CP_TWO_CONNECTORS", "CP_FREE", "CP_NO_STATUS"]
    assert ids(StationFilter(search="free")) == ["CP_FREE"]


def test_energy_today_counts_what_arrives_on_the_utc_day_and_starts_again_at_midnight() -> None:
    now = [datetime(2026, 1, 1, 23, 50, tzinfo=UTC)]
    history = TransactionHistory(clock=lambda: now[0])

    def event(wh: float, kind: str = "Updated") -> None:
        data = {"transaction_id": "T1", "event_type": kind, "meter_start_wh": 1000.0}
        history.on_event("transaction", "CP_1", {**data, "meter_last_wh": 1000.0 + wh})

    event(0.0, "Started")
    event(400.0)
    assert history.energy_today_wh() == 400.0
    now[0] += timedelta(minutes=20)  # past midnight: a new day, nothing delivered on it yet
    assert history.energy_today_wh() == 0.0
    event(1000.0)
    event(900.0)  # a late, older reading moves nothing back
    assert history.energy_today_wh() == 600.0
    assert history.energy_delivered_wh == 1000.0
