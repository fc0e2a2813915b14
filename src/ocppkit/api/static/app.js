// The dashboard: hash routing between pages, one live event stream (/events, Server-Sent
// Events) shared by the pages, and a periodic refresh as the fallback when the stream is down.

import { h, clear, notice } from './dom.js';
import { stationsPage } from './stations.js';
import { stationPage } from './station.js';
import { tokensPage } from './tokens.js';
import { sitesPage } from './sites.js';
import { transactionsPage, transactionPage } from './transactions.js';
import { tariffsPage } from './tariffs.js';

const KINDS = ['connected', 'disconnected', 'booted', 'status', 'transaction', 'meter_values',
  'unresponsive', 'command', 'notification', 'lagged', 'frame'];

class LiveEvents {
  constructor(indicator) {
    this.indicator = indicator;
    this.listeners = new Set();
    this.source = null;
    this.url = null;
    this.up = false;
  }

  /** (Re)open the stream: all stations' events, or one station's with its OCPP frames. */
  open(chargerId) {
    const url = chargerId ? `/events?frames=true&charger_id=${encodeURIComponent(chargerId)}` : '/events';
    if (this.source && this.url === url && this.source.readyState !== EventSource.CLOSED) return;
    this.close();
    this.url = url;
    const source = new EventSource(url);
    this.source = source;
    source.onopen = () => this.setUp(true);
    source.onerror = () => this.setUp(false);
    for (const kind of KINDS) {
      source.addEventListener(kind, (event) => {
        let data = {};
        try { data = JSON.parse(event.data); } catch { /* keep {} */ }
        for (const fn of this.listeners) fn(kind, data);
      });
    }
  }

  close() {
    if (this.source) this.source.close();
    this.source = null;
  }

  setUp(up) {
    this.up = up;
    this.indicator.textContent = up ? 'live' : 'live updates unavailable: refreshing every few seconds';
    this.indicator.className = up ? 'live up' : 'live down';
  }

  on(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

const ROUTES = [
  [/^#?\/?$/, 'stations', () => stationsPage],
  [/^#\/stations\/(.+)$/, 'stations', () => stationPage],
  [/^#\/tokens$/, 'tokens', () => tokensPage],
  [/^#\/sites$/, 'sites', () => sitesPage],
  [/^#\/tariffs$/, 'tariffs', () => tariffsPage],
  [/^#\/transactions$/, 'transactions', () => transactionsPage],
  [/^#\/transactions\/([^/]+)\/([^/]+)$/, 'transactions', () => transactionPage],
];

function start() {
  const main = document.getElementById('main');
  const live = new LiveEvents(document.getElementById('live'));
  let cleanup = () => {};
  const route = () => {
    cleanup();
    const hash = window.location.hash || '#/';
    const match = ROUTES.find(([re]) => re.test(hash));
    for (const a of document.querySelectorAll('[data-nav]')) {
      a.toggleAttribute('aria-current', Boolean(match) && a.dataset.nav === match[1]);
      if (a.hasAttribute('aria-current')) a.setAttribute('aria-current', 'page');
    }
    if (!match) {
      clear(main, h('h1', { id: 'not-found' }, 'Not found'), notice('warn', `No page at ${hash}.`), h('a', { href: '#/' }, 'Back to the stations'));
      cleanup = () => {};
      window.scrollTo(0, 0);
      return;
    }
    const params = hash.match(match[0]).slice(1).map(decodeURIComponent);
    live.open(match[2]() === stationPage ? params[0] : null);
    clear(main);
    cleanup = match[2]()(main, { live, params }) || (() => {});
    window.scrollTo(0, 0); // a new page starts at its top, not where the last one was scrolled
  };
  window.addEventListener('hashchange', route);
  route();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
