// A form generated from a JSON schema (the OCPP 2.0.1 request schemas, wire names): objects as
// fieldsets, arrays with add/remove, enums as selects, integers and numbers, booleans, strings.
// Constraints (lengths, minimums) are left to the server: its 422 names the field and the rule,
// and the form marks that field. Every input carries data-path ("evse.id", "items.0.name").

import { h } from './dom.js';

let uid = 0;

/** The form of `schema`, filled with `initial` (a value of the schema) when given. */
export function buildForm(schema, initial) {
  const root = resolve(schema, schema);
  const node = field(schema, root, '', 'request', true);
  if (initial !== undefined) node.set(initial);
  return { element: node.element, read: () => node.read() };
}

/** A value for `schema` with every required field set: enums their first value, date-times an
 * hour from now, numbers their minimum (or 0; evseId/connectorId 1), ids from `freshId()`,
 * strings "ocppkit"; optional fields are left out. A start the server's validation accepts. */
export function example(schema, freshId, root = schema, key = '') {
  const s = resolve(root, schema);
  const kind = typeOf(s);
  if (kind === 'object') {
    const out = {};
    for (const name of s.required || []) out[name] = example((s.properties || {})[name] || {}, freshId, root, name);
    return out;
  }
  if (kind === 'array') {
    return Array.from({ length: Math.max(1, s.minItems || 0) }, () => example(s.items || {}, freshId, root, key));
  }
  if (kind === 'enum') return s.enum[0];
  if (kind === 'boolean') return false;
  if (kind === 'integer' || kind === 'number') {
    if (/^(requestId|id|reservationId|remoteStartId)$/.test(key)) return freshId();
    if (/^(evseId|connectorId)$/.test(key)) return 1;
    return s.minimum ?? (s.exclusiveMinimum != null ? s.exclusiveMinimum + 1 : 0);
  }
  if (kind === 'string') {
    if (s.format === 'date-time') return new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000).toISOString().replace('.000Z', 'Z');
    return 'ocppkit'.slice(0, s.maxLength || 7);
  }
  return {};
}

