"""What an ISO 15118 EV tells the station about smart charging (block K), pure: its charging
needs (NotifyEVChargingNeeds, K15), the most power it takes and the schedule it chooses from the
limits offered (NotifyEVChargingSchedule, K15/K17). The messages themselves are sent by
``simulator.blocks.smart_charging``."""

from __future__ import annotations

from datetime import datetime

from ocppkit.protocol.models import (
    ACChargingParametersType,
    ChargingNeedsType,
    ChargingRateUnitEnumType,
    ChargingSchedulePeriodType,
    ChargingScheduleType,
    DCChargingParametersType,
    EnergyTransferModeEnumType,
)
from ocppkit.simulator.evse import Evse
from ocppkit.simulator.transactions import wire_time


def charging_needs(evse: Evse, departure: datetime | None = None) -> ChargingNeedsType | None:
    """What the EV at ``evse`` asks for (ISO 15118 ChargeParameterDiscovery), None without one."""
    meter, ev = evse.meter, evse.meter.ev
    if ev is None:
        return None
    energy = round(ev.remaining_wh)
    leave = None if departure is None else wire_time(departure)
    if meter.dc:
        return ChargingNeedsType(
            requested_energy_transfer=EnergyTransferModeEnumType.DC,
            departure_time=leave,
            dc_charging_parameters=DCChargingParametersType(
                ev_max_current=round(ev.model.max_dc_w / ev.model.pack_voltage),
                ev_max_voltage=round(ev.model.dc_voltage(100.0)),
                energy_amount=energy,
                ev_max_power=round(ev.model.max_dc_w),
                state_of_charge=min(100, round(ev.soc)),
                ev_energy_capacity=round(ev.model.battery_wh),
                full_soc=100,
                bulk_soc=round(ev.model.taper_soc),
            ),
        )
    one_phase = min(meter.phases, ev.model.ac_phases) == 1
    mode = EnergyTransferModeEnumType
    return ChargingNeedsType(
        requested_energy_transfer=mode.AC_single_phase if one_phase else mode.AC_three_phase,
        departure_time=leave,
        ac_charging_parameters=ACChargingParametersType(
            energy_amount=energy,
            ev_min_current=6,  # IEC 61851-1: the least current an AC EV is offered
            ev_max_current=round(ev.model.max_ac_current),
            ev_max_voltage=round(meter.nominal_voltage * 1.1),
        ),
    )


def ev_max_power_w(evse: Evse) -> float | None:
    """The most power the EV at ``evse`` takes (W): its DC maximum, or on AC its on-board
    charger's current on the phases both sides have. None without an EV."""
    meter, ev = evse.meter, evse.meter.ev
    if ev is None:
        return None
    if meter.dc:
        return ev.model.max_dc_w
    phases = min(meter.phases, ev.model.ac_phases)
    return ev.model.max_ac_current * meter.nominal_voltage * phases


def ev_charging_schedule(
    schedule_id: int, offered: list[ChargingSchedulePeriodType], duration: int, ev_max_w: float
) -> ChargingScheduleType:
    """The schedule the EV chooses from the limits ``offered`` (in W, from the composite
    schedule of its EVSE): each period capped to what the EV takes, equal neighbours merged.
    Its id is the offered schedule's (ISO 15118: the SAScheduleTuple the EV selected)."""
    periods: list[ChargingSchedulePeriodType] = []
    for period in offered:
        limit = round(min(period.limit, ev_max_w), 1)
        if (
            periods
            and periods[-1].limit == limit
            and periods[-1].number_phases == period.number_phases
        ):
            continue
        periods.append(period.model_copy(update={"limit": limit}))
    return ChargingScheduleType(
        id=schedule_id,
        charging_rate_unit=ChargingRateUnitEnumType.W,
        charging_schedule_period=periods,
        duration=duration,
    )
