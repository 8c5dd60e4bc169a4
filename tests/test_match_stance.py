"""Matching and stance on plain values, including the fuzzy scorers' traps."""

from rapidfuzz import fuzz

from verify import evidence, matching, origins, stance
from verify.quantities import find

CLAIM = (
    "North Korea is deploying four brigades totaling 12,000 troops, including special forces, "
    "to Russia."
)


def shortlisted(
    claim: str,
    passages: list[str],
    pages: list[int] | None = None,
    scorer: str = "token_set_ratio",
    judge_top: int = 0,
) -> list[tuple[int, int]]:
    """(page, passage) pairs `check` would judge for the claim: evidence.shortlist over the
    passages as index candidates (passage i on page pages[i], every word of equal weight)."""
    pages = pages or list(range(len(passages)))
    candidates = [
        matching.Candidate(i, pages[i], p, matching.normalise(p), 0, len(p), 1.0)
        for i, p in enumerate(passages)
    ]
    views = {n: evidence.SourceView(n, f"https://p{n}.example/") for n in set(pages)}
    picks = evidence.shortlist(
        evidence.ClaimView(1, claim, tuple(find(claim))), candidates, views,
        weight=lambda w: 1.0, settings=evidence.Settings(scorer, 80, 0.05, judge_top=judge_top),
    )  # fmt: skip
    return sorted((p.source_id, p.candidate.id) for p in picks)


def test_judge_top_hands_the_best_ranked_pages_to_the_model_whatever_their_fuzzy_score() -> None:
    """A paraphrase in other words is under every fuzzy floor; with `judge_top` the index's
    best-ranked pages are judged anyway (their best-ranked passage, with the page), in rank
    order, and the model decides."""
    claim = "Police said about 60 cars were set alight by protesters overnight"
    passages = [
        "Protesters torched dozens of vehicles during the night, officers said",  # page 0
        "Officers counted the burned vehicles on Sunday morning",  # page 0, ranked lower
        "Dozens of cars were towed from the stadium car park after the match",  # page 1
        "A charity auction raised money for the stadium",  # page 2
    ]
    pages = [0, 0, 1, 2]
    assert shortlisted(claim, passages, pages) == []
    assert shortlisted(claim, passages, pages, judge_top=1) == [(0, 0)]
    assert shortlisted(claim, passages, pages, judge_top=2) == [(0, 0), (1, 2)]
    assert shortlisted(claim, passages, pages, judge_top=9) == [(0, 0), (1, 2), (2, 3)]


def judge(claim: str, passage: str, score: float = 90, share: float = 0.8) -> stance.Stance:
    return stance.judge(claim, find(claim), passage, score=score, share=share, min_score=80,
                        tolerance=0.05)  # fmt: skip


def test_normalise_writes_figures_one_way() -> None:
    forms = ["12,000 troops", "12000 soldiers", "twelve thousand troops", "12k troops"]
    assert {matching.normalise(f).split()[0] for f in forms} == {"12000"}
    assert "troops" in matching.normalise("12,000 soldiers").split()


def test_number_trap_a_different_figure_never_supports() -> None:
    other = CLAIM.replace("12,000", "3,000")
    assert fuzz.token_set_ratio(matching.normalise(CLAIM), matching.normalise(other)) > 90
    result = judge(CLAIM, other)
    assert result.label == "contradicts"
    assert result.explanation == "figure 3,000 troops conflicts with 12,000 troops"


def test_figures_within_tolerance_ranges_and_bounds() -> None:
    assert (
        judge(CLAIM, "About 12,500 North Korean soldiers are deploying to Russia.").label
        == "supports"
    )
    assert (
        judge(CLAIM, "Between 10,000 and 12,000 troops are being sent to Russia.").label
        == "supports"
    )
    assert judge(CLAIM, "More than 10,000 troops are deploying to Russia.").label == "supports"
    assert judge(CLAIM, "Fewer than 5,000 troops are deploying to Russia.").label == "contradicts"
    assert judge(CLAIM, "North Korea is deploying 11,000 troops to Russia.").label == "contradicts"


