"""Building and validating CSMS->CS requests (no I/O): the typed builder names the wire fields in
its errors, and a command's payload becomes its request model in one place."""

from __future__ import annotations

import pytest

from ocppkit.csms.commands import build, command_request
from ocppkit.csms.errors import InvalidCommandError
from ocppkit.protocol.errors import OCPPError
from ocppkit.protocol.models import EVSEType, ResetRequest, TriggerMessageRequest


def test_build_leaves_none_out_and_names_wire_fields_in_errors() -> None:
    request = build(TriggerMessageRequest, requested_message="Heartbeat", evse=None)
    assert request.model_fields_set == {"requested_message"}
    with pytest.raises(OCPPError) as raised:
        build(TriggerMessageRequest, requested_message="Coffee", evse=EVSEType(id=1))
    assert raised.value.details["errors"][0]["field"] == "requestedMessage"
    assert "requestedMessage" in raised.value.description
    with pytest.raises(OCPPError) as nested:
        build(TriggerMessageRequest, requested_message="Heartbeat", evse={"connectorId": 1})
    assert nested.value.details["errors"][0]["field"] == "evse.id"
    with pytest.raises(OCPPError):
        build(ResetRequest, type="Immediate", colour="red")


def test_command_request_uses_a_model_as_is_and_validates_a_wire_dict() -> None:
    model = ResetRequest(type="OnIdle", evse_id=1)
    assert command_request("Reset", model) is model
    assert command_request("Reset", {"type": "OnIdle", "evseId": 1}) == model
    with pytest.raises(OCPPError) as raised:
        command_request("Reset", {"type": "Later"})
    assert raised.value.details["errors"][0]["field"] == "type"
    with pytest.raises(OCPPError):
        command_request("Reset", TriggerMessageRequest(requested_message="Heartbeat"))


@pytest.mark.parametrize(
    "action, why", [("Heartbeat", "a station sends"), ("Teleport", "not an OCPP 2.0.1 action")]
)
def test_command_request_refuses_actions_the_csms_does_not_send(action: str, why: str) -> None:
    with pytest.raises(InvalidCommandError, match=why):
        command_request(action, {})
