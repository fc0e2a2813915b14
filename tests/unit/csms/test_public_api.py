"""The public API of ocppkit.csms is what the simulator, REST API and CLI rely on."""

import inspect

import ocppkit.csms
from ocppkit.csms import OCPPServer


def test_exports_resolve() -> None:
    for name in ocppkit.csms.__all__:
        assert getattr(ocppkit.csms, name) is not None


def test_server_signature() -> None:
    params = inspect.signature(OCPPServer).parameters
    assert [(p.name, p.default) for p in list(params.values())[:2]] == [
        ("host", "0.0.0.0"),
        ("port", 9000),
    ]
    for name, default in [
        ("heartbeat_interval", 30),
        ("authorized_tokens", None),
        ("call_timeout", 30.0),
    ]:
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert params[name].default == default


def test_command_signatures() -> None:
    def defaults(name: str) -> dict[str, object]:
        params = inspect.signature(getattr(OCPPServer, name)).parameters
        return {p.name: p.default for p in params.values() if p.name != "self"}

    assert defaults("request_start_transaction") == {
        "charger_id": inspect.Parameter.empty,
        "evse_id": 1,
        "id_token": "DEMO_TOKEN",
        "remote_start_id": None,
    }
    assert defaults("request_stop_transaction") == {
        "charger_id": inspect.Parameter.empty,
        "transaction_id": None,
    }
    assert list(defaults("set_charging_profile")) == ["charger_id", "evse_id", "charging_profile"]
    assert defaults("call")["timeout"] is None
    for name in (
        "request_start_transaction",
        "request_stop_transaction",
        "set_charging_profile",
        "call",
        "start",
        "stop",
    ):
        assert inspect.iscoroutinefunction(getattr(OCPPServer, name)), name
    for name in ("get_charger_status", "list_chargers", "get_transaction", "add_listener"):
        assert not inspect.iscoroutinefunction(getattr(OCPPServer, name)), name
