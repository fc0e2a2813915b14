"""The OCPP 2.0.1 central system (CSMS).

from ocppkit.csms import OCPPServer

async with OCPPServer("127.0.0.1", 9000) as server:
    ...  # stations connect to ws://127.0.0.1:9000/<station id> with subprotocol ocpp2.0.1
    await server.request_start_transaction("CP001", evse_id=1, id_token="DEMO_TOKEN")
    server.get_charger_status("CP001")
"""

from ocppkit.csms.clock import Clock, format_time, utc_now
from ocppkit.csms.context import Listener
from ocppkit.csms.errors import (
    CommandError,
    InvalidCommandError,
    NoActiveTransactionError,
    StationRejectedError,
)
from ocppkit.csms.extensions import (
    DataTransferHandler,
    EvChargingNeedsPolicy,
    ev_max_power_policy,
)
from ocppkit.csms.registry import Charger, ChargerRegistry, Transaction
from ocppkit.csms.server import FrameObserver, OCPPServer
from ocppkit.protocol.errors import CallTimeoutError, NotConnectedError, OCPPError, OCPPKitError

__all__ = [
    "CallTimeoutError",
    "Charger",
    "ChargerRegistry",
    "Clock",
    "CommandError",
    "DataTransferHandler",
    "EvChargingNeedsPolicy",
    "FrameObserver",
    "InvalidCommandError",
    "Listener",
    "NoActiveTransactionError",
    "NotConnectedError",
    "OCPPError",
    "OCPPKitError",
    "OCPPServer",
    "StationRejectedError",
    "Transaction",
    "ev_max_power_policy",
    "format_time",
    "utc_now",
]
