"""The charging profiles one station holds (K01, K05, K08-K13), pure.

Profiles come from the CSMS (SetChargingProfile, RequestStartTransaction: source CSO) or from an
external system (ChargingStationExternalConstraints: source EMS, SO or Other). One per id: a
profile with the id of one held replaces it (K01.FR.05). TxProfiles end with their transaction.
"""

from __future__ import annotations

import math
from datetime import datetime

from ocppkit.protocol.models import (
    ChargingLimitSourceEnumType,
    ChargingProfileCriterionType,
    ChargingProfilePurposeEnumType,
    ChargingProfileType,
    ChargingRateUnitEnumType,
    ChargingSchedulePeriodType,
    ClearChargingProfileRequest,
)
from ocppkit.simulator.meter import NO_LIMIT, ChargingLimit, MeterModel, share_station_limit
from ocppkit.simulator.smart_charging.composite import (
    MAX_HORIZON,
    Electrical,
    EvseComposite,
    InstalledProfile,
    TransactionContext,
    composite_periods,
)
from ocppkit.simulator.smart_charging.validation import rejection

Purpose = ChargingProfilePurposeEnumType
Source = ChargingLimitSourceEnumType


class ProfileStore:
    """The charging profiles installed on one station."""

    __slots__ = "_profiles"

    def __init__(self) -> None:
        self._profiles: dict[int, InstalledProfile] = {}

    def __len__(self) -> int:
        return len(self._profiles)

    def profiles(self) -> list[InstalledProfile]:
        """Every installed profile, by id."""
        return [self._profiles[k] for k in sorted(self._profiles)]

    def check(
        self,
        evse_id: int,
        profile: ChargingProfileType,
        known_evse: bool,
        tx: TransactionContext | None,
        supply_phases: int = 3,
    ) -> str | None:
        """Why ``profile`` cannot be set on ``evse_id`` (a reasonCode), or None (K01); see
        ``validation.rejection``."""
        return rejection(
            evse_id,
            profile,
            known_evse=known_evse,
            tx=tx,
            held=self._profiles.values(),
            supply_phases=supply_phases,
        )

    def install(
        self,
        evse_id: int,
        profile: ChargingProfileType,
        now: datetime,
        source: ChargingLimitSourceEnumType = Source.CSO,
    ) -> None:
        """Hold ``profile`` (replacing one with the same id, K01.FR.05)."""
        self._profiles[profile.id] = InstalledProfile(evse_id, profile, now, source)

    def drop_transaction_profiles(self, evse_id: int) -> None:
        """Remove the TxProfiles of ``evse_id``: they end with their transaction."""
        for key, held in list(self._profiles.items()):
            if held.evse_id == evse_id and held.purpose == Purpose.TxProfile:
                del self._profiles[key]

    def clear(self, request: ClearChargingProfileRequest) -> bool:
        """Remove the profiles a ClearChargingProfile selects (K10); True if any was. External
        constraints are not the CSMS's to clear."""
        removed = [key for key, held in self._profiles.items() if _clear_matches(request, held)]
        for key in removed:
            del self._profiles[key]
        return bool(removed)

    def clear_external(self, evse_id: int, source: ChargingLimitSourceEnumType) -> bool:
        """Remove the external constraints ``source`` set on ``evse_id`` (K13); True if any."""
        removed = [
            key
            for key, held in self._profiles.items()
            if held.purpose == Purpose.ChargingStationExternalConstraints
            and held.evse_id == evse_id
            and held.source == source
        ]
        for key in removed:
            del self._profiles[key]
        return bool(removed)

    def select(
        self, criterion: ChargingProfileCriterionType, evse_id: int | None
    ) -> list[InstalledProfile]:
        """The profiles a GetChargingProfiles request selects (K09)."""
        return [held for held in self.profiles() if _criterion_matches(criterion, evse_id, held)]

    def composite(
        self, evse_id: int, now: datetime, tx: TransactionContext | None
    ) -> EvseComposite:
        """The profiles that apply to ``evse_id`` around ``now`` (one second), by purpose."""
        moment = now.timestamp()
        return EvseComposite(self.profiles(), evse_id, tx, (moment, moment + 1.0))

    def limits(
        self, evse_id: int, now: datetime, tx: TransactionContext | None
    ) -> tuple[ChargingLimit, ChargingLimit]:
        """The limits in force at ``now``: (for this EVSE, for the whole station)."""
        composite = self.composite(evse_id, now, tx)
        moment = now.timestamp()
        return composite.own_at(moment), composite.station_at(moment)

    def evse_limits(
        self, running: list[tuple[int, MeterModel, TransactionContext | None]], now: datetime
    ) -> list[ChargingLimit]:
        """The limit each running EVSE obeys at ``now``: its own (TxProfile or TxDefaultProfile,
        external constraints) and its fair share of the station-wide one (the charging EVSEs
        together stay within it).

        Args:
            running: each charging EVSE's id, meter and transaction.
            now: the station's time.
        """
        wants, whole = [], NO_LIMIT
        for evse_id, meter, tx in running:
            own, whole = self.limits(evse_id, now, tx)
            wants.append((meter, own))
        return share_station_limit(whole, wants)

    def composite_schedule(
        self,
        evse_id: int,
        start: datetime,
        duration: int,
        unit: ChargingRateUnitEnumType,
        tx: TransactionContext | None,
        electrical: Electrical,
    ) -> tuple[list[ChargingSchedulePeriodType], int]:
        """The composite schedule of ``evse_id`` (0: the grid connection) from ``start`` (whole
        seconds) for ``duration`` seconds (at most MAX_HORIZON), in ``unit`` (K08).

        Returns:
            the periods and the duration they cover.
        """
        begin = float(math.floor(start.timestamp()))
        window = (begin, begin + min(max(duration, 0), MAX_HORIZON))
        composite = EvseComposite(self.profiles(), evse_id, tx, window)
        return composite_periods(composite, window, unit, electrical)


def _clear_matches(request: ClearChargingProfileRequest, held: InstalledProfile) -> bool:
    if held.purpose == Purpose.ChargingStationExternalConstraints:
        return False
    if request.charging_profile_id is not None:
        return held.profile.id == request.charging_profile_id
    criteria = request.charging_profile_criteria
    if criteria is None:
        return True  # no id and no criteria: every profile
    return (
        criteria.evse_id in (None, held.evse_id)
        and criteria.charging_profile_purpose in (None, held.purpose)
        and criteria.stack_level in (None, held.profile.stack_level)
    )


def _criterion_matches(
    criterion: ChargingProfileCriterionType, evse_id: int | None, held: InstalledProfile
) -> bool:
    profile = held.profile
    sources = criterion.charging_limit_source
    ids = criterion.charging_profile_id
    return (
        evse_id in (None, held.evse_id)
        and criterion.charging_profile_purpose in (None, held.purpose)
        and criterion.stack_level in (None, profile.stack_level)
        and (ids is None or profile.id in ids)
        and (sources is None or held.source in sources)
    )
