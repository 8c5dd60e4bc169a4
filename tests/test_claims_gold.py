"""The claim-extraction gold set is well formed (no data sets needed), and its loader refuses
text that does not match the annotations."""

import hashlib
import importlib.util
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claims_gold", ROOT / "eval" / "claims_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["claims_gold"] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


gold = _module()
RECORDS: list[dict[str, Any]] = [
    json.loads(line) for line in gold.GOLD.read_text(encoding="utf-8").splitlines()
]


def test_every_record_is_well_formed() -> None:
    found = [p for record in RECORDS for p in gold.problems(record)]
    assert not found, found[:10]


def test_size_and_coverage() -> None:
    assert len(RECORDS) >= 300
    assert {r["dataset"] for r in RECORDS} == {"aeb", "fnc1"}
    assert sum(r["checkable"] for r in RECORDS) >= 150
    kinds = {r["not_claim"] for r in RECORDS} - {None}
    assert {"dateline", "caption", "question", "prediction", "plan", "opinion"} <= kinds
    assert {"instruction", "table", "exhortation", "prayer", "fragment"} <= kinds
    assert any(r["nested"] for r in RECORDS)


def test_ids_are_unique() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))


def test_sentences_are_ordered_and_do_not_overlap_within_a_document() -> None:
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for r in RECORDS:
        spans[(r["dataset"], r["doc"])].append((r["start"], r["end"]))
    for key, found in spans.items():
        assert found == sorted(found), key
        for (_, end), (start, _) in zip(found, found[1:], strict=False):
            assert end <= start, (key, end, start)


def test_figures_and_non_figures_lie_inside_their_sentence_in_order() -> None:
    for r in RECORDS:
        for f in r["figures"]:
            assert r["start"] <= f["start"] < f["end"] <= r["end"], r["id"]
        for n in r["non_figures"]:
            assert r["start"] <= n["start"] < n["end"] <= r["end"], r["id"]


def _figure(**changes: Any) -> dict[str, Any]:
    figure = {"text": "5", "start": 0, "end": 1, "value": 5, "unit": None, "bound": "exact"}
    return (
        figure
        | {"low": None, "currency": None, "scale_applied": False, "unit_implicit": False}
        | changes
    )


@pytest.mark.parametrize(
    "change, message",
    [
        ({"checkable": "yes"}, "'checkable' has type str"),
        ({"not_claim": "rumour"}, "unknown not_claim"),
        ({"start": 50, "end": 10}, "not ordered"),
        ({"figures": [_figure(bound="about")]}, "unknown bound"),
        ({"figures": [_figure(value=True)]}, "'value' has type bool"),
        ({"figures": [_figure(bound="range")]}, "a range needs low"),
        ({"figures": [_figure(currency="$")]}, "ISO 4217"),
        ({"figures": [_figure(start=30, end=31)]}, "not inside the sentence"),
        ({"speaker": None}, "speaker and speaker_core go together"),
        ({"extra": 1}, "unknown key 'extra'"),
    ],
)
def test_problems_are_found(change: dict[str, Any], message: str) -> None:
    record = {
        "id": "aeb-x-001", "dataset": "aeb", "doc": "x", "start": 0, "end": 20, "sha1": "0" * 40,
        "checkable": True, "not_claim": None, "speaker": "Ann Lee", "speaker_core": "Ann Lee",
        "speaker_alternatives": [], "figures": [], "non_figures": [], "nested": None, "notes": "",
    }  # fmt: skip
    assert gold.problems(record) == []
    found = gold.problems(record | change)
    assert any(message in p for p in found), found


def _tiny_data(root: Path, body: str) -> None:
    folder = root / "article-extraction-benchmark"
    folder.mkdir(parents=True)
    truth = {"doc1": {"articleBody": body, "url": "http://example.org/"}}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")


