"""Reading ClaimReview as publishers really write it, and the pieces of our own export: pure
functions on plain values (the import command and the database are in test_claimreview_cli)."""

import json
import math
import time
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import DATA
from verify import claimreview, verdicts
from verify.claimreview import Problem, Record

PUBLISHED = DATA / "factchecks" / "published"


def review(**fields: Any) -> dict[str, Any]:
    """A minimal valid ClaimReview with fields replaced or added."""
    return {"@context": "https://schema.org", "@type": "ClaimReview",
            "url": "https://checks.example/1", "claimReviewed": "Kim sent 100,000 troops",
            **fields}  # fmt: skip


def read(data: Any, source: str = "f.json") -> tuple[list[Record], list[Problem]]:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()  # \u escapes: any str
    return claimreview.parse(raw, source)


def notes(problems: list[Problem]) -> list[str]:
    return [p.message for p in problems if not p.skipped]


def skipped(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems if p.skipped]


# 8: non-finite ratings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw_value, shown",
    [('"NaN"', "'NaN'"), ('"Infinity"', "'Infinity'"), ('"-inf"', "'-inf'"), ("NaN", "nan"),
     ("Infinity", "inf"), ("1e999", "inf"), ('"lots"', "'lots'")],
)  # fmt: skip
def test_a_rating_that_is_not_a_finite_number_is_left_out(raw_value: str, shown: str) -> None:
    """Python's json reads NaN and Infinity; such a value once normalised to verdict "true"."""
    rating = f'{{"ratingValue": {raw_value}, "bestRating": 5, "worstRating": 1}}'
    text = ('{"@type": "ClaimReview", "url": "https://checks.example/1", "claimReviewed": "X", '
            f'"reviewRating": {rating}}}')  # fmt: skip
    (record,), problems = claimreview.parse(text.encode(), "f.json")
    assert record.rating_value is None and record.best_rating == 5.0
    message = f"ratingValue {shown} is not a finite number; left out"
    assert notes(problems) == [message] and str(problems[0]) == f"f.json: record 1: {message}"
    assert verdicts.normalise(record.rating_text, record.rating_value, 5, 1) is None


def test_non_finite_or_off_scale_numbers_never_make_a_verdict() -> None:
    assert verdicts.normalise(None, math.nan, 5, 1) is None
    assert verdicts.normalise(None, math.inf, 5, 1) is None
    assert verdicts.normalise(None, 5, math.inf, 1) is None
    assert verdicts.normalise(None, 7, 5, 1) is None  # above the publisher's best
    assert verdicts.normalise(None, 0, 5, 1) is None  # below its worst
    assert verdicts.normalise(None, -1, -1, -1) is None  # "no numeric rating", as some write it
    assert verdicts.normalise(None, 1, 1, 5) == "true"  # a scale where 1 is best
    assert verdicts.normalise("False", math.nan, 5, 1) == "false"  # the words still count


# 13: hostile structure -------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [101, 2_000, 100_000])
def test_json_nested_too_deep_is_a_problem_not_a_crash(depth: int) -> None:
    records, problems = read(b"[" * depth + b"]" * depth)
    assert records == [] and skipped(problems) == [
        "f.json: record 0: nested more than 100 levels deep"
    ]


def test_a_review_nested_within_the_limit_is_found() -> None:
    data: Any = review()
    for _ in range(45):  # 90 levels: an object and a list each time
        data = {"wrapper": [data]}
    records, problems = read(data)
    assert [r.review_url for r in records] == ["https://checks.example/1"] and problems == []


def test_claim_review_that_is_not_a_list_skips_that_claim_only() -> None:
    data = {"claims": [
        {"text": "A claim", "claimReview": 5},
        {"text": "Another claim", "claimReview": [{"url": "https://checks.example/2",
                                                   "textualRating": "False"}]},
    ]}  # fmt: skip
    records, problems = read(data)
    assert [r.claim_reviewed for r in records] == ["Another claim"]
    assert skipped(problems) == ["f.json: record 1: claimReview is not a list of reviews"]


