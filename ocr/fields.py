"""From recognised text boxes of a laid-out card to the KTP fields of ktp.md.

Labels are matched with rapidfuzz (position in the row order is the fallback), values are
cleaned per field, closed vocabularies are corrected, the NIK is digit-corrected and checked on
its own and against the card. A field whose reading is not trustworthy is None.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ocr import nik as nikrules
from ocr import nik_card, places, regions, vocab

FIELDS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "golongan_darah", "alamat",
          "rt_rw", "kel_desa", "kecamatan", "agama", "status_perkawinan", "pekerjaan", "kewarganegaraan",
          "berlaku_hingga", "provinsi", "kabupaten_kota")

# row keys in card order, with the label text printed on the card
ROW_LABELS = (("nik", "NIK"), ("nama", "Nama"), ("ttl", "Tempat/Tgl Lahir"), ("jk", "Jenis Kelamin"),
              ("alamat", "Alamat"), ("rt_rw", "RT/RW"), ("kel_desa", "Kel/Desa"), ("kecamatan", "Kecamatan"),
              ("agama", "Agama"), ("status_perkawinan", "Status Perkawinan"), ("pekerjaan", "Pekerjaan"),
              ("kewarganegaraan", "Kewarganegaraan"), ("berlaku_hingga", "Berlaku Hingga"))
ROW_KEYS = [k for k, _ in ROW_LABELS]

# below these easyocr confidences a free-text value is reported as None
MIN_CONF = {"nama": 0.35, "tempat_lahir": 0.3, "alamat": 0.2, "kel_desa": 0.3, "kecamatan": 0.3,
            "pekerjaan": 0.3, "kabupaten_kota": 0.3}
WEAK_LABEL = 0.75  # a label match below this gives way to the row's position
CLOSE_LABEL = 0.15  # the row's expected label wins when it scores within this of the best one
SPLIT_LETTERS = 0.8  # confidence kept by a name or address with a word read in pieces (`split_letters`)
STROKES = 0.8  # an address with a number of upright strokes only (GG. 1, GG. I, GG. III): 1/I and the count of I's are easily misread
FRAGMENT_CONF = 0.35  # a letter-sized box beside a value read below this is a speck, not text
PLACE_ROWS = ("kel_desa", "kecamatan")  # checked against the place names (`ocr.places`), as is the birthplace
_DATE = re.compile(r"(\d{1,2})\D{0,2}(\d{1,2})\D{0,2}(\d{4})")


@dataclass
class Text:
    text: str
    conf: float


@dataclass
class RowText:
    label: Text | None
    values: list[Text]


@dataclass
class Result:
    fields: dict = field(default_factory=lambda: {k: None for k in FIELDS})
    confidence: dict = field(default_factory=lambda: {k: 0.0 for k in FIELDS})
    problems: list[str] = field(default_factory=list)
    nik_valid: bool = False
    labels_matched: int = 0

    def set(self, key: str, value, conf: float) -> None:
        if value is None or value == "":
            self.fields[key], self.confidence[key] = None, 0.0
        else:
            self.fields[key], self.confidence[key] = value, round(max(0.0, min(1.0, conf)), 2)


def _norm_label(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def label_score(text: str, key: str) -> float:
    """0..1: how well a read label matches the row key's printed label."""
    from rapidfuzz import fuzz

    t, n = _norm_label(text), _norm_label(dict(ROW_LABELS)[key])
    if len(t) < 2:
        return 0.0
    # the reader may see only the start of a long label (engine crops labels to save time)
    score = max(fuzz.ratio(t, n[: len(t) + d]) for d in (-1, 0, 1)) if len(t) < len(n) else fuzz.ratio(t, n)
    return score / 100


def match_label(text: str) -> tuple[str | None, float]:
    best_key, best = None, 0.0
    for key, _ in ROW_LABELS:
        score = label_score(text, key)
        if score > best:
            best_key, best = key, score
    if best < 0.6:
        return None, best
    return best_key, best


