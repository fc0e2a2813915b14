"""Commands towards a station: the seed's start/stop, every CSMS->CS action at
``POST /chargers/{id}/commands/{Action}``, and convenience endpoints for the common ones.

Every route sends through the CSMS's one command pipeline (``OCPPServer.send_command``, as the
typed Python methods do): a GetVariables / SetVariables / SetVariableMonitoring /
ClearVariableMonitoring / SendLocalList beyond the station's ItemsPerMessage / BytesPerMessage is
split into several CALLs and their answers merged into one response, and what a GetVariables or
SetVariables answer confirms updates the CSMS's record of the station's device model.

Every command answers ``{"action", "response"}`` (start/stop keep the seed's shape): 404
unknown charger or action, 409 not connected, 422 a payload that breaks the action's schema
(nothing is sent), 502 the station answered a CALLERROR, 504 no answer in time.
"""

from __future__ import annotations

from functools import cache, partial
from typing import Annotated, Any, cast

from fastapi import APIRouter, Body, Path
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ocppkit.api.deps import (
    ConnectedStationDep,
    Operator,
    OperatorDep,
    Station,
    await_command,
    checked_payload,
    request_model,
    send_request,
)
from ocppkit.api.schemas import (
    ActionInfo,
    AvailabilityBody,
    ChargingProfileBody,
    CommandResult,
    GetVariablesBody,
    ResetBody,
    SetVariablesBody,
    StartRequest,
    StartResult,
    StopRequest,
    StopResult,
    TriggerBody,
    UnlockBody,
    VariableRef,
    error_responses,
)
from ocppkit.csms.commands import build, station_version
from ocppkit.protocol import models as m
from ocppkit.protocol.models import CSMS_TO_CS, OcppModel
from ocppkit.protocol.validation import models_for

router = APIRouter(tags=["commands"])
_COMMAND_ERRORS = error_responses(404, 409, 422, 502, 504)


@router.post(
    "/chargers/{charger_id}/start",
    responses=_COMMAND_ERRORS,
    summary="RequestStartTransaction towards the station",
)
async def start(
    operator: OperatorDep,
    station: ConnectedStationDep,
    body: Annotated[StartRequest | None, Body()] = None,
) -> StartResult:
    body = body or StartRequest()
    kwargs: dict[str, Any] = {"evse_id": body.evse_id}
    if body.id_token:
        kwargs["id_token"] = body.id_token
    station_id = station.station_id
    answer = await await_command(
        station_id, operator.server.request_start_transaction(station_id, **kwargs)
    )
    return cast(StartResult, {"charger_id": station_id, "evse_id": body.evse_id, **answer})


@router.post(
    "/chargers/{charger_id}/stop",
    responses=_COMMAND_ERRORS,
    summary="RequestStopTransaction towards the station",
)
async def stop(
    operator: OperatorDep,
    station: ConnectedStationDep,
    body: Annotated[StopRequest | None, Body()] = None,
) -> StopResult:
    body = body or StopRequest()
    station_id = station.station_id
    command = operator.server.request_stop_transaction(
        station_id, transaction_id=body.transaction_id
    )
    answer = await await_command(station_id, command)
    result = {"charger_id": station_id, "transaction_id": body.transaction_id, **answer}
    return cast(StopResult, result)


# Numeric bounds pydantic leaves as raw validator keywords when the type has its own validator.
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


class _ProtocolJsonSchema(GenerateJsonSchema):
    """The protocol models' JSON schema with what their validators check spelled out:
    ``DateTime`` strings are ``format: date-time`` and bounds on ``Int``/``Number`` fields are
    ``minimum``/``maximum`` (pydantic would emit plain ``ge``/``le`` keys, which JSON Schema
    ignores)."""

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        function = schema["function"]["function"]
        if (
            getattr(function, "__name__", None) == "_date_time"
            and function.__module__ == "ocppkit.protocol.model_base"
        ):
            return {**self.generate_inner(schema["schema"]), "format": "date-time"}
        if isinstance(function, partial):
            bounds = {_BOUNDS[k]: v for k, v in function.keywords.items() if k in _BOUNDS}
            if bounds:
                return {**self.generate_inner(schema["schema"]), **bounds}
        return super().function_after_schema(schema)


