"""Lenient validation per station, mixed into ``OCPPServer``: real chargers break the schema
(see ``ocppkit.protocol.lenient``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ocppkit.csms.registry import Charger, ChargerRegistry
from ocppkit.csms.views import StationView


class LenientMethods:
    """Which stations are validated leniently, and the violations accepted from each."""

    chargers: ChargerRegistry
    _lenient: set[str]
    _lenient_violations: dict[str, int]

    def set_lenient(self, station_id: str, lenient: bool = True) -> None:
        """Validate this station's payloads leniently (or strictly again), from now on and on
        its open link: an unknown enum value, an over-long string, an unknown property, a number
        sent as a string, a null or an incomplete optional object are accepted, each logged at
        WARNING with the field and the rule and counted (``lenient_violations`` in
        ``get_charger_status``). Missing required fields and values that cannot be repaired
        still get their CALLERROR."""
        if lenient:
            self._lenient.add(station_id)
        else:
            self._lenient.discard(station_id)
        charger = self.chargers.get(station_id)
        if charger is not None and charger.connection is not None:
            charger.connection.lenient = lenient

    def is_lenient(self, station_id: str) -> bool:
        """Whether the station's payloads are validated leniently."""
        return station_id in self._lenient

    def _violation_counter(self, station_id: str) -> Callable[[str, tuple[Any, ...]], None]:
        counts = self._lenient_violations

        def count(action: str, violations: tuple[Any, ...]) -> None:
            counts[station_id] = counts.get(station_id, 0) + len(violations)

        return count

    def _status(self, charger: Charger) -> StationView:
        station_id = charger.charger_id
        return charger.to_dict(
            station_id in self._lenient, self._lenient_violations.get(station_id, 0)
        )


__all__ = ["LenientMethods"]
