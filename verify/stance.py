"""Does a passage support a claim, contradict it, or only mention it? Pure: decided from
figures, denial cues and who is speaking, never from a fuzzy score alone.

"12,000 troops" against "3,000 troops" is a contradiction however alike the sentences are;
"the Kremlin called the footage fake" reports a denial, it is not the outlet denying it.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from verify import extract, quantities
from verify.quantities import Quantity

APPROX_TOLERANCE = 0.15  # "about 12,000" agrees with anything within 15 %
DENIAL_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|fake|false(?:ly)?|untrue|not true|no evidence|hoax|"
    r"fabricat\w+|baseless|groundless|unfounded|debunk\w*|dismiss\w*|refut\w+|rejects?|"
    r"rejected|never happened|misinformation|disinformation)\b",
    re.IGNORECASE,
)
# The outlet passes the claim on without vouching for it.
HEDGE_RE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|purportedly|supposedly|rumou?r(?:s|ed)?|unconfirmed|"
    r"unverified|is said to|are said to|claims? that|claimed that|may have|might have|"
    r"could have|appears? to|apparently)\b",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(r"\b(?:not|no|never|n't|neither|nor|without)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Stance:
    """A passage's stance towards a claim, with a one-line reason."""

    label: str  # supports | contradicts | mentions | unrelated
    explanation: str
    comparison: str | None = None


def _interval(q: Quantity) -> tuple[float, float]:
    """The values a figure allows: "more than 3,000" is [3000, ∞), "10,000–12,000" a range."""
    if q.bound == "range" and q.low is not None:
        return q.low, q.value
    if q.bound == "min":
        return q.value, float("inf")
    if q.bound == "max":
        return 0.0, q.value
    return q.value, q.value


def _agrees(claimed: Quantity, found: Quantity, tolerance: float) -> bool:
    """Whether two figures for the same thing can both be right, within tolerance (relative;
    wider when either says "about")."""
    tol = max(tolerance, APPROX_TOLERANCE) if claimed.approx or found.approx else tolerance
    c_lo, c_hi = _interval(claimed)
    f_lo, f_hi = _interval(found)
    return c_lo * (1 - tol) <= f_hi and f_lo <= c_hi * (1 + tol)


def compare(
    claimed: Sequence[Quantity], found: Sequence[Quantity], tolerance: float
) -> Stance | None:
    """Figures of the same unit: all agreeing supports; any unit with no agreeing figure
    contradicts. None when the passage gives no figure the claim can be held against."""
    agreed: list[str] = []
    for unit in dict.fromkeys(q.unit for q in claimed if q.unit):
        mine = [q for q in claimed if q.unit == unit]
        theirs = [q for q in found if q.unit == unit]
        if not theirs:
            continue
        pair = next(((c, f) for c in mine for f in theirs if _agrees(c, f, tolerance)), None)
        if pair is None:
            text = f"figure {theirs[0].describe()} conflicts with {mine[0].describe()}"
            return Stance("contradicts", text, text)
        agreed.append(f"{pair[1].describe()} matches {pair[0].describe()}")
    if not agreed:
        return None
    text = "figure " + "; ".join(agreed)
    return Stance("supports", text, text)


def judge(
    claim: str,
    claimed: Sequence[Quantity],
    passage: str,
    *,
    score: float,
    share: float,
    min_score: float,
    tolerance: float,
) -> Stance:
    """The stance of a passage that the matcher paired with a claim."""
    if score < min_score:
        return Stance("unrelated", f"similarity {score:.0f} is below {min_score:.0f}")
    figures = compare(claimed, quantities.find(passage), tolerance)
    if figures is not None and figures.label == "contradicts":
        return figures
    passage_denies = bool(DENIAL_RE.search(passage)) and not DENIAL_RE.search(claim)
    if passage_denies:
        who = extract.attribute(passage).who
        if who:
            return Stance("mentions", f"reports a denial by {who}, not the outlet's own finding")
        return Stance("contradicts", "the source calls it false or denies it")
    if bool(NEGATION_RE.search(passage)) != bool(NEGATION_RE.search(claim)):
        return Stance("mentions", "one side is negated; needs a person to read")
    if HEDGE_RE.search(passage) and not HEDGE_RE.search(claim):
        return Stance("mentions", "passes it on without vouching for it (hedged wording)")
    if figures is not None:
        return figures
    if any(q.unit for q in claimed):
        return Stance("mentions", "similar wording, but it gives none of the claim's figures")
    if DENIAL_RE.search(claim) and not DENIAL_RE.search(passage):
        return Stance("mentions", "the claim is a denial the source does not repeat")
    if share >= 0.6:
        return Stance("supports", "says the same thing")
    return Stance("mentions", "related, but not the same assertion")


def quantities_of(stored: Sequence[dict[str, Any]]) -> list[Quantity]:
    """Figures as stored on a claim, back as Quantity values."""
    return [Quantity(**q) for q in stored]
