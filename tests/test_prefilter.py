"""The gate before the extractor's patterns (`verify.prefilter`) never changes an answer: where
it says a pattern cannot match, the pattern does not match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from verify import (
    attribution,
    checkable,
    checkworthiness,
    counts,
    currencies,
    nested,
    notclaims,
    nouns,
    numerals,
    prefilter,
    qualifiers,
    quantities,
    speakers,
)
from verify.sentences import sentences

MODULES = [attribution, checkable, checkworthiness, counts, currencies, nested, notclaims, nouns,
           numerals, qualifiers, quantities, speakers]  # fmt: skip
GATED = [
    (f"{m.__name__}.{name}", p)
    for m in MODULES
    for name, p in vars(m).items()
    if isinstance(p, prefilter.Prefiltered)
]
SEED_SENTENCES = [s.text for p in sorted(SEEDS.glob("*.md")) for s in sentences(p.read_text())]
# Case equivalences re.IGNORECASE knows beyond ASCII, and text around a literal.
TRICKY = ["İ", "ı", "ſ", "K", "ß", "’", "“", "\u0307", " ", "MAY", "May", "Said", "I THINK"]


def test_the_extractor_s_long_patterns_are_gated() -> None:
    assert len(GATED) > 80
    assert notclaims.CREDIT_RE.gate.pattern == "contribut|reported|wrote"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "pattern"), GATED, ids=[n for n, _ in GATED])
def test_a_gate_never_hides_a_match_in_real_copy(name: str, pattern: prefilter.Prefiltered) -> None:
    for text in SEED_SENTENCES:
        assert bool(pattern.search(text)) == bool(pattern.inner.search(text)), text
        assert bool(pattern.match(text)) == bool(pattern.inner.match(text)), text


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_gate_never_hides_a_match_in_text_built_from_the_pattern_s_own_words(
    data: st.DataObject,
) -> None:
    """Text made of the gate's own strings in any case, with the characters that case-folding
    treats specially, is where a wrong gate would show."""
    _, pattern = data.draw(st.sampled_from(GATED))
    words = sorted(pattern.gate.pattern.replace("\\", "").split("|"))
    pieces = st.one_of(
        st.sampled_from(words).map(lambda w: data.draw(st.sampled_from([w, w.upper(), w.title()]))),
        st.sampled_from(TRICKY),
        st.text(max_size=5),
    )
    text = "".join(data.draw(st.lists(pieces, max_size=12)))
    for method in ("search", "findall"):
        assert bool(getattr(pattern, method)(text)) == bool(getattr(pattern.inner, method)(text))
    assert pattern.sub("#", text) == pattern.inner.sub("#", text)


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        (r"\b(?:i think|sadly)\b", re.I, {"i think", "sadly"}),
        (r"^.{2,30}\bcontributed\b|^[A-Z]\w+ wrote from", 0, {"contributed", " wrote from"}),
        # a case-sensitive part of a case-insensitive pattern: its word is looked for folded
        (r"\b(?:will|(?-i:May)ors?)\b", re.I, {"will", "may"}),
        # a case-insensitive part of a case-sensitive pattern gives nothing to look for
        (r"(?i:said)|told", 0, None),
        (r"Reuters(?i: said)", 0, {"Reuters"}),
        (r"(?:abc)+x", 0, {"abc"}),  # a repeat at least once is required
        (r"(?:abcd)*xy", 0, None),  # a repeat that may be absent is not; "xy" is too short
        (r"straße|strasse", re.I, {"stra"}),  # the parser takes the common start out
        (r"naïve|clever", re.I, None),  # non-ASCII breaks a folded literal: "na", "ve" too short
        (r"[Ss]aid|\d+", 0, None),  # an alternative with no literal: no gate
    ],
)
def test_required_strings_are_read_off_the_pattern(
    source: str, flags: int, expected: set[str] | None
) -> None:
    found = prefilter.required(re.compile(source, flags))
    assert found == (frozenset(expected) if expected is not None else None)


def test_folding_matches_what_ignorecase_matches() -> None:
    pattern = prefilter.gated(re.compile(r"\bit is so\b", re.I))
    assert isinstance(pattern, prefilter.Prefiltered)
    for text in ["İT IS SO", "ıt ıs ſo", "It Is So"]:
        assert pattern.inner.search(text), text
        assert pattern.search(text), text
    assert pattern.search("it was so") is None
