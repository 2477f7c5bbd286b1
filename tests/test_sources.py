"""Nothing shipped is invented: every quoted sentence appears verbatim in a source."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from villagecat.checks._rules import RULES
from villagecat.package import load_layer
from villagecat.registry import shipped_layer_paths

SHARED = REPO.parent / "shared"


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_quote_is_verbatim_in_the_seeds() -> None:
    seeds = [*sorted((SHARED / "seeds").glob("*.txt")), SHARED / "sources" / "README.md"]
    if not all(p.is_file() for p in seeds):
        pytest.skip("the source documents (../shared) are not beside this checkout")
    corpus = _normalise("".join(p.read_text(encoding="utf-8") for p in seeds))
    quotes = 0
    for path in shipped_layer_paths():
        package = load_layer(path)
        citations = [c for _, item in package.iter_items() for c in getattr(item, "citations", [])]
        if package.layer.admission:
            citations += package.layer.admission.citations
        for citation in citations:
            if citation.quote:
                quotes += 1
                assert _normalise(citation.quote) in corpus, f"{path.name}: {citation.quote}"
    for name, citation in RULES.items():
        assert citation.quote is not None
        assert _normalise(citation.quote) in corpus, f"checks rule {name}: {citation.quote}"
    assert quotes > 40