def row_keys(rows: list[RowText]) -> list[str | None]:
    """The row key of each row: by its label, else by position after the last row seen;
    "alamat" for a continuation line under Alamat, None for a stray mark or an unknown row."""
    keys: list[str | None] = []
    seen: set[str] = set()
    prev: str | None = None
    for i, row in enumerate(rows):
        if row.label is None:
            keys.append("alamat" if prev == "alamat" and row.values else None)
            continue
        key, score = match_label(row.label.text)
        if key is None and not any(v.text.strip() for v in row.values):
            keys.append(None)  # a speck or stray mark, not a row
            continue
        # position: the next key after the last one seen
        nxt = ROW_KEYS.index(prev) + 1 if prev in ROW_KEYS else (0 if i == 0 else None)
        expected = ROW_KEYS[nxt] if nxt is not None and nxt < len(ROW_KEYS) and ROW_KEYS[nxt] not in seen else None
        if key is None or key in seen or (score < WEAK_LABEL and expected is not None):
            key = expected  # a weak label match out of order ("Raa" -> alamat under NIK) yields to position
        elif expected is not None and key != expected and label_score(row.label.text, expected) >= score - CLOSE_LABEL:
            key = expected  # nearly as good a match in order: a blurred "Nama" read "Nala" (alamat's start)
        keys.append(key)
        if key is not None:
            seen.add(key)
            prev = key
    return keys


def assign_rows(rows: list[RowText]) -> dict[str, list[Text]]:
    """Row key -> value texts; continuation lines (no label) join the row above (Alamat)."""
    out: dict[str, list[Text]] = {}
    for key, row in zip(row_keys(rows), rows):
        if key is not None:
            values = list(row.values) if key == "jk" else drop_fragments(row.values)  # jk: a blood type is one letter
            out[key] = out.get(key, []) + values if row.label is None else values
    return out


def drop_fragments(values: list[Text]) -> list[Text]:
    """Drop letter-sized boxes read with no confidence beside a real value (a speck, the photo's edge):
    joined to the value they broke its parsing ('KEDIRI; 01-08-1999 I' has no date at its end) and
    pulled its confidence down to theirs."""
    if not any(len(v.text.strip()) >= 3 for v in values):
        return list(values)
    return [v for v in values if len(v.text.replace(" ", "")) >= 3 or v.conf >= FRAGMENT_CONF]


def _join(texts: list[Text]) -> Text | None:
    texts = [t for t in texts if t.text.strip()]
    if not texts:
        return None
    return Text(" ".join(t.text.strip() for t in texts), min(t.conf for t in texts))


def _strip_colon(text: str) -> str:
    return re.sub(r"^[\s:;.,|'`]+", "", text).strip()


def _clean_words(text: str) -> str:
    text = text.upper().translate(str.maketrans("0158|$", "OISBIS"))
    text = re.sub(r"[^A-Z .,'\-/]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,-")


_ABBREV = re.compile(r"\b(JL|JLN|GG|NO|DSN|DS|KP|PERUM|BLK|KOMP|LK|LING|LINGK|BR|KM(?=\W*\d))(?:\s*[.,:;]\s*|\s+)(?=\S)")
_ABBREV_DOT = {"KM", "BR", "JL", "JLN", "GG", "NO", "DSN", "DS", "KP", "KOMP", "BLK", "LK", "LING", "LINGK"}
# a street's JL. read with its J or L misread or lost: no address starts with these ("OL. TUANKU IMAM")
_JL_MISREAD = re.compile(r"^(?:[O0I]L|J[I1|]|J)[.,]?\s+(?=[A-Z]{2})")


