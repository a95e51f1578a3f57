"""The /stats chart, made to be read on a phone: 1600x1000 px, whole numbers on every count axis,
values written beside their bars (no pie: small slices put their labels in the wrong place).
Rendered with matplotlib's Agg backend, off the event loop."""
from __future__ import annotations

import io

from bot.i18n import t
from queue_core.stats import PeriodStats

BLUE, ORANGE, GREEN, RED = "#2a7ab0", "#e0892b", "#3a9d5d", "#c8453c"


def render_chart(stats: PeriodStats, settings, lang: str = "id") -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    plt.rcParams.update({"font.size": 15, "axes.titlesize": 18, "axes.titleweight": "bold"})
    fig, axes = plt.subplots(2, 2, figsize=(16, 10), dpi=100)
    (per_service, waits), (share_ax, per_day) = axes

    per = stats.tickets_per_service()
    codes = [c for c in settings.services if c in per] + sorted(c for c in per if c not in settings.services)
    names = [settings.services[c].name.replace("Poli ", "") if c in settings.services else c for c in codes]
    counts = [per[c] for c in codes]
    if counts:
        bars = per_service.barh(names, counts, color=BLUE)
        per_service.bar_label(bars, padding=4)
        per_service.invert_yaxis()
    else:
        per_service.text(0.5, 0.5, t("stats.no_data", lang), ha="center", va="center", transform=per_service.transAxes)
    per_service.xaxis.set_major_locator(MaxNLocator(integer=True))
    per_service.set_title(t("stats.title_services", lang))

    if stats.waits_minutes:
        waits.hist(stats.waits_minutes, bins=min(20, max(5, len(stats.waits_minutes) // 3)), color=ORANGE)
    else:
        waits.text(0.5, 0.5, t("stats.no_data", lang), ha="center", va="center", transform=waits.transAxes)
    waits.yaxis.set_major_locator(MaxNLocator(integer=True))
    waits.set_xlabel(t("stats.minutes", lang))
    waits.set_ylabel(t("stats.patients", lang))
    waits.set_title(t("stats.title_waits", lang))

    share = stats.share_within_60
    if share is None:
        share_ax.text(0.5, 0.5, t("stats.no_data", lang), ha="center", va="center", transform=share_ax.transAxes)
        share_ax.set_yticks([])
    else:
        bars = share_ax.barh(["≤ 60", "> 60"], [share * 100, (1 - share) * 100], color=[GREEN, RED])
        share_ax.bar_label(bars, labels=[f"{share:.0%}", f"{1 - share:.0%}"], padding=4)
        share_ax.set_xlim(0, 115)
        share_ax.invert_yaxis()
        share_ax.set_xlabel("%")
    share_ax.set_title(t("stats.title_share", lang))

    days = stats.tickets_per_day()
    per_day.bar([d.strftime("%d-%m") for d in days], list(days.values()), color=BLUE)
    per_day.yaxis.set_major_locator(MaxNLocator(integer=True))
    if len(days) > 10:
        per_day.tick_params(axis="x", labelrotation=60, labelsize=11)
        for i, label in enumerate(per_day.get_xticklabels()):
            label.set_visible(i % max(1, len(days) // 15) == 0)
    per_day.set_title(t("stats.title_days", lang))

    period = f"{stats.start:%d-%m-%Y}" + ("" if stats.days == 1 else f" – {stats.end:%d-%m-%Y}")
    fig.suptitle(f"{settings.clinic.name} — {period}", fontsize=20)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()
