"""OCPP 1.6 Core profile on the CSMS (OCPP 1.6 sections 4 and 6).

Transactions: StartTransaction gets an integer transactionId assigned here, unique across the
CSMS (1.6 section 4.8), and the transaction is kept in the registry and the transactions table
beside the 2.0.1 ones (its id as text); MeterValues and StopTransaction's transactionData feed it
through the 2.0.1 meter reading (``convert.meter_values_201``).
"""

from __future__ import annotations

import itertools
import logging

from ocppkit.csms.blocks import Block, Notice, handles
from ocppkit.csms.blocks.authorization import in_use_elsewhere
from ocppkit.csms.blocks.metering import read_meter_values, store_reading
from ocppkit.csms.blocks.v16.convert import (
    data_transfer_16,
    data_transfer_201,
    id_tag_status,
    meter_values_201,
)
from ocppkit.csms.clock import format_time, parse_time
from ocppkit.csms.context import CsmsContext
from ocppkit.csms.registry import BootInfo, Charger, ConnectorStatus, Transaction
from ocppkit.protocol import models_v16 as m16
from ocppkit.protocol.versions import OcppVersion

log = logging.getLogger("ocppkit.csms")

V16 = OcppVersion.V16
ID_TAG_TYPE = "ISO14443"  # 1.6 idTags carry no type; the token store only tells NoAuthorization
# 1.6 connector statuses as the 2.0.1 ConnectorStatus the station views use (1.6 section 4.9).
_OCCUPIED = frozenset({"Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing"})


def connector_key(connector_id: int) -> tuple[int, int]:
    """The (evse, connector) a 1.6 connector is shown as: connector 0 is the charge point."""
    return (connector_id, 0 if connector_id == 0 else 1)


def connector_status(status: str) -> str:
    """A 1.6 ChargePointStatus as a 2.0.1 ConnectorStatus."""
    return "Occupied" if status in _OCCUPIED else status


