"""The CSMS's OCPP 1.6J blocks: one class per 1.6 feature profile that has CP->CS actions
(OCPP 1.6 section 3), built like the 2.0.1 blocks (``ocppkit.csms.blocks``) on the same
``CsmsContext``, so a 1.6 station shares the registry, the token store, the boot policy, the
tracker and the transactions table with the 2.0.1 stations.

- ``Core16``: BootNotification, Heartbeat, StatusNotification, Authorize, StartTransaction,
  MeterValues, StopTransaction, DataTransfer;
- ``FirmwareManagement16``: DiagnosticsStatusNotification, FirmwareStatusNotification;
- ``Security16`` (the 1.6 security whitepaper): LogStatusNotification, SecurityEventNotification,
  SignCertificate, SignedFirmwareStatusNotification.

A 1.6 connector ``n`` is shown as EVSE ``n`` with its one connector 1 (connector 0, the whole
charge point, as EVSE 0 connector 0), so the dashboard and REST views need no 1.6 case.
"""

from __future__ import annotations

from ocppkit.csms.blocks.v16.core import Core16
from ocppkit.csms.blocks.v16.profiles import FirmwareManagement16, Security16

__all__ = ["Core16", "FirmwareManagement16", "Security16"]
