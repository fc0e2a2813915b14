"""Errors the CSMS raises to its callers (the REST API, the CLI, tests).

OCPPKitError (ocppkit.protocol)
├── NotConnectedError          the station is not connected (from ocppkit.protocol)
└── CommandError               a command that cannot be sent as asked
    ├── InvalidCommandError    the action is not one the CSMS sends to a station
    ├── NoActiveTransactionError
    └── StationRejectedError   the station was Rejected at boot (B03)
"""

from __future__ import annotations

from ocppkit.protocol.errors import OCPPKitError


class CommandError(OCPPKitError):
    """A CSMS->CS command that cannot be sent as asked; nothing went on the wire."""


class InvalidCommandError(CommandError):
    """The action is unknown, or it is one a charging station sends (CS->CSMS)."""


class NoActiveTransactionError(CommandError):
    """A command needs the station's active transaction and it has none."""


class StationRejectedError(CommandError):
    """The station's last BootNotification was Rejected: the CSMS sends it no commands (B03)."""


__all__ = [
    "CommandError",
    "InvalidCommandError",
    "NoActiveTransactionError",
    "StationRejectedError",
]
