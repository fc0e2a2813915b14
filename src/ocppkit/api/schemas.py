"""Request and response models of the REST API (snake_case JSON; OCPP payloads stay camelCase).

Every model carries an example for the OpenAPI document.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, with_config
from typing_extensions import TypedDict  # pydantic reads typing's only from Python 3.12

from ocppkit.csms.router import OBJECT_KINDS
from ocppkit.http import ErrorBody, ValidationErrorBody, Violation
from ocppkit.protocol.models import MessageTriggerEnumType

TokenStatus = Literal[
    "Accepted",
    "Blocked",
    "ConcurrentTx",
    "Expired",
    "Invalid",
    "NoCredit",
    "NotAllowedTypeOfEVSE",
    "NotAtThisLocation",
    "NotAtThisTime",
    "Unknown",
]
TokenType = Literal[
    "Central",
    "eMAID",
    "ISO14443",
    "ISO15693",
    "KeyCode",
    "Local",
    "MacAddress",
    "NoAuthorization",
]


def _examples(*examples: dict[str, Any], extra: str = "forbid") -> ConfigDict:
    return ConfigDict(extra=extra, json_schema_extra={"examples": list(examples)})  # type: ignore[typeddict-item]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the given error statuses."""
    described = {
        404: "unknown charger (or transaction, token, action)",
        409: "charger not connected, rejected at boot, or nothing to stop",
        422: "invalid request (body, parameters or OCPP payload)",
        502: "the station answered with a CALLERROR",
        504: "no answer from the station in time",
    }
    return {
        s: {"model": ValidationErrorBody if s == 422 else ErrorBody, "description": described[s]}
        for s in statuses
    }


class Health(BaseModel):
    """Liveness and the number of stations."""

    model_config = _examples({"status": "ok", "chargers_connected": 3, "chargers_known": 4})
    status: Literal["ok"]
    chargers_connected: int = Field(description="stations with an open link")
    chargers_known: int = Field(description="stations seen since start (or stored)")


# --- the seed's start/stop ---


class StartRequest(BaseModel):
    """Body of ``POST /chargers/{id}/start``."""

    model_config = _examples({"evse_id": 1, "connector_id": 1})
    evse_id: int = Field(1, ge=1, description="EVSE to start on")
    connector_id: int | None = Field(
        1,
        ge=1,
        description="Accepted for the seed's API; RequestStartTransaction itself carries "
        "no connectorId (the OCPP 2.0.1 schema forbids it), the station picks the connector.",
    )
    id_token: str | None = Field(
        None,
        min_length=1,
        max_length=36,
        description="id token to start with (default: the server's demo token)",
    )


class StopRequest(BaseModel):
    """Body of ``POST /chargers/{id}/stop``."""

    model_config = _examples({"transaction_id": "b6a0c6f4"}, {})
    transaction_id: str | None = Field(
        None,
        min_length=1,
        max_length=36,
        description="transaction to stop (default: the active one)",
    )


@with_config(
    ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"charger_id": "CP_1", "evse_id": 1, "status": "Accepted", "transactionId": "b6a0"}
            ]
        },
    )
)
class StartResult(TypedDict):
    """What ``POST /chargers/{id}/start`` answers: the station's RequestStartTransactionResponse
    (wire JSON) with the station and EVSE asked."""

    charger_id: str
    evse_id: int
    status: Annotated[str, Field(description="Accepted or Rejected")]
    transactionId: NotRequired[
        Annotated[str, Field(description="set when a transaction was already running")]
    ]
    statusInfo: NotRequired[dict[str, Any]]
    customData: NotRequired[dict[str, Any]]


@with_config(
    ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [{"charger_id": "CP_1", "transaction_id": "b6a0", "status": "Accepted"}]
        },
    )
)
class StopResult(TypedDict):
    """What ``POST /chargers/{id}/stop`` answers: the station's RequestStopTransactionResponse
    (wire JSON) with the station and the transaction asked (null: its active one)."""

    charger_id: str
    transaction_id: str | None
    status: Annotated[str, Field(description="Accepted or Rejected")]
    statusInfo: NotRequired[dict[str, Any]]
    customData: NotRequired[dict[str, Any]]


