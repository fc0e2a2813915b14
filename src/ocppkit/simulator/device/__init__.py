"""The simulated station's device model (OCPP 2.0.1 blocks B and N): the standard components and
variables (``catalog``), GetVariables/SetVariables (``model``), reports (``reports``), measurand
selection (``sampling``) and the state file (``store``); the timed behaviour (clock-aligned meter
values, monitors) is the metering and diagnostics blocks' (``simulator.blocks``)."""

from ocppkit.simulator.device.catalog import StationSpec, standard_variables, station_model
from ocppkit.simulator.device.model import Catalog, DeviceModel, RetryBackOff, Variable
from ocppkit.simulator.device.store import DeviceModelStore
from ocppkit.simulator.device.variables import Attribute, InvalidValue, Key, VariableDefinition

__all__ = [
    "Attribute",
    "Catalog",
    "DeviceModel",
    "DeviceModelStore",
    "InvalidValue",
    "Key",
    "RetryBackOff",
    "StationSpec",
    "Variable",
    "VariableDefinition",
    "standard_variables",
    "station_model",
]
