"""Id tokens the CSMS knows, and the authorization decision (C01-C16, D01-D02).

``TokenStore`` is ``server.tokens``: tokens managed at run time with a status (an
AuthorizationStatusEnumType value: Accepted, Blocked, Expired, Invalid, ...), an expiry and a
group id token, persisted through the server's ``Store`` when a database is configured. The
decision for a token, in order:

1. type NoAuthorization: Accepted (C03: no token to check);
2. a managed token: its status unless Accepted; Expired once past its expiry;
3. an unmanaged token: Accepted when the policy accepts all (the default), when it is in the
   configured list, or when the CSMS issued it in a RequestStartTransaction (F01/F02);
   otherwise ``unknown_status`` (Invalid unless configured as Unknown);
4. an Accepted token already in a transaction elsewhere becomes ConcurrentTx when concurrent
   transactions are forbidden (C01/E05: one token, one transaction).

Tokens are compared case-insensitively (IdToken is a case-insensitive identifier).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ocppkit.csms.clock import format_optional

STATUSES = frozenset(
    {
        "Accepted",
        "Blocked",
        "ConcurrentTx",
        "Expired",
        "Invalid",
        "NoCredit",
        "NotAllowedTypeOfEVSE",
        "NotAtThisLocation",
        "NotAtThisTime",
        "Unknown",
    }
)


@dataclass(slots=True)
class TokenEntry:
    """A managed id token."""

    id_token: str
    type: str = "Central"
    status: str = "Accepted"
    expiry: datetime | None = None
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id_token": self.id_token,
            "type": self.type,
            "status": self.status,
            "expiry": format_optional(self.expiry),
            "group": self.group,
        }


class TokenSink(Protocol):
    """Where managed tokens are persisted (the server's ``Store``)."""

    async def id_token_saved(self, entry: TokenEntry) -> None: ...

    async def id_token_removed(self, entry: TokenEntry) -> None: ...


@dataclass(frozen=True, slots=True)
class TokenDecision:
    """What the CSMS answers for a token: its status and, for a managed one, expiry and group."""

    status: str
    entry: TokenEntry | None = None


class TokenStore:
    """The CSMS's id tokens and token policy.

    Args:
        authorized: None accepts every unmanaged token (the default policy); otherwise only
            these, others get ``unknown_status``.
        allow_concurrent_tx: False answers ConcurrentTx for a token already in an active
            transaction elsewhere.
        unknown_status: the status of a token neither managed, listed nor issued: Invalid, or
            Unknown.
    """

    def __init__(
        self,
        authorized: Iterable[str] | None = None,
        *,
        allow_concurrent_tx: bool = True,
        unknown_status: str = "Invalid",
    ) -> None:
        self._listed = None if authorized is None else {t.casefold() for t in authorized}
        self._issued: set[str] = set()
        self._entries: dict[str, TokenEntry] = {}
        self.allow_concurrent_tx = allow_concurrent_tx
        self.unknown_status = unknown_status
        self._store: TokenSink | None = None

    def bind(self, store: TokenSink) -> None:
        """Persist changes through ``store`` from now on."""
        self._store = store

    # --- the seed's token policy interface ---

    @property
    def accepts_all(self) -> bool:
        return self._listed is None

    def issue(self, token: str) -> None:
        """Remember a token the CSMS sent in a remote start."""
        self._issued.add(token.casefold())

    def extend(self, tokens: Iterable[str]) -> None:
        """Accept these tokens too; no-op when all are accepted."""
        if self._listed is not None:
            self._listed.update(t.casefold() for t in tokens)

    def is_accepted(self, token: str, token_type: str) -> bool:
        """Whether ``token`` of ``token_type`` is Accepted (ignoring expiry and transactions)."""
        return self.decide(token, token_type, None).status == "Accepted"

    # --- managed tokens ---

    async def add(
        self,
        id_token: str,
        *,
        type: str = "Central",
        status: str = "Accepted",
        expiry: datetime | None = None,
        group: str | None = None,
    ) -> TokenEntry:
        """Add or replace a managed token; returns once it is stored.

        Raises:
            ValueError: ``status`` is not an AuthorizationStatusEnumType value.
        """
        if status not in STATUSES:
            raise ValueError(f"unknown authorization status {status!r}")
        entry = TokenEntry(id_token, type, status, expiry, group)
        self._entries[id_token.casefold()] = entry
        if self._store is not None:
            await self._store.id_token_saved(entry)
        return entry

    async def block(self, id_token: str) -> TokenEntry:
        """Set a token Blocked (managed from now on if it was not)."""
        entry = self.get(id_token)
        if entry is None:
            return await self.add(id_token, status="Blocked")
        return await self.add(
            entry.id_token,
            type=entry.type,
            status="Blocked",
            expiry=entry.expiry,
            group=entry.group,
        )

    async def remove(self, id_token: str) -> bool:
        """Forget a managed token; False if it was not managed."""
        entry = self._entries.pop(id_token.casefold(), None)
        if entry is not None and self._store is not None:
            await self._store.id_token_removed(entry)
        return entry is not None

    def get(self, id_token: str) -> TokenEntry | None:
        return self._entries.get(id_token.casefold())

    def entries(self) -> list[TokenEntry]:
        """Every managed token, by id."""
        return sorted(self._entries.values(), key=lambda e: e.id_token.casefold())

    def restore(self, entries: Iterable[TokenEntry]) -> list[TokenEntry]:
        """Take stored tokens; tokens added before (in memory) win. Returns those memory-only
        ones, which the caller should store."""
        stored = {e.id_token.casefold(): e for e in entries}
        unsaved = [e for key, e in self._entries.items() if key not in stored]
        self._entries = {**stored, **self._entries}
        return unsaved

    # --- the decision ---

    def decide(
        self, id_token: str, token_type: str, now: datetime | None, in_use_elsewhere: bool = False
    ) -> TokenDecision:
        """The status for a token (see the module docstring).

        Args:
            now: the current time, for expiry; None ignores expiry.
            in_use_elsewhere: the token is in an active transaction other than the one asking.
        """
        if token_type == "NoAuthorization":  # C03
            return TokenDecision("Accepted")
        key = id_token.casefold()
        entry = self._entries.get(key)
        if entry is not None:
            if entry.status != "Accepted":
                return TokenDecision(entry.status, entry)
            if now is not None and entry.expiry is not None and entry.expiry <= now:
                return TokenDecision("Expired", entry)  # C01: past its expiry
        elif not (self._listed is None or key in self._listed or key in self._issued):
            return TokenDecision(self.unknown_status)
        if in_use_elsewhere and not self.allow_concurrent_tx:
            return TokenDecision("ConcurrentTx", entry)
        return TokenDecision("Accepted", entry)


__all__ = ["STATUSES", "TokenDecision", "TokenEntry", "TokenSink", "TokenStore"]
