"""Block D, the Local Authorization List: SendLocalList (D01) and GetLocalListVersion (D02).

The list is the CSMS's: SendLocalList replaces it (Full) or changes it (Differential) and gives it
a version (D01, D02). It is used when authorizing (``authorization``); for a token that both the
list and the Authorization Cache know, the list wins (C13/C14: the list is authoritative).
"""

from __future__ import annotations

from collections.abc import Mapping

from ocppkit.protocol.models import (
    AuthorizationStatusEnumType,
    GetLocalListVersionRequest,
    GetLocalListVersionResponse,
    IdTokenInfoType,
    IdTokenType,
    SendLocalListRequest,
    SendLocalListResponse,
    SendLocalListStatusEnumType,
    StatusInfoType,
    UpdateEnumType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device.variables import Key

ListStatus = SendLocalListStatusEnumType
TokenKey = tuple[str, str]


def token_key(token: IdTokenType) -> TokenKey:
    """An idToken's identity: its value and its type."""
    return (token.id_token, str(token.type))


def accepted(info: IdTokenInfoType | None) -> bool:
    """Whether ``info`` authorizes a charge."""
    return info is not None and info.status == AuthorizationStatusEnumType.Accepted


class LocalAuthList:
    """The Local Authorization List of one station: its version and entries."""

    __slots__ = ("_ctx", "entries", "version")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.version = 0
        self.entries: dict[TokenKey, IdTokenInfoType] = {}
        ctx.device_model.bind(Key("LocalAuthListCtrlr", "Entries"), lambda: str(len(self.entries)))

    def routes(self) -> Mapping[str, Handler]:
        return {
            "SendLocalList": self.on_send_local_list,
            "GetLocalListVersion": self.on_get_local_list_version,
        }

    async def on_send_local_list(self, request: SendLocalListRequest) -> SendLocalListResponse:
        """D01: Full replaces the list, Differential changes it (VersionMismatch for a version
        not above the present one); Failed when LocalAuthListCtrlr.Enabled is false."""
        if not self._ctx.device_model.local_list_enabled:
            return SendLocalListResponse(
                status=SendLocalListStatusEnumType.Failed,
                status_info=StatusInfoType(reason_code="ListDisabled"),
            )
        return SendLocalListResponse(status=self.update(request))

    async def on_get_local_list_version(
        self, request: GetLocalListVersionRequest
    ) -> GetLocalListVersionResponse:
        """D02: the version of the list (0: none installed)."""
        return GetLocalListVersionResponse(version_number=self.version)

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