# --- commands ---


class CommandResult(BaseModel):
    """What a station answered to a CSMS->CS action."""

    model_config = _examples({"action": "Reset", "response": {"status": "Accepted"}})
    action: str
    response: dict[str, Any] = Field(description="the station's response, wire (camelCase) JSON")


class ActionInfo(BaseModel):
    model_config = _examples(
        {
            "action": "Reset",
            "request_schema": {"type": "object"},
            "response_schema": {"type": "object"},
        }
    )
    action: str
    request_schema: dict[str, Any]
    response_schema: dict[str, Any]


class ResetBody(BaseModel):
    model_config = _examples(
        {"type": "Immediate", "evse_id": None}, {"type": "OnIdle", "evse_id": 1}
    )
    type: Literal["Immediate", "OnIdle"] = "Immediate"
    evse_id: int | None = Field(None, ge=0, description="reset one EVSE only (B11/B12)")


class UnlockBody(BaseModel):
    model_config = _examples({"evse_id": 1, "connector_id": 1})
    evse_id: int = Field(ge=0)
    connector_id: int = Field(ge=0)


class AvailabilityBody(BaseModel):
    model_config = _examples(
        {"operational_status": "Inoperative", "evse_id": 1, "connector_id": None}
    )
    operational_status: Literal["Operative", "Inoperative"]
    evse_id: int | None = Field(None, ge=0, description="None: the whole station")
    connector_id: int | None = Field(None, ge=0, description="needs evse_id")


class TriggerBody(BaseModel):
    model_config = _examples({"requested_message": "StatusNotification", "evse_id": 1})
    # A plain string, checked against the action's schema (422 invalid_payload, requestedMessage);
    # the OpenAPI document lists the values.
    requested_message: str = Field(
        description="a MessageTriggerEnumType value",
        json_schema_extra={"enum": [m.value for m in MessageTriggerEnumType]},
    )
    evse_id: int | None = Field(None, ge=0)


class VariableRef(BaseModel):
    model_config = _examples({"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval"})
    component: str = Field(min_length=1, max_length=50)
    variable: str = Field(min_length=1, max_length=50)
    evse_id: int | None = Field(None, ge=0, description="the component's EVSE")
    component_instance: str | None = Field(None, max_length=50)
    instance: str | None = Field(None, max_length=50, description="the variable's instance")
    attribute_type: Literal["Actual", "Target", "MinSet", "MaxSet"] | None = None


class VariableValue(VariableRef):
    model_config = _examples(
        {"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval", "value": "60"}
    )
    value: str = Field(max_length=1000)


class GetVariablesBody(BaseModel):
    model_config = _examples(
        {"variables": [{"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval"}]}
    )
    variables: list[VariableRef] = Field(min_length=1, max_length=1000)


class SetVariablesBody(BaseModel):
    model_config = _examples(
        {
            "variables": [
                {"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval", "value": "60"}
            ]
        }
    )
    variables: list[VariableValue] = Field(min_length=1, max_length=1000)


class ChargingProfileBody(BaseModel):
    model_config = _examples(
        {
            "evse_id": 1,
            "charging_profile": {
                "id": 1,
                "stackLevel": 0,
                "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute",
                "chargingSchedule": [
                    {
                        "id": 1,
                        "chargingRateUnit": "A",
                        "startSchedule": "2026-01-01T00:00:00Z",
                        "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}],
                    }
                ],
            },
        }
    )
    evse_id: int = Field(ge=0, description="0: the whole station")
    charging_profile: dict[str, Any] = Field(description="a ChargingProfileType, wire JSON")


# --- station settings ---