@pytest.mark.parametrize(
    "date",
    ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00", "10000-01-01", "+10000-01-01",
     "2024-02-30", "yesterday", "2024-10-30T25:00:00"],
)  # fmt: skip
def test_a_date_outside_years_1_to_9999_in_utc_is_left_out(date: str) -> None:
    (record,), problems = read(review(datePublished=date))
    assert record.review_date is None
    assert notes(problems) == [
        f"datePublished {date!r} is not an ISO 8601 date in years 1–9999; left out"
    ]


def test_dates_become_utc() -> None:
    (record,), _ = read(review(datePublished="2024-10-31T10:00:00-03:00"))
    assert record.review_date == datetime(2024, 10, 31, 13, tzinfo=UTC)
    (record,), _ = read(review(datePublished="0001-01-01"))
    assert record.review_date == datetime(1, 1, 1, tzinfo=UTC)


def test_a_csv_cell_over_128_kib_skips_its_row_only() -> None:
    huge = "x" * 200_000
    text = (f"text,url,rating\nFirst claim,https://a.example/1,False\n{huge},https://a.example/2,"
            "True\nThird claim,https://a.example/3,True\n")  # fmt: skip
    records, problems = claimreview.parse(text.encode(), "c.csv")
    assert [r.review_url for r in records] == ["https://a.example/1", "https://a.example/3"]
    assert skipped(problems) == ["c.csv: record 2: a cell is longer than 131,072 characters"]


def test_a_claim_longer_than_5000_characters_is_not_one_claim() -> None:
    records, problems = read(
        [review(claimReviewed="word " * 2_000), review(url="https://b.example")]
    )
    assert [r.review_url for r in records] == ["https://b.example"]
    assert skipped(problems) == [
        "f.json: record 1: claim is 9,999 characters (more than 5,000); not one claim"
    ]


def test_text_that_no_database_can_store_is_cleaned() -> None:
    """NUL is refused by PostgreSQL and a lone surrogate by every UTF-8 encoder."""
    (record,), _ = read(
        review(claimReviewed="Kim\u0000 sent \ud800troops", author={"name": "A\x07B"})
    )
    assert record.claim_reviewed == "Kim sent troops" and record.publisher == "A B"
    record.claim_reviewed.encode("utf-8")


# 14: linear time -------------------------------------------------------------------------------

HOSTILE_PAGES = {
    # each ~520 KB, the size that took 67 s with the old regex
    "unclosed script tags": b"<html><script type='application/ld+json'>x" + b"<script " * 65_000,
    "ld+json openers without end": b'<script type="application/ld+json">' * 15_000,
    "long attribute lists": b"<script " + b'a="b" ' * 87_000 + b">",
    "unclosed comment": b"<html><!--" + b"a" * 520_000,
    "deep nesting": b"<div>" * 104_000,
}


@pytest.mark.parametrize("page", HOSTILE_PAGES.values(), ids=HOSTILE_PAGES.keys())
def test_hostile_pages_are_read_in_linear_time(page: bytes) -> None:
    started = time.perf_counter()
    records, problems = claimreview.parse(page, "p.html")
    assert time.perf_counter() - started < 2.0
    assert records == [] and problems


