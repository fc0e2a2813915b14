"""The CSMS's security side (``OCPPServer`` inherits it): the stations' security settings, the
REST API's keys, the limits, the handshake gate and the TLS context, set up from the
constructor's options and bound to the database at start.
"""

from __future__ import annotations

import ssl
import time
from typing import TYPE_CHECKING, Any

from ocppkit.csms.handshake import StationGate
from ocppkit.security.api_keys import ApiKeyStore
from ocppkit.security.events import SecurityEventLog
from ocppkit.security.limits import Limits, SecurityCounters, TokenBucket
from ocppkit.security.proxy import TrustedProxy
from ocppkit.security.stations import PROFILES, StationSecurityStore

if TYPE_CHECKING:
    from ocppkit.csms.context import EventHub


class SecurityMethods:
    """Mixin of ``OCPPServer``: ``station_security``, ``api_keys``, ``limits`` and the gate."""

    ssl_context: ssl.SSLContext | None
    limits: Limits
    station_security: StationSecurityStore
    api_keys: ApiKeyStore
    security_counters: SecurityCounters
    _gate: StationGate

    def _init_security(
        self,
        events: EventHub,
        ssl_context: ssl.SSLContext | None,
        limits: Limits | None,
        unknown_station_profile: int,
        trusted_proxy: TrustedProxy | None = None,
    ) -> None:
        if unknown_station_profile not in PROFILES:
            raise ValueError(f"unknown_station_profile {unknown_station_profile!r} is not 0-3")
        if unknown_station_profile >= 2 and ssl_context is None and trusted_proxy is None:
            raise ValueError(f"security profile {unknown_station_profile} needs TLS (wss://)")
        self.ssl_context = ssl_context
        self.limits = limits or Limits()
        self.station_security = StationSecurityStore()
        self.api_keys = ApiKeyStore()
        self.security_counters = SecurityCounters()
        self._gate = StationGate(
            self.station_security,
            self.limits,
            self.security_counters,
            unknown_station_profile,
            events.emit,
            trusted_proxy,
        )

    async def _open_security(self, store: Any) -> None:
        """Keep the settings and keys in the CSMS's database, if it has one, and read them."""
        worker = getattr(store, "worker", None)
        run = None if worker is None else worker.run
        self.station_security.bind(run)
        self.api_keys.bind(run)
        self._gate.events.bind(run)
        await self.station_security.load()

    def _serve_options(self) -> dict[str, Any]:
        """The limits and TLS as ``websockets.serve`` keyword arguments."""
        options: dict[str, Any] = {
            "process_request": self._gate,
            "max_size": self.limits.max_frame_bytes,
            "open_timeout": self.limits.handshake_timeout,
        }
        if self.ssl_context is not None:
            options["ssl"] = self.ssl_context
            options["ssl_handshake_timeout"] = self.limits.handshake_timeout
        return options

    def _link_rate(self) -> TokenBucket | None:
        rate = self.limits.message_rate
        if rate is None:
            return None
        return TokenBucket(rate, self.limits.message_burst, time.monotonic())

    @property
    def security_events(self) -> SecurityEventLog:
        """The station connections the handshake refused (see ``SecurityEventLog.recent``)."""
        return self._gate.events

    @property
    def scheme(self) -> str:
        """``wss`` with TLS, else ``ws``."""
        return "ws" if self.ssl_context is None else "wss"

    def get_station_security(self, charger_id: str) -> dict[str, Any]:
        """The station's security settings: {charger_id, profile, password_set} (profile 0 and
        no password when it has none). The password is never returned."""
        return self.station_security.view(charger_id)

    async def set_station_security(
        self, charger_id: str, profile: int, password: str | None = None
    ) -> dict[str, Any]:
        """Set the lowest security profile the station may connect with (A05: a connection
        below it is refused) and, optionally, its Basic auth password (stored scrypt-hashed;
        16-40 printable ASCII characters). Profiles 1 and 2 need a password; 2 and 3 need
        this CSMS to serve TLS. Takes effect at the station's next connection.

        Raises:
            SecuritySettingError: a bad profile or password, or TLS missing for profile 2-3.
        """
        from ocppkit.security.stations import SecuritySettingError

        if profile >= 2 and self.ssl_context is None and self._gate.proxy is None:
            raise SecuritySettingError(
                f"security profile {profile} needs TLS: start the CSMS with --tls-cert/--tls-key "
                "(or behind a TLS proxy, --trusted-proxy)"
            )
        await self.station_security.configure(charger_id, profile, password)
        return self.station_security.view(charger_id)

    async def rotate_station_password(
        self, charger_id: str, password: str, reconnect: bool = True
    ) -> dict[str, Any]:
        """A01: give a connected station a new Basic auth password.

        The new password is stored (hashed) next to the old one, then sent in SetVariables
        (SecurityCtrlr.BasicAuthPassword) on the link directly: it is kept in neither the
        command history nor the CSMS's copy of the device model, and frame observers (the
        message log) see it as ``***``. Accepted or RebootRequired: both passwords are
        accepted until the station first connects with the new one, then the old one is
        refused; with ``reconnect`` a RebootRequired station is sent Reset OnIdle so that it
        reconnects. Any other answer (or none) restores the old password alone.

        Returns:
            {charger_id, status (the SetVariables attributeStatus), reset (whether a Reset was
            sent), pending (whether the old password is still accepted)}.

        Raises:
            SecuritySettingError: the password breaks the rules.
            NotConnectedError, OCPPError, CallTimeoutError: as ``call`` (the old password is
                then kept alone).
        """
        store = self.station_security
        before = store.get(charger_id)
        await store.begin_rotation(charger_id, password)
        request = {
            "setVariableData": [
                {
                    "attributeValue": password,
                    "component": {"name": "SecurityCtrlr"},
                    "variable": {"name": "BasicAuthPassword"},
                }
            ]
        }
        try:
            # On the link itself: the command history and the device model (both readable
            # through the API) must not keep the password; frame observers see it redacted.
            link = self.chargers.connection(charger_id)  # type: ignore[attr-defined]
            response = await link.call("SetVariables", request)
            status = str(response.set_variable_result[0].attribute_status.value)
        except BaseException:
            await store.restore(charger_id, before)
            raise
        if status not in ("Accepted", "RebootRequired"):
            await store.restore(charger_id, before)
            return {"charger_id": charger_id, "status": status, "reset": False, "pending": False}
        reset = reconnect and status == "RebootRequired"
        if reset:
            await self.call(charger_id, "Reset", {"type": "OnIdle"})  # type: ignore[attr-defined]
        current = store.get(charger_id)
        pending = current is not None and current.previous_password_hash is not None
        return {"charger_id": charger_id, "status": status, "reset": reset, "pending": pending}

    async def upgrade_station_profile(
        self, charger_id: str, profile: int, csms_url: str, slot: int = 1
    ) -> dict[str, Any]:
        """A05: move a connected station up to security ``profile`` at ``csms_url``.

        Sends SetNetworkProfile (``slot``, the new URL and profile), SetVariables
        OCPPCommCtrlr.NetworkConfigurationPriority = ``slot`` and Reset OnIdle. The station's
        stored profile is raised when it first connects at the new profile; from then a lower
        one is refused. Until then its current profile still applies.

        Returns:
            {charger_id, profile, network_profile (the SetNetworkProfile status), priority
            (the SetVariables attributeStatus), reset (the Reset status)}.

        Raises:
            SecuritySettingError: not an upgrade, profile 2 without a password, or 2-3 on a
                CSMS without TLS.
            NotConnectedError, OCPPError, CallTimeoutError: as ``call``.
        """
        from ocppkit.security.stations import SecuritySettingError

        current = self.station_security.get(charger_id)
        now = 0 if current is None else current.profile
        if profile <= now or profile not in PROFILES:
            raise SecuritySettingError(f"profile {profile} is no upgrade from {now} (1-3)")
        if profile >= 2 and self.ssl_context is None and self._gate.proxy is None:
            raise SecuritySettingError(f"security profile {profile} needs TLS on this CSMS")
        if profile in (1, 2) and (current is None or current.password_hash is None):
            raise SecuritySettingError(f"security profile {profile} needs a password first")
        call = self.call  # type: ignore[attr-defined]
        network = await call(
            charger_id,
            "SetNetworkProfile",
            {
                "configurationSlot": slot,
                "connectionData": {
                    "ocppVersion": "OCPP20",
                    "ocppTransport": "JSON",
                    "ocppCsmsUrl": csms_url,
                    "messageTimeout": 30,
                    "securityProfile": profile,
                    "ocppInterface": "Wired0",
                },
            },
        )
        result: dict[str, Any] = {
            "charger_id": charger_id,
            "profile": profile,
            "network_profile": str(network.status.value),
            "priority": None,
            "reset": None,
        }
        if result["network_profile"] != "Accepted":
            return result
        priority = await call(
            charger_id,
            "SetVariables",
            {
                "setVariableData": [
                    {
                        "attributeValue": str(slot),
                        "component": {"name": "OCPPCommCtrlr"},
                        "variable": {"name": "NetworkConfigurationPriority"},
                    }
                ]
            },
        )
        result["priority"] = str(priority.set_variable_result[0].attribute_status.value)
        if result["priority"] not in ("Accepted", "RebootRequired"):
            return result
        self.station_security.upgrades[charger_id] = profile
        reset = await call(charger_id, "Reset", {"type": "OnIdle"})
        result["reset"] = str(reset.status.value)
        return result


__all__ = ["SecurityMethods"]
