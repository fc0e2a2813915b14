"""Block F: RequestStartTransaction (F01/F02), RequestStopTransaction (F03), UnlockConnector
(F05) and TriggerMessage (F06)."""

from __future__ import annotations

from ocppkit.protocol.models import (
    EVSEType,
    RequestStartTransactionRequest,
    RequestStopTransactionRequest,
    TriggerMessageRequest,
    UnlockConnectorRequest,
)
from ocppkit.simulator.blocks.authorization import Authorization
from ocppkit.simulator.blocks.diagnostics import Diagnostics
from ocppkit.simulator.blocks.firmware import Firmware
from ocppkit.simulator.blocks.local_auth_list import LocalAuthList
from ocppkit.simulator.blocks.metering import Metering
from ocppkit.simulator.blocks.remote_control import RemoteControl
from ocppkit.simulator.blocks.security import Security
from ocppkit.simulator.evse_control import EvseControl

from .support import TOKEN, Core, charge, make_core, profile


def remote(core: Core) -> RemoteControl:
    ctx = core.station.ctx
    authorization = Authorization(ctx, LocalAuthList(ctx))
    firmware = Firmware(ctx)
    return RemoteControl(
        ctx,
        core.engine,
        EvseControl(ctx, core.engine, authorization, core.reservations),
        Metering(ctx, core.smart_charging),
        firmware,
        Diagnostics(ctx, core.engine, firmware, authorization),
        Security(ctx, None),
    )


def start(evse_id: int | None = 1, remote_start_id: int = 42, **kwargs: object):  # type: ignore[no-untyped-def]
    return RequestStartTransactionRequest(
        id_token=TOKEN, remote_start_id=remote_start_id, evse_id=evse_id, **kwargs
    )


async def test_f01_a_remote_start_runs_with_its_remote_start_id() -> None:
    core = make_core()
    block = remote(core)
    answer = await block.on_request_start_transaction(start())
    assert answer.status == "Accepted"
    await core.station.settle()
    (started,) = core.station.link.sent("TransactionEvent")
    assert started["triggerReason"] == "RemoteStart"
    assert started["transactionInfo"]["remoteStartId"] == 42
    busy = await block.on_request_start_transaction(start())
    assert busy.status == "Rejected" and busy.status_info.reason_code == "EVSEUnavailable"


async def test_f01_b02_k05_remote_start_refusals() -> None:
    core = make_core()
    block = remote(core)
    wrong = await block.on_request_start_transaction(
        start(charging_profile=profile(1, "TxDefaultProfile", 10))
    )
    assert wrong.status_info.reason_code == "TxProfileOnly"  # K05
    core.station.link.registered = False
    early = await block.on_request_start_transaction(start())
    assert early.status == "Rejected" and early.status_info.reason_code == "NotAccepted"  # B02


async def test_f02_without_auto_plug_the_start_waits_for_the_ev() -> None:
    core = make_core()
    block = remote(core)
    block.auto_plug = False
    assert (await block.on_request_start_transaction(start())).status == "Accepted"
    await core.station.settle()
    assert not core.station.link.sent("TransactionEvent")
    assert core.station.ctx.evses[1].authorization is not None  # until EVConnectionTimeOut


async def test_f03_remote_stop() -> None:
    core = make_core()
    block = remote(core)
    tx = await charge(core)
    unknown = await block.on_request_stop_transaction(
        RequestStopTransactionRequest(transaction_id="nope")
    )
    assert unknown.status == "Rejected"
    answer = await block.on_request_stop_transaction(
        RequestStopTransactionRequest(transaction_id=tx.transaction_id)
    )
    assert answer.status == "Accepted"
    await core.station.settle()
    ended = core.station.link.sent("TransactionEvent")[-1]
    assert ended["eventType"] == "Ended" and ended["triggerReason"] == "RemoteStop"
    assert ended["transactionInfo"]["stoppedReason"] == "Remote"


async def test_f05_unlock_connector() -> None:
    core = make_core()
    block = remote(core)
    answer = await block.on_unlock_connector(UnlockConnectorRequest(evse_id=1, connector_id=1))
    assert answer.status == "Unlocked"
    unknown = await block.on_unlock_connector(UnlockConnectorRequest(evse_id=1, connector_id=2))
    assert unknown.status == "UnknownConnector"
    await charge(core)
    busy = await block.on_unlock_connector(UnlockConnectorRequest(evse_id=1, connector_id=1))
    assert busy.status == "OngoingAuthorizedTransaction"


async def test_f06_trigger_message() -> None:
    core = make_core()
    block = remote(core)
    link = core.station.link

    async def trigger(message: str, evse: EVSEType | None = None) -> str:
        answer = await block.on_trigger_message(
            TriggerMessageRequest(requested_message=message, evse=evse)
        )
        await core.station.settle()
        return str(answer.status)

    assert await trigger("BootNotification") == "Rejected"  # F06.FR.17: Accepted already
    assert await trigger("TransactionEvent") == "Rejected"  # no transaction
    assert await trigger("StatusNotification", EVSEType(id=9)) == "Rejected"
    assert await trigger("SignV2GCertificate") == "NotImplemented"
    for message in ("Heartbeat", "StatusNotification", "MeterValues", "LogStatusNotification"):
        assert await trigger(message) == "Accepted"
    assert len(link.sent("Heartbeat")) == 1 and len(link.sent("StatusNotification")) == 1
    assert link.sent("LogStatusNotification") == [{"status": "Idle"}]
    assert await trigger("FirmwareStatusNotification") == "Accepted"
    assert link.sent("FirmwareStatusNotification") == [{"status": "Idle"}]
    await charge(core)
    assert await trigger("TransactionEvent") == "Accepted"
    assert link.sent("TransactionEvent")[-1]["triggerReason"] == "Trigger"
    link.registered = False
    assert await trigger("BootNotification") == "Accepted"
    assert link.boot_triggered == 2