def _tiny_gold(path: Path, text: str, start: int, end: int) -> None:
    record = {
        "id": "aeb-doc1-001", "dataset": "aeb", "doc": "doc1", "start": start, "end": end,
        "sha1": hashlib.sha1(text[start:end].encode()).hexdigest(), "checkable": True,
        "not_claim": None, "speaker": None, "speaker_core": None, "speaker_alternatives": [],
        "figures": [{"text": "3 cases", "start": 0, "end": 7, "value": 3, "unit": "cases",
                     "bound": "exact", "low": None, "currency": None, "scale_applied": False,
                     "unit_implicit": False}],
        "non_figures": [], "nested": None, "notes": "",
    }  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


def test_load_resolves_offsets_against_the_data(tmp_path: Path) -> None:
    body = "3 cases were confirmed. Nothing else."
    _tiny_data(tmp_path / "data", body)
    _tiny_gold(tmp_path / "gold.jsonl", body, 0, 23)
    (sentence,) = gold.load(tmp_path / "data", tmp_path / "gold.jsonl")
    assert sentence.text == "3 cases were confirmed."
    assert sentence.figures[0].value == 3


def test_load_refuses_text_that_does_not_match_its_sha1(tmp_path: Path) -> None:
    _tiny_data(tmp_path / "data", "3 cases were reported. Nothing else.")
    _tiny_gold(tmp_path / "gold.jsonl", "3 cases were confirmed. Nothing else.", 0, 23)
    with pytest.raises(gold.GoldError, match="does not match its sha1"):
        gold.load(tmp_path / "data", tmp_path / "gold.jsonl")


