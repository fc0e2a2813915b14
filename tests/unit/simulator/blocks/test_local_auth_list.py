"""Block D: the Local Authorization List (D01 SendLocalList, D02 GetLocalListVersion)."""

from __future__ import annotations

from ocppkit.protocol.models import (
    AuthorizationData,
    GetLocalListVersionRequest,
    IdTokenInfoType,
    IdTokenType,
    SendLocalListRequest,
)
from ocppkit.simulator.blocks.local_auth_list import LocalAuthList, accepted, token_key
from ocppkit.simulator.device.variables import Key

from .support import make_station

TOKEN = IdTokenType(id_token="AA11", type="ISO14443")
OTHER = IdTokenType(id_token="BB22", type="ISO14443")


def entry(token: IdTokenType, status: str | None = "Accepted") -> AuthorizationData:
    info = None if status is None else IdTokenInfoType(status=status)
    return AuthorizationData(id_token=token, id_token_info=info)


def send(version: int, update: str, *entries: AuthorizationData) -> SendLocalListRequest:
    return SendLocalListRequest(
        version_number=version, update_type=update, local_authorization_list=list(entries) or None
    )


async def test_d01_full_then_differential_updates_and_d02_version() -> None:
    station = make_station()
    station.ctx.device_model.set_value(Key("LocalAuthListCtrlr", "Enabled"), "true")
    block = LocalAuthList(station.ctx)
    assert (await block.on_get_local_list_version(GetLocalListVersionRequest())).version_number == 0
    full = await block.on_send_local_list(send(3, "Full", entry(TOKEN), entry(OTHER, "Blocked")))
    assert full.status == "Accepted" and accepted(block.lookup(TOKEN))
    assert not accepted(block.lookup(OTHER))
    stale = await block.on_send_local_list(send(3, "Differential", entry(OTHER)))
    assert stale.status == "VersionMismatch"  # D01: a version not above the present one
    diff = await block.on_send_local_list(send(4, "Differential", entry(OTHER), entry(TOKEN, None)))
    assert diff.status == "Accepted" and set(block.entries) == {token_key(OTHER)}
    assert (await block.on_get_local_list_version(GetLocalListVersionRequest())).version_number == 4
    assert block.forget(OTHER) and not block.forget(OTHER)  # N10


async def test_d01_a_full_list_needs_every_id_token_info_and_a_disabled_list_fails() -> None:
    station = make_station()
    block = LocalAuthList(station.ctx)
    model = station.ctx.device_model
    model.set_value(Key("LocalAuthListCtrlr", "Enabled"), "false")
    disabled = await block.on_send_local_list(send(1, "Full", entry(TOKEN)))
    assert disabled.status == "Failed" and disabled.status_info.reason_code == "ListDisabled"
    model.set_value(Key("LocalAuthListCtrlr", "Enabled"), "true")
    incomplete = await block.on_send_local_list(send(1, "Full", entry(TOKEN, None)))
    assert incomplete.status == "Failed" and block.version == 0
