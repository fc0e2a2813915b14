// The fleet: totals (stations online, charging, power now, energy today), every station
// searched by id and filtered by status and firmware version, sortable columns and pages.
// Searching, filtering, sorting and paging happen on the server (GET /chargers): the page holds
// one page of stations, however large the fleet. Updated live.

import { request, get, query, ApiError } from './api.js';
import { h, clear, notice, table, badge, fmtTime, fmtAgo, fmtNum, debounce, every } from './dom.js';

export function connectionBadge(charger) {
  const online = charger.connection === 'connected';
  return badge(online ? 'online' : 'offline', online ? 'online' : 'offline');
}

/** The charging state (E02 transactionInfo.chargingState) of the transaction on each EVSE. */
export function chargingStates(charger) {
  const states = new Map();
  for (const tx of charger.active_transactions || []) {
    if (tx.evse_id != null && tx.charging_state) states.set(tx.evse_id, tx.charging_state);
  }
  return states;
}

export function stateKind(text) {
  const state = String(text || 'unknown');
  if (state === 'Charging') return 'charging';
  if (state.startsWith('Suspended')) return 'reserved';
  if (state === 'EVConnected' || state === 'Idle') return 'occupied';
  return state.toLowerCase();
}

/** One badge per EVSE: its transaction's charging state, else its status. */
export function evseBadges(charger) {
  const evses = charger.evses || [];
  if (!evses.length) return '—';
  const states = chargingStates(charger);
  return h('span', { class: 'badges' }, evses.filter((e) => e.evse_id > 0).map((e) => {
    const text = states.get(e.evse_id) || e.status || '?';
    return badge(`${e.evse_id}: ${text}`, stateKind(text));
  }));
}

const PAGE = 50;
const STATUSES = [
  ['', 'Any status', {}],
  ['online', 'Online', { connection: 'connected' }],
  ['offline', 'Offline', { connection: 'disconnected' }],
  ['charging', 'Charging', { charging_state: 'Charging' }],
  ['suspended-ev', 'Suspended by the EV', { charging_state: 'SuspendedEV' }],
  ['suspended-evse', 'Suspended by the EVSE', { charging_state: 'SuspendedEVSE' }],
  ['available', 'An EVSE available', { status: 'Available' }],
  ['occupied', 'An EVSE occupied', { status: 'Occupied' }],
  ['faulted', 'An EVSE faulted', { status: 'Faulted' }],
  ['unavailable', 'An EVSE unavailable', { status: 'Unavailable' }],
];
// What the page shows, kept while the user visits a station and comes back.
const view = { search: '', status: '', version: '', sort: 'id', desc: false, offset: 0 };

const n = (value) => Number(value).toLocaleString('en');

function totalsView(fleet) {
  const tile = (id, label, value, sub) => h('div', { class: 'tile', id },
    h('span', { class: 'tile-label' }, label), h('span', { class: 'tile-value' }, value),
    sub ? h('span', { class: 'tile-sub muted' }, sub) : null);
  return [
    tile('total-online', 'Stations online', n(fleet.stations_online), `of ${n(fleet.stations_known)} known`),
    tile('total-charging', 'Charging', n(fleet.stations_charging), `${n(fleet.transactions_active)} transaction(s) running`),
    tile('total-power', 'Power now', `${fmtNum(fleet.power_w / 1000, 1)} kW`),
    tile('total-energy', 'Energy today', `${fmtNum(fleet.energy_today_kwh, 1)} kWh`, 'UTC day'),
  ];
}

function renderPager(pager, shown, total, go) {
  const { offset } = view;
  if (total <= PAGE && offset === 0) { clear(pager); return; }
  const lastPage = Math.max(0, Math.floor((total - 1) / PAGE) * PAGE);
  const button = (label, to, disabled) => h('button', { type: 'button', class: 'small secondary', disabled, onclick: () => go(to) }, label);
  clear(pager,
    button('« First', 0, offset === 0),
    button('← Previous', Math.max(0, offset - PAGE), offset === 0),
    h('span', { id: 'stations-range' }, ` ${n(shown ? offset + 1 : 0)}–${n(offset + shown)} of ${n(total)} `),
    button('Next →', offset + PAGE, offset + shown >= total),
    button('Last »', lastPage, offset + shown >= total));
}

