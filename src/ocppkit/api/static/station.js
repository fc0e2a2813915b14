// One station (or a "not found" page for an unknown one): its link, its EVSEs live (charging
// state, SoC, per-phase current and voltage), operations (start/stop/reset/unlock), the
// transaction's power and energy since its start (its stored meter values), requests & events
// (commands with their progress and the station's notifications), the protocol inspector, any
// command (its form starts from values the station accepts), the device model.

import { get, post, enc, ApiError } from './api.js';
import { h, clear, notice, table, badge, fmt, fmtTime, fmtClock, fmtNum, debounce, every } from './dom.js';
import { connectionBadge, stateKind } from './stations.js';
import { PowerChart } from './chart.js';
import { runCommand, commandPanel, errorNotice } from './commands.js';
import { inspectorPanel } from './inspector.js';
import { trackingPanel } from './tracking.js';

export function stationPage(main, { live, params }) {
  const [chargerId] = params;
  const path = `/chargers/${enc(chargerId)}`;
  let stopped = false;
  let dispose = null;
  clear(main, h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← Stations')), h('p', { class: 'muted' }, 'Loading…'));
  get(path).then((charger) => {
    if (!stopped) dispose = stationView(main, live, chargerId, path, charger);
  }).catch((err) => {
    if (stopped) return;
    if (err instanceof ApiError && err.status === 404) {
      notFoundPage(main, chargerId);
    } else {
      clear(main, h('h1', {}, 'Station ', h('span', { class: 'mono' }, chargerId)), errorNotice(err, chargerId),
        h('button', { type: 'button', class: 'secondary', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, 'Try again'));
    }
  });
  return () => { stopped = true; if (dispose) dispose(); };
}

/** An unknown station: a "not found" page, not the operations and command forms. */
function notFoundPage(main, chargerId) {
  clear(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← Stations')),
    h('h1', { id: 'not-found' }, 'Station not found'),
    notice('warn', `No station "${chargerId}" is known to the CSMS (404): it has never connected. `
      + 'A station appears here once it connects to ws://<host>:9000/<station id>.'),
    h('p', { class: 'row' }, h('button', { type: 'button', class: 'secondary', id: 'check-again', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, 'Check again'),
      h('a', { href: '#/' }, 'Back to the stations')));
}

function stationView(main, live, chargerId, path, first) {
  let stopped = false;
  let charger = first;
  const linkBadge = h('span', { id: 'station-link' });
  const title = h('h1', {}, 'Station ', h('span', { class: 'mono' }, chargerId), ' ', linkBadge);
  const banner = h('div', { id: 'station-notice' });
  const facts = h('dl', { class: 'facts', id: 'station-facts' });
  const evses = h('div', { id: 'evses' });
  const ops = operations(chargerId, path, () => refresh());
  const tx = transactionPanel(chargerId);
  const tracking = trackingPanel(chargerId, path, live);
  const inspector = inspectorPanel(chargerId, live);
  const model = deviceModelPanel(chargerId, path);
  clear(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← Stations')),
    title, banner,
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'overview-h' }, h('h2', { id: 'overview-h' }, 'Overview'), facts),
      ops.element),
    h('section', { class: 'card wide', 'aria-labelledby': 'evses-h' }, h('h2', { id: 'evses-h' }, 'EVSEs'), evses),
    tx.element, tracking.element, inspector.element,
    h('div', { class: 'grid' }, commandPanel(chargerId, 'GetBaseReport', () => commandContext(charger)), model.element));

  async function refresh(known) {
    let evseLive = null;
    try {
      [charger, evseLive] = await Promise.all([known || get(path), get(`${path}/live`).catch(() => null)]);
    } catch (err) {
      if (!stopped) clear(banner, errorNotice(err, chargerId));
      return;
    }
    if (stopped) return;
    const online = charger.connection === 'connected';
    tracking.setOnline(online);
    clear(linkBadge, connectionBadge(charger));
    if (online) {
      clear(banner);
    } else if (!banner.querySelector('#offline-notice')) {
      const offline = notice('warn', `Station ${chargerId} is offline (disconnected `
        + `${fmtTime(charger.disconnected_at || charger.last_seen)}): commands cannot reach it until it `
        + 'reconnects. This page updates by itself when it does.');
      offline.id = 'offline-notice';
      clear(banner, offline);
    }
    renderFacts(facts, charger);
    if (evseLive) renderEvses(evses, evseLive.evses, charger.evses || []);
    ops.update(charger);
    tx.update(charger.transaction);
  }

  const soon = debounce(refresh, 200);
  const off = live.on((kind, data) => {
    if (kind !== 'frame' && (!data.charger_id || data.charger_id === chargerId)) soon();
  });
  // Fallback when the stream is down, and the chart's clock while charging.
  const stopTimer = every(2000, () => { if (!live.up || (charger && charger.transaction)) refresh(); });
  refresh(Promise.resolve(first));
  model.load();
  return () => { stopped = true; off(); stopTimer(); inspector.dispose(); tracking.dispose(); };
}

