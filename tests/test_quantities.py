import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.quantities import find, words_to_number


def one(text: str) -> tuple[float, str, bool, str, float | None]:
    (q,) = find(text)
    return q.value, q.unit, q.approx, q.bound, q.low


@pytest.mark.parametrize(
    "text, expected",
    [
        ("deploying 12,000 troops to Russia", (12000, "troops", False, "exact", None)),
        ("some 12k troops", (12000, "troops", True, "exact", None)),
        ("twelve thousand soldiers", (12000, "troops", False, "exact", None)),
        ("four brigades", (4, "brigades", False, "exact", None)),
        ("1.5 million people fled", (1_500_000, "people", False, "exact", None)),
        ("between 10,000 and 12,000 troops", (12000, "troops", False, "range", 10000)),
        ("10,000-12,000 troops", (12000, "troops", False, "range", 10000)),
        ("more than 3,000 North Korean soldiers", (3000, "troops", False, "min", None)),
        ("an estimated 3,000 troops", (3000, "troops", True, "exact", None)),
        ("up to 500 people", (500, "people", False, "max", None)),
        ("about 40% of voters", (40, "percent", True, "exact", None)),
        ("$5 billion in aid", (5e9, "dollars", False, "exact", None)),
    ],
)
def test_quantity_forms(text: str, expected: tuple[float, str, bool, str, float | None]) -> None:
    assert one(text) == expected


def test_several_figures_in_one_sentence_keep_their_units() -> None:
    found = find("The spy agency said four brigades totaling 12,000 troops were on the way.")
    assert [(q.value, q.unit) for q in found] == [(4, "brigades"), (12000, "troops")]


@pytest.mark.parametrize(
    "text",
    ["On October 24, 2024 the envoy left.", "The treaty signed in June 2024.", "the 24th brigade",
     "one of them said so"],
)  # fmt: skip
def test_dates_years_ordinals_and_pronoun_one_are_not_figures(text: str) -> None:
    assert find(text) == []


def test_span_text_matches_offsets() -> None:
    text = "Officials said more than 3,000 troops arrived."
    (q,) = find(text)
    assert text[q.start : q.end] == q.text == "more than 3,000 troops"


def test_words_to_number() -> None:
    assert words_to_number("one hundred and fifty") == 150
    assert words_to_number("twenty-five thousand") == 25000
    assert words_to_number("banana") is None


@given(st.text())
def test_any_text_parses_and_offsets_point_into_it(text: str) -> None:
    for q in find(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.value >= 0
