"""Fleets: many simulated stations in one process, driven by a scenario and a control API.

from ocppkit.simulator.fleet import Fleet, FleetOptions, load_scenario

fleet = Fleet(FleetOptions("ws://127.0.0.1:9000/ocpp", 100, load_scenario("fleet.toml")))
await fleet.start()
...
report = await fleet.stop()
"""

from ocppkit.simulator.fleet.faults import FaultKind
from ocppkit.simulator.fleet.report import FleetReport, FleetStats
from ocppkit.simulator.fleet.runner import (
    Fleet,
    FleetOptions,
    raise_open_file_limit,
    run_fleet,
)
from ocppkit.simulator.fleet.scenario import Scenario, ScenarioError, load_scenario, parse_scenario

__all__ = [
    "FaultKind",
    "Fleet",
    "FleetOptions",
    "FleetReport",
    "FleetStats",
    "Scenario",
    "ScenarioError",
    "load_scenario",
    "parse_scenario",
    "raise_open_file_limit",
    "run_fleet",
]
