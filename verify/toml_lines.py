"""Where each key of a TOML document is: the line of `[table]`, `[[array]]` and `key = ...`,
by full path (`("rules", 1, "status")`, `("factchecks", "wording", "falso")`). tomllib gives
no positions; error messages need the real line, not the first line that mentions a word.

Keys inside inline tables (`when = { a = { min = 1 } }`) and array items share the line of the
key that holds them, which `line_of` falls back to.
"""

import tomllib
from collections import Counter

KeyPath = tuple[str | int, ...]


def line_of(source: str, path: KeyPath) -> int:
    """The line defining path, else the line of its nearest enclosing key; 1 if none."""
    lines = key_lines(source)
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def key_lines(source: str) -> dict[KeyPath, int]:
    """The first line of every table, array-of-tables item and key = value in source."""
    found: dict[KeyPath, int] = {}
    counts: Counter[tuple[str, ...]] = Counter()  # items seen of each [[array]]
    table: KeyPath = ()
    inside = ""  # an open multi-line string's quotes, or "[" while in a multi-line value
    depth = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if not inside:
            stripped = line.strip()
            if stripped.startswith("[["):
                names = _keys(stripped[2:].split("]]", 1)[0])
                counts[names] += 1
                table = _with_items(names, counts, array=True)
                _record(found, (), table, number)
            elif stripped.startswith("["):
                table = _with_items(_keys(stripped[1:].split("]", 1)[0]), counts)
                _record(found, (), table, number)
            elif "=" in stripped:
                _record(found, table, _keys(stripped[: _equals(stripped)]), number)
        inside, depth = _carry(line, inside, depth)
    return found


def _record(found: dict[KeyPath, int], table: KeyPath, key: KeyPath, number: int) -> None:
    for end in range(1, len(key) + 1):
        found.setdefault(table + key[:end], number)


def _with_items(
    names: tuple[str, ...], counts: Counter[tuple[str, ...]], *, array: bool = False
) -> KeyPath:
    """A header's path, with the current item's index after each array of tables in it."""
    path: KeyPath = ()
    for end in range(1, len(names) + 1):
        path += (names[end - 1],)
        if counts[names[:end]] and (end < len(names) or array):
            path += (counts[names[:end]] - 1,)
    return path


def _keys(text: str) -> tuple[str, ...]:
    """A dotted key (bare or quoted parts) as its parts; () if it is not one."""
    try:
        data = tomllib.loads(f"{text.strip()} = 0")
    except tomllib.TOMLDecodeError:
        return ()
    parts: list[str] = []
    while isinstance(data, dict) and len(data) == 1:
        name = next(iter(data))
        parts.append(name)
        data = data[name]
    return tuple(parts)


def _equals(line: str) -> int:
    """Index of the first `=` outside quotes (the end of a key)."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "=":
            return index
    return len(line)


def _carry(line: str, inside: str, depth: int) -> tuple[str, int]:
    """What stays open after line: a multi-line string, or brackets of a multi-line value."""
    index = 0
    quote = inside if inside in ('"""', "'''") else ""
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote in ('"', '"""'):  # an escape: skip what it escapes
                index += 2
                continue
            if line.startswith(quote, index):
                index += len(quote)
                quote = ""
                continue
        elif char == "#":
            break
        elif line.startswith('"""', index) or line.startswith("'''", index):
            quote = line[index : index + 3]
            index += 3
            continue
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    if quote in ('"""', "'''"):
        return quote, depth
    return ("[" if depth else ""), depth