class Core16(Block):
    """The 1.6 Core profile's CP->CS actions."""

    def __init__(self, ctx: CsmsContext) -> None:
        super().__init__(ctx)
        self._ids: itertools.count[int] | None = None

    # --- boot and liveness ---

    @handles("BootNotification", gated=False, version=V16)
    async def on_boot_notification(
        self, charger: Charger, request: m16.BootNotificationRequest
    ) -> m16.BootNotificationResponse:
        """4.2: Accepted, Pending or Rejected by the same ``BootPolicy`` as 2.0.1 stations;
        ``interval`` is the heartbeat interval. 1.6 gives no boot reason: kept as Unknown."""
        registered = charger.registration_status == "Accepted"
        status = self.ctx.boot.status_for(charger.charger_id, registered)
        charger.boot = BootInfo(
            vendor=request.charge_point_vendor,
            model=request.charge_point_model,
            serial_number=request.charge_point_serial_number or request.charge_box_serial_number,
            firmware_version=request.firmware_version,
            reason="Unknown",
            booted_at=self.ctx.now(),
            status=status,
        )
        log.info(
            "[%s] booted (OCPP 1.6): %s %s (firmware %s): %s",
            charger.charger_id,
            request.charge_point_vendor,
            request.charge_point_model,
            request.firmware_version,
            status,
        )
        await self.ctx.store.station_updated(charger)
        self.ctx.events.emit("booted", charger.charger_id, dict(charger.boot.to_dict()))
        return m16.BootNotificationResponse(
            status=status, current_time=self.ctx.now_text(), interval=self.ctx.heartbeat_interval
        )

    @handles("Heartbeat", version=V16)
    async def on_heartbeat(
        self, charger: Charger, request: m16.HeartbeatRequest
    ) -> m16.HeartbeatResponse:
        """4.6: the CSMS's time (the link's last_seen moves on every frame)."""
        return m16.HeartbeatResponse(current_time=self.ctx.now_text())

    @handles("StatusNotification", notice=Notice(), version=V16)
    async def on_status_notification(
        self, charger: Charger, request: m16.StatusNotificationRequest
    ) -> m16.StatusNotificationResponse:
        """4.9: the connector's status, shown as its 2.0.1 ConnectorStatus; the 1.6 status and
        errorCode are kept in the recorded station message and the event."""
        now = self.ctx.now()
        at = parse_time(request.timestamp) if request.timestamp is not None else now
        status = ConnectorStatus(connector_status(str(request.status)), at, now)
        evse_id, connector_id = connector_key(request.connector_id)
        charger.connectors[(evse_id, connector_id)] = status
        await self.ctx.store.status_changed(charger, evse_id, connector_id, status)
        self.ctx.events.emit(
            "status",
            charger.charger_id,
            {
                "evse_id": evse_id,
                "connector_id": connector_id,
                "status": status.status,
                "ocpp16_status": str(request.status),
                "error_code": str(request.error_code),
                "timestamp": format_time(at),
            },
        )
        return m16.StatusNotificationResponse()

    # --- authorization ---

    def id_tag_info(self, id_tag: str, current: Transaction | None = None) -> m16.IdTagInfoType:
        """idTagInfo from the token store (the 2.0.1 decision, in 1.6 words): status, expiry
        of an Accepted managed token, and its group as parentIdTag."""
        tokens = self.ctx.tokens
        elsewhere = not tokens.allow_concurrent_tx and in_use_elsewhere(
            self.ctx.registry, id_tag, current
        )
        decision = tokens.decide(id_tag, ID_TAG_TYPE, self.ctx.now(), elsewhere)
        entry = decision.entry
        expiry = parent = None
        if entry is not None and entry.expiry is not None and decision.status == "Accepted":
            expiry = format_time(entry.expiry)
        if entry is not None and entry.group is not None:
            parent = entry.group[:20]
        return m16.IdTagInfoType(
            status=id_tag_status(decision.status), expiry_date=expiry, parent_id_tag=parent
        )

    @handles("Authorize", version=V16)
    async def on_authorize(
        self, charger: Charger, request: m16.AuthorizeRequest
    ) -> m16.AuthorizeResponse:
        """4.1: idTagInfo for the idTag."""
        info = self.id_tag_info(request.id_tag)
        log.info("[%s] Authorize %s (1.6): %s", charger.charger_id, request.id_tag, info.status)
        return m16.AuthorizeResponse(id_tag_info=info)

    # --- transactions ---

    def _new_transaction_id(self) -> int:
        """An id no transaction the CSMS knows has: counted from the start time in seconds
        (so ids do not repeat across restarts), skipping any taken."""
        if self._ids is None:
            self._ids = itertools.count(int(self.ctx.now().timestamp()))
        for candidate in self._ids:
            if self.ctx.registry.find_transaction(str(candidate)) is None:
                return candidate
        raise AssertionError("unreachable")  # pragma: no cover

    def _resent(self, charger: Charger, request: m16.StartTransactionRequest) -> Transaction | None:
        """The transaction a StartTransaction started already (the station sent it again, its
        answer lost: 1.6 section 4.8 transaction messages are retried)."""
        at = parse_time(request.timestamp)
        for tx in charger.active.values():
            if (
                tx.evse_id == request.connector_id
                and tx.id_token == request.id_tag
                and tx.started_at == at
                and tx.meter_start_wh == float(request.meter_start)
            ):
                return tx
        return None

    @handles("StartTransaction", version=V16)
    async def on_start_transaction(
        self, charger: Charger, request: m16.StartTransactionRequest
    ) -> m16.StartTransactionResponse:
        """4.8: a new transaction with an id assigned here; idTagInfo says whether the idTag
        may charge (a station told Invalid stops the transaction itself)."""
        tx = self._resent(charger, request)
        if tx is not None:
            log.info("[%s] StartTransaction resent: %s", charger.charger_id, tx.transaction_id)
            return m16.StartTransactionResponse(
                transaction_id=int(tx.transaction_id),
                id_tag_info=self.id_tag_info(tx.id_token or request.id_tag),
            )
        at = parse_time(request.timestamp)
        evse_id, connector_id = connector_key(request.connector_id)
        tx = Transaction(
            transaction_id=str(self._new_transaction_id()),
            charger_id=charger.charger_id,
            started_at=at,
            seq_no=0,
            evse_id=evse_id,
            connector_id=connector_id,
            id_token=request.id_tag,
            seq_nos=None,  # 1.6 has no seqNo
            last_event_at=at,
        )
        tx.record_energy(float(request.meter_start), at)
        tx.updated_at = self.ctx.now()
        info = self.id_tag_info(request.id_tag, tx)
        self.ctx.registry.open_transaction(charger, tx)
        await self.ctx.store.transaction_changed(charger, tx)
        self._emit(charger, tx, "Started")
        log.info(
            "[%s] transaction %s started on connector %d (%s, idTag %s)",
            charger.charger_id,
            tx.transaction_id,
            request.connector_id,
            info.status,
            request.id_tag,
        )
        return m16.StartTransactionResponse(transaction_id=int(tx.transaction_id), id_tag_info=info)

    @handles("MeterValues", version=V16)
    async def on_meter_values(
        self, charger: Charger, request: m16.MeterValuesRequest
    ) -> m16.MeterValuesResponse:
        """4.7: the connector's latest values; with a transactionId (or a transaction running
        on the connector) they move that transaction's energy."""
        values = meter_values_201(request.meter_value)
        if not values:
            return m16.MeterValuesResponse()
        evse_id, _ = connector_key(request.connector_id)
        reading = read_meter_values(values)
        store_reading(charger, evse_id, reading)
        tx = None
        if request.transaction_id is not None:
            tx = self.ctx.registry.transaction(charger.charger_id, str(request.transaction_id))
        elif evse_id != 0:
            tx = next((t for t in charger.active.values() if t.evse_id == evse_id), None)
        fed = [] if tx is None else [tx]
        for each in fed:
            if reading.energy_wh is not None:
                each.record_energy(reading.energy_wh, reading.energy_at)
            if reading.power_w is not None:
                each.record_power(reading.power_w, reading.power_at)
        await self.ctx.store.meter_values(charger, evse_id, values, fed)
        self.ctx.events.emit(
            "meter_values",
            charger.charger_id,
            {
                "evse_id": evse_id,
                "timestamp": format_time(reading.timestamp),
                "energy_wh": reading.energy_wh,
                "power_w": reading.power_w,
            },
        )
        return m16.MeterValuesResponse()

    @handles("StopTransaction", version=V16)
    async def on_stop_transaction(
        self, charger: Charger, request: m16.StopTransactionRequest
    ) -> m16.StopTransactionResponse:
        """4.10: end the transaction with meterStop, reason (Local when left out) and its
        transactionData. An unknown transactionId is still answered (the station would
        retry it forever) and logged."""
        info = None if request.id_tag is None else self.id_tag_info(request.id_tag)
        tx = self.ctx.registry.transaction(charger.charger_id, str(request.transaction_id))
        if tx is None:
            log.warning(
                "[%s] StopTransaction for unknown transaction %d",
                charger.charger_id,
                request.transaction_id,
            )
            return m16.StopTransactionResponse(id_tag_info=info)
        at = parse_time(request.timestamp)
        data = meter_values_201(request.transaction_data or ())
        if data:
            reading = read_meter_values(data)
            if reading.energy_wh is not None:
                tx.record_energy(reading.energy_wh, reading.energy_at)
        tx.record_energy(float(request.meter_stop), at)
        tx.meter_stop_wh = float(request.meter_stop)
        tx.stopped_reason = "Local" if request.reason is None else str(request.reason)
        tx.power_w = 0.0
        tx.last_event_at = at
        tx.updated_at = self.ctx.now()
        if tx.active:
            self.ctx.registry.close_transaction(charger, tx, self.ctx.now())
        await self.ctx.store.transaction_changed(charger, tx)
        self._emit(charger, tx, "Ended")
        log.info(
            "[%s] transaction %s ended (%s): %.3f kWh",
            charger.charger_id,
            tx.transaction_id,
            tx.stopped_reason,
            tx.energy_kwh,
        )
        return m16.StopTransactionResponse(id_tag_info=info)

    def _emit(self, charger: Charger, tx: Transaction, event_type: str) -> None:
        self.ctx.events.emit(
            "transaction",
            charger.charger_id,
            {"event_type": event_type, "ocpp_version": V16.value, **tx.to_dict()},
        )

    # --- vendor data ---

    @handles("DataTransfer", notice=Notice(), version=V16)
    async def on_data_transfer(
        self, charger: Charger, request: m16.DataTransferRequest
    ) -> m16.DataTransferResponse:
        """4.3: answered by the same vendor handlers as the 2.0.1 DataTransfer (P02)."""
        log.info("[%s] DataTransfer (1.6) from vendor %r", charger.charger_id, request.vendor_id)
        response = await self.ctx.data_transfer.dispatch(
            charger.charger_id, data_transfer_201(request)
        )
        return data_transfer_16(response)
