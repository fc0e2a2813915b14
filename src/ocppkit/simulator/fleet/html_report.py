"""The fleet report as one self-contained HTML page, for a CSMS team that would rather look than
read: the figures of ``FleetReport.text`` and plots drawn here as inline SVG (stations online
and total power over time, energy per session, the CSMS's reply latency per action). No script,
no stylesheet or font from elsewhere: the file opens anywhere, offline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from pathlib import Path

from ocppkit.simulator.fleet.report import FleetReport

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 28, 40  # margins around a plot
BINS = 24
COLOURS = ("#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2")

_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #111; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.8em; }
table { border-collapse: collapse; } td, th { padding: .2em .8em; text-align: left; }
tr:nth-child(even) { background: #f3f4f6; } td.n { text-align: right; }
svg { display: block; margin: .5em 0; } .note { color: #555; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
"""


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values covering ``low``..``high``."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = [round(math.floor(low / step) * step, 10)]
    while ticks[-1] < high - step * 1e-9:  # the last tick at or above high
        ticks.append(round(ticks[0] + len(ticks) * step, 10))
    return ticks


def _fmt(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.3g}"


class _Plot:
    """An SVG canvas mapping data coordinates onto the plot area."""

    def __init__(self, title: str, x_range: tuple[float, float], y_range: tuple[float, float]):
        self.x_ticks = nice_ticks(*x_range)
        self.y_ticks = nice_ticks(0.0, y_range[1])
        self.x0, self.x1 = self.x_ticks[0], self.x_ticks[-1]
        self.y0, self.y1 = 0.0, self.y_ticks[-1]
        self.parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
            f'<text x="{LEFT}" y="16" style="font-weight:600">{escape(title)}</text>',
        ]

    def x(self, value: float) -> float:
        span = (self.x1 - self.x0) or 1.0
        return LEFT + (value - self.x0) / span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        span = (self.y1 - self.y0) or 1.0
        return HEIGHT - BOTTOM - (value - self.y0) / span * (HEIGHT - TOP - BOTTOM)

    def axes(self, x_label: str, y_label: str) -> None:
        base = HEIGHT - BOTTOM
        for tick in self.y_ticks:
            y = self.y(tick)
            self.parts.append(
                f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                'stroke="#e5e7eb"/>'
                f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(tick)}</text>'
            )
        for tick in self.x_ticks:
            x = self.x(tick)
            self.parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 4}" stroke="#333"/>'
                f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle">{_fmt(tick)}</text>'
            )
        self.parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" stroke="#333"/>'
            f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 6}" '
            f'text-anchor="middle">{escape(x_label)}</text>'
            f'<text x="14" y="{(TOP + base) / 2}" text-anchor="middle" '
            f'transform="rotate(-90 14 {(TOP + base) / 2})">{escape(y_label)}</text>'
        )

    def svg(self) -> str:
        return "".join([*self.parts, "</svg>"])


def line_chart(
    title: str, points: Sequence[tuple[float, float]], x_label: str, y_label: str, colour: str
) -> str:
    """A line through ``points`` (x, y), as an SVG element."""
    if not points:
        return f'<p class="note">{escape(title)}: no samples.</p>'
    xs = [p[0] for p in points]
    plot = _Plot(title, (min(xs), max(max(xs), min(xs) + 1)), (0, max(p[1] for p in points)))
    plot.axes(x_label, y_label)
    path = " ".join(f"{plot.x(x):.1f},{plot.y(y):.1f}" for x, y in points)
    plot.parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
    return plot.svg()


