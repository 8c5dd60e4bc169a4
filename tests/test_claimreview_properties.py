"""Property-based tests over the ClaimReview reader, the rating normaliser and the export pieces:
whatever a file holds, the answer is records and named problems, never an exception, within a
time bound; and what comes out can be stored and embedded in a page."""

import json
import math
import tempfile
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify import claimreview, database, factchecks, verdicts, workflow
from verify.claimreview import Problem, Record

# Small inputs take milliseconds; the bound leaves room for a loaded two-core machine.
BOUND = settings(deadline=timedelta(seconds=2), max_examples=150, database=None,
                 suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

scalars = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["NaN", "Infinity", "-inf", "1e999", "", " 4 ", "0001-01-01T00:00:00+05:00",
                       "9999-12-31T23:00:00-05:00", "10000-01-01", "2024-10-30", "&amp;",
                       "javascript:alert(1)", "/relative", "https://ok.example/x", "\x00\ud800"])
)  # fmt: skip
texts = st.text(max_size=40) | st.sampled_from(
    [
        "FALSO: …",
        "really_false",
        "زائف",
        "錯誤",
        "Engañoso",
        "Disputed",
        "V&iacute;deo",
        "</script>",
    ]
)
urls = st.sampled_from(["https://checks.example/a", "http://x.example/b?c=d", "/rel/ative",
                        "item-3", "javascript:alert(1)", "https://[::1", "https://a.example/ x",
                        "mailto:a@b", ""]) | st.text(max_size=30)  # fmt: skip
dates = scalars | st.datetimes().map(lambda d: d.isoformat())
ratings = st.fixed_dictionaries(
    {},
    optional={"ratingValue": scalars, "bestRating": scalars, "worstRating": scalars,
              "alternateName": texts | scalars, "name": texts, "@type": st.just("Rating")},
)  # fmt: skip
people = st.fixed_dictionaries(
    {"@type": st.sampled_from(["Person", "Organization", "NewsMediaOrganization"])},
    optional={"name": texts | scalars, "url": urls, "@id": st.sampled_from(["#a", "#b"]),
              "worksFor": st.fixed_dictionaries({"@id": st.sampled_from(["#a", "#b"])})},
) | scalars  # fmt: skip
reviews = st.fixed_dictionaries(
    {"@type": st.sampled_from(["ClaimReview", "schema:ClaimReview", ["ClaimReview", "Review"]])},
    optional={
        "url": urls | scalars, "claimReviewed": texts | st.lists(texts, max_size=3) | scalars,
        "reviewRating": ratings | st.lists(ratings, max_size=2) | scalars,
        "author": people, "publisher": people, "datePublished": dates,
        "inLanguage": texts | st.fixed_dictionaries({"alternateName": texts}),
        "itemReviewed": st.fixed_dictionaries(
            {}, optional={"author": people, "datePublished": dates}) | scalars,
    },
)  # fmt: skip
google_reviews = st.fixed_dictionaries(
    {},
    optional={"url": urls | scalars, "textualRating": texts | scalars, "languageCode": texts,
              "reviewDate": dates, "publisher": st.fixed_dictionaries(
                  {}, optional={"name": texts | scalars, "site": texts}) | scalars},
)  # fmt: skip
google_claims = st.fixed_dictionaries(
    {"claimReview": st.lists(google_reviews, max_size=3) | google_reviews | scalars},
    optional={"text": texts | scalars, "claimant": texts | scalars, "claimDate": dates},
)
keys = st.sampled_from(["@graph", "@id", "claims", "review", "mainEntity"]) | st.text(max_size=8)
documents = st.recursive(
    scalars | reviews | google_claims,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=25,
)
html_pieces = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["<div>", "</div>", "<!--", "-->", "<script ", "</script>", "<base href=/x/>",
                     '<link rel=canonical href="https://p.example/a/">', "<html lang=es>",
                     "<![CDATA[", "<meta property=og:url content=https://p.example/b>"]),
    st.builds(lambda quote, kind, body: f"<script type={quote}{kind}{quote}>{body}</script>",
              st.sampled_from(["", "'", '"']),
              st.sampled_from(["application/ld+json", "APPLICATION/LD+JSON; charset=utf-8",
                               "text/javascript"]),
              documents.map(json.dumps) | st.text(max_size=30)),
)  # fmt: skip


