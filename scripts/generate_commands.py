"""Generate ``src/ocppkit/csms/command_methods.py``: one typed async method per CSMS->CS action.

Each method is named after its action in snake_case, takes the station id, then the request's
required fields (positional or keyword) and its optional fields (keyword only), and returns the
action's response model. Signatures are read from the generated models
(``ocppkit.protocol.models``), so regenerate after the models change.

Usage::

    python scripts/generate_commands.py           # rewrite the module
    python scripts/generate_commands.py --check   # exit 1 when the committed module is stale
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import types
import typing
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ocppkit.protocol.models import ACTIONS, CSMS_TO_CS  # noqa: E402

OUTPUT = ROOT / "src" / "ocppkit" / "csms" / "command_methods.py"

# OCPPServer defines these itself, with the seed's signatures (F01, F03, K01).
HAND_WRITTEN = {"RequestStartTransaction", "RequestStopTransaction", "SetChargingProfile"}

# (field of a request) -> (parameter type, converter in ocppkit.csms.commands)
CONVERTERS = {
    ("GetVariables", "get_variable_data"): (
        "Sequence[GetVariableDataType | dict[str, Any] | VariableRef]",
        "variable_data",
    ),
    ("SetVariables", "set_variable_data"): (
        "Sequence[SetVariableDataType | dict[str, Any] | VariableSetting]",
        "variable_settings",
    ),
}

# action -> what it does, with the spec's use case ids
SUMMARIES = {
    "CancelReservation": "H02: cancel a reservation.",
    "CertificateSigned": "A02/A03: send the station its signed certificate chain.",
    "ChangeAvailability": "G03/G04: make the station, an EVSE or a connector (in)operative.",
    "ClearCache": "C11: clear the station's authorization cache.",
    "ClearChargingProfile": "K10: clear charging profiles matching the criteria.",
    "ClearDisplayMessage": "O05: remove a display message.",
    "ClearVariableMonitoring": "N06: remove monitors by id (split per ItemsPerMessage).",
    "CostUpdated": "I02: tell the station the running cost of a transaction.",
    "CustomerInformation": "N09: ask for (and/or clear) data kept about a customer.",
    "DataTransfer": "P01: send vendor-specific data.",
    "DeleteCertificate": "M04: delete an installed certificate.",
    "GetBaseReport": "B07: ask for a base report (sent in NotifyReport parts).",
    "GetChargingProfiles": "K09: ask for installed charging profiles (ReportChargingProfiles).",
    "GetCompositeSchedule": "K08: ask for the composite schedule of an EVSE.",
    "GetDisplayMessages": "O04: ask for display messages (NotifyDisplayMessages).",
    "GetInstalledCertificateIds": "M03: list the installed certificates.",
    "GetLocalListVersion": "D02: ask for the local authorization list version.",
    "GetLog": "N01: ask the station to upload a log file.",
    "GetMonitoringReport": "N02: ask for a monitoring report (NotifyMonitoringReport).",
    "GetReport": "B08: ask for a custom report (NotifyReport parts).",
    "GetTransactionStatus": "E14: ask for queued messages of a transaction.",
    "GetVariables": "B06: read variables (split per ItemsPerMessage/BytesPerMessage).",
    "InstallCertificate": "M05: install a CA certificate.",
    "PublishFirmware": "L03: ask a local controller to publish a firmware image.",
    "ReserveNow": "H01: reserve an EVSE (or the station) for an id token.",
    "Reset": "B11/B12: reset the station or an EVSE.",
    "SendLocalList": (
        "D01: send a local authorization list (split per ItemsPerMessage/BytesPerMessage: "
        "first part as given, the others Differential with the same version)."
    ),
    "SetDisplayMessage": "O01/O02: show a message on the station's display.",
    "SetMonitoringBase": "N03: set the monitoring base (All, FactoryDefault, HardWiredOnly).",
    "SetMonitoringLevel": "N05: set the severity level of events to report.",
    "SetNetworkProfile": "B09: set a network connection profile.",
    "SetVariableMonitoring": "N04: set monitors (split per ItemsPerMessage/BytesPerMessage).",
    "SetVariables": "B05: write variables (split per ItemsPerMessage/BytesPerMessage).",
    "TriggerMessage": "F06: ask the station to send a message now.",
    "UnlockConnector": "F05: unlock a connector.",
    "UnpublishFirmware": "L04: ask a local controller to stop publishing a firmware image.",
    "UpdateFirmware": "L01/L02: ask the station to install new firmware.",
}

HEADER = '''\
# GENERATED FILE: do not edit by hand.
# Produced by scripts/generate_commands.py from ocppkit.protocol.models.
# tests/unit/csms/test_commands_fresh.py fails when this file is stale.
"""Typed CSMS->CS commands: one async method per action, mixed into ``OCPPServer``.

