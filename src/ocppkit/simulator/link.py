"""The station's link to its CSMS: websocket, boot, heartbeats and reconnection.

    open() -> [websocket] -> BootNotification (B01; Pending/Rejected: again after the returned
    interval, B02/B03) -> StatusNotification per EVSE (G01) -> Heartbeat every interval (G02)
    -> queued TransactionEvents, in order (E04) ... link lost -> back-off (RetryBackOff*)
    -> [websocket] -> StatusNotification, queued TransactionEvents, heartbeats: no second
    BootNotification ... close() -> close 1000, no reconnect.

A reboot (``restart``) drops the link and boots again at once, with the given reason. The runner
task reads the websocket; per link, a task boots and announces the station and ends, and the
heartbeat is a timer (a task only while a Heartbeat is sent): an idle link holds the runner and
the websockets library's keepalive task, pinging every OCPPCommCtrlr.WebSocketPingInterval. All
are owned here and end with ``close``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, Protocol

from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import InvalidURI, WebSocketException

from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError
from ocppkit.protocol.models import (
    CSMS_TO_CS,
    BootNotificationRequest,
    BootNotificationResponse,
    BootReasonEnumType,
    ChargingStationType,
    OcppModel,
    RegistrationStatusEnumType,
)
from ocppkit.simulator.connect_errors import describe_connect_error
from ocppkit.simulator.device_model import HEARTBEAT_INTERVAL, DeviceModel, Key
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Evse
from ocppkit.simulator.randomness import Stream
from ocppkit.simulator.scheduler import Scheduler, Timer
from ocppkit.simulator.security import basic_auth_headers, tls_argument
from ocppkit.transport import SUBPROTOCOL, Connection
from ocppkit.transport.connection import FrameObserver

log = logging.getLogger("ocppkit.simulator")

DEFAULT_BOOT_RETRY = 30.0  # s, when a Pending/Rejected response gives interval 0
WEBSOCKET_PING_INTERVAL = Key("OCPPCommCtrlr", "WebSocketPingInterval")
# websockets options of every station: no permessage-deflate (it triples a connection's memory),
# a short receive queue and a modest write buffer (OCPP is one CALL at a time each way)
CONNECT_OPTIONS: dict[str, Any] = {
    "compression": None,
    "proxy": None,
    "max_queue": 4,
    "write_limit": 16_384,
}


class LinkStation(Protocol):
    """What the link needs of the station it serves (``station.ChargerSimulator``)."""

    charger_id: str
    charging_station: ChargingStationType
    device_model: DeviceModel
    evses: dict[int, Evse]
    frame_observers: list[FrameObserver]
    scheduler: Scheduler
    ssl_context: Any

    @property
    def basic_auth_password(self) -> str | None: ...

    @property
    def heartbeat_interval(self) -> float: ...

    def restore_state(self) -> None: ...

    async def handle(self, action: str, request: OcppModel) -> OcppModel: ...

    async def send_status(self, evse: Evse, *, triggered: bool = False) -> None: ...

    async def send_heartbeat(self, *, triggered: bool = False) -> None: ...

    async def link_up(self) -> None: ...


def retry_backoff(
    attempt: int, rng: Stream, wait_minimum: float, random_range: float, repeat_times: int
) -> float:
    """Seconds to wait before reconnect attempt ``attempt`` (0-based), as OCPPCommCtrlr's
    RetryBackOff* variables say: ``wait_minimum`` doubled once per failed attempt, at most
    ``repeat_times`` times, plus a random part in [0, ``random_range``]."""
    doublings = max(0, min(attempt, repeat_times, 30))
    return wait_minimum * 2.0**doublings + rng.uniform(0.0, max(0.0, random_range))


class CsmsLink:
    """The OCPP link of one station.

    Args:
        station: the station it serves (answers CALLs, announces its connectors).
        url: the websocket URL, station identity included.
        rng: the random stream for back-off jitter.
        reconnect: (first, largest) back-off delay in seconds.
        call_timeout: seconds to wait for a reply to a CALL (and for the websocket to open).
    """

    __slots__ = (
        "_beat",
        "_boot_now",
        "_boot_reason",
        "_call_timeout",
        "_connection",
        "_heartbeat",
        "_last_error",
        "_name",
        "_online",
        "_ready",
        "_reconnect",
        "_registered",
        "_restarting",
        "_restore_pending",
        "_rng",
        "_runner",
        "_session_task",
        "_station",
        "_stopping",
        "last_problem",
        "on_connect_failure",
        "registration_status",
        "url",
    )

    def __init__(
        self,
        station: LinkStation,
        url: str,
        rng: Stream,
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
        self._online = False  # booted and announced on the present websocket
        self._ready: asyncio.Event | None = None  # made while someone waits to be online
        self._boot_now: asyncio.Event | None = None  # while booting: TriggerMessage cuts a wait
        self._session_task: asyncio.Task[None] | None = None  # boot and announce, then ends
        self._heartbeat: Timer | None = None  # the next Heartbeat (G02)
        self._beat: asyncio.Task[None] | None = None  # a Heartbeat being sent
        self._registered = False
        self._boot_reason = BootReasonEnumType.PowerUp
        self._stopping = False
        self._restarting = False
        self._last_error: BaseException | None = None
        self.last_problem: str | None = None  # why the last websocket could not open, one line
        # told each failed attempt to open the websocket: (last_problem, the error)
        self.on_connect_failure: Callable[[str, BaseException], None] | None = None
        self._restore_pending = True  # the first open reads persisted state

    @property
    def online(self) -> bool:
        """Accepted and announced on a websocket that is open."""
        conn = self._connection
        return self._online and conn is not None and not conn.closed

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
        if self._boot_now is not None:
            self._boot_now.set()
        return True

    async def wait_online(self) -> None:
        """Return once the station is online (booted and announced) on a websocket."""
        if not self._online:
            if self._ready is None:
                self._ready = asyncio.Event()
            await self._ready.wait()

    def _set_online(self, online: bool) -> None:
        self._online = online
        if online and self._ready is not None:
            self._ready.set()  # wakes who waits; the next waiter makes a new one
            self._ready = None

    def heartbeat_interval_changed(self) -> None:
        """Start the heartbeat interval afresh with its new value (B05)."""
        if self._heartbeat is not None:
            self._schedule_heartbeat()

    # --- opening and closing ---

    async def open(self, timeout: float) -> None:  # noqa: ASYNC109 (ChargerSimulator.connect's)
        """Start the runner (if not running) and wait until the station is online.

        Raises:
            SimulatorError: not online within ``timeout`` seconds, or an invalid URL.
        """
        if self._runner is None or self._runner.done():
            if self._restore_pending:
                self._restore_pending = False
                self._station.restore_state()  # G03/G04: persisted Inoperative EVSEs
            self._stopping = False
            self._runner = asyncio.get_running_loop().create_task(
                self._run(), name=f"{self._name}:runner"
            )
        ready = asyncio.ensure_future(self.wait_online())
        try:
            async with asyncio.timeout(timeout):
                await asyncio.wait({ready, self._runner}, return_when=asyncio.FIRST_COMPLETED)
        except TimeoutError:
            await self._stop_runner()
            if self.registration_status is not None:
                detail = f"BootNotification answered {self.registration_status.value}"
            else:
                detail = self.last_problem or f"no answer ({self._last_error!r})"
            raise SimulatorError(
                f"{self._name}: not accepted by {self.url} within {timeout:g} s: {detail}"
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
        # with a websocket, the runner ends once it closed; without one, it only waits to
        # reconnect (or is connecting): nothing to wait for
        await self._stop_runner(grace=self._call_timeout if conn is not None else 0.0)
        self._registered = False
        self._boot_reason = BootReasonEnumType.PowerUp

    def drop(self) -> None:
        """Cut the websocket as a failing network would (no close frame); the link reconnects
        with its usual back-off.

        Raises:
            SimulatorError: no websocket is open.
        """
        conn = self._connection
        transport = None if conn is None or conn.closed else getattr(conn.ws, "transport", None)
        if transport is None:
            raise SimulatorError(f"{self._name} has no open websocket to drop")
        transport.abort()

    async def restart(self, reason: BootReasonEnumType) -> None:
        """Drop the link (close 1000), reconnect at once and boot with ``reason`` (B11)."""
        self._registered = False
        self._boot_reason = reason
        self._restarting = True
        self._set_online(False)
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
            problem = "link closed"
            try:
                if await self._session():
                    attempt = 0
            except InvalidURI as exc:
                raise SimulatorError(f"invalid CSMS URL {self.url!r}: {exc}") from exc
            except (OSError, TimeoutError, WebSocketException) as exc:
                self._last_error = exc
                self.last_problem = problem = describe_connect_error(exc, self.url)
                if self.on_connect_failure is not None:
                    self.on_connect_failure(problem, exc)
            if self._stopping:
                return
            if self._restarting:
                self._restarting = False
                continue
            backoff = self._station.device_model.retry_backoff()
            delay = retry_backoff(
                attempt, self._rng, backoff.wait_minimum, backoff.random_range, backoff.repeat_times
            )
            attempt += 1
            log.info("[%s] %s; reconnecting in %.1f s", self._name, problem, delay)
            await self._station.scheduler.sleep(delay)

    async def _session(self) -> bool:
        """One websocket session; returns whether the station got online on it. The runner
        reads the websocket; a task boots and announces the station, then heartbeats are a
        timer (an idle link holds no task of its own but the runner)."""
        async with ws_connect(
            self.url,
            subprotocols=[SUBPROTOCOL],  # type: ignore[list-item]
            open_timeout=self._call_timeout,
            ping_interval=self._ping_interval(),
            additional_headers=basic_auth_headers(self._name, self._station.basic_auth_password),
            ssl=tls_argument(self.url, self._station.ssl_context),
            **CONNECT_OPTIONS,
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
            self._session_task = asyncio.create_task(
                self._lifecycle(conn), name=f"{self._name}:session"
            )
            try:
                await conn.run()  # until the websocket closes
            finally:
                online = self._online
                self._set_online(False)
                self._connection = None
                await self._end_session()
        return online

    def _ping_interval(self) -> float | None:
        """OCPPCommCtrlr.WebSocketPingInterval (s); None (no pings) when 0."""
        seconds = self._station.device_model.number(WEBSOCKET_PING_INTERVAL)
        return seconds if seconds > 0 else None

    async def _end_session(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            self._heartbeat = None
        # the closed connection failed the CALLs in flight: let their tasks take that error
        # (NotConnectedError ends them) before cancelling what still waits on something else
        await asyncio.sleep(0)
        tasks = [t for t in (self._session_task, self._beat) if t is not None]
        self._session_task = self._beat = None
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _lifecycle(self, conn: Connection) -> None:
        station = self._station
        try:
            if not self._registered:
                await self._boot()
            for evse in station.evses.values():  # G01: every connector's status, on every link
                await station.send_status(evse)
            self._set_online(True)
            await station.link_up()  # E04, N07: what queued while offline goes first, in order
        except NotConnectedError:
            return  # the link went: the runner sees it
        except Exception as error:
            log.error("[%s] session failed: %r", self._name, error)
            await conn.close(1011, "station error")
            return
        finally:
            self._session_task = None
        self._schedule_heartbeat()

    # --- heartbeats (G02) ---

    def _schedule_heartbeat(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        scheduler = self._station.scheduler
        self._heartbeat = scheduler.call_later(
            self._station.heartbeat_interval, self._heartbeat_due
        )

    def _heartbeat_due(self) -> None:
        self._heartbeat = None
        self._beat = asyncio.get_running_loop().create_task(
            self._send_heartbeat(), name=f"{self._name}:heartbeat"
        )

    async def _send_heartbeat(self) -> None:
        try:
            await self._station.send_heartbeat()
        except NotConnectedError:
            return  # the link went: the runner sees it
        except (CallTimeoutError, OCPPError) as exc:
            log.warning("[%s] Heartbeat failed: %r", self._name, exc)
        finally:
            self._beat = None
        self._schedule_heartbeat()  # the next one an interval after this one was answered

    async def _boot(self) -> None:
        self._boot_now = boot_now = asyncio.Event()
        try:
            while True:
                boot_now.clear()
                retry = await self._boot_once()
                if retry is None:
                    return
                # B02/B03: wait the interval before the next BootNotification; a TriggerMessage
                # for BootNotification cuts the wait short (B02, F06)
                await self._station.scheduler.wait(boot_now, retry)
        finally:
            self._boot_now = None

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
