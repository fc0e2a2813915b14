"""The generated command methods are fresh, and every CSMS->CS action has a typed method."""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType

from ocppkit.csms import OCPPServer
from ocppkit.protocol.models import ACTIONS, CSMS_TO_CS

ROOT = Path(__file__).resolve().parents[3]
GENERATOR = ROOT / "scripts" / "generate_commands.py"
MODULE = ROOT / "src" / "ocppkit" / "csms" / "command_methods.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_commands", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_module_equals_generator_output() -> None:
    assert MODULE.read_text(encoding="utf-8") == _generator().generate(), (
        "src/ocppkit/csms/command_methods.py is stale: "
        "run .venv/bin/python scripts/generate_commands.py"
    )


def test_generator_check_mode_passes() -> None:
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_module_is_marked_generated() -> None:
    assert MODULE.read_text(encoding="utf-8").splitlines()[0] == (
        "# GENERATED FILE: do not edit by hand."
    )


def test_every_csms_to_cs_action_is_a_typed_method() -> None:
    snake = _generator().snake
    assert len(CSMS_TO_CS) == 40
    for action in CSMS_TO_CS:
        method = getattr(OCPPServer, snake(action))
        assert inspect.iscoroutinefunction(method), action
        hints = typing.get_type_hints(method)
        assert hints["return"] is ACTIONS[action][1], action
        assert "station_id" in hints or "charger_id" in hints, action


def test_required_fields_positional_optional_fields_keyword_only() -> None:
    params = inspect.signature(OCPPServer.reset).parameters
    assert params["type"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert params["evse_id"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["timeout"].kind is inspect.Parameter.KEYWORD_ONLY
    assert list(inspect.signature(OCPPServer.get_variables).parameters)[:3] == [
        "self",
        "station_id",
        "get_variable_data",
    ]


def test_snake_case_names() -> None:
    snake = _generator().snake
    assert snake("GetInstalledCertificateIds") == "get_installed_certificate_ids"
    assert snake("SetVariableMonitoring") == "set_variable_monitoring"
    assert snake("CostUpdated") == "cost_updated"
