"""The persistence hooks the functional blocks call, and ``Store``: the in-memory CSMS's, which
keep nothing (each hook returns at once). ``ocppkit.csms.persistence.DatabaseStore`` keeps the
registry in a database.

Awaited hooks return once the change is durable, so a block answers a CALL only after what the
CALL changed is stored. Hooks that are not awaited (link changes, last seen) are stored with the
next commit; losing the latest of those in a crash costs nothing a station does not resend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ocppkit.csms.registry import Charger, ChargerRegistry, ConnectorStatus, Transaction
from ocppkit.protocol.models import MeterValueType, TransactionEventRequest

if TYPE_CHECKING:
    from ocppkit.csms.device_models import DeviceModel
    from ocppkit.csms.tokens import TokenEntry, TokenStore
    from ocppkit.storage.records import (
        CommandRecord,
        StationMessageRecord,
        StationObjectRecord,
        TrackingState,
    )


@dataclass(slots=True)
class TrackingChange:
    """What one command step or one notification changed (see ``ocppkit.csms.tracking``):
    commands to store (insert or update, by id), messages to append, objects to store, and the
    (station id, kind, key) of objects removed."""

    commands: list[CommandRecord] = field(default_factory=list)
    messages: list[StationMessageRecord] = field(default_factory=list)
    objects: list[StationObjectRecord] = field(default_factory=list)
    removed: list[tuple[str, str, str]] = field(default_factory=list)


class Store:
    """No persistence: the registry lives and dies with the process."""

    async def open(self, registry: ChargerRegistry, tokens: TokenStore) -> None:
        """Load what was stored into ``registry`` and ``tokens``; start writing."""

    async def close(self) -> None:
        """Store everything still queued, then release the database."""

    def station_seen(self, charger: Charger) -> None:
        """A frame came in from the station (``charger.last_seen`` moved). Not awaited."""

    def station_link_changed(self, charger: Charger) -> None:
        """The station connected or disconnected. Not awaited."""

    async def station_updated(self, charger: Charger) -> None:
        """The station's boot record or firmware status changed."""

    async def status_changed(
        self, charger: Charger, evse_id: int, connector_id: int, status: ConnectorStatus
    ) -> None:
        """A connector's new status (G01), appended to its history."""

    async def transaction_event(
        self, charger: Charger, tx: Transaction, request: TransactionEventRequest
    ) -> None:
        """A TransactionEvent was applied to ``tx``: the event, its meter values, the new state."""

    async def transaction_changed(self, charger: Charger, tx: Transaction) -> None:
        """``tx`` changed outside a TransactionEvent (an OCPP 1.6 Start/StopTransaction or
        MeterValues): its new state, in the same transactions table."""

    async def meter_values(
        self,
        charger: Charger,
        evse_id: int,
        meter_values: Sequence[MeterValueType],
        transactions: Sequence[Transaction],
    ) -> None:
        """MeterValues of an EVSE (J01), and the ``transactions`` whose energy they moved."""

    async def id_token_saved(self, entry: TokenEntry) -> None:
        """A managed id token was added or changed (C01)."""

    async def id_token_removed(self, entry: TokenEntry) -> None:
        """A managed id token was removed."""

    async def device_model_reported(self, charger: Charger, model: DeviceModel) -> None:
        """A station's report completed (B07/B08): its new device model."""

    # --- tracking: commands, station messages, station objects ---

    def tracking_state(self) -> TrackingState | None:
        """What ``open`` read back for the tracker; None when nothing is stored."""
        return None

    async def tracking_changed(self, change: TrackingChange) -> None:
        """Commands sent or answered, notifications received, station objects changed."""

    async def stored_commands(
        self, station_id: str, action: str | None, limit: int, before_id: int | None
    ) -> list[CommandRecord] | None:
        """A station's stored commands, newest first; None when nothing is stored (the tracker
        then answers from memory)."""
        return None

    async def stored_messages(
        self, station_id: str, action: str | None, limit: int, before_id: int | None
    ) -> list[StationMessageRecord] | None:
        """A station's stored notifications, newest first; None when nothing is stored."""
        return None


__all__ = ["Store", "TrackingChange"]
