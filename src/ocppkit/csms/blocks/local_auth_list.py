"""D Local authorization list management: what SendLocalList (D01) and GetLocalListVersion
(D02) answers say about the list a station holds.

Stations send no D message of their own. The list is kept as one ``local_list`` object (key
""), its payload the version and the entries (``LocalList``), its status the last update type.
"""

from __future__ import annotations

from ocppkit.csms.blocks import Block, StationObjects, on_answer
from ocppkit.protocol.models import (
    AuthorizationData,
    GetLocalListVersionRequest,
    GetLocalListVersionResponse,
    OcppModel,
    SendLocalListRequest,
    SendLocalListResponse,
)

KIND = "local_list"


class LocalList(OcppModel):
    """The list a station holds, as the CSMS knows it: ``{"version", "entries"}``."""

    version: int
    entries: list[AuthorizationData]


def _token_key(entry: AuthorizationData) -> tuple[str, str]:
    return (entry.id_token.id_token, str(entry.id_token.type))


class LocalAuthList(Block):
    """Follows the stations' local authorization lists."""

    object_kinds = (KIND,)

    @on_answer("SendLocalList")
    def list_sent(
        self,
        objects: StationObjects,
        request: SendLocalListRequest,
        response: SendLocalListResponse,
    ) -> None:
        """D01: an Accepted Full update replaces the list; a Differential one adds or replaces
        the entries with idTokenInfo and removes those without."""
        if response.status != "Accepted":
            return
        current = objects.get(KIND, "")
        full = request.update_type == "Full" or current is None
        entries = (
            {}
            if full or current is None
            else {_token_key(e): e for e in objects.model(current, LocalList).entries}
        )
        for entry in request.local_authorization_list or ():
            if entry.id_token_info is not None:
                entries[_token_key(entry)] = entry
            else:
                entries.pop(_token_key(entry), None)
        listed = LocalList(version=request.version_number, entries=list(entries.values()))
        objects.put(KIND, "", listed, str(request.update_type))

    @on_answer("GetLocalListVersion")
    def version_reported(
        self,
        objects: StationObjects,
        request: GetLocalListVersionRequest,
        response: GetLocalListVersionResponse,
    ) -> None:
        """D02: the station's version; 0 means it holds no list."""
        version = response.version_number
        current = objects.get(KIND, "")
        kept = current is not None and version != 0
        entries = objects.model(current, LocalList).entries if kept and current else []
        status = current.status if kept and current else None
        objects.put(KIND, "", LocalList(version=version, entries=entries), status)
