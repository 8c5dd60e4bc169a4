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
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from verify import extract, matching, quantities, stance_features
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
NEAR_MISSES = 2  # look-alike unrelated pairs made per claim (see _near_misses)...
NEAR_MISS_SKIP = 4  # ...after skipping the most alike: often the same story under another claim
STRANGERS = 4  # headlines of other stories each headline is paired with, drawn at random...
SEED = 13  # ...with this seed


@dataclass(frozen=True)
class Example:
    """One labelled pair: `page` is the FNC-1 body; `passage` its sentence nearest the claim
    (chosen by `nearest_sentences`), or the Emergent article headline."""

    dataset: str  # fnc1 | emergent
    claim: str
    passage: str
    page: str | None
    label: str  # supports | contradicts | mentions | unrelated; related: stance unknown
    group: int
    made: str = ""  # "near miss", "sentence" or "headlines": made here to train on, never scored

    @property
    def scored(self) -> bool:
        return not self.made


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
    found += _near_misses(stances, bodies, articles, lexicon, group)
    found += _headline_pairs(stances, articles, lexicon, group)  # relatedness only
    # Each FNC-1 pair again with its sentence alone (no page), to teach relatedness when only
    # a passage is known; its stance is the page's, not the sentence's, so stance skips them.
    found += [
        Example(e.dataset, e.claim, e.passage, None, e.label, e.group, "sentence")
        for e in found
        if e.page is not None
    ]
    return found


def _near_misses(
    stances: list[dict[str, str]],
    bodies: dict[str, str],
    articles: list[dict[str, str]],
    lexicon: Lexicon,
    group: Callable[[str], int],
) -> list[Example]:
    """Unrelated pairs that look related: each claim against the NEAR_MISSES pages (FNC-1) and
    headlines (Emergent) of other claims most like it. FNC-1's own unrelated pairs are random
    bodies, too easy to teach that sharing a word or a figure is not being about the same
    thing ("60 cars burned" vs "60 cars on show")."""
    headlines = sorted({r["Headline"] for r in stances})
    body_ids = sorted(bodies)
    body_group = [group(f"b:{b}") for b in body_ids]
    found = []
    for k, j in _most_alike(headlines, [bodies[b] for b in body_ids], lexicon,
                            [group(f"h:{h}") for h in headlines], body_group):  # fmt: skip
        page = bodies[body_ids[j]]
        passage = nearest_sentences([(headlines[k], page)], lexicon)[0]
        found.append(Example("fnc1", headlines[k], passage, page, "unrelated",
                             group(f"h:{headlines[k]}"), "near miss"))  # fmt: skip
    claims = sorted({(r["claimHeadline"], r["claimId"]) for r in articles})
    titles = sorted({(r["articleHeadline"], r["claimId"]) for r in articles})
    for k, j in _most_alike([c for c, _ in claims], [t for t, _ in titles], lexicon,
                            [group(f"e:{c}") for _, c in claims],
                            [group(f"e:{c}") for _, c in titles]):  # fmt: skip
        found.append(Example("emergent", claims[k][0], titles[j][0], None, "unrelated",
                             group(f"e:{claims[k][1]}"), "near miss"))  # fmt: skip
    return found


