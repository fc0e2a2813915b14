"""The station's device model: its variables addressed by ``Key``, GetVariables and SetVariables
(B06, B05), change listeners, and typed accessors for the settings that drive behaviour, pure.

Values are wire strings; the station reads a setting each time it acts on it (heartbeat, sample,
reconnect, remote start), so an accepted SetVariables takes effect at the next such moment, and
listeners (``listen``) hear of every change at once (the heartbeat timer restarts, the aligned-data
clock re-aligns, monitors are checked, the state file is written).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ocppkit.protocol.models import (
    AttributeEnumType,
    ComponentType,
    DataEnumType,
    GetVariableDataType,
    GetVariableResultType,
    GetVariableStatusEnumType,
    ReportDataType,
    SetVariableDataType,
    SetVariableResultType,
    SetVariableStatusEnumType,
    StatusInfoType,
    VariableAttributeType,
    VariableType,
)
from ocppkit.simulator.device.variables import (
    Attribute,
    InvalidValue,
    Key,
    Mutability,
    VariableDefinition,
)

GetStatus = GetVariableStatusEnumType
SetStatus = SetVariableStatusEnumType
Attr = AttributeEnumType
Actual = Attr.Actual
Listener = Callable[[Key], None]
KeyLike = Key | tuple[str, str]  # a (component, variable) pair names a variable of no EVSE

COMM = "OCPPCommCtrlr"
HEARTBEAT_INTERVAL = Key(COMM, "HeartbeatInterval")
TX_UPDATED_INTERVAL = Key("SampledDataCtrlr", "TxUpdatedInterval")
TX_STARTED_MEASURANDS = Key("SampledDataCtrlr", "TxStartedMeasurands")
TX_UPDATED_MEASURANDS = Key("SampledDataCtrlr", "TxUpdatedMeasurands")
TX_ENDED_MEASURANDS = Key("SampledDataCtrlr", "TxEndedMeasurands")
ALIGNED_INTERVAL = Key("AlignedDataCtrlr", "Interval")
ALIGNED_MEASURANDS = Key("AlignedDataCtrlr", "Measurands")
ALIGNED_SEND_DURING_IDLE = Key("AlignedDataCtrlr", "SendDuringIdle")
AUTHORIZE_REMOTE_START = Key("AuthCtrlr", "AuthorizeRemoteStart")
LOCAL_PRE_AUTHORIZE = Key("AuthCtrlr", "LocalPreAuthorize")
LOCAL_AUTHORIZE_OFFLINE = Key("AuthCtrlr", "LocalAuthorizeOffline")
OFFLINE_TX_FOR_UNKNOWN_ID = Key("AuthCtrlr", "OfflineTxForUnknownIdEnabled")
AUTH_CACHE_ENABLED = Key("AuthCacheCtrlr", "Enabled")
LOCAL_LIST_ENABLED = Key("LocalAuthListCtrlr", "Enabled")
RESERVATION_ENABLED = Key("ReservationCtrlr", "Enabled")
EV_CONNECTION_TIMEOUT = Key("TxCtrlr", "EVConnectionTimeOut")
TX_START_POINT = Key("TxCtrlr", "TxStartPoint")
TX_STOP_POINT = Key("TxCtrlr", "TxStopPoint")
RETRY_WAIT_MINIMUM = Key(COMM, "RetryBackOffWaitMinimum")
RETRY_RANDOM_RANGE = Key(COMM, "RetryBackOffRandomRange")
RETRY_REPEAT_TIMES = Key(COMM, "RetryBackOffRepeatTimes")


@dataclass(frozen=True, slots=True)
class RetryBackOff:
    """OCPPCommCtrlr.RetryBackOff*: the first reconnect waits ``wait_minimum`` plus a random
    part up to ``random_range``; the wait doubles after each failure, ``repeat_times`` times."""

    wait_minimum: float
    random_range: float
    repeat_times: int


def _info(reason: str, detail: str | None = None) -> StatusInfoType:
    return StatusInfoType(reason_code=reason, additional_info=detail[:512] if detail else None)


def _key(key: KeyLike) -> Key:
    return key if isinstance(key, Key) else Key(*key)


class Catalog:
    """Variable definitions in order, indexed by key and component: built once and shared by
    every station built alike (see ``catalog.station_model``).

    Args:
        definitions: every variable a station has (see ``catalog.standard_variables``).
    """

    __slots__ = ("by_key", "components", "definitions")

    def __init__(self, definitions: Iterable[VariableDefinition]) -> None:
        self.definitions = tuple(definitions)
        self.by_key = {d.key: d for d in self.definitions}
        self.components = frozenset(key.component_key for key in self.by_key)


class Variable:
    """One variable of one station: its shared definition seen through the station's values.

    Made on demand by ``DeviceModel.find``, ``lookup`` and iteration (a view: it holds no value
    of its own). ``source``, when the station bound one, gives the live Actual value (a meter
    reading, a connector state); such a variable is ReadOnly.
    """

    __slots__ = ("_model", "definition")

    def __init__(self, definition: VariableDefinition, model: DeviceModel) -> None:
        self.definition = definition
        self._model = model

    def __repr__(self) -> str:
        return f"Variable({self.key.label()}={self.actual!r})"

    @property
    def key(self) -> Key:
        return self.definition.key

    @property
    def data_type(self) -> DataEnumType:
        return self.definition.data_type

    @property
    def unit(self) -> str | None:
        return self.definition.unit

    @property
    def min_limit(self) -> float | None:
        return self.definition.min_limit

    @property
    def max_limit(self) -> float | None:
        return self.definition.max_limit

    @property
    def supports_monitoring(self) -> bool:
        return self.definition.supports_monitoring

    @property
    def reboot_required(self) -> bool:
        return self.definition.reboot_required

    @property
    def writable(self) -> bool:
        """Whether any attribute may be written by the CSMS."""
        return self.definition.writable

    @property
    def source(self) -> Callable[[], str] | None:
        """The live source of the Actual value, if the station bound one."""
        return self._model.source_of(self.key)

    @property
    def attributes(self) -> dict[AttributeEnumType, Attribute]:
        """Every attribute with this station's value now (a copy: set values through the
        model)."""
        return {
            kind: Attribute(self._model.stored(self.definition, kind), attr.mutability)
            for kind, attr in self.definition.attributes.items()
        }

    @property
    def actual(self) -> str:
        """The Actual value now."""
        source = self.source
        return source() if source is not None else self._model.stored(self.definition, Actual)

    def value_of(self, attribute: AttributeEnumType) -> str:
        """The value of ``attribute`` (which must exist)."""
        if attribute == Actual:
            return self.actual
        return self._model.stored(self.definition, attribute)

    def normalise(self, raw: str) -> str:
        """``raw`` in this variable's canonical form (see ``VariableDefinition.normalise``)."""
        return self.definition.normalise(raw)

    def report(self) -> ReportDataType:
        """This variable as NotifyReport data (B07/B08): every attribute, WriteOnly ones
        without their value, and the characteristics."""
        writable, live = self.writable, self.source is not None
        attributes = [
            VariableAttributeType(
                type=kind,
                value=None if attr.mutability == Mutability.WriteOnly else self.value_of(kind),
                mutability=attr.mutability,
                persistent=writable,
                constant=not live and not writable,
            )
            for kind, attr in self.definition.attributes.items()
        ]
        return ReportDataType(
            component=self.key.component_type(),
            variable=self.key.variable_type(),
            variable_attribute=attributes,
            variable_characteristics=self.definition.characteristics(),
        )

    def numeric(self) -> float | None:
        """The Actual value as a number, or None when it is not numeric (for monitors)."""
        if self.data_type not in (DataEnumType.integer, DataEnumType.decimal):
            return None
        try:
            return float(self.actual)
        except ValueError:
            return None


