// The protocol inspector: a station's recent OCPP frames, each CALL paired with its reply
// (CALLRESULT or CALLERROR, matched by message id), with a one-line summary of each payload,
// latency and pretty JSON; filtered by action, direction and message id; the shown frames
// copied or exported as JSON lines.

import { get, enc, query } from './api.js';
import { h, clear, notice, fmtClock, fmtTime, pretty, debounce, every } from './dom.js';
import { errorNotice } from './commands.js';
import { summarize } from './summaries.js';

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

/** "call summary → reply summary" of an exchange, one line. */
export function exchangeSummary(ex) {
  const call = ex.call ? frameJson(ex.call) : null;
  const reply = ex.reply ? frameJson(ex.reply) : null;
  const parts = [];
  if (Array.isArray(call)) parts.push(summarize(ex.action, 'CALL', call[3]));
  if (Array.isArray(reply)) {
    parts.push(reply[0] === 4 ? `${reply[2]}: ${reply[3] || ''}`.trim() : summarize(ex.action, 'CALLRESULT', reply[2]));
  }
  return parts.filter(Boolean).join(' → ');
}

function exchangeView(ex) {
  const result = ex.replyType === 'CALLERROR' ? 'error' : ex.replyType ? 'ok' : 'pending';
  const resultText = ex.call && !ex.reply ? 'no reply yet' : ex.replyType || 'CALL';
  const line = exchangeSummary(ex);
  return h('details', { class: `exchange ${result}`, dataset: { action: ex.action || '', messageId: ex.id ?? '', direction: ex.direction || '', reply: ex.replyType || '' } },
    h('summary', {},
      h('span', { class: 'ex-time', title: fmtTime(ex.time) }, fmtClock(ex.time)),
      h('span', { class: 'ex-dir' }, arrow(ex.direction)),
      h('span', { class: 'ex-action' }, ex.action || '(reply)'),
      h('span', { class: 'ex-summary', title: line }, line),
      h('span', { class: `ex-result ${result}` }, resultText),
      h('span', { class: 'ex-latency' }, ex.latency != null ? `${Number(ex.latency).toFixed(1)} ms` : ''),
      h('span', { class: 'ex-id mono' }, ex.id ?? '')),
    h('div', { class: 'ex-body' },
      ex.call ? h('div', {}, h('h4', {}, `CALL ${ex.action || ''}`), pretty(frameJson(ex.call))) : null,
      ex.reply ? h('div', {}, h('h4', {}, ex.replyType), pretty(frameJson(ex.reply))) : null));
}

/** The frames of the exchanges, oldest first, one JSON object a line (as the API logged them). */
export function jsonLines(exchanges) {
  const frames = exchanges.flatMap((ex) => [ex.call, ex.reply].filter(Boolean));
  frames.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || String(a.time).localeCompare(String(b.time)));
  return frames.map((f) => JSON.stringify(f)).join('\n') + (frames.length ? '\n' : '');
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = h('textarea', { style: 'position:fixed;left:-9999px', readonly: true }, text);
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the browser refused to copy');
}

export function inspectorPanel(chargerId, live) {
  const action = h('select', { id: 'inspector-action' }, h('option', { value: '' }, 'All actions'));
  const direction = h('select', { id: 'inspector-direction' },
    h('option', { value: '' }, 'Both directions'),
    h('option', { value: 'in' }, 'station → CSMS'),
    h('option', { value: 'out' }, 'CSMS → station'));
  const messageId = h('input', { id: 'inspector-message-id', type: 'search', placeholder: 'message id', autocomplete: 'off', spellcheck: 'false' });
  const auto = h('input', { type: 'checkbox', id: 'inspector-auto', checked: true });
  const list = h('div', { id: 'inspector-list', class: 'exchanges' });
  const status = h('p', { class: 'muted', id: 'inspector-count', 'aria-live': 'polite' });
  const out = h('div', { id: 'inspector-result', 'aria-live': 'polite' });
  let frames = [];
  let shown = [];
  let stopped = false;

  function render() {
    const all = pairFrames(frames);
    const actions = [...new Set(all.map((e) => e.action).filter(Boolean))].sort();
    const chosen = action.value;
    clear(action, h('option', { value: '' }, 'All actions'), actions.map((a) => h('option', { value: a }, a)));
    if (chosen && !actions.includes(chosen)) action.append(h('option', { value: chosen }, chosen));
    action.value = chosen;
    const id = messageId.value.trim();
    shown = all.filter((e) => (!chosen || e.action === chosen)
      && (!direction.value || arrow(e.direction) === arrow(direction.value))
      && (!id || String(e.id ?? '').includes(id)));
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

  async function copy() {
    const text = jsonLines(shown);
    const count = text ? text.trimEnd().split('\n').length : 0;
    try {
      await copyText(text);
      clear(out, notice('ok', `Copied ${count} frame(s) as JSON lines.`));
    } catch (err) {
      clear(out, notice('error', `Could not copy: ${err.message || err}`));
    }
  }

  function exportLines() {
    const text = jsonLines(shown);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const url = URL.createObjectURL(new Blob([text], { type: 'application/jsonl' }));
    const link = h('a', { href: url, download: `${chargerId}-frames-${stamp}.jsonl`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  action.addEventListener('change', render);
  direction.addEventListener('change', render);
  messageId.addEventListener('input', render);
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
      h('label', { for: 'inspector-message-id' }, 'Message id'), messageId,
      h('label', { class: 'inline' }, auto, ' Follow live'),
      h('button', { type: 'button', class: 'secondary small', onclick: refresh }, 'Refresh'),
      h('button', { type: 'button', class: 'secondary small', id: 'inspector-copy', onclick: copy }, 'Copy shown'),
      h('button', { type: 'button', class: 'secondary small', id: 'inspector-export', onclick: exportLines }, 'Export JSON lines')),
    status, out, list);
  return { element, dispose: () => { stopped = true; off(); stopTimer(); } };
}