def _headline_pairs(
    stances: list[dict[str, str]],
    articles: list[dict[str, str]],
    lexicon: Lexicon,
    group: Callable[[str], int],
) -> list[Example]:
    """Short texts telling one story in other words, to teach relatedness on passages alone:
    two FNC-1 headlines related to the same body ("Seth Rogen set to play Steve Wozniak in Danny
    Boyle's Steve Jobs biopic" and "Seth Rogen to Play Apple Co-Founder Wozniak in Steve Jobs
    Biopic") and two headlines of one Emergent claim are related, as a claim and a headline
    are; each headline against STRANGERS headlines of other claims drawn at random (as
    FNC-1's own unrelated bodies are), and each FNC-1 headline against those most like it
    (`_most_alike`), is unrelated. The sentence copies alone teach that a related passage
    shares many of the claim's words: their passages are the sentences nearest the claim.
    Each pair stays in its story's group; its stance is unknown, so it trains relatedness
    only."""
    stories: dict[str, set[str]] = {}  # the headlines told of one story: a body's, a claim's
    emergent = {row["articleHeadline"] for row in articles}
    for row in stances:
        if row["Stance"] != "unrelated":
            stories.setdefault(f"b:{row['Body ID']}", set()).add(row["Headline"])
    for row in articles:
        stories.setdefault(f"e:{row['claimId']}", set()).add(row["articleHeadline"])
    pairs: dict[tuple[str, str], Example] = {}
    for key, heads in sorted(stories.items()):
        dataset = "emergent" if key.startswith("e:") else "fnc1"
        for a, b in itertools.combinations(sorted(heads), 2):
            pairs.setdefault((a, b), Example(dataset, a, b, None, "related", group(key),
                                             "headlines"))  # fmt: skip
    found = list(pairs.values())
    story = {h: group(key) for key, heads in sorted(stories.items()) for h in heads}
    every = sorted(story)
    rng = np.random.default_rng(SEED)
    for h in every:
        others = [every[j] for j in rng.permutation(len(every))[: 4 * STRANGERS]]
        for other in [o for o in others if story[o] != story[h]][:STRANGERS]:
            found.append(Example("emergent" if h in emergent else "fnc1", h, other, None,
                                 "unrelated", story[h], "headlines"))  # fmt: skip
    headlines = sorted({r["Headline"] for r in stances if r["Stance"] != "unrelated"})
    head_groups = [group(f"h:{h}") for h in headlines]
    for k, j in _most_alike(headlines, headlines, lexicon, head_groups, head_groups):
        found.append(Example("fnc1", headlines[k], headlines[j], None, "unrelated",
                             head_groups[k], "headlines"))  # fmt: skip
    return found


def _most_alike(
    queries: Sequence[str],
    texts: Sequence[str],
    lexicon: Lexicon,
    query_groups: Sequence[int],
    text_groups: Sequence[int],
) -> list[tuple[int, int]]:
    """(query, text) index pairs among those of other groups: each query's NEAR_MISSES most
    similar texts (TF-IDF cosine) after the NEAR_MISS_SKIP most similar, and the most similar
    text that shares a figure with it."""

    def matrix(items: Sequence[str]) -> tuple[sparse.csr_matrix, dict[str, int]]:
        vectors = [stance_features.vector_of(t, lexicon) for t in items]
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, vec in enumerate(vectors):
            for w, v in vec.items():
                rows.append(i)
                cols.append(vocab.setdefault(w, len(vocab)))
                vals.append(v)
        return sparse.csr_matrix((vals, (rows, cols)), shape=(len(items), len(vocab))), vocab

    q, q_vocab = matrix(queries)
    t, t_vocab = matrix(texts)
    shared = sorted(q_vocab.keys() & t_vocab.keys())
    sims = (q[:, [q_vocab[w] for w in shared]] @ t[:, [t_vocab[w] for w in shared]].T).toarray()
    sims[np.asarray(query_groups)[:, None] == np.asarray(text_groups)[None, :]] = -1.0
    order = np.argsort(-sims, axis=1, kind="stable")
    best = order[:, NEAR_MISS_SKIP : NEAR_MISS_SKIP + NEAR_MISSES]
    found = {(k, int(j)) for k in range(len(queries)) for j in best[k] if sims[k, j] > 0}
    text_numbers = [_numbers(t) for t in texts]
    for k, query in enumerate(queries):
        mine = _numbers(query)
        if mine:
            j = next((int(j) for j in order[k] if sims[k, j] >= 0 and mine & text_numbers[j]), None)
            if j is not None:
                found.add((k, j))
    return sorted(found)


def _numbers(text: str) -> set[str]:
    return {t for t in stance_features.tokens(text) if matching.NUMBER.fullmatch(t)}


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
