"""Closed vocabularies of the KTP (ktp.md) and correction of OCR text against them.

Pure Python (rapidfuzz only): importable by the bot without easyocr/torch.
"""
from __future__ import annotations

import re

from ocr import regions

# Province codes (first two digits of a NIK) and the header names on the card: ocr.regions' data.
PROVINCES: dict[str, str] = dict(regions.PROVINCES)
PROVINCE_CODES = frozenset(PROVINCES)

GENDERS = ("LAKI-LAKI", "PEREMPUAN")
RELIGIONS = ("ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDHA", "KONGHUCU", "KEPERCAYAAN TERHADAP TUHAN YME")
RELIGION_SPELLINGS = RELIGIONS + ("BUDDHA",)  # cards print BUDHA or BUDDHA: read as printed
MARITAL = ("BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI")
CITIZENSHIP = ("WNI", "WNA")
BLOOD_TYPES = ("A", "B", "AB", "O", "-")

# Common entries of the Dukcapil occupation list; an open vocabulary, corrected only when close.
OCCUPATIONS = (
    "BELUM/TIDAK BEKERJA", "MENGURUS RUMAH TANGGA", "PELAJAR/MAHASISWA", "PENSIUNAN",
    "PEGAWAI NEGERI SIPIL", "TENTARA NASIONAL INDONESIA", "KEPOLISIAN RI", "PERDAGANGAN",
    "PETANI/PEKEBUN", "PETERNAK", "NELAYAN/PERIKANAN", "INDUSTRI", "KONSTRUKSI", "TRANSPORTASI",
    "KARYAWAN SWASTA", "KARYAWAN BUMN", "KARYAWAN HONORER", "BURUH HARIAN LEPAS",
    "BURUH TANI/PERKEBUNAN", "PEMBANTU RUMAH TANGGA", "TUKANG BATU", "TUKANG KAYU", "SOPIR",
    "PEDAGANG", "GURU", "DOSEN", "DOKTER", "BIDAN", "PERAWAT", "APOTEKER", "WIRASWASTA",
    "SENIMAN", "WARTAWAN", "USTADZ/MUBALIGH", "PENDETA", "MEKANIK", "PENJAHIT",
)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.upper()).strip(" :;.,'\"")


def correct(text: str | None, vocabulary: tuple[str, ...], cutoff: float = 70.0) -> tuple[str | None, float]:
    """Closest vocabulary entry and a 0..1 similarity, or (None, score) below `cutoff`."""
    from rapidfuzz import fuzz, process

    if not text:
        return None, 0.0
    cleaned = _clean(text)
    if not cleaned:
        return None, 0.0
    if cleaned in vocabulary:
        return cleaned, 1.0
    best = process.extractOne(cleaned, vocabulary, scorer=fuzz.ratio)
    if best is None or best[1] < cutoff:
        return None, (best[1] / 100.0 if best else 0.0)
    # An ambiguous pair (e.g. KAWIN inside BELUM KAWIN) must win clearly.
    runner = process.extract(cleaned, vocabulary, scorer=fuzz.ratio, limit=2)
    if len(runner) > 1 and runner[0][1] - runner[1][1] < 8:
        return None, best[1] / 100.0
    return best[0], best[1] / 100.0


def correct_blood(text: str | None) -> tuple[str | None, float]:
    """Blood type from a short OCR string ('O', '0', 'AB', '-')."""
    if text is None:
        return None, 0.0
    t = _clean(text).replace(" ", "")
    t = t.replace("0", "O").replace("8", "B").replace("4", "A").replace("D", "O").replace("Q", "O")
    t = t.replace("—", "-").replace("_", "-").replace("~", "-")
    if t in BLOOD_TYPES:
        return t, 1.0
    if t in ("", "--"):
        return "-", 0.6
    return None, 0.0


def correct_province(text: str | None) -> tuple[str | None, float]:
    """Province name from the header line ('PROVINSI JAWA TIMUR')."""
    if not text:
        return None, 0.0
    t = _clean(text)
    t = re.sub(r"^P[RO0]{1,2}V[I1L]NS[I1L]\s*", "", t)
    return correct(t, tuple(PROVINCES.values()), cutoff=80.0)


def province_code(name: str | None) -> str | None:
    for code, prov in PROVINCES.items():
        if prov == name:
            return code
    return None
