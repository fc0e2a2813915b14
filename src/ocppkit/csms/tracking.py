"""``Tracker``: what the CSMS remembers of its conversations with stations beyond the registry.

Every CSMS->CS request is a *command*: recorded when sent, then answered (the answer and its
``status``) or failed ("Timeout", "CallError:<code>", "NotConnected"). The notifications a
request causes refer to it by request id, and move its ``progress`` (FirmwareStatusNotification
moves an UpdateFirmware, a multi-part NotifyMonitoringReport a GetMonitoringReport: "Receiving"
until the part without ``tbc``, then "Complete"). Every tracked notification is kept as a
*station message*. Commands and notifications also change *station objects*, the current state of
what a station holds: charging profiles, reservations, display messages, the local list, EV
charging needs and schedules, charging limits.

The state lives here per station (objects, and the last ``HISTORY`` commands and messages, which
are the whole history when no database is used); every change goes to the store's
``tracking_changed`` hook and out as a CSMS event ("command", "notification"). The rules are
tables below: which notification reports on which command, and how each answer or notification
changes the objects.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ocppkit.csms.blocks import Route
from ocppkit.csms.clock import Clock, format_optional, format_time
from ocppkit.csms.context import EventHub
from ocppkit.csms.registry import Charger
from ocppkit.csms.store import Store, TrackingChange
from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError
from ocppkit.protocol.models import OcppModel
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.storage.records import (
    CommandRecord,
    StationMessageRecord,
    StationObjectRecord,
    TrackingState,
)
from ocppkit.storage.types import INT64_MAX, INT64_MIN

HISTORY = 200  # commands and messages kept in memory per station
KEY_LENGTH = 128  # of a station object's key, as stored
OBJECT_KINDS = (
    "charging_profile",
    "reservation",
    "display_message",
    "local_list",
    "ev_charging_needs",
    "ev_charging_schedule",
    "charging_limit",
)
"""The kinds of station objects (what a station holds)."""

# Notification -> (the commands it reports on, the field naming their request).
PROGRESS_OF: dict[str, tuple[tuple[str, ...], str]] = {
    "FirmwareStatusNotification": (("UpdateFirmware",), "requestId"),  # L01
    "PublishFirmwareStatusNotification": (("PublishFirmware",), "requestId"),  # L03
    "LogStatusNotification": (("GetLog",), "requestId"),  # N01
    "NotifyMonitoringReport": (("GetMonitoringReport",), "requestId"),  # N02
    "NotifyReport": (("GetBaseReport", "GetReport"), "requestId"),  # B07/B08
    "NotifyCustomerInformation": (("CustomerInformation",), "requestId"),  # N09
    "NotifyDisplayMessages": (("GetDisplayMessages",), "requestId"),  # O04
    "ReportChargingProfiles": (("GetChargingProfiles",), "requestId"),  # K09
    "ReservationStatusUpdate": (("ReserveNow",), "reservationId"),  # H03/H04
}
TRACKED_NOTIFICATIONS = frozenset(PROGRESS_OF) | {
    "SecurityEventNotification",  # A04
    "NotifyEvent",  # N07/N08
    "NotifyEVChargingNeeds",  # K15
    "NotifyEVChargingSchedule",  # K17
    "NotifyChargingLimit",  # K12
    "ClearedChargingLimit",  # K13
    "DataTransfer",  # P02
    "Get15118EVCertificate",  # M01/M02
    "GetCertificateStatus",  # M06
    "SignCertificate",  # A02/A03
}

# The field of a command's request that later notifications refer to, where not requestId.
_REQUEST_KEY: dict[str, tuple[str, ...]] = {
    "ReserveNow": ("id",),
    "CancelReservation": ("reservationId",),
    "SetChargingProfile": ("chargingProfile", "id"),
    "ClearChargingProfile": ("chargingProfileId",),
    "SetDisplayMessage": ("message", "id"),
    "ClearDisplayMessage": ("id",),
}


def integer(value: Any) -> int | None:
    """``value`` if it is a 64-bit integer, else None (the schemas bound no integer; an id
    beyond 64 bits is kept in the payload only, and matches no command)."""
    return value if isinstance(value, int) and INT64_MIN <= value <= INT64_MAX else None


def request_id_of(action: str, payload: Mapping[str, Any]) -> int | None:
    """The id a command's later notifications refer to (see ``_REQUEST_KEY``), or None."""
    value: Any = payload
    for name in _REQUEST_KEY.get(action, ("requestId",)):
        value = value.get(name) if isinstance(value, Mapping) else None
    return integer(value)


