"""Texts shown to people: Indonesian first, English second (docs/conventions.md).

`t(key, lang, **values)` gives one language ("id" or "en"): a person who chose Indonesian reads
Indonesian only.

Texts are handed in, not registered by importing a module: each module that has texts exports
them as a plain dict `TEXTS = {"feature.key": {"id": ..., "en": ...}}` (this module's own below,
handlers/texts_*.py, bot/patient_fields.py...), app/tables.py merges them all (`merge_texts`:
a key defined twice or a language missing stops the start), and the app gives the merged table to
`use_texts` when it builds (app/application.py, the web worker; tests: the `texts` fixture).
"""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "start.welcome": {
        "id": "Selamat datang di {clinic}, {name}!\nSaya PusQue, asisten antrean puskesmas. "
              "Ketik /help untuk melihat apa yang bisa saya bantu.",
        "en": "Welcome to {clinic}, {name}!\nI am PusQue, the clinic's queue assistant. "
              "Send /help to see what I can do.",
    },
    "start.register": {
        "id": "Untuk mendaftar, kirim foto KTP Anda sekarang (tampak depan, jelas). Ingin mengetik data "
              "sendiri, atau mendaftarkan anak? Tekan \"{button}\".",
        "en": "To register, send a photo of your KTP now (front side, sharp). Rather type your details, or "
              "register a child? Press \"{button}\".",
    },
    "start.lang": {"id": "Bahasa: Indonesia. Ganti bahasa: /bahasa", "en": "Language: English. Change it: /bahasa"},
    "start.role": {
        "id": "Anda terdaftar sebagai {role}.",
        "en": "You are registered as {role}.",
    },
    "help.header": {
        "id": "Perintah yang tersedia:",
        "en": "Available commands:",
    },
    "help.contact": {
        "id": "{clinic}\n{address}\nTelepon: {phone}. Darurat: {emergency}.",
        "en": "{clinic}\n{address}\nPhone: {phone}. Emergency: {emergency}.",
    },
    "error.generic": {
        "id": "Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi. "
              "Jika darurat, hubungi {emergency} atau langsung ke UGD.",
        "en": "Sorry, something went wrong on our side. Please try again in a moment. "
              "In an emergency call {emergency} or go to the emergency room.",
    },
    "role.patient": {"id": "pasien", "en": "patient"},
    "role.staff": {"id": "petugas", "en": "staff"},
    "role.admin": {"id": "admin", "en": "admin"},
}


LANGS = ("id", "en")
Table = dict[str, dict[str, str]]
_in_use: Table = {}


def merge_texts(*tables: Table) -> Table:
    """One table from many; a key defined twice, or a text without both languages, is an error."""
    merged: Table = {}
    for table in tables:
        clash = set(table) & set(merged)
        if clash:
            raise ValueError(f"text keys defined twice: {sorted(clash)}")
        incomplete = sorted(key for key, entry in table.items() if set(entry) != set(LANGS) or not all(entry.values()))
        if incomplete:
            raise ValueError(f"texts without both languages {LANGS}: {incomplete}")
        merged.update(table)
    return merged


def use_texts(table: Table) -> None:
    """The texts `t` reads from now on (the whole table: the app's, app/tables.py)."""
    _in_use.clear()
    _in_use.update(table)


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` ("id" or "en"); an unknown language falls back to Indonesian."""
    entry = _in_use.get(key)
    if entry is None:
        raise KeyError(f"no text {key!r}: not in app/tables.py, or use_texts() not called yet")
    return entry[lang if lang in LANGS else "id"].format(**values)


MAX_TEXT, MAX_CAPTION = 4096, 1024  # Telegram's limits, in UTF-16 code units


def u16len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit(text: str, limit: int = MAX_TEXT) -> str:
    """`text` cut (with "…") to at most `limit` UTF-16 code units, as Telegram counts them."""
    if u16len(text) <= limit:
        return text
    cut = text.encode("utf-16-le")[: (limit - 1) * 2].decode("utf-16-le", errors="ignore")
    return cut + "…"


def clip(value: object, n: int = 64) -> str:
    """User-chosen text quoted in a reply (a name, a command argument): at most n characters."""
    text = str(value)
    return text if len(text) <= n else text[: n - 1] + "…"
