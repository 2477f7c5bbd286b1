"""Source documents and citations of them."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import StrictBool, StringConstraints, ValidationInfo, model_validator

from villagecat._i18n import model_error
from villagecat._patterns import described
from villagecat._text import FILLED_LINE_PATTERN, FILLED_TEXT_PATTERN, REFUSED_LINE, SPACES, class_of, filled
from villagecat.format.registry import KindSpec
from villagecat.format.rules import ItemRules
from villagecat.models._base import LAYER_ID_PATTERN, LOCAL_ID_PATTERN, MAX_COUNT, DateText, Model, field, model_meta
from villagecat.models.vocab import Authority

__all__ = [
    "CLAUSE_ID_PATTERN",
    "DOCUMENT_ID_PATTERN",
    "JSON_FORM",
    "Citation",
    "Clause",
    "Document",
    "DocumentId",
    "runs_together",
]

DOCUMENT_ID_PATTERN = described(
    rf"^(?:{LAYER_ID_PATTERN})\.document\.{LOCAL_ID_PATTERN}$",
    "文件标识写作“层级代码.document.小写英文字母或数字（可用连字符连接）”，如 cn.document.opinion-2022",
    "a document id is written <layer>.document.<lower-case letters or digits joined by hyphens>, "
    "such as cn.document.opinion-2022",
)
DocumentId = Annotated[str, StringConstraints(pattern=DOCUMENT_ID_PATTERN)]
CLAUSE_ID_PATTERN = described(
    rf"^(?:{LAYER_ID_PATTERN})\.clause\.{LOCAL_ID_PATTERN}$",
    "条款标识写作“层级代码.clause.小写英文字母或数字（可用连字符连接）”，如 cn.clause.opinion-2-1",
    "a clause id is written <layer>.clause.<lower-case letters or digits joined by hyphens>, "
    "such as cn.clause.opinion-2-1",
)
#: Text: not empty, surrounding spaces dropped, no control, bidirectional or invisible characters.
#: The pattern says "not blank" too, for the published schemas, which see the value before it is stripped.
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True, pattern=FILLED_TEXT_PATTERN)]
#: A section label (二(一)1, 附件第5项): one line, without 「」, which mark a quote in a citation's text form.
Section = Annotated[
    str,
    StringConstraints(
        min_length=1,
        strip_whitespace=True,
        pattern=described(
            filled({ord("「"), ord("」"), *REFUSED_LINE}),
            "条款号应为一行文字，不能含「」（「」用于标出原文引语），如 二(一)2、附件第5项",
            "a section is one line without 「」 (which mark a quote), such as 二(一)2 or 附件第5项",
        ),
    ),
]
#: A name or title: as :data:`NonEmpty`, on one line.
Name = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True, pattern=FILLED_LINE_PATTERN)]

#: The validation context of values read from a package's JSON form (rows and descriptor): there a
#: citation is a clause id or an object, as the published schemas say, never text.
JSON_FORM: dict[str, str] = {"form": "json"}

# ``DOC#SECTION`` or ``DOC#SECTION「quoted sentence」``, the cell form in CSV.
_CITATION_TEXT = re.compile(r"^(?P<document>[^#「」]+)#(?P<section>[^「」]*)(?:「(?P<quote>.*)」)?$", re.DOTALL)


#: A citation's text inside a section: what follows a citation run into the one before it.
_CITED_AGAIN = re.compile(rf"(?:{LAYER_ID_PATTERN})\.document\.{LOCAL_ID_PATTERN}#")


def runs_together(text: str) -> bool:
    """Whether a citation's text is several run into one section: 文件#三，文件#二 (joined by a comma, not ``|``).

    Only a section holding another document's id and its ``#`` is so; a ``#`` alone is a section's own text.
    """
    match = _CITATION_TEXT.match(text.strip())
    return match is not None and _CITED_AGAIN.search(match["section"]) is not None


class Citation(Model):
    """A pointer at a document and a section, optionally with the quoted sentence.

    In CSV cells (and in Python, YAML and workbooks) a citation may be written
    ``DOCUMENT#SECTION`` or ``DOCUMENT#SECTION「quoted sentence」``; in a package's JSON form,
    validated with the context :data:`JSON_FORM`, it is an object (or a clause id, resolved
    before), as the published schemas say: the JSON form is the machine form, one spelling per
    citation, read without parsing a cell's mini-language.
    """

    model_config = model_meta(
        "出处",
        "Citation",
        "指向一份来源文件及其条款，可附原文引述。",
        "Points at a source document and a section, optionally quoting it.",
    )

    document: DocumentId = field("文件", "Document", desc_zh="被引用文件的标识。", desc_en="Id of the cited document.")
    section: Section | None = field(
        "条款",
        "Section",
        desc_zh="文件中的条款，例如 二(一)1 或 附件第5项。",
        desc_en="The section within the document, e.g. 二(一)1.",
        default=None,
    )
    quote: NonEmpty | None = field(
        "原文", "Quote", desc_zh="条款原文引述。", desc_en="The quoted sentence.", default=None
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any, info: ValidationInfo) -> Any:  # noqa: ANN401 - pydantic hands raw input
        if isinstance(data, str):
            if info.context == JSON_FORM:
                raise model_error("citation-text-in-json", value=data.strip())
            match = _CITATION_TEXT.match(data.strip())
            if match is None:
                raise model_error("citation-form", value=data.strip())
            if runs_together(data):
                raise model_error("citation-joined", value=data.strip())
            return {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()}
        return data

    def to_text(self) -> str:
        """Return the CSV cell form, ``DOCUMENT#SECTION「quote」``."""
        text = f"{self.document}#{self.section or ''}"
        if self.quote:
            text += f"「{self.quote}」"
        return text

    def readable(self, title: str | None = None) -> str:
        """Return the form reports show, ``DOCUMENT SECTION「quote」``.

        The document reads as ``title`` where it is given, as a reader knows it (``厅字〔2022〕28号 二(一)1「…」``,
        ``不应由基层群众性自治组织出具证明事项清单（第一批） 第5项``: :meth:`Document.known_as`), else by its id.
        Nothing is added that the citation does not hold.
        """
        text = (title or self.document) + (f" {self.section}" if self.section else "")
        return text + (f"「{self.quote}」" if self.quote else "")