def progress_of(action: str, payload: Mapping[str, Any]) -> str:
    """The progress a notification reports: its status, or for a report in parts "Receiving"
    until the last part (no ``tbc``), then "Complete"."""
    status = payload.get(
        "reservationUpdateStatus" if action == "ReservationStatusUpdate" else "status"
    )
    if isinstance(status, str):
        return status
    return "Receiving" if payload.get("tbc") else "Complete"


def failure_status(error: BaseException) -> str:
    """A failed command's status."""
    if isinstance(error, CallTimeoutError):
        return "Timeout"
    if isinstance(error, NotConnectedError):
        return "NotConnected"
    if isinstance(error, OCPPError):
        return f"CallError:{error.code}"
    return "Cancelled" if not isinstance(error, Exception) else "Failed"


# --- views ---


def command_view(record: CommandRecord) -> dict[str, Any]:
    """A command as a JSON-serialisable dict."""
    return {
        "id": record.id,
        "charger_id": record.station_id,
        "action": record.action,
        "request_id": record.request_id,
        "payload": record.payload,
        "response": record.response,
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
        "payload": record.payload,
        "received_at": format_time(record.received_at),
    }


def object_view(record: StationObjectRecord) -> dict[str, Any]:
    """A station object as a JSON-serialisable dict."""
    return {
        "kind": record.kind,
        "key": record.key,
        "evse_id": record.evse_id,
        "status": record.status,
        "payload": record.payload,
        "updated_at": format_time(record.updated_at),
    }


# --- station objects ---


@dataclass(slots=True)
class Objects:
    """One station's objects as one step changes them; the changes are collected in
    ``change`` for the store."""

    station_id: str
    state: dict[tuple[str, str], StationObjectRecord]
    now: datetime
    change: TrackingChange = field(default_factory=TrackingChange)

    def get(self, kind: str, key: str) -> StationObjectRecord | None:
        return self.state.get((kind, key[:KEY_LENGTH]))

    def of_kind(self, kind: str) -> list[StationObjectRecord]:
        return [obj for (k, _), obj in self.state.items() if k == kind]

    def put(
        self,
        kind: str,
        key: str,
        payload: dict[str, Any],
        status: str | None = None,
        evse_id: int | None = None,
    ) -> None:
        assert kind in OBJECT_KINDS, kind
        key = key[:KEY_LENGTH]
        obj = StationObjectRecord(
            self.station_id, kind, key, payload, self.now, integer(evse_id), status
        )
        self.state[(kind, key)] = obj
        self.change.objects.append(obj)

    def remove(self, kind: str, key: str) -> None:
        key = key[:KEY_LENGTH]
        if self.state.pop((kind, key), None) is not None:
            self.change.removed.append((self.station_id, kind, key))


Answer = Callable[[Objects, dict[str, Any], dict[str, Any]], None]
"""``rule(objects, request, response)``: how an answered command changes the objects."""
Notice = Callable[[Objects, dict[str, Any]], None]
"""``rule(objects, notification)``: how a notification changes the objects."""


def _accepted(response: Mapping[str, Any]) -> bool:
    return response.get("status") == "Accepted"


def _profile_key(source: str, evse_id: Any, profile_id: Any) -> str:
    return f"{source}:{evse_id}:{profile_id}"


def _put_profile(objects: Objects, source: str, evse_id: int, profile: dict[str, Any]) -> None:
    objects.put(
        "charging_profile",
        _profile_key(source, evse_id, profile.get("id")),
        profile,
        profile.get("chargingProfilePurpose"),
        evse_id,
    )


def _set_charging_profile(
    objects: Objects, request: dict[str, Any], response: dict[str, Any]
) -> None:
    """K01: an Accepted profile replaces any other with the same id."""
    if not _accepted(response):
        return
    profile = request["chargingProfile"]
    for obj in objects.of_kind("charging_profile"):
        if obj.key.startswith("CSMS:") and obj.payload.get("id") == profile["id"]:
            objects.remove("charging_profile", obj.key)
    _put_profile(objects, "CSMS", request["evseId"], profile)


