"""Lenient mode per station: payloads that break the schema in harmless ways are accepted,
logged with field and rule, and counted; unrepairable ones still get their CALLERROR."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest
from databases import BACKENDS, database_url
from test_csms_support import WAIT, RawStation, boot_payload, energy, transaction_event

from ocppkit.csms import OCPPServer

pytest_plugins = ["test_csms_support"]


def odd_boot() -> dict[str, Any]:
    payload = boot_payload(reason="Bored")  # not a BootReasonEnumType value
    payload["chargingStation"]["serialNumber"] = "S" * 40  # maxLength 25
    payload["chargingStation"]["vendorFlavour"] = "mint"  # not in the schema
    return payload


async def test_strict_by_default(csms: OCPPServer, station: RawStation) -> None:
    reply = await station.call("BootNotification", odd_boot())
    assert reply[0] == 4
    assert csms.get_charger_status("CP001")["lenient_violations"] == 0  # type: ignore[index]


async def test_lenient_station_is_accepted_logged_and_counted(
    csms: OCPPServer, station: RawStation, caplog: pytest.LogCaptureFixture
) -> None:
    csms.set_lenient("CP001")
    with caplog.at_level(logging.WARNING, "ocppkit.transport"):
        answer = await station.result("BootNotification", odd_boot())
    assert answer["status"] == "Accepted"
    status = csms.get_charger_status("CP001")
    assert status is not None and status["lenient"] and status["lenient_violations"] == 3
    assert status["boot"]["serial_number"] == "S" * 40
    assert status["boot"]["reason"] == "Bored"
    logged = " ".join(r.getMessage() for r in caplog.records)
    for needle in (
        "chargingStation.serialNumber: maxLength",
        "reason: enum",
        "chargingStation.vendorFlavour: additionalProperties",
    ):
        assert needle in logged


async def test_numbers_as_strings_nulls_and_incomplete_optional_objects(
    csms: OCPPServer, station: RawStation
) -> None:
    csms.set_lenient("CP001")
    await station.result(
        "StatusNotification",
        {
            "timestamp": "2025-01-02T03:04:06Z",
            "connectorStatus": "Occupied",
            "evseId": "1",
            "connectorId": 1,
            "customData": None,
        },
    )
    status = csms.get_charger_status("CP001")
    assert status is not None and status["evses"][0]["status"] == "Occupied"
    assert status["lenient_violations"] == 2


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (
            {"connectorStatus": "Occupied", "evseId": 1, "connectorId": 1},
            "OccurenceConstraintViolation",
        ),  # a required field missing
        (
            {
                "timestamp": "2025-01-02T03:04:06Z",
                "connectorStatus": "Occupied",
                "evseId": "one",
                "connectorId": 1,
            },
            "TypeConstraintViolation",
        ),  # not a number at all
    ],
)
async def test_unrepairable_payloads_still_get_the_callerror(
    csms: OCPPServer, station: RawStation, payload: dict[str, Any], code: str
) -> None:
    csms.set_lenient("CP001")
    reply = await station.call("StatusNotification", payload)
    assert reply[:3] == [4, reply[1], code]


async def test_lenient_from_the_constructor_and_for_answers_to_commands(
    clock: Any,
) -> None:
    server = OCPPServer("127.0.0.1", 0, clock=clock, lenient_stations={"CP001"}, call_timeout=2)
    async with server:
        station = await RawStation.connect(server.port)
        task = asyncio.create_task(server.reset("CP001", "Immediate"))
        await station.answer_next_call({"status": "Later", "statusInfo": {"reasonCode": "x"}})
        answer = await task
        assert answer.status == "Later"
        assert server.get_charger_status("CP001")["lenient_violations"] == 1  # type: ignore[index]
        server.set_lenient("CP001", False)
        assert (await station.call("BootNotification", odd_boot()))[0] == 4
        await station.close()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_lenient_payloads_are_stored_as_sent(backend: str, tmp_path: Path) -> None:
    """What lenient mode accepts (an over-long serial number or token, an unknown enum value)
    is stored as it was sent, on SQLite and PostgreSQL alike, and survives a restart."""
    token = {"idToken": "T" * 50, "type": "Central"}  # maxLength 36
    async with database_url(backend, tmp_path) as url:
        server = OCPPServer("127.0.0.1", 0, database_url=url, lenient_stations=["CP001"])
        async with asyncio.timeout(WAIT):
            await server.start()
        station = await RawStation.connect(server.port)
        try:
            assert (await station.result("BootNotification", odd_boot()))["status"] == "Accepted"
            await station.result(
                "StatusNotification",
                {
                    "timestamp": "2025-01-02T03:04:06Z",
                    "connectorStatus": "SomethingNew",
                    "evseId": 1,
                    "connectorId": 1,
                },
            )
            await station.result(
                "TransactionEvent",
                transaction_event(
                    "Started",
                    0,
                    tx_id="X" * 40,
                    idToken=token,
                    evse={"id": 1, "connectorId": 1},
                    samples=[energy(5, unit="MWh-ish")],
                ),
            )
        finally:
            await station.close()
            async with asyncio.timeout(WAIT):
                await server.stop()
        restarted = OCPPServer("127.0.0.1", 0, database_url=url)
        async with asyncio.timeout(WAIT):
            await restarted.start()
            await restarted.stop()
    status = restarted.get_charger_status("CP001")
    assert status is not None and status["boot"]["serial_number"] == "S" * 40
    assert status["evses"][0]["connectors"][0]["status"] == "SomethingNew"
    tx = restarted.get_transaction("X" * 40, "CP001")
    assert tx is not None and tx["id_token"] == "T" * 50
