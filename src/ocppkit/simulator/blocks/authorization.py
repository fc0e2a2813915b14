"""Block C, authorization: the Authorization Cache (C10, ClearCache C11) and how the station
decides on an idToken (C01, C12-C15).

Online, the station sends Authorize (C01) unless LocalPreAuthorize finds the token accepted in
the local list or the cache (C12/C13); offline, it uses the local list and the cache
(LocalAuthorizeOffline, C14/C15), else OfflineTxForUnknownIdEnabled decides. Every idTokenInfo
the CSMS sends is cached (AuthCacheCtrlr.Enabled) until ClearCache or its
``cacheExpiryDateTime`` (C10).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError
from ocppkit.protocol.models import (
    AuthorizationStatusEnumType,
    AuthorizeRequest,
    AuthorizeResponse,
    ClearCacheRequest,
    ClearCacheResponse,
    ClearCacheStatusEnumType,
    IdTokenInfoType,
    IdTokenType,
    StatusInfoType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.blocks.local_auth_list import LocalAuthList, TokenKey, accepted, token_key
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.smart_charging.schedule import parse_time


class AuthCache:
    """The Authorization Cache: the last idTokenInfo the CSMS gave for each idToken."""

    __slots__ = ("entries",)

    def __init__(self) -> None:
        self.entries: dict[TokenKey, IdTokenInfoType] = {}

    def store(self, token: IdTokenType, info: IdTokenInfoType) -> None:
        """Keep ``info`` for ``token`` (C10: from Authorize and TransactionEvent responses)."""
        self.entries[token_key(token)] = info

    def lookup(self, token: IdTokenType, now: datetime) -> IdTokenInfoType | None:
        """The cached idTokenInfo, unless it expired (C10: an expired entry is not used)."""
        info = self.entries.get(token_key(token))
        if info is None:
            return None
        expiry = parse_time(info.cache_expiry_date_time)
        if expiry is not None and expiry <= now:
            return None
        return info

    def clear(self) -> None:
        """ClearCache (C11)."""
        self.entries.clear()

    def forget(self, token: IdTokenType) -> bool:
        """Remove ``token``'s entry; whether there was one."""
        return self.entries.pop(token_key(token), None) is not None


class Authorization:
    """The authorization of idTokens at one station: the cache, and the decision."""

    __slots__ = ("_ctx", "cache", "local_list")

    def __init__(self, ctx: StationContext, local_list: LocalAuthList) -> None:
        self._ctx = ctx
        self.local_list = local_list
        self.cache = AuthCache()

    def routes(self) -> Mapping[str, Handler]:
        return {"ClearCache": self.on_clear_cache}

    async def on_clear_cache(self, request: ClearCacheRequest) -> ClearCacheResponse:
        """C11: Accepted and the cache emptied; Rejected when AuthCacheCtrlr.Enabled is false."""
        if not self._ctx.device_model.auth_cache_enabled:
            return ClearCacheResponse(
                status=ClearCacheStatusEnumType.Rejected,
                status_info=StatusInfoType(reason_code="CacheDisabled"),
            )
        self.cache.clear()
        return ClearCacheResponse(status=ClearCacheStatusEnumType.Accepted)

    def lookup(
        self, token: IdTokenType, now: datetime, *, use_list: bool, use_cache: bool
    ) -> IdTokenInfoType | None:
        """What the station knows of ``token`` locally: the list first, then the cache."""
        info = self.local_list.lookup(token) if use_list else None
        if info is None and use_cache:
            info = self.cache.lookup(token, now)
        return info

    async def authorize(self, token: IdTokenType) -> IdTokenInfoType | None:
        """The idTokenInfo for ``token``: from the CSMS when online, else from local data.

        Raises:
            OCPPKitError: the CSMS answered the Authorize with a CALLERROR.
        """
        ctx = self._ctx
        model = ctx.device_model
        use_list, use_cache = model.local_list_enabled, model.auth_cache_enabled
        local = self.lookup(token, ctx.now_utc(), use_list=use_list, use_cache=use_cache)
        if ctx.connected:
            if accepted(local) and model.local_pre_authorize:
                return local  # C12/C13: no need to ask the CSMS
            try:
                return await self._ask_csms(token, use_cache)
            except (NotConnectedError, CallTimeoutError):
                pass  # the link went: decide offline
        if local is not None and model.local_authorize_offline:
            return local  # C14/C15 (and D01: the local list)
        if model.offline_tx_for_unknown_id:
            return IdTokenInfoType(status=AuthorizationStatusEnumType.Accepted)
        return IdTokenInfoType(status=AuthorizationStatusEnumType.Unknown)

    async def _ask_csms(self, token: IdTokenType, use_cache: bool) -> IdTokenInfoType:
        response: AuthorizeResponse = await self._ctx.call(
            "Authorize", AuthorizeRequest(id_token=token)
        )
        info = response.id_token_info
        if use_cache:
            self.cache.store(token, info)  # C10
        return info