def histogram(
    title: str, values: Sequence[float], x_label: str, colour: str, bins: int = BINS
) -> str:
    """A histogram of ``values`` in ``bins`` equal bins, as an SVG element."""
    if not values:
        return f'<p class="note">{escape(title)}: none.</p>'
    low, high = min(values), max(values)
    if high <= low:
        high = low + (abs(low) * 0.1 or 1.0)
    width = (high - low) / bins
    counts = [0] * bins
    for value in values:
        counts[min(bins - 1, int((value - low) / width))] += 1
    plot = _Plot(title, (low, high), (0, max(counts)))
    plot.axes(x_label, "count")
    for i, count in enumerate(counts):
        if count:
            x0, x1 = plot.x(low + i * width), plot.x(low + (i + 1) * width)
            y = plot.y(count)
            plot.parts.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(1.0, x1 - x0 - 1):.1f}" '
                f'height="{plot.y(0) - y:.1f}" fill="{colour}"><title>{count}</title></rect>'
            )
    return plot.svg()


def _figures(report: FleetReport) -> str:
    rows = [
        ("stations", f"{report.stations}"),
        ("online at the end", f"{report.stations_online_at_end}"),
        ("never online", f"{report.stations_never_online}"),
        ("sessions started", f"{report.sessions_started}"),
        ("sessions completed", f"{report.sessions_completed}"),
        ("sessions cut short by the end of the run", f"{report.sessions_cut_short}"),
        ("EVs that failed to start", f"{report.failed_starts}"),
        ("EVs turned away", f"{report.turned_away}"),
        ("energy", f"{report.energy_kwh:.3f} kWh"),
        ("messages in / out", f"{report.messages_in} / {report.messages_out}"),
        ("CALLERRORs", f"{report.call_errors}"),
        ("failed connects", f"{report.failed_connects}"),
        ("wall time", f"{report.wall_time_s:.1f} s"),
    ]
    if report.connect_problem:
        rows.append(("last failed connect", report.connect_problem))
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def _latency_table(report: FleetReport) -> str:
    if not report.reply_latency_ms:
        return '<p class="note">No replies were timed.</p>'
    head = "<tr><th>action</th><th>replies</th><th>p50</th><th>p95</th><th>max</th></tr>"
    rows = "".join(
        f"<tr><td>{escape(action)}</td><td class=n>{lat['count']:.0f}</td>"
        f"<td class=n>{lat['p50_ms']:.1f} ms</td><td class=n>{lat['p95_ms']:.1f} ms</td>"
        f"<td class=n>{lat['max_ms']:.1f} ms</td></tr>"
        for action, lat in sorted(report.reply_latency_ms.items())
    )
    return f"<table>{head}{rows}</table>"


def render_html(report: FleetReport, title: str = "ocppkit fleet report") -> str:
    """The report as a complete HTML document."""
    record = report.record
    online = [(t, float(n)) for t, n, _kw in record.timeline]
    power = [(t, kw) for t, _n, kw in record.timeline]
    latency = [
        histogram(
            f"{action}: reply latency ({len(samples)} replies sampled)",
            [1000 * s for s in samples],
            "milliseconds",
            COLOURS[i % len(COLOURS)],
        )
        for i, (action, samples) in enumerate(sorted(record.latency_samples_s.items()))
    ]
    cut = len(record.cut_short_energy_kwh)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>',
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        _figures(report),
        "<h2>Over time</h2>",
        line_chart("Stations online", online, "seconds since start", "stations", COLOURS[0]),
        line_chart("Total power", power, "seconds since start", "kW", COLOURS[1]),
        "<h2>Energy per session</h2>",
        histogram(
            f"Completed sessions ({len(record.session_energy_kwh)})",
            record.session_energy_kwh,
            "kWh",
            COLOURS[2],
        ),
        f'<p class="note">{cut} session(s) cut short by the end of the run are not in it.</p>',
        "<h2>The CSMS's reply latency per action</h2>",
        _latency_table(report),
        *latency,
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_html(report: FleetReport, path: str | Path) -> None:
    """Write ``render_html(report)`` to ``path``."""
    Path(path).write_text(render_html(report), encoding="utf-8")


__all__ = ["histogram", "line_chart", "nice_ticks", "render_html", "write_html"]
