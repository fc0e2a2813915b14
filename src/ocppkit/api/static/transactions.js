// Transactions: every transaction the CSMS knows, filtered by station and state, paginated,
// each with its energy curve (a sparkline from its stored meter values); and one transaction's
// page with its power/energy chart over the whole session and its events.

import { request, get, query, enc, ApiError } from './api.js';
import { h, clear, notice, table, badge, fmt, fmtTime, fmtNum, debounce, every } from './dom.js';
import { errorNotice } from './commands.js';
import { PowerChart } from './chart.js';
import { stateKind } from './stations.js';
import { fmtCost } from './tariffs.js';

const PAGE = 25;
const SVG = 'http://www.w3.org/2000/svg';
const curves = new Map(); // ended transactions' curves, by station and id (they no longer change)

const txHref = (t) => `#/transactions/${enc(t.charger_id)}/${enc(t.transaction_id)}`;

/** An inline SVG sparkline of the delivered energy over the session. */
export function sparkline(points, width = 140, height = 28) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'sparkline');
  const pts = points.filter((p) => p.energy_kwh != null).map((p) => [Date.parse(p.timestamp), p.energy_kwh]);
  svg.dataset.points = String(pts.length);
  if (pts.length < 2) {
    svg.setAttribute('aria-label', 'no meter values yet');
    return svg;
  }
  const [t0, t1] = [pts[0][0], Math.max(pts.at(-1)[0], pts[0][0] + 1)];
  const max = Math.max(0.001, ...pts.map((p) => p[1]));
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', pts.map(([t, e]) => `${(((t - t0) / (t1 - t0)) * (width - 2) + 1).toFixed(1)},${(height - 1 - (e / max) * (height - 2)).toFixed(1)}`).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke-width', '1.6');
  svg.append(line);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `energy from 0 to ${fmtNum(pts.at(-1)[1], 3)} kWh`);
  return svg;
}

async function curveOf(t, points) {
  const key = `${t.charger_id}\n${t.transaction_id}\n${points}`;
  if (curves.has(key)) return curves.get(key);
  const curve = await get(`/transactions/${enc(t.transaction_id)}/curve${query({ charger_id: t.charger_id, points })}`);
  if (!curve.active) curves.set(key, curve);
  return curve;
}

export function transactionsPage(main, { live }) {
  const charger = h('input', { id: 'tx-filter-charger', type: 'search', placeholder: 'any station' });
  const active = h('select', { id: 'tx-filter-active' },
    h('option', { value: '' }, 'Any state'), h('option', { value: 'true' }, 'Active'), h('option', { value: 'false' }, 'Ended'));
  const holder = h('div', { id: 'transactions-table' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  let offset = 0;
  let stopped = false;
  const form = h('form', { class: 'row', role: 'search' },
    h('label', { for: 'tx-filter-charger' }, 'Station'), charger,
    h('label', { for: 'tx-filter-active' }, 'State'), active,
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => { e.preventDefault(); offset = 0; refresh(); });
  active.addEventListener('change', () => { offset = 0; refresh(); });
  clear(main, h('h1', {}, 'Transactions'), form, holder, pager);

  async function refresh() {
    try {
      const { data, total } = await request('GET', `/transactions${query({ charger_id: charger.value.trim(), active: active.value, limit: PAGE, offset })}`);
      if (stopped) return;
      const rows = Array.isArray(data) ? data : (data && data.items) || [];
      const cells = new Map();
      clear(holder, table([
        { label: 'Transaction', render: (t) => h('a', { href: txHref(t), class: 'mono' }, t.transaction_id) },
        { label: 'Station', render: (t) => h('a', { href: `#/stations/${enc(t.charger_id)}` }, t.charger_id) },
        { label: 'EVSE', key: 'evse_id' },
        { label: 'ID token', render: (t) => fmt(t.id_token) },
        { label: 'State', render: (t) => (t.active ? badge('active', 'charging') : badge('ended', 'ended')) },
        { label: 'Started', render: (t) => fmtTime(t.started_at) },
        { label: 'Ended', render: (t) => fmtTime(t.ended_at) },
        { label: 'Energy curve', class: 'curve', render: (t) => { const cell = h('span', { class: 'muted' }, '…'); cells.set(t, cell); return cell; } },
        { label: 'Energy (kWh)', class: 'num', render: (t) => fmtNum(t.energy_kwh, 3) },
        { label: 'Peak (kW)', class: 'num', render: (t) => fmtNum(t.peak_power_w != null ? t.peak_power_w / 1000 : null) },
        { label: 'Cost', class: 'num', render: (t) => fmtCost(t.cost) },
        { label: 'Stop reason', render: (t) => fmt(t.stopped_reason) },
      ], rows, {
        caption: 'Transactions, newest first',
        empty: 'No transactions match.',
        rowAttrs: (t) => ({ dataset: { transactionId: t.transaction_id, chargerId: t.charger_id } }),
      }));
      const count = total ?? rows.length;
      clear(pager,
        h('button', { type: 'button', class: 'small secondary', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); refresh(); } }, '← Newer'),
        h('span', {}, count ? ` ${offset + 1}–${offset + rows.length} of ${count} ` : ' '),
        h('button', { type: 'button', class: 'small secondary', disabled: offset + rows.length >= count, onclick: () => { offset += PAGE; refresh(); } }, 'Older →'));
      await Promise.all([...cells].map(async ([t, cell]) => {
        try {
          const curve = await curveOf(t, 40);
          cell.replaceWith(h('a', { href: txHref(t), title: 'open the transaction' }, sparkline(curve.points)));
        } catch {
          cell.textContent = '—';
        }
      }));
    } catch (err) {
      if (!stopped) clear(holder, errorNotice(err, ''));
    }
  }
  const soon = debounce(refresh, 1000);
  const off = live.on((kind) => { if (kind === 'transaction') soon(); });
  const stopTimer = every(10_000, refresh);
  refresh();
  return () => { stopped = true; off(); stopTimer(); };
}

