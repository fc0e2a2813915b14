"""OCPP 1.6 pieces read through the 2.0.1 logic: idTagInfo statuses, meter values, vendor data,
and commands coerced against the station's version."""

from __future__ import annotations

import pytest

from ocppkit.csms.blocks.metering import read_meter_values
from ocppkit.csms.blocks.v16.convert import (
    data_transfer_16,
    id_tag_status,
    meter_values_201,
)
from ocppkit.csms.blocks.v16.core import connector_key, connector_status
from ocppkit.csms.commands import check_action, command_request
from ocppkit.csms.errors import InvalidCommandError
from ocppkit.protocol import models as m201
from ocppkit.protocol import models_v16 as m16
from ocppkit.protocol.errors import OCPPError
from ocppkit.protocol.versions import OcppVersion

V16 = OcppVersion.V16


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("Accepted", "Accepted"),
        ("Blocked", "Blocked"),
        ("Expired", "Expired"),
        ("ConcurrentTx", "ConcurrentTx"),
        ("Unknown", "Invalid"),
        ("NoCredit", "Invalid"),
        ("NotAtThisLocation", "Invalid"),
    ],
)
def test_authorization_statuses_in_16_words(status: str, expected: str) -> None:
    assert id_tag_status(status) == expected


def test_16_meter_values_are_read_as_201_ones() -> None:
    values = [
        m16.MeterValueType.model_validate(
            {
                "timestamp": "2025-01-02T03:04:05Z",
                "sampledValue": [
                    {"value": "2.5", "unit": "kWh"},  # no measurand: energy (1.6 default)
                    {"value": "3.6", "measurand": "Power.Active.Import", "unit": "kW"},
                    {"value": "0xABCD", "format": "SignedData"},  # no number: left out
                    {"value": "n/a", "measurand": "Voltage"},  # not a number: left out
                ],
            }
        ),
        m16.MeterValueType.model_validate(
            {"timestamp": "2025-01-02T03:05:05Z", "sampledValue": [{"value": "abc"}]}
        ),
    ]
    converted = meter_values_201(values)
    assert len(converted) == 1 and len(converted[0].sampled_value) == 2
    reading = read_meter_values(converted)
    assert (reading.energy_wh, reading.power_w) == (2500.0, 3600.0)


def test_vendor_data_is_text_in_16() -> None:
    answer = data_transfer_16(m201.DataTransferResponse(status="Accepted", data={"a": 1}))
    assert (answer.status, answer.data) == ("Accepted", '{"a":1}')
    assert data_transfer_16(m201.DataTransferResponse(status="Rejected")).data is None


def test_16_connectors_are_shown_as_evses() -> None:
    assert connector_key(0) == (0, 0) and connector_key(2) == (2, 1)
    assert connector_status("Charging") == "Occupied" == connector_status("SuspendedEV")
    assert connector_status("Faulted") == "Faulted"


def test_commands_are_coerced_against_the_stations_version() -> None:
    reset = command_request("Reset", {"type": "Hard"}, V16)
    assert isinstance(reset, m16.ResetRequest)
    with pytest.raises(OCPPError):
        command_request("Reset", {"type": "Immediate"}, V16)  # a 2.0.1 ResetType
    with pytest.raises(InvalidCommandError, match=r"OCPP 1\.6 station"):
        command_request("Reset", m201.ResetRequest(type="Immediate"), V16)
    with pytest.raises(InvalidCommandError, match=r"not an OCPP 1\.6 action"):
        check_action("RequestStartTransaction", V16)
    with pytest.raises(InvalidCommandError, match="a station sends"):
        check_action("StartTransaction", V16)
    check_action("RemoteStartTransaction", V16)
