// The REST API client: JSON in and out; every failure is an ApiError carrying the API's
// {"detail", "code"} (and "errors" for 422), so that pages can show the server's own words.

export class ApiError extends Error {
  constructor(status, body) {
    const detail = (body && (typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail)))
      || `HTTP ${status}`;
    super(detail);
    this.status = status;
    this.code = (body && body.code) || null;
    this.errors = (body && Array.isArray(body.errors)) ? body.errors : [];
    this.body = body;
  }
}

// API keys (docs/security.md): when the CSMS asks for one (401), the operator is prompted once;
// the key stays in this tab's sessionStorage and goes out as "Authorization: Bearer <key>".
// The live event stream (EventSource cannot send headers) takes it as ?access_token= (withKey).
const KEY_ITEM = 'ocppkit.apiKey';
let keyDeclined = false;
export const apiKey = () => sessionStorage.getItem(KEY_ITEM);
export const withKey = (url) => (apiKey()
  ? `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(apiKey())}` : url);

export async function request(method, path, body, retried = false) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const sent = apiKey();
  if (sent) init.headers.Authorization = `Bearer ${sent}`;
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, { detail: `the CSMS did not answer (${err.message})`, code: 'network' });
  }
  if (response.status === 401 && !retried && !keyDeclined) {
    // another request may have asked meanwhile: then only retry with its key
    const key = apiKey() !== sent ? apiKey()
      : window.prompt('This CSMS needs an API key (ocppkit api-keys create):');
    keyDeclined = !key; // cancelled: no prompt on every poll; a reload asks again
    if (key) {
      sessionStorage.setItem(KEY_ITEM, key.trim());
      return request(method, path, body, true);
    }
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  const total = response.headers.get('X-Total-Count');
  return { data, total: total === null ? null : Number(total) };
}

export const get = async (path) => (await request('GET', path)).data;
export const post = async (path, body) => (await request('POST', path, body ?? {})).data;
export const patch = async (path, body) => (await request('PATCH', path, body)).data;
export const del = async (path) => (await request('DELETE', path)).data;

export const enc = encodeURIComponent;

export function query(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
