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
        ({"currency": "EUR", "energy_price_kwh": "-1"}, ">= 0"),
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
