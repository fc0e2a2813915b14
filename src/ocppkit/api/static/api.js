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

export async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, { detail: `the CSMS did not answer (${err.message})`, code: 'network' });
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
