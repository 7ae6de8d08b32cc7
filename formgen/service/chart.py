"""The batch timeline as a PNG: stages as bars against their due dates, late parts in red."""
from __future__ import annotations

import textwrap
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from formgen.core.atomic import atomic_open  # noqa: E402
from formgen.core.i18n import t  # noqa: E402
from formgen.domain.dates import format_short as _short  # noqa: E402

WIDTH_PX, HEIGHT_PX, DPI = 1600, 900, 100
LABEL_CHARS = 34  # stage names longer than this wrap onto a second line
PLAN_COLOUR = "#9ec5e8"
DONE_COLOUR = "#2e7d32"
LATE_COLOUR = "#d32f2f"
TODAY_COLOUR = "#ef6c00"


def _long(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{_short(day)} {day.year}"


def _num(day: date) -> float:
    return mdates.date2num(day)


def draw_timeline(report: dict, path: Path) -> Path:
    """Draw every batch of a status report (formgen.service.status.build_status) into one PNG."""
    fig = build_figure(report)
    with atomic_open(Path(path), "wb") as handle:
        fig.savefig(handle, format="png", dpi=DPI)
    plt.close(fig)
    return Path(path)


def build_figure(report: dict):
    """The chart as a matplotlib figure, every label inside it whatever its length."""
    batches = report["batches"]
    today = date.fromisoformat(report["today"])
    count = max(1, len(batches))
    height_px = max(HEIGHT_PX, 450 * count)
    fig, axes = plt.subplots(count, 1, figsize=(WIDTH_PX / DPI, height_px / DPI), dpi=DPI,
                             squeeze=False)
    notes = {}
    for ax, batch in zip(axes[:, 0], batches or [None], strict=True):
        if batch is None:
            ax.axis("off")
            ax.text(0.5, 0.5, t("service.no_batches"), ha="center", va="center", fontsize=16)
            continue
        notes[ax] = _draw_batch(ax, batch, today, report["calendar"],
                                {date.fromisoformat(d) for d in report.get("holidays", [])})
    handles = [Patch(color=PLAN_COLOUR, label=t("service.chart.planned")),
               Patch(color=LATE_COLOUR, label=t("service.chart.late")),
               Line2D([], [], marker="D", color=DONE_COLOUR, linestyle="none", markersize=9,
                      label=t("service.chart.done")),
               Line2D([], [], color=TODAY_COLOUR, linewidth=2, linestyle="--",
                      label=t("service.chart.today"))]
    fig.legend(handles=handles, loc="lower center", ncol=4, frameon=False, fontsize=12)
    for _ in range(2):  # the layout and the room the notes need depend on each other
        fig.tight_layout(rect=(0, 0.05, 1, 1))
        for ax, texts in notes.items():
            _make_room(fig, ax, texts)
            _day_ticks(ax)
    return fig


def _day_ticks(ax) -> None:
    """Date ticks spaced for the final width of the axis, so their labels never overlap."""
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=6, maxticks=16,
                                                      interval_multiples=False))


def _make_room(fig, ax, texts: list) -> None:
    """Widen the date axis until every note to the right of its bar ends inside the axes."""
    for _ in range(6):
        renderer = fig.canvas.get_renderer()
        box = ax.get_window_extent(renderer)
        right = max((text.get_window_extent(renderer).x1 for text in texts), default=0)
        if right <= box.x1 - 6:
            return
        left, old = ax.get_xlim()
        over = min(0.8, (right - box.x1 + 12) / box.width)
        ax.set_xlim(left, old + (old - left) * over / (1 - over))


def _draw_batch(ax, batch: dict, today: date, calendar: str, holidays: set[date]) -> list:
    """Draw one batch; returns the notes written to the right of the bars."""
    stages = batch["stages"]
    labels, notes = [], []
    for row, stage in enumerate(stages):
        start, due = date.fromisoformat(stage["start"]), date.fromisoformat(stage["due"])
        done = date.fromisoformat(stage["done"]) if stage["done"] else None
        end = due + timedelta(days=1)
        ax.barh(row, _num(end) - _num(start), left=_num(start), height=0.55,
                color=PLAN_COLOUR, edgecolor="#5b8db8", linewidth=0.8, zorder=2)
        if stage["late_days"] > 0:
            late_end = (done or today) + timedelta(days=1)
            ax.barh(row, _num(late_end) - _num(end), left=_num(end), height=0.55,
                    color=LATE_COLOUR, alpha=0.85, zorder=2)
        if done:
            ax.plot(_num(done) + 0.5, row, marker="D", color=DONE_COLOUR, markersize=10,
                    markeredgecolor="white", zorder=4)
        parts = [_short(start) if start == due else f"{_short(start)} – {_short(due)}"]
        if done:
            parts.append(t("service.chart.done_on", day=_short(done)))
        if stage["late_days"] > 0:
            parts.append(t("service.chart.late_days", n=stage["late_days"]))
        note = "  ·  ".join(parts)
        right = end
        if stage["late_days"] > 0:
            right = (done or today) + timedelta(days=1)
        elif done:
            right = max(end, done + timedelta(days=1))
        notes.append(ax.annotate(note, (_num(right), row), xytext=(8, 0),
                                 textcoords="offset points", va="center", fontsize=10.5,
                                 color=LATE_COLOUR if stage["late_days"] else "#333333",
                                 zorder=5))
        days = t("service.chart.days", n=stage["days"]).replace(" ", "\u00a0")  # kept whole
        labels.append(textwrap.fill(f"{stage['nama']} ({days})", LABEL_CHARS))
    ax.set_yticks(range(len(stages)), labels, fontsize=12)
    ax.invert_yaxis()
    first = date.fromisoformat(stages[0]["start"])
    last = max([date.fromisoformat(stages[-1]["due"]), today] +
               [date.fromisoformat(s["done"]) for s in stages if s["done"]])
    ax.set_xlim(_num(first - timedelta(days=1)), _num(last + timedelta(days=7)))
    ax.axvline(_num(today) + 0.5, color=TODAY_COLOUR, linestyle="--", linewidth=2, zorder=3)
    ax.text(_num(today) + 0.5, -0.75, t("service.chart.today_label", day=_short(today)),
            ha="center", va="bottom", color=TODAY_COLOUR, fontsize=11, fontweight="bold",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 2}, zorder=6)
    if calendar == "working_days":
        _shade_days_off(ax, first - timedelta(days=1), last + timedelta(days=7), holidays)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: _short(mdates.num2date(x).date())))
    ax.tick_params(axis="x", labelsize=10, rotation=0)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_ylim(len(stages) - 0.4, -1.1)
    subtitle = t("service.chart.subtitle", start=_long(batch["start"]), end=_long(batch["end"]),
                 late=batch["late_stages"], applicants=len(batch["applicants"]),
                 calendar=t(f"service.chart.{calendar}"))
    ax.set_title(t("service.chart.title", batch=batch["batch"]), fontsize=17,
                 fontweight="bold", loc="left", pad=30)
    ax.text(0, 1.02, subtitle, transform=ax.transAxes, fontsize=12, color="#555555",
            va="bottom", ha="left", wrap=True)
    return notes


def _shade_days_off(ax, first: date, last: date, holidays: set[date]) -> None:
    """Grey columns for weekends and holidays when due dates count working days."""
    day = first
    while day <= last:
        if day.weekday() >= 5 or day in holidays:
            ax.axvspan(_num(day), _num(day) + 1, color="#eeeeee", zorder=0, linewidth=0)
        day += timedelta(days=1)
