// Sending commands to a station and saying plainly what came of it: the station's answer, or
// the API's own error text (offline, invalid payload, CALLERROR, timeout).

import { get, post, enc, ApiError } from './api.js';
import { h, clear, notice, pretty } from './dom.js';
import { buildForm, example, markErrors } from './schema_form.js';

const REFUSALS = new Set(['Rejected', 'NotSupported', 'Unknown', 'Failed', 'Occupied', 'Faulted',
  'Unavailable', 'NotImplemented', 'UnknownMessageId', 'UnknownVendorId', 'Invalid', 'Blocked']);

/** The notice for a failed command, from the API's status, code and detail. */
export function errorNotice(err, chargerId) {
  if (!(err instanceof ApiError)) return notice('error', `Failed: ${err}`);
  const detail = err.message;
  switch (err.status) {
    case 409:
      return notice('error', err.code === 'charger_not_connected'
        ? `Station ${chargerId} is offline: the command was not sent. (${detail})`
        : `Refused: ${detail}`);
    case 422: {
      const list = err.errors.length
        ? h('ul', { class: 'errors' }, err.errors.map((e) => h('li', {},
          h('code', {}, e.field || 'body'), `: ${e.message || ''}`, e.rule ? h('span', { class: 'muted' }, ` (${e.rule})`) : null)))
        : null;
      return notice('error', `Invalid request: ${detail}`, list);
    }
    case 502: return notice('error', `The station answered with an error (CALLERROR): ${detail}`);
    case 504: return notice('error', `No answer from the station in time: ${detail}`);
    case 404: return notice('error', `Not found: ${detail}`);
    default: return notice('error', `Failed (HTTP ${err.status || 'network'}): ${detail}`);
  }
}

/** The notice for a station's answer: accepted, or refused with its status and reason. */
export function answerNotice(label, answer) {
  const response = answer && typeof answer === 'object' && 'response' in answer ? answer.response : answer;
  const status = response && response.status;
  const reason = response && response.statusInfo
    ? ` (${response.statusInfo.reasonCode}${response.statusInfo.additionalInfo ? `: ${response.statusInfo.additionalInfo}` : ''})` : '';
  const details = h('details', {}, h('summary', {}, 'Response'), pretty(response));
  if (status && REFUSALS.has(status)) {
    return notice('warn', `${label}: the station answered ${status}${reason}.`, details);
  }
  return notice('ok', `${label}: ${status ? `the station answered ${status}${reason}` : 'done'}.`, details);
}

/** Run a command, showing progress and then its outcome in `out`. Returns true on success. */
export async function runCommand(out, label, chargerId, send) {
  clear(out, notice('info', `${label}: sending…`));
  try {
    const answer = await send();
    clear(out, answerNotice(label, answer));
    return answer;
  } catch (err) {
    clear(out, errorNotice(err, chargerId));
    return null;
  }
}

let actionsCache = null;

async function loadActions() {
  if (!actionsCache) {
    const data = await get('/actions');
    actionsCache = (Array.isArray(data) ? data : data.items || data.actions || [])
      .slice().sort((a, b) => a.action.localeCompare(b.action));
  }
  return actionsCache;
}

let lastId = 0;
/** A new request/profile id: the time in seconds, unique within the page. */
export function freshId() {
  lastId = Math.max(lastId + 1, Math.floor(Date.now() / 1000) % 1_000_000_000);
  return lastId;
}

const TOKEN = { idToken: 'DEMO_TOKEN', type: 'ISO14443' };
const HEARTBEAT = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };

/** Realistic starts for common actions, over the schema's example (K01: SetChargingProfile a
 * TxProfile for the running transaction, else a TxDefaultProfile; ids and requestIds fresh). */
