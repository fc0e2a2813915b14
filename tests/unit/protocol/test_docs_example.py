"""The code example of docs/protocol.md runs as written."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[3] / "docs" / "protocol.md"


def test_protocol_doc_example_runs(capsys: object) -> None:
    match = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match is not None, "docs/protocol.md has no python example"
    exec(compile(match[1], str(DOC), "exec"), {})
