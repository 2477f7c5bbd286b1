"""Coverage of a source document: each of its normative statements, and the items that hold it.

A reader checks the data against a source by reading the source statement by statement:
which sentences bind someone (必须、应当、不得、原则上、一般、为宜、为主、鼓励、可、要 …, or set a
date), and for each, which shipped items cite it — or, where none does, why it is not
modelled. :func:`coverage` does that mapping for one document's text; :func:`coverage_markdown`
renders it as a page of the documentation site, with the share of statements held as data.

An item holds a statement when one of its citations (or the admission route's) quotes the
document and the quote, or a passage of it between ellipses, lies within the statement, or
the statement within the quote (punctuation and white space aside).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagecat._budget import read_regular_file
from villagecat._write import atomic_write
from villagecat._yaml import load_file
from villagecat.errors import PackageReadError
from villagecat.models import Citation
from villagecat.models.vocab import BINDING_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from villagecat.package import LayerPackage

__all__ = [
    "NORMATIVE",
    "Coverage",
    "Statement",
    "coverage",
    "coverage_markdown",
    "pages",
    "read_text",
    "source_texts",
    "split_statements",
]

#: Words that make a sentence normative: the binding words the data's modality is held to
#: (:data:`~villagecat.models.vocab.BINDING_WORDS`: 须 too, never 不应), and those advising,
#: permitting or setting a date. Compounds that only look alike (相应、主要、需要、必要、要求、认可、
#: 可能 …) are excluded.
NORMATIVE = re.compile(
    BINDING_WORDS.pattern + r"|不再|原则上|一般|为宜|为主|鼓励|可以"
    r"|(?<![认许宁])可(?![能持靠])|(?<![主重需只纪必])要(?![求点素件])|严格|杜绝"
    r"|\d+\s*月\s*\d*\s*日?\s*底?前|年底前|月底前|上半年"
)

_L1 = re.compile(r"^([一二三四五六七八九十]+)、")
_L2 = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")
_L3 = re.compile(r"^(\d+)\s*[.．、]")
_SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")
_NOISE = re.compile(r"[\s，,。；;：:、（）()“”\"'‘’《》〈〉【】\[\]！!？?·…—\-]")


def _bare(text: str) -> str:
    return _NOISE.sub("", text)


@dataclass(frozen=True)
class Statement:
    """One normative sentence of the source, where it stands, and what holds it."""

    section: str
    text: str
    words: tuple[str, ...]
    items: tuple[str, ...] = ()
    reason: str | None = None

    @property
    def held(self) -> bool:
        """Whether some item holds the statement."""
        return bool(self.items)


@dataclass
class Coverage:
    """A document's normative statements, each mapped to items or to the reason it is not modelled."""

    document: str
    title: str
    number: str | None
    source: str
    statements: list[Statement] = field(default_factory=list)
    #: Each holding item's name, by id, so a page names what an item is beside its id.
    names: dict[str, str] = field(default_factory=dict)

    @property
    def held(self) -> int:
        """How many statements items hold."""
        return sum(s.held for s in self.statements)

    @property
    def share(self) -> float:
        """The share of statements held, 0 to 1."""
        return self.held / len(self.statements) if self.statements else 0.0


def split_statements(lines: Iterable[str]) -> list[tuple[str, str]]:
    """Split a document's lines into ``(section, sentence)`` pairs, every sentence of the text.

    Sections are numbered as the citations number them: ``二(一)1`` for the heading 二、, then
    (一), then 1. — each lower level cleared where its upper level changes (a document that
    numbers 1. to 8. across its (一), (二) keeps its own numbers: they are read, not counted).
    """
    found: list[tuple[str, str]] = []
    levels = ["", "", ""]
    buffer: list[str] = []

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        label = levels[0] + (f"({levels[1]})" if levels[1] else "") + levels[2]
        found.extend((label, sentence.strip()) for sentence in _SENTENCE_END.split(text) if sentence.strip())

    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        for depth, pattern in enumerate((_L1, _L2, _L3)):
            match = pattern.match(line)
            if match:
                flush()
                levels[depth] = match.group(1)
                for lower in range(depth + 1, 3):
                    levels[lower] = ""
                break
        buffer.append(line)
    flush()
    return found


