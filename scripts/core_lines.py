"""Lines of queue_core (and of storage/, its infrastructure) per module: the base queue, or the
later issue's feature a module exists for. Issue #18's target counts the base only.

    python scripts/core_lines.py [--markdown] [--before REV]

--before REV: a column with each module's lines at that git revision (a module that moved between
packages is matched by its file name).

A module is a feature's only when it exists for that feature; a base module that grew a few
lines for a feature stays base. A module that is neither listed here nor in FEATURES is base.
"""
from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("queue_core", "storage")
FEATURES = {
    "advice": "when to come (call window, advice)",
    "leave": "when to come (time to leave now)",
    "leave_ops": "when to come (time to leave now)",
    "alerts": "emergency first (issue 20)",
    "alert_rules": "emergency first (issue 20)",
    "booking": "booking ahead",
    "booking_days": "booking ahead",
    "booking_duties": "booking ahead",
    "booking_void": "booking ahead",
    "booking_rules": "booking ahead",
    "clinic_checks": "clinic data (issue 21)",
    "clinic_data": "clinic data (issue 21)",
    "clinic_tables": "clinic data (issue 21)",
    "counter": "counter API (issue 22)",
    "counter_ops": "counter API (issue 22)",
    "counter_login": "counter page and kiosk (issue 22)",
    "intake": "counter API (issue 22): availability and preview",
    "clinic_waiting": "services in the database",
    "service_catalog": "services in the database",
    "service_checks": "services in the database",
    "service_moves": "services in the database",
    "booking_advice": "booking ahead (the reminders' time to come)",
    "counter_catalog": "counters in the database (issue 21)",
    "doctor_moves": "per-doctor queues (issue 21)",
    "doctor_rooms": "per-doctor queues (issue 21)",
}


def count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def lines_at(rev: str) -> dict[str, int]:
    """Lines of each module of PACKAGES at a git revision, by path."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout

    found = {}
    for package in PACKAGES:
        for path in git("ls-tree", "--name-only", rev, f"{package}/").split():
            if path.endswith(".py"):
                found[path] = len(git("show", f"{rev}:{path}").splitlines())
    return found


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
    ap.add_argument("--before", metavar="REV", help="add each module's lines at this git revision")
    args = ap.parse_args()
    rows = modules()
    before = lines_at(args.before) if args.before else None
    now = {m for m, _, _ in rows}
    moved = {}  # a module now in another package: file name -> its path then
    if before is not None:
        moved = {Path(m).name: m for m in before if m not in now}
        rows += [(m, 0, "removed") for m in sorted(before) if m not in now
                 and not any(Path(n).name == Path(m).name for n in now)]

    def was(module: str) -> str:
        if before is None:
            return ""
        return str(before.get(module, before.get(moved.get(Path(module).name, ""), "-")))
    totals: dict[str, int] = {}
    for package in PACKAGES:
        for kind in ("base", "feature"):
            totals[f"{package} {kind}"] = sum(n for m, n, owner in rows if m.startswith(package + "/")
                                              and (owner.startswith("base") == (kind == "base")))
    if args.markdown:
        head = f"| module |{' before |' if before else ''} lines | base or feature |"
        print(head + "\n| --- |" + (" ---: |" if before else "") + " ---: | --- |")
        for module, lines, owner in rows:
            print(f"| `{module}` |" + (f" {was(module)} |" if before else "") + f" {lines} | {owner} |")
    else:
        for module, lines, owner in rows:
            print(f"{module:<32} {was(module):>6} {lines:>5}  {owner}")
    print()
    for name, lines in totals.items():
        if lines:
            print(f"{name}: {lines} lines" + ("  " if args.markdown else ""))
    if before is not None:
        feature = {n for n in FEATURES}
        base_before = sum(v for k, v in before.items() if Path(k).stem not in feature)
        print(f"queue_core and storage base at {args.before}: {base_before} lines" + ("  " if args.markdown else ""))


if __name__ == "__main__":
    main()
