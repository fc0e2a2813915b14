"""The tracker's generic record keeping: request ids, progress, failure statuses, rules given by
blocks, the in-memory history and its restore, payloads kept as JSON text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ocppkit.csms.context import EventHub
from ocppkit.csms.store import Store, TrackingChange
from ocppkit.csms.tracking import (
    CommandRule,
    Notice,
    StationObjects,
    Tracker,
    failure_status,
    progress_of,
    request_id_of,
)
from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, NotSupportedError
from ocppkit.protocol.models import (
    ClearCacheRequest,
    ClearCacheResponse,
    GetLogRequest,
    LogStatusNotificationRequest,
    NotifyReportRequest,
    ReservationStatusUpdateRequest,
    ResetRequest,
    SecurityEventNotificationRequest,
)
from ocppkit.storage.records import CommandRecord, StationObjectRecord, TrackingState

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


class RecordingStore(Store):
    def __init__(self) -> None:
        self.changes: list[TrackingChange] = []

    async def tracking_changed(self, change: TrackingChange) -> None:
        self.changes.append(change)


def tracker(store: Store | None = None, history: int = 200) -> Tracker:
    return Tracker(lambda: T0, store or Store(), EventHub(), history)


def test_request_id_of() -> None:
    get_log = GetLogRequest.model_validate(
        {"log": {"remoteLocation": "ftp://x/"}, "logType": "DiagnosticsLog", "requestId": 7}
    )
    assert request_id_of(get_log) == 7  # the default: requestId
    assert request_id_of(ResetRequest(type="Immediate")) is None
    assert request_id_of(get_log, CommandRule(request_id=lambda r: 2**70)) is None  # not int64


def test_progress_is_the_status_or_receiving_until_the_last_part() -> None:
    assert progress_of(LogStatusNotificationRequest(status="Uploaded")) == "Uploaded"
    update = ReservationStatusUpdateRequest(reservation_id=1, reservation_update_status="Removed")
    assert progress_of(update, "reservation_update_status") == "Removed"
    part = {"requestId": 1, "generatedAt": "2025-01-02T03:04:05Z", "seqNo": 0}
    assert progress_of(NotifyReportRequest.model_validate({**part, "tbc": True})) == "Receiving"
    assert progress_of(NotifyReportRequest.model_validate(part)) == "Complete"


def test_failure_statuses() -> None:
    assert failure_status(CallTimeoutError("Reset", "m1", 1.0)) == "Timeout"
    assert failure_status(NotConnectedError("gone")) == "NotConnected"
    assert failure_status(NotSupportedError("no")) == "CallError:NotSupported"


async def test_rules_get_the_typed_request_and_response() -> None:
    seen: list[tuple[str, object, object]] = []

    def sent(objects: StationObjects, request: ClearCacheRequest) -> None:
        seen.append(("sent", request, None))

    def answered(objects: StationObjects, request: object, response: object) -> None:
        seen.append(("answered", request, response))

    store = RecordingStore()
    track = Tracker(
        lambda: T0, store, EventHub(), rules={"ClearCache": CommandRule(None, sent, answered)}
    )
    request, response = ClearCacheRequest(), ClearCacheResponse(status="Accepted")
    command = await track.sent("CP1", "ClearCache", request)
    await track.answered(command, response)
    assert seen == [("sent", request, None), ("answered", request, response)]
    assert (command.payload, command.response, command.status) == (
        "{}",
        '{"status":"Accepted"}',
        "Accepted",
    )
    [view] = await track.commands("CP1")
    assert (view["payload"], view["response"]) == ({}, {"status": "Accepted"})  # JSON again
    with pytest.raises(RuntimeError, match="twice"):
        track.learn({"ClearCache": CommandRule()})


async def test_history_is_bounded_newest_first_and_paged() -> None:
    track = tracker(history=3)
    for _ in range(5):
        await track.sent("CP1", "ClearCache", ClearCacheRequest())
    page = await track.commands("CP1", limit=2)
    assert [c["id"] for c in page] == [5, 4]
    assert [c["id"] for c in await track.commands("CP1", before_id=4)] == [3]


async def test_restore_continues_ids_and_matches_restored_commands() -> None:
    track = tracker()
    old = CommandRecord(41, "CP1", "GetLog", 7, {"requestId": 7}, T0, "Accepted")
    obj = StationObjectRecord("CP1", "reservation", "5", {"id": 5}, T0, 1, "Accepted")
    track.restore(TrackingState([old], [obj], last_command_id=41, last_message_id=8))
    assert (await track.sent("CP1", "ClearCache", ClearCacheRequest())).id == 42
    assert track.find_command("CP1", ("GetLog",), 7) is old
    message = await track.notified(
        "CP1",
        "SecurityEventNotification",
        SecurityEventNotificationRequest(type="Reboot", timestamp="2025-01-02T03:04:05Z"),
        Notice(),
    )
    assert message.id == 9
    assert track.objects("CP1", "reservation")[0]["status"] == "Accepted"


async def test_a_notification_moves_its_command_and_changes_objects_in_one_change() -> None:
    store = RecordingStore()
    track = tracker(store)
    get_log = GetLogRequest.model_validate(
        {"log": {"remoteLocation": "ftp://x/"}, "logType": "DiagnosticsLog", "requestId": 7}
    )
    command = await track.sent("CP1", "GetLog", get_log)

    def change(objects: StationObjects, request: LogStatusNotificationRequest) -> None:
        objects.put("log", "7", request, str(request.status))

    notice = Notice(reports_on=("GetLog",), change=change)
    uploaded = LogStatusNotificationRequest(status="Uploaded", request_id=7)
    message = await track.notified("CP1", "LogStatusNotification", uploaded, notice)
    assert (message.request_id, message.command_id, command.progress) == (7, command.id, "Uploaded")
    last = store.changes[-1]
    assert (last.commands, last.messages, [o.key for o in last.objects]) == (
        [command],
        [message],
        ["7"],
    )
    [view] = track.objects("CP1", "log")
    assert view["payload"] == {"status": "Uploaded", "requestId": 7}