def clean_address(text: str) -> str:
    """An address as printed: capitals, one space, the usual abbreviations with their dot
    ("JL MAWAR NO . 12" -> "JL. MAWAR NO. 12"), O/I read for 0/1 inside numbers ("G1O" -> "G10")."""
    text = re.sub(r"\s+", " ", text.upper()).strip(" :;,")
    text = re.sub(r"^JL(?=[A-Z]{2})(?!N\b)", "JL. ", text)  # "JLMERPATI": the dot and space lost
    text = _JL_MISREAD.sub("JL. ", text)
    text = re.sub(r"^DSN(?=[A-Z]{3})", "DSN. ", text)  # "DSNNGASEM": no word starts DSN
    text = re.sub(r"(?<=[A-Z0-9])(NO[.,]\s*\d)", r" \1", text)  # "ENO.13" -> "E NO.13"
    text = re.sub(r"(?<=\S)(BLOK\b)", r" \1", text)
    text = re.sub(r"\bBLOK ([A-Z])([SOIZB])\b", lambda m: f"BLOK {m.group(1)}{'50128'['SOIZB'.index(m.group(2))]}", text)
    # PERUM is printed with or without its dot: kept as read
    text = _ABBREV.sub(lambda m: f"{m.group(1)}. " if m.group(1) in _ABBREV_DOT or "." in m.group(0) else f"{m.group(1)} ", text)
    text = re.sub(r"\bN0(?=[.,]?\s*\d)", "NO", text)  # "N0. 12"
    text = re.sub(r"\bBLOK(?=[A-Z]?\d)", "BLOK ", text)  # "BLOKA3"
    text = re.sub(r"\s+([.,])", r"\1", text)
    text = re.sub(r"([.,])(?=[A-Z0-9])", r"\1 ", text)  # a dot or comma is followed by a space: "H.ABDULLAH"
    text = re.sub(r"\b(NO\.) (\d) (\d+[A-Z]?)\b", r"\1 \2\3", text)  # "NO. 1 2": a house number split

    def digits(m: re.Match) -> str:
        word = m.group(0)
        head = word[0] if "A" <= word[:1] <= "Z" else ""  # a block letter may lead: "G10", "C2"
        return head + word[len(head):].translate(str.maketrans("OIL", "011"))

    text = re.sub(r"\b[A-Z]?\d[0-9OIL]*\b|\b[A-Z]?[OIL]*\d[0-9OIL]*\b", digits, text).strip()
    return re.sub(r"(?<=\d)\.$", "", text)  # "NO. 127.": a speck after the house number


def lone_letter(name: str) -> bool:
    """A one-letter word without a dot in a name (`ADITYA N GAD MAN`): an initial prints its dot
    (`M. IQBAL`) and the Balinese `I` leads the name, so it is a word the recogniser broke up."""
    words = name.replace(",", " ").split()
    return any(len(w) == 1 and w.isalpha() and not (k == 0 and w == "I") for k, w in enumerate(words))


def split_letters(text: str) -> bool:
    """Two one-letter words in a row outside a number ("JL. B R AWIJAYA", "GG. I I"): a word read
    in pieces, rarely what a card prints."""
    return re.search(r"(?<![.\d])\b[A-Z] [A-Z]\b(?![.\d])", re.sub(r"\b(?:NO|BLOK|KM)\. ?\S+", "", text)) is not None


def parse_date(text: str) -> dt.date | None:
    digits = nikrules.ocr_to_digits(text.replace(" ", ""))
    m = _DATE.search(digits) or _DATE.search(re.sub(r"[^0-9]", "-", text))
    if not m:
        only = re.sub(r"\D", "", digits)
        if len(only) != 8:
            return None
        d, mo, y = int(only[:2]), int(only[2:4]), int(only[4:])
    else:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _ttl(text: Text) -> tuple[str | None, dt.date | None]:
    raw = _strip_colon(text.text)
    m = re.search(r"[\dOoIlSBZ]{1,2}\s*[-.]\s*[\dOoIlSBZ]{1,2}\s*[-.]\s*[\dOoIlSBZ]{4}(?=[\s,.;:]*$)", raw)
    if m:
        place, date_txt = raw[: m.start()], m.group(0)
    elif "," in raw:
        place, date_txt = raw.rsplit(",", 1)
    else:  # the last word is the date only when it has digits: "PESISIR BARAT" is a place
        parts = raw.rsplit(" ", 1)
        place, date_txt = (parts[0], parts[1]) if len(parts) == 2 and re.search(r"\d", parts[1]) else (raw, "")
    return _clean_words(place.rstrip(" ,.")) or None, parse_date(date_txt)


