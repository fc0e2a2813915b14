// The protocol inspector: a station's recent OCPP frames, each CALL paired with its reply
// (CALLRESULT or CALLERROR, matched by message id), with latency and pretty JSON.

import { get, enc, query } from './api.js';
import { h, clear, fmtClock, fmtTime, pretty, debounce, every } from './dom.js';
import { errorNotice } from './commands.js';

const TYPES = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR', 5: 'CALLRESULTERROR', 6: 'SEND' };

function frameJson(frame) {
  let value = frame.json ?? frame.frame ?? frame.payload;
  if (typeof value === 'string') {
    try { value = JSON.parse(value); } catch { /* show the text */ }
  }
  return value;
}

function frameType(frame) {
  const t = frame.message_type;
  if (typeof t === 'number') return TYPES[t] || String(t);
  if (typeof t === 'string' && t) return /^\d$/.test(t) ? TYPES[t] : t.toUpperCase();
  const json = frameJson(frame);
  return Array.isArray(json) ? TYPES[json[0]] || '?' : '?';
}

/** Frames (any order) to exchanges, newest first: {call, reply, action, direction, latency}. */
export function pairFrames(frames) {
  const byId = new Map();
  const exchanges = [];
  const sorted = frames.slice().sort((a, b) => String(a.time).localeCompare(String(b.time)));
  for (const frame of sorted) {
    const type = frameType(frame);
    const id = frame.message_id ?? (Array.isArray(frameJson(frame)) ? frameJson(frame)[1] : null);
    if (type === 'CALL' || type === 'SEND') {
      const ex = { call: frame, reply: null, id, action: frame.action, direction: frame.direction, time: frame.time };
      exchanges.push(ex);
      if (type === 'CALL') byId.set(`${id}`, ex);
    } else {
      const ex = byId.get(`${id}`);
      if (ex && !ex.reply) {
        ex.reply = frame;
      } else {
        exchanges.push({ call: null, reply: frame, id, action: frame.action, direction: frame.direction, time: frame.time });
      }
    }
  }
  for (const ex of exchanges) {
    const latency = ex.reply && ex.reply.latency_ms != null ? ex.reply.latency_ms
      : ex.call && ex.call.latency_ms != null ? ex.call.latency_ms : null;
    ex.latency = latency;
    ex.replyType = ex.reply ? frameType(ex.reply) : null;
  }
  return exchanges.reverse();
}

function arrow(direction) {
  const d = String(direction || '').toLowerCase();
  if (['in', 'received', 'rx', 'incoming', 'cs->csms', 'from_station'].includes(d)) return 'station → CSMS';
  if (['out', 'sent', 'tx', 'outgoing', 'csms->cs', 'to_station'].includes(d)) return 'CSMS → station';
  return direction || '?';
}

function exchangeView(ex) {
  const result = ex.replyType === 'CALLERROR' ? 'error' : ex.replyType ? 'ok' : 'pending';
  const resultText = ex.call && !ex.reply ? 'no reply yet' : ex.replyType || 'CALL';
  return h('details', { class: `exchange ${result}`, dataset: { action: ex.action || '', messageId: ex.id ?? '', direction: ex.direction || '', reply: ex.replyType || '' } },
    h('summary', {},
      h('span', { class: 'ex-time', title: fmtTime(ex.time) }, fmtClock(ex.time)),
      h('span', { class: 'ex-dir' }, arrow(ex.direction)),
      h('span', { class: 'ex-action' }, ex.action || '(reply)'),
      h('span', { class: `ex-result ${result}` }, resultText),
      h('span', { class: 'ex-latency' }, ex.latency != null ? `${Number(ex.latency).toFixed(1)} ms` : ''),
      h('span', { class: 'ex-id mono' }, ex.id ?? '')),
    h('div', { class: 'ex-body' },
      ex.call ? h('div', {}, h('h4', {}, `CALL ${ex.action || ''}`), pretty(frameJson(ex.call))) : null,
      ex.reply ? h('div', {}, h('h4', {}, ex.replyType), pretty(frameJson(ex.reply))) : null));
}

export function inspectorPanel(chargerId, live) {
  const action = h('select', { id: 'inspector-action' }, h('option', { value: '' }, 'All actions'));
  const direction = h('select', { id: 'inspector-direction' },
    h('option', { value: '' }, 'Both directions'),
    h('option', { value: 'in' }, 'station → CSMS'),
    h('option', { value: 'out' }, 'CSMS → station'));
  const auto = h('input', { type: 'checkbox', id: 'inspector-auto', checked: true });
  const list = h('div', { id: 'inspector-list', class: 'exchanges' });
  const status = h('p', { class: 'muted', id: 'inspector-count', 'aria-live': 'polite' });
  let frames = [];
  let stopped = false;

  function render() {
    const all = pairFrames(frames);
    const actions = [...new Set(all.map((e) => e.action).filter(Boolean))].sort();
    const chosen = action.value;
    clear(action, h('option', { value: '' }, 'All actions'), actions.map((a) => h('option', { value: a }, a)));
    if (chosen && !actions.includes(chosen)) action.append(h('option', { value: chosen }, chosen));
    action.value = chosen;
    const shown = all.filter((e) => (!chosen || e.action === chosen)
      && (!direction.value || arrow(e.direction) === arrow(direction.value)));
    const open = new Set([...list.querySelectorAll('details[open]')].map((d) => d.dataset.messageId));
    const views = shown.map(exchangeView);
    for (const v of views) if (open.has(v.dataset.messageId)) v.open = true;
    clear(list, views.length ? views : h('p', { class: 'empty' }, 'No frames match.'));
    status.textContent = `${shown.length} exchange(s) shown, ${frames.length} frame(s) loaded.`;
  }

  async function refresh() {
    try {
      const data = await get(`/chargers/${enc(chargerId)}/messages${query({ limit: 200 })}`);
      if (stopped) return;
      frames = Array.isArray(data) ? data : data.items || data.frames || [];
      render();
    } catch (err) {
      if (!stopped) clear(list, errorNotice(err, chargerId));
    }
  }

  action.addEventListener('change', render);
  direction.addEventListener('change', render);
  const soon = debounce(() => { if (auto.checked) refresh(); }, 300);
  const off = live.on((kind, data) => {
    if (kind === 'frame' && (!data.charger_id || data.charger_id === chargerId)) soon();
  });
  const stopTimer = every(3000, () => { if (auto.checked) refresh(); });
  refresh();

  const element = h('section', { class: 'card wide', 'aria-labelledby': 'inspector-h' },
    h('h2', { id: 'inspector-h' }, 'Protocol inspector'),
    h('div', { class: 'row filters' },
      h('label', { for: 'inspector-action' }, 'Action'), action,
      h('label', { for: 'inspector-direction' }, 'Direction'), direction,
      h('label', { class: 'inline' }, auto, ' Follow live'),
      h('button', { type: 'button', class: 'secondary small', onclick: refresh }, 'Refresh')),
    status, list);
  return { element, dispose: () => { stopped = true; off(); stopTimer(); } };
}
