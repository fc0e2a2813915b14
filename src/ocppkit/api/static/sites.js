// Sites: groups of stations sharing a power limit (K01): each site's limit, what is allocated
// now and every station's share (GET /sites). Sites are set in the --config file or PUT /sites/{id}.

import { request, enc } from './api.js';
import { h, clear, notice, table, badge, fmt } from './dom.js';
import { errorNotice } from './commands.js';

const kw = (w) => (w === null || w === undefined ? '—' : `${(w / 1000).toFixed(1)} kW`);

export function sitesPage(main, { live }) {
  const holder = h('div', { id: 'sites-panel', 'aria-live': 'polite' });
  clear(main, h('h1', {}, 'Sites'),
    h('p', { class: 'muted' }, 'Stations sharing a power limit; each gets its share as its ChargingStationMaxProfile.'),
    holder);

  async function refresh() {
    try {
      const { data } = await request('GET', '/sites');
      const sites = Array.isArray(data) ? data : [];
      if (!sites.length) {
        clear(holder, notice('info', 'No sites yet: add [[sites]] to the --config file or PUT /sites/{id}.'));
        return;
      }
      clear(holder, sites.map((site) => h('section', { class: 'card', dataset: { site: site.site_id } },
        h('h2', {}, site.site_id),
        h('p', {}, `Limit ${kw(site.limit_w)} · allocated ${kw(site.allocated_w)} · strategy ${site.strategy}`),
        table([
          { label: 'Station', render: (s) => h('a', { href: `#/stations/${enc(s.station_id)}` }, s.station_id) },
          { label: 'Share', render: (s) => kw(s.allocated_w) },
          { label: 'Charging', render: (s) => badge(s.charging ? 'charging' : 'idle', s.charging ? 'ok' : 'muted') },
          { label: 'Link', render: (s) => fmt(s.connected ? 'online' : 'offline') },
        ], site.allocation, { caption: `Shares of ${site.site_id}` }))));
    } catch (err) {
      clear(holder, errorNotice(err, ''));
    }
  }

  refresh();
  const timer = setInterval(refresh, 3000);
  const off = live.on((kind) => { if (kind === 'transaction' || kind === 'command') refresh(); });
  return () => { clearInterval(timer); off(); };
}
