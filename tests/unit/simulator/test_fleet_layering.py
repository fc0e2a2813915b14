"""A fleet process stays a simulator process: the fleet and its control API load neither the CSMS
nor its storage (SQLAlchemy), and share only ``ocppkit.http`` with the CSMS's REST API."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("ocppkit.csms", "ocppkit.storage", "ocppkit.api", "sqlalchemy")

CODE = f"""
import sys
from ocppkit.simulator.fleet import Fleet, FleetOptions, parse_scenario
from ocppkit.simulator.fleet.control import create_control_app
from ocppkit.simulator.fleet.runner import run_fleet  # noqa: F401 (its module, loaded)

fleet = Fleet(FleetOptions("ws://127.0.0.1:9/ocpp", 2, parse_scenario({{"seed": 1}})))
app = create_control_app(fleet)
assert "/stations/{{station_id}}/plug" in app.openapi()["paths"]
import ocppkit.http  # noqa: F401 (what the fleet serves the app with)
loaded = sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r}))
print("\\n".join(loaded))
sys.exit(1 if loaded else 0)
"""


def test_the_fleet_and_its_control_api_load_no_csms_and_no_sqlalchemy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"loaded: {done.stdout} {done.stderr}"


def test_the_shared_http_module_loads_no_csms() -> None:
    code = (
        f"import sys, ocppkit.http; sys.exit(any(m.startswith({FORBIDDEN!r}) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60, check=False).returncode == 0
