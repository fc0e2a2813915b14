"""A station context without a socket for the block tests: a fake link that records the CALLs
and answers them, a virtual scheduler, EVSEs with seeded meters, the standard device model."""

from __future__ import annotations

import asyncio
import contextlib
import random
import shutil
import subprocess
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ocppkit.protocol.errors import CallTimeoutError
from ocppkit.protocol.models import (
    ACTIONS,
    BootReasonEnumType,
    ChargingProfileType,
    ChargingStationType,
    IdTokenType,
    OcppModel,
    RegistrationStatusEnumType,
    TriggerReasonEnumType,
)
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.simulator.blocks.provisioning import Provisioning
from ocppkit.simulator.blocks.reservation import Reservations
from ocppkit.simulator.blocks.smart_charging import SmartCharging
from ocppkit.simulator.blocks.transactions import Transactions
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device import StationSpec, station_model
from ocppkit.simulator.ev import ev_source
from ocppkit.simulator.evse import Evse, Transaction
from ocppkit.simulator.meter import MeterModel
from ocppkit.simulator.randomness import LazyRandom
from ocppkit.simulator.scheduler import VirtualScheduler
from ocppkit.simulator.smart_charging import ProfileStore

STATION_ID = "CP-UNIT"
TOKEN = IdTokenType(id_token="AA11", type="ISO14443")
ANSWERS: dict[str, dict[str, Any]] = {
    "Authorize": {"idTokenInfo": {"status": "Accepted"}},
    "BootNotification": {
        "currentTime": "2026-01-01T00:00:00Z",
        "interval": 60,
        "status": "Accepted",
    },
    "Heartbeat": {"currentTime": "2026-01-01T00:00:00Z"},
    "SignCertificate": {"status": "Accepted"},
    "NotifyEVChargingNeeds": {"status": "Accepted"},
    "NotifyEVChargingSchedule": {"status": "Accepted"},
}


@dataclass
class FakeLink:
    """The link's state as blocks see it; every CALL is recorded and answered at once."""

    online: bool = True
    registered: bool = True
    registration_status: RegistrationStatusEnumType | None = RegistrationStatusEnumType.Accepted
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    answers: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(ANSWERS))
    boot_triggered: int = 0
    heartbeat_restarts: int = 0
    unanswered: set[str] = field(default_factory=set)  # actions whose CALLs time out

    async def call(self, action: str, payload: OcppModel, *, before_boot: bool = False) -> Any:
        self.calls.append((action, to_wire_dict(payload)))
        await asyncio.sleep(0)
        if action in self.unanswered:
            raise CallTimeoutError(action, "unit", 0.0)
        return ACTIONS[action][1].model_validate(self.answers.get(action, {}))

    def trigger_boot(self) -> bool:
        self.boot_triggered += 1
        return not self.registered

    def heartbeat_interval_changed(self) -> None:
        self.heartbeat_restarts += 1

    async def wait_online(self) -> None:
        return None

    def sent(self, action: str) -> list[dict[str, Any]]:
        """The payloads of the CALLs of ``action``, in order."""
        return [payload for name, payload in self.calls if name == action]


@dataclass
class Station:
    """A context with its fake link and virtual clock."""

    ctx: StationContext
    link: FakeLink
    clock: VirtualScheduler
    reboots: list[BootReasonEnumType]

    async def settle(self) -> None:
        """Let the spawned tasks run."""
        await self.clock.settle()


def make_station(
    evses: int = 1, state_dir: Any = None, seed: int = 1, ev: str | None = None
) -> Station:
    """A station context of ``evses`` AC EVSEs (3 x 16 A), online and Accepted; ``ev`` names
    the EV model that plugs in (None: an EV that takes whatever is offered)."""
    clock = VirtualScheduler(start=1000.0)
    link = FakeLink()
    rng = random.Random(seed)
    evse_map = {
        i: Evse(
            i,
            MeterModel(
                phases=3,
                voltage=230.0,
                max_current=16.0,
                rng=rng,
                ev_source=ev_source(ev, f"{seed}:ev:{i}"),
            ),
        )
        for i in range(1, evses + 1)
    }
    model = station_model(StationSpec(STATION_ID, evse_count=evses))
    reboots: list[BootReasonEnumType] = []

    async def reboot(reason: BootReasonEnumType) -> None:
        reboots.append(reason)

    ctx = StationContext(
        STATION_ID,
        ChargingStationType(model="Unit", vendor_name="Tests"),
        clock,
        evse_map,
        model,
        ProfileStore(),
        link,
        LazyRandom(7),
        reboot,
        state_dir,
    )
    return Station(ctx, link, clock, reboots)


def wire(model: OcppModel) -> dict[str, Any]:
    """A response model as it goes on the wire (camelCase, no None)."""
    return to_wire_dict(model)


def self_signed_pem(tmp: Path) -> str:
    """A self-signed P-256 certificate made by the openssl command."""
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            str(tmp / "key.pem"),
            "-out",
            str(tmp / "cert.pem"),
            "-subj",
            "/CN=Unit Root/O=ocppkit",
            "-days",
            "2",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return (tmp / "cert.pem").read_text()


needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


@dataclass
class Core:
    """The blocks a transaction needs, on one station context."""

    station: Station
    reservations: Reservations
    smart_charging: SmartCharging
    provisioning: Provisioning
    engine: Transactions


def make_core(evses: int = 1, **kwargs: Any) -> Core:
    """A station context with its transaction engine and the blocks that engine relies on."""
    station = make_station(evses, **kwargs)
    ctx = station.ctx
    reservations, smart_charging, provisioning = (
        Reservations(ctx),
        SmartCharging(ctx),
        Provisioning(ctx),
    )
    engine = Transactions(ctx, reservations, smart_charging, provisioning)
    return Core(station, reservations, smart_charging, provisioning, engine)


async def charge(core: Core, evse_id: int = 1) -> Transaction:
    """An EV plugged in and a transaction of TOKEN started on ``evse_id`` (E01)."""
    evse = core.engine.reserve(evse_id)
    evse.plugged = True
    tx = await core.engine.begin(evse, TOKEN, TriggerReasonEnumType.Authorized)
    evse.starting = False
    return tx


def profile(
    pid: int, purpose: str, limit: float, unit: str = "A", **extra: Any
) -> ChargingProfileType:
    """A charging profile of one period from now (K01)."""
    kind = extra.pop("kind", "Relative" if purpose == "TxProfile" else "Absolute")
    schedule: dict[str, Any] = {
        "id": pid,
        "chargingRateUnit": unit,
        "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit}],
    }
    if kind != "Relative":
        schedule["startSchedule"] = "2020-01-01T00:00:00Z"
    return ChargingProfileType.model_validate(
        {
            "id": pid,
            "stackLevel": extra.pop("stackLevel", 0),
            "chargingProfilePurpose": purpose,
            "chargingProfileKind": kind,
            "chargingSchedule": [schedule],
            **extra,
        }
    )


async def until(station: Station, done: Callable[[], bool], step: float = 10.0) -> None:
    """Let station time pass ``step`` by ``step`` (and real time for real sockets) until
    ``done()``; at most 400 steps."""
    for _ in range(400):
        if done():
            return
        await station.clock.advance(step)
        await asyncio.sleep(0.005)
    raise AssertionError("the station never got there")


@contextlib.asynccontextmanager
async def http_server(body: bytes) -> AsyncIterator[str]:
    """A local HTTP server answering every request with 200 and ``body``; yields its URL."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            (
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            ),
            0,
        )
        if length:
            await reader.readexactly(length)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/fw-2.0.bin"
    finally:
        server.close()
        await server.wait_closed()
