"""`python -m nlp.faq match` and `evaluate` behave as the spec says."""
import json
import subprocess
import sys

from nlp.corpus import INTENT_IDS
from nlp.faq import main
from tests.deadlines import scaled

from .conftest import HELDOUT, ROOT


def test_match_writes_one_json_line_per_question_in_order(matcher, faq_config):
    questions = ["jam brp buka?", "siapa presiden pertama", "", "halo", "alamat pkm dmn 🙏", "bpjs mati gmn"]
    proc = subprocess.run(
        [sys.executable, "-m", "nlp.faq", "match", "--config", str(faq_config)],
        input="\n".join(questions) + "\n", capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=scaled(120),
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(questions)
    objs = [json.loads(line) for line in lines]
    for q, obj in zip(questions, objs):
        assert list(obj) == ["question", "intent", "score"]
        assert obj["question"] == q
        assert obj["intent"] is None or obj["intent"] in INTENT_IDS
        assert isinstance(obj["score"], float) and 0.0 <= obj["score"] <= 1.0
    assert [o["intent"] for o in objs] == ["jam_buka", None, None, None, "lokasi", "bpjs"]
    assert lines[0] == json.dumps(objs[0], ensure_ascii=False)


def test_evaluate_prints_accuracy_and_rejection(matcher, faq_config, capsys):
    assert main(["evaluate", str(HELDOUT), "--config", str(faq_config)]) == 0
    out = capsys.readouterr().out
    assert "top-1 accuracy:" in out and "out-of-scope rejection:" in out
    assert "in-scope questions:      2" in out
