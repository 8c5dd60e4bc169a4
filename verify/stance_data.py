"""The stance training data as (claim, passage, page) pairs with labels and groups: FNC-1's train
portion (headline vs article body) and Emergent's dev portion (claim vs article headline).

Used by `verify.train` and `eval/stance.py`; needs the data folder (`fnc1/`, `emergent/`) and
nothing else. Groups keep a claim in one cross-validation fold: an FNC-1 headline, the bodies it
is related to and every headline related to those bodies are one group (one Emergent claim, as
FNC-1 was built from Emergent), and an Emergent claim joins the group of the FNC-1 headlines
that are its articles' headlines, so no claim sits in two folds across the two sets either.
"""

import csv
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from verify import extract, quantities, stance_features
from verify.errors import InputError
from verify.stance_features import Lexicon, Pair

FILES = (
    "fnc1/train_stances.csv",
    "fnc1/train_bodies.csv",
    "emergent/emergent_dev_articles.csv",
)
FNC_LABELS = {"agree": "supports", "disagree": "contradicts", "discuss": "mentions",
              "unrelated": "unrelated"}  # fmt: skip
EMERGENT_LABELS = {"for": "supports", "against": "contradicts", "observing": "mentions"}


@dataclass(frozen=True)
class Example:
    """One labelled pair: `page` is the FNC-1 body; `passage` its sentence nearest the claim
    (chosen by `nearest_sentences`), or the Emergent article headline."""

    dataset: str  # fnc1 | emergent
    claim: str
    passage: str
    page: str | None
    label: str  # supports | contradicts | mentions | unrelated
    group: int


def fingerprints(root: Path) -> dict[str, str]:
    """sha256 of each training file, written into the model file."""
    return {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in FILES}


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise InputError(
            f"cannot read {path} ({exc.strerror}); pass the folder holding fnc1/ and emergent/"
        ) from exc


class _Groups:
    """Union-find over string keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def load(root: Path) -> tuple[list[dict[str, str]], dict[str, str], list[dict[str, str]]]:
    """FNC-1 stance rows, FNC-1 bodies by id, Emergent article rows."""
    stances = _rows(root / FILES[0])
    bodies = {row["Body ID"]: row["articleBody"] for row in _rows(root / FILES[1])}
    articles = _rows(root / FILES[2])
    return stances, bodies, articles


def examples(root: Path, lexicon: Lexicon) -> list[Example]:
    """Every labelled pair of both sets, FNC-1 first, in file order."""
    stances, bodies, articles = load(root)
    groups = _Groups()
    for row in stances:
        groups.find(f"h:{row['Headline']}")
        if row["Stance"] != "unrelated":
            groups.join(f"h:{row['Headline']}", f"b:{row['Body ID']}")
    for row in articles:
        groups.join(f"e:{row['claimId']}", f"e:{row['claimId']}")
        if f"h:{row['articleHeadline']}" in groups.parent:
            groups.join(f"e:{row['claimId']}", f"h:{row['articleHeadline']}")
    ids: dict[str, int] = {}

    def group(key: str) -> int:
        return ids.setdefault(groups.find(key), len(ids))

    nearest = nearest_sentences([(r["Headline"], bodies[r["Body ID"]]) for r in stances], lexicon)
    found = [
        Example("fnc1", r["Headline"], passage, bodies[r["Body ID"]], FNC_LABELS[r["Stance"]],
                group(f"h:{r['Headline']}"))
        for r, passage in zip(stances, nearest, strict=True)
    ]  # fmt: skip
    found += [
        Example("emergent", r["claimHeadline"], r["articleHeadline"], None,
                EMERGENT_LABELS[r["articleHeadlineStance"]], group(f"e:{r['claimId']}"))
        for r in articles
    ]  # fmt: skip
    return found


def nearest_sentences(pairs: Sequence[tuple[str, str]], lexicon: Lexicon) -> list[str]:
    """For each (claim, page), the page's sentence nearest the claim by TF-IDF cosine."""
    read: dict[str, list[tuple[str, dict[str, float]]]] = {}
    out = []
    for claim, page in pairs:
        if page not in read:
            read[page] = [
                (s.text, stance_features.vector_of(s.text, lexicon))
                for s in extract.sentences(page)[: stance_features.MAX_PAGE_SENTENCES]
            ] or [(page, stance_features.vector_of(page, lexicon))]
        vec = stance_features.vector_of(claim, lexicon)
        out.append(max(read[page], key=lambda s: stance_features.cosine(vec, s[1]))[0])
    return out


def fit_lexicon(root: Path) -> Lexicon:
    """idf over every distinct sentence, headline and claim of the training data. Label-free,
    so fitting it on all rows tells the cross-validation nothing about the labels."""
    stances, bodies, articles = load(root)
    texts = {s.text for body in bodies.values() for s in extract.sentences(body)}
    texts |= {r["Headline"] for r in stances}
    texts |= {r["claimHeadline"] for r in articles} | {r["articleHeadline"] for r in articles}
    idf, unseen = stance_features.fit_idf(stance_features.tokens(t) for t in sorted(texts))
    return Lexicon(idf=idf, unseen_idf=unseen)


def pairs_of(found: Sequence[Example]) -> list[Pair]:
    """The model's input for each example (the claim's figures found as `verify` finds them)."""
    figures: dict[str, list[quantities.Quantity]] = {}
    for e in found:
        if e.claim not in figures:
            figures[e.claim] = quantities.find(e.claim)
    return [Pair(e.claim, figures[e.claim], e.passage, e.page) for e in found]
