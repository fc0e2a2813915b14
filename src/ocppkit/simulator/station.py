"""``ChargerSimulator``: one simulated OCPP 2.0.1 charging station, connected to any CSMS.

The station assembles its functional blocks (``simulator.blocks``, one per OCPP 2.0.1 block,
each given the one ``StationContext``) and routes each CSMS CALL to the block that answers it
(the routing table is built from the blocks at start-up: every CSMS->CS action exactly once);
``link`` keeps it connected (boot, heartbeats, reconnection). Its EVSEs are ``evse`` (connector
states and meters), driven by ``evse_control`` (the EV, the driver, the hardware).

Every timer runs on the station's scheduler (``scheduler``: real time by default, or a
``VirtualScheduler`` whose clock moves only when told). Every task the station starts is owned:
the link's runner and per-link tasks, and a tracked set (samplers, remote starts and stops,
triggered messages, reboots) that ``disconnect()`` cancels.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
from collections.abc import Callable, Coroutine, Mapping
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from ocppkit.protocol.errors import NotConnectedError, OCPPKitError
from ocppkit.protocol.identity import station_url
from ocppkit.protocol.models import (
    BootReasonEnumType,
    ChargingStationType,
    HeartbeatRequest,
    IdTokenEnumType,
    IdTokenType,
    OcppModel,
    ReasonEnumType,
    RegistrationStatusEnumType,
)
from ocppkit.simulator.blocks import Block, Handler, route_table
from ocppkit.simulator.blocks.authorization import Authorization
from ocppkit.simulator.blocks.availability import Availability
from ocppkit.simulator.blocks.data_transfer import DataTransfer, VendorHandler
from ocppkit.simulator.blocks.diagnostics import Diagnostics
from ocppkit.simulator.blocks.display import Display
from ocppkit.simulator.blocks.firmware import Firmware
from ocppkit.simulator.blocks.iso15118_certificates import Iso15118Certificates
from ocppkit.simulator.blocks.local_auth_list import LocalAuthList
from ocppkit.simulator.blocks.metering import Metering
from ocppkit.simulator.blocks.provisioning import Provisioning
from ocppkit.simulator.blocks.remote_control import RemoteControl
from ocppkit.simulator.blocks.reservation import Reservations
from ocppkit.simulator.blocks.security import Security
from ocppkit.simulator.blocks.smart_charging import SmartCharging
from ocppkit.simulator.blocks.tariff_cost import TariffCost
from ocppkit.simulator.blocks.transactions import Transactions
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device import DeviceModelStore, StationSpec, station_model
from ocppkit.simulator.ev import DEFAULT_EV, EvMix, EvModel, ev_source
from ocppkit.simulator.evse import Evse
from ocppkit.simulator.evse_control import EvseControl
from ocppkit.simulator.link import CsmsLink
from ocppkit.simulator.meter import MeterModel, station_supply
from ocppkit.simulator.randomness import LazyRandom
from ocppkit.simulator.scheduler import LoopScheduler, Scheduler
from ocppkit.simulator.smart_charging import ProfileStore
from ocppkit.transport.connection import FrameObserver

log = logging.getLogger("ocppkit.simulator")

DEFAULT_HEARTBEAT_INTERVAL = 300  # s, until a BootNotificationResponse gives one
REBOOT_DELAY = 0.1  # s between answering Reset and going down (the answer goes out first)


class ChargerSimulator:
    """A simulated AC charging station speaking OCPP 2.0.1 as a client of any CSMS.

    The station has ``num_connectors`` EVSEs, ids 1..n, each with one connector (connectorId 1),
    as most AC stations are modelled. Time comes from ``clock`` (monotonic seconds, default
    ``time.monotonic``; wall-clock timestamps are derived from it), randomness from ``seed``
    (voltage noise, back-off jitter, transaction ids), so a run is reproducible.

    Args:
        charger_id: the station identity (the last segment of the websocket URL).
        server_url: the CSMS websocket URL, e.g. ``ws://127.0.0.1:9000/ocpp``.
        charger_model: BootNotification ``chargingStation.model`` (at most 20 characters).
        charger_vendor: BootNotification ``chargingStation.vendorName`` (at most 50).
        num_connectors: number of EVSEs.
        phases: supply phases (1 to 3); by default the station type's.
        voltage: nominal phase-to-neutral voltage (V); by default 230 V.
        max_current: rated current per phase (A); by default the station type's.
        id_token: the idToken (type ISO14443) used for local starts.
        seed: seed of the random streams; None for a random run.
        sample_interval: seconds between TransactionEvent Updated meter samples.
        clock: monotonic time source in seconds (by default ``time.monotonic``, or the
            ``scheduler``'s clock when one is given).
        reconnect_min_delay: first reconnect back-off (s); it doubles per failed attempt...
        reconnect_max_delay: ...up to this (s).
        call_timeout: seconds to wait for the CSMS's reply to a CALL.
        state_dir: a directory to keep the device model's writable values in between runs
            (``<identity>.device-model.json``, written on each change, read at start); None
            keeps nothing.
        basic_auth_password: HTTP Basic auth password, username = the identity (security
            profiles 1 and 2); None sends no Authorization header.
        ssl_context: TLS settings for a ``wss://`` URL: the CA to check the CSMS against, and
            the station's certificate for profile 3 (see ``simulator.security``); None uses the
            system's defaults.
        station_type: ``AC3`` (3 x 16 A, 11 kW), ``AC1`` (1 x 32 A, 7.4 kW) or ``DC``
            (150 kW, 400 A); see ``meter.STATION_TYPES``.
        max_power_w: rated power per EVSE (W); by default the station type's.
        ev: the EVs that plug in: an ``ev.EV_CATALOGUE`` name or an ``EvModel``, or a mix of
            ``(model, share)`` pairs drawn from at each arrival (each car arrives with a seeded
            SoC), or None for EVs that take whatever is offered.
        ev_charging_needs: the EVs speak ISO 15118: NotifyEVChargingNeeds when one plugs in
            (K15).
        scheduler: the station's timers (heartbeats, samples, expiries, back-off...); by default
            the event loop's, in real time. A ``scheduler.VirtualScheduler`` runs hours of
            station time in seconds.
        serial_number: BootNotification ``chargingStation.serialNumber`` (at most 25).
        firmware_version: BootNotification ``chargingStation.firmwareVersion`` (at most 50).

    Raises:
        ValueError: an argument out of range (e.g. a model name too long for BootNotification).
    """

    def __init__(
        self,
        charger_id: str,
        server_url: str,
        charger_model: str = "EVBox Home",
        charger_vendor: str = "EVBox",
        num_connectors: int = 1,
        *,
        phases: int | None = None,
        voltage: float | None = None,
        max_current: float | None = None,
        id_token: str = "DEMO_TOKEN",
        seed: int | None = None,
        sample_interval: float = 5.0,
        clock: Callable[[], float] | None = None,
        reconnect_min_delay: float = 1.0,
        reconnect_max_delay: float = 60.0,
        call_timeout: float = 30.0,
        state_dir: str | Path | None = None,
        basic_auth_password: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
        station_type: str = "AC3",
        max_power_w: float | None = None,
        ev: str | EvModel | EvMix | None = DEFAULT_EV,
        ev_charging_needs: bool = False,
        scheduler: Scheduler | None = None,
        serial_number: str | None = None,
        firmware_version: str | None = None,
    ) -> None:
        if num_connectors < 1 or sample_interval <= 0:
            raise ValueError("need num_connectors >= 1 and sample_interval > 0")
        given: object = scheduler  # a VirtualScheduler is callable: its own clock
        if scheduler is not None and clock is not None and clock is not given:
            raise ValueError("give a clock or a scheduler (whose clock the station reads)")
        supply = station_supply(
            station_type,
            phases=phases,
            voltage=voltage,
            max_current=max_current,
            max_power_w=max_power_w,
        )
        phases, voltage, max_current = supply.phases, supply.voltage, supply.max_current
        self.charger_id = charger_id
        self.url = station_url(server_url, charger_id)  # the id percent-encoded
        self.charging_station = ChargingStationType(
            model=charger_model,
            vendor_name=charger_vendor,
            serial_number=serial_number,
            firmware_version=firmware_version,
        )
        self.id_token = IdTokenType(id_token=id_token, type=IdTokenEnumType.ISO14443)
        if scheduler is None:
            scheduler = LoopScheduler() if clock is None else LoopScheduler(clock)
        self.scheduler = scheduler
        self.clock: Callable[[], float] = self.scheduler.time
        # one stream per purpose, so that a draw for one never shifts another; each is made at
        # its first draw (an idle station draws nothing)
        rng = random.Random(seed)
        backoff_rng = LazyRandom(rng.getrandbits(64))
        id_rng = LazyRandom(rng.getrandbits(64))
        self.evses: dict[int, Evse] = {
            i: Evse(
                i,
                MeterModel.for_supply(
                    supply,
                    LazyRandom(rng.getrandbits(64)),
                    ev_source=ev_source(ev, f"{seed}:{charger_id}:ev:{i}"),
                ),
            )
            for i in range(1, num_connectors + 1)
        }
        spec = StationSpec(
            charger_id,
            charger_model,
            charger_vendor,
            num_connectors,
            phases,
            voltage,
            max_current,
            DEFAULT_HEARTBEAT_INTERVAL,
            sample_interval,
            reconnect_min_delay,
            reconnect_max_delay,
            call_timeout,
        )
        self.state_dir = None if state_dir is None else Path(state_dir)
        self.device_model = station_model(spec)  # definitions shared with stations built alike
        if self.state_dir is not None:
            DeviceModelStore(self.state_dir, charger_id).attach(self.device_model)
        self.profiles = ProfileStore()
        self.frame_observers: list[FrameObserver] = []  # added to every websocket's Connection
        self._call_timeout = call_timeout
        self.ssl_context = ssl_context  # security profiles 2 and 3 (link's connect)
        self.link = CsmsLink(
            self, self.url, backoff_rng, (reconnect_min_delay, reconnect_max_delay), call_timeout
        )
        ctx = StationContext(
            charger_id,
            self.charging_station,
            self.scheduler,
            self.evses,
            self.device_model,
            self.profiles,
            self.link,
            id_rng,
            self.reboot,
            self.state_dir,
        )
        self.context = ctx
        self._assemble(ctx, basic_auth_password, ev_charging_needs)
        self._routes: Mapping[str, Handler] = route_table(self.blocks)

    def _assemble(
        self, ctx: StationContext, basic_auth_password: str | None, ev_charging_needs: bool
    ) -> None:
        """Build the blocks, each on the context and the blocks it relies on."""
        self.security = Security(ctx, basic_auth_password)  # A
        self.provisioning = Provisioning(ctx)  # B
        self.local_list = LocalAuthList(ctx)  # D
        self.authorization = Authorization(ctx, self.local_list)  # C
        self.reservations = Reservations(ctx)  # H
        self.availability = Availability(ctx, self.reservations)  # G
        self.tariff_cost = TariffCost(ctx)  # I
        self.smart_charging = SmartCharging(ctx, ev_charging_needs)  # K
        self.metering = Metering(ctx, self.smart_charging)  # J
        self.engine = Transactions(  # E
            ctx, self.reservations, self.smart_charging, self.provisioning, self.tariff_cost
        )
        self.firmware = Firmware(ctx)  # L
        self.certificates = Iso15118Certificates(ctx)  # M
        self.diagnostics = Diagnostics(ctx, self.engine, self.firmware, self.authorization)  # N
        self.display = Display(ctx)  # O
        self.data_transfer = DataTransfer(ctx)  # P
        # plug-in, tokens, faults (the EVSE state machine)
        self.control = EvseControl(ctx, self.engine, self.authorization, self.reservations)
        self.remote_control = RemoteControl(  # F
            ctx,
            self.engine,
            self.control,
            self.metering,
            self.firmware,
            self.diagnostics,
            self.security,
        )
        self.blocks: tuple[Block, ...] = (
            self.security,
            self.provisioning,
            self.authorization,
            self.local_list,
            self.engine,
            self.remote_control,
            self.availability,
            self.reservations,
            self.tariff_cost,
            self.metering,
            self.smart_charging,
            self.firmware,
            self.certificates,
            self.diagnostics,
            self.display,
            self.data_transfer,
        )

    # --- time, ids, tasks ---

    def now_utc(self) -> datetime:
        """The station's wall-clock time, derived from the injected clock."""
        return self.context.now_utc()

    @property
    def _wall_origin(self) -> datetime:
        return self.context.wall_origin

    def new_transaction_id(self) -> str:
        """A fresh transaction id: a UUID4 string drawn from the seeded stream."""
        return self.context.new_transaction_id()

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Run ``coro`` as a task the station owns (cancelled by ``disconnect``; errors logged)."""
        return self.context.spawn(coro, name)

    @property
    def auto_plug(self) -> bool:
        """Whether a start with no EV there brings one (seed API, remote start)."""
        return self.remote_control.auto_plug

    @auto_plug.setter
    def auto_plug(self, value: bool) -> None:
        self.remote_control.auto_plug = value

    @property
    def basic_auth_password(self) -> str | None:
        """HTTP Basic auth password the link sends (security profiles 1 and 2, A01)."""
        return self.security.basic_auth_password

    @property
    def ev_charging_needs(self) -> bool:
        """The EVs speak ISO 15118 (K15)."""
        return self.smart_charging.ev_charging_needs

    # --- public state ---

    @property
    def connected(self) -> bool:
        """Booted (Accepted) and online now."""
        return self.link.online

    @property
    def registration_status(self) -> RegistrationStatusEnumType | None:
        """The status of the last BootNotificationResponse (None before the first)."""
        return self.link.registration_status

    @property
    def heartbeat_interval(self) -> float:
        """Seconds between Heartbeats (OCPPCommCtrlr.HeartbeatInterval)."""
        return self.device_model.heartbeat_interval

    @property
    def sample_interval(self) -> float:
        """Seconds between meter samples in a transaction (SampledDataCtrlr.TxUpdatedInterval)."""
        return self.device_model.tx_updated_interval

    @property
    def is_charging(self) -> bool:
        """Whether a transaction runs (or is being started) on any EVSE.

        Setting True starts a local transaction on EVSE 1 (Authorize, then TransactionEvent
        Started) in a task the station owns; setting False stops every transaction with
        stoppedReason Local. Set it from the event loop's thread.

        Raises:
            NotConnectedError: set True while not connected.
            SimulatorError: set True while EVSE 1 is unavailable.
        """
        return any(evse.busy for evse in self.evses.values())

    @is_charging.setter
    def is_charging(self, value: bool) -> None:
        if value and not self.connected:
            raise NotConnectedError(f"{self.charger_id}: connect() before charging")
        if value and not self.evses[1].busy:
            evse = self.engine.reserve(1)
            self.spawn(self.control.start(evse, self.id_token), "local start")
        elif not value:
            for evse in self.evses.values():
                if evse.transaction is not None:
                    ending = self.engine.end(evse.evse_id, ReasonEnumType.Local)
                    self.spawn(self.engine.report_end(ending), "local stop")

    def _registers(self) -> list[float]:
        now = self.clock()
        return [evse.meter.energy_at(now) for evse in self.evses.values()]

    @property
    def energy_wh(self) -> float:
        """Energy.Active.Import.Register of the station (Wh): the sum of the EVSE meters."""
        return sum(self._registers())

    @property
    def meter_value(self) -> float:
        """Energy of the current transactions, or of the last ones when idle (kWh)."""
        registers = self._registers()
        return (
            sum(e.energy_wh(r) for e, r in zip(self.evses.values(), registers, strict=True)) / 1000
        )

    @property
    def power_w(self) -> float:
        """Active power the station draws now (W), over all EVSEs."""
        self._registers()
        return sum(evse.meter.power_w for evse in self.evses.values())

    @property
    def current_a(self) -> float:
        """Current per phase the station draws now (A), over all EVSEs."""
        self._registers()
        return sum(evse.meter.current_a for evse in self.evses.values())

    @property
    def voltage_v(self) -> float:
        """Phase-to-neutral voltage at EVSE 1 (V)."""
        return self.evses[1].meter.voltage_v

    # --- transactions ---

    async def start_transaction(self, evse_id: int = 1, id_token: str | None = None) -> str:
        """Start a local transaction: Authorize the idToken (C01), StatusNotification Occupied,
        TransactionEvent Started (triggerReason Authorized).

        Returns:
            the transaction id.

        Raises:
            SimulatorError: the EVSE is unknown, busy or unavailable, or the idToken was refused.
            OCPPKitError: the CSMS could not be reached.
        """
        token = (
            self.id_token
            if id_token is None
            else IdTokenType(id_token=id_token, type=IdTokenEnumType.ISO14443)
        )
        evse = self.engine.reserve(evse_id)
        transaction = await self.control.start(evse, token)
        return transaction.transaction_id

    async def stop_transaction(self, evse_id: int = 1, reason: str = "Local") -> None:
        """End the transaction on ``evse_id`` with ``reason`` (a ReasonEnumType value): Ended,
        then StatusNotification Available.

        Raises:
            SimulatorError: no transaction runs on that EVSE.
            ValueError: ``reason`` is not a stop reason of OCPP 2.0.1.
        """
        await self.engine.stop(evse_id, ReasonEnumType(reason))

    # --- the EV, the driver, the hardware (the EVSE state machine, ``evse``) ---

    async def plug_in(self, evse_id: int = 1) -> None:
        """An EV plugs into ``evse_id``: StatusNotification Occupied; a transaction starts if
        the driver was authorized already or TxStartPoint is EVConnected (CablePluggedIn).

        Raises:
            SimulatorError: unknown EVSE, or an EV is plugged in already.
        """
        await self.control.plug_in(evse_id)

    async def unplug(self, evse_id: int = 1) -> None:
        """The EV leaves ``evse_id``: its transaction ends (EVCommunicationLost,
        EVDisconnected) and the connector is Available again.

        Raises:
            SimulatorError: unknown EVSE, or no EV is plugged in.
        """
        await self.control.unplug(evse_id)

    async def present_token(self, token: str | IdTokenType, evse_id: int = 1) -> bool:
        """A driver presents ``token`` (an ISO14443 id, or a full IdTokenType) at ``evse_id``:
        it authorizes a charge (Authorize, or the local list and cache offline), identifies the
        driver of a transaction started on plug-in, or ends the driver's own transaction.

        Returns:
            whether the token was accepted.

        Raises:
            SimulatorError: unknown EVSE.
            OCPPKitError: the Authorize was answered with a CALLERROR.
        """
        if isinstance(token, str):
            token = IdTokenType(id_token=token, type=IdTokenEnumType.ISO14443)
        return await self.control.present_token(token, evse_id)

    async def set_fault(self, evse_id: int, faulted: bool) -> None:
        """Raise or clear a fault on ``evse_id``: StatusNotification Faulted (or back), and a
        running transaction SuspendedEVSE meanwhile.

        Raises:
            SimulatorError: unknown EVSE.
        """
        await self.control.set_fault(evse_id, faulted)

    async def suspend_ev(self, evse_id: int, suspended: bool) -> None:
        """The EV at ``evse_id`` pauses (or resumes) charging: chargingState SuspendedEV.

        Raises:
            SimulatorError: unknown EVSE.
        """
        await self.control.suspend_ev(evse_id, suspended)

    def register_vendor(self, vendor_id: str, handler: VendorHandler) -> None:
        """Answer the CSMS's DataTransfer for ``vendor_id`` with ``handler`` (P01)."""
        self.data_transfer.register(vendor_id, handler)

    # --- talking to the CSMS ---

    async def call(self, action: str, payload: OcppModel, *, before_boot: bool = False) -> Any:
        """Send a CALL to the CSMS and return its response model (see ``CsmsLink.call``)."""
        return await self.context.call(action, payload, before_boot=before_boot)

    async def notify(self, action: str, payload: OcppModel, *, before_boot: bool = False) -> bool:
        """Send a CALL whose answer the station does not need: a failure to deliver it is
        logged, not raised. Returns whether it was delivered."""
        return await self.context.notify(action, payload, before_boot=before_boot)

    async def send_status(self, evse: Evse, *, triggered: bool = False) -> None:
        """StatusNotification of ``evse``'s connector (G01); ``triggered`` by TriggerMessage,
        which may come before the boot is Accepted (B02)."""
        await self.context.send_status(evse, triggered=triggered)

    async def send_heartbeat(self, *, triggered: bool = False) -> None:
        """One Heartbeat (G02)."""
        await self.call("Heartbeat", HeartbeatRequest(), before_boot=triggered)

    def trigger_boot(self) -> bool:
        """Send a BootNotification now if not yet Accepted (TriggerMessage, F06); False if
        already Accepted."""
        return self.link.trigger_boot()

    async def handle(self, action: str, request: OcppModel) -> OcppModel:
        """Answer a CALL from the CSMS (the ``Connection`` handler): the block's handler."""
        return await self._routes[action](request)

    def restore_state(self) -> None:
        """Read back what a previous run kept (before the first boot): the EVSEs' operational
        status (G03/G04)."""
        self.availability.restore()

    async def link_up(self) -> None:
        """The station is online on a new link: what queued while offline goes first, in
        order (E04 TransactionEvents, N07 monitor events)."""
        await self.engine.flush()
        await self.diagnostics.send_queued()

    # --- connecting ---

    async def connect(self, timeout: float = 30.0) -> None:  # noqa: ASYNC109 (the seed API)
        """Connect, boot and return once the CSMS Accepted the station and it announced its
        connectors; the station then keeps the link up (reconnecting) until ``disconnect``.

        Raises:
            SimulatorError: not Accepted within ``timeout`` seconds (the reason is in the
                message), or the URL is invalid.
        """
        await self.link.open(timeout)
        self.metering.start()  # clock-aligned meter values (J01)
        self.diagnostics.start()  # monitors (N07/N08)

    async def disconnect(self) -> None:
        """Stop: end running transactions (stoppedReason Local) while still online, cancel every
        task, close the websocket with code 1000 and do not reconnect. The next ``connect`` is a
        new power-up (BootNotification PowerUp)."""
        if self.connected:
            with suppress(TimeoutError, OCPPKitError):
                async with asyncio.timeout(self._call_timeout):
                    await self.engine.stop_all(ReasonEnumType.Local)
                    await self.engine.settle()
        self.metering.stop()
        self.diagnostics.stop()
        await self.context.cancel_tasks()
        await self.link.close()

    async def reboot(self, reason: BootReasonEnumType = BootReasonEnumType.RemoteReset) -> None:
        """Reboot (B11/B12): end transactions (ImmediateReset), drop the link, reconnect at once
        and boot again with ``reason``."""
        await self.scheduler.sleep(REBOOT_DELAY)
        self.provisioning.reset_when_idle = False
        await self.engine.stop_all(ReasonEnumType.ImmediateReset)
        await self.link.restart(reason)