def _holds(quote: str, statement: str) -> bool:
    bare_statement = _bare(statement)
    if not quote:
        return False
    bare_quote = _bare(quote)
    if bare_statement and bare_statement in bare_quote:
        return True
    pieces = [_bare(p) for p in re.split(r"……|…|\.\.\.", quote)]
    return any(len(p) >= 6 and p in bare_statement for p in pieces)


def _citing(packages: Iterable[LayerPackage], document: str) -> list[tuple[str, Citation]]:
    found: list[tuple[str, Citation]] = []
    for package in packages:
        for _, item in package.iter_items():
            item_id = str(getattr(item, "id", ""))
            found.extend(
                (item_id, citation)
                for name in ("citations", "basis")
                for citation in getattr(item, name, None) or ()
                if isinstance(citation, Citation) and citation.document == document and item_id
            )
        if package.layer.admission:
            route = f"{package.layer.id} 准入审批程序"
            found.extend((route, c) for c in package.layer.admission.citations if c.document == document)
    return found


def coverage(
    document: str,
    statements: Sequence[tuple[str, str]],
    packages: Iterable[LayerPackage],
    *,
    reasons: Mapping[str, str] | None = None,
    listing: bool = False,
) -> Coverage:
    """Map each normative ``(section, sentence)`` of ``document`` to the items of ``packages`` that hold it.

    A sentence is kept if it is normative (:data:`NORMATIVE`) or an item cites it. With
    ``listing`` the statements are the entries of a list (清单): every entry is kept, and an
    item holds an entry when it cites the entry's section (第5项).

    ``reasons`` says why a statement no item holds is not modelled: keys are a section label
    (or its leading part, ``三`` for all of 三、) or a passage of the sentence; the most specific
    key that fits wins. A statement with no reason is marked as not yet modelled.
    """
    packages = list(packages)
    citing = _citing(packages, document)
    title, number = document, None
    for package in packages:
        for doc in package.documents:
            if doc.id == document:
                title, number = doc.title, doc.number
    result = Coverage(document, title, number, "")
    result.names = {
        str(getattr(item, "id", "")): name
        for package in packages
        for _, item in package.iter_items()
        if isinstance(name := getattr(item, "name", None), str) and getattr(item, "id", None)
    }
    for section, text in statements:
        if listing:
            items = tuple(dict.fromkeys(i for i, c in citing if c.section == section))
        else:
            items = tuple(dict.fromkeys(i for i, c in citing if _holds(c.quote or "", text)))
            if not items and not NORMATIVE.search(text):
                continue
        reason = None if items else _reason(section, text, reasons or {})
        words = ("清单",) if listing else tuple(dict.fromkeys(m.group(0) for m in NORMATIVE.finditer(text)))
        result.statements.append(Statement(section, text, words, items, reason))
    return result


_SECTION_KEY = re.compile(r"[一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\)\d*)?")


def _reason(section: str, text: str, reasons: Mapping[str, str]) -> str:
    """The most specific reason that fits: a passage of the sentence, else the longest section prefix."""
    best: tuple[int, str] | None = None
    for key, reason in reasons.items():
        if _SECTION_KEY.fullmatch(key):
            fits, score = section == key or section.startswith(key), len(key)
        else:
            fits, score = key in text, 1000 + len(key)
        if fits and (best is None or score > best[0]):
            best = (score, reason)
    return best[1] if best else "还没有条目引用这句话"