class DeviceModel:
    """The variables of one station: shared definitions, and the station's own values (only
    those that differ from the definitions' defaults) and live sources.

    Args:
        variables: every variable the station has (see ``catalog.standard_variables``), or a
            ``Catalog`` of them to share.
    """

    __slots__ = ("_catalog", "_listeners", "_sources", "_values")

    def __init__(self, variables: Catalog | Iterable[VariableDefinition]) -> None:
        self._catalog = variables if isinstance(variables, Catalog) else Catalog(variables)
        self._values: dict[tuple[Key, AttributeEnumType], str] = {}
        self._sources: dict[Key, Callable[[], str]] = {}
        self._listeners: list[Listener] = []

    def __iter__(self) -> Iterator[Variable]:
        return (Variable(d, self) for d in self._catalog.definitions)

    def __len__(self) -> int:
        return len(self._catalog.definitions)

    # --- values ---

    def stored(self, definition: VariableDefinition, attribute: AttributeEnumType) -> str:
        """The stored value of an attribute of ``definition`` (its default unless set)."""
        value = self._values.get((definition.key, attribute))
        return definition.attributes[attribute].value if value is None else value

    def _store(self, definition: VariableDefinition, attribute: Attr, value: str) -> None:
        slot = (definition.key, attribute)
        if value == definition.attributes[attribute].value:
            self._values.pop(slot, None)
        else:
            self._values[slot] = value

    def source_of(self, key: Key) -> Callable[[], str] | None:
        """The live source bound to ``key``, if any."""
        return self._sources.get(key)

    # --- inside the station ---

    def listen(self, listener: Listener) -> None:
        """Call ``listener(key)`` after every change of a stored value."""
        self._listeners.append(listener)

    def bind(self, key: KeyLike, source: Callable[[], str]) -> None:
        """Make ``source()`` the live Actual value of a ReadOnly variable.

        Raises:
            KeyError: the station has no such variable.
        """
        self._sources[self._catalog.by_key[_key(key)].key] = source

    def find(self, key: KeyLike) -> Variable | None:
        """The variable at ``key``, if the station has it."""
        definition = self._catalog.by_key.get(_key(key))
        return None if definition is None else Variable(definition, self)

    def value(self, key: KeyLike) -> str:
        """The Actual value of a variable the station defines.

        Raises:
            KeyError: the station has no such variable.
        """
        definition = self._catalog.by_key[_key(key)]
        source = self._sources.get(definition.key)
        return source() if source is not None else self.stored(definition, Actual)

    def set_value(self, key: KeyLike, value: str, *, notify: bool = True) -> None:
        """Set a variable's Actual value from inside the station (e.g. the heartbeat interval a
        BootNotificationResponse gave); listeners hear of it unless not ``notify`` (the
        station's own initial configuration).

        Raises:
            KeyError: the station has no such variable.
        """
        definition = self._catalog.by_key[_key(key)]
        self._store(definition, Actual, value)
        if notify:
            self._changed(definition.key)

    def _changed(self, key: Key) -> None:
        for listener in self._listeners:
            listener(key)

    # --- the CSMS's view (B05, B06) ---

    def lookup(self, component: ComponentType, variable: VariableType) -> Variable | GetStatus:
        """The variable a wire component and variable address, or why there is none."""
        key = Key.of(component, variable)
        if key.component_key not in self._catalog.components:
            return GetStatus.UnknownComponent
        found = self.find(key)
        return GetStatus.UnknownVariable if found is None else found

    def get(self, data: GetVariableDataType) -> GetVariableResultType:
        """One GetVariables result (B06): the value, or UnknownComponent, UnknownVariable,
        NotSupportedAttributeType, or Rejected for a WriteOnly attribute."""
        attribute = data.attribute_type or Actual
        result = GetVariableResultType(
            attribute_status=GetStatus.Accepted,
            component=data.component,
            variable=data.variable,
            attribute_type=attribute,
        )
        found = self.lookup(data.component, data.variable)
        if not isinstance(found, Variable):
            result.attribute_status = found
            return result
        attr = found.definition.attributes.get(attribute)
        if attr is None:
            result.attribute_status = GetStatus.NotSupportedAttributeType
        elif attr.mutability == Mutability.WriteOnly:
            result.attribute_status = GetStatus.Rejected
            result.attribute_status_info = _info("WriteOnly")
        else:
            result.attribute_value = found.value_of(attribute)
        return result

    def set(self, data: SetVariableDataType) -> SetVariableResultType:
        """Apply one SetVariables entry (B05): Accepted (RebootRequired for a variable that
        takes effect after a reboot), Rejected (read-only, wrong type, out of range, not in the
        values list), UnknownComponent, UnknownVariable or NotSupportedAttributeType."""
        attribute = data.attribute_type or Actual
        result = SetVariableResultType(
            attribute_status=SetStatus.Accepted,
            component=data.component,
            variable=data.variable,
            attribute_type=attribute,
        )
        found = self.lookup(data.component, data.variable)
        if not isinstance(found, Variable):
            result.attribute_status = SetStatus(found.value)
            return result
        definition = found.definition
        attr = definition.attributes.get(attribute)
        if attr is None:
            result.attribute_status = SetStatus.NotSupportedAttributeType
            return result
        if attr.mutability == Mutability.ReadOnly:
            result.attribute_status = SetStatus.Rejected
            result.attribute_status_info = _info("ReadOnly")
            return result
        try:
            value = definition.normalise(data.attribute_value)
        except InvalidValue as exc:
            result.attribute_status = SetStatus.Rejected
            result.attribute_status_info = _info(exc.reason, str(exc))
            return result
        self._store(definition, attribute, value)
        if definition.reboot_required:
            result.attribute_status = SetStatus.RebootRequired
        self._changed(definition.key)
        return result

    # --- persistence (state_dir) ---

    def _persistent(self) -> Iterator[VariableDefinition]:
        """The definitions whose values are kept: writable and not live."""
        for definition in self._catalog.definitions:
            if definition.writable and definition.key not in self._sources:
                yield definition

    def persistent_values(self) -> dict[str, dict[str, str]]:
        """Every writable attribute value, by variable label and attribute type."""
        return {
            d.key.label(): {
                kind.value: self.stored(d, kind)
                for kind, attr in d.attributes.items()
                if attr.mutability != Mutability.ReadOnly
            }
            for d in self._persistent()
        }

    def restore(self, values: dict[str, dict[str, str]]) -> int:
        """Take back values saved by ``persistent_values``; unknown or no longer valid ones are
        skipped. Returns how many were taken."""
        by_label = {d.key.label(): d for d in self._catalog.definitions}
        taken = 0
        for label, attributes in values.items():
            definition = by_label.get(label)
            if definition is not None:
                taken += self._restore(definition, attributes)
        return taken

    def _restore(self, definition: VariableDefinition, values: dict[str, str]) -> int:
        taken = 0
        for kind, raw in values.items():
            known = kind in AttributeEnumType.__members__
            attribute = AttributeEnumType(kind) if known else None
            attr = definition.attributes.get(attribute) if attribute is not None else None
            if attribute is None or attr is None or attr.mutability == Mutability.ReadOnly:
                continue
            try:
                self._store(definition, attribute, definition.normalise(raw))
            except InvalidValue:
                continue
            taken += 1
        return taken

    # --- settings that drive behaviour ---

    def integer(self, key: KeyLike) -> int:
        """An integer setting."""
        return int(self.value(key))

    def number(self, key: KeyLike) -> float:
        """A decimal (or integer) setting."""
        return float(self.value(key))

    def flag(self, key: KeyLike) -> bool:
        """A boolean setting."""
        return self.value(key) == "true"

    def members(self, key: KeyLike) -> tuple[str, ...]:
        """The members of a MemberList or SequenceList setting, in order."""
        text = self.value(key)
        return tuple(text.split(",")) if text else ()

    @property
    def heartbeat_interval(self) -> float:
        """OCPPCommCtrlr.HeartbeatInterval (s)."""
        return self.number(HEARTBEAT_INTERVAL)

    @property
    def tx_updated_interval(self) -> float:
        """SampledDataCtrlr.TxUpdatedInterval (s); 0: no periodic samples."""
        return self.number(TX_UPDATED_INTERVAL)

    @property
    def aligned_interval(self) -> int:
        """AlignedDataCtrlr.Interval (s); 0: no clock-aligned meter values."""
        return self.integer(ALIGNED_INTERVAL)

    @property
    def auth_cache_enabled(self) -> bool:
        """AuthCacheCtrlr.Enabled: the Authorization Cache is used and kept (C10)."""
        return self.flag(AUTH_CACHE_ENABLED)

    @property
    def local_list_enabled(self) -> bool:
        """LocalAuthListCtrlr.Enabled: the Local Authorization List is used (D01)."""
        return self.flag(LOCAL_LIST_ENABLED)

    @property
    def reservation_enabled(self) -> bool:
        """ReservationCtrlr.Enabled: ReserveNow is honoured (H01)."""
        return self.flag(RESERVATION_ENABLED)

    @property
    def authorize_remote_start(self) -> bool:
        """AuthCtrlr.AuthorizeRemoteStart: a remote start is Authorized first (F01.FR.02)."""
        return self.flag(AUTHORIZE_REMOTE_START)

    @property
    def local_pre_authorize(self) -> bool:
        """AuthCtrlr.LocalPreAuthorize: start at once on a locally known idToken (C02)."""
        return self.flag(LOCAL_PRE_AUTHORIZE)

    @property
    def local_authorize_offline(self) -> bool:
        """AuthCtrlr.LocalAuthorizeOffline: offline, idTokens known locally may start."""
        return self.flag(LOCAL_AUTHORIZE_OFFLINE)

    @property
    def offline_tx_for_unknown_id(self) -> bool:
        """AuthCtrlr.OfflineTxForUnknownIdEnabled: offline, unknown idTokens may start (C15)."""
        return self.flag(OFFLINE_TX_FOR_UNKNOWN_ID)

    @property
    def ev_connection_timeout(self) -> float:
        """TxCtrlr.EVConnectionTimeOut (s): how long an authorization waits for the EV."""
        return self.number(EV_CONNECTION_TIMEOUT)

    @property
    def tx_start_points(self) -> frozenset[str]:
        """TxCtrlr.TxStartPoint: the events that start a transaction (E01)."""
        return frozenset(self.members(TX_START_POINT))

    @property
    def tx_stop_points(self) -> frozenset[str]:
        """TxCtrlr.TxStopPoint: the events that end a transaction (E06)."""
        return frozenset(self.members(TX_STOP_POINT))

    def retry_backoff(self) -> RetryBackOff:
        """OCPPCommCtrlr.RetryBackOffWaitMinimum, RandomRange and RepeatTimes (B04/A06)."""
        return RetryBackOff(
            self.number(RETRY_WAIT_MINIMUM),
            self.number(RETRY_RANDOM_RANGE),
            self.integer(RETRY_REPEAT_TIMES),
        )

    def items_per_message(self, component: str, action: str) -> int:
        """ItemsPerMessage(``action``) of DeviceDataCtrlr or MonitoringCtrlr."""
        return self.integer(Key(component, "ItemsPerMessage", variable_instance=action))

    def bytes_per_message(self, component: str, action: str) -> int:
        """BytesPerMessage(``action``) of DeviceDataCtrlr or MonitoringCtrlr."""
        return self.integer(Key(component, "BytesPerMessage", variable_instance=action))
