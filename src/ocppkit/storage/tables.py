"""The CSMS's tables (SQLAlchemy 2 declarative models).

The schema is created and changed only by the Alembic revisions in ``migrations/versions``; these
models must match them (a test checks that the migrated schema has no difference from them).
Every timestamp is an aware UTC datetime (``UTCDateTime``); JSON columns are JSONB on PostgreSQL.
A transaction row has a surrogate key (``id``, made by the CSMS) because OCPP transaction ids are
unique per station only, and a station may reuse one once its transaction has ended.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ocppkit.storage.types import JSONDocument, OcppInteger, OcppText, UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
AutoId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    """The declarative base; ``Base.metadata`` holds every table."""

    metadata = MetaData(naming_convention=NAMING)


class StationRow(Base):
    """A charging station: its last BootNotification (B01), link state and firmware status."""

    __tablename__ = "stations"

    id: Mapped[str] = mapped_column(OcppText(255), primary_key=True)
    vendor: Mapped[str | None] = mapped_column(OcppText())
    model: Mapped[str | None] = mapped_column(OcppText())
    serial_number: Mapped[str | None] = mapped_column(OcppText())
    firmware_version: Mapped[str | None] = mapped_column(OcppText())
    boot_reason: Mapped[str | None] = mapped_column(OcppText())
    registration_status: Mapped[str | None] = mapped_column(OcppText(16))
    booted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    firmware_status: Mapped[str | None] = mapped_column(OcppText())
    first_seen: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime())
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    ocpp_version: Mapped[str | None] = mapped_column(OcppText(16))  # subprotocol of its link


class ConnectorStatusRow(Base):
    """One StatusNotification (G01): the history of every connector's status."""

    __tablename__ = "connector_status_history"
    __table_args__ = (Index(None, "station_id", "evse_id", "connector_id", "id"),)

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    evse_id: Mapped[int] = mapped_column(OcppInteger)
    connector_id: Mapped[int] = mapped_column(OcppInteger)
    status: Mapped[str] = mapped_column(OcppText())
    timestamp: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


class IdTokenRow(Base):
    """An id token the CSMS knows (C01): its authorization status, expiry and group."""

    __tablename__ = "id_tokens"

    id_token: Mapped[str] = mapped_column(OcppText(), primary_key=True)
    type: Mapped[str] = mapped_column(OcppText(), primary_key=True)
    status: Mapped[str] = mapped_column(OcppText(24))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    group_id_token: Mapped[str | None] = mapped_column(OcppText())


class TransactionRow(Base):
    """A transaction as of its last TransactionEvent (E01-E15) and MeterValues."""

    __tablename__ = "transactions"
    __table_args__ = (
        Index(None, "station_id", "transaction_id"),
        Index(None, "ended_at"),
    )

    id: Mapped[str] = mapped_column(OcppText(32), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    transaction_id: Mapped[str] = mapped_column(OcppText())
    evse_id: Mapped[int | None] = mapped_column(OcppInteger)
    connector_id: Mapped[int | None] = mapped_column(OcppInteger)
    id_token: Mapped[str | None] = mapped_column(OcppText())
    id_token_type: Mapped[str | None] = mapped_column(OcppText())
    remote_start_id: Mapped[int | None] = mapped_column(OcppInteger)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    meter_start_wh: Mapped[float | None] = mapped_column(Float)
    meter_last_wh: Mapped[float | None] = mapped_column(Float)
    meter_stop_wh: Mapped[float | None] = mapped_column(Float)
    power_w: Mapped[float | None] = mapped_column(Float)
    peak_power_w: Mapped[float | None] = mapped_column(Float)
    charging_state: Mapped[str | None] = mapped_column(OcppText())
    stopped_reason: Mapped[str | None] = mapped_column(OcppText())
    seq_no: Mapped[int] = mapped_column(OcppInteger)


class TransactionEventRow(Base):
    """Every TransactionEvent received, once per (transaction, seqNo), with its full payload."""

    __tablename__ = "transaction_events"
    __table_args__ = (UniqueConstraint("transaction_ref", "seq_no"),)

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    transaction_ref: Mapped[str] = mapped_column(ForeignKey("transactions.id", ondelete="CASCADE"))
    station_id: Mapped[str] = mapped_column(OcppText(255))
    transaction_id: Mapped[str] = mapped_column(OcppText())
    seq_no: Mapped[int] = mapped_column(OcppInteger)
    event_type: Mapped[str] = mapped_column(OcppText())
    trigger_reason: Mapped[str] = mapped_column(OcppText())
    timestamp: Mapped[datetime] = mapped_column(UTCDateTime())
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MeterValueRow(Base):
    """One sampled value (J01, or a TransactionEvent's meterValue), as the station sent it."""

    __tablename__ = "meter_values"
    __table_args__ = (
        Index(None, "station_id", "evse_id", "timestamp"),
        Index(None, "transaction_ref"),
    )

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    evse_id: Mapped[int | None] = mapped_column(OcppInteger)
    transaction_ref: Mapped[str | None] = mapped_column(
        ForeignKey("transactions.id", ondelete="SET NULL")
    )
    timestamp: Mapped[datetime] = mapped_column(UTCDateTime())
    measurand: Mapped[str] = mapped_column(OcppText())
    phase: Mapped[str | None] = mapped_column(OcppText())
    location: Mapped[str | None] = mapped_column(OcppText())
    unit: Mapped[str | None] = mapped_column(OcppText())
    multiplier: Mapped[int] = mapped_column(OcppInteger, default=0)
    context: Mapped[str | None] = mapped_column(OcppText())
    value: Mapped[float] = mapped_column(Float)


class DeviceModelRow(Base):
    """A station's device model: the reportData of its last complete NotifyReport (B07/B08)."""

    __tablename__ = "device_models"

    station_id: Mapped[str] = mapped_column(
        ForeignKey("stations.id", ondelete="CASCADE"), primary_key=True
    )
    request_id: Mapped[int] = mapped_column(OcppInteger)
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    report_data: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument)