def test_check_command_reports_a_missing_data_folder_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert gold.main(["--check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: cannot read ") and err.count("\n") == 1


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extraction_claims", ROOT / "eval" / "extraction_claims.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_claims"] = module
    spec.loader.exec_module(module)  # finds claims_gold in sys.modules, registered above
    return module


scorer = _scorer()


@dataclass(frozen=True)
class Quantity:  # the shape of verify.quantities.Quantity, without importing the extractor
    value: float
    unit: str
    approx: bool
    bound: str
    low: float | None
    text: str
    start: int
    end: int


def _gold_sentence(**changes: Any) -> Any:
    fields = {
        "id": "aeb-x-001", "dataset": "aeb", "doc": "x", "start": 0, "end": 60, "text": "",
        "checkable": True, "not_claim": None, "speaker": "Emirates President Tim Clark",
        "speaker_core": "Tim Clark", "speaker_alternatives": (), "figures": (),
        "non_figures": (), "nested": None, "notes": "",
    }  # fmt: skip
    return gold.GoldSentence(**(fields | changes))


@pytest.mark.parametrize(
    "said, right",
    [
        ("Emirates President Tim Clark", True),
        ("the Emirates president Tim Clark", True),
        ("Clark", True),
        ("President Tim Clark", True),
        ("Emirates", False),
        ("Tim", False),
        (None, False),
    ],
)
def test_speaker_matching(said: str | None, right: bool) -> None:
    assert scorer.speaker_correct(said, _gold_sentence()) is right


@pytest.mark.parametrize(
    "said, right",
    [
        ("Tim Clark, who has run the airline since 2003", True),  # an apposition after the core
        ("the outspoken Emirates boss Tim Clark", True),  # a longer title before it
        ("Speaking at the show on Monday, Tim Clark", False),  # a clause before it
        ("a pilot working for Tim Clark", False),  # someone of the source, not the source
        ("Tim Clarke", False),
    ],
)
def test_a_longer_form_of_the_speaker_is_right_unless_strict(said: str, right: bool) -> None:
    assert scorer.speaker_correct(said, _gold_sentence()) is right
    assert scorer.speaker_correct(said, _gold_sentence(), strict=True) is False


def test_a_unit_is_matched_by_its_head_noun_but_a_rate_keeps_its_per() -> None:
    cores = gold.Figure("16,000 processor cores", 0, 22, 16000, "processor cores", "exact", None,
                        None, False, False)  # fmt: skip
    head = scorer.predicted_figure(Quantity(16000, "cores", False, "exact", None, "16,000", 0, 6))
    other = scorer.predicted_figure(Quantity(16000, "chips", False, "exact", None, "16,000", 0, 6))
    assert scorer.full_match(scorer.gold_figure(cores), head)
    assert not scorer.full_match(scorer.gold_figure(cores), other)
    rate = gold.Figure("1,000 alarms per shift", 0, 22, 1000, "alarms per shift", "max", None,
                       None, False, False)  # fmt: skip
    alarms = scorer.predicted_figure(Quantity(1000, "alarms", False, "max", None, "1,000", 0, 5))
    assert not scorer.full_match(scorer.gold_figure(rate), alarms)
    km = gold.Figure("55-kilometer", 0, 12, 55, "kilometer", "exact", None, None, False, False)
    said = scorer.predicted_figure(Quantity(55, "km", False, "exact", None, "55", 0, 2))
    assert scorer.full_match(scorer.gold_figure(km), said)


def test_figures_match_on_value_unit_bound_and_currency() -> None:
    gold_fig = gold.Figure("about 2 inches", 0, 14, 2, "inches", "approx", None, None, False, False)
    as_gold = scorer.gold_figure(gold_fig)
    same = scorer.predicted_figure(Quantity(2.0, "inch", True, "exact", None, "about 2", 0, 7))
    exact = scorer.predicted_figure(Quantity(2.0, "inch", False, "exact", None, "2", 6, 7))
    assert scorer.full_match(as_gold, same)
    assert not scorer.full_match(as_gold, exact)
    assert scorer.value_match(as_gold, exact)
    pound = scorer.predicted_figure(Quantity(10e9, "pound", False, "max", None, "£10bn", 0, 5))
    assert (pound.unit, pound.currency) == ("", "GBP")
    hkd = gold.Figure("88 billion Hong Kong dollars", 0, 27, 88e9, None, "min", None, "HKD",
                      True, False)  # fmt: skip
    dollars = Quantity(88e9, "dollars", False, "min", None, "88 billion Hong Kong dollars", 0, 27)
    assert not scorer.full_match(scorer.gold_figure(hkd), scorer.predicted_figure(dollars))


def test_an_implicit_unit_may_be_left_out() -> None:
    age = gold.Figure("47", 0, 2, 47, "years", "exact", None, None, False, True)
    bare = scorer.predicted_figure(Quantity(47.0, "", False, "exact", None, "47", 0, 2))
    wrong = scorer.predicted_figure(Quantity(47.0, "over", False, "exact", None, "47 over", 0, 7))
    assert scorer.full_match(scorer.gold_figure(age), bare)
    assert not scorer.full_match(scorer.gold_figure(age), wrong)


def test_candidates_join_the_sentence_they_overlap_most() -> None:
    @dataclass
    class Candidate:
        start: int
        end: int

    first, second = _gold_sentence(start=0, end=30), _gold_sentence(id="b", start=31, end=60)
    rows = scorer.align([first, second], [Candidate(25, 58), Candidate(0, 10)])
    assert [len(r.candidates) for r in rows] == [1, 1]
    assert rows[1].candidates[0].start == 25


def test_the_scorer_reads_another_gold_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "3 cases were confirmed in the city on Monday, officials said. Nothing else."
    _tiny_data(tmp_path / "data", body)
    _tiny_gold(tmp_path / "held-out.jsonl", body, 0, 61)
    assert scorer.main([str(tmp_path / "data"), "--gold", str(tmp_path / "held-out.jsonl")]) == 0
    assert "Gold: 1 sentences (1 checkable) in 1 documents" in capsys.readouterr().out


AGREEMENT = ROOT / "eval" / "data" / "agreement"
NOT_CLAIMS = {
    "dateline", "byline", "caption", "table", "instruction", "question", "prediction", "plan",
    "opinion", "fragment", "exhortation", "prayer", "heading", "boilerplate", "link",
    "reference", "other",
}  # fmt: skip


def test_agreement_labels_cover_the_sample_twice_and_name_gold_sentences() -> None:
    """Each batch of the agreement sample was read by two annotators, every label names a
    sentence of a development gold file, and a sentence turned down says why."""
    sample = json.loads((AGREEMENT / "sample.json").read_text(encoding="utf-8"))
    ids = {s["id"]: s["item"][0] for s in sample}
    assert len(ids) == len(sample) == 400
    known = {
        json.loads(line)["id"]
        for path in (ROOT / "eval" / "data").glob("claims_*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    assert set(ids) <= known
    readers: dict[str, set[str]] = defaultdict(set)
    for path in AGREEMENT.glob("labels_*.jsonl"):
        labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        batch = {ids[label["id"]] for label in labels}
        assert len(batch) == 1 and len({label["id"] for label in labels}) == 200, path.name
        readers[batch.pop()].add(path.stem)
        for label in labels:
            assert (label["not_claim"] is None) == label["checkable"], label
            assert label["not_claim"] is None or label["not_claim"] in NOT_CLAIMS, label
    assert {batch: len(who) for batch, who in readers.items()} == {"A": 2, "B": 2}


def test_figure_agreement_labels_cover_the_sample_twice_with_figures_the_scorer_reads() -> None:
    """Each batch of the figure sample was read by two readers; every label names a checkable
    sentence of the sample and every figure has a number, a bound the guideline knows and, for
    a range, its low end."""
    sample = json.loads((AGREEMENT / "figures_sample.json").read_text(encoding="utf-8"))
    ids = {s["id"]: s["item"][0] for s in sample}
    assert len(ids) == len(sample) == 300
    readers: dict[str, int] = defaultdict(int)
    for path in AGREEMENT.glob("figures_[EF][12].jsonl"):
        labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        batch = {ids[label["id"]] for label in labels}
        assert len(batch) == 1 and len({label["id"] for label in labels}) == 150, path.name
        readers[batch.pop()] += 1
        for figure in (f for label in labels for f in label["figures"]):
            assert isinstance(figure["value"], int | float), figure
            assert figure["bound"] in {"exact", "approx", "min", "max", "range"}, figure
            assert figure["bound"] != "range" or isinstance(figure["low"], int | float), figure
    assert readers == {"E": 2, "F": 2}


def _adjudicated() -> ModuleType:
    spec = importlib.util.spec_from_file_location("adjudicated", ROOT / "eval" / "adjudicated.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["adjudicated"] = module
    if str(ROOT / "eval") not in sys.path:
        sys.path.append(str(ROOT / "eval"))  # figure_agreement and what it imports
    spec.loader.exec_module(module)  # finds claims_gold and extraction_claims, loaded above
    return module


@pytest.mark.parametrize("number", [50, 51, 52, 53, 54, 55, 56, 57, 58, 59])
def test_held_out_fifty_and_on_are_two_readings_and_an_adjudication_of_every_dispute(
    number: int,
) -> None:
    """Both readings of a batch label the same records; every record on which they differ is
    settled by the adjudication; every other record of the built gold carries the readings'
    shared label, so the file is what `adjudicated.py build` makes of the labels kept here."""
    adj = _adjudicated()
    drawn = adj.DRAWN[number]
    lines = drawn.gold.read_text(encoding="utf-8").splitlines()
    built = {r["id"]: r for r in map(json.loads, lines)}
    for batch, (first, second) in adj.READINGS.items():
        one, two = (adj.read_labels(drawn.labels / f"labels_{r}.jsonl") for r in (first, second))
        settled = adj.read_labels(drawn.labels / f"adjudicated_{batch}.jsonl")
        assert list(one) == list(two) and len(one) > 100, batch
        disputed = {i for i in one if adj.comparable(one[i]) != adj.comparable(two[i])}
        assert disputed <= set(settled), sorted(disputed - set(settled))[:3]
        for i in one:
            if i not in built:  # joined to the record before it by the adjudication or both
                joins = [settled[i]] if i in settled else [one[i], two[i]]
                assert all(label["join_previous"] for label in joins), i
                continue
            label = settled.get(i, one[i])
            assert built[i]["checkable"] == label["checkable"], i
            assert built[i]["speaker"] == label["speaker"], i
            assert [f["value"] for f in built[i]["figures"]] == [
                f["value"] for f in label["figures"]
            ], i
    assert all(not gold.problems(r) for r in built.values())
