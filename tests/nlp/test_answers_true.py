"""Every answer true: each command and button an FAQ answer or a bot text names exists, and the
queue facts the answers state are the ones the queue applies."""
from __future__ import annotations

import dataclasses

import pytest

from nlp.corpus import INTENT_IDS, LANGS
from settings import load_settings

from .claims import buttons_named, commands_named, keyboard_labels, label_key, quoted, registered_commands


@pytest.fixture(scope="module")
def settings(faq_config):
    return load_settings(faq_config, env={})


@pytest.fixture(scope="module")
def app(settings):
    from app.application import build_application

    return build_application(settings, "123456:TEST-token")


@pytest.fixture(scope="module")
def texts(app):
    from app.tables import TEXTS  # the table the app gave bot.i18n

    return TEXTS


@pytest.fixture(scope="module")
def labels(texts, settings):
    return keyboard_labels(texts, settings)


def faq_texts(matcher):
    """(where, text) for every FAQ answer, small-talk reply and the fallback, as sent."""
    out = []
    for lang in LANGS:
        out += [(f"faq {iid} ({lang})", matcher.answer(iid, lang)) for iid in INTENT_IDS]
        out += [(f"smalltalk {k} ({lang})", matcher.reply(_smalltalk(k, lang), lang)) for k in matcher.corpus.smalltalk]
        out.append((f"fallback ({lang})", matcher.answer(None, lang)))
    return out


def _smalltalk(kind, lang):
    from nlp.faq import MatchResult

    return MatchResult("", None, 0.0, "smalltalk", kind, lang)


def all_texts(matcher, texts):
    return faq_texts(matcher) + [(f"text {key} ({lang})", value) for key, by_lang in texts.items()
                                 for lang, value in by_lang.items()]


# ------------------------------------------------------------------ the checker itself


def test_claims_are_found():
    text = 'Ketik /data, lalu pilih "Ubah" atau "Hapus". Tekan Simpan. Tanya "jadwal poli". Press «Save» or the "Edit" button.'
    assert commands_named(text) == {"data"}
    assert buttons_named(text) == {"Ubah", "Hapus", "Simpan", "Save", "Edit"}
    assert ("jadwal poli", False) in quoted(text)
    assert commands_named("IUD/spiral, BPJS/KIS, 1/2, https://x.id/daftar") == set()
    assert label_key("✅ Data benar") == "data benar" == label_key("data  BENAR")


def test_the_real_commands_and_buttons_are_collected(app, labels):
    commands = registered_commands(app)
    assert {"daftar", "antre", "status", "batal", "data", "help", "bahasa", "start"} <= commands
    assert "ubah" not in commands
    assert {"data benar", "ketik data", "ambil nomor", "saya sudah datang", "hapus semua data saya",
            "anak tanpa ktp pakai kk", "lewati", "kirim nomor saya", "daftar data saya", "nik"} <= labels
    assert "ubah" in labels  # /klinik's "✏️ Ubah" (a doctor, a counter)
    assert {"simpan", "ubah nik", "daftarkan anak"}.isdisjoint(labels)


# ------------------------------------------------------------------ the texts


def test_every_command_named_exists(matcher, app, texts):
    commands = registered_commands(app)
    wrong = [(where, sorted(commands_named(text) - commands)) for where, text in all_texts(matcher, texts)
             if commands_named(text) - commands]
    assert not wrong, wrong


def test_every_button_named_exists(matcher, texts, labels):
    wrong = [(where, sorted(b for b in buttons_named(text) if label_key(b) not in labels))
             for where, text in all_texts(matcher, texts)]
    wrong = [w for w in wrong if w[1]]
    assert not wrong, wrong


def test_example_questions_in_answers_are_answered(matcher):
    """A quoted text the reader is not told to press is a question to ask: the bot must answer it."""
    wrong = [(where, q) for where, text in faq_texts(matcher) for q, button in quoted(text)
             if not button and "{" not in q and matcher.match(q).kind == "unknown"]
    assert not wrong, wrong


# ------------------------------------------------------------------ queue facts


def test_turn_near_notice_is_described_as_the_queue_sends_it(matcher, settings):
    """queue_core.notices: near means position <= turn_near_position (people ahead = position - 1)
    or a wait of at most turn_near_minutes."""
    rules = settings.notifications
    for near, minutes in ((rules.turn_near_position, rules.turn_near_minutes), (5, 20)):
        live = dataclasses.replace(settings, notifications=dataclasses.replace(
            rules, turn_near_position=near, turn_near_minutes=minutes))
        matcher.settings = live
        try:
            text = matcher.answer("cek_antrean", "id")
            assert f"posisi {near}" in text and f"{near - 1} orang di depan" in text, text
            assert f"{minutes:g} menit" in text, text
            assert f"{near} people" not in matcher.answer("cek_antrean", "en")
            assert f"{near - 1} people ahead" in matcher.answer("cek_antrean", "en")
        finally:
            matcher.settings = settings


def test_late_answer_names_the_rejoin_button_and_where_it_puts_you(matcher, texts, settings):
    """A skipped patient rejoins with the skipped notice's button (handlers/status.rejoin), within
    skip_grace_minutes, at the back of their priority level (QueueService.rejoin): not via
    /status, and not right after the patient being served."""
    grace = f"{settings.notifications.skip_grace_minutes:g}"
    for lang in LANGS:
        text = matcher.answer("terlambat", lang)
        assert label_key(texts["nt.btn.rejoin"][lang]) in {label_key(b) for b in buttons_named(text)}, text
        assert f"{grace} " in text
        assert "/status" not in text
    assert "setelah pasien yang sedang dilayani" not in matcher.answer("terlambat", "id")


def test_privacy_answer_matches_what_the_screens_show(matcher):
    """The registration check shows the NIK in full (handlers/reg_steps.value_text); /data masks it."""
    from handlers.mydata import mask_nik
    from handlers.reg_steps import value_text

    nik = "3507124509900003"
    assert value_text("nik", nik, "id") == nik and mask_nik(nik) != nik
    text = matcher.answer("data_pribadi", "id")
    assert "tidak pernah ditampilkan utuh" not in text and "never shown in full" not in matcher.answer("data_pribadi", "en")
    assert "utuh" in text and "/data" in text