class StationSettings(BaseModel):
    """A station's run-time settings."""

    model_config = _examples(
        {
            "boot_status": None,
            "lenient": False,
            "items_per_message": None,
            "bytes_per_message": None,
            "notes": "bay 3, faulty RFID reader",
        }
    )
    boot_status: Literal["Accepted", "Pending", "Rejected"] | None = Field(
        description="answered to the station's next BootNotifications; null: the boot policy"
    )
    lenient: bool = Field(description="validate its payloads leniently")
    items_per_message: int | None = Field(description="list items per message sent to it")
    bytes_per_message: int | None = Field(description="bytes per message sent to it")
    notes: str = Field(description="free text for operators (kept in memory)")


class StationSettingsPatch(BaseModel):
    """The settings to change; keys left out stay as they are."""

    model_config = _examples({"boot_status": "Pending"}, {"lenient": True, "notes": "flaky"})
    boot_status: Literal["Accepted", "Pending", "Rejected"] | None = None
    lenient: bool | None = None
    items_per_message: int | None = Field(None, ge=1)
    bytes_per_message: int | None = Field(None, ge=1)
    notes: str | None = Field(None, max_length=10_000)


# --- tokens ---


class TokenCreate(BaseModel):
    model_config = _examples(
        {
            "id_token": "04A2B3C4D5E6F7",
            "type": "ISO14443",
            "status": "Accepted",
            "expiry": "2027-01-01T00:00:00Z",
            "group": None,
        }
    )
    id_token: str = Field(min_length=1, max_length=36)
    type: TokenType = "Central"
    status: TokenStatus = "Accepted"
    expiry: AwareDatetime | None = Field(None, description="RFC 3339 with a time zone")
    group: str | None = Field(None, min_length=1, max_length=36, description="group id token")


class TokenUpdate(BaseModel):
    model_config = _examples({"status": "Blocked"}, {"expiry": None})
    type: TokenType | None = None
    status: TokenStatus | None = None
    expiry: AwareDatetime | None = Field(None, description="RFC 3339 with a time zone")
    group: str | None = Field(None, min_length=1, max_length=36)


class Token(BaseModel):
    model_config = _examples(
        {
            "id_token": "04A2B3C4D5E6F7",
            "type": "ISO14443",
            "status": "Accepted",
            "expiry": None,
            "group": None,
        }
    )
    id_token: str
    type: str
    status: str
    expiry: str | None
    group: str | None


# --- logs ---


class LoggedMessage(BaseModel):
    model_config = _examples(
        {
            "seq": 12,
            "charger_id": "CP_1",
            "direction": "out",
            "time": "2026-01-01T00:00:00Z",
            "message_type": "CALL",
            "action": "Reset",
            "message_id": "8f0e",
            "latency_ms": 12.5,
            "error_code": None,
            "json": [2, "8f0e", "Reset", {"type": "Immediate"}],
        }
    )
    seq: int
    charger_id: str
    direction: Literal["in", "out"]
    time: str
    message_type: Literal["CALL", "CALLRESULT", "CALLERROR"] | None
    action: str | None
    message_id: str | None
    latency_ms: float | None
    error_code: str | None
    json_: Any = Field(alias="json")


# --- tracking: commands, notifications, station objects ---

ObjectKind = Literal[OBJECT_KINDS]  # type: ignore[valid-type]
_COMMAND_EXAMPLE: dict[str, Any] = {
    "id": 7,
    "charger_id": "CP_1",
    "action": "GetLog",
    "request_id": 42,
    "payload": {
        "logType": "DiagnosticsLog",
        "requestId": 42,
        "log": {"remoteLocation": "https://logs.example.com/upload"},
    },
    "response": {"status": "Accepted", "filename": "diag.log"},
    "status": "Accepted",
    "progress": "Uploaded",
    "progress_at": "2026-01-01T00:00:05Z",
    "sent_at": "2026-01-01T00:00:00Z",
    "answered_at": "2026-01-01T00:00:00.020Z",
}
_NOTIFICATION_EXAMPLES: list[dict[str, Any]] = [
    {
        "id": 12,
        "charger_id": "CP_1",
        "action": "LogStatusNotification",
        "request_id": 42,
        "command_id": 7,
        "payload": {"status": "Uploaded", "requestId": 42},
        "received_at": "2026-01-01T00:00:05Z",
    },
    {
        "id": 11,
        "charger_id": "CP_1",
        "action": "SecurityEventNotification",
        "request_id": None,
        "command_id": None,
        "payload": {"type": "TamperDetectionActivated", "timestamp": "2026-01-01T00:00:04Z"},
        "received_at": "2026-01-01T00:00:04Z",
    },
]