def test_paraphrase_matches() -> None:
    passages = [
        "South Korea's spy agency says North Korea is deploying four brigades totaling 12,000 "
        "troops to Russia, including special forces.",
        "Wheat prices rose sharply in May.",
    ]
    assert shortlisted(CLAIM, passages) == [(0, 0)]


def test_unrelated_sentences_sharing_common_words_do_not_match() -> None:
    passages = [
        "Is it true that the Senate passed the bill on Tuesday?",
        "The senator is on the committee that oversees the budget.",
    ]
    trap = fuzz.token_set_ratio(matching.normalise("Is it true?"), matching.normalise(passages[0]))
    assert trap == 100  # the trap itself
    for claim in ["Is it true?", "The cat is on the mat."]:
        assert shortlisted(claim, passages) == []
        assert shortlisted(claim, passages, scorer="WRatio") == []


def test_reported_denial_is_not_a_denial_by_the_outlet() -> None:
    claim = "North Korean soldiers are in Russia, footage shows."
    reported = judge(
        claim, "The Kremlin called the footage of North Korean soldiers in Russia fake news."
    )
    own_voice = judge(claim, "There is no evidence that North Korean soldiers are in Russia.")
    assert reported.label == "mentions" and "denial by the Kremlin" in reported.explanation
    assert own_voice.label == "contradicts"


def test_same_denial_on_both_sides_supports() -> None:
    claim = "The Kremlin called footage of North Korean soldiers in Russia fake news."
    assert (
        judge(claim, "The Kremlin has called the footage of North Korean soldiers fake news.").label
        == "supports"
    )


def test_figure_missing_from_passage_only_mentions() -> None:
    assert (
        judge(CLAIM, "North Korea is deploying troops to Russia, including special forces.").label
        == "mentions"
    )


def test_low_score_is_unrelated() -> None:
    assert judge(CLAIM, "Anything at all.", score=40).label == "unrelated"


def test_registrable_domains_and_copies_of_one_story() -> None:
    assert origins.origin_of("https://news.bbc.co.uk/a") == "bbc.co.uk"
    assert origins.origin_of("https://www.harbor-times.example/x") == "harbor-times.example"
    wire = " ".join(f"word{i}" for i in range(60))
    edited = wire + " with a local sentence added"
    other = "an entirely different story about other things and places " * 3
    assert origins.same_story(wire, edited) and not origins.same_story(wire, other)
    shared = set(enumerate(origins.copy_bands(wire))) & set(enumerate(origins.copy_bands(edited)))
    assert shared  # candidates for the exact check, found through stored bands
    assert not set(enumerate(origins.copy_bands(wire))) & set(enumerate(origins.copy_bands(other)))
    assert origins.copy_bands("too short") == []


def test_facts_count_origins_not_pages() -> None:
    pages = [("a.example", "wire"), ("b.example", "wire"), ("c.example", "c.example")]
    ev = [origins.EvidenceFact(f"https://{h}/x", "supports", "auto", 90, g) for h, g in pages]
    assert origins.facts_for(ev).supporting_origins == 2
    assert origins.facts_for(ev, own_origins={"wire"}).supporting_origins == 1


def test_a_document_that_discusses_the_claim_is_found_without_a_matching_sentence() -> None:
    claim = "Pyongyang sent special forces brigades to the Kursk region"
    body = [
        "Special forces from Pyongyang were seen in the region.",
        "Analysts said the brigades crossed into Kursk last week.",
        "The weather was cold.",
    ]
    other = ["Wheat prices rose sharply in May.", "The harvest in Kansas was late."]
    found = shortlisted(claim, body + other, pages=[1, 1, 1, 2, 2])
    assert [page for page, _ in found] == [1]  # page 1 as a whole, by its best passage


def test_hedged_reports_only_mention() -> None:
    hedged = judge(CLAIM.replace("is deploying", "is reportedly deploying"), CLAIM)
    assert hedged.label == "supports"  # the claim itself may hedge
    passage = "North Korea is reportedly deploying four brigades totaling 12,000 troops to Russia."
    assert judge(CLAIM, passage).label == "mentions"
