"""Block K, smart charging: SetChargingProfile (K01), GetCompositeSchedule (K08),
GetChargingProfiles (K09), ClearChargingProfile (K10); the limits in force at each EVSE
(``apply_limits``); external limits (NotifyChargingLimit K12, ClearedChargingLimit K13); and the
ISO 15118 EV's side: its charging needs when it plugs in (NotifyEVChargingNeeds K15) and the
schedule it chooses from a TxProfile (NotifyEVChargingSchedule K15, again at each new TxProfile:
renegotiation, K17).

A new limit that changes the power delivered by more than SmartChargingCtrlr.
LimitChangeSignificance is reported as TransactionEvent Updated ChargingRateChanged, through
``rate_changed`` (the transactions block sets it: it owns the TransactionEvents).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Mapping
from itertools import groupby
from typing import Any

from ocppkit.protocol.models import (
    ChargingLimitSourceEnumType,
    ChargingLimitType,
    ChargingProfilePurposeEnumType,
    ChargingProfileStatusEnumType,
    ChargingProfileType,
    ChargingRateUnitEnumType,
    ClearChargingProfileRequest,
    ClearChargingProfileResponse,
    ClearChargingProfileStatusEnumType,
    ClearedChargingLimitRequest,
    CompositeScheduleType,
    GenericStatusEnumType,
    GetChargingProfilesRequest,
    GetChargingProfilesResponse,
    GetChargingProfileStatusEnumType,
    GetCompositeScheduleRequest,
    GetCompositeScheduleResponse,
    NotifyChargingLimitRequest,
    NotifyEVChargingNeedsRequest,
    NotifyEVChargingScheduleRequest,
    ReportChargingProfilesRequest,
    SetChargingProfileRequest,
    SetChargingProfileResponse,
    StatusInfoType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device.variables import Key
from ocppkit.simulator.evse import Evse, Transaction
from ocppkit.simulator.meter import ChargingLimit
from ocppkit.simulator.smart_charging import Electrical, InstalledProfile
from ocppkit.simulator.smart_charging.messages import (
    charging_needs,
    ev_charging_schedule,
    ev_max_power_w,
)
from ocppkit.simulator.transactions import wire_time

log = logging.getLogger("ocppkit.simulator")
Purpose = ChargingProfilePurposeEnumType
Source = ChargingLimitSourceEnumType
Unit = ChargingRateUnitEnumType
LIMIT_CHANGE_SIGNIFICANCE = ("SmartChargingCtrlr", "LimitChangeSignificance")
PROFILES_PER_REPORT = 10  # ReportChargingProfiles parts: at most this many profiles each
EV_SCHEDULE_HORIZON = 86_400  # seconds of schedule an EV is offered (ISO 15118: at most 24 h)
RateChanged = Callable[[Evse, Transaction], Coroutine[Any, Any, None]]


def report_parts(
    request_id: int, found: list[InstalledProfile]
) -> list[ReportChargingProfilesRequest]:
    """The ReportChargingProfiles of ``found``: one per chargingLimitSource and EVSE, split in
    parts of PROFILES_PER_REPORT, ``tbc`` on all but the last (K09)."""

    def key(item: InstalledProfile) -> tuple[str, int]:
        return item.source.value, item.evse_id

    parts = []
    for (source, evse_id), items in groupby(sorted(found, key=key), key=key):
        profiles = [item.profile for item in items]
        for first in range(0, len(profiles), PROFILES_PER_REPORT):
            parts.append(
                ReportChargingProfilesRequest(
                    request_id=request_id,
                    charging_limit_source=Source(source),
                    charging_profile=profiles[first : first + PROFILES_PER_REPORT],
                    evse_id=evse_id,
                )
            )
    for part in parts[:-1]:
        part.tbc = True
    return parts


def _rejected(reason: str) -> SetChargingProfileResponse:
    return SetChargingProfileResponse(
        status=ChargingProfileStatusEnumType.Rejected,
        status_info=StatusInfoType(reason_code=reason),
    )


def _rejected_schedule(reason: str) -> GetCompositeScheduleResponse:
    return GetCompositeScheduleResponse(
        status=GenericStatusEnumType.Rejected, status_info=StatusInfoType(reason_code=reason)
    )


class SmartCharging:
    """The charging profiles of one station at work.

    Args:
        ctx: the station.
        ev_charging_needs: the EVs speak ISO 15118 (K15: NotifyEVChargingNeeds on plug-in).
    """

    __slots__ = ("_ctx", "ev_charging_needs", "rate_changed")

    def __init__(self, ctx: StationContext, ev_charging_needs: bool = False) -> None:
        self._ctx = ctx
        self.ev_charging_needs = ev_charging_needs
        self.rate_changed: RateChanged | None = None  # ChargingRateChanged, set by transactions
        ctx.device_model.bind(
            Key("SmartChargingCtrlr", "Entries", variable_instance="ChargingProfiles"),
            lambda: str(len(ctx.profiles)),
        )

    def routes(self) -> Mapping[str, Handler]:
        return {
            "SetChargingProfile": self.on_set_charging_profile,
            "ClearChargingProfile": self.on_clear_charging_profile,
            "GetChargingProfiles": self.on_get_charging_profiles,
            "GetCompositeSchedule": self.on_get_composite_schedule,
        }

    # --- the limits in force ---

    def apply_limits(self, now: float | None = None) -> None:
        """Set every EVSE's operating point from the charging profiles in force now (K01): the
        EVSE's own limit and its share of the station-wide one. The EV follows the plug; only
        an EVSE whose power path is closed and whose EV is not suspended offers power."""
        ctx = self._ctx
        now = ctx.clock() if now is None else now
        for evse in ctx.evses.values():
            if evse.meter.follow_plug(evse.plugged, now) and self.ev_charging_needs:
                ctx.spawn(self.notify_ev_charging_needs(evse), "EV charging needs")  # K15
        running = [e for e in ctx.evses.values() if e.transaction is not None]
        contexts = [(e.evse_id, e.meter, e.transaction.context) for e in running]  # type: ignore[union-attr]
        limits = ctx.profiles.evse_limits(contexts, ctx.now_utc())
        for evse, limit in zip(running, limits, strict=True):
            draws = evse.power_path_closed and not evse.ev_suspended
            evse.meter.update(now, charging=draws, limit=limit)

    async def apply_new_limits(self) -> None:
        """Apply the profiles in force now to every charging EVSE (within this call, so the next
        sample obeys them) and, where that changed the power by more than
        SmartChargingCtrlr.LimitChangeSignificance (%), report ChargingRateChanged."""
        ctx = self._ctx
        before = {evse_id: evse.meter.power_w for evse_id, evse in ctx.evses.items()}
        self.apply_limits()
        significance = ctx.device_model.number(LIMIT_CHANGE_SIGNIFICANCE) / 100.0
        for evse_id, evse in ctx.evses.items():
            tx, old, new = evse.transaction, before[evse_id], evse.meter.power_w
            changed = abs(new - old) > significance * max(old, new, 1.0)
            if tx is not None and changed and self.rate_changed is not None:
                ctx.spawn(self.rate_changed(evse, tx), f"rate changed {evse_id}")

    def electrical(self, evse_id: int) -> Electrical | None:
        """How A and W convert on ``evse_id`` (0: the whole station), with its rating; None for
        an unknown EVSE."""
        evses = self._ctx.evses
        if evse_id == 0:
            meters = [e.meter for e in evses.values()]
        elif evse_id in evses:
            meters = [evses[evse_id].meter]
        else:
            return None
        first = meters[0]
        volts = first.voltage_v if first.dc and first.ev is not None else first.nominal_voltage
        rating = ChargingLimit(
            amps=sum(m.max_current for m in meters), watts=sum(m.max_power_w for m in meters)
        )
        return Electrical(volts, first.phases, first.dc, rating)

    # --- K01 SetChargingProfile ---

    async def on_set_charging_profile(
        self, request: SetChargingProfileRequest
    ) -> SetChargingProfileResponse:
        """K01: Accepted and in force at once (the next sample obeys it; ChargingRateChanged if
        the power moved), or Rejected with the reason (``smart_charging.validation``)."""
        ctx = self._ctx
        evse = ctx.evses.get(request.evse_id)
        tx = evse.transaction if evse is not None else None
        profile = request.charging_profile
        if profile.charging_profile_purpose == Purpose.TxProfile and tx is not None:
            if profile.transaction_id is None:  # K01: the TxProfile of the running transaction
                profile = profile.model_copy(update={"transaction_id": tx.transaction_id})
        phases = max(e.meter.phases for e in ctx.evses.values())
        reason = ctx.profiles.check(
            request.evse_id, profile, evse is not None, tx.context if tx else None, phases
        )
        if reason is not None:
            return _rejected(reason)
        ctx.profiles.install(request.evse_id, profile, ctx.now_utc())
        await self.apply_new_limits()
        if (
            profile.charging_profile_purpose == Purpose.TxProfile
            and evse is not None
            and tx is not None
            and self.ev_charging_needs
        ):
            self._ev_chooses_a_schedule(evse, tx, profile.charging_schedule[0].id)
        return SetChargingProfileResponse(status=ChargingProfileStatusEnumType.Accepted)

    def _ev_chooses_a_schedule(self, evse: Evse, tx: Transaction, schedule_id: int) -> None:
        """K15/K17: an ISO 15118 EV is offered the new limits and answers with the schedule it
        will follow, which the station passes on (NotifyEVChargingSchedule)."""
        ctx = self._ctx
        ev_max = ev_max_power_w(evse)
        circuit = self.electrical(evse.evse_id)
        if ev_max is None or circuit is None:
            return
        start = ctx.now_utc().replace(microsecond=0)
        offered, duration = ctx.profiles.composite_schedule(
            evse.evse_id, start, EV_SCHEDULE_HORIZON, Unit.W, tx.context, circuit
        )
        schedule = ev_charging_schedule(schedule_id, offered, duration, ev_max)
        request = NotifyEVChargingScheduleRequest(
            time_base=wire_time(start), charging_schedule=schedule, evse_id=evse.evse_id
        )
        ctx.spawn(ctx.notify("NotifyEVChargingSchedule", request), "EV charging schedule")

    # --- K10 ClearChargingProfile ---

    async def on_clear_charging_profile(
        self, request: ClearChargingProfileRequest
    ) -> ClearChargingProfileResponse:
        """K10: Accepted when a profile was removed (by id, or by evse, purpose and stackLevel),
        Unknown when none matched."""
        if self._ctx.profiles.clear(request):
            await self.apply_new_limits()
            return ClearChargingProfileResponse(status=ClearChargingProfileStatusEnumType.Accepted)
        return ClearChargingProfileResponse(status=ClearChargingProfileStatusEnumType.Unknown)

    # --- K09 GetChargingProfiles ---

    async def _report(self, parts: list[ReportChargingProfilesRequest]) -> None:
        for part in parts:
            await self._ctx.call("ReportChargingProfiles", part)

    async def on_get_charging_profiles(
        self, request: GetChargingProfilesRequest
    ) -> GetChargingProfilesResponse:
        """K09: Accepted, then ReportChargingProfiles with the profiles selected; NoProfiles
        when none is."""
        found = self._ctx.profiles.select(request.charging_profile, request.evse_id)
        if not found:
            return GetChargingProfilesResponse(status=GetChargingProfileStatusEnumType.NoProfiles)
        parts = report_parts(request.request_id, found)
        self._ctx.spawn(self._report(parts), "ReportChargingProfiles")
        return GetChargingProfilesResponse(status=GetChargingProfileStatusEnumType.Accepted)

    # --- K08 GetCompositeSchedule ---

    async def on_get_composite_schedule(
        self, request: GetCompositeScheduleRequest
    ) -> GetCompositeScheduleResponse:
        """K08: Accepted with the composite schedule from now over ``duration`` in the requested
        unit (K08.FR.02; by default A on AC, W on DC); Rejected for an unknown EVSE (K08.FR.05)
        or a negative duration."""
        ctx = self._ctx
        circuit = self.electrical(request.evse_id)
        if circuit is None:
            return _rejected_schedule("UnknownEVSE")
        if request.duration < 0:
            return _rejected_schedule("InvalidDuration")
        unit = request.charging_rate_unit or (Unit.W if circuit.dc else Unit.A)
        evse = ctx.evses.get(request.evse_id)
        tx = evse.transaction if evse is not None else None
        start = ctx.now_utc().replace(microsecond=0)
        periods, duration = ctx.profiles.composite_schedule(
            request.evse_id, start, request.duration, unit, tx.context if tx else None, circuit
        )
        schedule = CompositeScheduleType(
            charging_schedule_period=periods,
            evse_id=request.evse_id,
            duration=duration,
            schedule_start=wire_time(start),
            charging_rate_unit=unit,
        )
        return GetCompositeScheduleResponse(
            status=GenericStatusEnumType.Accepted, schedule=schedule
        )

    # --- external limits (K12/K13) and the EV (K15) ---

    async def set_external_limit(
        self,
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
        ctx = self._ctx
        if source == Source.CSO or (evse_id and evse_id not in ctx.evses):
            raise ValueError("an external limit comes from EMS, SO or Other, on a known EVSE")
        profile = profile.model_copy(
            update={"charging_profile_purpose": Purpose.ChargingStationExternalConstraints}
        )
        ctx.profiles.install(evse_id, profile, ctx.now_utc(), source)
        await self.apply_new_limits()
        await ctx.notify(
            "NotifyChargingLimit",
            NotifyChargingLimitRequest(
                charging_limit=ChargingLimitType(charging_limit_source=source),
                charging_schedule=list(profile.charging_schedule),
                evse_id=evse_id or None,
            ),
        )

    async def clear_external_limit(
        self, evse_id: int, source: ChargingLimitSourceEnumType = Source.EMS
    ) -> bool:
        """The external system lifts its limits on ``evse_id``: ClearedChargingLimit (K13).

        Returns:
            whether there was a limit to lift.
        """
        ctx = self._ctx
        if not ctx.profiles.clear_external(evse_id, source):
            return False
        await self.apply_new_limits()
        request = ClearedChargingLimitRequest(charging_limit_source=source, evse_id=evse_id or None)
        await ctx.notify("ClearedChargingLimit", request)
        return True

    async def notify_ev_charging_needs(self, evse: Evse) -> None:
        """K15: NotifyEVChargingNeeds for the EV that just plugged into ``evse`` (if any)."""
        needs = charging_needs(evse)
        if needs is not None:
            request = NotifyEVChargingNeedsRequest(charging_needs=needs, evse_id=evse.evse_id)
            await self._ctx.notify("NotifyEVChargingNeeds", request)
