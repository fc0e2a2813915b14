"""The pure cost module: prices, rounding, validation and tariff selection (block I)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from ocppkit.csms.cost import Tariff, TariffError, Usage, compute_cost, select_tariff
from ocppkit.csms.tariffs import TariffBook, tariff_from_dict, tariff_to_dict

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_cost_adds_the_four_parts_exactly_and_rounds_the_total_once() -> None:
    tariff = Tariff(
        "t1",
        "EUR",
        energy_price_kwh=Decimal("0.30"),
        time_price_hour=Decimal("1.20"),
        session_fee=Decimal("0.50"),
        idle_fee_hour=Decimal("6"),
    )
    cost = compute_cost(tariff, Usage(energy_wh=1234.5, duration_s=1800, idle_s=600))
    assert cost.energy == Decimal("0.370350")  # 1.2345 kWh exactly, no float error
    assert cost.time == Decimal("0.60")
    assert cost.idle == Decimal("1")
    assert cost.total == Decimal("2.47")  # 0.5 + 0.37035 + 0.6 + 1 = 2.47035
    assert cost.currency == "EUR"


def test_rounding_is_half_up_to_the_cent() -> None:
    tariff = Tariff("t", "EUR", energy_price_kwh=Decimal("0.25"))
    assert compute_cost(tariff, Usage(energy_wh=100, duration_s=0)).total == Decimal("0.03")
    assert compute_cost(tariff, Usage(energy_wh=-5, duration_s=0)).total == Decimal("0.00")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"currency": "euro"}, "ISO 4217"),
        ({"currency": "EUR", "energy_price_kwh": "-1"}, "from 0 to"),
        ({"currency": "EUR", "time_price_hour": "1E+999999"}, "from 0 to"),
        ({"currency": "EUR", "session_fee": "abc"}, "must be a number"),
        ({"currency": "EUR", "valid_from": T0, "valid_to": T0}, "after valid_from"),
        ({"currency": "EUR", "valid_from": datetime(2026, 1, 1)}, "time zone"),
    ],
)
def test_bad_tariffs_are_refused_with_a_reason(fields: dict, message: str) -> None:
    with pytest.raises(TariffError, match=message):
        Tariff("t", **fields)


def test_the_most_specific_valid_tariff_is_selected() -> None:
    general = Tariff("a-general", "EUR")
    station = Tariff("b-station", "EUR", station_ids=("CS1",))
    both = Tariff("c-both", "EUR", station_ids=("CS1",), id_token_groups=("fleet",))
    expired = Tariff("d", "EUR", station_ids=("CS1",), id_token_groups=("fleet",), valid_to=T0)
    tariffs = [general, station, both, expired]
    at = T0 + timedelta(days=1)
    assert select_tariff(tariffs, "CS1", "fleet", at) is both
    assert select_tariff(tariffs, "CS1", None, at) is station
    assert select_tariff(tariffs, "CS2", "fleet", at) is general
    assert select_tariff([station], "CS2", None, at) is None


def test_json_form_round_trips_with_prices_as_text() -> None:
    data = {"currency": "EUR", "energy_price_kwh": 0.3, "station_ids": ["CS1"], "text": "hi"}
    tariff = tariff_from_dict("t", data)
    form = tariff_to_dict(tariff)
    assert form["energy_price_kwh"] == "0.3"
    assert tariff_from_dict("t", form) == tariff
    with pytest.raises(TariffError, match="unknown tariff field"):
        tariff_from_dict("t", {"currency": "EUR", "price": 1})
    with pytest.raises(TariffError, match="needs a currency"):
        tariff_from_dict("t", {})


async def test_book_keeps_puts_and_removes() -> None:
    book = TariffBook()
    assert await book.put(Tariff("t", "EUR")) is True
    assert await book.put(Tariff("t", "USD")) is False
    assert book.get("t") == Tariff("t", "USD")
    assert book.tariff_for("CS1", None, T0) == Tariff("t", "USD")
    assert await book.remove("t") is True
    assert await book.remove("t") is False
    assert book.all() == []


def test_idle_time_runs_after_charging_until_it_charges_again() -> None:
    from ocppkit.csms.cost import TransactionCost

    cost = TransactionCost(Tariff("t", "EUR", idle_fee_hour=Decimal("3600")))
    cost.note_state("EVConnected", T0)  # before charging: not idle
    assert cost.idle_until(T0 + timedelta(seconds=10)) == 0
    cost.note_state("Charging", T0 + timedelta(seconds=10))
    cost.note_state("SuspendedEV", T0 + timedelta(seconds=20))
    cost.note_state("Charging", T0 + timedelta(seconds=25))
    cost.note_state("EVConnected", T0 + timedelta(seconds=30))
    assert cost.idle_until(T0 + timedelta(seconds=32)) == 7
    assert cost.update(Usage(0, 40, cost.idle_until(T0 + timedelta(seconds=32)))) == 7
    assert cost.view(True) == {"total": 7.0, "currency": "EUR", "tariff_id": "t", "final": True}


def test_station_has_follows_the_device_model() -> None:
    from ocppkit.csms.blocks.tariff_cost import station_has
    from ocppkit.csms.device_models import NO_REPORT, DeviceModel
    from ocppkit.csms.registry import Charger

    def entry(variable: str, instance: str, value: str) -> dict:
        return {
            "component": {"name": "TariffCostCtrlr"},
            "variable": {"name": variable, "instance": instance},
            "variableAttribute": [{"type": "Actual", "value": value}],
        }

    charger = Charger("CS1")
    assert station_has(charger, "Cost")  # no report yet: assumed
    data = [entry("Enabled", "Cost", "false"), entry("Available", "Tariff", "true")]
    charger.device_model = DeviceModel(1, T0, T0, data)
    assert not station_has(charger, "Cost") and station_has(charger, "Tariff")
    charger.device_model = DeviceModel(1, T0, T0, [])
    assert not station_has(charger, "Cost")  # a full report without the controller
    charger.device_model = DeviceModel(NO_REPORT, T0, T0, [])
    assert station_has(charger, "Cost")