def _clears(request: dict[str, Any], obj: StationObjectRecord) -> bool:
    """K10: whether ClearChargingProfile removes this profile (external constraints stay)."""
    profile = obj.payload
    if profile.get("chargingProfilePurpose") == "ChargingStationExternalConstraints":
        return False
    if "chargingProfileId" in request:
        return bool(profile.get("id") == request["chargingProfileId"])
    criteria = request.get("chargingProfileCriteria") or {}
    return (
        criteria.get("evseId", obj.evse_id) == obj.evse_id
        and criteria.get("chargingProfilePurpose", profile.get("chargingProfilePurpose"))
        == profile.get("chargingProfilePurpose")
        and criteria.get("stackLevel", profile.get("stackLevel")) == profile.get("stackLevel")
    )


def _clear_charging_profile(
    objects: Objects, request: dict[str, Any], response: dict[str, Any]
) -> None:
    if _accepted(response):
        for obj in objects.of_kind("charging_profile"):
            if _clears(request, obj):
                objects.remove("charging_profile", obj.key)


def _reserve_now(objects: Objects, request: dict[str, Any], response: dict[str, Any]) -> None:
    """H01: the reservation's status is the station's answer (Accepted, Occupied, ...)."""
    objects.put(
        "reservation", str(request["id"]), request, response.get("status"), request.get("evseId")
    )


def _cancel_reservation(
    objects: Objects, request: dict[str, Any], response: dict[str, Any]
) -> None:
    """H02: an Accepted cancellation ends the reservation."""
    if _accepted(response):
        _set_reservation(objects, request["reservationId"], "Cancelled")


def _set_reservation(objects: Objects, reservation_id: int, status: str) -> None:
    found = objects.get("reservation", str(reservation_id))
    payload = found.payload if found else {"id": reservation_id}
    objects.put(
        "reservation", str(reservation_id), payload, status, found.evse_id if found else None
    )


def _set_display_message(
    objects: Objects, request: dict[str, Any], response: dict[str, Any]
) -> None:
    if _accepted(response):  # O01
        message = request["message"]
        objects.put("display_message", str(message["id"]), message, "Accepted")


def _clear_display_message(
    objects: Objects, request: dict[str, Any], response: dict[str, Any]
) -> None:
    if _accepted(response):  # O05
        objects.remove("display_message", str(request["id"]))


def _token_key(entry: Mapping[str, Any]) -> tuple[str, str]:
    token = entry.get("idToken") or {}
    return (token.get("idToken", ""), token.get("type", ""))


def _send_local_list(objects: Objects, request: dict[str, Any], response: dict[str, Any]) -> None:
    """D01: Full replaces the list; Differential adds/replaces entries with idTokenInfo and
    removes those without."""
    if not _accepted(response):
        return
    current = objects.get("local_list", "")
    full = request["updateType"] == "Full" or current is None
    entries = {} if full else {_token_key(e): e for e in current.payload.get("entries", [])}
    for entry in request.get("localAuthorizationList") or []:
        if "idTokenInfo" in entry:
            entries[_token_key(entry)] = entry
        else:
            entries.pop(_token_key(entry), None)
    objects.put(
        "local_list",
        "",
        {"version": request["versionNumber"], "entries": list(entries.values())},
        request["updateType"],
    )


def _get_local_list_version(
    objects: Objects, request: dict[str, Any], response: dict[str, Any]
) -> None:
    """D02: the station's version; 0 means it holds no list."""
    version = response.get("versionNumber", 0)
    current = objects.get("local_list", "")
    entries = current.payload.get("entries", []) if current and version else []
    objects.put(
        "local_list",
        "",
        {"version": version, "entries": entries},
        current.status if current and version else None,
    )


ANSWER_RULES: dict[str, Answer] = {
    "SetChargingProfile": _set_charging_profile,
    "ClearChargingProfile": _clear_charging_profile,
    "ReserveNow": _reserve_now,
    "CancelReservation": _cancel_reservation,
    "SetDisplayMessage": _set_display_message,
    "ClearDisplayMessage": _clear_display_message,
    "SendLocalList": _send_local_list,
    "GetLocalListVersion": _get_local_list_version,
}


def _display_messages(objects: Objects, notification: dict[str, Any]) -> None:
    for message in notification.get("messageInfo") or []:  # O04
        objects.put("display_message", str(message["id"]), message, "Reported")


def _reported_profiles(objects: Objects, notification: dict[str, Any]) -> None:
    source, evse_id = notification["chargingLimitSource"], notification["evseId"]  # K09
    for profile in notification["chargingProfile"]:
        _put_profile(objects, source, evse_id, profile)