def _json_schema(model: type[OcppModel]) -> dict[str, Any]:
    schema: dict[str, Any] = _wire_schema(
        model.model_json_schema(by_alias=True, schema_generator=_ProtocolJsonSchema)
    )
    return schema


def _wire_schema(schema: Any) -> Any:
    """A model's JSON schema as the wire sees it: an optional field is left out, never null
    (a JSON null is refused, see ``ocppkit.protocol.validation``), so ``anyOf [X, null]`` is X
    and ``default: null`` goes; fields of any JSON (DataTransfer ``data``) keep accepting it."""
    if isinstance(schema, list):
        return [_wire_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: _wire_schema(value) for key, value in schema.items()}
    if out.get("type") in ("integer", "number"):  # the raw keyword next to its JSON Schema one
        for raw, keyword in _BOUNDS.items():
            if raw in out and out.get(keyword) == out[raw]:
                del out[raw]
    options = out.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        del out["anyOf"]
        if len(rest) == 1:
            out = {**rest[0], **out}
        else:
            out["anyOf"] = rest
        if out.get("default", ...) is None:
            del out["default"]
    return out


@cache
def action_catalogue() -> tuple[dict[str, Any], ...]:
    """The 40 CSMS->CS actions with their request/response JSON schemas (wire names, no nulls:
    see ``_wire_schema``; date-times and numeric bounds spelled out: ``_ProtocolJsonSchema``)."""
    return tuple(
        {
            "action": action,
            "request_schema": _json_schema(models_for(action)[0]),
            "response_schema": _json_schema(models_for(action)[1]),
        }
        for action in sorted(CSMS_TO_CS)
    )


@router.get(
    "/actions",
    summary="Every CSMS->CS action with its request and response JSON schema",
    response_model=list[ActionInfo],
)
async def list_actions() -> tuple[dict[str, Any], ...]:
    return action_catalogue()


_COMMAND_EXAMPLES = {
    "Reset": {"summary": "Reset (Immediate)", "value": {"type": "Immediate"}},
    "TriggerMessage": {"summary": "TriggerMessage", "value": {"requestedMessage": "Heartbeat"}},
    "GetVariables": {
        "summary": "GetVariables",
        "value": {
            "getVariableData": [
                {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}
            ]
        },
    },
}


@router.post(
    "/chargers/{charger_id}/commands/{action}",
    responses=_COMMAND_ERRORS,
    summary="Send any CSMS->CS action; the body is its request in wire (camelCase) JSON",
    description="The body is validated against the action's schema (see `GET /actions`); "
    "violations answer 422 `invalid_payload` with `errors: [{field, rule, message}]`. A list "
    "beyond the station's ItemsPerMessage / BytesPerMessage is sent in several CALLs and "
    "answered as one response.",
)
async def send_command(
    operator: OperatorDep,
    station: ConnectedStationDep,
    action: Annotated[str, Path(description="e.g. Reset, GetVariables, TriggerMessage")],
    payload: Annotated[dict[str, Any], Body(openapi_examples=_COMMAND_EXAMPLES)],
) -> CommandResult:
    version = station_version(operator.server.chargers, station.station_id)
    return await _send(operator, station, action, request_model(action, payload, version))


async def _send(
    operator: Operator, station: Station, action: str, request: OcppModel
) -> CommandResult:
    response = await send_request(operator, station, action, request)
    return CommandResult(action=action, response=response)


def _evse(evse_id: int | None, connector_id: int | None = None) -> m.EVSEType | None:
    return None if evse_id is None else build(m.EVSEType, id=evse_id, connector_id=connector_id)


