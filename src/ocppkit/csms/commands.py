"""The CSMS's commands: building their payloads, and ``CommandSender``, the part of
``OCPPServer`` that sends them: the one command pipeline.

Every CSMS->CS command goes through ``CommandSender.send_command``, whoever sends it: the 40
typed methods (``reset``, ``get_variables``, ..., generated into ``ocppkit.csms.command_methods``
by ``scripts/generate_commands.py``, each building its request model), ``OCPPServer.call`` (any
action, a model or its wire dict), the REST API and the dashboard (``ocppkit.api``), and the
commands the CSMS sends itself (GetBaseReport after boot, TxProfiles). The pipeline checks the
action and the station, turns the payload into the request model once, splits it per the
station's ItemsPerMessage / BytesPerMessage, sends each part as one tracked CALL with its
timeout, merges the answers, and learns from them (B05/B06: the device model).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import ValidationError

from ocppkit.csms.device_models import NO_REPORT, DeviceModel
from ocppkit.csms.errors import InvalidCommandError, StationRejectedError
from ocppkit.csms.splitting import (
    Limits,
    StationLimits,
    merge_responses,
    split_request,
    stops_early,
)
from ocppkit.protocol.frames import json_bytes
from ocppkit.protocol.models import (
    CS_TO_CSMS,
    CSMS_TO_CS,
    ChargingProfileType,
    ComponentType,
    GetVariableDataType,
    GetVariablesResponse,
    IdTokenType,
    OcppModel,
    RequestStartTransactionRequest,
    RequestStopTransactionRequest,
    SetChargingProfileRequest,
    SetVariableDataType,
    SetVariablesRequest,
    SetVariablesResponse,
    VariableType,
)
from ocppkit.protocol.validation import coerce, error_from_validation, models_for, to_wire_dict
from ocppkit.protocol.versions import OcppVersion, profile

if TYPE_CHECKING:
    from ocppkit.csms.context import CsmsContext
    from ocppkit.csms.registry import ChargerRegistry

M = TypeVar("M", bound=OcppModel)
R = TypeVar("R", bound=OcppModel)

VariableRef = tuple[str, str] | tuple[str, str, str]
"""(component name, variable name[, attribute type]) of GetVariables."""
VariableSetting = tuple[str, str, str] | tuple[str, str, str, str]
"""(component name, variable name, value[, attribute type]) of SetVariables."""

# ISO 14443 card UIDs are 4, 7 or 10 bytes, written as hex; anything else is a central token.
_ISO14443_UID = re.compile(r"[0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}|[0-9A-Fa-f]{20}")


def id_token_type(token: str) -> str:
    """``ISO14443`` for a hex card UID (8, 14 or 20 hex digits), else ``Central``."""
    return "ISO14443" if _ISO14443_UID.fullmatch(token) else "Central"


def build(model: type[M], **fields: Any) -> M:
    """A request model from Python field values (None: the field is left out); invalid values
    are mapped to the OCPP error, naming the fields as the wire does (``requestedMessage``).

    Raises:
        OCPPError: a field is invalid (e.g. an id token longer than 36 characters).
    """
    names = _wire_names(model)
    data = {names.get(name, name): value for name, value in fields.items() if value is not None}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error_from_validation(exc, model.__name__) from None


@cache
def _wire_names(model: type[OcppModel]) -> dict[str, str]:
    return {name: info.alias or name for name, info in model.model_fields.items()}


def command_request(
    action: str, payload: OcppModel | dict[str, Any], version: OcppVersion = OcppVersion.V201
) -> OcppModel:
    """The request model of a CSMS->CS command of ``version``: a model of the action's request
    class as is, a wire (camelCase) dict validated into one. This is the one place a command's
    payload is coerced.

    Raises:
        InvalidCommandError: the action is unknown, or one a station sends.
        OCPPError: the payload is invalid (nothing is sent).
    """
    check_action(action, version)
    if version is OcppVersion.V201:
        return coerce(models_for(action)[0], payload, f"{action}Request")
    model = profile(version).models_for(action)[0]
    if isinstance(payload, OcppModel) and type(payload) is not model:
        raise InvalidCommandError(
            f"a {type(payload).__name__} of another OCPP version cannot be sent to an "
            f"{profile(version).label} station: give the {action} payload as its wire dict"
        )
    return coerce(model, payload, f"{action}Request")


def check_action(action: str, version: OcppVersion = OcppVersion.V201) -> None:
    """Raises: InvalidCommandError when ``action`` is not one the CSMS sends to a station of
    ``version``."""
    if version is OcppVersion.V201:
        sent, received, label = CSMS_TO_CS, CS_TO_CSMS, "OCPP 2.0.1"
    else:
        prof = profile(version)
        sent, received, label = prof.csms_to_cs, prof.cs_to_csms, prof.label
    if action not in sent:
        direction = "a station sends" if action in received else f"not an {label} action"
        raise InvalidCommandError(f"{action!r} cannot be sent to a station: {direction}")


def station_version(registry: ChargerRegistry, station_id: str) -> OcppVersion:
    """The version of the station's latest link (2.0.1 for a station never connected)."""
    charger = registry.get(station_id)
    found = None if charger is None else charger.ocpp_version
    return OcppVersion.V201 if found is None else OcppVersion(found)


