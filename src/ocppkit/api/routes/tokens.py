"""Id tokens the CSMS manages (C01-C16): create, read, update, block, delete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from ocppkit.api.deps import ApiError, OperatorDep, PageDep
from ocppkit.api.schemas import ErrorBody, Token, TokenCreate, TokenUpdate, error_responses
from ocppkit.csms.tokens import TokenEntry

router = APIRouter(tags=["tokens"])


def _token_or_404(operator: OperatorDep, id_token: str) -> TokenEntry:
    entry = operator.server.tokens.get(id_token)
    if entry is None:
        raise ApiError(404, "token_not_found", f"id token {id_token!r} is not managed")
    return entry


@router.get(
    "/tokens",
    responses=error_responses(422),
    response_model=list[Token],
    summary="Managed id tokens by id (paginated; total in X-Total-Count)",
)
async def list_tokens(operator: OperatorDep, page: PageDep, response: Response) -> list[Any]:
    entries = operator.server.tokens.entries()
    return [e.to_dict() for e in page.apply(entries, response)]


@router.post(
    "/tokens",
    status_code=201,
    responses={
        **error_responses(422),
        409: {"model": ErrorBody, "description": "the token already exists"},
    },
    summary="Add a managed id token",
)
async def create_token(operator: OperatorDep, body: TokenCreate) -> Token:
    tokens = operator.server.tokens
    if tokens.get(body.id_token) is not None:
        raise ApiError(409, "token_exists", f"id token {body.id_token!r} already exists")
    entry = await tokens.add(
        body.id_token, type=body.type, status=body.status, expiry=body.expiry, group=body.group
    )
    return Token(**entry.to_dict())


@router.get("/tokens/{id_token}", responses=error_responses(404), summary="One managed id token")
async def get_token(operator: OperatorDep, id_token: str) -> Token:
    return Token(**_token_or_404(operator, id_token).to_dict())


@router.patch(
    "/tokens/{id_token}",
    responses=error_responses(404, 422),
    summary="Change a token's type, status, expiry or group (keys given only)",
)
async def update_token(operator: OperatorDep, id_token: str, body: TokenUpdate) -> Token:
    entry = _token_or_404(operator, id_token)
    changes = body.model_dump(exclude_unset=True)
    for key in ("type", "status"):
        if key in changes and changes[key] is None:
            raise ApiError(
                422,
                "invalid_body",
                f"{key}: may not be null",
                {"errors": [{"field": key, "rule": "null", "message": "null"}]},
            )
    merged = {
        "type": entry.type,
        "status": entry.status,
        "expiry": entry.expiry,
        "group": entry.group,
        **changes,
    }
    updated = await operator.server.tokens.add(entry.id_token, **merged)
    return Token(**updated.to_dict())


@router.delete(
    "/tokens/{id_token}",
    status_code=204,
    responses=error_responses(404),
    summary="Forget a managed id token",
)
async def delete_token(operator: OperatorDep, id_token: str) -> Response:
    _token_or_404(operator, id_token)
    await operator.server.tokens.remove(id_token)
    return Response(status_code=204)


@router.post("/tokens/{id_token}/block", summary="Block an id token (managed from now on)")
async def block_token(operator: OperatorDep, id_token: str) -> Token:
    if not 1 <= len(id_token) <= 36:
        raise ApiError(422, "invalid_parameter", "id_token: 1 to 36 characters")
    return Token(**(await operator.server.tokens.block(id_token)).to_dict())
