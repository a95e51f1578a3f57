"""The /stats chart: tickets per service today, the wait distribution, the share called within
60 minutes (Kepmenkes 129/2008). Rendered with matplotlib's Agg backend, off the event loop."""
from __future__ import annotations

import io

from bot.i18n import t
from queue_core.staff_views import DayStats


def render_chart(stats: DayStats, settings) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(12, 4), dpi=80)
    codes = list(settings.services)
    counts = [stats.tickets_per_service.get(c, 0) for c in codes]
    axes[0].bar([settings.services[c].name.replace("Poli ", "") for c in codes], counts, color="#2a7ab0")
    axes[0].set_title(t("stats.title_services", "id"))
    axes[0].tick_params(axis="x", labelrotation=30, labelsize=8)
    if stats.waits_minutes:
        axes[1].hist(stats.waits_minutes, bins=min(20, max(5, len(stats.waits_minutes) // 3)), color="#e0892b")
    else:
        axes[1].text(0.5, 0.5, "-", ha="center", va="center")
    axes[1].set_title(t("stats.title_waits", "id"))
    share = stats.share_within_60
    if share is None:
        axes[2].text(0.5, 0.5, "-", ha="center", va="center")
        axes[2].axis("off")
    else:
        axes[2].pie([share, 1 - share], labels=["≤ 60", "> 60"], colors=["#3a9d5d", "#c8453c"],
                    autopct="%1.0f%%", startangle=90)
    axes[2].set_title(t("stats.title_share", "id"))
    fig.suptitle(f"{settings.clinic.name} — {stats.day:%d-%m-%Y}")
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()
