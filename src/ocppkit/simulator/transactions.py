"""TransactionEvent and MeterValues payloads built from an EVSE, its transaction and meter, pure.

Sampled values (J01, E01): ``Energy.Active.Import.Register`` (Wh, the meter register, not the
transaction's energy), ``Power.Active.Import`` (W, total over the phases in use),
``Current.Import`` (A, one value per phase in use, phase L1..L3) and ``Voltage`` (V,
phase-to-neutral; one value without a phase because every phase has the same voltage here).
Values are rounded down to their reported resolution, so a reported power never exceeds the limit
it obeys and the reported register never decreases.
"""

from __future__ import annotations

import math
from datetime import datetime

from ocppkit.protocol.models import (
    ChargingStateEnumType,
    EVSEType,
    MeasurandEnumType,
    MeterValueType,
    PhaseEnumType,
    ReadingContextEnumType,
    ReasonEnumType,
    SampledValueType,
    TransactionEventEnumType,
    TransactionEventRequest,
    TransactionType,
    TriggerReasonEnumType,
    UnitOfMeasureType,
)
from ocppkit.simulator.evse import Evse, Transaction
from ocppkit.simulator.meter import MeterModel

Context = ReadingContextEnumType
Trigger = TriggerReasonEnumType
_PHASES = (PhaseEnumType.L1, PhaseEnumType.L2, PhaseEnumType.L3)

# The trigger reported with each stop reason (E06).
STOP_TRIGGERS: dict[ReasonEnumType, TriggerReasonEnumType] = {
    ReasonEnumType.Local: Trigger.StopAuthorized,
    ReasonEnumType.Remote: Trigger.RemoteStop,
    ReasonEnumType.EVDisconnected: Trigger.EVCommunicationLost,
    ReasonEnumType.StoppedByEV: Trigger.EVCommunicationLost,
    ReasonEnumType.DeAuthorized: Trigger.Deauthorized,
    ReasonEnumType.ImmediateReset: Trigger.ResetCommand,
    ReasonEnumType.Reboot: Trigger.ResetCommand,
    ReasonEnumType.EnergyLimitReached: Trigger.EnergyLimitReached,
    ReasonEnumType.TimeLimitReached: Trigger.TimeLimitReached,
}


def wire_time(moment: datetime) -> str:
    """An OCPP date-time: UTC, millisecond resolution, ``Z`` suffix."""
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _floor(value: float, digits: int) -> float:
    scale = 10.0**digits
    return math.floor(value * scale) / scale


def _value(
    value: float,
    measurand: MeasurandEnumType,
    unit: str,
    context: Context,
    phase: PhaseEnumType | None = None,
) -> SampledValueType:
    return SampledValueType(
        value=value,
        context=context,
        measurand=measurand,
        phase=phase,
        unit_of_measure=UnitOfMeasureType(unit=unit),
    )


def register_value(register_wh: float, context: Context) -> SampledValueType:
    """The energy register as a sampled value (Wh)."""
    return _value(
        _floor(register_wh, 3), MeasurandEnumType.Energy_Active_Import_Register, "Wh", context
    )


def sampled_values(
    meter: MeterModel, register_wh: float, context: Context
) -> list[SampledValueType]:
    """Register, power, current (per phase on AC, one DC value) and voltage, as sampled now;
    on DC also the EV's state of charge (SoC, %)."""
    values = [
        register_value(register_wh, context),
        _value(_floor(meter.power_w, 1), MeasurandEnumType.Power_Active_Import, "W", context),
    ]
    current = _floor(meter.current_a, 3)
    phases = (None,) if meter.dc else _PHASES[: meter.phases_in_use]
    for phase in phases:
        values.append(_value(current, MeasurandEnumType.Current_Import, "A", context, phase))
    values.append(_value(meter.voltage_v, MeasurandEnumType.Voltage, "V", context))
    if meter.dc and meter.soc is not None:
        values.append(_value(_floor(meter.soc, 1), MeasurandEnumType.SoC, "Percent", context))
    return values


def meter_value(values: list[SampledValueType], at: datetime) -> MeterValueType:
    """One MeterValue of ``values`` taken at ``at``."""
    return MeterValueType(sampled_value=values, timestamp=wire_time(at))


def _transaction_info(
    tx: Transaction, state: ChargingStateEnumType | None = None
) -> TransactionType:
    state = state or tx.charging_state or ChargingStateEnumType.Charging
    return TransactionType(transaction_id=tx.transaction_id, charging_state=state)


def started_event(
    evse: Evse, tx: Transaction, trigger: TriggerReasonEnumType, at: datetime, register_wh: float
) -> TransactionEventRequest:
    """TransactionEvent Started (seqNo 0): the idToken (once known), the EVSE and the register
    at the start; ``remoteStartId`` links it to the RequestStartTransaction that caused it
    (F01/F02), ``reservationId`` to the reservation it used (H01)."""
    info = _transaction_info(tx)
    if tx.remote_start_id is not None:
        info.remote_start_id = tx.remote_start_id
    return TransactionEventRequest(
        event_type=TransactionEventEnumType.Started,
        timestamp=wire_time(at),
        trigger_reason=trigger,
        seq_no=tx.next_seq_no(),
        transaction_info=info,
        id_token=tx.id_token,
        reservation_id=tx.reservation_id,
        evse=EVSEType(id=evse.evse_id, connector_id=evse.connector_id),
        meter_value=[meter_value([register_value(register_wh, Context.Transaction_Begin)], at)],
    )


def updated_event(
    evse: Evse,
    tx: Transaction,
    trigger: TriggerReasonEnumType,
    at: datetime,
    register_wh: float,
    context: Context = Context.Sample_Periodic,
) -> TransactionEventRequest:
    """TransactionEvent Updated with a full sample of the meter and the transaction's
    chargingState."""
    return TransactionEventRequest(
        event_type=TransactionEventEnumType.Updated,
        timestamp=wire_time(at),
        trigger_reason=trigger,
        seq_no=tx.next_seq_no(),
        transaction_info=_transaction_info(tx),
        meter_value=[meter_value(sampled_values(evse.meter, register_wh, context), at)],
    )


def ended_event(
    tx: Transaction,
    reason: ReasonEnumType,
    at: datetime,
    register_wh: float,
    seconds: float,
    trigger: TriggerReasonEnumType | None = None,
    state: ChargingStateEnumType = ChargingStateEnumType.Idle,
) -> TransactionEventRequest:
    """TransactionEvent Ended with the stop reason, the register at the end and ``state``
    (EVConnected while the EV is still plugged in, else Idle)."""
    info = _transaction_info(tx, state)
    info.stopped_reason = reason
    info.time_spent_charging = max(0, int(seconds))
    return TransactionEventRequest(
        event_type=TransactionEventEnumType.Ended,
        timestamp=wire_time(at),
        trigger_reason=trigger or STOP_TRIGGERS.get(reason, Trigger.AbnormalCondition),
        seq_no=tx.next_seq_no(),
        transaction_info=info,
        meter_value=[meter_value([register_value(register_wh, Context.Transaction_End)], at)],
    )
