"""KTP photos with ground truth from the project's card renderers, cached on disk.

    a  ocr.synthetic                 the project's first generator (the reader was developed on it)
    b  bench/cards/render_b.py       written without seeing the reader or the other renderers
    c  bench/cards/render_c.py       likewise
    d  bench/cards/render_d.py       likewise; held out until 2026-12-05, now a tuning renderer;
                                     `negatives` are its photos of things that are not a KTP
    e  bench/cards/render_e.py       likewise (written 2026-12-05 by a helper given only a description);
                                     held out until 2026-12-07, now a tuning renderer; `negatives_e`
                                     are its photos of other cards and papers
    f  bench/cards/render_f.py       likewise (written 2026-12-07 by a helper given only a description,
                                     while the reader was being sped up); held out: final check only
    g  bench/cards/render_g.py       likewise (written 2026-12-07 by a helper given only a description
                                     of a KTP and this file format); held out until 2026-12-07 (read
                                     once, seed 921), now a tuning renderer (issue 17: its small, dim
                                     and turned photos); `negatives_g` are its SIM, ATM, student and
                                     BPJS cards, a receipt, a cat, a letter
    h  bench/cards/render_h.py       likewise (written 2026-12-07 by a helper given only a description
                                     of a KTP, this file format and ocr/data/regions.csv); held out:
                                     read once, seed 921; `negatives_h` are its SIM, bank, student and
                                     BPJS cards, a receipt, a letter with a NIK, a cat or a room;
                                     opened for tuning 2026-12-07 (session 13)
    i  bench/cards/render_i.py       likewise (written 2026-12-07 by a helper given only a description
                                     of a KTP and of the photos, this file format and ocr/data/regions.csv);
                                     held out: read once, seed 921; `negatives_i` are its SIM, bank,
                                     student and BPJS cards, a receipt, a letter and a family card with
                                     a NIK, a pet, a room, a wall; opened for tuning 2026-12-07
                                     (session 13) after its one reading
    j  bench/cards/render_j.py       likewise (written 2026-12-07 by a helper given the same
                                     description, asked to print addresses as card printers do,
                                     NO. 12 and NO.12); held out: read once, seed 921;
                                     `negatives_j` are its SIM, ATM, student and BPJS cards, a
                                     receipt, a letter, a family card, a pet, a room, a wall
    k  bench/cards/render_k.py       likewise (written 2026-12-07, session 14, by a helper given only a
                                     description of an e-KTP and of patients' phone photos, this file
                                     format and the region code list); read once (seed 921), then
                                     opened for tuning; `negatives_k` are its SIM, ATM, student and
                                     BPJS cards, a receipt, a letter, a family card, a pet, a room, a wall
    l  bench/cards/render_l.py       likewise (written the same day by another helper from the same
                                     description); held out: read once, at the end of session 14;
                                     `negatives_l` are its photos of the same kinds of things

The renderers b to l are scripts with their parts in a sibling package (bench/cards/render<x>_parts/).
Each renderer is run once per (name, seed, n) into bench/out/cards/<name>_<seed>_<n>/. The renderers
b to l draw with Debian font packages: `sudo scripts/bench-fonts.sh` installs them.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "cards"
RENDERERS = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l")


def _render(name: str, seed: int, n: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if name == "a":
        cmd = [sys.executable, "-m", "ocr.synthetic", "--n", str(n), "--seed", str(seed), "--out", str(folder)]
    elif name.startswith("negatives"):
        renderer = name.partition("_")[2] or "d"
        cmd = [sys.executable, str(ROOT / "bench" / "cards" / f"render_{renderer}.py"), "--negatives",
               "--n", str(n), "--seed", str(seed), "--out", str(folder)]
    else:
        cmd = [sys.executable, str(ROOT / "bench" / "cards" / f"render_{name}.py"),
               "--n", str(n), "--seed", str(seed), "--out", str(folder)]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    (folder / "complete").write_text("ok")


def cards(name: str, seed: int, n: int) -> list[tuple[str, bytes, dict | None]]:
    """(file name, JPEG bytes, true fields or None for a negative) for n photos."""
    folder = OUT / f"{name}_{seed}_{n}"
    if not (folder / "complete").exists():
        _render(name, seed, n, folder)
    out = []
    if name == "a":
        for js in sorted(folder.glob("card_*.json")):
            truth = json.loads(js.read_text())
            out.append((js.with_suffix(".jpg").name, js.with_suffix(".jpg").read_bytes(), truth["fields"]))
    else:
        for line in (folder / "truth.jsonl").read_text().splitlines():
            item = json.loads(line)
            out.append((item["image"], (folder / item["image"]).read_bytes(), item.get("fields")))
    return out[:n]
