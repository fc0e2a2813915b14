"""Station passwords kept out of the CSMS's frame observers (the message log, frame logs).

A01 sends a station its new password in SetVariables (SecurityCtrlr.BasicAuthPassword); the
frame must carry it, but what the CSMS shows of its frames (``GET /chargers/{id}/messages``, the
event stream, frame observers) must not. ``redact`` replaces that attributeValue with
``REDACTED``; the check before it (``needs_redaction``) is one substring search, done on frames
the CSMS sends only.
"""

from __future__ import annotations

from typing import Any

import orjson

VARIABLE = "BasicAuthPassword"
REDACTED = "***"


def needs_redaction(text: str) -> bool:
    return VARIABLE in text


def redact(text: str) -> str:
    """``text`` with every BasicAuthPassword attributeValue of a SetVariables CALL replaced;
    ``text`` itself when there is none (or it is not such a frame)."""
    try:
        frame: Any = orjson.loads(text)
    except orjson.JSONDecodeError:
        return text
    if not (isinstance(frame, list) and len(frame) == 4 and frame[:1] == [2]):
        return text
    payload = frame[3]
    items = payload.get("setVariableData") if isinstance(payload, dict) else None
    changed = False
    for item in items if isinstance(items, list) else ():
        variable = item.get("variable") if isinstance(item, dict) else None
        if isinstance(variable, dict) and variable.get("name") == VARIABLE:
            item["attributeValue"] = REDACTED
            changed = True
    return orjson.dumps(frame).decode() if changed else text


__all__ = ["REDACTED", "needs_redaction", "redact"]
