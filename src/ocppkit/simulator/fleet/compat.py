"""What this version of ``ChargerSimulator`` supports, found out by signature, not by version.

The simulator grows while fleets use it: station kinds (``station_type``), EV models, and an
EV that plugs in before a token is presented (``plug_in``/``present_token``/``unplug``). The fleet
uses each when it is there and falls back to the transaction calls (``start_transaction`` /
``stop_transaction``) otherwise; a scenario that needs what is missing is refused up front with
a ``ScenarioError`` that says what is missing.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Awaitable, Callable
from typing import Any

from ocppkit.protocol.models import IdTokenEnumType, IdTokenType
from ocppkit.simulator.fleet.scenario import EvModel, Scenario, ScenarioError, StationType
from ocppkit.simulator.station import ChargerSimulator


def _parameters(function: Callable[..., Any] | None) -> frozenset[str]:
    if function is None:
        return frozenset()
    try:
        return frozenset(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return frozenset()


def constructor_accepts(name: str) -> bool:
    """Whether ``ChargerSimulator(...)`` takes the keyword argument ``name``."""
    return name in _parameters(ChargerSimulator.__init__)


def method(obj: object, name: str, *arguments: str) -> Callable[..., Awaitable[Any]] | None:
    """``obj.<name>`` if it exists and takes every keyword in ``arguments``, else None."""
    function = getattr(obj, name, None)
    if function is None or not callable(function):
        return None
    if not set(arguments) <= _parameters(function):
        return None
    return typing.cast(Callable[..., Awaitable[Any]], function)


async def present_token(sim: ChargerSimulator, id_token: str, evse_id: int) -> bool:
    """Call the simulator's own ``present_token`` whatever its parameters are named and
    whether it takes a string or an ``IdTokenType``; False when it has none."""
    function = getattr(sim, "present_token", None)
    if function is None:
        return False
    parameters = inspect.signature(function).parameters
    token_name = next((n for n in parameters if "token" in n), None)
    if token_name is None or "evse_id" not in parameters:
        return False
    token: Any = id_token
    if "IdTokenType" in str(parameters[token_name].annotation):
        token = IdTokenType(id_token=id_token, type=IdTokenEnumType.ISO14443)
    await function(**{token_name: token, "evse_id": evse_id})
    return True


def ev_type() -> type | None:
    """The simulator's EV model class, when ``ChargerSimulator.plug_in`` takes an ``ev``."""
    plug_in = getattr(ChargerSimulator, "plug_in", None)
    if "ev" not in _parameters(plug_in):
        return None
    try:
        hint = typing.get_type_hints(plug_in).get("ev")
    except Exception:  # unresolvable annotations: no usable EV type
        return None
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and candidate is not type(None):
            return candidate
    return None


def build_ev(model: EvModel) -> Any:
    """The simulator's EV object for ``model``.

    Raises:
        ScenarioError: the simulator does not model EVs, or its EV type takes other fields.
    """
    cls = ev_type()
    if cls is None:
        raise ScenarioError(
            "ev_models: this simulator does not model EVs (ChargerSimulator.plug_in(ev=...) "
            "is missing); remove ev_models from the scenario"
        )
    fields = model.model_dump(exclude={"name", "share"})
    try:
        return cls(**fields)
    except TypeError as exc:
        raise ScenarioError(f"ev_models.{model.name}: the simulator's {cls.__name__} "
                            f"does not take {sorted(fields)}: {exc}") from None


def check_scenario(scenario: Scenario) -> None:
    """Refuse a scenario that needs what this simulator lacks.

    Raises:
        ScenarioError: naming the key and what is missing.
    """
    if any(t.station_type is not None for t in scenario.station_types) and not (
        constructor_accepts("station_type")
    ):
        raise ScenarioError(
            "station_types.station_type: this simulator has no station kinds "
            "(ChargerSimulator(station_type=...) is missing); describe the station with "
            "num_connectors, phases, voltage and max_current instead"
        )
    for model in scenario.ev_models:
        build_ev(model)


def station_arguments(kind: StationType) -> dict[str, Any]:
    """Keyword arguments for ``ChargerSimulator`` describing a station of ``kind``."""
    arguments: dict[str, Any] = {
        "charger_model": kind.model,
        "charger_vendor": kind.vendor,
        "num_connectors": kind.num_connectors,
        "phases": kind.phases,
        "voltage": kind.voltage,
        "max_current": kind.max_current,
    }
    if kind.station_type is not None:
        arguments["station_type"] = kind.station_type
    return arguments
