"""D Local authorization list: Full and Differential updates, and the reported version."""

from typing import Any

from .support import Csms


def entry(token: str, status: str | None = "Accepted") -> dict[str, Any]:
    found: dict[str, Any] = {"idToken": {"idToken": token, "type": "ISO14443"}}
    if status is not None:
        found["idTokenInfo"] = {"status": status}
    return found


def send_list(version: int, update: str, *entries: dict[str, Any]) -> dict[str, Any]:
    return {"versionNumber": version, "updateType": update, "localAuthorizationList": list(entries)}


async def test_full_then_differential_then_version() -> None:
    csms = Csms()
    accepted = {"status": "Accepted"}
    await csms.command(
        "CP", "SendLocalList", send_list(1, "Full", entry("A1"), entry("B2")), accepted
    )
    await csms.command(
        "CP",
        "SendLocalList",
        send_list(2, "Differential", entry("A1", None), entry("B2", "Blocked"), entry("C3")),
        accepted,
    )
    await csms.command(
        "CP",
        "SendLocalList",
        send_list(3, "Differential", entry("D4")),
        {"status": "VersionMismatch"},
    )
    listed = csms.objects("local_list")[""]
    assert (listed["payload"]["version"], listed["status"]) == (2, "Differential")
    assert {
        (e["idToken"]["idToken"], e["idTokenInfo"]["status"]) for e in listed["payload"]["entries"]
    } == {("B2", "Blocked"), ("C3", "Accepted")}  # D01: removed without idTokenInfo
    version = await csms.command("CP", "GetLocalListVersion", {}, {"versionNumber": 2})
    assert (version.status, csms.objects("local_list")[""]["payload"]) == (
        "Answered",
        listed["payload"],
    )  # D02


async def test_version_zero_means_no_list() -> None:
    csms = Csms()
    await csms.command(
        "CP", "SendLocalList", send_list(4, "Full", entry("A1")), {"status": "Accepted"}
    )
    await csms.command("CP", "GetLocalListVersion", {}, {"versionNumber": 0})
    kept = csms.objects("local_list")[""]
    assert (kept["payload"], kept["status"]) == ({"version": 0, "entries": []}, None)  # D02
