"""``Tracker``: what the CSMS remembers of its conversations with stations beyond the registry.

Every CSMS->CS request is a *command*: recorded when sent, then answered (the answer and its
``status``) or failed ("Timeout", "CallError:<code>", "NotConnected"). The notifications a
request causes refer to it by request id, and move its ``progress`` (FirmwareStatusNotification
moves an UpdateFirmware, a multi-part NotifyMonitoringReport a GetMonitoringReport: "Receiving"
until the part without ``tbc``, then "Complete"). Every recorded notification is kept as a
*station message*. Commands and notifications also change *station objects*, the current state of
what a station holds (charging profiles, reservations, display messages, ...).

This module is the generic record keeping only: the rules come from the functional blocks
(``ocppkit.csms.blocks``), which own them. A block's ``CommandRule`` says which id a command's
notifications refer to and how sending and answering it change the station's objects; a block's
``Notice`` says which commands a notification reports on and how it changes the objects. Both
get the typed request and response models. The state lives here per station (objects, and the
last ``HISTORY`` commands and messages per station, at most ``HISTORY_TOTAL`` of each across
stations (``BoundedHistory``): the whole history when no database is used, the newest of it
when one is, the database answering the reads);
every change goes to the store's ``tracking_changed`` hook and out as a CSMS event ("command",
"notification"). Payloads are serialised once, to the JSON text the store writes as is.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import orjson

from ocppkit.csms.clock import Clock, format_optional, format_time
from ocppkit.csms.context import EventHub
from ocppkit.csms.history import BoundedHistory
from ocppkit.csms.store import Store, TrackingChange
from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError
from ocppkit.protocol.models import ACTIONS, OcppModel
from ocppkit.protocol.validation import dump
from ocppkit.storage.records import (
    CommandRecord,
    StationMessageRecord,
    StationObjectRecord,
    TrackingState,
)
from ocppkit.storage.types import INT64_MAX, INT64_MIN

HISTORY = 200  # commands and messages kept in memory per station
HISTORY_TOTAL = 20_000  # commands, and notifications, kept in memory across stations (each)
KEY_LENGTH = 128  # of a station object's key, as stored

M = TypeVar("M", bound=OcppModel)


def integer(value: Any) -> int | None:
    """``value`` if it is a 64-bit integer, else None (the schemas bound no integer; an id
    beyond 64 bits is kept in the payload only, and matches no command)."""
    return value if isinstance(value, int) and INT64_MIN <= value <= INT64_MAX else None


def failure_status(error: BaseException) -> str:
    """A failed command's status."""
    if isinstance(error, CallTimeoutError):
        return "Timeout"
    if isinstance(error, NotConnectedError):
        return "NotConnected"
    if isinstance(error, OCPPError):
        return f"CallError:{error.code}"
    return "Cancelled" if not isinstance(error, Exception) else "Failed"


def _json(payload: dict[str, Any] | str | None) -> Any:
    """A stored payload as its JSON object (records made here hold JSON text)."""
    return orjson.loads(payload) if isinstance(payload, str) else payload


# --- views ---


def command_view(record: CommandRecord) -> dict[str, Any]:
    """A command as a JSON-serialisable dict."""
    return {
        "id": record.id,
        "charger_id": record.station_id,
        "action": record.action,
        "request_id": record.request_id,
        "payload": _json(record.payload),
        "response": _json(record.response),
        "status": record.status,
        "progress": record.progress,
        "progress_at": format_optional(record.progress_at),
        "sent_at": format_time(record.sent_at),
        "answered_at": format_optional(record.answered_at),
    }


def message_view(record: StationMessageRecord) -> dict[str, Any]:
    """A station message as a JSON-serialisable dict."""
    return {
        "id": record.id,
        "charger_id": record.station_id,
        "action": record.action,
        "request_id": record.request_id,
        "command_id": record.command_id,
        "payload": _json(record.payload),
        "received_at": format_time(record.received_at),
    }


def object_view(record: StationObjectRecord) -> dict[str, Any]:
    """A station object as a JSON-serialisable dict."""
    return {
        "kind": record.kind,
        "key": record.key,
        "evse_id": record.evse_id,
        "status": record.status,
        "payload": _json(record.payload),
        "updated_at": format_time(record.updated_at),
    }


# --- station objects ---


@dataclass(slots=True)
class _Held:
    """A station object: its record, and the model its payload came from (None when it was read
    back from the database; parsed from the stored JSON when a rule asks for it)."""

    record: StationObjectRecord
    model: OcppModel | None = None


