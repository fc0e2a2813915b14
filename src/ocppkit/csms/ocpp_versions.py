"""Which OCPP versions a CSMS offers on its station port (``OCPPServer(ocpp_versions=...)``,
``ocppkit server --ocpp-versions``): each must have its blocks (``router.BLOCKS_BY_VERSION``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from websockets.typing import Subprotocol

from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger
from ocppkit.csms.router import BLOCKS_BY_VERSION, Router
from ocppkit.csms.tracking import Tracker
from ocppkit.protocol.versions import OcppVersion, profile, select_version
from ocppkit.transport import Handler

DEFAULT_VERSIONS = (OcppVersion.V16, OcppVersion.V201)
"""The versions a CSMS offers unless told: those with blocks (``BLOCKS_BY_VERSION``)."""


def parse_ocpp_versions(versions: Iterable[OcppVersion | str]) -> tuple[OcppVersion, ...]:
    """Versions as given ("1.6", "ocpp1.6", "2.0.1" or ``OcppVersion``), deduplicated in order.

    Raises:
        ValueError: an unknown version, one the CSMS does not route yet, or none.
    """
    chosen: list[OcppVersion] = []
    for given in versions:
        name = str(given).strip()
        try:
            version = OcppVersion(name if name.startswith("ocpp") else "ocpp" + name)
        except ValueError:
            known = ", ".join(v.value.removeprefix("ocpp") for v in OcppVersion)
            raise ValueError(f"unknown OCPP version {name!r} (known: {known})") from None
        if version not in BLOCKS_BY_VERSION:
            raise ValueError(f"{profile(version).label} stations are not routed by this CSMS yet")
        if version not in chosen:
            chosen.append(version)
    if not chosen:
        raise ValueError("at least one OCPP version must be offered")
    return tuple(chosen)


class VersionRouting:
    """The routers of the offered versions, and the choice of a link's version.

    Raises:
        ValueError: from the constructor, as ``parse_ocpp_versions``.
        RuntimeError: a version's routing table is incomplete (``Router``).
    """

    def __init__(
        self, ctx: CsmsContext, tracker: Tracker, versions: Iterable[OcppVersion | str]
    ) -> None:
        self.offered = parse_ocpp_versions(versions)
        self.routers = {v: Router(ctx, tracker, version=v) for v in self.offered}
        self.subprotocols = [Subprotocol(v.value) for v in self.offered]

    def select(self, connection: object, offered: Sequence[str]) -> Subprotocol | None:
        """websockets' ``select_subprotocol``: the station's order of preference wins
        (websockets itself would take the server's)."""
        version = select_version(offered, self.offered)
        return None if version is None else Subprotocol(version.value)

    def link(self, subprotocol: str | None, charger: Charger) -> tuple[OcppVersion, Any, Handler]:
        """A new link's version (kept on ``charger``), the actions it accepts and its handler.
        The handshake refused a station with no version in common, so one was chosen."""
        version = OcppVersion(subprotocol or OcppVersion.V201)
        charger.ocpp_version = version.value
        accepts = profile(version).cs_to_csms
        return version, accepts, self.routers[version].station_handler(charger)


__all__ = ["DEFAULT_VERSIONS", "VersionRouting", "parse_ocpp_versions"]
