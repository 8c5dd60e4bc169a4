"""Do two sets of figures agree? "12,000 troops" against "3,000 troops" conflicts however alike
the sentences are; "about 12,500 soldiers" agrees with "12,000 troops". Pure."""

from collections.abc import Sequence
from dataclasses import dataclass

from verify.quantities import Quantity

APPROX_TOLERANCE = 0.15  # "about 12,000" agrees with anything within 15 %


@dataclass(frozen=True)
class Comparison:
    """The outcome of holding a passage's figures against a claim's."""

    agrees: bool
    text: str  # "figure 3,000 troops conflicts with 12,000 troops"


def interval(q: Quantity) -> tuple[float, float]:
    """The values a figure allows: "more than 3,000" is [3000, ∞), "10,000–12,000" a range."""
    if q.bound == "range" and q.low is not None:
        return q.low, q.value
    if q.bound == "min":
        return q.value, float("inf")
    if q.bound == "max":
        return 0.0, q.value
    return q.value, q.value


def agree(claimed: Quantity, found: Quantity, tolerance: float) -> bool:
    """Whether two figures for the same thing can both be right, within tolerance (relative;
    wider when either says "about")."""
    tol = max(tolerance, APPROX_TOLERANCE) if claimed.approx or found.approx else tolerance
    c_lo, c_hi = interval(claimed)
    f_lo, f_hi = interval(found)
    return c_lo * (1 - tol) <= f_hi and f_lo <= c_hi * (1 + tol)


def compare(
    claimed: Sequence[Quantity], found: Sequence[Quantity], tolerance: float
) -> Comparison | None:
    """Figures of the same unit: all agreeing agrees; any unit with no agreeing figure
    conflicts. None when the passage gives no figure the claim can be held against."""
    agreed: list[str] = []
    for unit in dict.fromkeys(q.unit for q in claimed if q.unit):
        mine = [q for q in claimed if q.unit == unit]
        theirs = [q for q in found if q.unit == unit]
        if not theirs:
            continue
        pair = next(((c, f) for c in mine for f in theirs if agree(c, f, tolerance)), None)
        if pair is None:
            return Comparison(
                False, f"figure {theirs[0].describe()} conflicts with {mine[0].describe()}"
            )
        agreed.append(f"{pair[1].describe()} matches {pair[0].describe()}")
    if not agreed:
        return None
    return Comparison(True, "figure " + "; ".join(agreed))
