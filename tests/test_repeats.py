"""Repeats across outlets become one claim with several mentions (issue 11, item 6)."""

import json
from pathlib import Path

from tests.conftest import Invoke, rows

# Real-shaped: the same report in three outlets' words (the benchmark pages held four outlets
# on South Dakota's "$449,000" meth campaign, which had become five claims), plus an unrelated
# story with the same round figure and a denial of one of the claims.
ARTICLES = {
    "hill.md": (
        "Campaign cost\n\nThe campaign, which includes both digital and TV ads, cost the state "
        "roughly $449,000, according to the Sioux Falls Argus Leader.\n"
    ),
    "usatoday.md": (
        "South Dakota ads\n\nThe state's Department of Social Services paid a Minnesota ad agency "
        "just short of $449,000 this fall for their work on the campaign, according to the "
        "state's finances website.\n"
    ),
    "nj.md": (
        "Meth ads\n\nA Minneapolis agency came up with the campaign, and the state has paid the "
        "agency nearly $449,000 so far this year.\n"
    ),
    "other.md": (
        "Troops\n\nSouth Korea's spy agency said North Korea is deploying 12,000 troops to "
        "Russia.\n\n"
        "Ukraine said 12,000 troops had been killed in the war so far.\n"
    ),
}


def write(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_same_report_in_three_outlets_is_one_claim(
    cli: Invoke, db: str, tmp_path: Path
) -> None:
    result = json.loads(cli("ingest", str(write(tmp_path)), "--json").stdout)
    assert result["new_claims"] == 3 and result["merged_mentions"] == 2
    (campaign,) = rows(
        db, "SELECT id, priority, checkworthiness FROM claim WHERE text LIKE '%449%'"
    )
    mentions = rows(db, "SELECT article_id FROM mention WHERE claim_id = :c", c=campaign[0])
    assert len(mentions) == 3
    assert campaign[1] > campaign[2]  # it rises in the queue
    # the same round figure in two different assertions stays two claims
    assert len(rows(db, "SELECT id FROM claim WHERE text LIKE '%12,000 troops%'")) == 2


def test_a_negated_report_is_not_merged_into_the_claim(
    cli: Invoke, db: str, tmp_path: Path
) -> None:
    folder = write(tmp_path)
    (folder / "denial.md").write_text(
        "Denial\n\nThe state has not paid the agency $449,000 for the campaign, officials said.\n",
        encoding="utf-8",
    )
    cli("ingest", str(folder))
    assert len(rows(db, "SELECT id FROM claim WHERE text LIKE '%449%'")) == 2


def test_ingest_json_lists_sentences_left_out_and_why(cli: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "Title\n\nNEW YORK (Reuters) - Will the lights stay on? The utility said 4,000 homes lost "
        "power on Monday.\n",
        encoding="utf-8",
    )
    result = json.loads(cli("ingest", str(article), "--json").stdout)
    assert [(s["text"], s["why"]) for s in result["not_claims"]] == [
        ("NEW YORK (Reuters) -", "dateline"),
        ("Will the lights stay on?", "question"),
    ]
    assert result["new_claims"] == 1


def test_a_dispute_in_the_article_is_shown_with_the_claim(cli: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "Power row\n\nThe mayor called the utility's claim that power was restored to every home "
        "within 12 hours 'nonsense'.\n",
        encoding="utf-8",
    )
    cli("ingest", str(article))
    shown = cli("claims", "show", "1").stdout
    assert "> Power was restored to every home within 12 hours." in shown
    assert "**Attributed to:** the utility" in shown
    assert "disputed by the mayor (called it 'nonsense') in the article itself" in shown
    facts = json.loads(cli("claims", "show", "1", "--json").stdout)["facts"]
    assert facts["contradicting_origins"] == 0  # the article's own dispute counts no origin


def test_a_denial_that_points_back_is_a_dispute_of_the_claim_above_not_a_claim(
    cli: Invoke, db: str, tmp_path: Path
) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "Troops\n\nA Ukrainian military intelligence official said that about 3,000 North "
        "Korean troops were being trained at bases in eastern Russia. The Kremlin has dismissed "
        "the reports.\n",
        encoding="utf-8",
    )
    result = json.loads(cli("ingest", str(article), "--json").stdout)
    assert result["new_claims"] == 1
    assert rows(db, "SELECT text FROM claim") == [
        ("About 3,000 North Korean troops were being trained at bases in eastern Russia.",)
    ]
    assert rows(db, "SELECT count(*) FROM mention WHERE claim_id = 1") == [(2,)]
    shown = cli("claims", "show", "1").stdout
    assert "disputed by the Kremlin (dismissed) in the article itself" in shown
