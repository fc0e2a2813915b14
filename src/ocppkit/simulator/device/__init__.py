"""The simulated station's device model (OCPP 2.0.1 blocks B and N): the standard components and
variables (``catalog``), GetVariables/SetVariables (``model``), reports (``reports``), measurand
selection (``sampling``), the state file (``store``) and the timed behaviour (``runtime``)."""

from ocppkit.simulator.device.catalog import StationSpec, standard_variables
from ocppkit.simulator.device.model import DeviceModel, RetryBackOff
from ocppkit.simulator.device.store import DeviceModelStore
from ocppkit.simulator.device.variables import Attribute, InvalidValue, Key, Variable

__all__ = [
    "Attribute",
    "DeviceModel",
    "DeviceModelStore",
    "InvalidValue",
    "Key",
    "RetryBackOff",
    "StationSpec",
    "Variable",
    "standard_variables",
]
