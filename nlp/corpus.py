"""The FAQ corpus file: intents, phrasings, small talk, and answers templated from config."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# The contract (docs/faq.md): exactly these ids, no others.
INTENT_IDS: tuple[str, ...] = (
    "jam_buka", "hari_libur", "syarat_pendaftaran", "cara_daftar", "cara_ambil_antrean", "cek_antrean",
    "batal_antrean", "terlambat", "bpjs", "biaya", "daftar_poli", "jadwal_dokter", "lokasi", "kontak",
    "darurat", "prioritas", "imunisasi", "kia_kb", "rujukan", "laboratorium", "daftar_anak",
    "data_pribadi", "ubah_data", "apotek", "surat_sehat", "keluhan",
)
LANGS = ("id", "en")
# libyaml's safe loader when PyYAML has it (the corpus is ~100 KB: 0.2 s -> 0.01 s a load), the
# same safe subset of YAML either way
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_WORDS = {
    "id": {"closed": "tutup", "and": "dan", "none": "tidak ada", "range": "–"},
    "en": {"closed": "closed", "and": "and", "none": "none", "range": "–"},
}
_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


class CorpusError(ValueError):
    """The corpus file is wrong; the message says where."""


@dataclass(frozen=True)
class Corpus:
    path: Path
    intents: dict[str, tuple[str, ...]]  # id -> phrasings
    answers: dict[str, dict[str, str]]  # id -> lang -> template
    smalltalk: dict[str, tuple[str, ...]]  # kind -> phrasings
    smalltalk_answers: dict[str, dict[str, str]]
    fallback: dict[str, str]
    facts: dict[str, dict[str, str]]  # clinic_facts + commands, per lang
    calibration: tuple[Path, ...]  # the calibration sets (`calibration:`, one file or a list)
    out_of_scope: tuple[str, ...] = ()  # questions no intent answers: the matcher's off-topic class
    # labelled question sets, one a writer (`training:`): their questions are phrasings of their
    # intents (or off-topic questions), and each is calibration data for a model fitted without it
    training: tuple[Path, ...] = ()


def _bilingual(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return {lang: value for lang in LANGS}
    if isinstance(value, dict) and all(isinstance(value.get(lang), str) for lang in LANGS):
        return {lang: value[lang] for lang in LANGS}
    raise CorpusError(f"{where}: needs a text or {{id: ..., en: ...}}")


def load_corpus(path: Path) -> Corpus:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # safe: see _YAML_LOADER
    except FileNotFoundError:
        raise CorpusError(f"{path}: FAQ corpus file does not exist") from None
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("intents"), dict):
        raise CorpusError(f"{path}: needs an 'intents' mapping")
    got = set(raw["intents"])
    missing, extra = set(INTENT_IDS) - got, got - set(INTENT_IDS)
    if missing or extra:
        raise CorpusError(f"{path}: intents must be exactly the spec's ids; missing {sorted(missing)}, unknown {sorted(extra)}")
    intents, answers = {}, {}
    for iid in INTENT_IDS:
        entry = raw["intents"][iid] or {}
        phrases = entry.get("phrases")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise CorpusError(f"{path}: intents.{iid}.phrases must be a non-empty list of texts")
        intents[iid] = tuple(phrases)
        answers[iid] = _bilingual(entry.get("answer"), f"{path}: intents.{iid}.answer")
    smalltalk, smalltalk_answers = {}, {}
    for kind, entry in (raw.get("smalltalk") or {}).items():
        phrases = entry.get("phrases") if isinstance(entry, dict) else None
        if not isinstance(phrases, list) or not phrases:
            raise CorpusError(f"{path}: smalltalk.{kind}.phrases must be a non-empty list")
        smalltalk[kind] = tuple(str(p) for p in phrases)
        smalltalk_answers[kind] = _bilingual(entry.get("answer"), f"{path}: smalltalk.{kind}.answer")
    facts: dict[str, dict[str, str]] = {}
    for key, value in (raw.get("clinic_facts") or {}).items():
        facts[key] = _bilingual(value, f"{path}: clinic_facts.{key}")
    for key, value in (raw.get("commands") or {}).items():
        facts[key] = _bilingual(value, f"{path}: commands.{key}")
    calibration, training = (_file_list(raw, key, path) for key in ("calibration", "training"))
    off_topic = raw.get("out_of_scope") or []
    if not isinstance(off_topic, list) or not all(isinstance(p, str) and p.strip() for p in off_topic):
        raise CorpusError(f"{path}: out_of_scope must be a list of texts")
    return Corpus(
        path=path,
        intents=intents,
        answers=answers,
        smalltalk=smalltalk,
        smalltalk_answers=smalltalk_answers,
        fallback=_bilingual(raw.get("fallback"), f"{path}: fallback"),
        facts=facts,
        calibration=calibration,
        out_of_scope=tuple(off_topic),
        training=training,
    )


def _file_list(raw: dict, key: str, path: Path) -> tuple[Path, ...]:
    """`key:` of the corpus file, one file name or a list of them, relative to the corpus file."""
    names = raw.get(key) or []
    names = [names] if isinstance(names, str) else names
    if not isinstance(names, list) or not all(isinstance(c, str) for c in names):
        raise CorpusError(f"{path}: {key} must be a file name or a list of them")
    return tuple((path.parent / c).resolve() for c in names)


# ---------------------------------------------------------------------- answer context


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {_WORDS[lang]['and']} " + items[-1]


def describe_hours(hours, lang: str) -> str:
    """`OpeningHours` → "Senin–Kamis 07:00–12:00, Jumat 07:00–10:30, Minggu tutup"."""
    days, words = _DAYS[lang], _WORDS[lang]
    spans = hours.describe()  # mon..sun -> "07:00-12:00" | None
    values = list(spans.values())
    groups: list[tuple[int, int, str | None]] = []
    for i, v in enumerate(values):
        if groups and groups[-1][2] == v and groups[-1][1] == i - 1:
            groups[-1] = (groups[-1][0], i, v)
        else:
            groups.append((i, i, v))
    parts = []
    for start, end, v in groups:
        name = days[start] if start == end else f"{days[start]}{words['range']}{days[end]}"
        parts.append(f"{name} {v.replace('-', '–')}" if v else f"{name} {words['closed']}")
    return ", ".join(parts)


def _find_service(settings, lang: str, *needles: str) -> str:
    for s in settings.services.values():
        if any(n.casefold() in s.name.casefold() for n in needles):
            return s.name if lang == "id" else s.name_en
    return ""


def answer_context(settings, corpus: Corpus, lang: str) -> dict[str, str]:
    """Every placeholder an answer template may use, for one language, from config."""
    c = settings.clinic
    raw_clinic = (settings.raw or {}).get("clinic") or {}
    ctx: dict[str, str] = {}
    for key, value in corpus.facts.items():
        ctx[key] = value[lang]
        override = raw_clinic.get(key)
        if isinstance(override, str):
            ctx[key] = override
        elif isinstance(override, dict) and isinstance(override.get(lang), str):
            ctx[key] = override[lang]
    closed = [_DAYS[lang][i] for i, w in enumerate(c.hours.describe().values()) if w is None]
    holidays = sorted(c.holidays)
    months = _MONTHS[lang]
    services = list(settings.services.values())
    name_of = (lambda s: s.name) if lang == "id" else (lambda s: s.name_en)
    priority = sorted((k for k in settings.conditions.values() if k.level <= 1), key=lambda k: k.level)
    keep = settings.keep_ktp_photos
    photo = {
        ("id", False): "dihapus segera setelah dibaca; yang disimpan hanya data tulisannya.",
        ("id", True): "disimpan di server puskesmas dan hanya dapat dilihat petugas.",
        ("en", False): "is deleted as soon as it has been read; only the text data is kept.",
        ("en", True): "is kept on the clinic's server and only staff can see it.",
    }[(lang, keep)]
    general = _find_service(settings, lang, "umum", "general") or name_of(services[0])
    ctx.update({
        "name": c.name,
        "address": c.address,
        "directions": c.directions,
        "phone": c.phone,
        "whatsapp": c.whatsapp or c.phone,
        "emergency_number": c.emergency_number,
        "emergency_unit": c.emergency_unit,
        "fee_umum": c.fee_umum or ("tanyakan di loket" if lang == "id" else "ask at the counter"),
        "complaint_channel": c.complaint_channel or ("loket" if lang == "id" else "counter"),
        "hours": describe_hours(c.hours, lang),
        "closed_days": _join(closed, lang) or _WORDS[lang]["none"],
        "holidays": ", ".join(f"{d.day} {months[d.month - 1]} {d.year}" for d in holidays) or _WORDS[lang]["none"],
        "services": _join([name_of(s) for s in services], lang),
        "service_hours": "; ".join(f"{name_of(s)}: {describe_hours(s.hours, lang)}" for s in services),
        "priority_groups": _join([k.label if lang == "id" else k.label_en for k in priority], lang),
        "kia_service": _find_service(settings, lang, "kia", "kandungan") or general,
        "child_service": _find_service(settings, lang, "anak", "mtbs") or general,
        "dental_service": _find_service(settings, lang, "gigi") or general,
        "general_service": general,
        "pharmacy_counter": settings.phases["apotek"].label if "apotek" in settings.phases and lang == "id"
        else settings.phases["apotek"].label_en if "apotek" in settings.phases else "Apotek",
        "ktp_photo_policy": photo,
        "skip_grace_minutes": f"{settings.notifications.skip_grace_minutes:g}",
        "turn_near_position": str(settings.notifications.turn_near_position),
        "turn_near_ahead": str(max(settings.notifications.turn_near_position - 1, 0)),
        "turn_near_minutes": f"{settings.notifications.turn_near_minutes:g}",
        "booking_days_ahead": str(settings.booking.days_ahead),
        "checkin_minutes": f"{settings.booking.checkin_minutes:g}",
    })
    return ctx


def render(template: str, context: dict[str, str], where: str) -> str:
    try:
        return template.format_map(context)
    except (KeyError, ValueError, IndexError) as exc:
        raise CorpusError(f"{where}: template uses an unknown or bad placeholder: {exc}") from None

