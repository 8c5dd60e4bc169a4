"""A cheap test before an expensive pattern. Most of the extractor's rules are long
alternations of words ("i think|i believe|…|unacceptable"), searched case-insensitively in every
sentence, and most sentences hold none of those words: Python's engine tries each alternative at
each word, case-folding as it goes. Every match of such a pattern contains one of a few literal
strings, read off the pattern's own syntax tree (`required`); one case-sensitive search for
those strings in the lower-cased sentence is several times cheaper and, when it finds none,
the pattern cannot match. Answers are the pattern's own, whatever the gate says: it only ever
skips a search that would have failed.

`gate_module(globals())` at the end of a module puts the gate before each of its compiled
patterns that has one.
"""

import re
from collections.abc import Callable, Iterator, MutableMapping
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_LITERAL = 3  # a gate of shorter strings ("a", "'s") lets nearly every sentence through
# What re.IGNORECASE matches to an ASCII letter but str.lower() does not give as one: dotless
# i, long s, and the combining dot that lower() leaves after "İ" ("i̇").
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})
_last: tuple[str, str] = ("", "")  # the text folded last: patterns in a row test the same one


def folded(text: str) -> str:
    """The text as a case-insensitive ASCII literal is looked for in it."""
    global _last
    last = _last  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    low = text.lower()
    low = low if low.isascii() else low.translate(_FOLD)
    _last = (text, low)
    return low


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of the pattern contains (lower-cased when the pattern
    ignores case), or None when the syntax gives no such set of strings of MIN_LITERAL or more
    characters."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    icase = bool(tree.state.flags & re.IGNORECASE)
    found = _in_sequence(list(tree), icase, icase)
    return found if found and min(map(len, found)) >= MIN_LITERAL else None


def _in_sequence(
    items: list[tuple[Any, Any]], icase: bool, top_icase: bool
) -> frozenset[str] | None:
    """The most selective set one of whose strings a match of this sequence must contain: a run
    of literals, or what a group, an alternation or a repeat (at least once) requires."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and _plain(chr(av), icase, top_icase):
            run.append(chr(av).lower() if top_icase else chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN:
            _, add, remove, sub = av
            inner = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            options.append(_in_sequence(list(sub), inner, top_icase) or frozenset())
        elif op is sre.BRANCH:
            branches = [_in_sequence(list(b), icase, top_icase) for b in av[1]]
            if all(branches):
                options.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            options.append(_in_sequence(list(av[2]), icase, top_icase) or frozenset())
    options = [o for o in options if o]
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _plain(char: str, icase: bool, top_icase: bool) -> bool:
    """Whether a literal character can stand in the gate as written (lower-cased under a
    case-insensitive pattern): any character in a case-sensitive pattern, only ASCII ones in a
    case-insensitive pattern (other scripts have case equivalences lower() does not give), and
    none in a case-insensitive part of a case-sensitive pattern."""
    if not top_icase:
        return not icase
    return char.isascii()


class Prefiltered:
    """A compiled pattern with its gate; the methods the extractor uses, each answering as the
    pattern would."""

    def __init__(self, pattern: re.Pattern[str], literals: frozenset[str], icase: bool) -> None:
        self.inner = pattern
        self.pattern = pattern.pattern
        self.flags = pattern.flags
        self.groups = pattern.groups
        self.groupindex = pattern.groupindex
        self.gate = re.compile("|".join(map(re.escape, sorted(literals, key=len, reverse=True))))
        self.icase = icase

    def possible(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in text."""
        return self.gate.search(folded(text) if self.icase else text) is not None

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        return self.inner.search(text, *span) if self.possible(text) else None

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        # anchored at a position: cheap unless from the start of a long text
        return self.inner.match(text, *span) if span or self.possible(text) else None

    def fullmatch(self, text: str, *span: int) -> re.Match[str] | None:
        return self.inner.fullmatch(text, *span) if span or self.possible(text) else None

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        return self.inner.finditer(text, *span) if self.possible(text) else iter(())

    def findall(self, text: str, *span: int) -> list[Any]:
        return self.inner.findall(text, *span) if self.possible(text) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.inner.sub(repl, text, count) if self.possible(text) else text

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0
    ) -> tuple[str, int]:
        return self.inner.subn(repl, text, count) if self.possible(text) else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.inner.split(text, maxsplit) if self.possible(text) else [text]

    def __repr__(self) -> str:
        return f"Prefiltered({self.inner!r})"


def gated(pattern: re.Pattern[str]) -> "re.Pattern[str] | Prefiltered":
    """The pattern behind its gate, or the pattern itself when it has none."""
    try:
        literals = required(pattern) if isinstance(pattern.pattern, str) else None
    except (ValueError, TypeError, IndexError, AttributeError):  # another Python's syntax tree
        literals = None  # no gate: the pattern answers alone, as it always may
    if literals is None:
        return pattern
    return Prefiltered(pattern, literals, bool(pattern.flags & re.IGNORECASE))


def gate_module(namespace: MutableMapping[str, Any]) -> None:
    """Put a gate before every compiled pattern a module holds by name (its globals())."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            namespace[name] = gated(value)
