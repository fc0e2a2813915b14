"""Errors the storage layer raises, translated from SQLAlchemy and the database drivers.

OCPPKitError (ocppkit.protocol)
└── StorageError                  anything the database layer could not do
    ├── DatabaseUrlError          the database URL is malformed or names no async driver
    └── DatabaseUnavailableError  the database could not be reached or opened
"""

from __future__ import annotations

from ocppkit.protocol.errors import OCPPKitError


class StorageError(OCPPKitError):
    """The database could not do what was asked."""


class DatabaseUrlError(StorageError):
    """The database URL cannot be used (syntax, unknown dialect, or a driver that is not async)."""


class DatabaseUnavailableError(StorageError):
    """The database named by a valid URL could not be reached, opened or migrated."""


__all__ = ["DatabaseUnavailableError", "DatabaseUrlError", "StorageError"]