class TrackedCommand(BaseModel):
    """A CSMS->CS command as the CSMS recorded it, with its answer and progress."""

    model_config = _examples(_COMMAND_EXAMPLE, extra="allow")
    id: int = Field(description="the cursor: give it as `before_id` for older commands")
    charger_id: str
    action: str
    request_id: int | None = Field(description="the id its notifications refer to")
    payload: dict[str, Any] = Field(description="the request, wire (camelCase) JSON")
    response: dict[str, Any] | None = Field(description="the answer, wire JSON; null until then")
    status: str = Field(
        description='the answer\'s status, or "Sent", "Answered", "Timeout", '
        '"CallError:<code>", "NotConnected"'
    )
    progress: str | None = Field(
        description="the latest status a notification reported "
        '("Receiving"/"Complete" for reports in parts)'
    )
    progress_at: str | None
    sent_at: str
    answered_at: str | None


class StationNotification(BaseModel):
    """A notification a station sent (security or monitoring event, status report, ...)."""

    model_config = _examples(*_NOTIFICATION_EXAMPLES, extra="allow")
    id: int = Field(description="the cursor: give it as `before_id` for older notifications")
    charger_id: str
    action: str
    request_id: int | None
    command_id: int | None = Field(description="the command it reports on, if any")
    payload: dict[str, Any] = Field(description="the request, wire (camelCase) JSON")
    received_at: str


class CommandPage(BaseModel):
    """A page of commands, newest first."""

    model_config = _examples({"items": [_COMMAND_EXAMPLE], "next": 7})
    items: list[TrackedCommand]
    next: int | None = Field(description="`before_id` of the next (older) page; null: no more")


class NotificationPage(BaseModel):
    """A page of notifications, newest first."""

    model_config = _examples({"items": _NOTIFICATION_EXAMPLES, "next": None})
    items: list[StationNotification]
    next: int | None = Field(description="`before_id` of the next (older) page; null: no more")


class StationObject(BaseModel):
    """The current state of one thing a station holds."""

    model_config = _examples(
        {
            "kind": "charging_profile",
            "key": "CSMS:1:1",
            "evse_id": 1,
            "status": None,
            "payload": {
                "id": 1,
                "stackLevel": 0,
                "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute",
                "chargingSchedule": [],
            },
            "updated_at": "2026-01-01T00:00:00Z",
        },
        extra="allow",
    )
    kind: ObjectKind | str
    key: str
    evse_id: int | None
    status: str | None
    payload: Any = Field(description="wire (camelCase) JSON")
    updated_at: str


__all__ = [
    "ActionInfo",
    "AvailabilityBody",
    "ChargingProfileBody",
    "CommandPage",
    "CommandResult",
    "ErrorBody",
    "GetVariablesBody",
    "Health",
    "LoggedMessage",
    "NotificationPage",
    "ObjectKind",
    "ResetBody",
    "SetVariablesBody",
    "StartRequest",
    "StartResult",
    "StationNotification",
    "StationObject",
    "StationSettings",
    "StationSettingsPatch",
    "StopRequest",
    "StopResult",
    "Token",
    "TokenCreate",
    "TokenUpdate",
    "TrackedCommand",
    "TriggerBody",
    "UnlockBody",
    "ValidationErrorBody",
    "VariableRef",
    "VariableValue",
    "Violation",
    "error_responses",
]
