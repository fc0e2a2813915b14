"""Building the payloads of the CSMS's typed commands (F01, F03, K01), without I/O."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import ValidationError

from ocppkit.protocol.models import (
    ChargingProfileType,
    IdTokenType,
    OcppModel,
    RequestStartTransactionRequest,
    RequestStopTransactionRequest,
    SetChargingProfileRequest,
)
from ocppkit.protocol.validation import error_from_validation

M = TypeVar("M", bound=OcppModel)

# ISO 14443 card UIDs are 4, 7 or 10 bytes, written as hex; anything else is a central token.
_ISO14443_UID = re.compile(r"[0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}|[0-9A-Fa-f]{20}")


def id_token_type(token: str) -> str:
    """``ISO14443`` for a hex card UID (8, 14 or 20 hex digits), else ``Central``."""
    return "ISO14443" if _ISO14443_UID.fullmatch(token) else "Central"


def build(model: type[M], **fields: Any) -> M:
    """A request model from Python field values, invalid values mapped to the OCPP error.

    Raises:
        OCPPError: a field is invalid (e.g. an id token longer than 36 characters).
    """
    try:
        return model(**fields)
    except ValidationError as exc:
        raise error_from_validation(exc, model.__name__) from None


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
