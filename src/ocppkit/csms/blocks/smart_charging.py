"""K Smart charging: the stations' reports and notifications (K09, K12, K13, K15-K17), the EV's
charging needs answered by the server's policy, and what SetChargingProfile (K01) and
ClearChargingProfile (K10) answers change.

Station objects kept here: ``charging_profile`` (key "<source>:<evseId>:<profileId>", source
"CSMS" for the profiles this CSMS set, else the reported chargingLimitSource; status the
purpose), ``charging_limit`` (key "<source>:<evseId>"), ``ev_charging_needs`` and
``ev_charging_schedule`` (key the EVSE id).

NotifyEVChargingNeeds goes to the server's policy (``ocppkit.csms.extensions``), which may
answer with a TxProfile, sent with SetChargingProfile after the answer. Without a policy the
TxProfile is derived from the limits the CSMS knows (``ocppkit.csms.charging_limits``): the
EVSE's Power in the device model, the station's ChargingStationMaxProfile (a site's share,
``ocppkit.csms.sites``), the operator's cap, the EV's maximum; its duration runs to the EV's
departure, its minimum rate is what delivers the requested energy by then. Any policy's W
limits are lowered to the station's known limits and the operator's cap.

A NotifyEVChargingSchedule asking for more than the TxProfile sent (and the station's limits)
is answered Rejected and a new TxProfile follows (K15.FR.12/K15.FR.13), a few times per
transaction at most.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from ocppkit.csms.blocks import Block, Notice, StationObjects, changes, handles, on_answer
from ocppkit.csms.charging_limits import (
    KnownLimits,
    device_model_limit,
    ev_max_power,
    ev_needed_power,
    profile_limit_at,
    schedule_exceeds,
    station_profile_limit,
)
from ocppkit.csms.clock import parse_time
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.extensions import TxProfileIds, active_transaction_on, tx_profile
from ocppkit.csms.registry import Charger
from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    ChargingProfileType,
    ClearChargingProfileRequest,
    ClearChargingProfileResponse,
    ClearedChargingLimitRequest,
    ClearedChargingLimitResponse,
    NotifyChargingLimitRequest,
    NotifyChargingLimitResponse,
    NotifyEVChargingNeedsRequest,
    NotifyEVChargingNeedsResponse,
    NotifyEVChargingScheduleRequest,
    NotifyEVChargingScheduleResponse,
    ReportChargingProfilesRequest,
    ReportChargingProfilesResponse,
    SetChargingProfileRequest,
    SetChargingProfileResponse,
)
from ocppkit.storage.records import StationObjectRecord

log = logging.getLogger("ocppkit.csms")

PROFILE, LIMIT = "charging_profile", "charging_limit"
NEEDS, SCHEDULE = "ev_charging_needs", "ev_charging_schedule"
MAX_RENEGOTIATIONS = 3  # K15.FR.13: new TxProfiles after rejected EV schedules, per transaction


def _put_profile(
    objects: StationObjects, source: str, evse_id: int, profile: ChargingProfileType
) -> None:
    key = f"{source}:{evse_id}:{profile.id}"
    objects.put(PROFILE, key, profile, str(profile.charging_profile_purpose), evse_id)


def _clears(
    request: ClearChargingProfileRequest, obj: StationObjectRecord, profile: ChargingProfileType
) -> bool:
    """K10: whether ClearChargingProfile removes this profile (external constraints stay)."""
    if profile.charging_profile_purpose == "ChargingStationExternalConstraints":
        return False
    if request.charging_profile_id is not None:
        return profile.id == request.charging_profile_id
    criteria = request.charging_profile_criteria
    if criteria is None:
        return True
    return (
        criteria.evse_id in (None, obj.evse_id)
        and criteria.charging_profile_purpose in (None, profile.charging_profile_purpose)
        and criteria.stack_level in (None, profile.stack_level)
    )


class SmartCharging(Block):
    """Keeps the stations' charging profiles, limits and EV schedules; answers EV needs."""

    object_kinds = (PROFILE, LIMIT, NEEDS, SCHEDULE)

    def __init__(self, ctx: CsmsContext) -> None:
        super().__init__(ctx)
        # K15: EV needs that came before their transaction started, by (station, EVSE)
        self._waiting_needs: dict[tuple[str, int], NotifyEVChargingNeedsRequest] = {}
        self._profile_ids = TxProfileIds()
        # K15.FR.13: TxProfiles sent again after a rejected EV schedule, by (station, tx)
        self._renegotiated: dict[tuple[str, str], int] = {}
        ctx.events.add(self._on_event)

    # --- what the CSMS's commands change ---

    @on_answer("SetChargingProfile", request_id=lambda request: request.charging_profile.id)
    def profile_set(
        self,
        objects: StationObjects,
        request: SetChargingProfileRequest,
        response: SetChargingProfileResponse,
    ) -> None:
        """K01: an Accepted profile replaces any other the CSMS set with the same id
        (K01.FR.05)."""
        if response.status != "Accepted":
            return
        profile = request.charging_profile
        for obj in objects.of_kind(PROFILE):
            if (
                obj.key.startswith("CSMS:")
                and objects.model(obj, ChargingProfileType).id == profile.id
            ):
                objects.remove(PROFILE, obj.key)
        _put_profile(objects, "CSMS", request.evse_id, profile)

    @on_answer("ClearChargingProfile", request_id=lambda request: request.charging_profile_id)
    def profiles_cleared(
        self,
        objects: StationObjects,
        request: ClearChargingProfileRequest,
        response: ClearChargingProfileResponse,
    ) -> None:
        """K10: an Accepted clear removes the profiles it names."""
        if response.status != "Accepted":
            return
        for obj in objects.of_kind(PROFILE):
            if _clears(request, obj, objects.model(obj, ChargingProfileType)):
                objects.remove(PROFILE, obj.key)

    # --- reports and limits ---

    @handles("ReportChargingProfiles", notice=Notice(reports_on=("GetChargingProfiles",)))
    async def on_report_charging_profiles(
        self, charger: Charger, request: ReportChargingProfilesRequest
    ) -> ReportChargingProfilesResponse:
        """K09: one part of the report a GetChargingProfiles asked for."""
        log.debug("[%s] %d profile(s) reported", charger.charger_id, len(request.charging_profile))
        return ReportChargingProfilesResponse()

    @changes("ReportChargingProfiles")
    def profiles_reported(
        self, objects: StationObjects, request: ReportChargingProfilesRequest
    ) -> None:
        """K09: every reported profile is kept under its source and EVSE."""
        source = str(request.charging_limit_source)
        for profile in request.charging_profile:
            _put_profile(objects, source, request.evse_id, profile)

    @handles("NotifyChargingLimit", notice=Notice())
    async def on_notify_charging_limit(
        self, charger: Charger, request: NotifyChargingLimitRequest
    ) -> NotifyChargingLimitResponse:
        """K12: a limit from an external source."""
        return NotifyChargingLimitResponse()

    @changes("NotifyChargingLimit")
    def limit_set(self, objects: StationObjects, request: NotifyChargingLimitRequest) -> None:
        """K12: a limit from an external source (EMS, SO, ...), per EVSE (0: the station)."""
        source = str(request.charging_limit.charging_limit_source)
        evse_id = 0 if request.evse_id is None else request.evse_id
        objects.put(LIMIT, f"{source}:{evse_id}", request, source, evse_id)

    @handles("ClearedChargingLimit", notice=Notice())
    async def on_cleared_charging_limit(
        self, charger: Charger, request: ClearedChargingLimitRequest
    ) -> ClearedChargingLimitResponse:
        """K13: an external source's limit is gone."""
        return ClearedChargingLimitResponse()

    @changes("ClearedChargingLimit")
    def limit_cleared(self, objects: StationObjects, request: ClearedChargingLimitRequest) -> None:
        """K13: the source's limit is gone, and with it the profiles it reported for the EVSE
        (every EVSE when none is named)."""
        source = str(request.charging_limit_source)
        for kind in (LIMIT, PROFILE):
            for obj in objects.of_kind(kind):
                if obj.key.startswith(f"{source}:") and request.evse_id in (None, obj.evse_id):
                    objects.remove(kind, obj.key)

    # --- the EV's needs and schedule (ISO 15118) ---

    @handles("NotifyEVChargingSchedule", notice=Notice())
    async def on_notify_ev_charging_schedule(
        self, charger: Charger, request: NotifyEVChargingScheduleRequest
    ) -> NotifyEVChargingScheduleResponse:
        """K15/K17: Accepted when the EV's schedule keeps within the limits the CSMS sent (the
        TxProfile on its EVSE, the station's limits); the schedule is kept as its EVSE's
        ``ev_charging_schedule`` either way. K15.FR.12: one asking for more is Rejected, and
        K15.FR.13: a new TxProfile is sent (at most ``MAX_RENEGOTIATIONS`` per transaction)."""
        allowed = self._sent_limit(charger, request.evse_id)
        if allowed is None or not schedule_exceeds(request.charging_schedule, allowed):
            return NotifyEVChargingScheduleResponse(status="Accepted")
        log.warning(
            "[%s] EV schedule on EVSE %d exceeds the %.0f W sent: Rejected",
            charger.charger_id,
            request.evse_id,
            allowed,
        )
        tx = active_transaction_on(charger, request.evse_id)
        if tx is not None and self.ctx.spawn is not None and self.ctx.send is not None:
            key = (charger.charger_id, tx.transaction_id)
            tries = self._renegotiated.get(key, 0)
            if tries < MAX_RENEGOTIATIONS:
                if len(self._renegotiated) >= 10_000:
                    del self._renegotiated[next(iter(self._renegotiated))]
                self._renegotiated[key] = tries + 1
                self.ctx.spawn(self._renegotiate(charger, request.evse_id))
        return NotifyEVChargingScheduleResponse(status="Rejected")

    async def _renegotiate(self, charger: Charger, evse_id: int) -> None:
        """K15.FR.13: a new TxProfile for the EV whose schedule was rejected, from its needs."""
        needs = self._stored(charger.charger_id, NEEDS, str(evse_id))
        request = (
            NotifyEVChargingNeedsRequest.model_validate(needs["payload"])
            if needs is not None
            else None
        )
        profile = None if request is None else await self._profile_for(charger, request)
        if profile is None:
            tx = active_transaction_on(charger, evse_id)
            allowed = self._sent_limit(charger, evse_id)
            if tx is None or allowed is None:
                return
            profile = tx_profile(
                self._profile_ids.of(charger.charger_id, tx.transaction_id),
                tx.transaction_id,
                allowed,
            )
        await self._send_tx_profile(charger.charger_id, evse_id, profile)

    def _stored(self, station_id: str, kind: str, key: str) -> dict[str, Any] | None:
        reader = self.ctx.station_objects
        found = [] if reader is None else reader(station_id, kind)
        return next((obj for obj in found if obj["key"] == key), None)

    def _installed(self, station_id: str) -> list[tuple[str, ChargingProfileType]]:
        """The profiles on the station (key, profile), as the CSMS knows them."""
        reader = self.ctx.station_objects
        found = [] if reader is None else reader(station_id, PROFILE)
        return [(o["key"], ChargingProfileType.model_validate(o["payload"])) for o in found]

    def station_limit(self, charger: Charger, evse_id: int) -> KnownLimits:
        """What the CSMS knows limits an EVSE of the station (W), the EV aside."""
        now = self.ctx.now()
        return KnownLimits(
            evse_w=device_model_limit(charger.device_model, evse_id),
            station_w=station_profile_limit(
                (profile for _, profile in self._installed(charger.charger_id)), now
            ),
            cap_w=self.ctx.ev_max_power_w,
        )

    def _sent_limit(self, charger: Charger, evse_id: int) -> float | None:
        """K15.FR.12: the limit (W) the CSMS gave the EVSE: its TxProfile's and the
        station's; None when it gave none."""
        now = self.ctx.now()
        tx = active_transaction_on(charger, evse_id)
        sent = [
            profile_limit_at(profile, now)
            for key, profile in self._installed(charger.charger_id)
            if key.startswith(f"CSMS:{evse_id}:")
            and str(profile.charging_profile_purpose) == "TxProfile"
            and (tx is None or profile.transaction_id in (None, tx.transaction_id))
        ]
        known = [w for w in sent if w is not None]
        if not known:
            return None
        station = self.station_limit(charger, evse_id).limit()
        return min(known + ([] if station is None else [station]))

    def derived_profile(
        self, charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> ChargingProfileType | None:
        """K15/K16, the default policy: a TxProfile at the lowest limit the CSMS knows for the
        EVSE and the EV, running until the EV's departure, with the rate that delivers its
        requested energy by then as its minimum. None without a transaction (the CSMS waits)
        or without any known limit."""
        tx = active_transaction_on(charger, request.evse_id)
        if tx is None:
            return None
        needs = request.charging_needs
        limits = self.station_limit(charger, request.evse_id)
        limit = KnownLimits(
            limits.evse_w, limits.station_w, limits.cap_w, ev_max_power(needs)
        ).limit()
        if limit is None:
            return None
        now = self.ctx.now()
        duration = None
        if needs.departure_time is not None:
            seconds = int((parse_time(needs.departure_time) - now).total_seconds())
            duration = seconds if seconds > 0 else None
        return tx_profile(
            self._profile_ids.of(charger.charger_id, tx.transaction_id),
            tx.transaction_id,
            limit,
            duration,
            ev_needed_power(needs, now),
        )

    def _lowered(
        self, charger: Charger, evse_id: int, profile: ChargingProfileType
    ) -> ChargingProfileType:
        """A policy's profile with its W limits no higher than the station's known limits and
        the operator's cap."""
        limit = self.station_limit(charger, evse_id).limit()
        if limit is None:
            return profile
        schedules = []
        for schedule in profile.charging_schedule:
            if str(schedule.charging_rate_unit) == "W":
                periods = [
                    p.model_copy(update={"limit": min(p.limit, round(limit, 1))})
                    for p in schedule.charging_schedule_period
                ]
                schedule = schedule.model_copy(update={"charging_schedule_period": periods})
            schedules.append(schedule)
        return profile.model_copy(update={"charging_schedule": schedules})

    @changes("NotifyEVChargingSchedule")
    def schedule_chosen(
        self, objects: StationObjects, request: NotifyEVChargingScheduleRequest
    ) -> None:
        objects.put(SCHEDULE, str(request.evse_id), request, None, request.evse_id)

    @changes("NotifyEVChargingNeeds")
    def needs_known(self, objects: StationObjects, request: NotifyEVChargingNeedsRequest) -> None:
        """K15: the EV's needs, by EVSE; status the energy transfer it asks for."""
        transfer = str(request.charging_needs.requested_energy_transfer)
        objects.put(NEEDS, str(request.evse_id), request, transfer, request.evse_id)

    @handles("NotifyEVChargingNeeds", notice=Notice())
    async def on_notify_ev_charging_needs(
        self, charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> NotifyEVChargingNeedsResponse:
        """K15/K16: Accepted when the policy (default ``derived_profile``) gives a TxProfile
        for the EV's needs, which is then sent with SetChargingProfile after this answer;
        Rejected without a profile (the CSMS provides none).

        An EV's needs may come before the station has started the transaction a TxProfile must
        name (ISO 15118 talks before the TxStartPoint is reached, e.g. PowerPathClosed): with no
        transaction on the EVSE yet, the policy is asked again when one starts there, and the
        answer now is Processing. Newer needs for the EVSE replace waiting ones; a station
        that goes offline drops its own."""
        if self.ctx.spawn is None or self.ctx.send is None:
            return NotifyEVChargingNeedsResponse(status="Rejected")
        key = (charger.charger_id, request.evse_id)
        self._waiting_needs.pop(key, None)
        profile = await self._profile_for(charger, request)
        if profile is not None:
            self.ctx.spawn(self._send_tx_profile(charger.charger_id, request.evse_id, profile))
            return NotifyEVChargingNeedsResponse(status="Accepted")
        if active_transaction_on(charger, request.evse_id) is None:
            self._waiting_needs[key] = request
            return NotifyEVChargingNeedsResponse(status="Processing")
        return NotifyEVChargingNeedsResponse(status="Rejected")

    def _on_event(self, kind: str, station_id: str, data: dict[str, Any]) -> None:
        """A transaction now running on an EVSE whose EV's needs wait: ask the policy again."""
        if kind == "disconnected":
            for key in [key for key in self._waiting_needs if key[0] == station_id]:
                del self._waiting_needs[key]
            return
        if kind != "transaction" or not data.get("active") or not self._waiting_needs:
            return
        evse_id = data.get("evse_id")
        request = (
            self._waiting_needs.pop((station_id, evse_id), None)
            if isinstance(evse_id, int)
            else None
        )
        charger = self.ctx.registry.get(station_id) if request is not None else None
        if request is not None and charger is not None and self.ctx.spawn is not None:
            self.ctx.spawn(self._answer_waiting_needs(charger, request))

    async def _answer_waiting_needs(
        self, charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> None:
        profile = await self._profile_for(charger, request)
        if profile is None:
            log.info(
                "[%s] EV needs on EVSE %d: the policy gives no TxProfile",
                charger.charger_id,
                request.evse_id,
            )
            return
        await self._send_tx_profile(charger.charger_id, request.evse_id, profile)

    async def _profile_for(
        self, charger: Charger, request: NotifyEVChargingNeedsRequest
    ) -> ChargingProfileType | dict[str, Any] | None:
        policy = self.ctx.ev_charging_needs_policy or self.derived_profile
        try:
            profile = policy(charger, request)
            if inspect.isawaitable(profile):
                profile = await profile
            if profile is None:
                return None
            if not isinstance(profile, ChargingProfileType):  # a policy may answer a wire dict
                profile = ChargingProfileType.model_validate(profile)
            return self._lowered(charger, request.evse_id, profile)
        except Exception:
            log.exception("[%s] EV charging needs policy failed", charger.charger_id)
            return None

    async def _send_tx_profile(
        self, station_id: str, evse_id: int, profile: ChargingProfileType | dict[str, Any]
    ) -> None:
        """K15/K16: the TxProfile for the EV's needs, tracked as any command."""
        assert self.ctx.send is not None
        try:
            if not isinstance(profile, ChargingProfileType):  # a policy may answer a wire dict
                profile = ChargingProfileType.model_validate(profile)
            request = SetChargingProfileRequest(evse_id=evse_id, charging_profile=profile)
            response = await self.ctx.send(station_id, "SetChargingProfile", request)
        except (OCPPKitError, ValueError) as exc:
            log.warning("[%s] TxProfile for EVSE %d not sent: %r", station_id, evse_id, exc)
            return
        log.info(
            "[%s] TxProfile for EVSE %d: %s",
            station_id,
            evse_id,
            getattr(response, "status", response),
        )