def start_transaction_request(
    evse_id: int | None, id_token: str, remote_start_id: int
) -> RequestStartTransactionRequest:
    """F01/F02: a remote start; RequestStartTransaction names the EVSE, never a connector."""
    token = build(IdTokenType, id_token=id_token, type=id_token_type(id_token))
    fields: dict[str, Any] = {"id_token": token, "remote_start_id": remote_start_id}
    if evse_id is not None:
        fields["evse_id"] = evse_id
    return build(RequestStartTransactionRequest, **fields)


def stop_transaction_request(transaction_id: str) -> RequestStopTransactionRequest:
    """F03: a remote stop of one transaction."""
    return build(RequestStopTransactionRequest, transaction_id=transaction_id)


def charging_profile_request(
    evse_id: int, charging_profile: ChargingProfileType | dict[str, Any]
) -> SetChargingProfileRequest | dict[str, Any]:
    """K01: a SetChargingProfile payload; a wire-form profile dict stays in wire form, and the
    session validates it before anything is sent."""
    if isinstance(charging_profile, ChargingProfileType):
        return build(SetChargingProfileRequest, evse_id=evse_id, charging_profile=charging_profile)
    return {"evseId": evse_id, "chargingProfile": charging_profile}


def _component_variable(component: str, variable: str) -> dict[str, Any]:
    return {"component": ComponentType(name=component), "variable": VariableType(name=variable)}


def variable_data(
    items: Sequence[GetVariableDataType | dict[str, Any] | VariableRef],
) -> list[GetVariableDataType | dict[str, Any]]:
    """B06: GetVariables entries; a tuple ``(component, variable[, attributeType])`` is the
    short form of a GetVariableDataType naming the component and variable by name only."""
    out: list[GetVariableDataType | dict[str, Any]] = []
    for item in items:
        if isinstance(item, tuple):
            fields = _component_variable(item[0], item[1])
            if len(item) > 2:
                fields["attribute_type"] = item[2]
            out.append(build(GetVariableDataType, **fields))
        else:
            out.append(item)
    return out


def variable_settings(
    items: Sequence[SetVariableDataType | dict[str, Any] | VariableSetting],
) -> list[SetVariableDataType | dict[str, Any]]:
    """B05: SetVariables entries; a tuple ``(component, variable, value[, attributeType])`` is
    the short form of a SetVariableDataType."""
    out: list[SetVariableDataType | dict[str, Any]] = []
    for item in items:
        if isinstance(item, tuple):
            fields = _component_variable(item[0], item[1])
            fields["attribute_value"] = item[2]
            if len(item) > 3:
                fields["attribute_type"] = item[3]
            out.append(build(SetVariableDataType, **fields))
        else:
            out.append(item)
    return out


Confirmed = tuple[dict[str, Any], dict[str, Any], str | None, str]
"""(component, variable, attribute type, value), component and variable in wire form."""


def confirmed_values(
    request: OcppModel, response: GetVariablesResponse | SetVariablesResponse
) -> list[Confirmed]:
    """The values a GetVariables answer reports, or a SetVariables request set (B05.FR.02:
    Accepted only; RebootRequired applies after a reboot)."""
    if isinstance(response, GetVariablesResponse):
        return [
            (
                to_wire_dict(r.component),
                to_wire_dict(r.variable),
                None if r.attribute_type is None else str(r.attribute_type),
                r.attribute_value,
            )
            for r in response.get_variable_result
            if r.attribute_status == "Accepted" and r.attribute_value is not None
        ]
    if not isinstance(request, SetVariablesRequest):
        return []
    accepted = {
        (_key(r.component, r.variable, r.attribute_type))
        for r in response.set_variable_result
        if r.attribute_status == "Accepted"
    }
    return [
        (
            to_wire_dict(d.component),
            to_wire_dict(d.variable),
            None if d.attribute_type is None else str(d.attribute_type),
            d.attribute_value,
        )
        for d in request.set_variable_data
        if _key(d.component, d.variable, d.attribute_type) in accepted
    ]


def _key(component: ComponentType, variable: VariableType, attribute_type: Any) -> tuple[Any, ...]:
    return (
        json_bytes(to_wire_dict(component), sort_keys=True),
        json_bytes(to_wire_dict(variable), sort_keys=True),
        str(attribute_type or "Actual"),
    )


