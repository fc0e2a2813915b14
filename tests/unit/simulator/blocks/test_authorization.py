"""Block C: the Authorization Cache (C10, ClearCache C11) and the decision on an idToken (C01,
C12-C15)."""

from __future__ import annotations

from ocppkit.protocol.models import (
    AuthorizationData,
    ClearCacheRequest,
    IdTokenInfoType,
    IdTokenType,
    SendLocalListRequest,
)
from ocppkit.simulator.blocks.authorization import Authorization
from ocppkit.simulator.blocks.local_auth_list import LocalAuthList
from ocppkit.simulator.device.model import (
    AUTH_CACHE_ENABLED,
    LOCAL_AUTHORIZE_OFFLINE,
    LOCAL_LIST_ENABLED,
    LOCAL_PRE_AUTHORIZE,
    OFFLINE_TX_FOR_UNKNOWN_ID,
)

from .support import Station, make_station

TOKEN = IdTokenType(id_token="AA11", type="ISO14443")


def block(station: Station) -> Authorization:
    return Authorization(station.ctx, LocalAuthList(station.ctx))


async def test_c01_c10_online_the_csms_decides_and_its_answer_is_cached() -> None:
    station = make_station()
    station.ctx.device_model.set_value(AUTH_CACHE_ENABLED, "true")
    auth = block(station)
    info = await auth.authorize(TOKEN)
    assert info is not None and info.status == "Accepted"
    assert station.link.sent("Authorize") == [{"idToken": {"idToken": "AA11", "type": "ISO14443"}}]
    assert auth.cache.lookup(TOKEN, station.ctx.now_utc()) == info


async def test_c11_clear_cache_and_its_refusal_when_disabled() -> None:
    station = make_station()
    model = station.ctx.device_model
    auth = block(station)
    auth.cache.store(TOKEN, IdTokenInfoType(status="Accepted"))
    model.set_value(AUTH_CACHE_ENABLED, "false")
    refused = await auth.on_clear_cache(ClearCacheRequest())
    assert refused.status == "Rejected" and refused.status_info.reason_code == "CacheDisabled"
    model.set_value(AUTH_CACHE_ENABLED, "true")
    assert (await auth.on_clear_cache(ClearCacheRequest())).status == "Accepted"
    assert not auth.cache.entries


async def test_c12_a_locally_accepted_token_needs_no_authorize() -> None:
    station = make_station()
    model = station.ctx.device_model
    model.set_value(LOCAL_LIST_ENABLED, "true")
    model.set_value(LOCAL_PRE_AUTHORIZE, "true")
    auth = block(station)
    entry = AuthorizationData(id_token=TOKEN, id_token_info=IdTokenInfoType(status="Accepted"))
    request = SendLocalListRequest(
        version_number=1, update_type="Full", local_authorization_list=[entry]
    )
    auth.local_list.update(request)
    info = await auth.authorize(TOKEN)
    assert info is not None and info.status == "Accepted" and not station.link.sent("Authorize")


async def test_c10_c15_offline_the_unexpired_cache_and_then_the_unknown_id_setting() -> None:
    station = make_station()
    station.link.online = False
    model = station.ctx.device_model
    model.set_value(AUTH_CACHE_ENABLED, "true")
    model.set_value(LOCAL_AUTHORIZE_OFFLINE, "true")
    model.set_value(OFFLINE_TX_FOR_UNKNOWN_ID, "false")
    auth = block(station)
    expired = IdTokenInfoType(status="Accepted", cache_expiry_date_time="2000-01-01T00:00:00Z")
    auth.cache.store(TOKEN, expired)
    info = await auth.authorize(TOKEN)
    assert info is not None and info.status == "Unknown"  # C10: an expired entry is not used
    auth.cache.store(TOKEN, IdTokenInfoType(status="Accepted"))
    info = await auth.authorize(TOKEN)
    assert info is not None and info.status == "Accepted" and not station.link.calls
    auth.cache.clear()
    model.set_value(OFFLINE_TX_FOR_UNKNOWN_ID, "true")
    info = await auth.authorize(TOKEN)
    assert info is not None and info.status == "Accepted"
