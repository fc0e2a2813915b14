// Transactions: every transaction the CSMS knows, filtered by station and state, paginated.

import { request, query } from './api.js';
import { h, clear, table, badge, fmt, fmtTime, fmtNum, debounce, every } from './dom.js';
import { errorNotice } from './commands.js';

const PAGE = 25;

export function transactionsPage(main, { live }) {
  const charger = h('input', { id: 'tx-filter-charger', type: 'search', placeholder: 'any station' });
  const active = h('select', { id: 'tx-filter-active' },
    h('option', { value: '' }, 'Any state'), h('option', { value: 'true' }, 'Active'), h('option', { value: 'false' }, 'Ended'));
  const holder = h('div', { id: 'transactions-table' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  let offset = 0;
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
      const rows = Array.isArray(data) ? data : (data && data.items) || [];
      clear(holder, table([
        { label: 'Transaction', render: (t) => h('code', {}, t.transaction_id) },
        { label: 'Station', render: (t) => h('a', { href: `#/stations/${encodeURIComponent(t.charger_id)}` }, t.charger_id) },
        { label: 'EVSE', key: 'evse_id' },
        { label: 'ID token', render: (t) => fmt(t.id_token) },
        { label: 'State', render: (t) => (t.active ? badge('active', 'charging') : badge('ended', 'ended')) },
        { label: 'Started', render: (t) => fmtTime(t.started_at) },
        { label: 'Ended', render: (t) => fmtTime(t.ended_at) },
        { label: 'Energy (kWh)', class: 'num', render: (t) => fmtNum(t.energy_kwh, 3) },
        { label: 'Peak (kW)', class: 'num', render: (t) => fmtNum(t.peak_power_w != null ? t.peak_power_w / 1000 : null) },
        { label: 'Stop reason', render: (t) => fmt(t.stopped_reason) },
      ], rows, { caption: 'Transactions, newest first', empty: 'No transactions match.' }));
      const count = total ?? rows.length;
      clear(pager,
        h('button', { type: 'button', class: 'small secondary', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); refresh(); } }, '← Newer'),
        h('span', {}, count ? ` ${offset + 1}–${offset + rows.length} of ${count} ` : ' '),
        h('button', { type: 'button', class: 'small secondary', disabled: offset + rows.length >= count, onclick: () => { offset += PAGE; refresh(); } }, 'Older →'));
    } catch (err) {
      clear(holder, errorNotice(err, ''));
    }
  }
  const soon = debounce(refresh, 1000);
  const off = live.on((kind) => { if (kind === 'transaction') soon(); });
  const stopTimer = every(10_000, refresh);
  refresh();
  return () => { off(); stopTimer(); };
}
