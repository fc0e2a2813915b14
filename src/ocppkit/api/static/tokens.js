// ID tokens: the CSMS's authorization list; add, change status, block, delete.

import { request, post, patch, del, enc } from './api.js';
import { h, clear, notice, table, badge, fmt, fmtTime } from './dom.js';
import { errorNotice } from './commands.js';

const TYPES = ['ISO14443', 'ISO15693', 'Central', 'eMAID', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization'];
const STATUSES = ['Accepted', 'Blocked', 'ConcurrentTx', 'Expired', 'Invalid', 'NoCredit', 'NotAllowedTypeOfEVSE', 'NotAtThisLocation', 'NotAtThisTime', 'Unknown'];

const tokenOf = (t) => t.id_token ?? t.idToken ?? t.token;

export function tokensPage(main) {
  const out = h('div', { id: 'tokens-result', 'aria-live': 'polite' });
  const holder = h('div', { id: 'tokens-table' });
  const idToken = h('input', { id: 'token-id', required: true, maxlength: 36, placeholder: 'e.g. 04A2B3C4D5E6F7' });
  const type = h('select', { id: 'token-type' }, TYPES.map((t) => h('option', {}, t)));
  const status = h('select', { id: 'token-status' }, STATUSES.map((s) => h('option', {}, s)));
  const form = h('form', { id: 'token-form', class: 'row', novalidate: true },
    h('label', { for: 'token-id' }, 'ID token'), idToken,
    h('label', { for: 'token-type' }, 'Type'), type,
    h('label', { for: 'token-status' }, 'Status'), status,
    h('button', { type: 'submit' }, 'Add token'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!idToken.value.trim()) { clear(out, notice('error', 'Enter the id token to add.')); idToken.focus(); return; }
    await act(`Token ${idToken.value} added.`, () => post('/tokens', { id_token: idToken.value.trim(), type: type.value, status: status.value }));
    idToken.value = '';
  });
  clear(main, h('h1', {}, 'ID tokens'),
    h('section', { class: 'card', 'aria-labelledby': 'add-token-h' }, h('h2', { id: 'add-token-h' }, 'Add a token'), form),
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
      const { data, total } = await request('GET', '/tokens');
      const rows = Array.isArray(data) ? data : (data && data.items) || [];
      clear(holder, h('p', { class: 'muted' }, `${total ?? rows.length} token(s).`), table([
        { label: 'ID token', render: (t) => h('code', {}, tokenOf(t)) },
        { label: 'Type', render: (t) => fmt(t.type ?? t.id_token_type) },
        { label: 'Status', render: (t) => badge(t.status ?? '—', String(t.status || '').toLowerCase()) },
        { label: 'Expires', render: (t) => fmtTime(t.expiry ?? t.cache_expiry ?? t.valid_until) },
        { label: 'Group', render: (t) => fmt(t.group_id_token ?? t.group) },
        { label: 'Actions', render: (t) => tokenActions(t) },
      ], rows, { caption: 'Tokens the CSMS authorizes', empty: 'No tokens yet.', rowAttrs: (t) => ({ dataset: { token: tokenOf(t) } }) }));
    } catch (err) {
      clear(holder, errorNotice(err, ''));
    }
  }

  function tokenActions(t) {
    const id = tokenOf(t);
    const select = h('select', { 'aria-label': `Status of ${id}` }, STATUSES.map((s) => h('option', { selected: s === t.status }, s)));
    return h('span', { class: 'actions' }, select,
      h('button', { type: 'button', class: 'small secondary', onclick: () => act(`Token ${id} is now ${select.value}.`, () => patch(`/tokens/${enc(id)}`, { status: select.value })) }, 'Set status'),
      h('button', { type: 'button', class: 'small secondary', onclick: () => act(`Token ${id} blocked.`, () => post(`/tokens/${enc(id)}/block`, {})) }, 'Block'),
      h('button', { type: 'button', class: 'small danger', onclick: () => { if (window.confirm(`Delete token ${id}?`)) act(`Token ${id} deleted.`, () => del(`/tokens/${enc(id)}`)); } }, 'Delete'));
  }

  refresh();
  return () => {};
}
