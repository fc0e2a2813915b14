"""OCPP 1.6 payload pieces in their 2.0.1 form, so the CSMS's one reading of meter values,
tokens and vendor data serves both versions."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import orjson

from ocppkit.protocol import models as m201
from ocppkit.protocol import models_v16 as m16

# 2.0.1 authorization statuses that 1.6's idTagInfo has no word for are Invalid there.
_ID_TAG_STATUSES = frozenset({"Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx"})
ENERGY = "Energy.Active.Import.Register"  # 1.6 section 7.31: the measurand when none is given


def id_tag_status(status: str) -> str:
    """A 2.0.1 AuthorizationStatus as a 1.6 AuthorizationStatus (Unknown, NoCredit... are
    Invalid: the token may not charge)."""
    return status if status in _ID_TAG_STATUSES else "Invalid"


def _sample(
    sample: m16.MeterValuesSampledValueType | m16.StopTransactionSampledValueType,
) -> dict[str, Any] | None:
    if sample.format is not None and str(sample.format) == "SignedData":
        return None  # a signed blob, no number to read
    try:
        value = float(sample.value)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    out: dict[str, Any] = {"value": value, "measurand": str(sample.measurand or ENERGY)}
    for key in ("context", "phase", "location"):
        given = getattr(sample, key)
        if given is not None:
            out[key] = str(given)
    if sample.unit is not None:
        out["unitOfMeasure"] = {"unit": str(sample.unit)}
    return out


def meter_values_201(
    values: Iterable[m16.MeterValueType | m16.TransactionDataType],
) -> list[m201.MeterValueType]:
    """1.6 meterValue / transactionData entries as 2.0.1 MeterValueType; samples that carry
    no number (SignedData, text) are left out, and entries left with none."""
    converted = []
    for value in values:
        samples = [s for s in (_sample(x) for x in value.sampled_value) if s is not None]
        if samples:
            converted.append(
                m201.MeterValueType.model_validate(
                    {"timestamp": value.timestamp, "sampledValue": samples}
                )
            )
    return converted


def data_transfer_201(request: m16.DataTransferRequest) -> m201.DataTransferRequest:
    return m201.DataTransferRequest(
        vendor_id=request.vendor_id, message_id=request.message_id, data=request.data
    )


def data_transfer_16(response: m201.DataTransferResponse) -> m16.DataTransferResponse:
    """The answer in 1.6 form; 1.6 data is text, so other data is sent as its JSON."""
    data = response.data
    if data is not None and not isinstance(data, str):
        data = orjson.dumps(data).decode()
    return m16.DataTransferResponse(status=str(response.status), data=data)
