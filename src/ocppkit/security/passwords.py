"""Station passwords (security profiles 1 and 2): scrypt hashes, verified off the event loop.

A stored hash reads ``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>``; the cost parameters travel
with it, so they can be raised later without breaking stored passwords. Verifying costs ~50 ms of
CPU and 16 MiB, so ``PasswordVerifier`` runs it in a thread, at most ``concurrency`` at a time
(a flood of wrong passwords cannot take every core), and remembers the credentials it verified
(as a keyed digest with a per-process key, in memory only) so a station's reconnects are cheap.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import secrets

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_SALT_BYTES, _HASH_BYTES = 16, 32
MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH = 16, 40  # SecurityCtrlr.BasicAuthPassword (A00)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=_HASH_BYTES
    )


def hash_password(password: str) -> str:
    """The storable scrypt hash of ``password`` (a fresh random salt each time)."""
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the stored hash (constant-time compare); False for a hash
    this module cannot read."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def check_password_rules(password: str) -> str | None:
    """Why ``password`` cannot be a station's Basic auth password, or None.

    OCPP 2.0.1 A00 (SecurityCtrlr.BasicAuthPassword): 16 to 40 characters; the Basic auth header
    splits at the first ``:`` of ``id:password``, so a colon is allowed, control characters not.
    """
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        return (
            f"a station password has {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters, "
            f"not {len(password)}"
        )
    if not password.isprintable() or not password.isascii():
        return "a station password is printable ASCII"
    return None


class PasswordVerifier:
    """Verifies passwords in worker threads, ``concurrency`` at a time, remembering successes.

    The memory holds HMAC(process key, hash + password) of each verified pair: it is never
    written anywhere, and a changed stored hash (a new password) does not match it.
    """

    def __init__(self, concurrency: int = 2, remembered: int = 10_000) -> None:
        self._gate = asyncio.Semaphore(concurrency)
        self._key = secrets.token_bytes(32)
        self._verified: dict[bytes, None] = {}
        self._remembered = remembered

    def _token(self, password: str, stored: str) -> bytes:
        message = stored.encode() + b"\0" + password.encode("utf-8", "replace")
        return hmac.new(self._key, message, hashlib.sha256).digest()

    async def verify(self, password: str, stored: str) -> bool:
        """Whether ``password`` matches ``stored``; the scrypt work runs off the event loop."""
        token = self._token(password, stored)
        if token in self._verified:
            return True
        async with self._gate:
            ok = await asyncio.to_thread(verify_password, password, stored)
        if ok:
            if len(self._verified) >= self._remembered:
                self._verified.pop(next(iter(self._verified)))
            self._verified[token] = None
        return ok


__all__ = [
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "PasswordVerifier",
    "check_password_rules",
    "hash_password",
    "verify_password",
]