export function stationsPage(main, { live }) {
  const status = h('div', { class: 'page-status' });
  const totals = h('div', { class: 'tiles', id: 'fleet-totals', 'aria-live': 'polite' });
  const count = h('p', { class: 'muted', id: 'stations-count' });
  const search = h('input', { id: 'stations-search', type: 'search', placeholder: 'station id contains…', value: view.search, autocomplete: 'off' });
  const filter = h('select', { id: 'stations-filter' }, STATUSES.map(([value, label]) => h('option', { value }, label)));
  filter.value = view.status;
  const version = h('select', { id: 'stations-version' }, h('option', { value: '' }, 'Any firmware'));
  const holder = h('div', { id: 'stations-table' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of stations' });
  clear(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Stations')),
    totals,
    h('form', { class: 'row', role: 'search', onsubmit: (e) => e.preventDefault() },
      h('label', { for: 'stations-search' }, 'Search'), search,
      h('label', { for: 'stations-filter' }, 'Status'), filter,
      h('label', { for: 'stations-version' }, 'Firmware'), version),
    count, status, holder, pager);

  let stopped = false;
  let versions = [];
  const restart = () => { view.offset = 0; refresh(); };
  search.addEventListener('input', debounce(() => { view.search = search.value.trim(); restart(); }, 300));
  filter.addEventListener('change', () => { view.status = filter.value; restart(); });
  version.addEventListener('change', () => { view.version = version.value; restart(); });
  const sortBy = (key) => {
    if (view.sort === key) view.desc = !view.desc; else { view.sort = key; view.desc = key === 'power' || key === 'energy' || key === 'last_seen'; }
    restart();
  };
  const sortable = (label, key, num) => ({
    label: h('button', { type: 'button', class: `sort${num ? ' num' : ''}`, dataset: { sort: key }, onclick: () => sortBy(key) },
      label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, view.sort === key ? (view.desc ? ' ▼' : ' ▲') : '')),
    thAttrs: { 'aria-sort': view.sort === key ? (view.desc ? 'descending' : 'ascending') : 'none' },
  });

  function renderVersions(list) {
    if (list.join('\n') === versions.join('\n')) return;
    versions = list;
    clear(version, h('option', { value: '' }, 'Any firmware'), list.map((v) => h('option', { value: v }, v)));
    if (view.version && !list.includes(view.version)) version.append(h('option', { value: view.version }, view.version));
    version.value = view.version;
  }

  async function refresh() {
    const params = {
      ...(STATUSES.find(([value]) => value === view.status) || STATUSES[0])[2],
      search: view.search, version: view.version, sort: view.sort, order: view.desc ? 'desc' : 'asc',
      limit: PAGE, offset: view.offset,
    };
    try {
      const [{ data, total }, fleet] = await Promise.all([
        request('GET', `/chargers${query(params)}`),
        get('/fleet').catch(() => null),
      ]);
      if (stopped) return;
      const rows = Array.isArray(data) ? data : [];
      const matching = total ?? rows.length;
      if (fleet) {
        clear(totals, totalsView(fleet));
        renderVersions(fleet.versions || []);
      }
      const filtered = view.search || view.status || view.version;
      count.textContent = filtered ? `${matching.toLocaleString('en')} station(s) match.` : '';
      clear(status);
      renderPager(pager, rows.length, matching, (next) => { view.offset = next; refresh(); });
      const now = Date.now();
      const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.sort : null;
      clear(holder, table([
        { ...sortable('Station', 'id'), render: (c) => h('a', { href: `#/stations/${encodeURIComponent(c.charger_id)}` }, c.charger_id) },
        { ...sortable('Link', 'connection'), render: connectionBadge },
        { ...sortable('EVSEs', 'status'), render: evseBadges },
        { label: 'OCPP', render: (c) => (c.ocpp_version ? c.ocpp_version.replace(/^ocpp/, '') : '—') },
        { ...sortable('Vendor / model', 'model'), render: (c) => (c.boot ? `${c.boot.vendor ?? ''} ${c.boot.model ?? ''}`.trim() : '—') },
        { ...sortable('Firmware', 'version'), render: (c) => (c.boot && c.boot.firmware_version) || '—' },
        { ...sortable('Power (kW)', 'power', true), class: 'num', render: (c) => (c.transaction ? fmtNum(activePower(c) / 1000) : '—') },
        { ...sortable('Energy (kWh)', 'energy', true), class: 'num', render: (c) => (c.transaction ? fmtNum(activeEnergy(c), 3) : '—') },
        { ...sortable('Last seen', 'last_seen'), render: (c) => h('time', { datetime: c.last_seen || '', title: fmtTime(c.last_seen) }, fmtAgo(c.last_seen, now)) },
      ], rows, {
        caption: 'Charging stations known to the CSMS',
        empty: filtered ? 'No station matches.' : 'No station has connected yet. Point a station (or `ocppkit charger`) at ws://<host>:9000/<station id>.',
        rowAttrs: (c) => ({ dataset: { chargerId: c.charger_id, connection: c.connection } }),
      }));
      // A keyboard user who sorted keeps the focus on the column's button across the re-render.
      if (focused) { const again = holder.querySelector(`button[data-sort="${focused}"]`); if (again) again.focus(); }
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

function activePower(c) {
  return (c.active_transactions || []).reduce((sum, tx) => sum + (tx.power_w || 0), 0);
}

function activeEnergy(c) {
  return (c.active_transactions || []).reduce((sum, tx) => sum + (tx.energy_kwh || 0), 0);
}
