"""Sites: groups of stations sharing a power limit (K01 with ChargingStationMaxProfile, see
``ocppkit.csms.sites``). Reads need the read-only role, writes the operator role (the API's
one auth dependency, ``ocppkit.api.auth``)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from ocppkit.api.deps import ApiError, OperatorDep
from ocppkit.api.schemas import error_responses
from ocppkit.csms.sites import Site

router = APIRouter(tags=["sites"])


class SiteBody(BaseModel):
    """A site's limit, stations and allocation strategy."""

    model_config = ConfigDict(extra="forbid")

    limit_w: float = Field(gt=0, description="the power the site's stations share (W)")
    stations: list[str] = Field(max_length=10_000, description="the station ids in the site")
    strategy: str = Field("equal", description="equal, first_come or needs")


class StationShare(BaseModel):
    station_id: str
    allocated_w: float | None = Field(description="its share now (W); None: not given yet")
    charging: bool
    connected: bool


class SiteView(BaseModel):
    site_id: str
    limit_w: float
    strategy: str
    stations: list[str]
    allocated_w: float = Field(description="the sum of the stations' shares (W)")
    allocation: list[StationShare]


def _view(operator: OperatorDep, site_id: str) -> SiteView:
    found = operator.server.sites.view(site_id)
    if found is None:
        raise ApiError(404, "site_not_found", f"site {site_id!r} is not configured")
    return SiteView(**found)


@router.get("/sites", response_model=list[SiteView], summary="The sites and their allocation")
async def list_sites(operator: OperatorDep) -> list[SiteView]:
    return [_view(operator, site.site_id) for site in operator.server.sites.sites()]


@router.get(
    "/sites/{site_id}",
    response_model=SiteView,
    responses=error_responses(404),
    summary="One site with each station's share now",
)
async def get_site(operator: OperatorDep, site_id: str) -> SiteView:
    return _view(operator, site_id)


@router.put(
    "/sites/{site_id}",
    response_model=SiteView,
    responses=error_responses(422),
    summary="Create or replace a site; its limit is allocated again at once",
)
async def put_site(operator: OperatorDep, site_id: str, body: SiteBody) -> SiteView:
    try:
        await operator.server.sites.save(Site(site_id, body.limit_w, body.stations, body.strategy))
    except ValueError as exc:
        raise ApiError(422, "invalid_site", str(exc)) from None
    return _view(operator, site_id)


@router.delete(
    "/sites/{site_id}",
    status_code=204,
    responses=error_responses(404),
    summary="Remove a site (the shares already sent stay on the stations)",
)
async def delete_site(operator: OperatorDep, site_id: str) -> Response:
    if not await operator.server.sites.delete(site_id):
        raise ApiError(404, "site_not_found", f"site {site_id!r} is not configured")
    return Response(status_code=204)
