"""Rendering a retained certificate from its template, or refusing one the village must not issue.

Only a certificate the village must not issue (不应出具, 已取消) is refused. A retained one that
cannot be generated (no template in the catalog, or a catch-all entry) is not refused: the
village may issue it per the catalog, villagecat only has nothing to fill in.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagecat._arguments import kind_of, need_catalog, need_lang
from villagecat._i18n import Both, pair, say
from villagecat._shown import cited, document_titles
from villagecat._text import unsafe_character
from villagecat.checks._rules import by_reference, obligation
from villagecat.errors import ArgumentTypeError, UnknownItemError, VillagecatError
from villagecat.models import Certificate, CertificateStatus, Scope

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Citation

__all__ = [
    "CertificateNotRenderedError",
    "CertificateRefusedError",
    "NoTemplateError",
    "Rendered",
    "find_certificate",
    "refusal",
    "render_certificate",
]

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class _CitedError(VillagecatError):
    """An answer on a certificate that names the clauses it rests on, each on its own line after the message."""

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        citations: tuple[Citation, ...] = (),
        *,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        """Keep both messages and the citations (with ``titles``, their documents' titles by id)."""
        self.citations = citations
        self.titles = dict(titles or {})
        super().__init__(message_zh, message_en)

    def describe(self, lang: str = "zh") -> str:
        """Return the message in ``lang``, then each clause it rests on, one per line."""
        lang = need_lang(lang)
        cites = "".join(f"\n  {say('basis', lang, citation=cited(c, self.titles))}" for c in self.citations)
        return (self.message_en if lang == "en" else self.message_zh) + cites


class _UnlistedCertificateError(_CitedError, UnknownItemError):
    """No certificate of this name is in the catalog: what the place may do instead, and the clauses (exit 2)."""


class CertificateNotRenderedError(_CitedError, ValueError):
    """The certificate was not rendered: the values given do not fit its template (exit 1).

    Its subclasses say why otherwise: :class:`CertificateRefusedError` (the village must not
    issue it) and :class:`NoTemplateError` (it may be issued, but there is nothing to fill in).
    """


class CertificateRefusedError(CertificateNotRenderedError):
    """The village must not issue the certificate (不应出具, 已取消): what it tells the resident instead."""


class NoTemplateError(CertificateNotRenderedError, LookupError):
    """A certificate the village may issue, which villagecat cannot generate: no template, or a catch-all entry.

    Not a refusal: the catalog lets the village issue it; what is missing is the text to fill in,
    as an item or field missing is (exit 2).
    """

    exit_code = 2


@dataclass(frozen=True)
class Rendered:
    """A filled certificate as plain text and as HTML."""

    certificate: Certificate
    text: str
    html: str


def find_certificate(catalog: EffectiveCatalog, key: str) -> Certificate:
    """Return the certificate whose id, name or alias is ``key``.

    Names are compared normalised (:meth:`~villagecat.merging.EffectiveCatalog.find`):
    traditional or simplified, full- or half-width, spaces ignored.

    Raises:
        UnknownItemError: if none is.
        InvalidRequestError: if ``key`` is empty or blank.
    """
    for entry in catalog.find(key, "certificates"):
        if isinstance(entry.item, Certificate):
            return entry.item
    raise UnknownItemError.said("no-certificate", name=catalog.layer.name_zh, layer=catalog.layer.id, key=key)


def _place(catalog: EffectiveCatalog, certificate: Certificate, scope: Scope | None) -> Both:
    """Who issues or refuses ``certificate``, in words: the place asked about, else whom it applies to.

    村（社区） where the item applies to both (the Ministry's list: 基层群众性自治组织), 村 where only
    villages' (Shanxi's list, a layer of villages), 社区 where only communities'.
    """
    entry = catalog.get(certificate.id)
    if scope is None and entry is not None:
        village, community = catalog.applies(entry, Scope.VILLAGE), catalog.applies(entry, Scope.COMMUNITY)
        scope = Scope.BOTH if village == community else Scope.VILLAGE if village else Scope.COMMUNITY
    return Both(*pair(f"certificate-place-{(scope or Scope.BOTH).value}"))


def refusal(
    catalog: EffectiveCatalog, certificate: Certificate, scope: Scope | None = None
) -> tuple[str, str, tuple[Citation, ...]]:
    """What the village (or, with ``scope``, the community) tells the resident, in both languages, and the clauses.

    A community told to explain by 「村级组织要做好解释说明工作」 does so by reference (national 三), and is told so.
    """
    place = _place(catalog, certificate, scope)
    reference: tuple[Citation, ...] = ()
    status = certificate.status
    why = "refusal-why-listed" if status is CertificateStatus.NOT_TO_ISSUE else "refusal-why-cancelled"
    cites = tuple(certificate.basis or certificate.citations)
    explain = obligation(catalog, "certificate-explain")
    if certificate.resident_guidance:
        guidance: object = Both(certificate.resident_guidance, "It explains this to the resident")
    elif explain is not None:  # 「村级组织要做好解释说明工作」, where the chain says so
        reference = by_reference(catalog, scope or Scope.VILLAGE, explain)
        guidance = Both(
            *pair("refusal-explain", place=place, reference=Both(*pair("by-reference")) if reference else "")
        )
        cites += tuple(explain.citations)
    else:
        guidance = Both(*pair("refusal-say-why", place=place))
    encouraged = obligation(catalog, "certificate-alternatives")
    if certificate.alternatives:
        ways = Both(
            "、".join(a.label for a in certificate.alternatives), ", ".join(a.value for a in certificate.alternatives)
        )
        how = Both(*pair("refusal-handled-by", ways=ways))
    elif encouraged is not None and encouraged.tasks:  # the chain's own list of alternatives (鼓励……等方式)
        ways = Both("、".join(encouraged.tasks), ", ".join(encouraged.tasks))
        how = Both(*pair("refusal-encouraged", ways=ways))  # 鼓励: may, never said as done
        cites += tuple(encouraged.citations)
    else:
        how = Both(*pair("refusal-handled"))
    zh, en = pair(
        "refusal",
        certificate=certificate.name,
        status=status.words,
        why=Both(*pair(why)),
        guidance=guidance,
        how=how,
        place=place,
    )
    return zh, en, (*cites, *reference)


def _unlisted(catalog: EffectiveCatalog, key: str, scope: Scope | None) -> VillagecatError:
    """A certificate the catalog does not hold: not generated, and what the place may do with it.

    A name alike to one not to issue points at it (as ``admit`` does); any other is on no list recorded not to
    issue: 属于职责范围内的事项……据实出具, 省级层面未统一规范……对能够核实的事项据实出具 (national 二(三)8; Ninghe
    三(三)9 for 村（社区）), by reference for a community where only the village's words say so.
    """
    from villagecat.checks.admission import org_words, similar_certificates, similar_names  # noqa: PLC0415

    name = Both(catalog.layer.name_zh, catalog.layer.name_en)
    place = scope if scope is not None and scope is not Scope.BOTH else None
    similar = similar_certificates(catalog, key, place or Scope.VILLAGE) if key.strip() else []
    within, unlisted = obligation(catalog, "certificate-within-duties"), obligation(catalog, "certificate-unlisted")
    if similar:
        org = org_words(place or Scope.VILLAGE)
        said = pair("render-unlisted-alike", name=name, layer=catalog.layer.id, key=key,
                    similar=similar_names(similar), org=org)  # fmt: skip
        explain = obligation(catalog, "certificate-explain")  # 要做好解释说明, as admit and a refusal cite it
        cites = (*(c for s in similar for c in s.citations), *(explain.citations if explain is not None else ()))
    elif within is not None and unlisted is not None:
        words = Both(*pair(f"certificate-place-{(place or Scope.BOTH).value}"))
        reference = by_reference(catalog, place or Scope.BOTH, within, unlisted) if place is not None else ()
        said = pair(
            "render-unlisted",
            name=name,
            layer=catalog.layer.id,
            key=key,
            place=words,
            reference=Both(*pair("by-reference")) if reference else Both("", ""),
        )
        cites = (*within.citations, *unlisted.citations, *reference)
    else:
        return UnknownItemError.said("no-certificate", name=catalog.layer.name_zh, layer=catalog.layer.id, key=key)
    return _UnlistedCertificateError(*said, tuple(dict.fromkeys(cites)), titles=document_titles(catalog))


def render_certificate(
    catalog: EffectiveCatalog, key: str, values: dict[str, str], *, scope: Scope | None = None
) -> Rendered:
    """Fill a retained certificate's template with ``values``.

    ``scope`` is the place that issues it, a village or an urban community; unset, the words name
    whom the certificate applies to (村（社区）, or 村 for a list of villages only).

    Raises:
        UnknownItemError: if no certificate matches ``key`` (for ``scope``: a village's list is no community's).
        InvalidRequestError: if ``key`` is empty or blank.
        CertificateRefusedError: if the village must not issue it.
        NoTemplateError: if it may be issued but the catalog holds no template for it (or it is
            a catch-all entry, not one certificate).
        CertificateNotRenderedError: if a placeholder is missing or unknown, or a value holds an
            invisible control character.
        ArgumentTypeError: if ``catalog`` is no effective catalog, or ``values`` no ``dict`` of text.
    """
    need_catalog(catalog)
    if not isinstance(values, Mapping) or not all(isinstance(v, str) for v in (*values, *values.values())):
        raise ArgumentTypeError.because("argument-not-values", kind=kind_of(values))
    try:
        certificate = find_certificate(catalog, key)
    except UnknownItemError as absent:
        raise _unlisted(catalog, key, scope) from absent
    entry = catalog.get(certificate.id)
    if scope is not None and scope is not Scope.BOTH and entry is not None and not catalog.applies(entry, scope):
        only = _place(catalog, certificate, None)
        raise UnknownItemError.said(
            "no-certificate-for-scope",
            certificate=certificate.name,
            only=only,
            place=_place(catalog, certificate, scope),
        )
    if certificate.status is not CertificateStatus.RETAINED:
        raise CertificateRefusedError(*refusal(catalog, certificate, scope), titles=document_titles(catalog))
    if certificate.catch_all:
        raise NoTemplateError(
            *pair("render-catch-all", certificate=certificate.name),
            tuple(certificate.citations),
            titles=document_titles(catalog),
        )
    if certificate.template is None:
        raise NoTemplateError(
            *pair("render-no-template", certificate=certificate.name, place=_place(catalog, certificate, scope)),
            tuple(certificate.citations),
            titles=document_titles(catalog),
        )
    missing = [p for p in certificate.placeholders if not values.get(p, "").strip()]
    unknown = [k for k in values if k not in certificate.placeholders]
    if missing or unknown:
        parts = [
            pair(key, names=Both("、".join(names), ", ".join(names)))
            for key, names in (("render-values-missing", missing), ("render-values-unknown", unknown))
            if names
        ]
        declared = Both("、".join(certificate.placeholders), ", ".join(certificate.placeholders))
        raise CertificateNotRenderedError(
            *pair(
                "render-values",
                certificate=certificate.name,
                problems=Both("；".join(p[0] for p in parts), "; ".join(p[1] for p in parts)),
                declared=declared,
            )
        )
    for name, value in values.items():  # an invisible control (U+202E) makes the page read otherwise than typed
        hidden = unsafe_character(value, multiline=False)  # what no name may hold (villagecat._text), one line
        if hidden is not None:
            raise CertificateNotRenderedError(
                *pair("render-values-hidden", certificate=certificate.name, name=name, code=f"U+{ord(hidden):04X}")
            )
    text = _PLACEHOLDER.sub(lambda m: values[m.group(1).strip()], certificate.template)
    # Escape the template's own text and each value apart, so &, < and > anywhere (in the
    # template, in a placeholder's name, in a value) render as text.
    pieces: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(certificate.template):
        pieces.append(html.escape(certificate.template[last : match.start()], quote=False))
        pieces.append(f"<strong>{html.escape(values[match.group(1).strip()])}</strong>")
        last = match.end()
    pieces.append(html.escape(certificate.template[last:], quote=False))
    body = "".join(pieces)
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    page = (
        '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(certificate.name)}</title></head>\n"
        f'<body><article class="certificate"><h1>{html.escape(certificate.name)}</h1>'
        f"{paragraphs}</article></body></html>\n"
    )
    return Rendered(certificate, text + ("" if text.endswith("\n") else "\n"), page)