const STARTS = {
  SetChargingProfile: ({ transactionId, evseId }) => ({
    evseId: evseId ?? 1,
    chargingProfile: {
      id: freshId(),
      stackLevel: 0,
      chargingProfilePurpose: transactionId ? 'TxProfile' : 'TxDefaultProfile',
      chargingProfileKind: 'Relative',
      ...(transactionId ? { transactionId } : {}),
      chargingSchedule: [{ id: freshId(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
    },
  }),
  GetBaseReport: () => ({ reportBase: 'FullInventory' }),
  GetVariables: () => ({ getVariableData: [HEARTBEAT] }),
  SetVariables: () => ({ setVariableData: [{ ...HEARTBEAT, attributeValue: '60' }] }),
  TriggerMessage: () => ({ requestedMessage: 'Heartbeat' }),
  ChangeAvailability: () => ({ operationalStatus: 'Operative' }),
  Reset: () => ({ type: 'OnIdle' }),
  RequestStartTransaction: ({ evseId }) => ({ idToken: TOKEN, evseId: evseId ?? 1, remoteStartId: freshId() }),
  RequestStopTransaction: ({ transactionId }) => ({ transactionId: transactionId || 'ocppkit' }),
  ReserveNow: ({ evseId }) => ({ idToken: TOKEN, evseId: evseId ?? 1 }),
  GetCompositeSchedule: ({ evseId }) => ({ duration: 3600, evseId: evseId ?? 1, chargingRateUnit: 'W' }),
  DataTransfer: () => ({ vendorId: 'org.ocppkit' }),
  GetLog: () => ({ logType: 'DiagnosticsLog', log: { remoteLocation: 'https://example.com/logs/' } }),
  UpdateFirmware: () => ({ firmware: { location: 'https://example.com/firmware.bin', retrieveDateTime: new Date().toISOString() } }),
};

/** The request a form starts from: every required field set (``example``), then the action's
 * realistic start. ``context`` gives the station's running transaction and first EVSE. */
export function startingRequest(action, schema, context = {}) {
  const base = example(schema || {}, freshId);
  const start = STARTS[action] ? STARTS[action](context) : {};
  return { ...base, ...start };
}

/** The "send any command" panel: a form generated from the chosen action's schema, starting
 * from values the station accepts. ``context()`` says {transactionId, evseId} now. */
export function commandPanel(chargerId, initialAction = 'GetBaseReport', context = () => ({})) {
  const select = h('select', { id: 'command-action' });
  const formHolder = h('div', { id: 'command-fields' });
  const rawToggle = h('input', { type: 'checkbox', id: 'command-raw' });
  const raw = h('textarea', { id: 'command-json', class: 'mono', rows: 10, hidden: true,
    'aria-label': 'Request as JSON', spellcheck: 'false' });
  const out = h('div', { id: 'command-result', class: 'result', 'aria-live': 'polite' });
  const send = h('button', { type: 'submit', id: 'command-send' }, 'Send');
  const form = h('form', { id: 'command-form', novalidate: true },
    h('div', { class: 'row' },
      h('label', { for: 'command-action' }, 'Action'), select,
      h('label', { class: 'inline' }, rawToggle, ' Edit as raw JSON')),
    formHolder, raw, h('div', { class: 'row' }, send,
      h('button', { type: 'button', class: 'secondary', id: 'command-reset', onclick: () => { if (actionsCache) choose(actionsCache); } }, 'Start over')), out);
  let current = null;
  const readBody = () => (current ? current.read() ?? {} : {});

  function choose(actions) {
    const entry = actions.find((a) => a.action === select.value);
    const schema = entry ? entry.schema || entry.request_schema || {} : {};
    current = buildForm(schema, startingRequest(select.value, schema, context()));
    clear(formHolder, current.element);
    clear(out);
    rawToggle.checked = false;
    raw.hidden = true;
    formHolder.hidden = false;
  }

  rawToggle.addEventListener('change', () => {
    if (rawToggle.checked) raw.value = JSON.stringify(readBody(), null, 2);
    raw.hidden = !rawToggle.checked;
    formHolder.hidden = rawToggle.checked;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    if (rawToggle.checked) {
      try { body = JSON.parse(raw.value || '{}'); } catch (err) {
        clear(out, notice('error', `The JSON does not parse: ${err.message}`));
        return;
      }
    } else {
      body = readBody();
    }
    const action = select.value;
    send.disabled = true;
    clear(out, notice('info', `${action}: sending…`));
    try {
      const answer = await post(`/chargers/${enc(chargerId)}/commands/${enc(action)}`, body);
      markErrors(form, []);
      clear(out, answerNotice(action, answer));
    } catch (err) {
      markErrors(form, err instanceof ApiError && err.status === 422 ? err.errors : []);
      clear(out, errorNotice(err, chargerId));
    } finally {
      send.disabled = false;
    }
  });

  const element = h('section', { class: 'card', 'aria-labelledby': 'command-h' },
    h('h2', { id: 'command-h' }, 'Send a command'),
    h('p', { class: 'muted' }, 'Any CSMS→station action; the form follows the action\'s OCPP 2.0.1 schema and starts from values the station accepts (fresh ids). Fields marked * are required; empty optional fields are left out.'),
    form);

  loadActions().then((actions) => {
    clear(select, actions.map((a) => h('option', { value: a.action }, a.action)));
    if (actions.some((a) => a.action === initialAction)) select.value = initialAction;
    select.addEventListener('change', () => choose(actions));
    choose(actions);
  }).catch((err) => {
    clear(formHolder, errorNotice(err, chargerId));
  });
  return element;
}