/** What command forms start from: the running transaction and the first EVSE. */
function commandContext(charger) {
  const evse = ((charger && charger.evses) || []).find((e) => e.evse_id > 0);
  return { transactionId: charger && charger.transaction ? charger.transaction.transaction_id : null, evseId: evse ? evse.evse_id : 1 };
}

/** Per-phase values ("L1 16.0 · L2 15.9") or the one unphased value. */
function phaseCell(evse, key, digits) {
  const phased = (evse.phases || []).filter((p) => p[key] != null);
  if (!phased.length) return h('span', { class: 'phase-total' }, fmtNum(evse[key], digits));
  return h('span', { class: 'phases' }, phased.map((p) => h('span', { class: 'phase', dataset: { phase: p.phase } },
    h('span', { class: 'muted' }, `${p.phase} `), fmtNum(p[key], digits))));
}

function renderEvses(holder, list, views) {
  const connectors = new Map(views.map((e) => [e.evse_id, e.connectors || []]));
  clear(holder, table([
    { label: 'EVSE', key: 'evse_id' },
    { label: 'Status', render: (e) => badge(e.status ?? 'unknown', String(e.status || 'unknown').toLowerCase()) },
    { label: 'Connectors', render: (e) => (connectors.get(e.evse_id) || []).map((c) => `${c.connector_id}: ${c.status}`).join(', ') || '—' },
    { label: 'Charging state', class: 'charging-state', render: (e) => (e.charging_state ? badge(e.charging_state, stateKind(e.charging_state)) : (e.transaction_id ? '—' : 'no transaction')) },
    { label: 'Power (kW)', class: 'num power', render: (e) => fmtNum(e.power_w != null ? e.power_w / 1000 : null) },
    { label: 'Energy (kWh)', class: 'num energy', render: (e) => fmtNum(e.energy_kwh, 3) },
    { label: 'SoC (%)', class: 'num soc', render: (e) => (e.soc != null ? fmtNum(e.soc, 1) : '—') },
    { label: 'Current (A)', class: 'current', render: (e) => phaseCell(e, 'current_a', 1) },
    { label: 'Voltage (V)', class: 'voltage', render: (e) => phaseCell(e, 'voltage_v', 0) },
    { label: 'Meter (kWh)', class: 'num', render: (e) => fmtNum(e.energy_register_wh != null ? e.energy_register_wh / 1000 : null, 3) },
    { label: 'Measured', render: (e) => (e.measured_at ? fmtClock(e.measured_at) : '—') },
  ], list, {
    empty: 'No EVSE has reported its status yet.',
    rowAttrs: (e) => ({ dataset: { evseId: String(e.evse_id), chargingState: e.charging_state || '' } }),
  }));
}

function renderFacts(dl, c) {
  const boot = c.boot || {};
  const rows = [
    ['Vendor', boot.vendor], ['Model', boot.model], ['Serial number', boot.serial_number],
    ['Firmware', boot.firmware_version], ['Registration', c.registration_status], ['OCPP', c.ocpp_version],
    ['Connected since', c.connection === 'connected' ? fmtTime(c.connected_at) : null],
    ['Last seen', fmtTime(c.last_seen)],
    ['Lenient validation', c.lenient === undefined ? undefined : String(c.lenient)],
  ].filter(([, v]) => v !== undefined);
  clear(dl, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, fmt(v))]));
}

