"""Integration tests: the ``ocppkit`` processes they start keep their database in a temporary
folder (``$OCPPKIT_DATABASE_URL``), never as ocppkit.db in the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _database_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCPPKIT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'ocppkit.db'}")
