"""The station's link to its CSMS: websocket, boot, heartbeats and reconnection.

    open() -> [websocket] -> BootNotification (B01; Pending/Rejected: again after the returned
    interval, B02/B03) -> StatusNotification per EVSE (G01) -> Heartbeat every interval (G02)
    -> queued TransactionEvents, in order (E04) ... link lost -> back-off (RetryBackOff*)
    -> [websocket] -> StatusNotification, queued TransactionEvents, heartbeats: no second
    BootNotification ... close() -> close 1000, no reconnect.

A reboot (``restart``) drops the link and boots again at once, with the given reason. The runner
task and its per-link tasks (reader, session) are owned here and end with ``close``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import InvalidURI, WebSocketException

from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError
from ocppkit.protocol.models import (
    CSMS_TO_CS,
    BootNotificationRequest,
    BootNotificationResponse,
    BootReasonEnumType,
    OcppModel,
    RegistrationStatusEnumType,
)
from ocppkit.simulator import settings
from ocppkit.simulator.device_model import HEARTBEAT_INTERVAL
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.handlers import availability
from ocppkit.simulator.security import basic_auth_headers, tls_argument
from ocppkit.transport import SUBPROTOCOL, Connection

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")

DEFAULT_BOOT_RETRY = 30.0  # s, when a Pending/Rejected response gives interval 0


def retry_backoff(
    attempt: int, rng: random.Random, wait_minimum: float, random_range: float, repeat_times: int
) -> float:
    """Seconds to wait before reconnect attempt ``attempt`` (0-based), as OCPPCommCtrlr's
    RetryBackOff* variables say: ``wait_minimum`` doubled once per failed attempt, at most
    ``repeat_times`` times, plus a random part in [0, ``random_range``]."""
    doublings = max(0, min(attempt, repeat_times, 30))
    return wait_minimum * 2**doublings + rng.uniform(0.0, max(0.0, random_range))


def backoff_delay(attempt: int, rng: random.Random, minimum: float, maximum: float) -> float:
    """Seconds to wait before reconnect attempt ``attempt`` (0-based): doubling from
    ``minimum``, capped at ``maximum``, with jitter in [50 %, 100 %] of that."""
    ceiling = min(maximum, minimum * 2 ** min(attempt, 30))
    return ceiling * rng.uniform(0.5, 1.0)


class CsmsLink:
    """The OCPP link of one station.

    Args:
        station: the station it serves (answers CALLs, announces its connectors).
        url: the websocket URL, station identity included.
        rng: the random stream for back-off jitter.
        reconnect: (first, largest) back-off delay in seconds.
        call_timeout: seconds to wait for a reply to a CALL (and for the websocket to open).
    """

    def __init__(
        self,
        station: ChargerSimulator,
        url: str,
        rng: random.Random,
        reconnect: tuple[float, float],
        call_timeout: float,
    ) -> None:
        self._station = station
        self._name = station.charger_id
        self.url = url
        self._rng = rng
        self._reconnect = reconnect
        self._call_timeout = call_timeout
        self.registration_status: RegistrationStatusEnumType | None = None
        self._connection: Connection | None = None
        self._runner: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()  # booted and announced on the present websocket
        self._boot_now = asyncio.Event()  # TriggerMessage(BootNotification) while not Accepted
        self._interval_changed = asyncio.Event()  # SetVariables changed HeartbeatInterval
        self._registered = False
        self._boot_reason = BootReasonEnumType.PowerUp
        self._stopping = False
        self._restarting = False
        self._last_error: BaseException | None = None
        self._restore_pending = True  # the first open reads persisted state

    @property
    def online(self) -> bool:
        """Accepted and announced on a websocket that is open."""
        conn = self._connection
        return self._ready.is_set() and conn is not None and not conn.closed

    @property
    def registered(self) -> bool:
        """The CSMS Accepted this station's BootNotification (since its last boot)."""
        return self._registered

    async def call(self, action: str, payload: OcppModel, *, before_boot: bool = False) -> Any:
        """Send a CALL and return the CSMS's response model.

        Raises:
            NotConnectedError: offline, or not yet Accepted (B02: only BootNotification and
                triggered messages before that) unless ``before_boot``.
            OCPPError, CallTimeoutError: as ``Connection.call``.
        """
        conn = self._connection
        if conn is None or conn.closed or not (before_boot or self._registered):
            raise NotConnectedError(f"{self._name} is not connected to a CSMS")
        return await conn.call(action, payload)

    def trigger_boot(self) -> bool:
        """Send a BootNotification now if not yet Accepted; False if already Accepted."""
        if self._registered:
            return False
        self._boot_reason = BootReasonEnumType.Triggered
        self._boot_now.set()
        return True

    def retry_settings(self) -> tuple[float, float, int]:
        """(RetryBackOffWaitMinimum, RetryBackOffRandomRange, RetryBackOffRepeatTimes): from the
        device model when it defines them, else from the constructor's reconnect delays (the
        first delay, a random part up to it, doublings until the largest delay)."""
        first, largest = self._reconnect
        station = self._station
        repeats = max(0, math.ceil(math.log2(max(largest / first, 1.0)))) if first > 0 else 0
        return (
            settings.number(station, settings.RETRY_WAIT_MINIMUM, first),
            settings.number(station, settings.RETRY_RANDOM_RANGE, first),
            int(settings.number(station, settings.RETRY_REPEAT_TIMES, repeats)),
        )

    async def wait_online(self) -> None:
        """Return once the station is online (booted and announced) on a websocket."""
        await self._ready.wait()

    def heartbeat_interval_changed(self) -> None:
        """Start the heartbeat interval afresh with its new value (B05)."""
        self._interval_changed.set()

    # --- opening and closing ---

    async def open(self, timeout: float) -> None:  # noqa: ASYNC109 (ChargerSimulator.connect's)
        """Start the runner (if not running) and wait until the station is online.

        Raises:
            SimulatorError: not online within ``timeout`` seconds, or an invalid URL.
        """
        if self._runner is None or self._runner.done():
            if self._restore_pending:
                self._restore_pending = False
                availability.restore(self._station)  # G03/G04: persisted Inoperative EVSEs
            self._stopping = False
            self._runner = asyncio.get_running_loop().create_task(
                self._run(), name=f"{self._name}:runner"
            )
        ready = asyncio.ensure_future(self._ready.wait())
        try:
            async with asyncio.timeout(timeout):
                await asyncio.wait({ready, self._runner}, return_when=asyncio.FIRST_COMPLETED)
        except TimeoutError:
            await self._stop_runner()
            status = self.registration_status.value if self.registration_status else "no answer"
            raise SimulatorError(
                f"{self._name}: not accepted by {self.url} within {timeout:g} s "
                f"(registration: {status}; last error: {self._last_error!r})"
            ) from None
        finally:
            ready.cancel()
        if self._runner.done():
            self._runner.result()  # raises what ended it

    async def close(self) -> None:
        """Close the websocket with 1000 and stop; the next ``open`` boots (PowerUp)."""
        self._stopping = True
        conn = self._connection
        if conn is not None:
            await conn.close(1000, "station shutting down")
        await self._stop_runner(grace=self._call_timeout)
        self._registered = False
        self._boot_reason = BootReasonEnumType.PowerUp

    async def restart(self, reason: BootReasonEnumType) -> None:
        """Drop the link (close 1000), reconnect at once and boot with ``reason`` (B11)."""
        self._registered = False
        self._boot_reason = reason
        self._restarting = True
        self._ready.clear()
        conn = self._connection
        if conn is not None:
            await conn.close(1000, "rebooting")

    async def _stop_runner(self, grace: float = 0.0) -> None:
        """Let the runner end by itself within ``grace`` seconds, then cancel it."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        if grace > 0 and not runner.done():
            await asyncio.wait({runner}, timeout=grace)
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)

    # --- running ---

    async def _run(self) -> None:
        attempt = 0
        while not self._stopping:
            try:
                if await self._session():
                    attempt = 0
            except InvalidURI as exc:
                raise SimulatorError(f"invalid CSMS URL {self.url!r}: {exc}") from exc
            except (OSError, TimeoutError, WebSocketException) as exc:
                self._last_error = exc
                log.info("[%s] cannot reach %s: %r", self._name, self.url, exc)
            if self._stopping:
                return
            if self._restarting:
                self._restarting = False
                continue
            delay = retry_backoff(attempt, self._rng, *self.retry_settings())
            attempt += 1
            log.info("[%s] reconnecting in %.2f s", self._name, delay)
            await asyncio.sleep(delay)

    async def _session(self) -> bool:
        """One websocket session; returns whether the station got online on it."""
        async with ws_connect(
            self.url,
            subprotocols=[SUBPROTOCOL],  # type: ignore[list-item]
            compression=None,
            open_timeout=self._call_timeout,
            proxy=None,
            additional_headers=basic_auth_headers(self._name, self._station.basic_auth_password),
            ssl=tls_argument(self.url, self._station.ssl_context),
        ) as ws:
            if ws.subprotocol != SUBPROTOCOL:
                log.warning("[%s] CSMS did not agree to %s", self._name, SUBPROTOCOL)
            conn = Connection(
                ws,
                self._name,
                "CHARGER",
                CSMS_TO_CS,
                self._station.handle,
                timeout=self._call_timeout,
            )
            conn.observers.extend(self._station.frame_observers)
            self._connection = conn
            reader = asyncio.create_task(conn.run(), name=f"{self._name}:reader")
            life = asyncio.create_task(self._lifecycle(), name=f"{self._name}:session")
            try:
                await asyncio.wait({reader, life}, return_when=asyncio.FIRST_COMPLETED)
                error = life.exception() if life.done() and not life.cancelled() else None
                if error is not None and not isinstance(error, NotConnectedError):
                    log.error("[%s] session failed: %r", self._name, error)
                    await conn.close(1011, "station error")
                await reader
            finally:
                online = self._ready.is_set()
                self._ready.clear()
                self._connection = None
                for task in (life, reader):
                    task.cancel()
                await asyncio.gather(life, reader, return_exceptions=True)
        return online

    async def _lifecycle(self) -> None:
        station = self._station
        if not self._registered:
            await self._boot()
        for evse in station.evses.values():  # G01: every connector's status, on every link
            await station.send_status(evse)
        self._ready.set()
        await station.engine.flush()  # E04: what queued while offline goes first, in order
        while True:  # G02
            self._interval_changed.clear()
            with suppress(TimeoutError):
                async with asyncio.timeout(station.heartbeat_interval):
                    await self._interval_changed.wait()
            if self._interval_changed.is_set():
                continue
            try:
                await station.send_heartbeat()
            except (CallTimeoutError, OCPPError) as exc:
                log.warning("[%s] Heartbeat failed: %r", self._name, exc)

    async def _boot(self) -> None:
        while True:
            self._boot_now.clear()
            retry = await self._boot_once()
            if retry is None:
                return
            # B02/B03: wait the interval before the next BootNotification; a TriggerMessage
            # for BootNotification cuts the wait short (B02, F06)
            with suppress(TimeoutError):
                async with asyncio.timeout(retry):
                    await self._boot_now.wait()

    async def _boot_once(self) -> float | None:
        """Send one BootNotification; None once Accepted, else seconds until the next."""
        request = BootNotificationRequest(
            charging_station=self._station.charging_station, reason=self._boot_reason
        )
        try:
            response: BootNotificationResponse = await self.call(
                "BootNotification", request, before_boot=True
            )
        except (CallTimeoutError, OCPPError) as exc:
            self._last_error = exc
            return self._reconnect[0]
        self.registration_status = response.status
        if response.status != RegistrationStatusEnumType.Accepted:
            return float(response.interval) if response.interval > 0 else DEFAULT_BOOT_RETRY
        self._registered = True
        self._boot_reason = BootReasonEnumType.PowerUp
        if response.interval > 0:
            self._station.device_model.set_value(HEARTBEAT_INTERVAL, str(response.interval))
        return None
