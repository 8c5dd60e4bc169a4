from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from verify import checkworthiness, extract


def test_sentences_respect_abbreviations_and_paragraphs() -> None:
    text = "Gen. Kim said it. The U.S. agreed. Mr. Peskov denied it!\n\nNew paragraph here"
    assert [s.text for s in extract.sentences(text)] == [
        "Gen. Kim said it.",
        "The U.S. agreed.",
        "Mr. Peskov denied it!",
        "New paragraph here",
    ]
    for s in extract.sentences(text):
        assert text[s.start : s.end] == s.text


def test_attribution_leading_reporting_verb() -> None:
    a = extract.attribute(
        "South Korea's spy agency said North Korea is deploying four brigades totaling "
        "12,000 troops."
    )
    assert a.who == "South Korea's spy agency"
    assert a.assertion.startswith("North Korea is deploying four brigades")


def test_attribution_framing_verb_keeps_the_whole_sentence() -> None:
    a = extract.attribute("The Kremlin had called footage of North Korean soldiers fake news.")
    assert a.who == "the Kremlin"
    assert "fake news" in a.assertion


def test_attribution_trailing_inverted_and_according_to() -> None:
    trailing = extract.attribute(
        "There is contradictory information, Kremlin spokesman Dmitry Peskov said."
    )
    inverted = extract.attribute(
        "It is our sovereign right, said Dmitry Peskov, the Kremlin spokesman."
    )
    according = extract.attribute(
        "According to Ukrainian intelligence, about 3,000 troops arrived."
    )
    assert trailing.who == "Kremlin spokesman Dmitry Peskov"  # titles stay with names
    assert inverted.who == "Dmitry Peskov, the Kremlin spokesman"
    assert trailing.assertion == "There is contradictory information."
    assert according.who == "Ukrainian intelligence"
    assert according.assertion == "About 3,000 troops arrived."


def test_said_that_with_an_object_keeps_the_negation() -> None:
    a = extract.attribute(
        "A NATO official said the alliance could not yet confirm that troops were in Russia."
    )
    assert a.who == "A NATO official"
    assert "could not yet confirm" in a.assertion


def test_no_attribution() -> None:
    assert extract.attribute("NATO asked Seoul to send a delegation.").who is None


def test_pronoun_and_surname_resolve_to_earlier_speaker() -> None:
    text = (
        "President Yoon Suk Yeol said the deployment of 12,000 troops was a threat. "
        "He called it a grave security threat to the world on Friday.\n\n"
        "Kremlin spokesman Dmitry Peskov said there was contradictory information in October. "
        "Peskov said that cooperation with North Korea was Russia's sovereign right in 2024."
    )
    by_text = {c.quote[:10]: c.attributed_to for c in extract.claims(text, min_score=0)}
    assert by_text["He called "] == "President Yoon Suk Yeol"
    assert by_text["Peskov sai"] == "Kremlin spokesman Dmitry Peskov"


def test_checkworthiness_ranks_specific_attributed_facts_above_opinion() -> None:
    fact = checkworthiness.score(
        "South Korea's spy agency said 12,000 troops were deployed in October.",
        attributed=True,
        n_quantities=1,
    )["score"]
    opinion = checkworthiness.score(
        "I think we should all be proud.", attributed=False, n_quantities=0
    )
    question = checkworthiness.score("What happens next?", attributed=False, n_quantities=0)
    assert fact > 0.8 > 0.3 > opinion["score"] and question["score"] < 0.3


def test_unseen_article_yields_troops_and_fake_news_claims_at_the_top() -> None:
    text = (DATA / "unseen_article.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    found = extract.claims(text)
    top = sorted(found, key=lambda c: -c.checkworthiness)[:6]
    troops = [c for c in top if any(q.value == 12000 and q.unit == "troops" for q in c.quantities)]
    assert troops and "spy agency" in (troops[0].attributed_to or "")
    fake = [c for c in top if "fake news" in c.text]
    assert fake and fake[0].attributed_to == "the Kremlin"


def test_near_duplicates() -> None:
    n = extract.normalised
    wire = n(
        "North Korea is deploying four brigades totaling 12,000 troops, including special forces."
    )
    copy = n(
        "North Korea is deploying four brigades totalling 12,000 troops including special forces"
    )
    assert extract.same_claim(wire, copy)
    assert not extract.same_claim(n("Is it true?"), wire)
    assert not extract.same_claim(
        n("North Korea sent 12,000 troops"), n("North Korea did not send 12,000 troops")
    )


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_extracts_with_offsets_inside(text: str) -> None:
    for claim in extract.claims(text, min_score=0):
        assert text[claim.start : claim.end] == claim.quote
        for q in claim.quantities:
            assert text[q.start : q.end] == q.text
        assert 0 <= claim.checkworthiness <= 1
