"""Which OCPP versions a CSMS offers on its station port (``OCPPServer(ocpp_versions=...)``,
``ocppkit server --ocpp-versions``): each must have its blocks (``router.BLOCKS_BY_VERSION``)."""

from __future__ import annotations

from collections.abc import Iterable

from ocppkit.csms.router import BLOCKS_BY_VERSION
from ocppkit.protocol.versions import OcppVersion, profile

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


__all__ = ["DEFAULT_VERSIONS", "parse_ocpp_versions"]