def coverage_markdown(result: Coverage) -> str:
    """Render a coverage as a Markdown page (Chinese first)."""
    name = f"《{result.title}》" + (f"（{result.number}）" if result.number else "")
    lines = [
        f"# 来源对照：{name}",
        "",
        f"文档标识 `{result.document}`。来源文本：{result.source}。",
        "",
        (
            f"**规范性语句 {len(result.statements)} 句，已作为数据收录 {result.held} 句"
            f"（{result.share:.0%}）**；其余 {len(result.statements) - result.held} 句逐句写明未建模的原因。"
        ),
        "",
        (
            "“规范性语句”指含有约束力用语（必须、应当、不得、一律、原则上、一般、为宜、为主、鼓励、可、要……）"
            "或规定完成时限的句子；“收录”指有条目的出处引用了这句话的全部或一部分。"
        ),
        "",
        (
            f"*Coverage of {result.document}: {result.held} of {len(result.statements)} normative statements "
            f"({result.share:.0%}) are held as data; each of the others says why it is not modelled.*"
        ),
        "",
        "| 节 | 原文 | 用语 | 收录条目 / 未建模原因 |",
        "|---|---|---|---|",
    ]
    for s in result.statements:
        held = "<br>".join(_named(i, result.names) for i in s.items) if s.items else f"未建模：{s.reason}"
        text = s.text.replace("|", "\\|")
        lines.append(f"| {s.section} | {text} | {'、'.join(s.words)} | {held} |")
    return "\n".join(lines) + "\n"


def _named(item: str, names: Mapping[str, str]) -> str:
    """An item as a reader knows it, by its name, with its id: 不得派交村级组织（`cn.obligation.…`）."""
    return f"{names[item]}（`{item}`）" if item in names else f"`{item}`"


class _NotKeptError(ValueError):
    """A ``keep`` range whose first or last line the text does not have."""


def _kept(lines: list[str], keep: Sequence[Sequence[str]] | None) -> list[str]:
    """The lines of the document itself: ranges of non-blank lines from one opening to another."""
    lines = [line.strip() for line in lines if line.strip()]
    if not keep:
        return lines
    kept: list[str] = []
    for first, last in keep:
        start = next((n for n, line in enumerate(lines) if line.startswith(first)), None)
        end = None if start is None else next((n for n in range(start, len(lines)) if lines[n].startswith(last)), None)
        if start is None or end is None:
            raise _NotKeptError(first, last)
        kept += lines[start : end + 1]
    return kept


def _table(lines: list[str], heading: str) -> list[tuple[str, str]]:
    """The rows ``| n | name |`` of the Markdown table under ``heading``: ``(第n项, name)``."""
    rows: list[tuple[str, str]] = []
    inside = False
    for line in lines:
        if line.startswith("#"):
            inside = line.lstrip("#").strip().startswith(heading)
            continue
        match = re.match(r"^\|\s*(\d+)\s*\|\s*(.+?)\s*\|$", line.strip())
        if inside and match:
            rows.append((f"第{match.group(1)}项", match.group(2)))
    return rows


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a document's text: a regular file within the byte budget, in UTF-8 (a BOM is dropped).

    Raises:
        PackageReadError: (exit 2) naming the file, if it is missing, not a regular file,
            unreadable or not UTF-8.
        BudgetExceededError: naming the file, if it is larger than the byte budget.
    """
    data = read_regular_file(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackageReadError.at(os.fspath(path), "not-utf8") from None


def _entries(config: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The entries of a sources file, each checked for its ``document``, ``source`` and ``keep``."""
    where = os.fspath(config)
    data = load_file(where)
    if not isinstance(data, list):
        raise PackageReadError.at(where, "sources-not-a-list")
    for number, entry in enumerate(data, start=1):
        fine = isinstance(entry, dict) and all(
            isinstance(entry.get(key), str) and entry[key].strip() for key in ("document", "source")
        )
        keep = entry.get("keep") if isinstance(entry, dict) else None
        pairs = isinstance(keep, list) and all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in keep
        )
        if not fine or (keep is not None and not pairs):
            raise PackageReadError.at(where, "sources-entry", number=number)
    return data


def _kept_lines(lines: list[str], entry: Mapping[str, Any], number: int, config: str | os.PathLike[str]) -> list[str]:
    """The lines of the document itself, as the entry's ``keep`` says (an entry that matches nothing: exit 2)."""
    try:
        return _kept(lines, entry.get("keep"))
    except _NotKeptError as exc:
        first, last = exc.args
        raise PackageReadError.at(
            os.fspath(config), "sources-keep", number=number, source=entry["source"], first=first, last=last
        ) from None