def _reservation_update(objects: Objects, notification: dict[str, Any]) -> None:
    _set_reservation(
        objects,
        notification["reservationId"],  # H03/H04: Expired, Removed
        notification["reservationUpdateStatus"],
    )


def _ev_charging_needs(objects: Objects, notification: dict[str, Any]) -> None:
    evse_id = notification["evseId"]
    objects.put(
        "ev_charging_needs",
        str(evse_id),
        notification,
        notification["chargingNeeds"].get("requestedEnergyTransfer"),
        evse_id,
    )


def _ev_charging_schedule(objects: Objects, notification: dict[str, Any]) -> None:
    evse_id = notification["evseId"]
    objects.put("ev_charging_schedule", str(evse_id), notification, None, evse_id)


def _charging_limit(objects: Objects, notification: dict[str, Any]) -> None:
    """K12: a limit from an external source (EMS, SO, ...), per EVSE (0: the station)."""
    source = notification["chargingLimit"]["chargingLimitSource"]
    evse_id = notification.get("evseId", 0)
    objects.put("charging_limit", f"{source}:{evse_id}", notification, source, evse_id)


def _cleared_charging_limit(objects: Objects, notification: dict[str, Any]) -> None:
    """K13: the source's limit is gone, and with it the profiles it reported for the EVSE
    (every EVSE when none is named)."""
    source, evse_id = notification["chargingLimitSource"], notification.get("evseId")
    for kind in ("charging_limit", "charging_profile"):
        for obj in objects.of_kind(kind):
            if obj.key.startswith(f"{source}:") and evse_id in (None, obj.evse_id):
                objects.remove(kind, obj.key)


NOTICE_RULES: dict[str, Notice] = {
    "NotifyDisplayMessages": _display_messages,
    "ReportChargingProfiles": _reported_profiles,
    "ReservationStatusUpdate": _reservation_update,
    "NotifyEVChargingNeeds": _ev_charging_needs,
    "NotifyEVChargingSchedule": _ev_charging_schedule,
    "NotifyChargingLimit": _charging_limit,
    "ClearedChargingLimit": _cleared_charging_limit,
}


