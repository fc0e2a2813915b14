// Sending commands to a station and saying plainly what came of it: the station's answer, or
// the API's own error text (offline, invalid payload, CALLERROR, timeout).

import { get, post, enc, ApiError } from './api.js';
import { h, clear, notice, pretty } from './dom.js';
import { buildForm, markErrors } from './schema_form.js';

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

/** The "send any command" panel: a form generated from the chosen action's schema. */
export function commandPanel(chargerId, initialAction = 'GetBaseReport') {
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
    formHolder, raw, h('div', { class: 'row' }, send), out);
  let current = null;
  const readBody = () => (current ? current.read() ?? {} : {});

  function choose(actions) {
    const entry = actions.find((a) => a.action === select.value);
    current = buildForm(entry ? entry.schema || entry.request_schema || {} : {});
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
    h('p', { class: 'muted' }, 'Any CSMS→station action; the form follows the action\'s OCPP 2.0.1 schema. Fields marked * are required; empty optional fields are left out.'),
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
