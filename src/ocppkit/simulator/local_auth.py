"""Local authorization: the Local Authorization List (block D) and the Authorization Cache (C10,
C11), pure.

The list is the CSMS's: SendLocalList replaces it (Full) or changes it (Differential) and gives it
a version (D01, D02). The cache is the station's: every idTokenInfo the CSMS sends for an idToken
is kept until ClearCache (C11) or its ``cacheExpiryDateTime``. For a token both know, the list
wins (C13/C14: the list is authoritative).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ocppkit.protocol.models import (
    AuthorizationStatusEnumType,
    IdTokenInfoType,
    IdTokenType,
    SendLocalListRequest,
    SendLocalListStatusEnumType,
    UpdateEnumType,
)
from ocppkit.simulator.smart_charging.schedule import parse_time

ListStatus = SendLocalListStatusEnumType
TokenKey = tuple[str, str]


def token_key(token: IdTokenType) -> TokenKey:
    """An idToken's identity: its value and its type."""
    return (token.id_token, str(token.type))


@dataclass(slots=True)
class LocalAuthList:
    """The Local Authorization List: version and entries."""

    version: int = 0
    entries: dict[TokenKey, IdTokenInfoType] = field(default_factory=dict)

    def update(self, request: SendLocalListRequest) -> SendLocalListStatusEnumType:
        """Apply a SendLocalList (D01) and say how it went.

        Full replaces the list (every entry needs its idTokenInfo); Differential needs a
        version above the present one (else VersionMismatch) and adds, replaces or (entry
        without idTokenInfo) removes entries.
        """
        entries = request.local_authorization_list or []
        if request.update_type == UpdateEnumType.Full:
            if any(e.id_token_info is None for e in entries):
                return ListStatus.Failed
            self.entries = {token_key(e.id_token): e.id_token_info for e in entries}  # type: ignore[misc]
        else:
            if request.version_number <= self.version:
                return ListStatus.VersionMismatch
            for entry in entries:
                key = token_key(entry.id_token)
                if entry.id_token_info is None:
                    self.entries.pop(key, None)
                else:
                    self.entries[key] = entry.id_token_info
        self.version = request.version_number
        return ListStatus.Accepted

    def lookup(self, token: IdTokenType) -> IdTokenInfoType | None:
        """The list's idTokenInfo for ``token``, if it has one."""
        return self.entries.get(token_key(token))

    def forget(self, token: IdTokenType) -> bool:
        """Remove ``token``'s entry (N10, customer data cleared); whether there was one."""
        return self.entries.pop(token_key(token), None) is not None


@dataclass(slots=True)
class AuthCache:
    """The Authorization Cache: the last idTokenInfo the CSMS gave for each idToken."""

    entries: dict[TokenKey, IdTokenInfoType] = field(default_factory=dict)

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


@dataclass(slots=True)
class LocalAuthorization:
    """The station's local authorization data: the list and the cache."""

    local_list: LocalAuthList = field(default_factory=LocalAuthList)
    cache: AuthCache = field(default_factory=AuthCache)

    def lookup(
        self, token: IdTokenType, now: datetime, *, use_list: bool, use_cache: bool
    ) -> IdTokenInfoType | None:
        """What the station knows of ``token`` locally: the list first, then the cache."""
        info = self.local_list.lookup(token) if use_list else None
        if info is None and use_cache:
            info = self.cache.lookup(token, now)
        return info


def accepted(info: IdTokenInfoType | None) -> bool:
    """Whether ``info`` authorizes a charge."""
    return info is not None and info.status == AuthorizationStatusEnumType.Accepted
