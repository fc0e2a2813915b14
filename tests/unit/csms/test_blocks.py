"""Block handlers called directly through the routing table (no sockets)."""

from datetime import UTC, datetime
from typing import Any

import pytest

from ocppkit.csms.context import CsmsContext, EventHub
from ocppkit.csms.registry import Charger, ChargerRegistry, Transaction
from ocppkit.csms.router import build_routes
from ocppkit.csms.tokens import TokenStore
from ocppkit.protocol import validate_request
from ocppkit.protocol.models import OcppModel

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


class Csms:
    def __init__(self, tokens: list[str] | None = None, max_ended: int = 10) -> None:
        self.registry = ChargerRegistry(max_ended_transactions=max_ended)
        self.ctx = CsmsContext(self.registry, lambda: NOW, TokenStore(tokens), EventHub(), 45)
        self.routes = build_routes(self.ctx)

    async def send(self, charger: str, action: str, wire: dict[str, Any]) -> dict[str, Any]:
        request = validate_request(action, wire)
        response: OcppModel = await self.routes[action](self.registry.ensure(charger), request)
        return response.model_dump(mode="json", by_alias=True, exclude_none=True)


def event(kind: str, seq: int, tx: str = "T1", **extra: Any) -> dict[str, Any]:
    return {
        "eventType": kind,
        "timestamp": "2025-01-02T03:00:00Z",
        "triggerReason": "Authorized",
        "seqNo": seq,
        "transactionInfo": {"transactionId": tx},
        **extra,
    }


def energy(wh: float) -> list[dict[str, Any]]:
    return [{"timestamp": "2025-01-02T03:00:00Z", "sampledValue": [{"value": wh}]}]


async def test_transaction_lifecycle_without_begin_reading() -> None:
    csms = Csms()
    assert await csms.send("CP", "TransactionEvent", event("Started", 0, evse={"id": 2})) == {}
    await csms.send("CP", "TransactionEvent", event("Updated", 1, meterValue=energy(100)))
    await csms.send("CP", "TransactionEvent", event("Updated", 2, meterValue=energy(400)))
    charger = csms.registry.get("CP")
    assert isinstance(charger, Charger) and charger.meters[2].energy_wh == 400
    await csms.send("CP", "TransactionEvent", event("Ended", 3))
    tx = csms.registry.find_transaction("T1")
    assert isinstance(tx, Transaction)
    assert (tx.meter_start_wh, tx.meter_stop_wh, tx.energy_kwh) == (100, 400, 0.3)
    assert tx.stopped_reason == "Local"  # E06: an omitted stoppedReason means Local
    assert tx.started_at == datetime(2025, 1, 2, 3, 0, tzinfo=UTC) and tx.ended_at == NOW
    assert not charger.active


async def test_unknown_transaction_is_opened_from_any_event() -> None:
    csms = Csms(tokens=["GOOD"])
    reply = await csms.send(
        "CP", "TransactionEvent", event("Updated", 5, idToken={"idToken": "bad", "type": "Central"})
    )
    assert reply == {"idTokenInfo": {"status": "Invalid"}}
    charger = csms.registry.get("CP")
    assert charger is not None and charger.active_transaction() is not None


async def test_transaction_ids_are_per_station_and_ended_ones_are_bounded() -> None:
    csms = Csms(max_ended=2)
    for station in ("A", "B"):
        await csms.send(station, "TransactionEvent", event("Started", 0, tx="T1"))
    first, second = (csms.registry.find_transaction("T1", s) for s in ("A", "B"))
    assert first is not None and second is not None and first is not second
    for n in range(4):
        await csms.send("A", "TransactionEvent", event("Started", 0, tx=f"X{n}"))
        await csms.send("A", "TransactionEvent", event("Ended", 1, tx=f"X{n}"))
    assert csms.registry.find_transaction("X0") is None
    assert csms.registry.find_transaction("X3") is not None
    assert csms.registry.find_transaction("T1", "A") is not None  # active ones are kept


async def test_meter_values_feed_the_transaction_on_that_evse() -> None:
    csms = Csms()
    await csms.send(
        "CP", "TransactionEvent", event("Started", 0, evse={"id": 1}, meterValue=energy(1000))
    )
    await csms.send("CP", "MeterValues", {"evseId": 1, "meterValue": energy(3000)})
    await csms.send("CP", "MeterValues", {"evseId": 2, "meterValue": energy(9000)})
    tx = csms.registry.find_transaction("T1")
    assert tx is not None and tx.energy_kwh == 2.0


@pytest.mark.parametrize(
    ("action", "wire", "expected"),
    [
        ("DataTransfer", {"vendorId": "x"}, {"status": "UnknownVendorId"}),
        ("SignCertificate", {"csr": "x"}, {"status": "Rejected"}),
        (
            "Get15118EVCertificate",
            {"iso15118SchemaVersion": "x", "action": "Install", "exiRequest": "x"},
            {"status": "Failed", "exiResponse": ""},
        ),
        ("FirmwareStatusNotification", {"status": "Installed"}, {}),
    ],
)
async def test_minimal_answers(action: str, wire: dict[str, Any], expected: dict[str, Any]) -> None:
    assert await Csms().send("CP", action, wire) == expected


async def test_boot_is_recorded() -> None:
    csms = Csms()
    reply = await csms.send(
        "CP",
        "BootNotification",
        {"chargingStation": {"vendorName": "V", "model": "M"}, "reason": "Watchdog"},
    )
    assert reply == {
        "currentTime": "2025-01-02T03:04:05.000Z",
        "interval": 45,
        "status": "Accepted",
    }
    boot = csms.registry.get("CP").boot  # type: ignore[union-attr]
    assert boot is not None and (boot.vendor, boot.reason, boot.serial_number) == (
        "V",
        "Watchdog",
        None,
    )
