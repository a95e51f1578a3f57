"""Answers exist for every intent in both languages and take their facts from config.yaml."""
import re

import pytest

from nlp.corpus import INTENT_IDS, CorpusError
from nlp.faq import FaqMatcher
from settings import load_settings

from .conftest import CACHE, write_config


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("intent", INTENT_IDS)
def test_every_intent_is_answerable(matcher, intent, lang):
    text = matcher.answer(intent, lang)
    assert len(text) > 30
    assert not re.search(r"\{[a-z_]+\}", text), text


def test_answers_carry_config_facts(matcher):
    assert "(0341) 555-0123" in matcher.answer("kontak", "id")
    assert "0812-3000-4567" in matcher.answer("kontak", "en")
    assert "Jl. Raya Sumbersari No. 1" in matcher.answer("lokasi", "id")
    assert "Senin–Kamis 07:00–12:00" in matcher.answer("jam_buka", "id")
    assert "Monday–Thursday 07:00–12:00" in matcher.answer("jam_buka", "en")
    assert "Rp 15.000" in matcher.answer("biaya", "id")
    assert "119" in matcher.answer("darurat", "id") and "UGD Puskesmas Sumbersari" in matcher.answer("darurat", "en")
    assert "25 Desember 2026" in matcher.answer("hari_libur", "id")
    assert "Poli Gigi" in matcher.answer("daftar_poli", "id") and "Dental clinic" in matcher.answer("daftar_poli", "en")
    assert "Ibu hamil" in matcher.answer("prioritas", "id")
    assert "30 menit" in matcher.answer("terlambat", "id")


def test_changing_config_changes_the_answers(tmp_path, matcher):  # matcher: the model is fitted and cached
    def edit(raw):
        raw["clinic"]["phone"] = "(0341) 999-8888"
        raw["clinic"]["name"] = "Puskesmas Dinoyo"
        raw["clinic"]["hours"]["sun"] = "08:00-10:00"
        raw["clinic"]["lab_hours"] = {"id": "Senin saja 08:00–09:00", "en": "Mondays only 08:00–09:00"}
        raw["personal_data"]["keep_ktp_photos"] = True
    m = FaqMatcher(load_settings(write_config(tmp_path, edit, cache_dir=CACHE), env={}))
    assert not m.rebuilt, "answers change without refitting the matcher"
    assert "(0341) 999-8888" in m.answer("kontak", "id") and "555-0123" not in m.answer("kontak", "id")
    assert "Puskesmas Dinoyo" in m.answer("lokasi", "en")
    assert "Minggu 08:00–10:00" in m.answer("jam_buka", "id")
    assert "Senin saja 08:00–09:00" in m.answer("laboratorium", "id")
    assert "Mondays only" in m.answer("laboratorium", "en")
    assert "disimpan di server" in m.answer("data_pribadi", "id")
    assert "(0341) 999-8888" in m.answer(None, "id")


def test_unknown_intent_or_language_is_refused(matcher):
    with pytest.raises(KeyError):
        matcher.answer("jam_tutup", "id")
    with pytest.raises(ValueError):
        matcher.answer("jam_buka", "jv")


def test_corpus_must_have_exactly_the_spec_intents(tmp_path):
    from .conftest import CORPUS

    text = CORPUS.read_text(encoding="utf-8").replace("\n  keluhan:\n", "\n  keluhan_lain:\n")
    bad = tmp_path / "faq_corpus.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match="missing \\['keluhan'\\], unknown \\['keluhan_lain'\\]"):
        FaqMatcher(load_settings(write_config(tmp_path, corpus=bad), env={}))


def test_answers_follow_the_running_settings(tmp_path, faq_config):
    """The bot hands the matcher its running settings (/reload replaces them): hours, services and
    service hours in the answers change with them, without rebuilding the matcher."""
    running = {"settings": load_settings(faq_config, env={})}
    m = FaqMatcher(running["settings"], cache_dir=CACHE, live_settings=lambda: running["settings"])
    assert "Senin–Kamis 07:00–12:00" in m.answer("jam_buka", "id")
    assert "Poli Umum: Senin–Kamis 07:30–12:00" in m.answer("jadwal_dokter", "id")

    def edit(raw):
        for day in ("mon", "tue", "wed", "thu"):
            raw["clinic"]["hours"][day] = "06:30-13:00"
        raw["services"][0]["name"] = "Poli Umum Dewasa"
        raw["services"][0]["hours"]["mon"] = "08:00-11:00"
    running["settings"] = load_settings(write_config(tmp_path, edit, cache_dir=CACHE), env={})
    hours = m.answer("jam_buka", "id")
    assert "Senin–Kamis 06:30–13:00" in hours and "07:00–12:00" not in hours, hours
    assert "Monday–Thursday 06:30–13:00" in m.answer("jam_buka", "en")
    assert "Poli Umum Dewasa" in m.answer("daftar_poli", "id")
    schedule = m.answer("jadwal_dokter", "id")
    assert "Poli Umum Dewasa: Senin 08:00–11:00, Selasa–Kamis 07:30–12:00" in schedule, schedule
