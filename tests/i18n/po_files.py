"""Just enough of the .po format to compare a catalogue with its compiled .mo."""

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PoEntry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    def compiled(self) -> dict:
        """The entries msgfmt writes for this one, keyed as gettext reads them back."""
        key = self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"
        if self.msgid_plural:
            return {(key, n): text for n, text in self.msgstr.items()}
        return {key: self.msgstr[0]}


def _unquote(text: str) -> str:
    # A .po string is a C string literal: the escapes Python's literals share.
    return ast.literal_eval(text.strip())


def read_po(path: Path) -> list[PoEntry]:
    entries: list[PoEntry] = []
    entry, last = PoEntry(), None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if last is not None:
                entries.append(entry)
            entry, last = PoEntry(), None
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            _append(entry, last, _unquote(line))
            continue
        keyword, _space, value = line.partition(" ")
        last = keyword
        _append(entry, last, _unquote(value), start=True)
    return [entry for entry in entries if not entry.obsolete]


def _append(entry: PoEntry, keyword: str, text: str, start: bool = False) -> None:
    if keyword.startswith("msgstr"):
        index = int(keyword[7:-1]) if "[" in keyword else 0
        entry.msgstr[index] = ("" if start else entry.msgstr.get(index, "")) + text
    elif keyword == "msgctxt":
        entry.msgctxt = ("" if start else entry.msgctxt or "") + text
    else:
        setattr(entry, keyword, ("" if start else getattr(entry, keyword)) + text)
