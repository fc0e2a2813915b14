"""What every functional block is given: one context object (the shape of EVerest's
functional blocks), holding the registry, the clock, the token policy and the event hook.

Nothing here is module-global; an ``OCPPServer`` builds one context and hands it to its blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ocppkit.csms.clock import Clock, format_time
from ocppkit.csms.registry import ChargerRegistry
from ocppkit.csms.store import Store

log = logging.getLogger("ocppkit.csms")

Listener = Callable[[str, str, dict[str, Any]], None]
"""``listener(kind, charger_id, data)``; see ``EventHub``."""


class EventHub:
    """Fans CSMS events out to listeners.

    Kinds: ``connected``, ``disconnected``, ``booted``, ``status``, ``transaction``,
    ``meter_values``. Listeners run synchronously on the event loop and must not block; one that
    wants to do async work should put the event on an ``asyncio.Queue``. A listener that raises
    is logged and does not disturb the CSMS or the other listeners.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def add(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, kind: str, charger_id: str, data: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            try:
                listener(kind, charger_id, data)
            except Exception:
                log.exception("event listener %r failed on %s for %s", listener, kind, charger_id)


class TokenPolicy:
    """Which id tokens the CSMS accepts.

    Args:
        authorized: None accepts every token; otherwise only these (compared case-insensitively,
            as IdToken is a case-insensitive identifier), others are Invalid.

    Tokens the CSMS itself put in a RequestStartTransaction (``issue``) are accepted too, so a
    remote start is not refused by its own CSMS when the station authorizes it (F01/F02).
    """

    def __init__(self, authorized: Iterable[str] | None = None) -> None:
        self._authorized = None if authorized is None else {t.casefold() for t in authorized}
        self._issued: set[str] = set()

    @property
    def accepts_all(self) -> bool:
        return self._authorized is None

    def issue(self, token: str) -> None:
        """Remember a token the CSMS sent in a remote start."""
        self._issued.add(token.casefold())

    def extend(self, tokens: Iterable[str]) -> None:
        """Accept these tokens too (e.g. the stored Accepted ones); no-op when all are accepted."""
        if self._authorized is not None:
            self._authorized.update(t.casefold() for t in tokens)

    def is_accepted(self, token: str, token_type: str) -> bool:
        """Whether ``token`` of ``token_type`` (an IdTokenEnumType value) is accepted."""
        if self._authorized is None or token_type == "NoAuthorization":
            return True
        key = token.casefold()
        return key in self._authorized or key in self._issued


@dataclass(slots=True)
class CsmsContext:
    """The shared state every block works on; ``store`` persists changes (see ``Store``)."""

    registry: ChargerRegistry
    clock: Clock
    tokens: TokenPolicy
    events: EventHub
    heartbeat_interval: int
    store: Store = field(default_factory=Store)

    def now(self) -> datetime:
        return self.clock()

    def now_text(self) -> str:
        """The current time as OCPP wire text (UTC, ``Z``)."""
        return format_time(self.clock())
