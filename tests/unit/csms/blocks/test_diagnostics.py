"""N Diagnostics: log status, monitoring reports, events, customer information."""

from .support import Csms

GENERATED = "2025-01-02T03:00:00Z"


async def test_log_status_moves_the_get_log() -> None:
    csms = Csms()
    get_log = await csms.command(
        "CP",
        "GetLog",
        {"log": {"remoteLocation": "ftp://logs/"}, "logType": "DiagnosticsLog", "requestId": 13},
        {"status": "Accepted", "filename": "cs.log"},
    )
    await csms.send("CP", "LogStatusNotification", {"status": "Uploading", "requestId": 13})
    assert get_log.progress == "Uploading"  # N01
    await csms.send("CP", "LogStatusNotification", {"status": "Uploaded", "requestId": 13})
    assert get_log.progress == "Uploaded"


async def test_reports_in_parts_are_receiving_until_the_last() -> None:
    csms = Csms()
    report = await csms.command(
        "CP", "GetMonitoringReport", {"requestId": 21}, {"status": "Accepted"}
    )
    part = {"requestId": 21, "generatedAt": GENERATED}
    await csms.send("CP", "NotifyMonitoringReport", {**part, "seqNo": 0, "tbc": True})
    assert report.progress == "Receiving"  # N02
    await csms.send("CP", "NotifyMonitoringReport", {**part, "seqNo": 1})
    assert report.progress == "Complete"
    info = {"requestId": 22, "generatedAt": GENERATED, "seqNo": 0, "data": "x"}
    await csms.send("CP", "NotifyCustomerInformation", info)  # N09: no command: kept only
    kept = await csms.tracker.messages("CP", "NotifyCustomerInformation")
    assert [(m["request_id"], m["command_id"]) for m in kept] == [(22, None)]


async def test_events_are_kept() -> None:
    csms = Csms()
    event = {
        "eventId": 1,
        "timestamp": GENERATED,
        "trigger": "Alerting",
        "actualValue": "95",
        "eventNotificationType": "CustomMonitor",
        "component": {"name": "EVSE"},
        "variable": {"name": "Temperature"},
    }
    wire = {"generatedAt": GENERATED, "seqNo": 0, "eventData": [event]}
    assert await csms.send("CP", "NotifyEvent", wire) == {}
    [kept] = await csms.tracker.messages("CP")
    assert kept["payload"]["eventData"] == [event]  # N07
