"""Nothing shipped is invented: every quoted sentence appears verbatim in a source.

The rules are the library's (:mod:`villagecat.quotes`), and where each document's own text
is, ``docs/coverage/sources.yml`` says: the reviewer's ``villagecat quotes`` and these tests
judge alike.
"""

from __future__ import annotations

import os
import re

import pytest

from conftest import REPO
from villagecat._yaml import safe_load
from villagecat.coverage import source_texts
from villagecat.package import load_layer
from villagecat.quotes import QuoteProblem, bare, iter_quote_problems, iter_quotes
from villagecat.registry import shipped_layer_paths

SHARED = REPO.parent / "shared"
#: Where each quoted document's own text is: a quote must be in the text of the document it
#: cites, not merely somewhere in the five seeds.
CONFIG = REPO / "docs" / "coverage" / "sources.yml"


def _sources_or_skip() -> None:
    """Skip where ../shared is not beside the checkout; under CI (``CI=true``) fail instead."""
    if (SHARED / "seeds").is_dir() and (SHARED / "sources").is_dir():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("the source documents (../shared) must be beside the checkout in CI")
    pytest.skip("the source documents (../shared) are not beside this checkout")


def _problems() -> tuple[int, list[tuple[str, QuoteProblem]]]:
    """The shipped quotes counted, and every problem the library finds with them, by layer folder."""
    texts = source_texts(CONFIG, SHARED)
    quotes, problems = 0, []
    for path in shipped_layer_paths():
        package = load_layer(path)
        quotes += sum(1 for _ in iter_quotes(package))
        problems += [(path.name, p) for p in iter_quote_problems(package, texts)]
    return quotes, problems


def test_every_quote_is_verbatim_in_the_cited_documents_own_text() -> None:
    _sources_or_skip()
    quotes, problems = _problems()
    wrong = [f"{where}: {p.describe('en')}" for where, p in problems if p.code in ("quote-not-found", "quote-no-text")]
    assert not wrong, "\n".join(wrong)
    assert quotes > 40


def test_every_quote_keeps_the_spaces_its_line_has() -> None:
    """A quote may join a wrapped line (「8月 10」 / 「日前」), never drop a space within one (8月10日前)."""
    _sources_or_skip()
    quotes, problems = _problems()
    wrong = [f"{where}: {p.describe('en')}" for where, p in problems if p.code == "quote-spacing"]
    assert not wrong, "\n".join(wrong)
    assert quotes > 40


def test_every_quote_is_verbatim_in_the_seeds() -> None:
    seeds = [*sorted((SHARED / "seeds").glob("*.txt")), SHARED / "sources" / "README.md"]
    _sources_or_skip()
    corpus = bare("".join(p.read_text(encoding="utf-8") for p in seeds))
    quotes = 0
    for path in shipped_layer_paths():
        for quote in iter_quotes(load_layer(path)):
            quotes += 1
            assert bare(quote.text) in corpus, f"{path.name}: {quote.text}"
    assert quotes > 40


def test_titles_and_issuers_of_the_documents_at_hand_are_the_sources_own_words() -> None:
    """No expanded names (区委农办 is not 中共宁河区委农村工作办公室): what a source calls itself, as written."""
    _sources_or_skip()
    # The whole file a document's text is in: a title is printed around the text (a headline).
    files = {entry["document"]: entry["source"] for entry in safe_load(CONFIG.read_text(encoding="utf-8"))}
    # Documents known only from another source that names them (Tianjin's, from Ninghe's plan).
    named_in = {
        "120000.document.implementation-plan": "seeds/003_414aa2a04280b990.txt",
        "120000.document.certificate-opinion": "seeds/003_414aa2a04280b990.txt",
    }
    texts = {doc: bare((SHARED / path).read_text(encoding="utf-8")) for doc, path in (files | named_in).items()}
    checked = 0
    for path in shipped_layer_paths():
        for document in load_layer(path).documents:
            if document.id not in texts:
                continue
            for issuer in document.issuers:
                checked += 1
                assert bare(issuer) in texts[document.id], f"{document.id}: issuer {issuer}"
            checked += 1
            assert bare(document.title) in texts[document.id], f"{document.id}: title {document.title}"
    assert checked >= 10


def test_a_quote_a_note_calls_the_whole_sentence_is_one() -> None:
    """A note saying 来源全句为「…」 quotes a sentence from its start: the text before it ends a sentence.

    Tianjia'an's counts said 来源全句为「规范挂牌后,……内部标牌9个。」 of a sentence that opens
    认真落实《……》和省民政厅等三部门《……》,.
    """
    _sources_or_skip()
    from villagecat.format.registry import kinds  # noqa: PLC0415

    texts = source_texts(CONFIG, SHARED)
    wrong = []
    for path in shipped_layer_paths():
        package = load_layer(path)
        for kind in kinds():
            for item in package.resource(kind.resource):
                for quote in re.findall(r"全句为「([^」]+)」", str(getattr(item, "notes", None) or "")):
                    starts = [
                        text[: found.start()].rstrip()[-1:]
                        for text in texts.values()
                        for found in re.finditer(re.escape(quote), text)
                    ]
                    if not starts or any(before not in ("", "。", "！", "？", "；", "：") for before in starts):
                        wrong.append(f"{path.name} {getattr(item, 'id', '')}: {quote} (after {starts})")
    assert not wrong, "\n".join(wrong)
