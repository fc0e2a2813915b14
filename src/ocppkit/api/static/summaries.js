// One line saying what an OCPP 2.0.1 payload says: the protocol inspector's summary of each
// CALL and CALLRESULT, and "requests & events"' summary of each notification. Known actions get
// their own wording; any other payload lists its top-level fields.

import { fmt } from './dom.js';

const MAX = 140;

export function clip(text, max = MAX) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A long id (a UUID) cut to its first 8 characters, so the rest of the line fits. */
export const shortId = (id) => (String(id).length > 12 ? `${String(id).slice(0, 8)}…` : String(id));

const kwh = (wh) => `${(wh / 1000).toFixed(3)} kWh`;

/** The energy register and power of a meterValue list, when there. */
function meterText(meterValues) {
  const samples = (Array.isArray(meterValues) ? meterValues : []).flatMap((m) => m.sampledValue || []);
  const pick = (measurand) => samples.find((s) => (s.measurand || 'Energy.Active.Import.Register') === measurand && !s.phase);
  const scale = (s, base) => {
    if (!s) return null;
    const unit = (s.unitOfMeasure && s.unitOfMeasure.unit) || base;
    const mult = 10 ** ((s.unitOfMeasure && s.unitOfMeasure.multiplier) || 0);
    return s.value * mult * (unit.toLowerCase() === `k${base.toLowerCase()}` ? 1000 : 1);
  };
  const energy = scale(pick('Energy.Active.Import.Register'), 'Wh');
  const power = scale(pick('Power.Active.Import'), 'W');
  const soc = pick('SoC');
  return [energy != null ? kwh(energy) : null, power != null ? `${(power / 1000).toFixed(2)} kW` : null,
    soc ? `SoC ${soc.value}%` : null].filter(Boolean).join(', ');
}

/** "key=value" for each top-level field: scalars as they are, objects and lists by size. */
function fields(p) {
  const parts = Object.entries(p).filter(([k]) => k !== 'customData').map(([k, v]) => {
    if (Array.isArray(v)) return `${k}: ${v.length} item(s)`;
    if (v && typeof v === 'object') {
      const inner = Object.entries(v).filter(([, x]) => x === null || typeof x !== 'object').slice(0, 2)
        .map(([ik, x]) => `${ik}=${x}`).join(' ');
      return inner ? `${k}: ${inner}` : `${k}: {…}`;
    }
    return `${k}=${v}`;
  });
  return parts.length ? parts.join(', ') : '(empty)';
}

function statusText(p) {
  const info = p.statusInfo ? ` (${p.statusInfo.reasonCode}${p.statusInfo.additionalInfo ? `: ${p.statusInfo.additionalInfo}` : ''})` : '';
  return `${p.status}${info}`;
}

function callText(action, p) {
  switch (action) {
    case 'BootNotification': {
      const cs = p.chargingStation || {};
      return `${p.reason}: ${[cs.vendorName, cs.model].filter(Boolean).join(' ')}${cs.firmwareVersion ? `, firmware ${cs.firmwareVersion}` : ''}`;
    }
    case 'StatusNotification':
      return `EVSE ${p.evseId}/${p.connectorId} ${p.connectorStatus}`;
    case 'Heartbeat':
      return 'heartbeat';
    case 'Authorize':
      return p.idToken ? `idToken ${p.idToken.idToken} (${p.idToken.type})` : fields(p);
    case 'TransactionEvent': {
      const info = p.transactionInfo || {};
      const meter = meterText(p.meterValue);
      return [`${p.eventType} (${p.triggerReason}) tx ${shortId(info.transactionId)} #${p.seqNo}`,
        info.chargingState, p.evse ? `EVSE ${p.evse.id}` : null, p.idToken ? `idToken ${p.idToken.idToken}` : null,
        info.stoppedReason ? `stopped: ${info.stoppedReason}` : null, meter || null, p.offline ? 'sent offline' : null]
        .filter(Boolean).join(', ');
    }
    case 'MeterValues':
      return `EVSE ${p.evseId}: ${meterText(p.meterValue) || `${(p.meterValue || []).length} value(s)`}`;
    case 'RequestStartTransaction':
      return `${p.evseId != null ? `EVSE ${p.evseId}` : 'any EVSE'} for ${p.idToken ? p.idToken.idToken : '?'}, remoteStartId ${p.remoteStartId}`;
    case 'RequestStopTransaction':
      return `tx ${shortId(p.transactionId)}`;
    case 'SetChargingProfile': {
      const cp = p.chargingProfile || {};
      const period = ((cp.chargingSchedule || [])[0] || {});
      const first = (period.chargingSchedulePeriod || [])[0];
      return `EVSE ${p.evseId}: ${cp.chargingProfilePurpose} #${cp.id}${first ? `, ${first.limit} ${period.chargingRateUnit}` : ''}`;
    }
    case 'SecurityEventNotification':
      return p.techInfo ? `${p.type}: ${p.techInfo}` : String(p.type);
    case 'NotifyEvent': {
      const events = Array.isArray(p.eventData) ? p.eventData : [];
      const first = events[0] || {};
      const where = [first.component && first.component.name, first.variable && first.variable.name]
        .filter(Boolean).join('.');
      const text = `${where || 'event'} = ${fmt(first.actualValue)} (${fmt(first.trigger)})`;
      return events.length > 1 ? `${text} and ${events.length - 1} more` : text;
    }
    case 'ReservationStatusUpdate':
      return `reservation ${p.reservationId}: ${p.reservationUpdateStatus}`;
    default:
      if (typeof p.status === 'string') {
        return p.requestId != null ? `${p.status} (request ${p.requestId})` : p.status;
      }
      if (p.requestId != null && 'seqNo' in p) {
        return `request ${p.requestId}, part ${p.seqNo}${p.tbc ? ', more to come' : ', last'}`;
      }
      return fields(p);
  }
}

function resultText(action, p) {
  if (action === 'BootNotification' && p.status) return `${statusText(p)}, heartbeat every ${p.interval} s`;
  if (action === 'Heartbeat' && p.currentTime) return `time ${p.currentTime}`;
  if (p.idTokenInfo) return `idToken ${p.idTokenInfo.status}`;
  if (typeof p.status === 'string') return statusText(p);
  return fields(p);
}

/** One line for a payload; `type` is CALL (a request) or CALLRESULT (a response). */
export function summarize(action, type, payload) {
  if (!payload || typeof payload !== 'object') return payload == null ? '' : clip(String(payload));
  return clip(type === 'CALLRESULT' ? resultText(action, payload) : callText(action, payload));
}
