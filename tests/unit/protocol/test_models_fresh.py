"""The generated models are fresh and complete; runtime code does not need the `ocpp` package."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from ocppkit.protocol import models
from ocppkit.protocol.models import ACTIONS, CS_TO_CSMS, CSMS_TO_CS, OcppModel

ROOT = Path(__file__).resolve().parents[3]
GENERATOR = ROOT / "scripts" / "generate_models.py"
MODELS = ROOT / "src" / "ocppkit" / "protocol" / "models.py"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_models", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_models_equal_generator_output() -> None:
    generated = _load_generator().generate()
    committed = MODELS.read_text(encoding="utf-8")
    assert committed == generated, (
        "src/ocppkit/protocol/models.py is stale: run .venv/bin/python scripts/generate_models.py"
    )


def test_generator_check_mode_passes() -> None:
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_models_are_marked_generated() -> None:
    head = MODELS.read_text(encoding="utf-8").splitlines()[0]
    assert head == "# GENERATED FILE: do not edit by hand."


def test_64_actions_each_with_request_and_response_model() -> None:
    assert len(ACTIONS) == 64
    for action, (request, response) in ACTIONS.items():
        assert request.__name__ == f"{action}Request"
        assert response.__name__ == f"{action}Response"
        assert issubclass(request, OcppModel) and issubclass(response, OcppModel)
        assert getattr(models, request.__name__) is request


def test_directions_25_cs_to_csms_40_csms_to_cs() -> None:
    assert len(CS_TO_CSMS) == 25
    assert len(CSMS_TO_CS) == 40
    assert CS_TO_CSMS | CSMS_TO_CS == set(ACTIONS)


def test_data_transfer_is_the_only_action_sent_both_ways() -> None:
    assert CS_TO_CSMS & CSMS_TO_CS == {"DataTransfer"}


def test_direction_samples_per_functional_block() -> None:
    assert {"BootNotification", "Heartbeat", "TransactionEvent", "MeterValues"} <= CS_TO_CSMS
    assert {"Reset", "SetChargingProfile", "GetVariables", "CertificateSigned"} <= CSMS_TO_CS
    assert "BootNotification" not in CSMS_TO_CS
    assert "Reset" not in CS_TO_CSMS


def test_runtime_packages_do_not_import_ocpp() -> None:
    code = (
        "import sys\n"
        "import ocppkit.protocol, ocppkit.transport, ocppkit.logs\n"
        "leaked = sorted(m for m in sys.modules if m == 'ocpp' or m.startswith('ocpp.'))\n"
        "assert not leaked, leaked\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
