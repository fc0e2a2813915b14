"""ocppkit: an OCPP 2.0.1 central system, a charging-station simulator and the protocol core.

from ocppkit import OCPPServer, ChargerSimulator, OCPPMessage, setup_logging
"""

from typing import Any

from ocppkit.logs import setup_logging
from ocppkit.protocol.frames import OCPPMessage

__version__ = "0.1.0"
__all__ = ["ChargerSimulator", "OCPPMessage", "OCPPServer", "__version__", "setup_logging"]


def __getattr__(name: str) -> Any:
    # The CSMS and the simulator load on first use, so `import ocppkit` stays light.
    if name == "OCPPServer":
        from ocppkit.csms import OCPPServer

        return OCPPServer
    if name == "ChargerSimulator":
        from ocppkit.simulator import ChargerSimulator

        return ChargerSimulator
    raise AttributeError(f"module 'ocppkit' has no attribute {name!r}")
