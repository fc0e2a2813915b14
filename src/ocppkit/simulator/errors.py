"""The simulator's error."""

from __future__ import annotations

from ocppkit.protocol.errors import OCPPKitError


class SimulatorError(OCPPKitError):
    """The simulator cannot do what was asked (connect, boot, start or stop a transaction)."""
