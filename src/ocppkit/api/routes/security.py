"""Security management (admin keys only, see ``ocppkit.api.auth``): a station's security profile
and password, the API keys, and the security events of refused station connections."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from ocppkit.api.deps import ApiError, ConnectedStationDep, OperatorDep, await_command
from ocppkit.api.schemas import ErrorBody
from ocppkit.csms.handshake import is_valid_identity
from ocppkit.security.api_keys import public_view
from ocppkit.security.stations import SecuritySettingError

router = APIRouter(tags=["security"])
_DENIED: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "no API key, or an unknown or revoked one"},
    403: {"model": ErrorBody, "description": "the key's role is below admin"},
}


class SecuritySettings(BaseModel):
    """Body of ``PUT /chargers/{id}/security``."""

    model_config = ConfigDict(extra="forbid")
    profile: Literal[0, 1, 2, 3] = Field(
        description="the lowest security profile the station may connect with (A05)"
    )
    password: str | None = Field(
        None,
        min_length=16,
        max_length=40,
        description="new HTTP Basic auth password (profiles 1-2); stored hashed, never returned",
    )


class SecurityView(BaseModel):
    charger_id: str
    profile: int
    password_set: bool


class ApiKeyView(BaseModel):
    """An API key as listed: never the key nor its hash."""

    id: str
    role: str
    name: str | None
    created_at: str
    revoked_at: str | None


class CreatedApiKey(ApiKeyView):
    key: str = Field(description="the key itself, shown only in this answer")


class RevokedKey(BaseModel):
    id: str
    revoked: bool


class SecurityEventView(BaseModel):
    """A station connection the handshake refused."""

    id: int | None
    at: str
    charger_id: str
    remote_address: str
    reason: str = Field(description="password_missing, password_wrong, certificate_mismatch, ...")
    detail: str


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["read-only", "operator", "admin"]
    name: str | None = Field(None, max_length=200)


def _valid_id(station_id: str) -> None:
    if not is_valid_identity(station_id):
        raise ApiError(422, "invalid_charger_id", f"{station_id!r} is not a station identity")


@router.get(
    "/chargers/{charger_id}/security",
    responses=_DENIED,
    summary="A station's security profile and whether it has a password",
)
async def get_security(operator: OperatorDep, charger_id: str) -> SecurityView:
    _valid_id(charger_id)
    return SecurityView(**operator.server.get_station_security(charger_id))


@router.put(
    "/chargers/{charger_id}/security",
    responses={**_DENIED, 422: {"model": ErrorBody, "description": "bad profile or password"}},
    summary="Set a station's security profile (and password); used from its next connection",
)
async def put_security(
    operator: OperatorDep, charger_id: str, body: SecuritySettings
) -> SecurityView:
    _valid_id(charger_id)
    try:
        view = await operator.server.set_station_security(charger_id, body.profile, body.password)
    except SecuritySettingError as exc:
        raise ApiError(422, "invalid_security_settings", str(exc)) from exc
    return SecurityView(**view)


class PasswordRotation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    password: str = Field(min_length=16, max_length=40, description="the station's new password")


class RotationResult(BaseModel):
    charger_id: str
    status: str = Field(description="the station's SetVariables attributeStatus")
    reset: bool = Field(description="a Reset OnIdle was sent so that it reconnects")
    pending: bool = Field(description="the old password is accepted until the new one is used")


@router.post(
    "/chargers/{charger_id}/security/password",
    responses={
        **_DENIED,
        409: {"model": ErrorBody, "description": "the station is not connected"},
        502: {"model": ErrorBody, "description": "the station answered with a CALLERROR"},
        504: {"model": ErrorBody, "description": "no answer from the station in time"},
    },
    summary="A01: give a connected station a new Basic auth password (SetVariables)",
)
async def rotate_password(
    operator: OperatorDep, station: ConnectedStationDep, body: PasswordRotation
) -> RotationResult:
    server, station_id = operator.server, station.station_id

    async def rotate() -> RotationResult:
        return RotationResult(**await server.rotate_station_password(station_id, body.password))

    try:
        return RotationResult(**await await_command(station_id, rotate()))  # type: ignore[arg-type]
    except SecuritySettingError as exc:
        raise ApiError(422, "invalid_security_settings", str(exc)) from exc


class ProfileUpgrade(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: Literal[1, 2, 3] = Field(description="the new, higher security profile")
    csms_url: str = Field(
        min_length=6, max_length=512, description="where the station connects at the new profile"
    )
    slot: int = Field(1, ge=1, le=8, description="the network configuration slot to use")


class UpgradeResult(BaseModel):
    charger_id: str
    profile: int
    network_profile: str = Field(description="the SetNetworkProfile status")
    priority: str | None = Field(description="the NetworkConfigurationPriority attributeStatus")
    reset: str | None = Field(description="the Reset status")


@router.post(
    "/chargers/{charger_id}/security/upgrade",
    responses={
        **_DENIED,
        409: {"model": ErrorBody, "description": "the station is not connected"},
        422: {"model": ErrorBody, "description": "not an upgrade, or not possible here"},
    },
    summary="A05: move a connected station up to a higher security profile",
)
async def upgrade_profile(
    operator: OperatorDep, station: ConnectedStationDep, body: ProfileUpgrade
) -> UpgradeResult:
    server, station_id = operator.server, station.station_id

    async def upgrade() -> UpgradeResult:
        result = await server.upgrade_station_profile(
            station_id, body.profile, body.csms_url, body.slot
        )
        return UpgradeResult(**result)

    try:
        return UpgradeResult(**await await_command(station_id, upgrade()))  # type: ignore[arg-type]
    except SecuritySettingError as exc:
        raise ApiError(422, "invalid_security_settings", str(exc)) from exc


@router.get("/api-keys", responses=_DENIED, summary="Every API key (never the key itself)")
async def list_keys(operator: OperatorDep) -> list[ApiKeyView]:
    return [ApiKeyView(**public_view(r)) for r in await operator.server.api_keys.all()]


@router.post(
    "/api-keys",
    status_code=201,
    responses=_DENIED,
    summary="Create an API key; the answer holds the key, shown only this once",
)
async def create_key(operator: OperatorDep, body: ApiKeyCreate) -> CreatedApiKey:
    record, key = await operator.server.api_keys.create(body.role, body.name)
    return CreatedApiKey(**public_view(record), key=key)


@router.delete("/api-keys/{key_id}", responses=_DENIED, summary="Revoke an API key")
async def revoke_key(operator: OperatorDep, key_id: str) -> RevokedKey:
    if not await operator.server.api_keys.revoke(key_id):
        raise ApiError(404, "api_key_not_found", f"no active API key {key_id!r}")
    return RevokedKey(id=key_id, revoked=True)


@router.get(
    "/security/events",
    responses=_DENIED,
    summary="Refused station connections (wrong password, another station's certificate, "
    "below its profile, ...), newest first",
)
async def security_events(
    operator: OperatorDep,
    charger_id: Annotated[str | None, Query(max_length=48, description="one station")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="at most this many")] = 100,
) -> list[SecurityEventView]:
    events = await operator.server.security_events.recent(limit, charger_id)
    return [SecurityEventView(**event) for event in events]
