"""The fleet's measures (reply latency per action, the timeline, session energy) and the HTML
report's drawing helpers."""

from __future__ import annotations

import random

from ocppkit.simulator.fleet.html_report import histogram, line_chart, nice_ticks
from ocppkit.simulator.fleet.measures import RESERVOIR, Latency, ReplyTimer, Timeline, percentile
from ocppkit.simulator.fleet.report import FleetStats

ID_A = "6f1c2d3e-0000-4000-8000-000000000001"
ID_B = "6f1c2d3e-0000-4000-8000-000000000002"


def test_replies_are_timed_per_action_by_message_id() -> None:
    timer = ReplyTimer()
    timer.sent(f'[2,"{ID_A}","BootNotification",{{}}]', 10.0)
    timer.sent(f'[2,"{ID_B}","Heartbeat",{{}}]', 10.5)
    timer.answered(f'[3, "{ID_B}", {{"currentTime":"x"}}]', 10.6)  # spaces, as some CSMSs send
    timer.answered(f'[4,"{ID_A}","InternalError","",{{}}]', 10.25)
    timer.answered('[3,"unknown",{}]', 11.0)
    assert timer.by_action["BootNotification"].samples == [0.25]
    assert abs(timer.by_action["Heartbeat"].samples[0] - 0.1) < 1e-9
    assert set(timer.by_action) == {"BootNotification", "Heartbeat"}


def test_latency_keeps_a_bounded_sample_and_exact_count_and_max() -> None:
    latency, rng = Latency(), random.Random(1)
    for i in range(RESERVOIR * 3):
        latency.add(i / 1000, rng)
    assert latency.count == RESERVOIR * 3 and len(latency.samples) == RESERVOIR
    assert latency.summary_ms()["max_ms"] == (RESERVOIR * 3 - 1)
    assert 2000 < latency.summary_ms()["p50_ms"] < 4000  # the sample is spread, not the start
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0 and percentile([], 0.5) == 0.0


def test_the_timeline_halves_its_resolution_when_full() -> None:
    timeline = Timeline(period=1.0)
    for second in range(2000):
        timeline.add(float(second), second % 7, 1.5)
    assert len(timeline.points) <= 600 and timeline.period >= 4.0
    assert timeline.points[0][0] == 0.0 and timeline.points[-1][0] > 1900


def test_stats_take_each_sessions_energy_from_its_transaction_events() -> None:
    stats = FleetStats()

    def event(kind: str, wh: float) -> str:
        return (
            f'[2,"{ID_A}","TransactionEvent",{{"eventType":"{kind}","transactionInfo":'
            f'{{"transactionId":"tx1"}},"meterValue":[{{"sampledValue":[{{"value":{wh},'
            '"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh"}}]}]}]'
        )

    stats.observe("out", event("Started", 1000.0))
    stats.observe("out", event("Ended", 3500.0))
    assert stats.sessions_started == stats.sessions_completed == 1
    assert stats.session_energy_kwh == [2.5]
    stats.stopping = True
    stats.observe("out", event("Started", 0.0))
    stats.observe("out", event("Ended", 500.0))
    assert stats.sessions_completed == 1 and stats.cut_short_energy_kwh == [0.5]


def test_ticks_cover_the_data() -> None:
    for low, high in [(0, 11.7), (0.0021, 0.0152), (30.5, 53.9), (0, 1), (5, 5)]:
        ticks = nice_ticks(low, high)
        assert ticks[0] <= low and ticks[-1] >= high and 2 <= len(ticks) <= 12


def test_charts_are_svg_and_say_so_when_empty() -> None:
    chart = line_chart("Stations online", [(0, 0), (1, 3), (2, 3)], "s", "stations", "#000")
    assert chart.startswith("<svg") and "<polyline" in chart and chart.endswith("</svg>")
    bars = histogram("Energy <kWh>", [1.0, 1.0, 2.0, 3.5], "kWh", "#000", bins=4)
    assert bars.count("<rect") == 3 and "Energy &lt;kWh&gt;" in bars
    assert "none" in histogram("Energy", [], "kWh", "#000")
