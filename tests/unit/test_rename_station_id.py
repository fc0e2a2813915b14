"""scripts/rename_station_id.py: what it renames, what it keeps, and that it is idempotent."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "rename_station_id.py"
_spec = importlib.util.spec_from_file_location("rename_station_id", _PATH)
assert _spec is not None and _spec.loader is not None
codemod = importlib.util.module_from_spec(_spec)
sys.modules["rename_station_id"] = codemod
_spec.loader.exec_module(codemod)

SAMPLE = '''\
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query

router = APIRouter()


@dataclass
class Charger:
    charger_id: str


def lookup(registry, charger_id: str) -> Charger:
    """The station (keeps the "charger_id" text)."""
    charger = registry[charger_id]
    log(f"{charger_id!r} {charger.charger_id} {{charger_id}} {c['charger_id']}", key="x")
    return Charger(charger_id=charger_id)


class ChargerSimulator:
    def __init__(self, charger_id: str) -> None:
        self.charger_id = charger_id


class OCPPServer:
    def call(self, charger_id: str) -> None:
        self._send(charger_id)

    def _send(self, charger_id: str) -> None:
        print(charger_id)


@router.get("/chargers/{charger_id}")
async def get_charger(charger_id: str) -> dict[str, str]:
    return {"charger_id": charger_id}


async def listing(charger_id: Annotated[str | None, Query()] = None) -> None:
    print(charger_id)
'''


def test_renames_private_names_and_keeps_the_public_ones() -> None:
    out, plan = codemod.rewrite(SAMPLE, "sample.py")
    assert "def lookup(registry, station_id: str) -> Charger:" in out
    assert "charger = registry[station_id]" in out
    # f-string fields renamed, attribute, escaped braces and string literals kept
    assert (
        'f"{station_id!r} {charger.charger_id} {{charger_id}} {c[\'charger_id\']}", key="x"' in out
    )
    assert '"""The station (keeps the "charger_id" text)."""' in out
    assert "return Charger(charger_id=station_id)" in out  # a field keyword keeps its name
    assert "class Charger:\n    charger_id: str" in out  # a field declaration
    assert (
        "def __init__(self, charger_id: str) -> None:\n        self.charger_id = charger_id" in out
    )
    assert "def call(self, charger_id: str) -> None:\n        self._send(charger_id)" in out
    assert "def _send(self, station_id: str) -> None:\n        print(station_id)" in out
    assert (
        "async def get_charger(charger_id: str) -> dict[str, str]:\n"
        '    return {"charger_id": charger_id}' in out
    )
    assert (
        "listing(charger_id: Annotated[str | None, Query()] = None) -> None:\n    print(charger_id)"
        in out
    )
    assert plan.conflicts == []
    compile(out, "sample.py", "exec")


def test_idempotent() -> None:
    once, _ = codemod.rewrite(SAMPLE, "sample.py")
    twice, _ = codemod.rewrite(once, "sample.py")
    assert twice == once


def test_refuses_a_scope_that_already_has_station_id(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("def f(charger_id, station_id):\n    return charger_id\n")
    assert codemod.main([str(tmp_path)]) == 1
    assert "charger_id" in (tmp_path / "m.py").read_text()  # nothing written


def test_check_mode_writes_nothing_and_a_run_writes(tmp_path: Path) -> None:
    target = tmp_path / "m.py"
    source = "def f(charger_id):\n    return charger_id\n"
    target.write_text(source)
    assert codemod.main([str(tmp_path), "--check"]) == 1  # would change
    assert target.read_text() == source
    assert codemod.main([str(tmp_path)]) == 0
    assert target.read_text() == "def f(station_id):\n    return station_id\n"
    assert codemod.main([str(tmp_path), "--check"]) == 0  # nothing left to rename
