"""Safe YAML: plain data only, and bounded in size once aliases are expanded.

``yaml.safe_load`` already refuses tags that build Python objects. It does not bound
aliases: a few lines of nested aliases ("billion laughs") expand to billions of nodes as
soon as the data is walked. Here the composed node graph is measured first, with each
shared node counted as often as it would be expanded (memoised, so measuring is cheap),
and a document that would expand beyond :data:`MAX_NODES` is refused.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["MAX_NODES", "TooLargeError", "safe_load"]

#: The most nodes a document may hold once its aliases are expanded.
MAX_NODES = 1_000_000


class TooLargeError(yaml.YAMLError):
    """The document would expand to more than :data:`MAX_NODES` nodes."""


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive aliases while measuring
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[key] = min(size, MAX_NODES + 1)
    return memo[key]


def safe_load(text: str) -> Any:  # noqa: ANN401 - whatever plain data the YAML holds
    """Load YAML as plain data, refusing Python object tags and alias bombs.

    Raises:
        yaml.YAMLError: on malformed YAML, object tags, or a document too large once expanded.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, {}) > MAX_NODES:
            raise TooLargeError(f"expands to more than {MAX_NODES} nodes through its aliases: refusing to load")
        return loader.construct_document(node)
    finally:
        loader.dispose()
