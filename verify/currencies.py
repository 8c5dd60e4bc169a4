"""Currencies as written in news copy → ISO 4217 codes. Pure tables and two look-ups.

price-parser was measured for this and not kept: it reads one price tag, not running text
("rose 3.38% to $55.12" gave 3 dollars), returns the symbol as written ("HK$", not HKD), misses
"88 billion Hong Kong dollars" and "N500m", and ignores scale words.
"""

import re

from verify import prefilter

# Symbols and codes written before the amount. Longest first, so "HK$" wins over "$".
PREFIXES = {
    "US$": "USD", "U.S.$": "USD", "$US": "USD", "$A": "AUD", "HK$": "HKD", "A$": "AUD",
    "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "NT$": "TWD", "MX$": "MXN",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₦": "NGN",
    "₽": "RUB", "₺": "TRY", "₴": "UAH", "₪": "ILS", "Rs.": "INR", "Rs": "INR", "Rp": "IDR",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "HKD": "HKD",
    "INR": "INR", "NGN": "NGN", "AUD": "AUD", "CAD": "CAD", "CHF": "CHF", "KRW": "KRW",
    "RUB": "RUB", "SGD": "SGD", "IDR": "IDR", "BRL": "BRL", "ZAR": "ZAR", "RMB": "CNY",
}  # fmt: skip
# Prefixes that are also ordinary letters: only money when a scale follows ("N500m" is naira,
# "N95" is a mask).
SCALED_ONLY = {"N": "NGN", "R": "ZAR"}
# Currency names written after the amount ("88 billion Hong Kong dollars").
NAMES = {
    "hong kong dollars": "HKD", "hong kong dollar": "HKD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "singapore dollars": "SGD", "new zealand dollars": "NZD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD", "us dollars": "USD",
    "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "british pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "rupee": "INR", "naira": "NGN", "rand": "ZAR", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB",
    "swiss francs": "CHF", "dirhams": "AED", "riyals": "SAR", "lira": "TRY", "hryvnias": "UAH",
    "hryvnia": "UAH", "zloty": "PLN", "shekels": "ILS", "south korean won": "KRW", "won": "KRW",
    "cents": "USD", "cent": "USD", "pence": "GBP", "bucks": "USD",
}  # fmt: skip
# Names of a hundredth of the currency: "never gave us 10 cents" is US$0.10.
HUNDREDTHS = {"cents", "cent", "pence"}
# "won" is also a verb: only a currency after a scale word or in "South Korean won".
NEEDS_SCALE = {"won", "rand"}

PREFIX_RE = re.compile(
    "(?:" + "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True)) + r")\s?$"
)
NAME_RE = re.compile(
    r"\s+(?:" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def prefix_before(text: str, start: int) -> tuple[str, int] | None:
    """The ISO code of a currency written just before start, and where it begins."""
    window = text[max(0, start - 6) : start]
    match = PREFIX_RE.search(window)
    if not match:
        return None
    begin = start - len(window) + match.start()
    if begin > 0 and text[begin - 1].isalnum():
        return None  # "ABCUSD 5" or "mid$5" is not a currency
    return PREFIXES[match.group().strip()], begin


def name_after(text: str, end: int, *, scaled: bool) -> tuple[str, int] | None:
    """The ISO code of a currency named just after end ("… Hong Kong dollars"), and its end."""
    match = NAME_RE.match(text, end)
    if not match:
        return None
    name = match.group().strip().lower()
    if name in NEEDS_SCALE and not scaled:
        return None
    return NAMES[name], match.end()


# An exchange rate quoted as units of one currency per another: "the yen … at 108.55 per dollar".
PER_CURRENCY_RE = re.compile(
    r"\s+(?:per|a|to the)\s+(dollar|euro|pound|greenback|yen|yuan)\b", re.IGNORECASE
)


def quoted_against(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """An exchange rate: the code of the currency named last before start, "per dollar" as
    written, and where that ends; None unless the number is followed by "per <currency>"."""
    per = PER_CURRENCY_RE.match(text, end)
    if not per:
        return None
    names = list(NAME_RE.finditer(text, 0, start))
    named = [m for m in names if m.group().strip().lower() not in NEEDS_SCALE]
    if not named:
        return None
    return NAMES[named[-1].group().strip().lower()], f"per {per.group(1).lower()}", per.end()


def hundredths(text: str, end: int) -> bool:
    """Whether the currency named just after end is a hundredth of its unit ("10 cents")."""
    match = NAME_RE.match(text, end)
    return match is not None and match.group().strip().lower() in HUNDREDTHS


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
