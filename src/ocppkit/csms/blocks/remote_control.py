"""F Remote control: what a RequestStartTransaction (F01/F02) sent by the CSMS changes.

Stations send no F message of their own (the transaction a remote start begins comes as a
TransactionEvent, linked by remoteStartId: ``transactions``). The token the CSMS names in a
remote start is accepted by its own token check from then on, whatever the token list says.
"""

from __future__ import annotations

from ocppkit.csms.blocks import Block, StationObjects, on_sent
from ocppkit.protocol.models import RequestStartTransactionRequest


class RemoteControl(Block):
    """Trusts the tokens the CSMS starts transactions for."""

    @on_sent("RequestStartTransaction")
    def start_requested(
        self, objects: StationObjects, request: RequestStartTransactionRequest
    ) -> None:
        """F01/F02: the station may authorize the remote start's token with the CSMS
        (Authorize, or the TransactionEvent's idToken): it must be Accepted."""
        self.ctx.tokens.issue(request.id_token.id_token)