def check(result: tuple[list[Record], list[Problem]]) -> None:
    """The reader's promise: storable records, one-line problems."""
    records, problems = result
    for record in records:
        assert record.claim_reviewed and len(record.claim_reviewed) <= claimreview.MAX_CLAIM_CHARS
        assert claimreview.http_url(record.review_url) == record.review_url
        for value in (record.rating_value, record.best_rating, record.worst_rating):
            assert value is None or math.isfinite(value)
        for when in (record.claim_date, record.review_date):
            assert when is None or when.utcoffset() == timedelta(0)
        for text in (record.claim_reviewed, record.rating_text, record.publisher,
                     record.publisher_site, record.claimant, record.language):  # fmt: skip
            assert text is None or (text.encode("utf-8") and not claimreview._CONTROL.search(text))
    for problem in problems:
        assert problem.message and "\n" not in str(problem)


@BOUND
@given(st.binary(max_size=3000))
def test_any_bytes(raw: bytes) -> None:
    check(claimreview.parse(raw, "any"))


@BOUND
@given(documents)
def test_any_json_document(document: Any) -> None:
    check(claimreview.parse(json.dumps(document).encode(), "doc.json"))


@BOUND
@given(st.lists(html_pieces, max_size=12).map("".join))
def test_any_page(page: str) -> None:
    check(claimreview.parse(("<html>" + page).encode("utf-8", "surrogatepass"), "page.html"))


@BOUND
@given(st.lists(st.lists(st.text(max_size=15) | urls, max_size=5), max_size=6))
def test_any_csv(table: list[list[str]]) -> None:
    lines = ["text,url,rating,date,publisher"] + [",".join(row) for row in table]
    check(claimreview.parse("\n".join(lines).encode("utf-8", "surrogatepass"), "t.csv"))


@BOUND
@given(texts | st.none(), st.floats() | st.none(), st.floats() | st.none(),
       st.floats() | st.none())  # fmt: skip
def test_any_rating_gives_a_known_verdict_or_none(
    text: str | None, value: float | None, best: float | None, worst: float | None
) -> None:
    assert verdicts.normalise(text, value, best, worst) in (*workflow.VERDICTS, None)


@BOUND
@given(texts | st.none())
def test_any_speaker_is_typed_or_omitted(name: str | None) -> None:
    found = claimreview.speaker(name)
    assert found is None or found["@type"] in ("Person", "Organization") and found["name"]


json_safe = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


@BOUND
@given(json_safe)
def test_page_safe_json_round_trips_and_stays_inert(body: Any) -> None:
    text = claimreview.page_safe_json(body)
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == body


@pytest.fixture(scope="module")
def scratch_db() -> Iterator[str]:
    """One SQLite file for every example (hypothesis reruns the test body, not fixtures)."""
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / 'verify.db'}"


@settings(deadline=None, max_examples=40, database=None)
@given(st.lists(reviews | google_claims, max_size=5))
def test_whatever_is_read_can_be_stored(scratch_db: str, document: list[Any]) -> None:
    records, _ = claimreview.parse(json.dumps(document).encode(), "doc.json")
    with database.transaction(scratch_db) as session:
        done = factchecks.store(session, records, source="doc.json")
    assert done.created + done.updated + done.unchanged == len(
        {factchecks.key_of(r.review_url, r.claim_reviewed) for r in records}
    )
    assert all(r.review_date is None or r.review_date.tzinfo is UTC for r in records)
