"""Commands towards a station: the seed's start/stop, every CSMS->CS action at
``POST /chargers/{id}/commands/{Action}``, and convenience endpoints for the common ones.

Every command answers ``{"action", "response"}`` (start/stop keep the seed's shape): 404
unknown charger or action, 422 a payload that breaks the action's schema (nothing is sent),
409 not connected, 502 the station answered a CALLERROR, 504 no answer in time.
"""

from __future__ import annotations

from functools import cache, partial
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ocppkit.api.deps import OperatorDep, await_command, require_connected, send_action
from ocppkit.api.schemas import (
    ActionInfo,
    AvailabilityBody,
    ChargingProfileBody,
    CommandResult,
    GetVariablesBody,
    ResetBody,
    SetVariablesBody,
    StartRequest,
    StopRequest,
    TriggerBody,
    UnlockBody,
    VariableRef,
    error_responses,
)
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
    operator: OperatorDep, charger_id: str, body: Annotated[StartRequest | None, Body()] = None
) -> dict[str, Any]:
    body = body or StartRequest()
    server = operator.server
    require_connected(server, charger_id)
    kwargs: dict[str, Any] = {"evse_id": body.evse_id}
    if body.id_token:
        kwargs["id_token"] = body.id_token
    answer = await await_command(charger_id, server.request_start_transaction(charger_id, **kwargs))
    return {"charger_id": charger_id, "evse_id": body.evse_id, **answer}


@router.post(
    "/chargers/{charger_id}/stop",
    responses=_COMMAND_ERRORS,
    summary="RequestStopTransaction towards the station",
)
async def stop(
    operator: OperatorDep, charger_id: str, body: Annotated[StopRequest | None, Body()] = None
) -> dict[str, Any]:
    body = body or StopRequest()
    server = operator.server
    require_connected(server, charger_id)
    coro = server.request_stop_transaction(charger_id, transaction_id=body.transaction_id)
    answer = await await_command(charger_id, coro)
    return {"charger_id": charger_id, "transaction_id": body.transaction_id, **answer}


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
    "violations answer 422 `invalid_payload` with `errors: [{field, rule, message}]`.",
)
async def send_command(
    operator: OperatorDep,
    charger_id: str,
    action: Annotated[str, Path(description="e.g. Reset, GetVariables, TriggerMessage")],
    payload: Annotated[dict[str, Any], Body(openapi_examples=_COMMAND_EXAMPLES)],
) -> CommandResult:
    return CommandResult(**await send_action(operator, charger_id, action, payload))


@router.post(
    "/chargers/{charger_id}/reset",
    responses=_COMMAND_ERRORS,
    summary="Reset the station or one EVSE (B11/B12)",
)
async def reset(operator: OperatorDep, charger_id: str, body: ResetBody) -> CommandResult:
    payload: dict[str, Any] = {"type": body.type}
    if body.evse_id is not None:
        payload["evseId"] = body.evse_id
    return CommandResult(**await send_action(operator, charger_id, "Reset", payload))


@router.post(
    "/chargers/{charger_id}/unlock", responses=_COMMAND_ERRORS, summary="UnlockConnector (F05)"
)
async def unlock(operator: OperatorDep, charger_id: str, body: UnlockBody) -> CommandResult:
    payload = {"evseId": body.evse_id, "connectorId": body.connector_id}
    return CommandResult(**await send_action(operator, charger_id, "UnlockConnector", payload))


@router.post(
    "/chargers/{charger_id}/availability",
    responses=_COMMAND_ERRORS,
    summary="ChangeAvailability of the station, an EVSE or a connector (G03/G04)",
)
async def availability(
    operator: OperatorDep, charger_id: str, body: AvailabilityBody
) -> CommandResult:
    payload: dict[str, Any] = {"operationalStatus": body.operational_status}
    if body.evse_id is not None:
        payload["evse"] = {"id": body.evse_id}
        if body.connector_id is not None:
            payload["evse"]["connectorId"] = body.connector_id
    return CommandResult(**await send_action(operator, charger_id, "ChangeAvailability", payload))


@router.post(
    "/chargers/{charger_id}/trigger", responses=_COMMAND_ERRORS, summary="TriggerMessage (F06)"
)
async def trigger(operator: OperatorDep, charger_id: str, body: TriggerBody) -> CommandResult:
    payload: dict[str, Any] = {"requestedMessage": body.requested_message}
    if body.evse_id is not None:
        payload["evse"] = {"id": body.evse_id}
    return CommandResult(**await send_action(operator, charger_id, "TriggerMessage", payload))


def _variable_data(ref: VariableRef) -> dict[str, Any]:
    component: dict[str, Any] = {"name": ref.component}
    if ref.component_instance is not None:
        component["instance"] = ref.component_instance
    if ref.evse_id is not None:
        component["evse"] = {"id": ref.evse_id}
    variable: dict[str, Any] = {"name": ref.variable}
    if ref.instance is not None:
        variable["instance"] = ref.instance
    data: dict[str, Any] = {"component": component, "variable": variable}
    if ref.attribute_type is not None:
        data["attributeType"] = ref.attribute_type
    return data


@router.post(
    "/chargers/{charger_id}/variables/get", responses=_COMMAND_ERRORS, summary="GetVariables (B06)"
)
async def get_variables(
    operator: OperatorDep, charger_id: str, body: GetVariablesBody
) -> CommandResult:
    payload = {"getVariableData": [_variable_data(v) for v in body.variables]}
    return CommandResult(**await send_action(operator, charger_id, "GetVariables", payload))


@router.post(
    "/chargers/{charger_id}/variables/set", responses=_COMMAND_ERRORS, summary="SetVariables (B05)"
)
async def set_variables(
    operator: OperatorDep, charger_id: str, body: SetVariablesBody
) -> CommandResult:
    payload = {
        "setVariableData": [
            {**_variable_data(v), "attributeValue": v.value} for v in body.variables
        ]
    }
    return CommandResult(**await send_action(operator, charger_id, "SetVariables", payload))


@router.post(
    "/chargers/{charger_id}/charging-profile",
    responses=_COMMAND_ERRORS,
    summary="SetChargingProfile on an EVSE (K01)",
)
async def charging_profile(
    operator: OperatorDep, charger_id: str, body: ChargingProfileBody
) -> CommandResult:
    payload = {"evseId": body.evse_id, "chargingProfile": body.charging_profile}
    return CommandResult(**await send_action(operator, charger_id, "SetChargingProfile", payload))
