"""F Remote control: the token of a remote start is accepted by the CSMS's own check."""

from .support import Csms


async def test_a_remote_starts_token_is_accepted_from_then_on() -> None:
    csms = Csms(tokens=["LISTED"])
    token = {"idToken": {"idToken": "remote-1", "type": "Central"}}
    assert (await csms.send("CP", "Authorize", token))["idTokenInfo"]["status"] == "Invalid"
    start = {"idToken": {"idToken": "REMOTE-1", "type": "Central"}, "remoteStartId": 7}
    command = await csms.command("CP", "RequestStartTransaction", start, {"status": "Accepted"})
    assert command.request_id is None  # remoteStartId links the transaction, not notifications
    assert (await csms.send("CP", "Authorize", token))["idTokenInfo"]["status"] == "Accepted"