Every method takes the station id, the request's fields (required ones positional or keyword,
optional ones keyword only; nested objects as models or wire dicts) and ``timeout`` (seconds per
CALL, default the server's ``call_timeout``), builds the request model and sends it through the
command pipeline (``CommandSender.send_command``: split per the station's limits, tracked,
learned from), and returns the action's response model. ``OCPPServer`` itself defines
``request_start_transaction``, ``request_stop_transaction`` and ``set_charging_profile``.

Every method raises:
    OCPPError: a field is invalid (nothing sent; the error names the wire field), the station
        answered a CALLERROR (the class of its code), or its answer was invalid.
    NotConnectedError: the station is not connected.
    StationRejectedError: the station was Rejected at boot (B03).
    CallTimeoutError: no answer in time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ocppkit.csms.commands import (
    CommandSender,
    VariableRef,
    VariableSetting,
    build,
    variable_data,
    variable_settings,
)
from ocppkit.protocol import models as m
from ocppkit.protocol.models import GetVariableDataType, SetVariableDataType


class Commands(CommandSender):
    """The typed CSMS->CS commands (generated)."""
'''


def snake(name: str) -> str:
    """``GetInstalledCertificateIds`` -> ``get_installed_certificate_ids``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def render(annotation: Any) -> str:
    """The parameter type for a model field type: enums also as str, objects also as dicts."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return render(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return " | ".join(render(a) for a in members)
    if origin is list:
        return f"Sequence[{render(typing.get_args(annotation)[0])}]"
    if annotation is Any:
        return "Any"
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return f"m.{annotation.__name__} | str"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"m.{annotation.__name__} | dict[str, Any]"
    if annotation in (int, float, bool, str):
        return annotation.__name__
    raise TypeError(f"no rendering for {annotation!r}")


def parameters(action: str, fields: dict[str, FieldInfo]) -> tuple[list[str], list[str]]:
    """(parameter lines, ``build`` keyword lines) of one method, required fields first."""
    # required fields first, then optional ones, customData last
    ordered = sorted(
        fields.items(),
        key=lambda item: (not item[1].is_required(), item[0] == "custom_data"),
    )
    params, args = ["        station_id: str,"], []
    keyword_only = False
    for name, info in ordered:
        if name in ("station_id", "timeout", "self"):
            raise RuntimeError(f"{action}.{name} clashes with a parameter")
        kind, converter = CONVERTERS.get((action, name), (render(info.annotation), None))
        if not info.is_required() and not keyword_only:
            params.append("        *,")
            keyword_only = True
        default = "" if info.is_required() else " = None"
        optional = "" if info.is_required() or kind.endswith("None") else " | None"
        params.append(f"        {name}: {kind}{optional}{default},")
        value = f"{converter}({name})" if converter else name
        args.append(f"            {name}={value},")
    if not keyword_only:
        params.append("        *,")
    params.append("        timeout: float | None = None,  # noqa: ASYNC109 (per-CALL deadline)")
    return params, args


def _docstring_summary(summary: str) -> list[str]:
    lines = textwrap.wrap(
        summary, width=100, initial_indent='        """', subsequent_indent="        "
    )
    return lines


def method(action: str) -> str:
    """The source of one command method."""
    request, response = ACTIONS[action]
    params, args = parameters(action, request.model_fields)
    lines = [
        "",
        f"    async def {snake(action)}(",
        "        self,",
        *params,
        f"    ) -> m.{response.__name__}:",
        *_docstring_summary(SUMMARIES[action]),
        "",
        "        Returns:",
        f"            the station's {response.__name__}.",
        '        """',
        "        request = build(",
        f"            m.{request.__name__},",
        *args,
        "        )",
        "        return await self.send_command(",  # one argument a line, as ruff formats it
        "            station_id,",
        f'            "{action}",',
        "            request,",
        f"            m.{response.__name__},",
        "            timeout,",
        "        )",
    ]
    return "\n".join(lines) + "\n"


def generate() -> str:
    """The whole module's text."""
    actions = sorted(CSMS_TO_CS - HAND_WRITTEN)
    missing = set(actions) - SUMMARIES.keys()
    if missing:
        raise RuntimeError(f"no summary for {sorted(missing)}")
    return HEADER + "".join(method(action) for action in actions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the module is stale")
    text = generate()
    if parser.parse_args().check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run python scripts/generate_commands.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(actions_in(text))} commands)")
    return 0


def actions_in(text: str) -> list[str]:
    """The command methods defined in a generated module's text."""
    return re.findall(r"^    async def (\w+)\(", text, flags=re.MULTILINE)


if __name__ == "__main__":
    sys.exit(main())
