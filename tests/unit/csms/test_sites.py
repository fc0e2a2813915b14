"""Site allocation strategies (K01 site limits), pure: shares never sum above what is
available, idle stations get 0 W, a station never gets more than it can take."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ocppkit.csms.sites import STRATEGIES, Demand, Site, by_needs, equal_share, first_come

T0 = datetime(2025, 1, 2, tzinfo=UTC)
T1 = datetime(2025, 1, 3, tzinfo=UTC)


def test_equal_share_fills_up_to_each_stations_maximum() -> None:
    demands = [
        Demand("A", True, max_w=7_000),
        Demand("B", True, max_w=None),
        Demand("C", True, max_w=30_000),
        Demand("D", False, max_w=11_000),
    ]
    shares = equal_share(50_000, demands)
    assert shares == {"A": 7_000, "B": 21_500, "C": 21_500, "D": 0.0}


def test_first_come_serves_in_start_order() -> None:
    demands = [
        Demand("late", True, since=T1, max_w=22_000),
        Demand("early", True, since=T0, max_w=40_000),
    ]
    assert first_come(50_000, demands) == {"early": 40_000, "late": 10_000}


def test_by_needs_gives_what_the_evs_asked_then_splits_the_rest() -> None:
    demands = [
        Demand("A", True, wanted_w=5_000, max_w=22_000),
        Demand("B", True, wanted_w=30_000, max_w=22_000),
        Demand("C", True, wanted_w=None, max_w=None),
    ]
    shares = by_needs(40_000, demands)
    assert sum(shares.values()) == pytest.approx(40_000)
    assert shares["A"] >= 5_000 and shares["B"] <= 22_000


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_no_strategy_allocates_more_than_available(name: str) -> None:
    demands = [Demand(f"S{n}", n % 3 != 0, T0, 3_000.0 * n, 11_000) for n in range(10)]
    shares = STRATEGIES[name](50_000, demands)
    assert sum(shares.values()) <= 50_000 + 1e-6
    assert all(shares[d.station_id] == 0 for d in demands if not d.charging)
    assert all(0 <= share <= 11_000 + 1e-6 for share in shares.values())


@pytest.mark.parametrize(
    ("site", "reason"),
    [
        (Site("s", 0, ["A"]), "above 0 W"),
        (Site("s", 1, ["A"], "random"), "no allocation strategy 'random'"),
        (Site("s", 1, ["A", "A"]), "named twice"),
        (Site("", 1, ["A"]), "1 to 64 characters"),
    ],
)
def test_a_site_that_cannot_be_used_says_why(site: Site, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        site.check()