/** One transaction: its facts, its power and energy over the whole session, its events. */
export function transactionPage(main, { live, params }) {
  const [chargerId, transactionId] = params;
  const facts = h('dl', { class: 'facts', id: 'tx-facts' });
  const canvas = h('canvas', { id: 'tx-chart', class: 'chart', role: 'img', 'aria-label': 'Power (kW, solid) and energy (kWh, dashed) over the transaction', dataset: { points: '0' } });
  const chart = new PowerChart(canvas);
  const events = h('div', { id: 'tx-events' });
  const status = h('div', {});
  const title = h('h1', {}, 'Transaction ', h('span', { class: 'mono' }, transactionId), ' ');
  clear(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/transactions' }, '← Transactions')),
    title, status,
    h('section', { class: 'card wide', 'aria-labelledby': 'txd-h' }, h('h2', { id: 'txd-h' }, 'Session'), facts),
    h('section', { class: 'card wide', 'aria-labelledby': 'txc-h' }, h('h2', { id: 'txc-h' }, 'Power and energy'),
      h('div', { class: 'legend' }, h('span', { class: 'key power' }), 'power (kW) ', h('span', { class: 'key energy' }), 'energy (kWh)'),
      canvas),
    h('section', { class: 'card wide', 'aria-labelledby': 'txe-h' }, h('h2', { id: 'txe-h' }, 'Events'), events));
  let stopped = false;
  let ended = false;
  async function refresh() {
    if (ended) return;
    const q = query({ charger_id: chargerId });
    try {
      const [tx, curve] = await Promise.all([
        get(`/transactions/${enc(transactionId)}${q}`),
        get(`/transactions/${enc(transactionId)}/curve${query({ charger_id: chargerId, points: 800 })}`),
      ]);
      if (stopped) return;
      ended = !tx.active;
      clear(title, 'Transaction ', h('span', { class: 'mono' }, transactionId), ' ',
        tx.active ? badge('active', 'charging') : badge('ended', 'ended'));
      const rows = [
        ['Station', h('a', { href: `#/stations/${enc(tx.charger_id)}` }, tx.charger_id)], ['EVSE', fmt(tx.evse_id)],
        ['ID token', fmt(tx.id_token)], ['Charging state', tx.charging_state ? badge(tx.charging_state, stateKind(tx.charging_state)) : '—'],
        ['Started', fmtTime(tx.started_at)], ['Ended', fmtTime(tx.ended_at)],
        ['Energy', `${fmtNum(tx.energy_kwh, 3)} kWh`], ['Peak power', `${fmtNum(tx.peak_power_w != null ? tx.peak_power_w / 1000 : null)} kW`],
        ['Cost', fmtCost(tx.cost)], ['Tariff', fmt(tx.cost ? tx.cost.tariff_id : null)],
        ['Stop reason', fmt(tx.stopped_reason)], ['Meter values from', curve.source],
      ];
      clear(facts, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
      chart.emptyText = 'no meter values';
      chart.setPoints(curve.points);
      clear(events, table([
        { label: 'Seq', key: 'seq_no' }, { label: 'Event', key: 'event_type' },
        { label: 'Trigger', key: 'trigger_reason' }, { label: 'Time', render: (e) => fmtTime(e.timestamp) },
      ], tx.events || [], { empty: 'No events kept.' }));
    } catch (err) {
      if (stopped) return;
      if (err instanceof ApiError && err.status === 404) {
        clear(main, h('p', { class: 'crumbs' }, h('a', { href: '#/transactions' }, '← Transactions')),
          h('h1', { id: 'not-found' }, 'Transaction not found'),
          notice('warn', `No transaction "${transactionId}" of station "${chargerId}" is known to the CSMS (404).`));
        stopped = true;
      } else {
        clear(status, errorNotice(err, chargerId));
      }
    }
  }
  const soon = debounce(refresh, 1000);
  const off = live.on((kind, data) => { if (kind === 'transaction' && data.charger_id === chargerId) soon(); });
  const stopTimer = every(3000, refresh);
  refresh();
  return () => { stopped = true; off(); stopTimer(); };
}