class CommandRow(Base):
    """A CSMS->CS request: its payload, the station's answer, and the progress reported since
    by the notifications that refer to it (by ``request_id``)."""

    __tablename__ = "commands"
    __table_args__ = (
        Index(None, "station_id", "action", "request_id"),
        Index(None, "station_id", "id"),
    )

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(OcppText(40))
    request_id: Mapped[int | None] = mapped_column(OcppInteger)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    response: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    status: Mapped[str] = mapped_column(OcppText())
    progress: Mapped[str | None] = mapped_column(OcppText())
    progress_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StationMessageRow(Base):
    """A notification from a station (security and monitoring events, status notifications of
    requests, smart-charging reports, ...), with the request it belongs to, if any."""

    __tablename__ = "station_messages"
    __table_args__ = (Index(None, "station_id", "action", "id"),)

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(OcppText(40))
    request_id: Mapped[int | None] = mapped_column(OcppInteger)
    command_id: Mapped[int | None] = mapped_column(
        AutoId, ForeignKey("commands.id", ondelete="SET NULL")
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StationObjectRow(Base):
    """The current state of an object a station holds: a charging profile, a reservation, a
    display message, the local list, an EV's charging needs or schedule, a charging limit."""

    __tablename__ = "station_objects"

    station_id: Mapped[str] = mapped_column(
        ForeignKey("stations.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(OcppText(32), primary_key=True)
    key: Mapped[str] = mapped_column(OcppText(128), primary_key=True)
    evse_id: Mapped[int | None] = mapped_column(OcppInteger)
    status: Mapped[str | None] = mapped_column(OcppText())
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StationSecurityRow(Base):
    """A station's security settings (OCPP 2.0.1 A00-A05): the lowest security profile it may
    connect with and its Basic auth password, hashed (never stored in clear). Kept apart from
    ``stations`` so a station can be configured before it ever connects.

    ``previous_password_hash`` is the password still accepted while a rotation (A01) is not yet
    confirmed by a connection with the new one."""

    __tablename__ = "station_security"

    station_id: Mapped[str] = mapped_column(OcppText(48), primary_key=True)
    profile: Mapped[int] = mapped_column(Integer)
    password_hash: Mapped[str | None] = mapped_column(OcppText())
    previous_password_hash: Mapped[str | None] = mapped_column(OcppText())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ApiKeyRow(Base):
    """A REST API key: its SHA-256 (the key itself is shown once, never stored), its role and
    whether it is revoked."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(OcppText(16), primary_key=True)
    key_hash: Mapped[str] = mapped_column(OcppText(64), unique=True)
    role: Mapped[str] = mapped_column(OcppText(16))
    name: Mapped[str | None] = mapped_column(OcppText())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SecurityEventRow(Base):
    """A station connection the handshake refused (wrong password, another station's
    certificate, below its profile, ...): who, from where, why."""

    __tablename__ = "security_events"
    __table_args__ = (Index(None, "station_id", "id"),)

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(OcppText())
    remote_address: Mapped[str] = mapped_column(OcppText())
    reason: Mapped[str] = mapped_column(OcppText(32))
    detail: Mapped[str] = mapped_column(OcppText())
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class SiteRow(Base):
    """A site: stations sharing a power limit, and how it is allocated (K01,
    ``ocppkit.csms.sites``)."""

    __tablename__ = "sites"

    site_id: Mapped[str] = mapped_column(OcppText(64), primary_key=True)
    limit_w: Mapped[float] = mapped_column(Float)
    strategy: Mapped[str] = mapped_column(OcppText(32))
    stations: Mapped[list[str]] = mapped_column(JSONDocument)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TariffRow(Base):
    """A tariff (OCPP 2.0.1 block I): its prices, currency, validity and assignment to station
    and id-token groups, as one JSON document (prices as decimal text, never floats)."""

    __tablename__ = "tariffs"

    id: Mapped[str] = mapped_column(OcppText(64), primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