@dataclass(slots=True)
class StationObjects:
    """One station's objects as one step changes them (what a block's rule is given); the
    changes are collected in ``change`` for the store."""

    station_id: str
    _held: dict[tuple[str, str], _Held]
    now: datetime
    change: TrackingChange = field(default_factory=TrackingChange)

    def get(self, kind: str, key: str) -> StationObjectRecord | None:
        held = self._held.get((kind, key[:KEY_LENGTH]))
        return None if held is None else held.record

    def of_kind(self, kind: str) -> list[StationObjectRecord]:
        return [held.record for (k, _), held in self._held.items() if k == kind]

    def model(self, record: StationObjectRecord, model: type[M]) -> M:
        """The object's payload as ``model`` (its type when it was put)."""
        held = self._held[(record.kind, record.key)]
        if not isinstance(held.model, model):
            held.model = model.model_validate(_json(record.payload))
        return held.model

    def put(
        self,
        kind: str,
        key: str,
        payload: OcppModel,
        status: str | None = None,
        evse_id: int | None = None,
    ) -> None:
        """Store an object (replacing the one of that kind and key)."""
        self._put(
            kind, key, _Held(self._record(kind, key, dump(payload), status, evse_id), payload)
        )

    def set_status(self, kind: str, key: str, status: str, new: Callable[[], OcppModel]) -> None:
        """Give an object a new status, keeping its payload and EVSE; an unknown one is put
        with the payload ``new()``."""
        held = self._held.get((kind, key[:KEY_LENGTH]))
        if held is None:
            self.put(kind, key, new(), status)
            return
        old = held.record
        self._put(
            kind, key, _Held(self._record(kind, key, old.payload, status, old.evse_id), held.model)
        )

    def remove(self, kind: str, key: str) -> None:
        key = key[:KEY_LENGTH]
        if self._held.pop((kind, key), None) is not None:
            self.change.removed.append((self.station_id, kind, key))

    def _record(
        self,
        kind: str,
        key: str,
        payload: dict[str, Any] | str,
        status: str | None,
        evse_id: int | None,
    ) -> StationObjectRecord:
        return StationObjectRecord(
            self.station_id, kind, key[:KEY_LENGTH], payload, self.now, integer(evse_id), status
        )

    def _put(self, kind: str, key: str, held: _Held) -> None:
        self._held[(kind, key[:KEY_LENGTH])] = held
        self.change.objects.append(held.record)


# --- what the blocks tell the tracker ---


@dataclass(frozen=True, slots=True)
class CommandRule:
    """What a block learns from a CSMS->CS command it owns.

    ``request_id(request)``: the id the command's notifications refer to (default: the
    request's ``request_id``); ``on_sent(objects, request)`` and ``on_answer(objects, request,
    response)``: how sending it and its answer change the station's objects.
    """

    request_id: Callable[[Any], Any] | None = None
    on_sent: Callable[[StationObjects, Any], None] | None = None
    on_answer: Callable[[StationObjects, Any, Any], None] | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """How a CS->CSMS notification is recorded: kept as a station message; it moves the progress
    of the latest of the ``reports_on`` commands whose request id is its ``request_key`` field
    (to its ``status_key`` field, or Receiving/Complete by ``tbc``); ``change(objects,
    request)`` is how it changes the station's objects."""

    reports_on: tuple[str, ...] = ()
    request_key: str = "request_id"
    status_key: str = "status"
    change: Callable[[StationObjects, Any], None] | None = None


def progress_of(notification: OcppModel, status_key: str = "status") -> str:
    """The progress a notification reports: its status, or for a report in parts "Receiving"
    until the last part (no ``tbc``), then "Complete"."""
    status = getattr(notification, status_key, None)
    if isinstance(status, str):
        return str(status)
    return "Receiving" if getattr(notification, "tbc", None) else "Complete"


def request_id_of(request: OcppModel, rule: CommandRule | None = None) -> int | None:
    """The id a command's later notifications refer to, or None."""
    if rule is not None and rule.request_id is not None:
        return integer(rule.request_id(request))
    return integer(getattr(request, "request_id", None))