def source_texts(
    config: str | os.PathLike[str] | None = None,
    root: str | os.PathLike[str] | None = None,
    files: Mapping[str, str | os.PathLike[str]] | None = None,
) -> dict[str, str]:
    """Return the text of each document at hand, by document id, for :func:`villagecat.quotes.check_quotes`.

    Args:
        config: A sources file in the form of ``docs/coverage/sources.yml``: a YAML list of
            entries, each with ``document`` (the id) and ``source`` (its text file, relative to
            ``root``), and optionally ``keep`` (ranges of lines that are the document's own,
            from one opening to another: a page that prints other articles too) or ``table``
            (the heading of a Markdown table that lists the document's entries).
        root: The folder the entries' ``source`` paths are relative to (default: the config's own).
        files: Texts given one by one, document id → file: the whole file is the document's
            text. They win over the config's entries for the same document.

    Raises:
        PackageReadError: (exit 2) naming the file, for a config or a text that cannot be
            read, is not UTF-8, or (a config) is not in this form.
    """
    texts: dict[str, str] = {}
    if config is not None:
        base = Path(root) if root is not None else Path(config).parent
        for number, entry in enumerate(_entries(config), start=1):
            text = read_text(base / entry["source"])
            if "table" in entry:
                text = "\n".join(name for _, name in _table(text.splitlines(), str(entry["table"])))
            elif entry.get("keep"):
                text = "\n".join(_kept_lines(text.splitlines(), entry, number, config))
            texts[entry["document"]] = text
    for document, path in (files or {}).items():
        texts[document] = read_text(path)
    return texts


def pages(config: Path, shared: Path, packages: Iterable[LayerPackage]) -> dict[str, str]:
    """Build the coverage pages that ``config`` (YAML) describes, from the texts under ``shared``.

    Returns ``{file name: Markdown}``: one page per document and an ``index.md``.
    """
    entries = _entries(config)
    packages = list(packages)
    out: dict[str, str] = {}
    rows = []
    for number, entry in enumerate(entries, start=1):
        if entry.get("page") is False:
            continue
        lines = read_text(Path(shared) / entry["source"]).splitlines()
        if "table" in entry:
            statements = _table(lines, entry["table"])
        else:
            statements = split_statements(_kept_lines(lines, entry, number, config))
        result = coverage(
            entry["document"],
            statements,
            packages,
            reasons=entry.get("reasons") or {},
            listing="table" in entry,
        )
        result.source = f"`../shared/{entry['source']}`" + (f"（{entry['note']}）" if entry.get("note") else "")
        name = f"{entry['document']}.md"
        out[name] = coverage_markdown(result)
        rows.append(
            f"| [{result.title}]({name}) | {result.number or ''} | {len(result.statements)} | {result.held} | "
            f"{result.share:.0%} |"
        )
    out["index.md"] = (
        "\n".join(
            [
                "# 来源对照 Coverage",
                "",
                (
                    "每份来源文件一页：逐句列出其中的规范性语句，写明由哪些条目收录，未收录的写明原因。"
                    "读者据此对照原文核查数据。页面由 `python -m villagecat.coverage` 从来源文本生成，"
                    "测试核对页面与生成结果一致。"
                ),
                "",
                (
                    "*One page per source document: each normative statement, the items that hold it, or why it is "
                    "not modelled. Generated from the source texts; a test keeps the pages in step with the data.*"
                ),
                "",
                "| 来源文件 | 文号 | 规范性语句 | 已收录 | 比例 |",
                "|---|---|---|---|---|",
                *rows,
            ]
        )
        + "\n"
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Write the coverage pages: ``python -m villagecat.coverage CONFIG SHARED OUT``; returns the exit status."""
    from villagecat.registry import shipped_registry  # noqa: PLC0415 - the registry loads every layer

    args = list(argv if argv is not None else sys.argv[1:])
    if len(args) != 3:
        sys.stderr.write("用法 / usage: python -m villagecat.coverage 配置文件 来源目录 输出目录 / CONFIG SHARED OUT\n")
        return 2
    config, shared, out = (Path(a) for a in args)
    try:
        written = pages(config, shared, shipped_registry())
    except (OSError, KeyError, ValueError) as exc:
        sys.stderr.write(f"villagecat.coverage: 无法生成 / cannot build the pages: {exc}\n")
        return 2
    for name, text in written.items():
        atomic_write(out / name, text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
