"""The CSMS's read side for Python callers (``OCPPServer``'s seed queries): a station's state, the
stations, a transaction, a device model, as the typed views of ``ocppkit.csms.views``."""

from __future__ import annotations

from typing import cast

from ocppkit.csms.registry import Charger, ChargerRegistry
from ocppkit.csms.views import DeviceModelView, StationView, TransactionView


class StationReads:
    """Mixed into ``OCPPServer``: reads of its live registry (``chargers``), with the lenient
    mode's counts (``_lenient``, ``_lenient_violations``)."""

    chargers: ChargerRegistry
    _lenient: set[str]
    _lenient_violations: dict[str, int]

    def _status(self, charger: Charger) -> StationView:
        station_id = charger.charger_id
        return charger.to_dict(
            station_id in self._lenient, self._lenient_violations.get(station_id, 0)
        )

    def get_charger_status(self, station_id: str) -> StationView | None:
        """A station's state (a JSON-ready dict, typed: ``ocppkit.csms.views.StationView``), or
        None if it was never seen.

        Keys: ``charger_id``; ``ocpp_version`` (its link's subprotocol, None before any);
        ``connection`` ("connected"/"disconnected"); ``connected_at``,
        ``disconnected_at``, ``last_seen`` (RFC 3339 UTC or None); ``boot`` (None or {vendor,
        model, serial_number, firmware_version, reason, status, booted_at});
        ``registration_status`` (Accepted/Pending/Rejected, None before any boot);
        ``device_model`` (None or {request_id, generated_at, received_at, components,
        variables}: see ``get_device_model``); ``firmware_status``;
        ``evses``: [{evse_id, status (its most significant connector's: Faulted, Occupied,
        Reserved, Unavailable, Available, or None), connectors: [{connector_id, status,
        timestamp}], meter: None or {timestamp, energy_wh, power_w, sampled_values}}];
        ``transaction``: the active transaction (the most recently started if several), None or
        {transaction_id, evse_id, connector_id, id_token, energy_kwh, power_w, charging_state,
        started_at}; ``active_transactions``: all active ones, in start order; ``lenient``
        (bool) and ``lenient_violations`` (schema violations accepted so far, see ``set_lenient``).
        """
        charger = self.chargers.get(station_id)
        return None if charger is None else self._status(charger)

    def list_chargers(self) -> list[StationView]:
        """Every station seen since start, as ``get_charger_status`` dicts, sorted by id."""
        return [self._status(self.chargers.chargers[cid]) for cid in sorted(self.chargers.chargers)]

    def get_transaction(
        self, transaction_id: str, station_id: str | None = None
    ) -> TransactionView | None:
        """A transaction (a JSON-ready dict: ``ocppkit.csms.views.TransactionView``), or None if
        unknown.

        Transaction ids are unique per station only; without ``charger_id`` the most recent
        transaction with this id is returned. Keys: those of ``transaction`` in
        ``get_charger_status`` plus charger_id, active, id_token_type, remote_start_id, seq_no
        (last seen), meter_start_wh, meter_last_wh, meter_stop_wh, stopped_reason, updated_at,
        ended_at.
        """
        tx = self.chargers.find_transaction(transaction_id, station_id)
        return None if tx is None else tx.to_dict()

    def get_device_model(self, station_id: str) -> DeviceModelView | None:
        """The station's device model from its last complete report (B07/B08), or None
        (``ocppkit.csms.views.DeviceModelView``).

        Keys: request_id, generated_at, received_at, components, variables (counts) and
        report_data (the reportData entries as sent, camelCase).
        """
        charger = self.chargers.get(station_id)
        model = None if charger is None else charger.device_model
        return None if model is None else cast(DeviceModelView, model.to_dict())

    def is_connected(self, station_id: str) -> bool:
        """Whether the station has an open link."""
        charger = self.chargers.get(station_id)
        return charger is not None and charger.connected