function operations(chargerId, path, refresh) {
  const out = h('div', { id: 'ops-result', class: 'result', 'aria-live': 'polite' });
  const evse = h('select', { id: 'start-evse' }, h('option', { value: '1' }, '1'));
  const token = h('input', { id: 'start-token', type: 'text', placeholder: 'default token', maxlength: 36 });
  const resetType = h('select', { id: 'reset-type' }, h('option', {}, 'Immediate'), h('option', {}, 'OnIdle'));
  const unlockEvse = h('input', { id: 'unlock-evse', type: 'number', min: 1, step: 1, value: '1' });
  const unlockConnector = h('input', { id: 'unlock-connector', type: 'number', min: 1, step: 1, value: '1' });
  let txId = null;
  const run = (label, send) => async () => { await runCommand(out, label, chargerId, send); refresh(); };
  const startButton = h('button', { id: 'btn-start', type: 'button', onclick: run('Start', () => post(`${path}/start`,
    { evse_id: Number(evse.value), ...(token.value ? { id_token: token.value } : {}) })) }, 'Start charging');
  const stopButton = h('button', { id: 'btn-stop', type: 'button', class: 'danger', onclick: run('Stop', () => post(`${path}/stop`,
    txId ? { transaction_id: txId } : {})) }, 'Stop charging');
  const element = h('section', { class: 'card', 'aria-labelledby': 'ops-h' },
    h('h2', { id: 'ops-h' }, 'Operations'),
    h('div', { class: 'op' },
      h('label', { for: 'start-evse' }, 'EVSE'), evse,
      h('label', { for: 'start-token' }, 'ID token'), token, startButton, stopButton),
    h('div', { class: 'op' },
      h('label', { for: 'reset-type' }, 'Reset'), resetType,
      h('button', { id: 'btn-reset', type: 'button', class: 'secondary', onclick: run('Reset', () => post(`${path}/reset`, { type: resetType.value })) }, 'Reset station')),
    h('div', { class: 'op' },
      h('label', { for: 'unlock-evse' }, 'EVSE'), unlockEvse,
      h('label', { for: 'unlock-connector' }, 'Connector'), unlockConnector,
      h('button', { id: 'btn-unlock', type: 'button', class: 'secondary', onclick: run('Unlock', () => post(`${path}/unlock`,
        { evse_id: Number(unlockEvse.value), connector_id: Number(unlockConnector.value) })) }, 'Unlock connector')),
    out);
  return {
    element,
    update(charger) {
      txId = charger.transaction ? charger.transaction.transaction_id : null;
      stopButton.title = txId ? `stops transaction ${txId}` : 'no transaction is running';
      const ids = (charger.evses || []).map((e) => e.evse_id).filter((id) => id > 0);
      const chosen = evse.value;
      if (ids.length && ids.join() !== [...evse.options].map((o) => o.value).join()) {
        clear(evse, ids.map((id) => h('option', { value: String(id) }, String(id))));
        if (ids.includes(Number(chosen))) evse.value = chosen;
      }
    },
  };
}

function transactionPanel(chargerId) {
  const info = h('div', { id: 'tx-info' });
  const power = h('output', { id: 'tx-power' }, '—');
  const energy = h('output', { id: 'tx-energy' }, '—');
  const canvas = h('canvas', { id: 'power-chart', role: 'img', 'aria-label': 'Power (kW, solid) and energy (kWh, dashed) of the transaction since it started', dataset: { points: '0' } });
  const chart = new PowerChart(canvas);
  let current = null;
  let loadedAt = 0;
  let loading = false;
  async function loadCurve(txId, ended) {
    if (loading || (!ended && Date.now() - loadedAt < 1500)) return;
    loading = true;
    try {
      const curve = await get(`/transactions/${enc(txId)}/curve?charger_id=${enc(chargerId)}&points=600`);
      if (txId === current) chart.setPoints(curve.points);
      loadedAt = Date.now();
    } catch { /* the next refresh tries again */ } finally {
      loading = false;
    }
  }
  const element = h('section', { class: 'card wide', 'aria-labelledby': 'tx-h' },
    h('h2', { id: 'tx-h' }, 'Charging'),
    info,
    h('div', { class: 'readouts' },
      h('div', {}, h('span', { class: 'muted' }, 'Power '), power, ' kW'),
      h('div', {}, h('span', { class: 'muted' }, 'Energy '), energy, ' kWh'),
      h('div', { class: 'legend' }, h('span', { class: 'key power' }), 'power ', h('span', { class: 'key energy' }), 'energy')),
    canvas);
  requestAnimationFrame(() => chart.draw());
  return {
    element,
    update(tx) {
      if (!tx) {
        if (current && !info.querySelector('.ended')) loadCurve(current, true);
        clear(info, h('p', { class: `muted${current ? ' ended' : ''}` }, current
          ? ['Transaction ', h('a', { href: `#/transactions/${enc(chargerId)}/${enc(current)}` }, current), ' ended.']
          : 'No transaction is running. Start one with "Start charging".'));
        power.textContent = '—';
        energy.textContent = '—';
        if (!current && chart.emptyText !== 'no transaction running') {
          chart.emptyText = 'no transaction running';
          chart.draw();
        }
        return;
      }
      if (tx.transaction_id !== current) {
        chart.emptyText = 'waiting for meter values…';
        chart.reset();
        current = tx.transaction_id;
        loadedAt = 0;
      }
      clear(info, h('p', {}, 'Transaction ', h('code', { id: 'tx-id' }, tx.transaction_id),
        ` on EVSE ${fmt(tx.evse_id)}`, tx.id_token ? ` for ${tx.id_token}` : '', ` since ${fmtTime(tx.started_at)}`,
        tx.charging_state ? ' · ' : '', tx.charging_state ? badge(tx.charging_state, stateKind(tx.charging_state)) : null));
      power.textContent = fmtNum(tx.power_w != null ? tx.power_w / 1000 : null);
      energy.textContent = fmtNum(tx.energy_kwh, 3);
      loadCurve(tx.transaction_id, false);
    },
  };
}

