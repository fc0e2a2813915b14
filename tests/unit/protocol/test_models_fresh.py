"""The generated models are fresh and complete; runtime code does not need the `ocpp` package."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ocppkit.protocol.models import ACTIONS, CS_TO_CSMS, CSMS_TO_CS, OcppModel

ROOT = Path(__file__).resolve().parents[3]
GENERATOR = ROOT / "scripts" / "generate_models.py"
PROTOCOL = ROOT / "src" / "ocppkit" / "protocol"
# schema folder -> (module, actions with a response, CS -> CSMS, CSMS -> CS)
VERSIONS = {
    "v16": ("models_v16", 39, 14, 26),
    "v201": ("models", 64, 25, 40),
    "v21": ("models_v21", 90, 37, 55),
}


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_models", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_models", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _module(key: str) -> ModuleType:
    return importlib.import_module(f"ocppkit.protocol.{VERSIONS[key][0]}")


@pytest.mark.parametrize("key", sorted(VERSIONS))
def test_committed_models_equal_generator_output(key: str) -> None:
    generated = _load_generator().generate(key)
    path = PROTOCOL / f"{VERSIONS[key][0]}.py"
    assert path.read_text(encoding="utf-8") == generated, (
        f"{path} is stale: run .venv/bin/python scripts/generate_models.py"
    )


def test_generator_check_mode_passes() -> None:
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("key", sorted(VERSIONS))
def test_models_are_marked_generated(key: str) -> None:
    lines = (PROTOCOL / f"{VERSIONS[key][0]}.py").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# GENERATED FILE: do not edit by hand."
    assert f"ocpp/{key}/schemas" in lines[2]


@pytest.mark.parametrize("key", sorted(VERSIONS))
def test_each_action_has_request_and_response_model(key: str) -> None:
    module = _module(key)
    assert len(module.ACTIONS) == VERSIONS[key][1]
    for action, (request, response) in module.ACTIONS.items():
        assert request.__name__ == f"{action}Request"
        assert response.__name__ == f"{action}Response"
        assert issubclass(request, OcppModel) and issubclass(response, OcppModel)
        assert getattr(module, request.__name__) is request


@pytest.mark.parametrize("key", sorted(VERSIONS))
def test_direction_counts(key: str) -> None:
    module = _module(key)
    _, _, cs, csms = VERSIONS[key]
    assert (len(module.CS_TO_CSMS), len(module.CSMS_TO_CS)) == (cs, csms)
    sends = set(getattr(module, "SEND_ACTIONS", {}))
    assert module.CS_TO_CSMS | module.CSMS_TO_CS == set(module.ACTIONS) | sends
    assert module.CS_TO_CSMS & module.CSMS_TO_CS == {"DataTransfer"}


def test_directions_25_cs_to_csms_40_csms_to_cs() -> None:
    assert len(CS_TO_CSMS) == 25
    assert len(CSMS_TO_CS) == 40
    assert CS_TO_CSMS | CSMS_TO_CS == set(ACTIONS)


def test_direction_samples_per_functional_block() -> None:
    assert {"BootNotification", "Heartbeat", "TransactionEvent", "MeterValues"} <= CS_TO_CSMS
    assert {"Reset", "SetChargingProfile", "GetVariables", "CertificateSigned"} <= CSMS_TO_CS
    assert "BootNotification" not in CSMS_TO_CS
    assert "Reset" not in CS_TO_CSMS


def test_v16_directions_by_feature_profile() -> None:
    v16 = _module("v16")
    assert {
        "StartTransaction",
        "StopTransaction",
        "DiagnosticsStatusNotification",
        "SignedFirmwareStatusNotification",
    } <= v16.CS_TO_CSMS
    assert {
        "RemoteStartTransaction",
        "GetConfiguration",
        "ChangeConfiguration",
        "GetDiagnostics",
        "ExtendedTriggerMessage",
        "SignedUpdateFirmware",
    } <= v16.CSMS_TO_CS
    assert "TransactionEvent" not in v16.ACTIONS


def test_v21_keeps_every_201_direction_and_adds_26_actions() -> None:
    v21 = _module("v21")
    assert CS_TO_CSMS <= v21.CS_TO_CSMS and CSMS_TO_CS <= v21.CSMS_TO_CS
    assert len(set(v21.ACTIONS) - set(ACTIONS)) == 26
    assert {"BatterySwap", "OpenPeriodicEventStream", "VatNumberValidation"} <= v21.CS_TO_CSMS
    assert {"SetDefaultTariff", "RequestBatterySwap", "SetDERControl"} <= v21.CSMS_TO_CS
    assert set(v21.SEND_ACTIONS) == {"NotifyPeriodicEventStream"}
    assert "NotifyPeriodicEventStream" in v21.CS_TO_CSMS
    assert "NotifyPeriodicEventStream" not in v21.ACTIONS


def test_v16_inline_types_are_named_and_shared() -> None:
    v16 = _module("v16")
    id_tag_info = v16.IdTagInfoType
    for action in ("Authorize", "StartTransaction", "StopTransaction"):
        field = v16.ACTIONS[action][1].model_fields["id_tag_info"]
        assert id_tag_info in (field.annotation, *getattr(field.annotation, "__args__", ()))
    assert v16.BootNotificationStatusEnumType("Pending").value == "Pending"


def test_runtime_packages_do_not_import_ocpp() -> None:
    code = (
        "import sys\n"
        "import ocppkit.protocol, ocppkit.transport, ocppkit.logs\n"
        "import ocppkit.protocol.models_v16, ocppkit.protocol.models_v21\n"
        "leaked = sorted(m for m in sys.modules if m == 'ocpp' or m.startswith('ocpp.'))\n"
        "assert not leaked, leaked\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
