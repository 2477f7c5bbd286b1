"""Rendering a retained certificate from its template, or refusing one the village must not issue."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagecat._i18n import say
from villagecat._names import same_name
from villagecat.checks._rules import obligation
from villagecat.errors import UnknownItemError, VillagecatError
from villagecat.models import CertificateStatus

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Certificate, Citation

__all__ = ["CertificateRefusedError", "Rendered", "find_certificate", "refusal", "render_certificate"]

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class CertificateRefusedError(VillagecatError, ValueError):
    """The certificate cannot be rendered: not to be issued, cancelled, no template, or values wrong."""

    def __init__(self, message_zh: str, message_en: str, citations: tuple[Citation, ...] = ()) -> None:
        """Keep both messages and the citations."""
        self.citations = citations
        super().__init__(message_zh, message_en)

    def describe(self, lang: str = "zh") -> str:
        """Return the refusal in ``lang``, then each clause it rests on, one per line."""
        cites = "".join(f"\n  {say('basis', lang, citation=c.readable())}" for c in self.citations)
        return (self.message_en if lang == "en" else self.message_zh) + cites


@dataclass(frozen=True)
class Rendered:
    """A filled certificate as plain text and as HTML."""

    certificate: Certificate
    text: str
    html: str


def find_certificate(catalog: EffectiveCatalog, key: str) -> Certificate:
    """Return the certificate whose id, name or alias is ``key``.

    Names are compared normalised: traditional or simplified, full- or half-width, spaces ignored.

    Raises:
        UnknownItemError: if none is.
    """
    for certificate in catalog.certificates():
        if key == certificate.id or same_name(key, certificate.name, *certificate.aliases):
            return certificate
    raise UnknownItemError.said("no-certificate", layer=catalog.layer.id, key=key)


def refusal(catalog: EffectiveCatalog, certificate: Certificate) -> tuple[str, str, tuple[Citation, ...]]:
    """Return what the village tells the resident, in Chinese and English, and the clauses."""
    status = certificate.status
    why = "列入不应出具证明事项清单" if status is CertificateStatus.NOT_TO_ISSUE else "已取消"
    handled = "、".join(a.label for a in certificate.alternatives)
    cites = tuple(certificate.basis or certificate.citations)
    explain = obligation(catalog, "certificate-explain")
    if certificate.resident_guidance:
        guidance = certificate.resident_guidance
    elif explain is not None:  # 「村级组织要做好解释说明工作」, where the chain says so
        guidance = "村（社区）应向群众做好解释说明"
        cites += tuple(explain.citations)
    else:
        guidance = "村（社区）向群众说明不出具的理由"
    encouraged = obligation(catalog, "certificate-alternatives")
    if handled:
        how = f"该事项改由有关部门通过{handled}等方式办理"
    elif encouraged is not None and encouraged.tasks:  # the chain's own list of alternatives (鼓励……等方式)
        how = f"该事项由有关部门通过{'、'.join(encouraged.tasks)}等方式办理"
        cites += tuple(encouraged.citations)
    else:
        how = "该事项由有关部门办理"
    zh = f"村（社区）不应出具“{certificate.name}”（{status.label}：{why}）。{guidance}；{how}。"
    methods = ", ".join(a.value for a in certificate.alternatives) or (
        ", ".join(encouraged.tasks) if encouraged is not None and encouraged.tasks else "by its own means"
    )
    en = (
        f"The village must not issue {certificate.name} ({status.value}). It explains this to the resident; "
        f"the department handles the matter ({methods})."
    )
    return zh, en, cites


def render_certificate(catalog: EffectiveCatalog, key: str, values: dict[str, str]) -> Rendered:
    """Fill a retained certificate's template with ``values``.

    Raises:
        UnknownItemError: if no certificate matches ``key``.
        CertificateRefusedError: if the village must not issue it, it has no template, or a
            placeholder is missing or unknown.
    """
    certificate = find_certificate(catalog, key)
    if certificate.status is not CertificateStatus.RETAINED:
        raise CertificateRefusedError(*refusal(catalog, certificate))
    if certificate.catch_all:
        raise CertificateRefusedError(
            f"“{certificate.name}”是兜底条目，代表未列名的证明事项，不是一个可出具的证明；请查找具体的证明事项",
            f"{certificate.name} is a catch-all entry standing for unnamed certificates, not one to issue",
            tuple(certificate.citations),
        )
    if certificate.template is None:
        raise CertificateRefusedError(
            f"“{certificate.name}”没有证明内容范本，无法生成",
            f"{certificate.name} has no template",
            tuple(certificate.citations),
        )
    missing = [p for p in certificate.placeholders if not values.get(p, "").strip()]
    unknown = [k for k in values if k not in certificate.placeholders]
    if missing or unknown:
        parts_zh, parts_en = [], []
        if missing:
            parts_zh.append(f"缺少：{'、'.join(missing)}")
            parts_en.append(f"missing: {', '.join(missing)}")
        if unknown:
            parts_zh.append(f"范本中没有：{'、'.join(unknown)}")
            parts_en.append(f"not in the template: {', '.join(unknown)}")
        declared = "、".join(certificate.placeholders)
        raise CertificateRefusedError(
            f"“{certificate.name}”的填写项有误（{'；'.join(parts_zh)}）。应填写：{declared}",
            f"{certificate.name}: {'; '.join(parts_en)}",
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