function deviceModelPanel(chargerId, path) {
  const filter = h('input', { type: 'search', id: 'dm-filter', placeholder: 'filter component or variable' });
  const out = h('div', { id: 'device-model' });
  const msg = h('div', { 'aria-live': 'polite' });
  let rows = [];
  const render = () => {
    const q = filter.value.toLowerCase();
    const shown = rows.filter((r) => !q || `${r.component} ${r.variable}`.toLowerCase().includes(q));
    clear(out, table([
      { label: 'Component', key: 'component' }, { label: 'Variable', key: 'variable' },
      { label: 'Value', key: 'value' }, { label: 'Type', key: 'type' },
      { label: 'Mutability', key: 'mutability' }, { label: 'Unit', key: 'unit' },
    ], shown.slice(0, 500), { empty: 'No variables.' }));
  };
  filter.addEventListener('input', render);
  async function load() {
    try {
      const data = await get(`${path}/device-model`);
      rows = deviceModelRows(data);
      clear(msg, rows.length ? null : notice('info', 'The station has not reported its device model yet.'));
      render();
    } catch (err) {
      rows = [];
      clear(out);
      clear(msg, err instanceof ApiError && (err.status === 404 || err.status === 409)
        ? notice('info', `No device model yet: ${err.message}`) : errorNotice(err, chargerId));
    }
  }
  const request = async () => {
    const answer = await runCommand(msg, 'GetBaseReport', chargerId, () => post(`${path}/commands/GetBaseReport`,
      { requestId: Math.floor(Date.now() / 1000) % 1_000_000, reportBase: 'FullInventory' }));
    if (answer) setTimeout(load, 1500);
  };
  const element = h('section', { class: 'card', 'aria-labelledby': 'dm-h' },
    h('h2', { id: 'dm-h' }, 'Device model'),
    h('div', { class: 'row' }, filter,
      h('button', { type: 'button', class: 'secondary small', onclick: load }, 'Reload'),
      h('button', { type: 'button', class: 'secondary small', onclick: request }, 'Ask for a full report')),
    msg, out);
  return { element, load };
}

/** The device model in any of its likely shapes (report_data / variables / a list) to rows. */
function deviceModelRows(data) {
  const list = Array.isArray(data) ? data
    : (data && (data.report_data || data.reportData || data.variables || data.items)) || [];
  const rows = [];
  for (const entry of list) {
    const comp = entry.component || {};
    const variable = entry.variable || {};
    const attrs = entry.variableAttribute || entry.variable_attribute || entry.attributes || [{}];
    const chars = entry.variableCharacteristics || entry.variable_characteristics || {};
    for (const attr of Array.isArray(attrs) ? attrs : [attrs]) {
      rows.push({
        component: typeof comp === 'string' ? comp : [comp.name, comp.instance, comp.evse ? `EVSE ${comp.evse.id}${comp.evse.connectorId ? `/${comp.evse.connectorId}` : ''}` : null].filter(Boolean).join(' · '),
        variable: typeof variable === 'string' ? variable : [variable.name, variable.instance].filter(Boolean).join(' · '),
        value: attr.value ?? entry.value,
        type: [attr.type, chars.dataType].filter(Boolean).join(' · ') || undefined,
        mutability: attr.mutability ?? entry.mutability,
        unit: chars.unit ?? entry.unit,
      });
    }
  }
  return rows;
}