def read_nik(texts: list[Text], today: dt.date, kab_kota: str | None = None) -> tuple[str | None, float, list[str]]:
    t = _join(texts)
    if t is None:
        return None, 0.0, ["NIK not found"]
    if len(texts) > 1 and len(nik_digits(t.text)) != 16:
        # a speck or a stray digit beside the NIK's line joined to it (17 digits): the one value
        # that is 16 digits on its own
        whole = [x for x in texts if len(nik_digits(x.text)) == 16]
        if len(whole) == 1:
            t = whole[0]
    digits = nikrules.ocr_to_digits(_strip_colon(t.text))
    digits = re.sub(r"[^0-9]", "", digits) if len(re.sub(r"[0-9]", "", digits)) <= 1 else digits
    problems = nikrules.nik_problems(digits, today)
    if problems and kab_kota and all("regency code" in p for p in problems):
        # one digit of the regency code misread: the card's own header names the regency
        code = next((c for c, n in regions.REGENCIES.items() if n == kab_kota), None)
        if code is not None and sum(a != b for a, b in zip(code, digits[:4])) == 1:
            digits, problems = code + digits[4:], []
            t = Text(t.text, t.conf * 0.9)
    if problems:
        return None, 0.0, [f"NIK unreadable ({p})" for p in problems]
    return digits, t.conf, []


def nik_digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", nikrules.ocr_to_digits(_strip_colon(text)))


