"""Token policy, event hub, time format."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ocppkit.csms.clock import format_time, parse_time
from ocppkit.csms.commands import id_token_type
from ocppkit.csms.context import EventHub
from ocppkit.csms.tokens import TokenStore


def test_token_policy() -> None:
    assert TokenStore().is_accepted("anything", "Central")
    policy = TokenStore(["AbC"])
    assert policy.is_accepted("abc", "ISO14443")  # IdToken is case-insensitive
    assert not policy.is_accepted("other", "Central")
    assert policy.is_accepted("", "NoAuthorization")
    policy.issue("REMOTE")
    assert policy.is_accepted("remote", "Central")


def test_event_hub_isolates_failing_listeners(caplog: pytest.LogCaptureFixture) -> None:
    hub, seen = EventHub(), []
    hub.add(lambda *_: 1 / 0)
    hub.add(lambda kind, charger_id, data: seen.append((kind, charger_id, data)))
    hub.emit("status", "CP1", {"x": 1})
    assert seen == [("status", "CP1", {"x": 1})]
    assert "listener" in caplog.text


def test_time_format() -> None:
    assert format_time(datetime(2025, 1, 2, 3, 4, 5, 678900, tzinfo=UTC)) == (
        "2025-01-02T03:04:05.678Z"
    )
    plus_two = datetime(2025, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    assert format_time(plus_two) == "2025-01-02T03:04:05.000Z"
    assert parse_time("2025-01-02T05:04:05+02:00") == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert parse_time("2025-01-02T03:04:05") == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert parse_time("0001-01-01T00:00:00+05:00").year == 1  # clamped, not OverflowError


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("DEADBEEF", "ISO14443"),
        ("04a1b2c3d4e5f6", "ISO14443"),
        ("DEMO_TOKEN", "Central"),
        ("ABC", "Central"),
        ("DEADBEEF0", "Central"),
    ],
)
def test_id_token_type(token: str, kind: str) -> None:
    assert id_token_type(token) == kind
