"""Certificates (证明事项) a village may issue, has stopped issuing, or must not issue."""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import StrictBool, StringConstraints, ValidationError, field_validator, model_validator

from villagecat._i18n import Both, ModelRuleError, model_error, pair, say
from villagecat._patterns import described
from villagecat._text import REFUSED_LINE, SPACES, class_of
from villagecat.format.registry import KindSpec
from villagecat.format.rules import IncreaseOnly, ItemRules, Replaceable
from villagecat.models._base import field, model_meta
from villagecat.models._item import CatalogItem, catch_all_field, id_pattern, restates_field, truncated_field
from villagecat.models.document import Citation, Name, NonEmpty
from villagecat.models.vocab import AlternativeHandling, CertificateStatus

__all__ = ["Certificate", "CertificateId", "template_placeholders"]

CertificateId = Annotated[str, StringConstraints(pattern=id_pattern("certificate"))]
Placeholder = Annotated[
    str,
    StringConstraints(
        pattern=described(
            f"^[^{{}}{class_of(SPACES | REFUSED_LINE)}]+$",
            "占位符名称不能含花括号或空格，如 姓名",
            "a placeholder name has no braces or spaces, such as 姓名",
        )
    ),
]

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def template_placeholders(template: str) -> list[str]:
    """Return the placeholders of a template in order of first use.

    A placeholder is written ``{姓名}``. Braces must balance and enclose a name.

    Raises:
        ValueError: on an unbalanced brace or an empty placeholder, naming the offset.
    """
    depth = 0
    for offset, char in enumerate(template):
        if char == "{":
            depth += 1
            if depth > 1:
                raise model_error("template-nested", at=offset + 1)
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise model_error("template-unmatched", at=offset + 1)
    if depth:
        at = template.rindex("{") + 1
        raise model_error("template-unclosed", at=at)
    names: list[str] = []
    for match in _PLACEHOLDER.finditer(template):
        name = match.group(1).strip()
        if not name:
            at = match.start() + 1
            raise model_error("template-empty", at=at)
        if name not in names:
            names.append(name)
    return names


class Certificate(CatalogItem):
    """One certificate item in a catalog (DOMAIN.md §4)."""

    model_config = model_meta(
        "证明事项",
        "Certificate",
        "村级组织出具、已取消或不应出具的一项证明事项。",
        "A certificate a village issues, has stopped issuing, or must not issue.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="certificates",
        segment="certificate",
        slug="certificate",
        role="item",
        rules=ItemRules(sticky_when={"status": ("not_to_issue", "cancelled")}),
        checked_together=("template", "placeholders"),
    )

    id: CertificateId = field(
        "标识",
        "Id",
        desc_zh="形如 <层标识>.certificate.<名>。",
        desc_en="Of the form <layer>.certificate.<name>.",
    )
    status: CertificateStatus = field(
        "状态",
        "Status",
        desc_zh="只可由保留改为取消或不应出具，不可逆转。",
        desc_en="May only move from retained towards cancelled and not to be issued, never back.",
        rule=IncreaseOnly(order=("retained", "cancelled", "not_to_issue")),
    )
    purpose: NonEmpty | None = field("办理用途", "Purpose", default=None)
    issuer: NonEmpty | None = field("开具单位", "Issuer", default=None)
    validity: NonEmpty | None = field("有效时限", "Validity", default=None)
    basis: tuple[Citation, ...] = field(
        "政策法规依据",
        "Legal basis",
        desc_zh="保留或取消该证明事项所依据的法律、法规、国务院决定或文件条款。",
        desc_en="The law, regulation, State Council decision or document clauses behind it.",
        default_factory=tuple,
    )
    template: NonEmpty | None = field(
        "证明内容范本",
        "Content template",
        desc_zh="证明正文范本，占位符写作 {姓名}。",
        desc_en="The certificate's text, with placeholders written {姓名}.",
        default=None,
    )
    placeholders: tuple[Placeholder, ...] = field(
        "占位符",
        "Placeholders",
        desc_zh="范本中声明的占位符，须与范本一致。",
        desc_en="The template's declared placeholders; must match the template.",
        default_factory=tuple,
        rule=Replaceable(),
    )
    procedure: NonEmpty | None = field("办理程序", "Procedure", default=None)
    time_limit: NonEmpty | None = field(
        "办理时限",
        "Time limit",
        desc_zh="例如 当场出具、3个工作日。",
        desc_en="E.g. on the spot.",
        default=None,
    )
    alternatives: tuple[AlternativeHandling, ...] = field(
        "替代办理方式",
        "Handled instead by",
        desc_zh="取消或不应出具后该事项的办理方式。",
        desc_en="How the matter is handled once the village no longer certifies it.",
        default_factory=tuple,
    )
    resident_guidance: NonEmpty | None = field(
        "解释说明",
        "Guidance for residents",
        desc_zh="村级组织向群众所作的解释说明。",
        desc_en="What the village tells the resident.",
        default=None,
    )
    truncated: StrictBool = truncated_field()
    catch_all: StrictBool = catch_all_field()
    restates: Name | None = restates_field()

    @field_validator("template")
    @classmethod
    def _balanced(cls, value: str | None) -> str | None:
        if value is not None:
            template_placeholders(value)
        return value

    @model_validator(mode="after")
    def _placeholders_match_template(self) -> Certificate:
        used = template_placeholders(self.template) if self.template is not None else []
        if set(used) == set(self.placeholders):
            return self
        undeclared = [p for p in used if p not in self.placeholders]
        unused = [p for p in self.placeholders if p not in used]
        if self.template is None:
            zh, en = pair("certificate-no-template")
        else:
            shown = {
                name: Both("、".join(found) or say("nothing", "zh"), ", ".join(found) or say("nothing", "en"))
                for name, found in (("undeclared", undeclared), ("unused", unused))
            }
            zh, en = pair("certificate-placeholders-mismatch", **shown)
        error = ModelRuleError(zh, en)  # a model's own rule: pydantic carries both to the report
        raise ValidationError.from_exception_data(
            "Certificate",
            [{"type": "value_error", "loc": ("placeholders",), "input": self.placeholders, "ctx": {"error": error}}],
        )
