"""C Authorization: Authorize and the idTokenInfo it shares with TransactionEvent."""

from datetime import timedelta

from ocppkit.csms.registry import Transaction

from .support import NOW, Csms


async def test_authorize_answers_the_tokens_status() -> None:
    csms = Csms(tokens=["GOOD"])
    good = await csms.send("CP", "Authorize", {"idToken": {"idToken": "good", "type": "Central"}})
    bad = await csms.send("CP", "Authorize", {"idToken": {"idToken": "bad", "type": "Central"}})
    none = await csms.send(
        "CP", "Authorize", {"idToken": {"idToken": "", "type": "NoAuthorization"}}
    )
    assert good == {"idTokenInfo": {"status": "Accepted"}}  # C01, case-insensitive
    assert bad == {"idTokenInfo": {"status": "Invalid"}}
    assert none == {"idTokenInfo": {"status": "Accepted"}}  # C03: nothing to check


async def test_managed_tokens_give_expiry_group_and_concurrent_tx() -> None:
    csms = Csms()
    csms.tokens.allow_concurrent_tx = False
    await csms.tokens.add("CARD", expiry=NOW + timedelta(hours=1), group="FLEET")
    token = {"idToken": {"idToken": "card", "type": "ISO14443"}}
    info = (await csms.send("CP", "Authorize", token))["idTokenInfo"]
    assert info == {
        "status": "Accepted",
        "cacheExpiryDateTime": "2025-01-02T04:04:05.000Z",  # C10
        "groupIdToken": {"idToken": "FLEET", "type": "Central"},  # C09
    }
    charger = csms.registry.ensure("OTHER")
    charger.active["T9"] = Transaction("T9", "OTHER", NOW, 0, id_token="CARD")
    info = (await csms.send("CP", "Authorize", token))["idTokenInfo"]
    assert info["status"] == "ConcurrentTx"  # one token, one transaction
