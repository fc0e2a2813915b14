"""C Authorization: Authorize, and the token check TransactionEvent shares."""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Route
from ocppkit.csms.context import CsmsContext, TokenPolicy
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import (
    AuthorizeRequest,
    AuthorizeResponse,
    IdTokenInfoType,
    IdTokenType,
)

log = logging.getLogger("ocppkit.csms")


def id_token_info(tokens: TokenPolicy, id_token: IdTokenType) -> IdTokenInfoType:
    """The idTokenInfo for a token: Accepted when the policy accepts it, else Invalid."""
    accepted = tokens.is_accepted(id_token.id_token, str(id_token.type))
    return IdTokenInfoType(status="Accepted" if accepted else "Invalid")


class Authorization:
    """Checks id tokens against the configured token policy (C01)."""

    def __init__(self, ctx: CsmsContext) -> None:
        self.ctx = ctx

    def routes(self) -> dict[str, Route]:
        return {"Authorize": self.on_authorize}

    async def on_authorize(self, charger: Charger, request: AuthorizeRequest) -> AuthorizeResponse:
        """C01: idTokenInfo.status Accepted or Invalid. No certificate is checked here (C07/C08
        would need an OCSP responder), so certificateStatus is left out."""
        info = id_token_info(self.ctx.tokens, request.id_token)
        log.info(
            "[%s] Authorize %s (%s): %s",
            charger.charger_id, request.id_token.id_token, request.id_token.type, info.status,
        )
        return AuthorizeResponse(id_token_info=info)
