"""The simulated station's device model: this module keeps the names other modules import; the
implementation is the ``ocppkit.simulator.device`` package."""

from ocppkit.simulator.device.catalog import StationSpec, standard_variables
from ocppkit.simulator.device.model import (
    ALIGNED_INTERVAL,
    AUTHORIZE_REMOTE_START,
    HEARTBEAT_INTERVAL,
    TX_ENDED_MEASURANDS,
    TX_STARTED_MEASURANDS,
    TX_UPDATED_INTERVAL,
    TX_UPDATED_MEASURANDS,
    DeviceModel,
    RetryBackOff,
    Variable,
)
from ocppkit.simulator.device.variables import Key

__all__ = [
    "ALIGNED_INTERVAL",
    "AUTHORIZE_REMOTE_START",
    "HEARTBEAT_INTERVAL",
    "TX_ENDED_MEASURANDS",
    "TX_STARTED_MEASURANDS",
    "TX_UPDATED_INTERVAL",
    "TX_UPDATED_MEASURANDS",
    "DeviceModel",
    "Key",
    "RetryBackOff",
    "StationSpec",
    "Variable",
    "standard_variables",
]
