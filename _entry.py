"""What the checkout's scripts (run_all.py, demo.py, demo_protocol_debug.py) share: ocppkit from
``src/`` without installing it, and a plain word on how to install its dependencies when this
Python lacks them (instead of a ModuleNotFoundError traceback).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def missing_dependencies() -> list[str]:
    """The packages of requirements.txt this Python cannot import."""
    missing = []
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name = re.split(r"[<>=!~\[;\s]", line, maxsplit=1)[0]
        if importlib.util.find_spec(name.replace("-", "_").lower()) is None:
            missing.append(name)
    return missing


def cli_main() -> Callable[..., int]:
    """``ocppkit.cli.main``; exits 1 saying how to install what is missing, if anything is."""
    missing = missing_dependencies()
    if missing:
        print(
            f"ocppkit needs packages this Python ({sys.executable}) lacks: "
            f"{', '.join(missing)}.\n"
            "Install them with `make setup` and run the scripts with .venv/bin/python "
            "(or activate the venv: . .venv/bin/activate),\n"
            f"or into this Python with `{Path(sys.executable).name} -m pip install -r "
            "requirements.txt`.",
            file=sys.stderr,
        )
        sys.exit(1)
    sys.path.insert(0, str(ROOT / "src"))  # run from a checkout
    from ocppkit.cli import main

    return main
