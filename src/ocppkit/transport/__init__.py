"""The asyncio transport shared by the CSMS and the simulator."""

from ocppkit.transport.connection import Connection, Handler, TooManyCallsError

SUBPROTOCOL = "ocpp2.0.1"

__all__ = ["SUBPROTOCOL", "Connection", "Handler", "TooManyCallsError"]
