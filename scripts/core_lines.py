"""Lines of queue_core (and of storage/, its infrastructure) per module: the base queue, or the
later issue's feature a module exists for. Issue #18's target counts the base only.

    python scripts/core_lines.py [--markdown]

A module is a feature's only when it exists for that feature; a base module that grew a few
lines for a feature stays base. A module that is neither listed here nor in FEATURES is base.
"""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("queue_core", "storage")
FEATURES = {
    "advice": "when to come (call window, advice)",
    "leave": "when to come (time to leave now)",
    "leave_ops": "when to come (time to leave now)",
    "alerts": "emergency first (issue 20)",
    "booking": "booking ahead",
    "booking_days": "booking ahead",
    "booking_duties": "booking ahead",
    "booking_void": "booking ahead",
    "clinic_checks": "clinic data (issue 21)",
    "clinic_data": "clinic data (issue 21)",
    "counter": "counter API (issue 22)",
    "counter_ops": "counter API (issue 22)",
    "counter_login": "counter page and kiosk (issue 22)",
    "intake": "counter API (issue 22): availability and preview",
    "clinic_waiting": "services in the database",
    "service_catalog": "services in the database",
    "service_checks": "services in the database",
    "service_moves": "services in the database",
}


def count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def modules() -> list[tuple[str, int, str]]:
    """(module, lines, "base" or the feature), base first, each part by size."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("*.py")):
            owner = FEATURES.get(path.stem, "base") if package == "queue_core" else "base (infrastructure)"
            found.append((f"{package}/{path.name}", count(path), owner))
    return sorted(found, key=lambda m: (m[2] != "base", m[2], -m[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--markdown", action="store_true", help="a table for docs/architecture.md")
    args = ap.parse_args()
    rows = modules()
    totals: dict[str, int] = {}
    for package in PACKAGES:
        for kind in ("base", "feature"):
            totals[f"{package} {kind}"] = sum(n for m, n, owner in rows if m.startswith(package + "/")
                                              and (owner.startswith("base") == (kind == "base")))
    if args.markdown:
        print("| module | lines | base or feature |\n| --- | ---: | --- |")
        for module, lines, owner in rows:
            print(f"| `{module}` | {lines} | {owner} |")
    else:
        for module, lines, owner in rows:
            print(f"{module:<32} {lines:>5}  {owner}")
    print()
    for name, lines in totals.items():
        if lines:
            print(f"{name}: {lines} lines" + ("  " if args.markdown else ""))


if __name__ == "__main__":
    main()
