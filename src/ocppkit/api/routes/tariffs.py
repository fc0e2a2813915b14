"""Tariffs (block I): list, read, put (create or replace) and delete; a tariff's assignment to a
station group (``station_ids``) and to id-token groups (``id_token_groups``, the tokens'
groupIdToken) is part of it. Prices are exact decimals: sent as numbers or decimal text,
answered as decimal text."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from ocppkit.api.deps import ApiError, OperatorDep
from ocppkit.api.schemas import error_responses
from ocppkit.csms.cost import Tariff, TariffError
from ocppkit.csms.tariffs import tariff_from_dict, tariff_to_dict

router = APIRouter(tags=["tariffs"])

TariffId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Price = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
_EXAMPLE: dict[str, Any] = {
    "currency": "EUR",
    "energy_price_kwh": "0.30",
    "time_price_hour": "1.20",
    "session_fee": "0.50",
    "idle_fee_hour": "6.00",
    "valid_from": None,
    "valid_to": None,
    "station_ids": ["CP_1", "CP_2"],
    "id_token_groups": [],
    "text": "0.30 EUR/kWh + 1.20 EUR/h, 0.50 EUR per session",
}


class TariffBody(BaseModel):
    """A tariff as ``PUT /tariffs/{id}`` takes it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")
    energy_price_kwh: Price = Decimal(0)
    time_price_hour: Price = Field(Decimal(0), description="per hour from start to end")
    session_fee: Price = Decimal(0)
    idle_fee_hour: Price = Field(Decimal(0), description="per hour connected after charging")
    valid_from: AwareDatetime | None = None
    valid_to: AwareDatetime | None = None
    station_ids: list[Annotated[str, Field(min_length=1, max_length=255)]] = Field(
        default_factory=list, description="the station group it prices; empty: every station"
    )
    id_token_groups: list[Annotated[str, Field(min_length=1, max_length=36)]] = Field(
        default_factory=list, description="groupIdToken values it prices; empty: every token"
    )
    text: str | None = Field(None, max_length=512, description="shown to the driver (I01)")


class TariffView(BaseModel):
    """A tariff as the API answers it (prices as decimal text)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"id": "standard", **_EXAMPLE}]})
    id: str
    currency: str
    energy_price_kwh: str
    time_price_hour: str
    session_fee: str
    idle_fee_hour: str
    valid_from: str | None
    valid_to: str | None
    station_ids: list[str]
    id_token_groups: list[str]
    text: str | None


def _view(tariff: Tariff) -> TariffView:
    return TariffView(**tariff_to_dict(tariff))


def _tariff_or_404(operator: OperatorDep, tariff_id: str) -> Tariff:
    tariff = operator.server.tariffs.get(tariff_id)
    if tariff is None:
        raise ApiError(404, "tariff_not_found", f"tariff {tariff_id!r} is not known")
    return tariff


@router.get("/tariffs", summary="Every tariff, by id")
async def list_tariffs(operator: OperatorDep) -> list[TariffView]:
    return [_view(t) for t in operator.server.tariffs.all()]


@router.get("/tariffs/{tariff_id}", responses=error_responses(404), summary="One tariff")
async def get_tariff(operator: OperatorDep, tariff_id: TariffId) -> TariffView:
    return _view(_tariff_or_404(operator, tariff_id))


@router.put(
    "/tariffs/{tariff_id}",
    responses=error_responses(422),
    summary="Create or replace a tariff (201 when new)",
    description="Running transactions keep the tariff they started with; a new or changed "
    "tariff prices the transactions that start from now on.",
)
async def put_tariff(
    operator: OperatorDep, tariff_id: TariffId, body: TariffBody, response: Response
) -> TariffView:
    try:
        tariff = tariff_from_dict(tariff_id, body.model_dump())
    except TariffError as error:
        raise ApiError(
            422,
            "invalid_body",
            str(error),
            {"errors": [{"field": "body", "rule": "tariff", "message": str(error)}]},
        ) from error
    if await operator.server.tariffs.put(tariff):
        response.status_code = 201
    return _view(tariff)


@router.delete(
    "/tariffs/{tariff_id}",
    status_code=204,
    responses=error_responses(404),
    summary="Remove a tariff (running transactions keep their price)",
)
async def delete_tariff(operator: OperatorDep, tariff_id: TariffId) -> Response:
    _tariff_or_404(operator, tariff_id)
    await operator.server.tariffs.remove(tariff_id)
    return Response(status_code=204)
