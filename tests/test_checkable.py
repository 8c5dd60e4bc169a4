import json
from pathlib import Path

import pytest

from verify import checkable, extract
from verify.errors import InputError


def test_shipped_model_loads_with_its_provenance() -> None:
    model = checkable.shipped()
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 100
    path = Path(checkable.__file__).parent / "data" / checkable.MODEL_FILE
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert set(stored["cross_validated_by_document"]) >= {"dev", "ho1", "ho2", "pooled"}


def test_a_file_of_another_format_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="refit it with eval/fit_checkable.py"):
        checkable.from_json({"format": 0, "bias": 0, "threshold": 0.5, "weights": {}})


def test_round_trip_keeps_the_weights_that_matter() -> None:
    model = checkable.Model(bias=-0.5, weights={"w:said": 1.25, "w:the": 0.00001}, threshold=0.3)
    again = checkable.from_json(model.as_json(note="test"))
    assert again.weights == {"w:said": 1.25}
    assert again.probability({"w:said": 1.0}) == pytest.approx(1 / (1 + 2.718281828**-0.75))


def test_signals_read_words_numbers_and_shape() -> None:
    found = checkable.signals(
        "“We’re honoured to join this community of 14 providers,” she said.",
        attributed=True,
        n_quantities=1,
        worth={"score": 0.7, "quantity": 1.0},
    )
    assert found["w:honoured"] == found["b:of 0"] == found["opens_quote"] == 1.0
    assert found["cw:quantity"] == 1.0 and "cw:score" not in found
    assert found["ends:."] == found["attributed"] == 1.0


def test_the_model_turns_down_reported_comment_and_keeps_reported_figures() -> None:
    # Held-out-2's kind of miss: a reported judgement passed the old floor; a figure does not go.
    text = (
        "Williams said the phone call was unusual and inappropriate. "
        "At least 106 protesters in 21 cities have been killed, according to Amnesty International."
    )
    found = extract.read(text)
    assert [c.quote[:8] for c in found.candidates] == ["At least"]
    assert [s.reason for s in found.skipped] == ["not checkable"]
