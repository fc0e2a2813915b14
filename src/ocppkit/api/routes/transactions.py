"""Transactions: filtered and paginated, and one with its events and meter values."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response

from ocppkit.api.deps import ApiError, OperatorDep, PageDep
from ocppkit.api.schemas import error_responses
from ocppkit.csms.views import TransactionDetailView, TransactionView

router = APIRouter(tags=["transactions"])


def _aware(value: datetime | None, name: str) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ApiError(
            422,
            "invalid_parameter",
            f"{name}: give a time zone (e.g. Z)",
            {
                "errors": [
                    {"field": name, "rule": "timezone_aware", "message": "a time zone is required"}
                ]
            },
        )
    return value


@router.get(
    "/transactions",
    responses=error_responses(422),
    summary="Transactions, newest start first (filtered, paginated)",
    description="Every active transaction and the most recent ended ones the CSMS keeps. "
    "`since`/`until` bound the start time (RFC 3339 with a time zone). Total in `X-Total-Count`.",
)
async def list_transactions(
    operator: OperatorDep,
    page: PageDep,
    response: Response,
    charger_id: Annotated[str | None, Query(max_length=255)] = None,
    id_token: Annotated[str | None, Query(max_length=36)] = None,
    active: Annotated[bool | None, Query()] = None,
    since: Annotated[datetime | None, Query()] = None,
    until: Annotated[datetime | None, Query()] = None,
) -> list[TransactionView]:
    found = operator.queries.transactions(
        charger_id, id_token, active, _aware(since, "since"), _aware(until, "until")
    )
    return page.apply(found, response)


@router.get(
    "/transactions/{transaction_id}",
    responses=error_responses(404),
    summary="One transaction with its events and meter values",
    description="Transaction ids are unique per station only: give `charger_id`, else the most "
    "recent transaction with this id is returned. Events and meter values come from the "
    "database when one is configured (`source: database`), else from memory (recent ones).",
)
async def get_transaction(
    operator: OperatorDep,
    transaction_id: str,
    charger_id: Annotated[str | None, Query(max_length=255)] = None,
) -> TransactionDetailView:
    found = await operator.queries.transaction_detail(transaction_id, charger_id)
    if found is None:
        raise ApiError(404, "transaction_not_found", f"transaction {transaction_id!r} is not known")
    return found