def test_a_ten_megabyte_page_is_read_in_seconds() -> None:
    body = b"<p>" + b"Words of an ordinary article. " * 20 + b"</p>\n"
    page = (b"<html><head><script type=application/ld+json>"
            + json.dumps(review()).encode() + b"</script></head><body>"
            + body * (10_000_000 // len(body)) + b"</body></html>")  # fmt: skip
    started = time.perf_counter()
    records, _ = claimreview.parse(page, "p.html")
    assert len(records) == 1 and time.perf_counter() - started < 5.0


# 17: ClaimReview as published ------------------------------------------------------------------


def test_a_fact_checkers_page_as_published() -> None:
    """Unquoted type, a relative review URL, an @id graph where the author is the writer,
    entities and raw control characters in the claim, the page's lang, a rating with reasons."""
    (record,), problems = claimreview.parse(
        (PUBLISHED / "checagem-video.html").read_bytes(), "checagem-video.html"
    )
    assert problems == []
    assert record == Record(
        claim_reviewed="Vídeo mostra tropas norte-coreanas na Rússia em 2024",
        review_url="https://checagem.example/2024/10/31/video-tropas/",
        rating_text="FALSO: o vídeo é de 2019 e mostra um desfile",
        rating_value=1.0, best_rating=5.0, worst_rating=1.0,
        publisher="Checagem & Cia",  # the writer's organisation, not the writer "Ana Souza"
        publisher_site="https://checagem.example/",
        claimant="Usuários de redes sociais",
        claim_date=datetime(2024, 10, 29, tzinfo=UTC),
        review_date=datetime(2024, 10, 31, 13, tzinfo=UTC),
        language="pt-BR",
    )  # fmt: skip
    assert verdicts.normalise(record.rating_text) == "false"


def test_a_bare_fact_check_tools_claim_object() -> None:
    records, problems = claimreview.parse(
        (PUBLISHED / "factcheck-tools-claim.json").read_bytes(), "claim.json"
    )
    assert problems == []
    found = [(r.publisher, r.rating_text, verdicts.normalise(r.rating_text), r.language)
             for r in records]  # fmt: skip
    assert found == [("MyGoPen", "錯誤", "false", "zh"),
                     ("Taiwan FactCheck Desk", "證據不足", "unproven", "zh")]  # fmt: skip
    assert {r.claim_reviewed for r in records} == {"日本政府宣布2025年起全面禁止現金交易"}
    assert records[0].claimant == "網路傳言"


def test_a_list_of_fact_check_tools_claims() -> None:
    claim = {"text": "X", "claimReview": [{"url": "https://a.example/x", "textualRating": "Falso"}]}
    records, _ = read([claim, {**claim, "text": "Y"}])
    assert [r.claim_reviewed for r in records] == ["X", "Y"]


def test_script_type_in_any_form() -> None:
    block = json.dumps(review(claimReviewed="A </p> in the claim")).encode()
    for opening in [b"<script type=application/ld+json>",
                    b"<SCRIPT TYPE='Application/LD+JSON; charset=utf-8'>",
                    b'<script  data-x="1"\ntype = "application/ld+json" >']:  # fmt: skip
        (record,), problems = claimreview.parse(b"<html>" + opening + block + b"</script>", "p")
        assert record.claim_reviewed == "A </p> in the claim" and problems == []


def test_blocks_wrapped_in_comments_or_cdata() -> None:
    block = json.dumps(review())
    page = f'<script type="application/ld+json">//<![CDATA[\n{block}\n//]]></script>'
    (record,), _ = claimreview.parse(page.encode(), "p.html")
    assert record.review_url == "https://checks.example/1"


def test_claim_reviewed_as_a_list() -> None:
    records, _ = read(review(claimReviewed=["Kim sent troops", "", "Kim sent troops", "Y"]))
    assert [r.claim_reviewed for r in records] == ["Kim sent troops", "Y"]


def test_review_urls_must_be_http_and_absolute_unless_the_page_gives_its_address() -> None:
    records, problems = read([review(url="/checks/1"), review(url="javascript:alert(1)"),
                              review(url="https://ok.example/c d"), review(url=None)])  # fmt: skip
    assert records == []
    assert skipped(problems) == [
        "f.json: record 1: url '/checks/1' is relative and the file gives no page address to "
        "resolve it against",
        "f.json: record 2: url 'javascript:alert(1)' is not an http(s) URL",
        "f.json: record 3: url 'https://ok.example/c d' has blanks or control characters",
        "f.json: record 4: no http(s) url",
    ]
    page = ('<html><head><base href="https://site.example/fact-checks/">'
            '<script type="application/ld+json">' + json.dumps(review(url="item-7"))
            + "</script>")  # fmt: skip
    (record,), _ = claimreview.parse(page.encode(), "p.html")
    assert record.review_url == "https://site.example/fact-checks/item-7"


def test_the_writer_is_not_the_publisher() -> None:
    writer = {"@type": "Person", "name": "Ana Souza"}
    (alone,), _ = read(review(author=writer))
    assert alone.publisher is None
    lupa = {"@type": "NewsMediaOrganization", "name": "Lupa", "url": "https://l.example"}
    (published,), _ = read(review(author=writer, publisher=lupa))
    assert (published.publisher, published.publisher_site) == ("Lupa", "https://l.example")
    (organisation,), _ = read(review(author={"@type": "Organization", "name": "Check Desk"}))
    assert organisation.publisher == "Check Desk"


def test_language_from_in_language_or_the_page() -> None:
    (coded,), _ = read(review(inLanguage={"@type": "Language", "name": "Spanish",
                                          "alternateName": "es"}))  # fmt: skip
    assert coded.language == "es"
    page = ('<html lang="ar"><script type="application/ld+json">'
            + json.dumps(review()) + "</script></html>")  # fmt: skip
    (from_page,), _ = claimreview.parse(page.encode(), "p.html")
    assert from_page.language == "ar"


@pytest.mark.parametrize(
    "rating, value, verdict",
    [("FALSO: el video es de 2019", None, "false"), ("really_false", None, "false"),
     ("زائف", None, "false"), ("錯誤", None, "false"), ("證據不足", None, "unproven"),
     ("Engañoso", 2, "misleading"), ("ENGANOSO", 2, "misleading"), ("Disputed", 2, "mixed"),
     ("Corroborated", 5, "true"), ("Pants on Fire!", None, "false"),
     ("Mostly False - the figure is old", None, "mostly_false"),
     ("Plutôt vrai", None, "mostly_true"),
     ("Something unheard of", 2, "mostly_false"), ("Something unheard of", None, None)],
)  # fmt: skip
def test_ratings_as_publishers_write_them(rating: str, value: float | None, verdict: str) -> None:
    """Words beat numbers: "Engañoso" rated 2 of 5 is misleading, not mostly false; our own
    "Disputed" (2 of 5) says sources disagree, not that the claim is mostly false."""
    assert verdicts.normalise(rating, value, 5, 1) == verdict


def test_nothing_found_says_what_was_looked_for() -> None:
    assert skipped(read({"@type": "WebPage"})[1]) == [
        "f.json: record 0: no ClaimReview or Fact Check Tools claim in it"
    ]
    assert skipped(claimreview.parse(b"<html><p>Hi</p></html>", "p.html")[1]) == [
        'p.html: record 0: no <script type="application/ld+json"> in the page'
    ]
    page = b'<script type="application/ld+json">{"@type": "Organization"}</script>'
    assert skipped(claimreview.parse(page, "p.html")[1]) == [
        "p.html: record 0: no ClaimReview in its 1 JSON-LD block(s)"
    ]


def test_a_page_in_another_encoding_is_read_by_its_meta_charset() -> None:
    block = json.dumps(review(claimReviewed="Déclaration fausse"), ensure_ascii=False)
    page = ('<html><head><meta charset="windows-1252"><script type="application/ld+json">'
            + block + "</script>").encode("cp1252")  # fmt: skip
    (record,), _ = claimreview.parse(page, "p.html")
    assert record.claim_reviewed == "Déclaration fausse"


# 18: the pieces of our export ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, kind",
    [("South Korea's spy agency", "Organization"), ("the Kremlin", "Organization"),
     ("the National Intelligence Service", "Organization"), ("Dmitry Peskov", "Person"),
     ("President Yoon Suk Yeol", "Person"), ("First Vice Foreign Minister Kim Hong-kyun", "Person"),
     ("a NATO spokesperson", "Person"), ("NATO Secretary General Mark Rutte", "Person"),
     ("Kim Jong Un", "Person"), ("WHO", "Organization"), ("Analysts", "Person"),
     ("he", None), ("It said", None), ("officials told reporters", None), ("", None),
     ("<b>x</b>", None), ("12,000", None), ("word " * 30, None), (None, None)],
)  # fmt: skip
def test_speakers_are_typed_and_garbled_ones_omitted(name: str | None, kind: str | None) -> None:
    found = claimreview.speaker(name)
    assert (found and found["@type"]) == kind
    if found:
        assert found["name"] == name


def test_page_safe_json_cannot_end_a_script_block() -> None:
    body = {"claimReviewed": "</script><script>alert(1)</script> & \u2028"}
    text = claimreview.page_safe_json(body)
    assert not {"<", ">", "&", "\u2028"} & set(text)
    assert json.loads(text) == body


def test_http_url() -> None:
    assert claimreview.http_url("https://a.example/x") == "https://a.example/x"
    for bad in ["javascript:alert(1)", "file:///etc/passwd", "https://", "http://[::1", "/x",
                "https://a.example/\nx", None, 5]:  # fmt: skip
        assert claimreview.http_url(bad) is None