function resolve(root, schema) {
  let s = schema || {};
  for (let i = 0; i < 20 && s.$ref; i += 1) {
    const path = s.$ref.replace(/^#\//, '').split('/').map(decodeURIComponent);
    s = { ...path.reduce((acc, key) => (acc ? acc[key] : undefined), root), ...withoutRef(s) };
  }
  if (!s.type && (s.anyOf || s.oneOf)) {
    const options = (s.anyOf || s.oneOf).filter((o) => o.type !== 'null');
    if (options.length === 1) return { ...resolve(root, options[0]), description: s.description };
  }
  return s;
}

function withoutRef(s) {
  const { $ref, ...rest } = s;
  return rest;
}

function typeOf(s) {
  if (Array.isArray(s.enum)) return 'enum';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  if (s.properties) return 'object';
  return 'json';
}

function field(root, schema, path, name, required) {
  const s = resolve(root, schema);
  const kind = typeOf(s);
  if (kind === 'object') return objectField(root, s, path, name, required);
  if (kind === 'array') return arrayField(root, s, path, name, required);
  return scalarField(s, kind, path, name, required);
}

function labelFor(name, required, s) {
  return [name, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    s.type === 'integer' || s.type === 'number' ? h('span', { class: 'hint' }, ` (${s.type})`) : null];
}

function scalarField(s, kind, path, name, required) {
  const id = `f${uid += 1}`;
  const attrs = { id, name: path, dataset: { path }, required, 'aria-describedby': `${id}-msg` };
  let input;
  if (kind === 'enum') {
    input = h('select', attrs, required ? null : h('option', { value: '' }, '— not set —'),
      s.enum.map((v) => h('option', { value: v }, v)));
  } else if (kind === 'boolean') {
    input = h('select', attrs, required ? null : h('option', { value: '' }, '— not set —'),
      h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
  } else if (kind === 'integer' || kind === 'number') {
    input = h('input', { ...attrs, type: 'number', step: kind === 'integer' ? '1' : 'any', inputmode: 'numeric' });
  } else if (kind === 'json') {
    input = h('textarea', { ...attrs, rows: 3, class: 'mono', placeholder: 'JSON value' });
  } else {
    const placeholder = s.format === 'date-time' ? '2026-01-01T12:00:00Z'
      : s.maxLength ? `up to ${s.maxLength} characters` : '';
    input = h('input', { ...attrs, type: 'text', placeholder });
  }
  const help = s.description ? h('span', { class: 'help' }, firstSentence(s.description)) : null;
  const element = h('div', { class: 'field' },
    h('label', { for: id }, labelFor(name, required, s)), input,
    h('span', { class: 'field-msg', id: `${id}-msg` }), help);
  const read = () => {
    const raw = input.value;
    if (raw === '') return undefined;
    if (kind === 'boolean') return raw === 'true';
    if (kind === 'integer' || kind === 'number') {
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw; // a non-number is sent as typed: the server says why
    }
    if (kind === 'json') {
      try { return JSON.parse(raw); } catch { return raw; }
    }
    return raw;
  };
  const set = (value) => {
    input.value = value === undefined || value === null ? ''
      : kind === 'json' ? JSON.stringify(value) : String(value);
  };
  return { element, read, set };
}

function objectField(root, s, path, name, required) {
  const props = s.properties || {};
  const req = new Set(s.required || []);
  const children = Object.entries(props)
    .filter(([key]) => key !== 'customData')
    .map(([key, sub]) => ({ key, node: field(root, sub, path ? `${path}.${key}` : key, key, req.has(key)) }));
  const body = h('div', { class: 'object-body' }, children.map((c) => c.node.element));
  // An optional object is left out unless its "include" box is ticked.
  const include = !path || required ? null : h('input', { type: 'checkbox', dataset: { include: path },
    onchange: () => { body.hidden = !include.checked; } });
  if (include) body.hidden = true;
  const set = (value) => {
    if (!value || typeof value !== 'object') return;
    if (include) { include.checked = true; body.hidden = false; }
    for (const { key, node } of children) if (key in value) node.set(value[key]);
  };
  if (!path) {
    return { element: body, read: () => collect(children), set };
  }
  const element = h('fieldset', { class: 'object', dataset: { path } },
    h('legend', {}, include ? h('label', {}, include, ` ${name}`) : labelFor(name, required, s)),
    body);
  return { element, read: () => (include && !include.checked ? undefined : collect(children) ?? {}), set };
}

function collect(children) {
  const out = {};
  for (const { key, node } of children) {
    const value = node.read();
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

function arrayField(root, s, path, name, required) {
  const items = [];
  const list = h('ol', { class: 'array-items' });
  const add = () => {
    const node = field(root, s.items || {}, `${path}.${items.length}`, `${name}[${items.length}]`, true);
    const entry = { node };
    const remove = h('button', { type: 'button', class: 'small secondary',
      onclick: () => { items.splice(items.indexOf(entry), 1); li.remove(); } }, `Remove ${name} item`);
    const li = h('li', {}, node.element, remove);
    items.push(entry);
    list.append(li);
  };
  const min = required ? Math.max(1, s.minItems || 0) : 0;
  for (let i = 0; i < min; i += 1) add();
  const element = h('fieldset', { class: 'array', dataset: { path } },
    h('legend', {}, labelFor(name, required, s)), list,
    h('button', { type: 'button', class: 'small secondary', onclick: add }, `Add ${name} item`));
  const set = (value) => {
    if (!Array.isArray(value)) return;
    items.splice(0);
    list.replaceChildren();
    for (const item of value) { add(); items.at(-1).node.set(item); }
  };
  return {
    element,
    set,
    read: () => {
      // An empty object item is sent as {} (the server names its missing fields); an empty
      // scalar item is left out.
      const objects = typeOf(resolve(root, s.items || {})) === 'object';
      const values = items.map((e) => e.node.read())
        .map((v) => (v === undefined && objects ? {} : v)).filter((v) => v !== undefined);
      return values.length || required ? values : undefined;
    },
  };
}

function firstSentence(text) {
  const clean = String(text).replace(/\s+/g, ' ').trim();
  const cut = clean.search(/\.\s/);
  return cut > 0 && cut < 160 ? clean.slice(0, cut + 1) : clean.slice(0, 160);
}

/** Mark the inputs named by a 422's errors [{field, rule, message}]; returns the unmatched ones. */
export function markErrors(form, errors) {
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-msg')) el.textContent = '';
  const unmatched = [];
  for (const err of errors) {
    const path = normalisePath(err.field);
    const input = path ? form.querySelector(`[data-path="${CSS.escape(path)}"]`) : null;
    const msg = input && input.getAttribute('aria-describedby')
      ? form.querySelector(`#${CSS.escape(input.getAttribute('aria-describedby'))}`) : null;
    if (input && msg) {
      input.setAttribute('aria-invalid', 'true');
      msg.textContent = err.message || err.rule || 'invalid';
    } else {
      unmatched.push(err);
    }
  }
  return unmatched;
}

function normalisePath(fieldPath) {
  if (fieldPath === undefined || fieldPath === null) return '';
  return String(Array.isArray(fieldPath) ? fieldPath.join('.') : fieldPath)
    .replace(/^\$\.?/, '').replace(/^\/+/, '').replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1').replace(/^body\.?/, '').replace(/^\.+/, '');
}