class Document(Model):
    """A source document a catalog cites: a law, a regulation, an opinion, an annex."""

    model_config = model_meta(
        "来源文件",
        "Source document",
        "目录条目引用的法律、法规、党内法规或文件（含附件）。",
        "A law, regulation, party regulation or policy document (or an annex) that items cite.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="documents",
        segment="document",
        slug="document",
        role="source",
        # A 文号 identifies a document; titles repeat across levels (each level issues its own
        # 《关于规范村级组织工作事务、机制牌子和证明事项的工作措施》).
        rules=ItemRules(cancel_forbidden=True, identity_fields=("number",)),
        sheet="来源文件",
    )

    id: DocumentId = field(
        "标识",
        "Id",
        desc_zh="形如 <层标识>.document.<名>，例如 cn.document.tingzi-2022-28。",
        desc_en="Of the form <layer>.document.<name>, e.g. cn.document.tingzi-2022-28.",
    )
    title: Name = field("标题", "Title")
    number: NonEmpty | None = field(
        "文号",
        "Document number",
        desc_zh="例如 厅字〔2022〕28号。",
        desc_en="E.g. 厅字〔2022〕28号.",
        default=None,
    )
    issuers: tuple[NonEmpty, ...] = field("发文机关", "Issuers", default_factory=tuple)
    issued: DateText | None = field(
        "发布日期",
        "Issued",
        desc_zh="YYYY、YYYY-MM 或 YYYY-MM-DD；来源未载明时留空。",
        desc_en="YYYY, YYYY-MM or YYYY-MM-DD; empty where the source does not say.",
        default=None,
    )
    url: (
        Annotated[
            str,
            StringConstraints(
                pattern=described(
                    f"^https?://[^{class_of(SPACES | REFUSED_LINE)}]+$",
                    "网址应以 http:// 或 https:// 开头，不含空格，如 https://www.gov.cn/",
                    "a URL starts with http:// or https:// and has no spaces, such as https://www.gov.cn/",
                )
            ),
        ]
        | None
    ) = field("网址", "URL", default=None)
    authority: Authority = field("效力层级", "Authority")
    list_size: int | None = field(
        "清单条目数",
        "List size",
        desc_zh="来源说明的清单条目总数（如“9条”）；本层记录不全时据此说明缺了几项。来源未说明时留空。",
        desc_en="How many entries the source says its list has (such as 9条); where fewer are recorded, "
        "the difference is what is not known. Empty where the source does not say.",
        ge=1,
        le=MAX_COUNT,
        default=None,
    )
    part_of: DocumentId | None = field(
        "所属文件",
        "Part of",
        desc_zh="附件所属的文件；附件只列名而未随文公布时，据此记录。",
        desc_en="The document an annex belongs to; records annexes that are named but not included.",
        default=None,
    )
    included: StrictBool = field(
        "全文可得",
        "Text included",
        desc_zh="来源中是否载有全文；仅列名的附件为否。",
        desc_en="Whether the source reproduces its text; false for annexes only named.",
        default=True,
    )

    def known_as(self) -> str:
        """The document as a reader knows it: its 文号 (厅字〔2022〕28号), or its title; an annex by its title.

        An annex shares its document's 文号, so only its title (附件2 …) tells it apart.
        """
        return self.number if self.number and not self.part_of else self.title


class Clause(Model):
    """One cited passage: a document, a section, and the verbatim quote, written once.

    Items cite clauses by id in a package's files, so a quote cited by many rows is stored
    once; in memory every item still carries its :class:`Citation` objects.
    """

    model_config = model_meta(
        "条款",
        "Clause",
        "被引用的一处条款：文件、条款号和原文，每处只写一次，条目按标识引用。",
        "A cited passage: document, section and verbatim quote, written once and cited by id.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="clauses",
        segment="clause",
        slug="clause",
        role="source",
        rules=ItemRules(cancel_forbidden=True, identity_fields=()),
        sheet="条款",
        in_catalog=False,
    )

    id: Annotated[str, StringConstraints(pattern=CLAUSE_ID_PATTERN)] = field(
        "标识",
        "Id",
        desc_zh="形如 <层标识>.clause.<名>，例如 cn.clause.tingzi-2022-28-2-1-1。",
        desc_en="Of the form <layer>.clause.<name>, e.g. cn.clause.tingzi-2022-28-2-1-1.",
    )
    document: DocumentId = field("文件", "Document", desc_zh="被引用文件的标识。", desc_en="Id of the cited document.")
    section: Section | None = field(
        "条款号",
        "Section",
        desc_zh="文件中的条款，照原文结构书写，例如 二(二)6 或 附件第5项。",
        desc_en="The section within the document, as the document numbers it, e.g. 二(二)6.",
        default=None,
    )
    quote: NonEmpty | None = field(
        "原文", "Quote", desc_zh="条款原文，逐字引述。", desc_en="The verbatim quote.", default=None
    )

    def citation(self) -> Citation:
        """Return the citation this clause stands for."""
        return Citation(document=self.document, section=self.section, quote=self.quote)
