"""What the words around a tag say of it, for the emergency rules (`nlp.emergency._positions`).

A tag is dropped where its neighbours say it is not what it seems ("cek darah" is a test, not
bleeding; "ga mau mati" is not a wish to die; "butuh rujukan segera" asks for help, not a
document), or added where they make it one ("step" beside a child is a febrile seizure).
"""
from __future__ import annotations

from nlp import emergency_words as ew

# "rujukan segera": a document wanted at once is help wanted now
AT_ONCE = frozenset("segera secepatnya cepat cepet buruan".split())
# "abis imunisasi", "setelah disuntik": the vaccination a symptom followed, not a service asked about
AFTER_EVENT = frozenset("abis habis setelah sehabis pasca after".split())
VACCINATION = frozenset("imunisasi diimunisasi vaksin divaksin vaksinasi suntik disuntik".split())
# "belum sadar", "durung tangi": a state that goes on
NOT_YET = frozenset("belum blm blom durung urung acan".split())
# "gak keselek", "udh gak kejang lagi": a sign denied or stopped, for signs whose negation is no
# emergency (unlike "gak napas", "ga sadar")
ENDED_SIGNS = ("KEJANG", "FAINT", "SESAK", "CHOKE")
ANIMALS_HIT = frozenset("kucing anjing ayam kambing sapi kerbau kuda burung bebek cat dog".split())
HEARSAY = frozenset("katanya kabarnya konon denger2 dengar2 rumornya".split())


def narrow(words: list[str], tags: list[tuple[str, ...]], pos: dict[str, list[int]]) -> None:
    """Narrow `pos` (tag -> positions of `words`) in place by each tag's neighbours."""
    if "STEP" in pos and ("CHILD" in pos or "NOWADJ" in pos or "HELP" in pos):
        pos.setdefault("KEJANG", []).extend(pos["STEP"])  # "step": a febrile seizure, not "next step"
    pos["DARAH"] = [i for i in pos.get("DARAH", ()) if not (i > 0 and words[i - 1] in ew.BLOOD_TEST
                    or i + 1 < len(words) and words[i + 1] in ew.BLOOD_AFTER)]
    pos["WANT"] = [i for i in pos.get("WANT", ()) if not (i > 0 and "NEG" in tags[i - 1])]  # "ga mau mati"
    # "ga sampe pengen nyakitin diri", "gak pernah kepikiran bunuh diri": a thought denied
    pos["SUICIDE"] = [i for i in pos.get("SUICIDE", ()) if not _denied(words, tags, i)]
    # "tolong dihapus": a request to the bot; "ditangani cepat": praise, not a hurry
    pos["HELP"] = [i for i in pos.get("HELP", ()) if not (i + 1 < len(words) and words[i + 1] in ew.REQUESTS
                                                          or words[i] in ("cepat", "cepet") and i > 0 and words[i - 1].startswith("di"))]
    # "ada kucing ketabrak": an animal hurt
    pos["ACCIDENT"] = [i for i in pos.get("ACCIDENT", ()) if not (i > 0 and words[i - 1] in ANIMALS_HIT)]
    # "ga tau tandanya"; "belum ada gejala" (symptoms still to come: a swallowed battery) is not information asked for
    pos["INFO"] = [i for i in pos.get("INFO", ()) if not (i > 1 and (words[i - 1] in ew.KNOW and "NEG" in tags[i - 2]
                                                                      or words[i] == "gejala" and words[i - 1] == "ada" and words[i - 2] in NOT_YET))]
    if words and words[0] in HEARSAY:  # "katanya di desa sebelah ada yg mati keracunan": news, not a call
        pos.setdefault("INFO", []).insert(0, 0)
    pos["SELF"] = [i for i in pos.get("SELF", ()) if not (i > 0 and {"PERSON", "CHILD"} & set(tags[i - 1]))]
    # "belum divaksin", "gk pernah divaksin": a risk told, not a document or service asked for
    # "butuh rujukan segera": a referral wanted now; "abis imunisasi lemes": an event, not a service asked for
    pos["DOC"] = [i for i in pos.get("DOC", ()) if not (i > 0 and "NEG" in tags[i - 1] or i > 1 and "NEG" in tags[i - 2]
                                                        and "PAST" in tags[i - 1] or i + 1 < len(words) and words[i + 1] in AT_ONCE
                                                        or i > 0 and words[i - 1] in AFTER_EVENT and words[i] in VACCINATION)]
    # "dari kemarin", "gk pernah divaksin" (never), "operasi yg baru kemarin", "10 min ago" (minutes ago is now)
    pos["PAST"] = [i for i in pos.get("PAST", ()) if not (i > 0 and ({"SINCE", "NEG"} & set(tags[i - 1]) or words[i - 1] == "baru")
                                                          or words[i] == "bekas" and words[i + 1:i + 2] and words[i + 1] in ew.TRACES or any(
        "MINUTES" in tags[j] for j in range(max(0, i - 2), i)))]
    pos["HIGHTEMP"] = [i for i in pos.get("HIGHTEMP", ()) if i + 1 < len(words) and words[i + 1] in ew.DEGREES
                       or i > 0 and (words[i - 1] in ew.DEGREES or "FEVER" in tags[i - 1])]  # "40 derajat", not "40 ribu"
    pos.setdefault("LOTS", []).extend(i for i, w in enumerate(words[:-1]) if w.isdigit() and 10 <= int(w) <= 100
                                      and "OBAT" in tags[i + 1])  # "20 butir paracetamol", not a tension "130 obatnya"
    for t in ENDED_SIGNS:
        denied = [i for i in pos.get(t, ()) if i > 0 and "NEG" in tags[i - 1]]  # "gak keselek", "udh gak kejang lagi"
        pos[t] = [i for i in pos.get(t, ()) if i not in denied]
        # only "no longer" makes the context calm: a bare "teu kesang" may be a sign misread
        pos.setdefault("STOPPED", []).extend(i for i in denied if words[i + 1:i + 2] == ["lagi"])
    for t in ("BETTER", "HEALTHY"):  # "belum stabil", "gak membaik", "tidak sehat": not better
        pos[t] = [i for i in pos.get(t, ()) if not any("NEG" in tags[j] for j in range(max(0, i - 2), i))]


def _denied(words: list[str], tags: list[tuple[str, ...]], i: int) -> bool:
    """A negation before words[i] with only "sampe", "pernah", "kepikiran", "pengen" ... between,
    one of the first three among them: "ga sampe pengen", "gak pernah kepikiran"."""
    for j in range(max(0, i - 4), i):
        between = words[j + 1:i]
        if "NEG" in tags[j] and between and all(w in ew.DENIED for w in between) and set(between) & ew.DENIED_MARK:
            return True
    return False
