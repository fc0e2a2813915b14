"""The charging station identity: what it may hold and how it travels in the websocket URL.

OCPP 2.0.1 part 4 (JSON over WebSockets), section 3: a station connects to
``<CSMS url>/<identity>``; the identity is 1 to 48 characters of letters, digits and
``*-_=:+|@.`` (the identity is also the HTTP Basic auth username, and ``SecurityCtrlr.Identity``
is a string of at most 48). It is the last path segment of the URL, percent-encoded there, so
a ``/`` or ``%`` in a (bad) identity cannot turn into another identity on the way.

One rule for both sides: the simulator checks an identity before it connects, the CSMS's
handshake before it accepts one.
"""

from __future__ import annotations

import re
from urllib.parse import quote

MAX_IDENTITY_LENGTH = 48
IDENTITY_SYMBOLS = "*-_=:+|@."
IDENTITY_CHARACTERS = rf"[A-Za-z0-9{re.escape(IDENTITY_SYMBOLS)}]"  # one character, as a regex
_IDENTITY = re.compile(rf"{IDENTITY_CHARACTERS}{{1,{MAX_IDENTITY_LENGTH}}}")
IDENTITY_RULE = f"1 to {MAX_IDENTITY_LENGTH} characters of letters, digits and {IDENTITY_SYMBOLS}"
# left as they are in a URL path segment (RFC 3986 pchar); "|" and everything else is escaped
_PATH_SAFE = "*-_=:+@."


def is_valid_identity(identity: str) -> bool:
    """Whether ``identity`` is 1 to 48 characters of letters, digits and ``*-_=:+|@.``."""
    return _IDENTITY.fullmatch(identity) is not None


def identity_problem(identity: str) -> str | None:
    """Why ``identity`` cannot be a station identity (one sentence), or None when it can."""
    if is_valid_identity(identity):
        return None
    if not identity:
        return f"the station id is empty; it must be {IDENTITY_RULE}"
    if len(identity) > MAX_IDENTITY_LENGTH:
        return (
            f"the station id {identity!r} is {len(identity)} characters long; "
            f"it must be {IDENTITY_RULE}"
        )
    bad = sorted({c for c in identity if _IDENTITY.fullmatch(c) is None})
    shown = ", ".join(repr(c) for c in bad)
    return f"the station id {identity!r} holds {shown}; it must be {IDENTITY_RULE}"


def identity_path_segment(identity: str) -> str:
    """``identity`` percent-encoded as one URL path segment (``x/y`` -> ``x%2Fy``,
    ``a%41`` -> ``a%2541``); a valid identity keeps all its characters but ``|``."""
    return quote(identity, safe=_PATH_SAFE)


def station_url(server_url: str, identity: str) -> str:
    """The websocket URL a station with ``identity`` connects to at ``server_url``."""
    return f"{server_url.rstrip('/')}/{identity_path_segment(identity)}"


__all__ = [
    "IDENTITY_CHARACTERS",
    "IDENTITY_RULE",
    "MAX_IDENTITY_LENGTH",
    "identity_path_segment",
    "identity_problem",
    "is_valid_identity",
    "station_url",
]