class Tracker:
    """Commands, station messages and station objects of every station.

    Args:
        clock: the CSMS's clock.
        store: persists every change (``tracking_changed``) and answers history reads.
        events: gets "command" and "notification" events.
        history: commands and messages kept in memory per station.
        history_total: commands kept in memory across stations, and notifications.
        rules: the blocks' command rules, by action (see ``learn``).
    """

    def __init__(
        self,
        clock: Clock,
        store: Store,
        events: EventHub,
        history: int = HISTORY,
        rules: Mapping[str, CommandRule] | None = None,
        history_total: int = HISTORY_TOTAL,
    ) -> None:
        self._clock, self._store, self._events = clock, store, events
        self._rules: dict[str, CommandRule] = dict(rules or {})
        self._commands: BoundedHistory[str, CommandRecord] = BoundedHistory(history_total, history)
        self._messages: BoundedHistory[str, StationMessageRecord] = BoundedHistory(
            history_total, history
        )
        self._objects: dict[str, dict[tuple[str, str], _Held]] = {}
        self._requests: dict[int, OcppModel] = {}  # commands sent and not yet answered
        self._command_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    def learn(self, rules: Mapping[str, CommandRule]) -> None:
        """Apply these command rules from now on (the router gives the blocks' rules).

        Raises:
            RuntimeError: an action has a rule already.
        """
        doubled = sorted(self._rules.keys() & rules.keys())
        if doubled:
            raise RuntimeError(f"command rules given twice for {doubled}")
        self._rules.update(rules)

    def restore(self, state: TrackingState | None) -> None:
        """Take what the store read back at start-up; ids go on after the highest stored."""
        if state is None:
            return
        for command in state.commands:
            self._commands.append(command.station_id, command)
        for obj in state.objects:
            self._objects.setdefault(obj.station_id, {})[(obj.kind, obj.key)] = _Held(obj)
        self._command_ids = itertools.count(state.last_command_id + 1)
        self._message_ids = itertools.count(state.last_message_id + 1)

    def _edit(self, station_id: str) -> StationObjects:
        return StationObjects(station_id, self._objects.setdefault(station_id, {}), self._clock())

    # --- commands ---

    async def sent(self, station_id: str, action: str, request: OcppModel) -> CommandRecord:
        """Record a command about to be sent (status "Sent"); ``answered`` or ``failed`` must
        follow."""
        rule = self._rule(action, request)
        command = CommandRecord(
            next(self._command_ids),
            station_id,
            action,
            request_id_of(request, rule),
            dump(request),
            self._clock(),
        )
        self._commands.append(station_id, command)
        self._requests[command.id] = request
        objects = self._edit(station_id)
        if rule is not None and rule.on_sent is not None:
            rule.on_sent(objects, request)
        await self._changed(command, objects.change, "sent")
        return command

    async def answered(self, command: CommandRecord, response: OcppModel) -> None:
        """Record the station's answer; the rule of the command's block may change the
        station's objects."""
        request = self._requests.pop(command.id, None)
        command.response = dump(response)
        status = getattr(response, "status", None)
        command.status = str(status) if isinstance(status, str) else "Answered"
        command.answered_at = self._clock()
        objects = self._edit(command.station_id)
        rule = None if request is None else self._rule(command.action, request)
        if rule is not None and rule.on_answer is not None and request is not None:
            rule.on_answer(objects, request, response)
        await self._changed(command, objects.change, "answered")

    def _rule(self, action: str, request: OcppModel) -> CommandRule | None:
        """The blocks' rule for a command: they read 2.0.1 requests, so a command of another
        version (a 1.6 Reset) has none."""
        rule = self._rules.get(action)
        if rule is None or type(request) is not ACTIONS[action][0]:
            return None
        return rule

    async def failed(self, command: CommandRecord, error: BaseException) -> None:
        """Record that the command got no valid answer."""
        self._requests.pop(command.id, None)
        command.status = failure_status(error)
        command.answered_at = self._clock()
        await self._changed(command, TrackingChange(), "failed")

    async def _changed(self, command: CommandRecord, change: TrackingChange, event: str) -> None:
        change.commands.append(command)
        self._events.emit("command", command.station_id, {"event": event, **command_view(command)})
        await self._store.tracking_changed(change)

    # --- notifications ---

    def find_command(
        self, station_id: str, actions: Iterable[str], request_id: int
    ) -> CommandRecord | None:
        """The latest command of one of ``actions`` with this request id, among the recent."""
        for command in self._commands.newest_first(station_id):
            if command.request_id == request_id and command.action in actions:
                return command
        return None

    async def notified(
        self, station_id: str, action: str, request: OcppModel, notice: Notice
    ) -> StationMessageRecord:
        """Record a notification: a station message, the progress of the command it reports
        on, and what it changes in the station's objects."""
        now = self._clock()
        change = TrackingChange()
        command, request_id = None, None
        if notice.reports_on:
            request_id = integer(getattr(request, notice.request_key, None))
            if request_id is not None:
                command = self.find_command(station_id, notice.reports_on, request_id)
        if command is not None:
            command.progress, command.progress_at = progress_of(request, notice.status_key), now
            change.commands.append(command)
        message = StationMessageRecord(
            next(self._message_ids),
            station_id,
            action,
            dump(request),
            now,
            request_id,
            None if command is None else command.id,
        )
        self._messages.append(station_id, message)
        change.messages.append(message)
        if notice.change is not None:
            held = self._objects.setdefault(station_id, {})
            notice.change(StationObjects(station_id, held, now, change), request)
        self._events.emit("notification", station_id, message_view(message))
        await self._store.tracking_changed(change)
        return message

    # --- reads ---

    async def commands(
        self,
        station_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """The station's commands, newest first (see ``OCPPServer.commands``)."""
        stored = await self._store.stored_commands(station_id, action, limit, before_id)
        if stored is None:
            stored = _page(self._commands.newest_first(station_id), action, limit, before_id)
        return [command_view(c) for c in stored]

    async def messages(
        self,
        station_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """The station's notifications, newest first (see ``OCPPServer.station_messages``)."""
        stored = await self._store.stored_messages(station_id, action, limit, before_id)
        if stored is None:
            stored = _page(self._messages.newest_first(station_id), action, limit, before_id)
        return [message_view(m) for m in stored]

    def objects(self, station_id: str, kind: str | None = None) -> list[dict[str, Any]]:
        """The station's objects, by kind and key (see ``OCPPServer.station_objects``)."""
        found = self._objects.get(station_id, {})
        return [object_view(found[k].record) for k in sorted(found) if kind in (None, k[0])]


class TrackedHistory:
    """The server's reads of what its tracker keeps (a mixin of ``OCPPServer``)."""

    tracker: Tracker

    async def commands(
        self,
        charger_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """The commands sent to a station, newest first (from the database when there is one,
        else the newest in memory: ``HISTORY`` per station, ``HISTORY_TOTAL`` in all).

        Args:
            action: only commands of this action.
            limit: at most this many.
            before_id: only commands older than this id (the next page).

        Returns:
            dicts with id, charger_id, action, request_id (the id its notifications refer to),
            payload and response (wire form), status (the answer's status, "Answered",
            "Sent", "Timeout", "CallError:<code>", "NotConnected"), progress (the latest
            status a notification reported, "Receiving"/"Complete" for reports in parts),
            progress_at, sent_at, answered_at.
        """
        return await self.tracker.commands(charger_id, action, limit, before_id)

    async def station_messages(
        self,
        charger_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """The notifications a station sent (security and monitoring events, status
        notifications, smart-charging reports, DataTransfer, ...), newest first; arguments as
        ``commands``.

        Returns:
            dicts with id, charger_id, action, request_id, command_id (the command it reports
            on, if any), payload (wire form), received_at.
        """
        return await self.tracker.messages(charger_id, action, limit, before_id)

    def station_objects(self, charger_id: str, kind: str | None = None) -> list[dict[str, Any]]:
        """The current state of what a station holds, by kind and key.

        Kinds: charging_profile (key "<source>:<evseId>:<profileId>", source "CSMS" for
        profiles this CSMS set, else the reported chargingLimitSource), reservation (key the
        reservation id; status Requested, the ReserveNow answer, Cancelled, Expired or
        Removed), display_message, local_list (key ""; payload {version, entries}),
        ev_charging_needs and ev_charging_schedule (key the EVSE id), charging_limit (key
        "<source>:<evseId>").

        Returns:
            dicts with kind, key, evse_id, status, payload (wire form), updated_at.
        """
        return self.tracker.objects(charger_id, kind)


def _page(records: Any, action: str | None, limit: int, before_id: int | None) -> list[Any]:
    page = []
    for record in records:  # newest first
        if (action is None or record.action == action) and (
            before_id is None or record.id < before_id
        ):
            page.append(record)
            if len(page) >= limit:
                break
    return page


__all__ = [
    "HISTORY",
    "HISTORY_TOTAL",
    "CommandRule",
    "Notice",
    "StationObjects",
    "TrackedHistory",
    "Tracker",
    "failure_status",
    "progress_of",
    "request_id_of",
]
