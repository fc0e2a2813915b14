"""Read-only queries for the REST API: a transaction's events and meter values.

Each function takes the ``Database`` (run it on the storage worker: ``worker.run(partial(...))``)
and opens its own session; nothing here writes.
"""

from __future__ import annotations

from ocppkit.storage.database import Database
from ocppkit.storage.records import MeterValueRecord, TransactionEventRecord
from ocppkit.storage.repositories import MeterValueRepository, TransactionRepository

MAX_METER_VALUES = 5_000
"""At most this many sampled values are read for one transaction (the most recent ones)."""


async def transaction_history(
    db: Database, transaction_ref: str
) -> tuple[list[TransactionEventRecord], list[MeterValueRecord]]:
    """The events (by seqNo) and sampled values (by time) stored for one transaction.

    Args:
        transaction_ref: the CSMS's key of the transaction (``Transaction.record_id``).
    """
    async with db.session() as session:
        events = await TransactionRepository(session).events(transaction_ref)
        values = await MeterValueRepository(session).for_transaction(transaction_ref)
    return events, values[-MAX_METER_VALUES:]


__all__ = ["MAX_METER_VALUES", "transaction_history"]
