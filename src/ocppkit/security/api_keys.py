"""REST API keys with roles: ``read-only`` < ``operator`` < ``admin``.

A key is ``ocpk_<43 random URL-safe characters>`` (256 bits); only its SHA-256 is stored. A slow
KDF protects guessable passwords; a random 256-bit key cannot be guessed, and a plain hash lets
the API find a key by one indexed lookup per request. The key is shown once, when created.

``ApiKeyStore`` keeps the keys in memory, or in the ``api_keys`` table when given a database
runner: each lookup then reads the table, so a key created or revoked from the command line
(``ocppkit api-keys``) against the server's database counts at once on a running server.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from ocppkit.storage.database import Database
from ocppkit.storage.records import ApiKeyRecord
from ocppkit.storage.security import ApiKeyRepository

Runner = Callable[[Callable[[Database], Awaitable[Any]]], Awaitable[Any]]
ROLES = ("read-only", "operator", "admin")
KEY_PREFIX = "ocpk_"


def role_rank(role: str) -> int:
    """0 read-only, 1 operator, 2 admin (-1 for an unknown role: it allows nothing)."""
    return ROLES.index(role) if role in ROLES else -1


def key_hash(key: str) -> str:
    """The stored form of a key: its SHA-256, hex."""
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


def new_key() -> tuple[str, str]:
    """A fresh ``(key id, key)``; the id names the key in lists, the key is the secret."""
    return secrets.token_hex(4), KEY_PREFIX + secrets.token_urlsafe(32)


def public_view(record: ApiKeyRecord) -> dict[str, Any]:
    """A key as listed: never its hash."""
    return {
        "id": record.id,
        "role": record.role,
        "name": record.name,
        "created_at": record.created_at.isoformat(),
        "revoked_at": None if record.revoked_at is None else record.revoked_at.isoformat(),
    }


async def _add(db: Database, record: ApiKeyRecord) -> None:
    async with db.session() as session:
        await ApiKeyRepository(session).add(record)
        await session.commit()


async def _by_hash(db: Database, digest: str) -> ApiKeyRecord | None:
    async with db.session() as session:
        return await ApiKeyRepository(session).by_hash(digest)


async def _all(db: Database) -> list[ApiKeyRecord]:
    async with db.session() as session:
        return await ApiKeyRepository(session).all()


async def _revoke(db: Database, key_id: str, at: datetime) -> bool:
    async with db.session() as session:
        done = await ApiKeyRepository(session).revoke(key_id, at)
        await session.commit()
        return done


class ApiKeyStore:
    """API keys in memory, or in the database through ``run`` (see ``bind``)."""

    def __init__(self, run: Runner | None = None) -> None:
        self._run = run
        self._keys: dict[str, ApiKeyRecord] = {}  # by hash, in memory only

    def bind(self, run: Runner | None) -> None:
        """Keep the keys in the database ``run`` reaches (keys made before are written)."""
        self._run = run

    @property
    def persistent(self) -> bool:
        return self._run is not None

    async def create(self, role: str, name: str | None = None) -> tuple[ApiKeyRecord, str]:
        """A new key with ``role``; returns its record and the key (shown once).

        Raises:
            ValueError: an unknown role.
        """
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; choose {', '.join(ROLES)}")
        key_id, key = new_key()
        record = ApiKeyRecord(key_id, key_hash(key), role, name, datetime.now(UTC))
        if self._run is not None:
            await self._run(lambda db: _add(db, record))
        else:
            self._keys[record.key_hash] = record
        return record, key

    async def lookup(self, key: str) -> ApiKeyRecord | None:
        """The active key's record, None if unknown or revoked."""
        digest = key_hash(key)
        if self._run is not None:
            record: ApiKeyRecord | None = await self._run(lambda db: _by_hash(db, digest))
        else:
            record = self._keys.get(digest)
        return None if record is None or record.revoked_at is not None else record

    async def all(self) -> list[ApiKeyRecord]:
        """Every key, revoked ones too, oldest first."""
        if self._run is not None:
            records: list[ApiKeyRecord] = await self._run(_all)
            return records
        return sorted(self._keys.values(), key=lambda r: (r.created_at, r.id))

    async def active_count(self) -> int:
        return sum(1 for r in await self.all() if r.revoked_at is None)

    async def revoke(self, key_id: str) -> bool:
        """Revoke the key with this id; False if there is no such active key."""
        now = datetime.now(UTC)
        if self._run is not None:
            done: bool = await self._run(lambda db: _revoke(db, key_id, now))
            return done
        for record in self._keys.values():
            if record.id == key_id and record.revoked_at is None:
                record.revoked_at = now
                return True
        return False


__all__ = [
    "KEY_PREFIX",
    "ROLES",
    "ApiKeyStore",
    "key_hash",
    "new_key",
    "public_view",
    "role_rank",
]