class Tracker:
    """Commands, station messages and station objects of every station.

    Args:
        clock: the CSMS's clock.
        store: persists every change (``tracking_changed``) and answers history reads.
        events: gets "command" and "notification" events.
        history: commands and messages kept in memory per station.
    """

    def __init__(
        self, clock: Clock, store: Store, events: EventHub, history: int = HISTORY
    ) -> None:
        self._clock, self._store, self._events, self._history = clock, store, events, history
        self._commands: dict[str, deque[CommandRecord]] = {}
        self._messages: dict[str, deque[StationMessageRecord]] = {}
        self._objects: dict[str, dict[tuple[str, str], StationObjectRecord]] = {}
        self._command_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    def restore(self, state: TrackingState | None) -> None:
        """Take what the store read back at start-up; ids go on after the highest stored."""
        if state is None:
            return
        for command in state.commands:
            self._station_commands(command.station_id).append(command)
        for obj in state.objects:
            self._objects.setdefault(obj.station_id, {})[(obj.kind, obj.key)] = obj
        self._command_ids = itertools.count(state.last_command_id + 1)
        self._message_ids = itertools.count(state.last_message_id + 1)

    def _station_commands(self, station_id: str) -> deque[CommandRecord]:
        found = self._commands.get(station_id)
        if found is None:
            found = self._commands[station_id] = deque(maxlen=self._history)
        return found

    def _edit(self, station_id: str) -> Objects:
        return Objects(station_id, self._objects.setdefault(station_id, {}), self._clock())

    # --- commands ---

    async def sent(self, charger_id: str, action: str, payload: dict[str, Any]) -> CommandRecord:
        """Record a command about to be sent (status "Sent")."""
        command = CommandRecord(
            next(self._command_ids),
            charger_id,
            action,
            request_id_of(action, payload),
            payload,
            self._clock(),
        )
        self._station_commands(charger_id).append(command)
        objects = self._edit(charger_id)
        if action == "ReserveNow":  # H01: known from now on, as Requested
            objects.put(
                "reservation", str(payload["id"]), payload, "Requested", payload.get("evseId")
            )
        await self._changed(command, objects.change, "sent")
        return command

    async def answered(self, command: CommandRecord, response: dict[str, Any]) -> None:
        """Record the station's answer; it may change the station's objects."""
        command.response = response
        status = response.get("status")
        command.status = status if isinstance(status, str) else "Answered"
        command.answered_at = self._clock()
        objects = self._edit(command.station_id)
        rule = ANSWER_RULES.get(command.action)
        if rule is not None:
            rule(objects, command.payload, response)
        await self._changed(command, objects.change, "answered")

    async def failed(self, command: CommandRecord, error: BaseException) -> None:
        """Record that the command got no valid answer."""
        command.status = failure_status(error)
        command.answered_at = self._clock()
        await self._changed(command, TrackingChange(), "failed")

    async def _changed(self, command: CommandRecord, change: TrackingChange, event: str) -> None:
        change.commands.append(command)
        self._events.emit("command", command.station_id, {"event": event, **command_view(command)})
        await self._store.tracking_changed(change)

    # --- notifications ---

    def find_command(
        self, charger_id: str, actions: tuple[str, ...], request_id: int
    ) -> CommandRecord | None:
        """The latest command of one of ``actions`` with this request id, among the recent."""
        for command in reversed(self._commands.get(charger_id, ())):
            if command.request_id == request_id and command.action in actions:
                return command
        return None

    async def notified(
        self, charger_id: str, action: str, request: OcppModel
    ) -> StationMessageRecord:
        """Record a notification: a station message, the progress of the command it reports
        on, and what it changes in the station's objects."""
        payload = to_wire_dict(request)
        now = self._clock()
        change = TrackingChange()
        command, request_id = None, None
        if action in PROGRESS_OF:
            actions, key = PROGRESS_OF[action]
            request_id = integer(payload.get(key))
            if request_id is not None:
                command = self.find_command(charger_id, actions, request_id)
        if command is not None:
            command.progress, command.progress_at = progress_of(action, payload), now
            change.commands.append(command)
        message = StationMessageRecord(
            next(self._message_ids),
            charger_id,
            action,
            payload,
            now,
            request_id,
            None if command is None else command.id,
        )
        self._messages.setdefault(charger_id, deque(maxlen=self._history)).append(message)
        change.messages.append(message)
        rule = NOTICE_RULES.get(action)
        if rule is not None:
            objects = Objects(charger_id, self._objects.setdefault(charger_id, {}), now, change)
            rule(objects, payload)
        self._events.emit("notification", charger_id, message_view(message))
        await self._store.tracking_changed(change)
        return message

    def observe(self, routes: Mapping[str, Route]) -> dict[str, Route]:
        """``routes`` with every tracked notification recorded before its handler runs."""
        observed = dict(routes)
        for action in TRACKED_NOTIFICATIONS:
            observed[action] = self._recording(action, routes[action])
        return observed

    def _recording(self, action: str, route: Route) -> Route:
        notified = self.notified

        async def record(charger: Charger, request: Any) -> OcppModel:
            await notified(charger.charger_id, action, request)
            return await route(charger, request)

        return record

    # --- reads ---

    async def commands(
        self,
        charger_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """The station's commands, newest first (see ``OCPPServer.commands``)."""
        stored = await self._store.stored_commands(charger_id, action, limit, before_id)
        if stored is None:
            stored = _page(self._commands.get(charger_id, ()), action, limit, before_id)
        return [command_view(c) for c in stored]

    async def messages(
        self,
        charger_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """The station's notifications, newest first (see ``OCPPServer.station_messages``)."""
        stored = await self._store.stored_messages(charger_id, action, limit, before_id)
        if stored is None:
            stored = _page(self._messages.get(charger_id, ()), action, limit, before_id)
        return [message_view(m) for m in stored]

    def objects(self, charger_id: str, kind: str | None = None) -> list[dict[str, Any]]:
        """The station's objects, by kind and key (see ``OCPPServer.station_objects``)."""
        found = self._objects.get(charger_id, {})
        return [object_view(found[k]) for k in sorted(found) if kind in (None, k[0])]


def _page(records: Any, action: str | None, limit: int, before_id: int | None) -> list[Any]:
    page = []
    for record in reversed(records):
        if (action is None or record.action == action) and (
            before_id is None or record.id < before_id
        ):
            page.append(record)
            if len(page) >= limit:
                break
    return page


__all__ = ["HISTORY", "TRACKED_NOTIFICATIONS", "Tracker", "request_id_of"]