@router.post(
    "/chargers/{charger_id}/reset",
    responses=_COMMAND_ERRORS,
    summary="Reset the station or one EVSE (B11/B12)",
)
async def reset(
    operator: OperatorDep, station: ConnectedStationDep, body: ResetBody
) -> CommandResult:
    with checked_payload():
        request = build(m.ResetRequest, type=body.type, evse_id=body.evse_id)
    return await _send(operator, station, "Reset", request)


@router.post(
    "/chargers/{charger_id}/unlock", responses=_COMMAND_ERRORS, summary="UnlockConnector (F05)"
)
async def unlock(
    operator: OperatorDep, station: ConnectedStationDep, body: UnlockBody
) -> CommandResult:
    with checked_payload():
        request = build(
            m.UnlockConnectorRequest, evse_id=body.evse_id, connector_id=body.connector_id
        )
    return await _send(operator, station, "UnlockConnector", request)


@router.post(
    "/chargers/{charger_id}/availability",
    responses=_COMMAND_ERRORS,
    summary="ChangeAvailability of the station, an EVSE or a connector (G03/G04)",
)
async def availability(
    operator: OperatorDep, station: ConnectedStationDep, body: AvailabilityBody
) -> CommandResult:
    with checked_payload():
        request = build(
            m.ChangeAvailabilityRequest,
            operational_status=body.operational_status,
            evse=_evse(body.evse_id, body.connector_id),
        )
    return await _send(operator, station, "ChangeAvailability", request)


@router.post(
    "/chargers/{charger_id}/trigger", responses=_COMMAND_ERRORS, summary="TriggerMessage (F06)"
)
async def trigger(
    operator: OperatorDep, station: ConnectedStationDep, body: TriggerBody
) -> CommandResult:
    with checked_payload():
        request = build(
            m.TriggerMessageRequest,
            requested_message=body.requested_message,
            evse=_evse(body.evse_id),
        )
    return await _send(operator, station, "TriggerMessage", request)


def _component_variable(ref: VariableRef) -> dict[str, Any]:
    component = build(
        m.ComponentType,
        name=ref.component,
        instance=ref.component_instance,
        evse=_evse(ref.evse_id),
    )
    variable = build(m.VariableType, name=ref.variable, instance=ref.instance)
    return {"component": component, "variable": variable, "attribute_type": ref.attribute_type}


@router.post(
    "/chargers/{charger_id}/variables/get", responses=_COMMAND_ERRORS, summary="GetVariables (B06)"
)
async def get_variables(
    operator: OperatorDep, station: ConnectedStationDep, body: GetVariablesBody
) -> CommandResult:
    with checked_payload():
        data = [build(m.GetVariableDataType, **_component_variable(v)) for v in body.variables]
        request = build(m.GetVariablesRequest, get_variable_data=data)
    return await _send(operator, station, "GetVariables", request)


@router.post(
    "/chargers/{charger_id}/variables/set", responses=_COMMAND_ERRORS, summary="SetVariables (B05)"
)
async def set_variables(
    operator: OperatorDep, station: ConnectedStationDep, body: SetVariablesBody
) -> CommandResult:
    with checked_payload():
        data = [
            build(m.SetVariableDataType, **_component_variable(v), attribute_value=v.value)
            for v in body.variables
        ]
        request = build(m.SetVariablesRequest, set_variable_data=data)
    return await _send(operator, station, "SetVariables", request)


@router.post(
    "/chargers/{charger_id}/charging-profile",
    responses=_COMMAND_ERRORS,
    summary="SetChargingProfile on an EVSE (K01)",
)
async def charging_profile(
    operator: OperatorDep, station: ConnectedStationDep, body: ChargingProfileBody
) -> CommandResult:
    with checked_payload():
        request = build(
            m.SetChargingProfileRequest,
            evse_id=body.evse_id,
            charging_profile=body.charging_profile,  # wire JSON, validated by its aliases
        )
    return await _send(operator, station, "SetChargingProfile", request)
