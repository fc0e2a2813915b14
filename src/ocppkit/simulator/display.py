"""What the station's display shows (block O) and the running costs it was sent (block I), pure.

Messages are kept by id (O01: a message with an id already held replaces it) and selected by id,
priority and state for GetDisplayMessages (O02); ClearDisplayMessage removes one (O04). CostUpdated
(I02) notes the running total per transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ocppkit.protocol.models import (
    DisplayMessageStatusEnumType,
    MessageInfoType,
    MessagePriorityEnumType,
    MessageStateEnumType,
)


@dataclass(slots=True)
class Display:
    """The display messages and the costs of transactions."""

    messages: dict[int, MessageInfoType] = field(default_factory=dict)
    costs: dict[str, float] = field(default_factory=dict)  # transaction id -> total cost

    def set(self, message: MessageInfoType, transactions: set[str]) -> DisplayMessageStatusEnumType:
        """O01/O03: keep ``message``; UnknownTransaction when it is tied to a transaction that
        does not run here (``transactions``)."""
        if message.transaction_id is not None and message.transaction_id not in transactions:
            return DisplayMessageStatusEnumType.UnknownTransaction
        self.messages[message.id] = message
        return DisplayMessageStatusEnumType.Accepted

    def select(
        self,
        ids: list[int] | None,
        priority: MessagePriorityEnumType | None,
        state: MessageStateEnumType | None,
    ) -> list[MessageInfoType]:
        """O02: the messages matching every criterion given."""
        return [
            m
            for m in self.messages.values()
            if (ids is None or m.id in ids)
            and (priority is None or m.priority == priority)
            and (state is None or m.state == state)
        ]

    def clear(self, message_id: int) -> bool:
        """O04: remove message ``message_id``; whether it was there."""
        return self.messages.pop(message_id, None) is not None

    def transaction_ended(self, transaction_id: str) -> None:
        """Messages tied to a transaction go with it (O03)."""
        for message_id in [
            m.id for m in self.messages.values() if m.transaction_id == transaction_id
        ]:
            del self.messages[message_id]