def build(rows: list[RowText], header: list[Text], today: dt.date, check_date=None) -> Result:
    """The fields; `check_date(dates)` may look at the birth-date row again (see ocr.nik_card.reconcile_birth)."""
    res = Result()
    by_key = assign_rows(rows)
    res.labels_matched = sum(1 for r in rows if r.label is not None and match_label(r.label.text)[0])
    # header: province, then regency/city
    if header:
        prov, score = vocab.correct_province(header[0].text)
        res.set("provinsi", prov, header[0].conf * score)
    if len(header) > 1:
        kk = _clean_words(header[1].text)
        m = re.match(r"^(K[A-Z]{0,2}BUPATEN|KAB\.?|K[O0]TA)\s+(.+)$", kk)
        if m and header[1].conf >= MIN_CONF["kabupaten_kota"]:
            prefix = "KOTA" if m.group(1).replace("0", "O").startswith("KOT") else "KABUPATEN"
            res.set("kabupaten_kota", f"{prefix} {m.group(2).strip()}", header[1].conf)
    nik, nik_conf, nik_problems = read_nik(by_key.get("nik", []), today, res.fields["kabupaten_kota"])
    res.problems += nik_problems
    if nik is not None:
        nik_card.header_from_nik(nik, header, res, _clean_words)
    simple = {"nama": "nama", "kel_desa": "kel_desa", "kecamatan": "kecamatan", "pekerjaan": "pekerjaan"}
    for key, out in simple.items():
        t = _join(by_key.get(key, []))
        if t is None:
            continue
        value = _clean_words(_strip_colon(t.text))
        if key == "pekerjaan":
            fixed, score = vocab.correct(value, vocab.OCCUPATIONS, cutoff=85)
            value = fixed or value
        conf = t.conf
        if key in PLACE_ROWS and value:
            value, conf = places.checked(value, conf)
        if key == "nama" and (split_letters(value) or lone_letter(value)):
            conf *= SPLIT_LETTERS
        if t.conf >= MIN_CONF.get(out, 0.3):
            res.set(out, value, conf)
    birth, birth_digits, ttl_conf = None, "", 0.0
    if (t := _join(by_key.get("ttl", []))) is not None:
        place, birth = _ttl(t)
        ttl_conf = t.conf
        birth_digits = re.sub(r"\D", "", nikrules.ocr_to_digits(t.text.rsplit(",", 1)[-1]))[-8:]
        if birth is not None and not 1900 <= birth.year <= today.year:
            birth = None
        if t.conf >= MIN_CONF["tempat_lahir"]:
            res.set("tempat_lahir", *places.checked(place, t.conf) if place else (place, t.conf))
    jk = [v for v in by_key.get("jk", []) if v.text.strip()]
    sex = None
    if jk:
        texts = [_strip_colon(v.text) for v in jk]
        first = texts[0]
        blood_txt = None
        gm = re.search(r"G[O0]L", first.upper())
        if gm:  # value and "Gol. Darah" came in one box
            first, blood_txt = first[: gm.start()], first[gm.start():]
        elif len(texts) > 1:
            blood_txt = " ".join(texts[1:])
        sex, score = vocab.correct(first, vocab.GENDERS, cutoff=60)
        res.set("jenis_kelamin", sex, jk[0].conf * 0.5 + score * 0.5)
        if blood_txt is not None:
            tail = re.split(r"[:;]", blood_txt)[-1] if re.search(r"[:;]", blood_txt) else \
                re.sub(r"(?i)^g[o0]l\W*\s*darah\W*", "", blood_txt.strip())
            blood, score = vocab.correct_blood(tail)
            res.set("golongan_darah", blood, min(jk[-1].conf, score) if blood else 0)
    if (t := _join(by_key.get("alamat", []))) is not None and t.conf >= MIN_CONF["alamat"]:
        address = clean_address(_strip_colon(t.text))
        conf = places.hamlet_checked(address, t.conf) * (SPLIT_LETTERS if split_letters(address) else 1.0)
        conf *= STROKES if re.search(r"(?<!NO\. )\b(?:1|I{1,3})\b", address) else 1.0  # a house number is digits
        res.set("alamat", address, conf)
    if (t := _join(by_key.get("rt_rw", []))) is not None:
        d = re.sub(r"[^0-9/]", "", nikrules.ocr_to_digits(_strip_colon(t.text)))
        m = re.fullmatch(r"(\d{3})[/17]?(\d{3})", d)  # a lost slash or one read as 1/7
        if m:
            res.set("rt_rw", f"{m.group(1)}/{m.group(2)}", t.conf)
    for key, voc, cutoff in (("agama", vocab.RELIGION_SPELLINGS, 60), ("status_perkawinan", vocab.MARITAL, 60),
                             ("kewarganegaraan", vocab.CITIZENSHIP, 50)):
        if (t := _join(by_key.get(key, []))) is not None:
            word, score = vocab.correct(_strip_colon(t.text), voc, cutoff=cutoff)
            res.set(key, word, t.conf * 0.4 + score * 0.6)
    if (t := _join(by_key.get("berlaku_hingga", []))) is not None:
        raw = _strip_colon(t.text)
        lifelong, score = vocab.correct(raw, ("SEUMUR HIDUP",), cutoff=70)
        if lifelong:
            res.set("berlaku_hingga", lifelong, t.conf * 0.4 + score * 0.6)
        elif (until := parse_date(raw)) is not None:
            res.set("berlaku_hingga", until.isoformat(), t.conf)
    # the birth date printed on the card and the one inside the NIK are two readings of one date
    if nik is not None and (birth is None or ttl_conf < 0.6):
        birth = nik_card.reconcile_birth(nik, nik_conf, birth, birth_digits, today, res, check_date, ttl_conf)
    elif nik is not None and nikrules.card_problems(nik, birth, None):
        # a clear reading that disagrees: only the row's image looked at again may side with the NIK
        birth = nik_card.reconcile_birth(nik, nik_conf, birth, "", today, res, check_date, ttl_conf)
    if birth is not None and res.fields["tanggal_lahir"] is None:
        res.set("tanggal_lahir", birth.isoformat(), ttl_conf)
    if nik is not None:  # a row not read at all: the NIK's own date and sex, when the NIK is sure
        birth = nik_card.fill_from_nik(nik, nik_conf, birth, birth_digits, today, res)
    # NIK against the card
    if nik is not None:
        card_sex = res.fields["jenis_kelamin"]
        mismatch = nikrules.card_problems(nik, birth, card_sex)
        if birth is None or card_sex is None:
            res.problems.append("NIK could not be checked against the card")
        info = nikrules.decode_nik(nik, today, birth.year if birth else None)
        prov_name = res.fields["provinsi"]
        if prov_name and info and prov_name not in (info.province, regions.FORMER_PROVINCES.get(nik[:2])):
            mismatch.append("NIK province does not match card header")
        res.problems += mismatch
        res.nik_valid = not mismatch
        res.set("nik", nik, nik_conf if not mismatch else min(nik_conf, 0.5))
    return res
