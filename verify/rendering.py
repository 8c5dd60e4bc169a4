"""Report renderers over plain report data (see pipeline.report_data): markdown, json, html, csv.
Pure; HTML is escaped by Jinja2 autoescape, CSV cells are neutralised for spreadsheets."""

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from verify.claimreview import http_url, page_safe_json, speaker
from verify.errors import InputError
from verify.models import Method
from verify.report_schema import (
    ActivityEntry,
    ClaimEntry,
    EvidenceEntry,
    HistoryEntry,
    MentionEntry,
    Report,
)

FORMATS = ("markdown", "json", "html", "csv", "claimreview")
CSV_COLUMNS = (
    "id", "status", "claim", "attributed_to", "quantities", "reason", "actor", "changed_at",
    "evidence", "mentions", "assignee", "checkworthiness",
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(data: Report, fmt: str) -> str:
    """The report in one of FORMATS."""
    renderers = {
        "markdown": markdown, "json": to_json, "html": html, "csv": to_csv,
        "claimreview": claimreview,
    }  # fmt: skip
    return renderers[fmt](data)


def to_json(data: Report) -> str:
    """Stable JSON: keys sorted, UTF-8, two-space indent; schema in docs/report-json.md."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _md(text: Any) -> str:
    """Text safe inside a Markdown table cell or line: no pipes, brackets or line breaks."""
    value = " ".join(str(text).split())
    for char in "\\|[]<>*_`":
        value = value.replace(char, "\\" + char)
    return value


def markdown(data: Report) -> str:
    """A readable report for people and wikis."""
    noun = "claim" if data["total"] == 1 else "claims"
    out = [f"# Verification report ({data['total']} {noun}, workflow {data['workflow']})", ""]
    out += ["| status | claims |", "|---|---|"]
    out += [f"| {_md(status)} | {count} |" for status, count in data["summary"].items()]
    for claim in data["claims"]:
        out += ["", *claim_markdown(claim)]
    return "\n".join(out) + "\n"


def claim_markdown(claim: ClaimEntry) -> list[str]:
    """One claim's section of the Markdown report (also what `claims show` prints)."""
    out = [f"## Claim {claim['id']}: {claim['status']}", "", f"> {_md(claim['text'])}", ""]
    if claim["attributed_to"]:
        out.append(f"- **Attributed to:** {_md(claim['attributed_to'])}")
    if claim["quantities"]:
        figures = ", ".join(_md(q["described"]) for q in claim["quantities"])
        out.append(f"- **Figures:** {figures}")
    if claim["why"]:
        why = claim["why"]
        out.append(f"- **Why {claim['status']}:** {_md(why['reason'])} ({_md(why['actor'])})"
                   + _origin_counts(claim))  # fmt: skip
    if claim["rules_suggest"] and claim["rules_suggest"] != claim["status"]:
        out.append(f"- **Rules would say:** {claim['rules_suggest']} (status pinned by a person)")
    if claim["assignee"]:
        out.append(f"- **Assignee:** {_md(claim['assignee'])}")
    # an article that states the claim twice (or disputes it below) is listed once
    articles = {m["article_id"]: m for m in claim["mentions"]}
    sources = "; ".join(_md(_where(m)) for m in articles.values())
    out.append(f"- **Appears in:** {sources or 'no article'}")
    out += ["", "Evidence:" if claim["evidence"] else "Evidence: none yet."]
    for e in claim["evidence"]:
        head = f"- {e['stance']}: <{_md(e['url'])}> (origin {_md(e['origin'])}, {e['method']}"
        note = f" {_md(e['note'])}" if e["note"] else ""
        out.append(f"{head}{_score(e)}){note}{_by(e)}")
        if e["passage"]:
            out.append(f"  > {_md(e['passage'][:300])}")
        capture = _capture_line(e)
        if capture:
            out.append(f"  {capture}")
    out += ["", "History:"]
    for at, what, actor, reason in timeline(claim["history"], claim["activity"]):
        tail = f": {_md(reason)}" if reason else ""
        out.append(f"- {at[:16].replace('T', ' ')} {_md(what)} by {_md(actor)}{tail}")
    return out


def _where(mention: MentionEntry) -> str:
    """An article the claim appears in, in a few words."""
    named = mention["outlet"] or mention["title"] or mention["url"]
    return named or f"article {mention['article_id']}"


def file_uri(path: str | None) -> str | None:
    """A stored file's path as a file: URI (None without a path)."""
    return Path(path).resolve().as_uri() if path else None


def _capture_line(evidence: EvidenceEntry) -> str:
    """Where the evidence was found, as fetched: time, sha256 and the stored copy."""
    capture = evidence["capture"]
    if capture is None:
        error = evidence["capture_error"]
        if error:
            return f"not captured: {_md(error)}"
        return "not captured yet" if evidence["method"] == "manual" else ""
    when = capture["fetched_at"][:19].replace("T", " ")
    line = f"as fetched on {when} UTC, sha256 {capture['sha256']}"
    if capture["path"]:
        line += f"; stored copy <{file_uri(capture['path'])}>"
    if capture["screenshot"]:
        line += f"; screenshot <{file_uri(capture['screenshot']['path'])}>"
    return line


def timeline(
    history: Sequence[HistoryEntry], activity: Sequence[ActivityEntry]
) -> list[tuple[str, str, str, str]]:
    """A claim's status changes and other activity in time order, for people:
    (at, what happened, who, why)."""
    rows = [
        (h["at"], f"{h['from']} → {h['to']}" if h["from"] else f"created as {h['to']}",
         h["actor"], h["reason"])
        for h in history
    ] + [(a["at"], *_activity(a)) for a in activity]  # fmt: skip
    return sorted(rows, key=lambda row: row[0])


def _activity(row: ActivityEntry) -> tuple[str, str, str]:
    """(what, who, why) of an activity row: an attached link is the why of its attachment."""
    what, why = row["detail"], ""
    if row["kind"] == "evidence":
        what, _, why = what.partition(": ")
    return what, row["actor"], why


def _origin_counts(claim: ClaimEntry) -> str:
    """The facts behind a rule-made status, in words."""
    last = claim["history"][-1] if claim["history"] else None
    facts = last["facts"] if last and last["facts"] else None
    if not facts or "supporting_origins" not in facts:
        return ""
    return (
        f"; independent origins: {facts['supporting_origins']:g} supporting, "
        f"{facts['contradicting_origins']:g} contradicting"
    )


def _score(evidence: EvidenceEntry) -> str:
    """Similarity, the stance's calibrated confidence, and whether the rules count it."""
    out = f", similarity {evidence['score']:.0f}" if evidence["score"] is not None else ""
    if evidence.get("confidence") is not None:
        out += f", confidence {evidence['confidence']:.2f}"
    if evidence.get("suggested"):
        out += ", suggested: not counted until a person attaches it"
    return out


def added_by(evidence: EvidenceEntry) -> str | None:
    """Who attached the evidence, or None for what `check` found itself (found by a page's
    passage or a fact-check): its method says so and its note says what judged it (a rule,
    or "model: …"), so the automatic actor's name would only contradict the note."""
    return None if evidence["method"] in (Method.auto, Method.factcheck) else evidence["added_by"]


def _by(evidence: EvidenceEntry) -> str:
    by = added_by(evidence)
    return f" [{_md(by)}]" if by else ""


def html(data: Report) -> str:
    """One self-contained HTML file (inline CSS, no scripts); every value autoescaped."""
    env = Environment(
        loader=PackageLoader("verify", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["origin_counts"] = _origin_counts
    env.globals["file_uri"] = file_uri
    env.globals["added_by"] = added_by
    env.globals["timeline"] = timeline
    claims = worst_first(data)
    groups: dict[str, list[ClaimEntry]] = {}
    for claim in claims:
        groups.setdefault(claim["status"], []).append(claim)
    articles = {m["article_id"] for c in claims for m in c["mentions"]}
    return env.get_template("report.html.j2").render(
        report=data, claims=claims, groups=groups, articles=len(articles)
    )


def worst_first(data: Report) -> list[ClaimEntry]:
    """The claims, those with the worst verdict first (by the workflow's ClaimReview rating:
    a disputed claim before an unverified one before a corroborated one), then those whose
    status has no rating; by id within a status."""
    ratings = data["ratings"]
    ascending = data["best_rating"] >= data["worst_rating"]

    def key(claim: ClaimEntry) -> tuple[bool, float, int]:
        rating = ratings.get(claim["status"])
        value = float(rating["value"]) if rating else 0.0
        return rating is None, value if ascending else -value, claim["id"] or 0

    return sorted(data["claims"], key=key)


def safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(data: Report) -> str:
    """One row per claim; evidence and mentions joined with ' | '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in data["claims"]:
        why = c["why"]
        row = [
            c["id"],
            c["status"],
            c["text"],
            c["attributed_to"],
            "; ".join(q["described"] for q in c["quantities"]),
            why and why["reason"],
            why and why["actor"],
            why and why["at"],
            " | ".join(f"{e['stance']} {e['url']}" for e in c["evidence"]),
            " | ".join(map(_where, c["mentions"])),
            c["assignee"],
            c["checkworthiness"],
        ]
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


def _appearance(mention: MentionEntry) -> dict[str, Any] | None:
    """An article the claim appeared in, as a schema.org CreativeWork; None unless its address
    is http(s) (a `javascript:` or `file:` URL must never reach a page that embeds the review)."""
    url = http_url(mention["url"])
    if url is None:
        return None
    work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if mention["title"]:
        work["headline"] = mention["title"]
    if mention["outlet"]:
        work["publisher"] = {"@type": "Organization", "name": mention["outlet"]}
    if mention["published_at"]:
        work["datePublished"] = mention["published_at"][:10]
    return work


def claim_reviews(data: Report) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects for the claims that have a verdict (a status other than
    the initial one, with a rating in the workflow's [claimreview] table). Each review's url is
    <organisation url>/claims/<id>, so the organisation's http(s) address is required."""
    org = data.get("organisation") or {}
    base = _organisation_url(org.get("url"))
    author = {"@type": "Organization", "name": org.get("name") or "verify", "url": base}
    reviews = []
    for claim in data["claims"]:
        rating = data["ratings"].get(claim["status"])
        if rating is None or claim["status"] == data["initial_status"]:
            continue
        why = claim["why"]
        decided = why["at"] if why else claim["updated_at"]
        appearances = [a for a in map(_appearance, claim["mentions"]) if a]
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
        claimant = speaker(claim["attributed_to"])
        if claimant:
            item["author"] = claimant
        dates = sorted(m["published_at"] for m in claim["mentions"] if m["published_at"])
        if dates:
            item["datePublished"] = dates[0][:10]
        if appearances:
            item["firstAppearance"] = appearances[0]
        verdict: dict[str, Any] = {
            "@type": "Rating",
            "ratingValue": rating["value"],
            "bestRating": data["best_rating"],
            "worstRating": data["worst_rating"],
            "alternateName": rating["name"],
        }
        if why and why["reason"]:
            verdict["ratingExplanation"] = why["reason"]
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}/claims/{claim['id']}",
            "claimReviewed": claim["text"],
            "datePublished": decided[:10],
            "author": author,
            "reviewRating": verdict,
            "itemReviewed": item,
        })  # fmt: skip
    return reviews


def _organisation_url(url: Any) -> str:
    """The reviewing organisation's http(s) address, without a trailing slash."""
    if not url:
        raise InputError(
            "a ClaimReview report needs your organisation's web address (each review's url is "
            "<address>/claims/<id>; search engines and importers refuse any other); pass "
            "--org-url https://your.site or set VERIFY_ORG_URL"
        )
    valid = http_url(url)
    if valid is None or urlsplit(valid).query or urlsplit(valid).fragment:
        raise InputError(
            f"organisation url {url!r} is not a plain http(s) address (review urls are "
            "<address>/claims/<id>); pass your site's, e.g. --org-url https://factcheck.example"
        )
    return valid.rstrip("/")


def claimreview(data: Report) -> str:
    """ClaimReview JSON-LD: one object for a single reviewed claim, else a list. Safe to paste
    into <script type="application/ld+json">: "<", ">" and "&" are written as \\u escapes."""
    reviews = claim_reviews(data)
    body: Any = reviews[0] if len(reviews) == 1 and data["total"] == 1 else reviews
    return page_safe_json(body)
