"""Safe YAML: plain data only, and bounded in size once aliases are expanded.

``yaml.safe_load`` already refuses tags that build Python objects. It does not bound
aliases: a few lines of nested aliases ("billion laughs") expand to billions of nodes as
soon as the data is walked. Here the composed node graph is measured first, with each
shared node counted as often as it would be expanded (memoised, so measuring is cheap),
and a document that would expand beyond :data:`MAX_NODES` is refused.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml

from villagecat._i18n import Both, pair, say

__all__ = [
    "MAX_NODES",
    "AliasLoopError",
    "DuplicateKeyError",
    "TooLargeError",
    "load_file",
    "load_file_text",
    "safe_load",
]

#: The most nodes a document may hold once its aliases are expanded.
MAX_NODES = 1_000_000


class TooLargeError(yaml.YAMLError):
    """The document would expand to more than :data:`MAX_NODES` nodes."""


class AliasLoopError(yaml.YAMLError):
    """An alias inside the node its anchor names (``&a [*a]``): the data would hold itself, without end."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        """Say where the anchor that holds its own alias is."""
        super().__init__(say("yaml-problem-alias-loop", "en"))
        #: The problem in both languages, for a reader's message (there are no parser's words to add).
        self.problem_both = Both(*pair("yaml-problem-alias-loop"))
        self.problem_mark = mark


def _expanded_size(node: yaml.Node, memo: dict[int, int], open_nodes: set[int]) -> int:
    """The nodes ``node`` expands to; a node met again inside itself (a recursive alias) is refused.

    Raises:
        AliasLoopError: if an alias stands inside the node its anchor names.
    """
    key = id(node)
    if key in open_nodes:
        raise AliasLoopError(node.start_mark)
    if key in memo:
        return memo[key]
    open_nodes.add(key)
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo, open_nodes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo, open_nodes) + _expanded_size(v, memo, open_nodes) for k, v in node.value)
    open_nodes.discard(key)
    memo[key] = min(size, MAX_NODES + 1)
    return memo[key]


class DuplicateKeyError(yaml.YAMLError):
    """A mapping names the same key twice: the second would silently replace the first."""

    def __init__(self, key: object, mark: yaml.Mark | None) -> None:
        """Name the key and where it is."""
        where = say("yaml-at-line", "en", line=mark.line + 1, column=mark.column + 1) if mark is not None else ""
        super().__init__(say("yaml-duplicate-key", "en", key=key) + where)
        zh, en = pair("yaml-duplicate-key", key=key)
        self.problem = f"{en}（{zh}）"
        #: The problem in both languages, for a reader's message (``problem`` is PyYAML's own form).
        self.problem_both = Both(zh, en)
        self.problem_mark = mark


class _StrictLoader(yaml.SafeLoader):
    """The safe loader, refusing duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:  # an unhashable key: the base loader reports it
                continue
            if duplicate:
                raise DuplicateKeyError(key, key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def safe_load(text: str) -> Any:  # noqa: ANN401 - whatever plain data the YAML holds
    """Load YAML as plain data, refusing Python object tags, alias bombs and loops, and duplicate keys.

    Raises:
        yaml.YAMLError: on malformed YAML, object tags, a duplicate key, an alias inside its
            own anchor's node, or a document too large once expanded.
    """
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, {}, set()) > MAX_NODES:
            raise TooLargeError(f"expands to more than {MAX_NODES} nodes through its aliases: refusing to load")
        return loader.construct_document(node)
    finally:
        loader.dispose()


