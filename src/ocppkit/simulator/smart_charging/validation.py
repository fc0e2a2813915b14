"""Whether a SetChargingProfile may be accepted (K01), pure.

Each rule gives the ``statusInfo.reasonCode`` (at most 20 characters) of the Rejected answer.
The rules, in order:

====================================  ==========================================================
UnknownEVSE                           the EVSE does not exist (K01.FR.28)
ExternalConstraints                   ChargingStationExternalConstraints come from an external
                                      system, never from the CSMS
MaxProfileNotOnEVSE0                  a ChargingStationMaxProfile is set on EVSE 0 only
MaxProfileRelative                    ... and is never Relative (K01.FR.38)
TxProfileOnEVSE0                      a TxProfile needs an EVSE (K01.FR.16)
NoTransaction                         ... with a transaction running (K01.FR.09)
UnknownTransaction                    ... whose id its transactionId names (K01.FR.33)
TxIdNotAllowed                        transactionId is for TxProfiles only
MissingStartSchedule                  Absolute and Recurring need startSchedule (K01.FR.40)
StartScheduleGiven                    Relative has none (K01.FR.41)
NoRecurrencyKind                      Recurring needs Daily or Weekly
FirstPeriodNotZero                    the first period starts at 0 (K01.FR.31)
PeriodsOutOfOrder                     startPeriod strictly increases (K01.FR.35)
InvalidLimit                          a limit or minChargingRate is negative
InvalidNumberPhases                   numberPhases is 1 to 3, at most the supply's
NoPhaseSwitching                      no AC phase switching here (K01.FR.19/20)
InvalidValidity                       validTo is not after validFrom
DuplicateStackLevel                   another profile of this purpose and stackLevel on this
                                      EVSE (K01.FR.06; for TxProfiles, of this transaction:
                                      K01.FR.39)
====================================  ==========================================================

A profile with the id of one held replaces it (K01.FR.05).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from ocppkit.protocol.models import (
    ChargingProfileKindEnumType,
    ChargingProfilePurposeEnumType,
    ChargingProfileType,
    ChargingScheduleType,
)
from ocppkit.simulator.smart_charging.composite import InstalledProfile, TransactionContext
from ocppkit.simulator.smart_charging.schedule import timestamp

Purpose = ChargingProfilePurposeEnumType
Kind = ChargingProfileKindEnumType


def _purpose_rule(
    evse_id: int, profile: ChargingProfileType, tx: TransactionContext | None
) -> str | None:
    purpose = profile.charging_profile_purpose
    if purpose == Purpose.ChargingStationExternalConstraints:
        return "ExternalConstraints"
    if purpose == Purpose.ChargingStationMaxProfile:
        if evse_id != 0:
            return "MaxProfileNotOnEVSE0"
        if profile.charging_profile_kind == Kind.Relative:
            return "MaxProfileRelative"
    if purpose != Purpose.TxProfile:
        return None if profile.transaction_id is None else "TxIdNotAllowed"
    if evse_id == 0:
        return "TxProfileOnEVSE0"
    if tx is None:
        return "NoTransaction"
    if profile.transaction_id not in (None, tx.transaction_id):
        return "UnknownTransaction"
    return None


def _kind_rule(profile: ChargingProfileType) -> str | None:
    kind = profile.charging_profile_kind
    for schedule in profile.charging_schedule:
        has_start = schedule.start_schedule is not None
        if kind in (Kind.Absolute, Kind.Recurring) and not has_start:
            return "MissingStartSchedule"
        if kind == Kind.Relative and has_start:
            return "StartScheduleGiven"
    if kind == Kind.Recurring and profile.recurrency_kind is None:
        return "NoRecurrencyKind"
    return None


def _schedule_rule(schedule: ChargingScheduleType, supply_phases: int) -> str | None:
    periods = schedule.charging_schedule_period
    if periods[0].start_period != 0:
        return "FirstPeriodNotZero"
    starts = [p.start_period for p in periods]
    if any(b <= a for a, b in pairwise(starts)):
        return "PeriodsOutOfOrder"
    if (schedule.min_charging_rate or 0) < 0 or any(p.limit < 0 for p in periods):
        return "InvalidLimit"
    for period in periods:
        if period.number_phases is not None and not 1 <= period.number_phases <= supply_phases:
            return "InvalidNumberPhases"
        if period.phase_to_use is not None:
            return "NoPhaseSwitching"
    return None


def _validity_rule(profile: ChargingProfileType) -> str | None:
    valid_from, valid_to = timestamp(profile.valid_from), timestamp(profile.valid_to)
    if valid_from is not None and valid_to is not None and valid_to <= valid_from:
        return "InvalidValidity"
    return None


def _conflict(evse_id: int, profile: ChargingProfileType, held: Iterable[InstalledProfile]) -> bool:
    for other in held:
        same = other.profile
        if (
            same.id != profile.id
            and other.evse_id == evse_id
            and same.charging_profile_purpose == profile.charging_profile_purpose
            and same.stack_level == profile.stack_level
            and (
                profile.charging_profile_purpose != Purpose.TxProfile
                or same.transaction_id == profile.transaction_id
            )
        ):
            return True
    return False


def rejection(
    evse_id: int,
    profile: ChargingProfileType,
    *,
    known_evse: bool,
    tx: TransactionContext | None,
    held: Iterable[InstalledProfile],
    supply_phases: int = 3,
) -> str | None:
    """Why ``profile`` cannot be set on ``evse_id`` (a reasonCode), or None to accept it.

    A TxProfile is compared with the transaction's other TxProfiles by its transactionId:
    give it the running transaction's id first when the CSMS left it out.

    Args:
        evse_id: the request's evseId.
        profile: the profile.
        known_evse: whether that EVSE exists (EVSE 0 always does).
        tx: the transaction running on that EVSE, if any.
        held: the profiles installed now.
        supply_phases: the phases the station is wired for.
    """
    if evse_id != 0 and not known_evse:
        return "UnknownEVSE"
    reason = _purpose_rule(evse_id, profile, tx) or _kind_rule(profile)
    for schedule in profile.charging_schedule:
        reason = reason or _schedule_rule(schedule, supply_phases)
    reason = reason or _validity_rule(profile)
    if reason is None and _conflict(evse_id, profile, held):
        reason = "DuplicateStackLevel"
    return reason
