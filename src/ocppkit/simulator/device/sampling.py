"""Which measurands a meter sample carries (SampledDataCtrlr / AlignedDataCtrlr measurands, J01,
J02, E01), pure: the meter offers its full sample, the device model picks from it."""

from __future__ import annotations

from collections.abc import Collection

from ocppkit.protocol.models import (
    MeterValueType,
    ReadingContextEnumType,
    SampledValueType,
    TransactionEventRequest,
)
from ocppkit.simulator.meter import MeterModel
from ocppkit.simulator.transactions import sampled_values


def pick(values: list[SampledValueType], measurands: Collection[str]) -> list[SampledValueType]:
    """The values whose measurand is one of ``measurands`` (a value without a measurand is an
    Energy.Active.Import.Register reading, its default)."""
    chosen = set(measurands)
    return [v for v in values if (v.measurand or "Energy.Active.Import.Register") in chosen]


def sample(
    meter: MeterModel,
    register_wh: float,
    context: ReadingContextEnumType,
    measurands: Collection[str],
) -> list[SampledValueType]:
    """The meter's sample now, reduced to ``measurands``."""
    return pick(sampled_values(meter, register_wh, context), measurands)


def with_measurands(
    event: TransactionEventRequest,
    meter: MeterModel,
    register_wh: float,
    measurands: Collection[str],
) -> TransactionEventRequest:
    """``event`` with its meter value re-sampled to carry exactly ``measurands`` (same context
    and timestamp); without a meter value when none is configured."""
    if not event.meter_value:
        return event
    first = event.meter_value[0]
    context = first.sampled_value[0].context or ReadingContextEnumType.Sample_Periodic
    values = sample(meter, register_wh, context, measurands)
    event.meter_value = (
        [MeterValueType(sampled_value=values, timestamp=first.timestamp)] if values else None
    )
    return event
