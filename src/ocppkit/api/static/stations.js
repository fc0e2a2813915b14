// Stations: every known station with its link, EVSE statuses and charging; updated live.

import { request, get, query, ApiError } from './api.js';
import { h, clear, notice, table, badge, fmt, fmtTime, fmtNum, debounce, every } from './dom.js';

export function connectionBadge(charger) {
  const online = charger.connection === 'connected';
  return badge(online ? 'online' : 'offline', online ? 'online' : 'offline');
}

export function evseBadges(charger) {
  const evses = charger.evses || [];
  if (!evses.length) return '—';
  return h('span', { class: 'badges' }, evses.map((e) => badge(`${e.evse_id}: ${e.status ?? '?'}`, String(e.status || 'unknown').toLowerCase())));
}

const PAGE = 50;

function renderPager(pager, offset, shown, total, go) {
  if (total <= PAGE && offset === 0) { clear(pager); return; }
  clear(pager,
    h('button', { type: 'button', class: 'small secondary', disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE)) }, '← Previous'),
    h('span', {}, ` ${offset + 1}–${offset + shown} of ${total} `),
    h('button', { type: 'button', class: 'small secondary', disabled: offset + shown >= total, onclick: () => go(offset + PAGE) }, 'Next →'));
}

export function stationsPage(main, { live }) {
  const status = h('div', { class: 'page-status' });
  const count = h('p', { class: 'muted', id: 'stations-count' });
  const filter = h('select', { id: 'stations-filter' },
    h('option', { value: '' }, 'All stations'),
    h('option', { value: 'connected' }, 'Online only'),
    h('option', { value: 'disconnected' }, 'Offline only'));
  const holder = h('div', { id: 'stations-table' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of stations' });
  clear(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Stations'),
      h('label', { class: 'inline' }, 'Show ', filter)),
    count, status, holder, pager);

  let stopped = false;
  let offset = 0;
  filter.addEventListener('change', () => { offset = 0; refresh(); });
  async function refresh() {
    try {
      const [{ data, total }, health] = await Promise.all([
        request('GET', `/chargers${query({ connection: filter.value, limit: PAGE, offset })}`),
        get('/health').catch(() => null),
      ]);
      if (stopped) return;
      const rows = Array.isArray(data) ? data : (data && data.items) || [];
      const matching = total ?? rows.length;
      count.textContent = health
        ? `${health.chargers_known} station(s), ${health.chargers_connected} online.`
        : `${matching} station(s).`;
      clear(status);
      renderPager(pager, offset, rows.length, matching, (next) => { offset = next; refresh(); });
      clear(holder, table([
        { label: 'Station', render: (c) => h('a', { href: `#/stations/${encodeURIComponent(c.charger_id)}` }, c.charger_id) },
        { label: 'Link', render: connectionBadge },
        { label: 'Registration', render: (c) => fmt(c.registration_status) },
        { label: 'EVSEs', render: evseBadges },
        { label: 'Vendor / model', render: (c) => (c.boot ? `${c.boot.vendor ?? ''} ${c.boot.model ?? ''}`.trim() : '—') },
        { label: 'Power (kW)', class: 'num', render: (c) => (c.transaction ? fmtNum((c.transaction.power_w ?? 0) / 1000) : '—') },
        { label: 'Energy (kWh)', class: 'num', render: (c) => (c.transaction ? fmtNum(c.transaction.energy_kwh, 3) : '—') },
        { label: 'Last seen', render: (c) => fmtTime(c.last_seen) },
      ], rows, {
        caption: 'Charging stations known to the CSMS',
        empty: 'No station has connected yet. Point a station (or `ocppkit charger`) at ws://<host>:9000/<station id>.',
        rowAttrs: (c) => ({ dataset: { chargerId: c.charger_id, connection: c.connection } }),
      }));
    } catch (err) {
      if (!stopped) clear(status, notice('error', `Could not load the stations: ${err instanceof ApiError ? err.message : err}`));
    }
  }
  // At fleet scale events come by the hundred per second: one refresh per second at most.
  const soon = debounce(refresh, 1000);
  const off = live.on((kind) => { if (kind !== 'frame') soon(); });
  const stopTimer = every(5000, refresh);
  refresh();
  return () => { stopped = true; off(); stopTimer(); };
}
