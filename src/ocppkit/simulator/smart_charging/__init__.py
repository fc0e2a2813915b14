"""Smart charging of the simulated station (block K), pure: the profiles it holds
(``store``), when each is in force (``schedule``), what they allow together (``composite``,
K08) and whether a new one may be set (``validation``, K01)."""

from ocppkit.simulator.smart_charging.composite import (
    Electrical,
    EvseComposite,
    InstalledProfile,
    TransactionContext,
)
from ocppkit.simulator.smart_charging.schedule import parse_time, timeline
from ocppkit.simulator.smart_charging.store import ProfileStore
from ocppkit.simulator.smart_charging.validation import rejection

__all__ = [
    "Electrical",
    "EvseComposite",
    "InstalledProfile",
    "ProfileStore",
    "TransactionContext",
    "parse_time",
    "rejection",
    "timeline",
]
