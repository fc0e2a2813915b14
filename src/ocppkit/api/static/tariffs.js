// Tariffs (OCPP block I): list, add or replace (PUT /tariffs/{id}), delete. Prices are exact
// decimals, sent as the text typed.

import { request, del, enc } from './api.js';
import { h, clear, notice, table, fmt, fmtTime } from './dom.js';
import { errorNotice } from './commands.js';

const PRICES = [
  ['energy_price_kwh', 'Energy price / kWh'],
  ['time_price_hour', 'Time price / hour'],
  ['session_fee', 'Session fee'],
  ['idle_fee_hour', 'Idle fee / hour'],
];
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** A transaction's cost as text: "2.47 EUR" (running or final), or an em dash. */
export const fmtCost = (cost) => (cost ? `${cost.total.toFixed(2)} ${cost.currency}${cost.final ? '' : ' (running)'}` : '—');

export function tariffsPage(main) {
  const out = h('div', { id: 'tariffs-result', 'aria-live': 'polite' });
  const holder = h('div', { id: 'tariffs-table' });
  const field = (id, label, attrs = {}) => {
    const input = h('input', { id: `tariff-${id}`, ...attrs });
    return [input, [h('label', { for: `tariff-${id}` }, label), input]];
  };
  const [tariffId, idField] = field('id', 'Tariff id', { required: true, maxlength: 64, placeholder: 'standard' });
  const [currency, currencyField] = field('currency', 'Currency', { required: true, maxlength: 3, value: 'EUR' });
  const prices = PRICES.map(([key, label]) => [key, ...field(key, label, { inputmode: 'decimal', value: '0' })]);
  const [stations, stationsField] = field('stations', 'Station ids (comma separated; empty: all)');
  const [groups, groupsField] = field('groups', 'ID token groups (empty: all)');
  const [text, textField] = field('text', 'Text for the driver', { maxlength: 512 });
  const form = h('form', { id: 'tariff-form', class: 'row', novalidate: true },
    idField, currencyField, prices.map(([, , f]) => f), stationsField, groupsField, textField,
    h('button', { type: 'submit' }, 'Save tariff'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = tariffId.value.trim();
    if (!id) { clear(out, notice('error', 'Enter the tariff id.')); tariffId.focus(); return; }
    const body = { currency: currency.value.trim().toUpperCase(), station_ids: list(stations.value), id_token_groups: list(groups.value), text: text.value.trim() || null };
    for (const [key, input] of prices) body[key] = input.value.trim() || '0';
    await act(`Tariff ${id} saved.`, () => request('PUT', `/tariffs/${enc(id)}`, body));
  });
  clear(main, h('h1', {}, 'Tariffs'),
    h('section', { class: 'card', 'aria-labelledby': 'add-tariff-h' }, h('h2', { id: 'add-tariff-h' }, 'Add or replace a tariff'), form),
    out, holder);

  async function act(done, fn) {
    try {
      await fn();
      clear(out, notice('ok', done));
    } catch (err) {
      clear(out, errorNotice(err, ''));
    }
    await refresh();
  }

  async function refresh() {
    try {
      const { data } = await request('GET', '/tariffs');
      const rows = Array.isArray(data) ? data : [];
      clear(holder, table([
        { label: 'Tariff', render: (t) => h('code', {}, t.id) },
        { label: 'Currency', key: 'currency' },
        ...PRICES.map(([key, label]) => ({ label, class: 'num', render: (t) => t[key] })),
        { label: 'Stations', render: (t) => (t.station_ids.length ? t.station_ids.join(', ') : 'all') },
        { label: 'Token groups', render: (t) => (t.id_token_groups.length ? t.id_token_groups.join(', ') : 'all') },
        { label: 'Valid', render: (t) => `${fmtTime(t.valid_from)} – ${fmtTime(t.valid_to)}` },
        { label: 'Text', render: (t) => fmt(t.text) },
        { label: 'Actions', render: (t) => h('button', { type: 'button', class: 'small secondary', onclick: () => act(`Tariff ${t.id} deleted.`, () => del(`/tariffs/${enc(t.id)}`)) }, 'Delete') },
      ], rows, { caption: 'Tariffs: the most specific valid one prices a transaction', empty: 'No tariffs: transactions are not priced.', rowAttrs: (t) => ({ dataset: { tariff: t.id } }) }));
    } catch (err) {
      clear(holder, errorNotice(err, ''));
    }
  }

  refresh();
  return () => {};
}
