"""B Provisioning: BootNotification by policy, admission before Accepted, NotifyReport."""

import pytest

from ocppkit.csms.context import BootPolicy
from ocppkit.protocol.errors import SecurityError

from .support import Csms

BOOT = {"chargingStation": {"vendorName": "V", "model": "M"}, "reason": "Watchdog"}


async def test_boot_is_recorded() -> None:
    csms = Csms()
    reply = await csms.send("CP", "BootNotification", BOOT)
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


async def test_calls_before_an_accepted_boot_get_security_error() -> None:
    """B02.FR.09, B03.FR.08: under known-only, a station's CALLs other than BootNotification
    are refused until it is Accepted."""
    csms = Csms(boot=BootPolicy("known-only", ["KNOWN"]))
    with pytest.raises(SecurityError, match="not booted"):
        await csms.send("CP", "Heartbeat", {})
    assert (await csms.send("CP", "BootNotification", BOOT))["status"] == "Rejected"  # B03
    with pytest.raises(SecurityError, match="Rejected"):
        await csms.send("CP", "Heartbeat", {})
    assert (await csms.send("KNOWN", "BootNotification", BOOT))["status"] == "Accepted"
    assert "currentTime" in await csms.send("KNOWN", "Heartbeat", {})


async def test_notify_report_parts_become_the_device_model_and_move_the_progress() -> None:
    csms = Csms()
    command = await csms.command(
        "CP",
        "GetBaseReport",
        {"requestId": 3, "reportBase": "FullInventory"},
        {"status": "Accepted"},
    )
    part = {"requestId": 3, "generatedAt": "2025-01-02T03:00:00Z"}
    data = {
        "component": {"name": "OCPPCommCtrlr"},
        "variable": {"name": "HeartbeatInterval"},
        "variableAttribute": [{"value": "45"}],
    }
    await csms.send("CP", "NotifyReport", {**part, "seqNo": 0, "tbc": True, "reportData": [data]})
    assert command.progress == "Receiving"  # B07: more parts follow
    await csms.send("CP", "NotifyReport", {**part, "seqNo": 1})
    model = csms.registry.ensure("CP").device_model
    assert command.progress == "Complete"
    assert model is not None and model.request_id == 3 and len(model.report_data) == 1
