"""The CSMS's functional blocks, one module and one class each (OCPP 2.0.1 part 2 letters in
brackets), in the shape of EVerest libocpp's ``functional_blocks``: every block is built from the
one ``CsmsContext`` and owns its CS->CSMS handlers and the state rules it needs, on typed models.

A block declares, with decorators on its methods:

- ``@handles(action, notice=Notice(...), gated=True)``: the handler of a CS->CSMS action,
  ``async handler(charger, request) -> response``. With a ``notice`` the tracker records the
  notification (and moves the progress of the command it reports on) before the handler runs.
  ``gated`` actions are refused before the station's boot is Accepted (B02.FR.09, B03.FR.08).
- ``@changes(action)``: ``rule(objects, request)``, how that recorded notification changes the
  station's objects (``ocppkit.csms.tracking.StationObjects``).
- ``@on_sent(action)`` / ``@on_answer(action)``: ``rule(objects, request)`` and
  ``rule(objects, request, response)`` for a CSMS->CS command the block owns; either may give
  ``request_id=`` (how the id its notifications refer to is read from the request).

``ocppkit.csms.router`` joins the blocks into the routing table and hands the command rules to the
tracker; both fail at start-up on a missing or doubled action.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger
from ocppkit.csms.tracking import CommandRule, Notice, StationObjects
from ocppkit.protocol.models import CS_TO_CSMS, CSMS_TO_CS, OcppModel
from ocppkit.protocol.versions import OcppVersion, profile

F = TypeVar("F", bound=Callable[..., Any])

Handler = Callable[[Charger, Any], Awaitable[OcppModel]]
"""``await handler(charger, request)``: the typed handler of one action."""


@dataclass(frozen=True, slots=True)
class Route:
    """One CS->CSMS action as the router dispatches it."""

    handler: Handler
    notice: Notice | None = None
    gated: bool = True


@dataclass(slots=True)
class _Handles:
    method: str
    notice: Notice | None
    gated: bool
    change: str | None = None  # the method that is the notice's object rule


@dataclass(slots=True)
class _Commands:
    request_id: Callable[[Any], Any] | None = None
    on_sent: str | None = None
    on_answer: str | None = None


_MARK = "__ocpp_block__"


def _mark(function: Any, kind: str, action: str, **spec: Any) -> None:
    marks = function.__dict__.setdefault(_MARK, [])
    marks.append((kind, action, spec))


def handles(
    action: str,
    *,
    notice: Notice | None = None,
    gated: bool = True,
    version: OcppVersion = OcppVersion.V201,
) -> Callable[[F], F]:
    """Mark a block method as the handler of the CS->CSMS ``action`` of ``version``."""
    sent = CS_TO_CSMS if version is OcppVersion.V201 else profile(version).cs_to_csms
    if action not in sent:
        raise ValueError(f"{action} is not an action stations send in {version.value}")

    def mark(function: F) -> F:
        _mark(function, "handles", action, notice=notice, gated=gated)
        return function

    return mark


def changes(action: str) -> Callable[[F], F]:
    """Mark a block method as the object rule of the recorded notification ``action``."""

    def mark(function: F) -> F:
        _mark(function, "changes", action)
        return function

    return mark


def _command_mark(
    kind: str, action: str, request_id: Callable[[Any], Any] | None
) -> Callable[[F], F]:
    if action not in CSMS_TO_CS:
        raise ValueError(f"{action} is not an action the CSMS sends")

    def mark(function: F) -> F:
        _mark(function, kind, action, request_id=request_id)
        return function

    return mark


def on_sent(action: str, *, request_id: Callable[[Any], Any] | None = None) -> Callable[[F], F]:
    """Mark a block method as the rule run when the command ``action`` is sent."""
    return _command_mark("on_sent", action, request_id)


def on_answer(action: str, *, request_id: Callable[[Any], Any] | None = None) -> Callable[[F], F]:
    """Mark a block method as the rule run on the station's answer to the command ``action``."""
    return _command_mark("on_answer", action, request_id)


class Block:
    """Base of the functional blocks: the decorated methods, collected per class.

    Raises:
        TypeError: at class creation, an action handled twice, an object rule without a recorded
            notification, or a command rule given twice.
    """

    handled: ClassVar[dict[str, _Handles]] = {}
    commanded: ClassVar[dict[str, _Commands]] = {}
    object_kinds: ClassVar[tuple[str, ...]] = ()
    """The kinds of station objects the block's rules keep."""

    def __init__(self, ctx: CsmsContext) -> None:
        self.ctx = ctx

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        handled: dict[str, _Handles] = {}
        commanded: dict[str, _Commands] = {}
        changed: dict[str, str] = {}
        for name, member in vars(cls).items():
            for kind, action, spec in getattr(member, _MARK, ()):
                if kind == "handles":
                    if action in handled:
                        raise TypeError(f"{cls.__name__} handles {action} twice")
                    handled[action] = _Handles(name, spec["notice"], spec["gated"])
                elif kind == "changes":
                    if action in changed:
                        raise TypeError(f"{cls.__name__} changes objects on {action} twice")
                    changed[action] = name
                else:
                    rules = commanded.setdefault(action, _Commands())
                    if getattr(rules, kind) is not None or (
                        spec["request_id"] is not None and rules.request_id is not None
                    ):
                        raise TypeError(f"{cls.__name__}: {kind} of {action} given twice")
                    setattr(rules, kind, name)
                    rules.request_id = rules.request_id or spec["request_id"]
        for action, name in changed.items():
            found = handled.get(action)
            if found is None or found.notice is None:
                raise TypeError(f"{cls.__name__}.{name}: {action} is not a recorded notification")
            found.change = name
        cls.handled, cls.commanded = handled, commanded

    @classmethod
    def recorded(cls) -> frozenset[str]:
        """The CS->CSMS actions the block's notices record."""
        return frozenset(a for a, h in cls.handled.items() if h.notice is not None)

    def routes(self) -> dict[str, Route]:
        """The block's CS->CSMS actions, each with its bound handler and notice."""
        routes = {}
        for action, spec in self.handled.items():
            notice = spec.notice
            if notice is not None and spec.change is not None:
                notice = dataclasses.replace(notice, change=getattr(self, spec.change))
            routes[action] = Route(getattr(self, spec.method), notice, spec.gated)
        return routes

    def command_rules(self) -> dict[str, CommandRule]:
        """The block's CSMS->CS command rules, bound."""
        return {
            action: CommandRule(
                spec.request_id,
                None if spec.on_sent is None else getattr(self, spec.on_sent),
                None if spec.on_answer is None else getattr(self, spec.on_answer),
            )
            for action, spec in self.commanded.items()
        }


__all__ = [
    "Block",
    "Handler",
    "Notice",
    "Route",
    "StationObjects",
    "changes",
    "handles",
    "on_answer",
    "on_sent",
]
