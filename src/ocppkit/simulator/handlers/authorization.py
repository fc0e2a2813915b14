"""Blocks C and D: the Authorization Cache (C11 ClearCache) and the Local Authorization List
(D01 SendLocalList, D02 GetLocalListVersion); both are used when authorizing (``evse_control``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ClearCacheRequest,
    ClearCacheResponse,
    ClearCacheStatusEnumType,
    GetLocalListVersionRequest,
    GetLocalListVersionResponse,
    SendLocalListRequest,
    SendLocalListResponse,
    SendLocalListStatusEnumType,
    StatusInfoType,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator


async def on_clear_cache(
    station: ChargerSimulator, request: ClearCacheRequest
) -> ClearCacheResponse:
    """C11: Accepted and the cache emptied; Rejected when AuthCacheCtrlr.Enabled is false."""
    if not station.device_model.auth_cache_enabled:
        return ClearCacheResponse(
            status=ClearCacheStatusEnumType.Rejected,
            status_info=StatusInfoType(reason_code="CacheDisabled"),
        )
    station.local_auth.cache.clear()
    return ClearCacheResponse(status=ClearCacheStatusEnumType.Accepted)


async def on_send_local_list(
    station: ChargerSimulator, request: SendLocalListRequest
) -> SendLocalListResponse:
    """D01: Full replaces the list, Differential changes it (VersionMismatch for a version not
    above the present one); Failed when LocalAuthListCtrlr.Enabled is false."""
    if not station.device_model.local_list_enabled:
        return SendLocalListResponse(
            status=SendLocalListStatusEnumType.Failed,
            status_info=StatusInfoType(reason_code="ListDisabled"),
        )
    return SendLocalListResponse(status=station.local_auth.local_list.update(request))


async def on_get_local_list_version(
    station: ChargerSimulator, request: GetLocalListVersionRequest
) -> GetLocalListVersionResponse:
    """D02: the version of the list (0: none installed)."""
    return GetLocalListVersionResponse(version_number=station.local_auth.local_list.version)


HANDLERS = {
    "ClearCache": on_clear_cache,
    "SendLocalList": on_send_local_list,
    "GetLocalListVersion": on_get_local_list_version,
}
