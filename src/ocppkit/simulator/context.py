"""``StationContext``: all that a functional block of the simulated station sees.

The station (``station.ChargerSimulator``) makes one context and hands it to each block of
``simulator.blocks``: the station's identity, its clock and scheduler, its owned tasks, the way
to the CSMS (``call``/``notify``, the link's state), the EVSEs, the device model and the charging
profiles. A block needs nothing else of the station, so no block imports the station.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError, OCPPKitError
from ocppkit.protocol.models import (
    BootReasonEnumType,
    ChargingStationType,
    OcppModel,
    RegistrationStatusEnumType,
    StatusNotificationRequest,
)
from ocppkit.simulator.device.model import DeviceModel
from ocppkit.simulator.device.reports import parts
from ocppkit.simulator.evse import Evse, Status
from ocppkit.simulator.randomness import Stream
from ocppkit.simulator.scheduler import Scheduler
from ocppkit.simulator.smart_charging import ProfileStore
from ocppkit.simulator.transactions import wire_time

log = logging.getLogger("ocppkit.simulator")
_T = TypeVar("_T")
Reboot = Callable[[BootReasonEnumType], Awaitable[None]]


class LinkState(Protocol):
    """What blocks see of the station's link to its CSMS (``link.CsmsLink``)."""

    @property
    def online(self) -> bool: ...

    @property
    def registered(self) -> bool: ...

    @property
    def registration_status(self) -> RegistrationStatusEnumType | None: ...

    async def call(self, action: str, payload: OcppModel, *, before_boot: bool = False) -> Any: ...

    def trigger_boot(self) -> bool: ...

    def heartbeat_interval_changed(self) -> None: ...

    async def wait_online(self) -> None: ...


class StationContext:
    """The station as its blocks see it.

    Args:
        station_id: the station's identity (the last segment of its websocket URL).
        charging_station: the BootNotification ``chargingStation`` (firmware sets its version).
        scheduler: the station's timers and clock (``scheduler.time``, monotonic seconds).
        evses: the EVSEs by id.
        device_model: the device model (OCPP 2.0.1 part 2, components and variables).
        profiles: the charging profiles installed (block K).
        link: the link to the CSMS.
        id_stream: the seeded random stream transaction ids are drawn from.
        reboot: how the station reboots (B11/B12; it ends the transactions and the link).
        state_dir: where the station keeps state between runs (None: nowhere).
    """

    __slots__ = (
        "_id_stream",
        "_mono_origin",
        "_reboot",
        "_tasks",
        "_wall_origin",
        "charging_station",
        "device_model",
        "evses",
        "link",
        "profiles",
        "scheduler",
        "state_dir",
        "station_id",
    )

    def __init__(
        self,
        station_id: str,
        charging_station: ChargingStationType,
        scheduler: Scheduler,
        evses: dict[int, Evse],
        device_model: DeviceModel,
        profiles: ProfileStore,
        link: LinkState,
        id_stream: Stream,
        reboot: Reboot,
        state_dir: Path | None = None,
    ) -> None:
        self.station_id = station_id
        self.charging_station = charging_station
        self.scheduler = scheduler
        self.evses = evses
        self.device_model = device_model
        self.profiles = profiles
        self.link = link
        self.state_dir = state_dir
        self._id_stream = id_stream
        self._reboot = reboot
        self._tasks: set[asyncio.Task[Any]] = set()
        self._mono_origin = scheduler.time()
        self._wall_origin = datetime.now(UTC)

    # --- time and ids ---

    def clock(self) -> float:
        """Monotonic seconds on the station's clock."""
        return self.scheduler.time()

    @property
    def wall_origin(self) -> datetime:
        """The wall-clock time the station's clock started at."""
        return self._wall_origin

    def now_utc(self) -> datetime:
        """The station's wall-clock time, derived from its clock."""
        return self._wall_origin + timedelta(seconds=self.clock() - self._mono_origin)

    def new_transaction_id(self) -> str:
        """A fresh transaction id: a UUID4 string drawn from the seeded stream."""
        return str(uuid.UUID(int=self._id_stream.getrandbits(128), version=4))

    # --- tasks ---

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Run ``coro`` as a task the station owns (cancelled by ``cancel_tasks``; errors
        logged)."""
        task = asyncio.get_running_loop().create_task(coro, name=f"{self.station_id}:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("[%s] %s failed: %r", self.station_id, task.get_name(), task.exception())

    async def cancel_tasks(self) -> None:
        """Cancel every task the station owns (but the caller's) and wait for them to end."""
        current = asyncio.current_task()
        tasks = [t for t in self._tasks if t is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def reboot(self, reason: BootReasonEnumType = BootReasonEnumType.RemoteReset) -> None:
        """Reboot the station (B11/B12) and boot again with ``reason``."""
        await self._reboot(reason)

    # --- the CSMS ---

    @property
    def connected(self) -> bool:
        """Booted (Accepted) and online now."""
        return self.link.online

    async def call(self, action: str, payload: OcppModel, *, before_boot: bool = False) -> Any:
        """Send a CALL to the CSMS and return its response model (see ``CsmsLink.call``)."""
        with self.scheduler.busy():
            return await self.link.call(action, payload, before_boot=before_boot)

    async def notify(self, action: str, payload: OcppModel, *, before_boot: bool = False) -> bool:
        """Send a CALL whose answer the station does not need: a failure to deliver it is
        logged, not raised. Returns whether it was delivered."""
        try:
            await self.call(action, payload, before_boot=before_boot)
        except OCPPKitError as exc:
            log.warning("[%s] %s not delivered: %r", self.station_id, action, exc)
            return False
        return True

    async def send_parts(
        self,
        action: str,
        items: Sequence[_T],
        size: int,
        make: Callable[[int, list[_T], bool], OcppModel],
        *,
        before_boot: bool = False,
    ) -> None:
        """Send ``items`` in ``action`` CALLs of at most ``size`` items each (one, empty, when
        there are none), in order: ``make(seq_no, part, tbc)`` builds each, seqNo from 0 and
        ``tbc`` true on all but the last (NotifyReport, NotifyMonitoringReport, NotifyEvent,
        NotifyDisplayMessages, NotifyCustomerInformation). Stops at a part not delivered."""
        chunks = parts(items, size)
        for seq_no, chunk in enumerate(chunks):
            payload = make(seq_no, chunk, seq_no < len(chunks) - 1)
            if not await self.notify(action, payload, before_boot=before_boot):
                return

    async def send_status(self, evse: Evse, *, triggered: bool = False) -> None:
        """StatusNotification of ``evse``'s connector (G01); ``triggered`` by TriggerMessage,
        which may come before the boot is Accepted (B02)."""
        await self.call(
            "StatusNotification",
            StatusNotificationRequest(
                timestamp=wire_time(self.now_utc()),
                connector_status=evse.status,
                evse_id=evse.evse_id,
                connector_id=evse.connector_id,
            ),
            before_boot=triggered,
        )

    async def announce(self, evse: Evse) -> None:
        """StatusNotification of ``evse`` if online (offline, every connector's status goes
        out on the next link: G01); a failure is logged."""
        if not self.connected:
            return
        try:
            await self.send_status(evse)
        except (NotConnectedError, CallTimeoutError, OCPPError) as exc:
            log.warning("[%s] StatusNotification not delivered: %r", self.station_id, exc)

    async def announce_change(self, evse: Evse, before: Status) -> None:
        """StatusNotification of ``evse`` if its status moved from ``before`` (G01)."""
        if evse.status != before:
            await self.announce(evse)
