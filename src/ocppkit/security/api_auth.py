"""When the REST API must ask for keys: beyond loopback always (and then the CSMS refuses to
start without one), on loopback once any key exists."""

from __future__ import annotations

import ipaddress

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.security.api_keys import ApiKeyStore


class ApiExposureError(OCPPKitError):
    """The REST API would listen beyond loopback with no key to protect it."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost`` (not ``0.0.0.0``, nor ``""``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


async def check_api_exposure(keys: ApiKeyStore, api_host: str) -> bool:
    """Whether the API on ``api_host`` must ask for a key.

    Raises:
        ApiExposureError: ``api_host`` is not loopback and there is no active key.
    """
    active = await keys.active_count()
    if is_loopback(api_host):
        return active > 0
    if active == 0:
        raise ApiExposureError(
            f"the REST API would listen on {api_host}, beyond loopback, without any API key: "
            "create one first with `ocppkit api-keys create --role admin` (same "
            "--database-url as the server), or listen on 127.0.0.1 (--api-host)"
        )
    return True


__all__ = ["ApiExposureError", "check_api_exposure", "is_loopback"]
