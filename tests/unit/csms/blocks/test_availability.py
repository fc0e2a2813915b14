"""G Availability: StatusNotification, Heartbeat, and who is taken as offline."""

from datetime import timedelta

from ocppkit.csms.blocks.availability import default_offline_grace, unresponsive

from .support import NOW, Csms


async def test_status_notification_is_kept_per_connector_and_emitted() -> None:
    csms = Csms()
    seen = []
    csms.events.add(lambda kind, station, data: seen.append((kind, data)))
    status = {
        "timestamp": "2025-01-02T03:00:00Z",
        "connectorStatus": "Occupied",
        "evseId": 1,
        "connectorId": 2,
    }
    assert await csms.send("CP", "StatusNotification", status) == {}
    assert csms.registry.ensure("CP").connectors[(1, 2)].status == "Occupied"  # G01
    assert seen == [
        (
            "status",
            {
                "evse_id": 1,
                "connector_id": 2,
                "status": "Occupied",
                "timestamp": "2025-01-02T03:00:00.000Z",
            },
        )
    ]


async def test_heartbeat_answers_the_csms_time() -> None:
    assert await Csms().send("CP", "Heartbeat", {}) == {"currentTime": "2025-01-02T03:04:05.000Z"}


def test_offline_grace_and_silent_stations() -> None:
    csms = Csms()
    assert default_offline_grace(30) == 70.0
    charger = csms.registry.ensure("CP")
    charger.last_seen = NOW - timedelta(seconds=100)
    assert unresponsive(csms.ctx, 70) == []  # not connected: nothing to close
