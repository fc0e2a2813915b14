"""A station's new password (A01) is redacted from the frames the CSMS shows."""

from __future__ import annotations

import orjson

from ocppkit.security.redact import needs_redaction, redact


def _set_variables(name: str, value: str) -> str:
    item = {
        "attributeValue": value,
        "component": {"name": "SecurityCtrlr"},
        "variable": {"name": name},
    }
    return orjson.dumps([2, "m1", "SetVariables", {"setVariableData": [item]}]).decode()


def test_the_password_is_replaced_and_the_rest_kept() -> None:
    frame = _set_variables("BasicAuthPassword", "secret-secret-123")
    assert needs_redaction(frame)
    shown = orjson.loads(redact(frame))
    assert shown[:3] == [2, "m1", "SetVariables"]
    assert shown[3]["setVariableData"][0]["attributeValue"] == "***"
    assert "secret-secret-123" not in redact(frame)


def test_other_frames_are_left_alone() -> None:
    other = _set_variables("OrganizationName", "BasicAuthPassword")  # the name only as a value
    assert redact(other) == other
    assert redact("not json BasicAuthPassword") == "not json BasicAuthPassword"
    assert not needs_redaction(_set_variables("HeartbeatInterval", "30"))