class CommandSender:
    """The command pipeline, mixed into ``OCPPServer`` (which provides ``_send_call``, one
    tracked CALL on the station's link).

    Commands to one station go out one at a time, in the order they were issued (the link's
    RPC session queues CALLs behind the outstanding one). A request with a list is cut into
    parts that respect the station's ItemsPerMessage / BytesPerMessage (see
    ``ocppkit.csms.splitting``); the parts of one command are sent back to back, each after the
    previous one's answer, and their answers are merged into one response.
    """

    chargers: ChargerRegistry
    _ctx: CsmsContext

    if TYPE_CHECKING:

        async def _send_call(
            self,
            station_id: str,
            action: str,
            request: OcppModel,
            timeout: float | None,  # noqa: ASYNC109
        ) -> OcppModel: ...

    def _init_commands(self) -> None:
        self.station_limits = StationLimits(self._device_model)
        self._part_locks: dict[str, asyncio.Lock] = {}

    def set_station_limits(
        self,
        station_id: str,
        items_per_message: int | None = None,
        bytes_per_message: int | None = None,
        action: str | None = None,
    ) -> None:
        """Set how many list items / bytes one message to this station may carry, for
        ``action`` (e.g. ``"GetVariables"``) or every list action (``None``). Values the station
        reports in its device model (NotifyReport, or a GetVariables answer about
        ``DeviceDataCtrlr.ItemsPerMessage[...]`` etc.) take precedence.

        Raises:
            ValueError: a limit below 1.
        """
        for value in (items_per_message, bytes_per_message):
            if value is not None and value < 1:
                raise ValueError("limits per message must be at least 1")
        self.station_limits.configure(
            station_id, Limits(items_per_message, bytes_per_message), action
        )

    async def send_command(
        self,
        station_id: str,
        action: str,
        request: OcppModel | dict[str, Any],
        response_type: type[R],
        timeout: float | None = None,  # noqa: ASYNC109 (a per-CALL deadline)
    ) -> R:
        """Send one command through the pipeline: check the action and the station, coerce the
        payload into the request model (once; a model of the right class is used as is), split
        it if the station's limits require it, send the parts, merge their answers and learn
        from them.

        Args:
            request: the request model, or its wire (camelCase) dict.
            response_type: the action's response class (the answer is of this class).
            timeout: seconds to wait for each part's answer; default the server's
                ``call_timeout``.

        Returns:
            the station's answer (the parts' answers merged, lists in request order).

        Raises:
            InvalidCommandError: the action is unknown or is one stations send (in the
                station's OCPP version: a 1.6 station gets 1.6 commands, not split).
            NotConnectedError: the station is not connected (or the link closed meanwhile).
            StationRejectedError: the station was Rejected at boot (B03).
            OCPPError: the payload is invalid (nothing sent), or the station answered a
                CALLERROR (the class of its code) or an invalid CALLRESULT; a failing part
                stops the command (the parts before it were applied by the station).
            CallTimeoutError: no answer in time.
        """
        version = station_version(self.chargers, station_id)
        check_action(action, version)
        self._check_station(station_id)
        model = command_request(action, request, version)
        if version is not OcppVersion.V201:  # validated against the station's version
            return cast(R, await self._send_call(station_id, action, model, timeout))
        parts = split_request(action, model, self.station_limits.limits(station_id, action))
        if len(parts) == 1:
            response = await self._send_call(station_id, action, model, timeout)
        else:
            response = await self._send_parts(station_id, action, parts, timeout)
        if isinstance(response, GetVariablesResponse | SetVariablesResponse):
            await self._learn_values(station_id, model, response)
        return cast(R, response)

    def _check_station(self, station_id: str) -> None:
        self.chargers.connection(station_id)  # NotConnectedError
        if self.chargers.chargers[station_id].registration_status == "Rejected":
            raise StationRejectedError(f"{station_id!r} was Rejected at boot (B03)")

    def _device_model(self, station_id: str) -> DeviceModel | None:
        charger = self.chargers.get(station_id)
        return None if charger is None else charger.device_model

    async def _learn_values(
        self,
        station_id: str,
        request: OcppModel,
        response: GetVariablesResponse | SetVariablesResponse,
    ) -> None:
        """B05/B06: values the station confirmed go into its device model (stored), where
        reports, limits per message and operators read them."""
        confirmed = confirmed_values(request, response)
        charger = self.chargers.get(station_id)
        if not confirmed or charger is None:
            return
        model = charger.device_model
        if model is None:
            now = self._ctx.now()
            model = charger.device_model = DeviceModel(NO_REPORT, now, now, [])
        for component, variable, attribute_type, value in confirmed:
            model.set_value(component, variable, attribute_type, value)
        await self._ctx.store.device_model_reported(charger, model)

    async def _send_parts(
        self,
        station_id: str,
        action: str,
        parts: list[OcppModel],
        timeout: float | None,  # noqa: ASYNC109 (per-CALL deadline)
    ) -> OcppModel:
        # One split command at a time per station, so that two commands' parts never
        # interleave (D01: the parts of a local list update follow each other).
        lock = self._part_locks.setdefault(station_id, asyncio.Lock())
        responses: list[OcppModel] = []
        async with lock:
            for part in parts:
                responses.append(await self._send_call(station_id, action, part, timeout))
                if stops_early(action, responses[-1]):
                    break
        return merge_responses(action, responses)
