"""What the simulated station tells the CSMS of its own about smart charging (block K):
TransactionEvent Updated ChargingRateChanged when a new limit changes the power delivered,
external limits (NotifyChargingLimit K12, ClearedChargingLimit K13), the EV's charging needs
when it plugs in (NotifyEVChargingNeeds K15) and the schedule the EV chose from a TxProfile
(NotifyEVChargingSchedule K15, again at each new TxProfile: renegotiation, K17)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ACChargingParametersType,
    ChargingLimitSourceEnumType,
    ChargingLimitType,
    ChargingNeedsType,
    ChargingProfilePurposeEnumType,
    ChargingProfileType,
    ChargingRateUnitEnumType,
    ChargingSchedulePeriodType,
    ChargingScheduleType,
    ClearedChargingLimitRequest,
    DCChargingParametersType,
    EnergyTransferModeEnumType,
    NotifyChargingLimitRequest,
    NotifyEVChargingNeedsRequest,
    NotifyEVChargingScheduleRequest,
    TriggerReasonEnumType,
)
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.evse import Evse
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
Purpose = ChargingProfilePurposeEnumType
Source = ChargingLimitSourceEnumType
LIMIT_CHANGE_SIGNIFICANCE = ("SmartChargingCtrlr", "LimitChangeSignificance")


# --- limits in force, and telling the CSMS when they change the power ---


async def apply_new_limits(station: ChargerSimulator) -> None:
    """Apply the profiles in force now to every charging EVSE (within this call, so the next
    sample obeys them) and, where that changed the power by more than
    SmartChargingCtrlr.LimitChangeSignificance (%), send TransactionEvent Updated with
    triggerReason ChargingRateChanged."""
    before = {evse_id: evse.meter.power_w for evse_id, evse in station.evses.items()}
    station.engine.apply_limits()
    significance = station.device_model.number(LIMIT_CHANGE_SIGNIFICANCE) / 100.0
    for evse_id, evse in station.evses.items():
        tx, old, new = evse.transaction, before[evse_id], evse.meter.power_w
        if tx is not None and abs(new - old) > significance * max(old, new, 1.0):
            station.spawn(
                station.engine.send_update(evse, tx, TriggerReasonEnumType.ChargingRateChanged),
                f"rate changed {evse_id}",
            )


async def set_external_limit(
    station: ChargerSimulator,
    evse_id: int,
    profile: ChargingProfileType,
    source: ChargingLimitSourceEnumType = Source.EMS,
) -> None:
    """An external system (EMS, SO...) limits ``evse_id`` (0: the station): hold ``profile``
    as a ChargingStationExternalConstraints profile, apply it and send NotifyChargingLimit
    (K12), with the schedule.

    Raises:
        ValueError: unknown EVSE, or ``source`` is CSO (the CSMS uses SetChargingProfile).
    """
    if source == Source.CSO or (evse_id and evse_id not in station.evses):
        raise ValueError("an external limit comes from EMS, SO or Other, on a known EVSE")
    profile = profile.model_copy(
        update={"charging_profile_purpose": Purpose.ChargingStationExternalConstraints}
    )
    station.profiles.install(evse_id, profile, station.now_utc(), source)
    await apply_new_limits(station)
    await station.notify(
        "NotifyChargingLimit",
        NotifyChargingLimitRequest(
            charging_limit=ChargingLimitType(charging_limit_source=source),
            charging_schedule=list(profile.charging_schedule),
            evse_id=evse_id or None,
        ),
    )


async def clear_external_limit(
    station: ChargerSimulator, evse_id: int, source: ChargingLimitSourceEnumType = Source.EMS
) -> bool:
    """The external system lifts its limits on ``evse_id``: ClearedChargingLimit (K13).

    Returns:
        whether there was a limit to lift.
    """
    if not station.profiles.clear_external(evse_id, source):
        return False
    await apply_new_limits(station)
    request = ClearedChargingLimitRequest(charging_limit_source=source, evse_id=evse_id or None)
    await station.notify("ClearedChargingLimit", request)
    return True


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


async def notify_ev_charging_needs(station: ChargerSimulator, evse: Evse) -> None:
    """K15: NotifyEVChargingNeeds for the EV that just plugged into ``evse`` (if any)."""
    needs = charging_needs(evse)
    if needs is not None:
        request = NotifyEVChargingNeedsRequest(charging_needs=needs, evse_id=evse.evse_id)
        await station.notify("NotifyEVChargingNeeds", request)


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


async def notify_ev_charging_schedule(
    station: ChargerSimulator, evse: Evse, schedule: ChargingScheduleType, time_base: datetime
) -> None:
    """K15/K17: NotifyEVChargingSchedule with the schedule the EV at ``evse`` chose."""
    request = NotifyEVChargingScheduleRequest(
        time_base=wire_time(time_base), charging_schedule=schedule, evse_id=evse.evse_id
    )
    await station.notify("NotifyEVChargingSchedule", request)
