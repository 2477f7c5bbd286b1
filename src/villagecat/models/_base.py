"""Shared building blocks of the models: the strict base, bilingual fields, vocabularies.

Every field is declared through :func:`field`, which puts the Chinese title in the
JSON Schema ``title``, both languages in ``description``, and the English title and
the unit in the annotation keywords ``x-title-en`` and ``x-unit``. Closed vocabularies
derive from :class:`Vocab`: their values are English slugs (what code compares), and
each member carries its Chinese label, published in the schema as ``x-enum-titles``.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from villagecat._arguments import need_lang
from villagecat._budget import BUDGETS
from villagecat._i18n import Both
from villagecat._patterns import described
from villagecat.format.rules import FieldRule  # noqa: TC001 - field() is called at class creation

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pydantic import GetJsonSchemaHandler, PrivateAttr
    from pydantic._internal._model_construction import ModelMetaclass
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema
    from typing_extensions import Self, dataclass_transform

__all__ = [
    "DATE_PATTERN",
    "ITEM_ID_PATTERN",
    "ITEM_REF_PATTERN",
    "LAYER_ID_PATTERN",
    "LAYER_REF_PATTERN",
    "LOCAL_ID_PATTERN",
    "MAX_COUNT",
    "SEMVER_PATTERN",
    "DateText",
    "Model",
    "Vocab",
    "copy_unchecked",
    "field",
    "impossible_date",
    "model_meta",
]

#: A layer id: ``cn`` for the national layer, else the jurisdiction's division code
#: (6 digits for province, prefecture and county; 9 digits for a township).
LAYER_ID_PATTERN = r"cn|[0-9]{6}|[0-9]{9}"
#: The local part of an item id: lower-case ASCII words joined by hyphens.
LOCAL_ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: ``<layer>.<kind>.<local>``, e.g. ``cn.certificate.no-criminal-record``.
ITEM_ID_PATTERN = rf"(?:{LAYER_ID_PATTERN})\.[a-z]+\.{LOCAL_ID_PATTERN}"
#: A whole value that is an item id (a target, a replaced item).
ITEM_REF_PATTERN = described(
    rf"^{ITEM_ID_PATTERN}$",
    "应为条目标识，写作“层级代码.种类.小写英文字母或数字”，如 cn.duty.village-affairs",
    "must be an item id, written <layer>.<kind>.<lower-case letters or digits>, such as cn.duty.village-affairs",
)
#: A whole value that is a layer id.
LAYER_REF_PATTERN = described(
    rf"^(?:{LAYER_ID_PATTERN})$",
    "层级代码应为 cn（全国）或 6 位、9 位行政区划代码，如 220000",
    "a layer id is cn (national) or a 6- or 9-digit division code, such as 220000",
)
#: A date as precise as the source gives it. The calendar has no year 0 (0000 is no year a source
#: gives, and ``datetime`` refuses it), so the pattern refuses it too: a year alone is checked by nothing else.
DATE_PATTERN = described(
    r"^(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])(-[0-9]{2}(-[0-9]{2})?)?$",
    "日期写作 2023-09-01、2023-09 或 2023（年份不能为 0000）",
    "a date is written 2023-09-01, 2023-09 or 2023 (the year cannot be 0000)",
)


def impossible_date(text: str) -> str | None:
    """Why a date of the pattern's shape is not on the calendar (2023-13, 2023-02-30): a message key, or None.

    The pattern checks the shape, as the published schemas do; this checks the calendar.
    """
    import datetime as dt  # noqa: PLC0415

    year, *rest = (int(part) for part in text.split("-"))
    if not rest:  # a year alone is any year
        return None
    month, day = rest[0], rest[1] if len(rest) > 1 else 1
    try:
        dt.date(year, month, day)
    except ValueError:
        return "date-impossible-day" if len(rest) > 1 else "date-impossible-month"
    return None


def _existing(text: str) -> str:
    """A date given to the month or the day must exist: 2023-13 and 2023-02-30 do not."""
    from villagecat._i18n import model_error  # noqa: PLC0415

    key = impossible_date(text)
    if key is not None:
        raise model_error(key, value=text)
    return text


#: A date as precise as the source gives it, that exists (2023, 2023-09 or 2023-09-01).
DateText = Annotated[str, StringConstraints(pattern=DATE_PATTERN), AfterValidator(_existing)]
#: The largest whole number any field holds: a quota's count of plaques, a plaque's rank, the entries of a
#: document's list. None comes near the most entries one list may have (the list budget's default), which
#: bounds them all. Every integer field declares it as its ``le`` (published as the schemas' ``maximum``),
#: so a count of 1e20 or 2⁶³ is refused alike by villagecat and by any validator of the schemas.
MAX_COUNT = BUDGETS["list"].default
#: A release version.
SEMVER_PATTERN = described(
    r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$",
    "版本号写作“主版本.次版本.修订号”，如 1.0.0",
    "a version is written major.minor.patch, such as 1.0.0",
)


def field(  # noqa: PLR0913 - every argument is a keyword with a clear role
    zh: str,
    en: str,
    *,
    desc_zh: str | None = None,
    desc_en: str | None = None,
    unit: str | None = None,
    rule: FieldRule | None = None,
    change: str | None = None,
    former: tuple[str, ...] = (),
    former_titles: tuple[str, ...] = (),
    **kwargs: Any,  # noqa: ANN401 - forwarded unchanged to pydantic.Field
) -> Any:  # noqa: ANN401 - pydantic.Field itself returns Any
    """Declare a model field with Chinese and English titles and descriptions.

    Everything declared here reaches the format registry
    (:mod:`villagecat.format.registry`), and from there the schemas, codecs, merge and diff.

    Args:
        zh: Chinese title (the schema ``title``).
        en: English title (``x-title-en``).
        desc_zh: Chinese description.
        desc_en: English description.
        unit: The unit of a number (``m2``, ``cm``, ``percent``), published as ``x-unit``.
        rule: The field's merge rule (:mod:`villagecat.format.rules`), published as ``x-merge``.
        change: The field's part of change codes, when it is not the name with hyphens.
        former: Names the field had in earlier formats (the upgraders rename them).
        former_titles: Chinese titles the field had before (a workbook exported then has them as column headers,
            and import still reads them), published as ``x-former-titles``.
        **kwargs: Passed to :func:`pydantic.Field` (defaults, constraints).

    Returns:
        The pydantic ``FieldInfo``.
    """
    extra: dict[str, Any] = {"x-title-en": en}
    if unit is not None:
        extra["x-unit"] = unit
    if rule is not None:
        extra["x-merge"] = rule.to_json()
    if change is not None:
        extra["x-change"] = change
    if former:
        extra["x-former-names"] = list(former)
    if former_titles:
        extra["x-former-titles"] = list(former_titles)
    parts = [p for p in (desc_zh, desc_en) if p]
    description = "\n\n".join(parts) if parts else f"{zh} / {en}"
    if kwargs.get("default_factory") is tuple and "max_length" not in kwargs:
        # A list field: bounded by the list budget, checked in pydantic-core (read once, at import).
        from villagecat._budget import limit  # noqa: PLC0415

        kwargs["max_length"] = limit("list")
    info = Field(title=zh, description=description, json_schema_extra=extra, **kwargs)
    if rule is not None:
        # The typed rule travels in the field's metadata, where the registry finds it;
        # pydantic ignores metadata it does not know.
        info.metadata.append(rule)
    return info


def model_meta(zh: str, en: str, desc_zh: str, desc_en: str) -> ConfigDict:
    """Return the model configuration shared by every villagecat model.

    Unknown fields are rejected and the model's schema gets its bilingual title and
    description. Item-level merge rules are declared on the model's ``spec``
    (:class:`villagecat.format.registry.KindSpec`).
    """
    extra: dict[str, Any] = {"x-title-en": en, "description": f"{desc_zh}\n\n{desc_en}"}
    return ConfigDict(
        extra="forbid",
        frozen=True,
        title=zh,
        json_schema_extra=extra,
        use_attribute_docstrings=False,
        defer_build=True,  # build each core schema on first use: `import villagecat` stays light
        validate_default=False,
        allow_inf_nan=False,  # no size, area, count or share is NaN or infinite
    )


_M = TypeVar("_M", bound=BaseModel)

if TYPE_CHECKING:
    # What a type checker sees: pydantic's metaclass, with villagecat's field() among the field
    # specifiers (PEP 681). pydantic's own dataclass_transform names pydantic.Field alone, so a field
    # declared with field(...) looked like one with a default, and a model built without a required
    # field type-checked. A specifier's call gives a default only through its default= or
    # default_factory= argument, as field(...) passes them on to pydantic.Field. mypy (with or without
    # pydantic's plugin, which only resets pydantic's own metaclass) and pyright read it alike.
    # frozen_default: the models are frozen (model_meta), so assigning a field is an error to them too.
    @dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field, PrivateAttr, field))
    class _ModelMetaclass(ModelMetaclass):
        """pydantic's metaclass, as type checkers see villagecat's models."""

else:  # at run time, pydantic's metaclass itself: nothing changes
    _ModelMetaclass = type(BaseModel)


class Model(BaseModel, metaclass=_ModelMetaclass):
    """The base of every villagecat model: a copy with changes is validated as a new model is.

    pydantic's ``model_copy(update=...)`` puts the changed values in place unchecked; villagecat's
    models are frozen, so a copy with changes is how a caller edits one, and it must hold the
    same rules as the rows read from a package. :meth:`model_copy` therefore validates the
    result, raising :class:`pydantic.ValidationError` for what the constructor would refuse.
    """

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """Return a copy; with ``update``, validated as a new model is (the fields given stay those given).

        Args:
            update: Fields to change, by name, with values as the constructor takes them.
            deep: Copy nested values too (without ``update``: the models are frozen, so rarely needed).

        Raises:
            pydantic.ValidationError: if a changed value, or the model as changed, breaks a rule
                (an unknown field included).
        """
        if not update:
            return super().model_copy(deep=deep)
        given = {name: getattr(self, name) for name in self.model_fields_set}
        return self.model_validate({**given, **update})


def copy_unchecked(model: _M, update: Mapping[str, Any]) -> _M:
    """``model`` with ``update`` put in place unvalidated: only for values the caller has validated.

    The merge changes one field at a time with values already checked against the field
    (an override's value is typed when read); validating the whole item again each time
    would make merging a nation's layers several times slower.
    """
    return BaseModel.model_copy(model, update=update)


class Vocab(str, Enum):
    """A closed vocabulary: English slug values, Chinese labels, Chinese schema title.

    Subclasses declare members as ``NAME = "slug", "中文标签"`` and set the class
    attribute ``__titles__ = ("中文标题", "English title")`` (a dunder name, so
    the enum machinery does not take it for a member).
    """

    label: str
    __titles__: ClassVar[tuple[str, str]] = ("", "")
    #: Other words a clerk writes for a value (the sources' own: 村（社区） means both): text -> slug.
    __synonyms__: ClassVar[dict[str, str]] = {}

    def __new__(cls, value: str, label: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    def __str__(self) -> str:
        """Return the slug, so f-strings and CSV cells show the value."""
        return str(self.value)

    def shown(self, lang: str) -> str:
        """The word as a value is shown (a diff, a conflict): 标牌（plaque） in Chinese, its code in English."""
        lang = need_lang(lang)
        return f"{self.label}（{self.value}）" if lang == "zh" else str(self.value)

    @property
    def words(self) -> Both:
        """The word in a report's sentence: its label alone in Chinese (no code for a clerk), its code in English.

        The one reading of a value in running text: checks' findings, refusals, the catalog's summaries.
        A vocabulary has no English label of its own; its code, read as words (``not_to_issue`` as
        not to issue), is its English word.
        """
        return Both(self.label, str(self.value).replace("_", " "))

    @classmethod
    def from_text(cls, text: str) -> Vocab:
        """Return the member whose slug or Chinese label is ``text`` (or the label's words before its brackets).

        Raises:
            ValueError: if ``text`` names no member.
        """
        import unicodedata  # noqa: PLC0415

        key = unicodedata.normalize("NFKC", text).strip()
        synonyms = {unicodedata.normalize("NFKC", k): v for k, v in cls.__synonyms__.items()}
        for member in cls:
            if key in (member.value, unicodedata.normalize("NFKC", member.label)) or synonyms.get(key) == member.value:
                return member
        # A label's words before its explanation in brackets, as the sources write them: 费随事转 for
        # 费随事转（部门提供经费和工作条件）, 服务团队 for 服务团队（岗位）; where one label alone reads so.
        labels = {m: unicodedata.normalize("NFKC", m.label) for m in cls}
        headed = [m for m, label in labels.items() if "(" in label and label.split("(")[0] == key]
        if len(headed) == 1:
            return headed[0]
        return cls._read_as_names_are(text)

    @classmethod
    def _read_as_names_are(cls, text: str) -> Vocab:
        """The member ``text`` names once compared as names are: traditional characters (標牌), capitals, spaces.

        Only where the exact reading found none (a clerk's usual words never pay for the converter), and only one
        member: two read alike would be a guess.

        Raises:
            ValueError: if ``text`` names no member, or more than one, so read.
        """
        from villagecat._names import normalise_name  # noqa: PLC0415 - the converter loads only for such a word

        key = normalise_name(text)
        found = {
            member
            for member in cls
            for word in (member.value, member.label, *(k for k, v in cls.__synonyms__.items() if v == member.value))
            if normalise_name(word) == key
        }
        if len(found) == 1:
            return found.pop()
        raise ValueError(text)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """Publish the Chinese title and the label of every value."""
        schema = handler(core_schema)
        schema = handler.resolve_ref_schema(schema)
        schema["title"], schema["x-title-en"] = cls.__titles__
        schema["description"] = "；".join(f"{m.value} = {m.label}" for m in cls)
        schema["x-enum-titles"] = {m.value: m.label for m in cls}
        return schema
