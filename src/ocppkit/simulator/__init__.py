"""The OCPP 2.0.1 charging-station simulator: ``ChargerSimulator`` drives any CSMS.

from ocppkit.simulator import ChargerSimulator

sim = ChargerSimulator("CP-1", "ws://127.0.0.1:9000/ocpp", seed=1)
await sim.connect()
sim.is_charging = True
...
await sim.disconnect()
"""

from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.meter import ChargingLimit, MeterModel
from ocppkit.simulator.station import ChargerSimulator

__all__ = ["ChargerSimulator", "ChargingLimit", "MeterModel", "SimulatorError"]
