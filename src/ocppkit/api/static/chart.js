// A small chart drawn on a <canvas>: power (kW, left axis) and energy (kWh, right axis) against
// time, from a transaction's curve (GET /transactions/{id}/curve) or points added live. No
// library; redrawn whole on each change (a few hundred points).

const MAX_POINTS = 2000;

export class PowerChart {
  constructor(canvas) {
    this.canvas = canvas;
    this.points = []; // {t: ms, power: kW|null, energy: kWh|null}
    this.emptyText = 'waiting for meter values…';
  }

  /** Add a sample; repeated identical samples within a second are dropped. */
  add(t, powerW, energyKwh) {
    const last = this.points.at(-1);
    const power = typeof powerW === 'number' ? powerW / 1000 : null;
    const energy = typeof energyKwh === 'number' ? energyKwh : null;
    if (last && last.power === power && last.energy === energy && t - last.t < 1000) return;
    this.points.push({ t, power, energy });
    if (this.points.length > MAX_POINTS) this.points.shift();
    this.canvas.dataset.points = String(this.points.length);
    if (energy !== null) this.canvas.dataset.energyKwh = String(energy);
    if (power !== null) this.canvas.dataset.powerKw = String(power);
    this.draw();
  }

  /** Show a curve: [{timestamp, power_w, energy_kwh}], oldest first. */
  setPoints(points) {
    this.points = points.map((p) => ({
      t: Date.parse(p.timestamp),
      power: typeof p.power_w === 'number' ? p.power_w / 1000 : null,
      energy: typeof p.energy_kwh === 'number' ? p.energy_kwh : null,
    })).filter((p) => !Number.isNaN(p.t)).slice(-MAX_POINTS);
    const last = (key) => { for (let i = this.points.length - 1; i >= 0; i -= 1) if (this.points[i][key] !== null) return this.points[i][key]; return null; };
    this.canvas.dataset.points = String(this.points.length);
    const energy = last('energy');
    const power = last('power');
    if (energy !== null) this.canvas.dataset.energyKwh = String(energy);
    if (power !== null) this.canvas.dataset.powerKw = String(power);
    if (this.points.length) this.canvas.dataset.firstAt = new Date(this.points[0].t).toISOString();
    this.draw();
  }

  reset() {
    this.points = [];
    this.canvas.dataset.points = '0';
    this.draw();
  }

  draw() {
    const { canvas } = this;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 600;
    const height = canvas.clientHeight || 220;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const style = getComputedStyle(canvas);
    const colors = {
      axis: style.getPropertyValue('--chart-axis').trim() || '#667',
      power: style.getPropertyValue('--chart-power').trim() || '#0a6ebd',
      energy: style.getPropertyValue('--chart-energy').trim() || '#c25400',
    };
    const pad = { left: 52, right: 60, top: 12, bottom: 26 };
    const plot = { x: pad.left, y: pad.top, w: width - pad.left - pad.right, h: height - pad.top - pad.bottom };
    ctx.font = '12px system-ui, sans-serif';
    ctx.strokeStyle = colors.axis;
    ctx.fillStyle = colors.axis;
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.x, plot.y, plot.w, plot.h);
    const pts = this.points;
    if (pts.length < 1) {
      ctx.textAlign = 'center';
      ctx.fillText(this.emptyText, plot.x + plot.w / 2, plot.y + plot.h / 2);
      return;
    }
    const t0 = pts[0].t;
    const t1 = Math.max(pts.at(-1).t, t0 + 10_000);
    const maxOf = (key) => Math.max(0.001, ...pts.map((p) => p[key] ?? 0));
    const scales = { power: niceMax(maxOf('power')), energy: niceMax(maxOf('energy')) };
    const x = (t) => plot.x + ((t - t0) / (t1 - t0)) * plot.w;
    const y = (v, key) => plot.y + plot.h - (v / scales[key]) * plot.h;
    // grid and axis labels
    ctx.textBaseline = 'middle';
    for (let i = 0; i <= 4; i += 1) {
      const gy = plot.y + plot.h - (i / 4) * plot.h;
      ctx.globalAlpha = 0.25;
      ctx.beginPath(); ctx.moveTo(plot.x, gy); ctx.lineTo(plot.x + plot.w, gy); ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = colors.power; ctx.textAlign = 'right';
      ctx.fillText(label(scales.power * i / 4, scales.power), plot.x - 6, gy);
      ctx.fillStyle = colors.energy; ctx.textAlign = 'left';
      ctx.fillText(label(scales.energy * i / 4, scales.energy), plot.x + plot.w + 6, gy);
    }
    ctx.fillStyle = colors.axis; ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    ctx.fillText(`${clock(t0)} → ${clock(pts.at(-1).t)} (${span(pts.at(-1).t - t0)})`, plot.x + plot.w / 2, plot.y + plot.h + 6);
    ctx.textAlign = 'left'; ctx.fillStyle = colors.power; ctx.fillText('kW', 6, plot.y + plot.h + 6);
    ctx.textAlign = 'right'; ctx.fillStyle = colors.energy; ctx.fillText('kWh', width - 6, plot.y + plot.h + 6);
    for (const key of ['power', 'energy']) {
      ctx.strokeStyle = colors[key];
      ctx.lineWidth = 2;
      ctx.setLineDash(key === 'energy' ? [6, 3] : []);
      ctx.beginPath();
      let started = false;
      for (const p of pts) {
        if (p[key] === null) continue;
        const px = x(p.t); const py = y(p[key], key);
        if (started) ctx.lineTo(px, py); else { ctx.moveTo(px, py); started = true; }
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }
}

function clock(t) {
  return new Date(t).toLocaleTimeString(undefined, { hour12: false });
}

function span(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function niceMax(value) {
  const exp = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 6, 8, 10]) if (value <= step * exp) return step * exp;
  return 10 * exp;
}

/** A tick label with as many decimals as the axis' step needs (steps of 0.0025: 4), at most 4. */
function label(value, max) {
  if (value === 0) return '0';
  const step = max / 4;
  let decimals = 0;
  while (decimals < 4 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-6) decimals += 1;
  return value.toFixed(decimals);
}
