"""C Authorization: Authorize, and the token check TransactionEvent shares.

The decision itself is ``ocppkit.csms.tokens.TokenStore.decide``; this block turns it into an
idTokenInfo and finds whether the token is already charging elsewhere (ConcurrentTx).
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, handles
from ocppkit.csms.blocks.tariff_cost import tariff_message
from ocppkit.csms.clock import format_time
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import Charger, ChargerRegistry, Transaction
from ocppkit.protocol.models import (
    AuthorizeRequest,
    AuthorizeResponse,
    IdTokenInfoType,
    IdTokenType,
)

log = logging.getLogger("ocppkit.csms")


def in_use_elsewhere(
    registry: ChargerRegistry, id_token: str, current: Transaction | None = None
) -> bool:
    """Whether an active transaction other than ``current`` runs on this token."""
    key = id_token.casefold()
    return any(
        tx is not current and tx.id_token is not None and tx.id_token.casefold() == key
        for charger in registry.chargers.values()
        for tx in charger.active.values()
    )


def id_token_info(
    ctx: CsmsContext, id_token: IdTokenType, current: Transaction | None = None
) -> IdTokenInfoType:
    """The idTokenInfo for a token (C01, E01/E03): status, and for a managed token its expiry
    (cacheExpiryDateTime, C10) and group (groupIdToken, C09)."""
    tokens = ctx.tokens
    elsewhere = (
        not tokens.allow_concurrent_tx
        and id_token.type != "NoAuthorization"
        and in_use_elsewhere(ctx.registry, id_token.id_token, current)
    )
    decision = tokens.decide(id_token.id_token, str(id_token.type), ctx.now(), elsewhere)
    entry = decision.entry
    expiry = group = None
    if entry is not None and entry.expiry is not None and decision.status == "Accepted":
        expiry = format_time(entry.expiry)
    if entry is not None and entry.group is not None:
        group = IdTokenType(id_token=entry.group, type="Central")
    return IdTokenInfoType(
        status=decision.status, cache_expiry_date_time=expiry, group_id_token=group
    )


class Authorization(Block):
    """Checks id tokens against the CSMS's tokens and policy (C01-C16)."""

    @handles("Authorize")
    async def on_authorize(self, charger: Charger, request: AuthorizeRequest) -> AuthorizeResponse:
        """C01: idTokenInfo with the token's status (and the tariff's text as personalMessage,
        I01). No certificate is checked here (C07/C08
        would need an OCSP responder), so certificateStatus is left out."""
        info = id_token_info(self.ctx, request.id_token)
        if info.status == "Accepted":  # I01: the driver sees the tariff before charging
            group = None if info.group_id_token is None else info.group_id_token.id_token
            info.personal_message = tariff_message(self.ctx, charger, group)
        log.info(
            "[%s] Authorize %s (%s): %s",
            charger.charger_id,
            request.id_token.id_token,
            request.id_token.type,
            info.status,
        )
        return AuthorizeResponse(id_token_info=info)
