// "Requests & events": the latest commands sent to a station (with the station's answer and the
// progress its notifications reported) and the latest notifications it sent (security and
// monitoring events, firmware/log status, ...). Refreshed from the live stream's "command" and
// "notification" events, and by polling while the stream is down.

import { get, ApiError } from './api.js';
import { h, clear, notice, table, badge, fmt, fmtTime, debounce, every } from './dom.js';
import { errorNotice } from './commands.js';
import { summarize } from './summaries.js';

const SHOWN = 10;
const GOOD = new Set(['Accepted', 'Answered', 'Unlocked', 'Uploaded', 'Installed', 'Downloaded', 'Complete',
  'Published']);
const BAD = new Set(['Rejected', 'Timeout', 'NotConnected', 'Failed', 'UploadFailure',
  'DownloadFailed', 'InstallationFailed', 'InvalidSignature', 'Unknown', 'NotSupported']);

function statusBadge(status) {
  if (!status) return '—';
  const kind = GOOD.has(status) ? 'ok' : BAD.has(status) || status.startsWith('CallError') ? 'invalid'
    : status === 'Sent' ? 'reserved' : 'occupied';
  return badge(status, kind);
}

/** One line saying what a notification reported. */
export function summary(action, p) {
  return (p && typeof p === 'object' && summarize(action, 'CALL', p)) || '—';
}

export function trackingPanel(chargerId, path, live) {
  const commands = h('div', { id: 'tracked-commands' });
  const notifications = h('div', { id: 'tracked-notifications' });
  const msg = h('div', { id: 'tracking-notice', 'aria-live': 'polite' });
  const offline = h('div', { id: 'tracking-offline' });
  let stopped = false;

  async function load() {
    let found;
    try {
      found = await Promise.all([
        get(`${path}/commands?limit=${SHOWN}`), get(`${path}/notifications?limit=${SHOWN}`)]);
    } catch (err) {
      if (stopped) return;
      clear(commands);
      clear(notifications);
      clear(msg, err instanceof ApiError && err.status === 404
        ? notice('info', 'Nothing to show: the CSMS does not know this station.')
        : errorNotice(err, chargerId));
      return;
    }
    if (stopped) return;
    const [sent, received] = found;
    clear(msg);
    clear(commands, table([
      { label: 'Action', render: (c) => h('span', { class: 'ex-action' }, c.action) },
      { label: 'Status', render: (c) => statusBadge(c.status) },
      { label: 'Progress', render: (c) => (c.progress ? statusBadge(c.progress) : '—') },
      { label: 'Sent', render: (c) => fmtTime(c.sent_at) },
    ], sent.items, {
      caption: 'Latest commands sent to the station',
      empty: 'No command sent yet (firmware, log and report requests appear here with their progress).',
      rowAttrs: (c) => ({ dataset: { action: c.action, id: String(c.id) } }),
    }));
    clear(notifications, table([
      { label: 'Notification', render: (n) => h('span', { class: 'ex-action' }, n.action) },
      { label: 'Received', render: (n) => fmtTime(n.received_at) },
      { label: 'Summary', render: (n) => summary(n.action, n.payload) },
    ], received.items, {
      caption: 'Latest notifications from the station',
      empty: 'No notification received yet (security and monitoring events appear here).',
      rowAttrs: (n) => ({ dataset: { action: n.action, id: String(n.id) } }),
    }));
  }

  const soon = debounce(load, 300);
  const off = live.on((kind, data) => {
    if ((kind === 'command' || kind === 'notification') && data.charger_id === chargerId) soon();
  });
  // The stream is the trigger; poll only while it is down.
  const stopTimer = every(3000, () => { if (!live.up) load(); });
  const element = h('section', { class: 'card wide', 'aria-labelledby': 'tracking-h' },
    h('div', { class: 'page-head' }, h('h2', { id: 'tracking-h' }, 'Requests & events'),
      h('button', { type: 'button', class: 'secondary small', onclick: load }, 'Reload')),
    offline, msg, h('div', { class: 'grid' }, commands, notifications));
  load();
  return {
    element,
    load,
    /** Say whether new requests and events can come (from the station's connection). */
    setOnline(online) {
      clear(offline, online ? null : h('p', { class: 'muted' },
        'The station is offline: below is what happened before it disconnected; nothing new '
        + 'arrives until it reconnects.'));
    },
    dispose() { stopped = true; off(); stopTimer(); },
  };
}