#: PyYAML's problems (its ``problem``, or its ``context`` where the problem alone is too general), each
#: with the catalog's words for it: what a clerk can fix, never the parser's English.
_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"found unexpected end of stream"), "yaml-problem-quote-open"),
    (re.compile(r"expected ',' or '\]'"), "yaml-problem-list-open"),
    (re.compile(r"expected ',' or '\}'"), "yaml-problem-mapping-open"),
    (re.compile(r"expected the node content, but found '<stream end>'"), "yaml-problem-ends-early"),
    (re.compile(r"mapping values are not allowed here"), "yaml-problem-colon-here"),
    (re.compile(r"could not find expected ':'"), "yaml-problem-colon-missing"),
    (re.compile(r"expected <block end>|did not find expected (?:key|'-' indicator)"), "yaml-problem-indent"),
    (re.compile(r"found character '\\t' that cannot start any token"), "yaml-problem-tab"),
    (re.compile(r"found character '(?P<character>.)' that cannot start any token"), "yaml-problem-start"),
    (re.compile(r"found unknown escape character"), "yaml-problem-escape"),
    (re.compile(r"found undefined alias '?(?P<name>[^']*)'?"), "yaml-problem-alias"),
    (re.compile(r"found duplicate anchor '?(?P<name>[^';]*)'?"), "yaml-problem-anchor-twice"),
    (re.compile(r"could not determine a constructor for the tag"), "yaml-problem-tag"),
    (re.compile(r"found unhashable key"), "yaml-problem-key-shape"),
)


def _advice(exc: yaml.YAMLError) -> Both:
    """What PyYAML found, in the catalog's words (the general advice where it is none of the known problems)."""
    if isinstance(exc, TooLargeError):
        return Both(*pair("yaml-problem-too-large"))
    said = " ".join(str(getattr(exc, name, None) or "") for name in ("context", "problem"))
    for pattern, key in _PROBLEMS:
        found = pattern.search(said)
        if found is not None:
            return Both(*pair(key, **found.groupdict()))
    return Both(*pair("yaml-problem-other"))


def load_file(path: str | os.PathLike[str]) -> Any:  # noqa: ANN401 - whatever plain data the YAML holds
    """Read and load a user's YAML (or JSON) file: a regular file within the byte budget, in UTF-8 (a BOM dropped).

    Raises:
        PackageReadError: naming the file, if it is missing, not a regular file, unreadable, not
            UTF-8 (the first byte that is not) or malformed (the line, as :func:`load_file_text`).
        BudgetExceededError: naming the file, if it is larger than the byte budget or nests too deep.
    """
    from villagecat._budget import read_regular_file  # noqa: PLC0415
    from villagecat.errors import PackageReadError  # noqa: PLC0415

    where = os.fspath(path)
    raw = read_regular_file(where)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackageReadError.at(where, "encoding", byte=exc.start + 1) from None
    return load_file_text(text, where)


def load_file_text(text: str, where: str) -> Any:  # noqa: ANN401 - whatever plain data the YAML holds
    """Load a user's YAML (or JSON) file as :func:`safe_load` does; a malformed one is one clear error.

    Raises:
        PackageReadError: naming the file and the line, the advice in Chinese first and
            PyYAML's own words after it.
        BudgetExceededError: naming the file, if the document nests deeper than the depth budget.
    """
    from villagecat._budget import _depth, exceeded, limit, over  # noqa: PLC0415
    from villagecat.errors import PackageReadError  # noqa: PLC0415

    try:
        data = safe_load(text)
    except RecursionError:  # PyYAML composes nested nodes recursively
        raise exceeded("depth", where, over(limit("depth"))) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = Both(*pair("yaml-at-line", line=mark.line + 1, column=mark.column + 1)) if mark is not None else ""
        found = getattr(exc, "problem", None) or str(exc)  # PyYAML's English: under --lang en only
        said = Both(*pair("yaml-parse-problem", advice=_advice(exc), problem=found))
        problem = getattr(exc, "problem_both", None) or said
        raise PackageReadError.at(where, "yaml-malformed", zh_alone=True, line=line, detail=problem) from None
    depth = _depth(data)
    if depth > limit("depth"):  # deep enough to break whoever walks it next
        raise exceeded("depth", where, depth)
    return data
