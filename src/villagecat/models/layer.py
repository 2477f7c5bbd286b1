"""A layer: one jurisdiction's catalog at one version, and its reference to the parent."""

from __future__ import annotations

import functools
from typing import Annotated

from pydantic import StringConstraints, model_validator

from villagecat._i18n import model_error
from villagecat._patterns import described
from villagecat._text import SPACE_CLASS
from villagecat.models._base import LAYER_REF_PATTERN, SEMVER_PATTERN, DateText, Model, field, model_meta
from villagecat.models.document import Citation, Name, NonEmpty
from villagecat.models.vocab import Level, Scope

__all__ = ["VERSION_RANGE_PATTERN", "AdmissionRoute", "Layer", "LayerId", "ParentRef", "Release"]

LayerId = Annotated[str, StringConstraints(pattern=LAYER_REF_PATTERN)]
SemVer = Annotated[str, StringConstraints(pattern=SEMVER_PATTERN)]
Slug = Annotated[
    str,
    StringConstraints(
        pattern=described(
            r"^[a-z][a-z0-9-]*$",
            "应以小写英文字母开头，由小写英文字母、数字和连字符组成，如 county-review",
            "starts with a lower-case letter, then lower-case letters, digits and hyphens, such as county-review",
        )
    ),
]

_RELEASE = r"[0-9]+(?:\.[0-9]+)*"
#: One comparison of a PEP 440 specifier, with a release number as its version (a parent's versions are
#: ``major.minor.patch``, so pre-, post- and dev-releases, local versions and ``===`` never apply):
#: ``==``/``!=`` may end in ``.*``, ``~=`` needs two parts or more.
_COMPARISON = rf"(?:(?:==|!=) *{_RELEASE}(?:\.\*)?|~= *[0-9]+(?:\.[0-9]+)+|(?:<=|>=|<|>) *{_RELEASE})"
#: A version range: comparisons joined by commas (a PEP 440 specifier set ``packaging`` reads, checked by
#: the model and the published schemas alike). Spaces may surround it, as around any text.
VERSION_RANGE_PATTERN = described(
    rf"^[{SPACE_CLASS}]*{_COMPARISON}(?: *, *{_COMPARISON})*[{SPACE_CLASS}]*$",
    "版本范围写作 >=0.3.0,<0.4.0 这样：比较符（>=、<、==、!=、~= 等）加版本号，多项用英文逗号分隔",
    "a version range is written like >=0.3.0,<0.4.0: comparisons (>=, <, ==, !=, ~=…) of version numbers, "
    "joined by commas",
)
VersionRange = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True, pattern=VERSION_RANGE_PATTERN)]


class ParentRef(Model):
    """The parent layer and the range of its versions a layer was written against."""

    model_config = model_meta(
        "上级层",
        "Parent layer",
        "本层所依托的上级层，以及编写时适用的上级版本范围。",
        "The layer above, and the range of its versions this layer was written against.",
    )

    id: LayerId = field("上级层标识", "Parent id")
    version_range: VersionRange = field(
        "版本范围",
        "Version range",
        desc_zh="本层适用的上级层版本：比较符加版本号，多项用英文逗号分隔，例如 >=0.1.0,<0.2.0（PEP 440 版本说明符，"
        "版本号只用数字）。",
        desc_en="The parent versions this layer fits: comparisons of version numbers joined by commas, e.g. "
        ">=0.1.0,<0.2.0 (PEP 440 specifiers of release numbers).",
    )

    def admits(self, version: str) -> bool:
        """Return whether the parent's ``version`` lies in the declared range."""
        return _admits(self.version_range, version)


@functools.lru_cache(maxsize=4096)
def _admits(version_range: str, version: str) -> bool:
    """Whether ``version`` lies in ``version_range`` (the same few pairs recur for every county of a province)."""
    from packaging.specifiers import SpecifierSet  # noqa: PLC0415 - keep import light
    from packaging.version import InvalidVersion, Version  # noqa: PLC0415

    try:
        return Version(version) in SpecifierSet(version_range)
    except InvalidVersion:
        return False


class AdmissionRoute(Model):
    """The approval route a layer defines for tasks outside its catalog (准入)."""

    model_config = model_meta(
        "准入审批程序",
        "Admission route",
        "清单以外的事项进入村（社区）须经的审批步骤。",
        "The steps a task outside the catalog must pass before it may reach a village.",
    )

    steps: tuple[NonEmpty, ...] = field("审批步骤", "Steps", min_length=1)
    citations: tuple[Citation, ...] = field("出处", "Citations", min_length=1)


class Release(Model):
    """One published version of a layer and what changed in it."""

    model_config = model_meta(
        "发布记录",
        "Release",
        "本层的一个已发布版本及其变更说明。",
        "One published version of the layer and what changed.",
    )

    version: SemVer = field("版本", "Version")
    date: DateText | None = field("发布日期", "Date", default=None)
    notes: NonEmpty = field("变更说明", "Notes")


class Layer(Model):
    """One jurisdiction's catalog at one version (the metadata of a data package)."""

    model_config = model_meta(
        "目录层",
        "Layer",
        "某一行政区划在某一版本的指导目录（数据包元数据）。",
        "A jurisdiction's catalog at one version (the metadata of a data package).",
    )

    id: LayerId = field(
        "层标识",
        "Layer id",
        desc_zh="国家层为 cn，其余为行政区划代码（县级以上 6 位，乡镇 9 位）。",
        desc_en="cn for the national layer, else the division code (6 digits, 9 for a township).",
    )
    level: Level = field("层级", "Level")
    division_code: (
        Annotated[
            str,
            StringConstraints(
                pattern=described(
                    r"^[0-9]{6}([0-9]{3})?$",
                    "行政区划代码为 6 位或 9 位数字，如 220000、140404",
                    "a division code is 6 or 9 digits, such as 220000 or 140404",
                )
            ),
        ]
        | None
    ) = field(
        "行政区划代码",
        "Division code",
        desc_zh="国家层留空。",
        desc_en="Empty for the national layer.",
        default=None,
    )
    name_zh: Name = field("中文名称", "Chinese name")
    name_en: Name = field("英文名称", "English name")
    slug: Slug = field(
        "简称",
        "Slug",
        desc_zh="小写拼音简称，例如 ninghe。",
        desc_en="Lower-case slug, e.g. ninghe.",
    )
    version: SemVer = field("版本", "Version", desc_zh="语义化版本号。", desc_en="Semantic version.")
    parent: ParentRef | None = field(
        "上级层",
        "Parent",
        desc_zh="国家层留空。",
        desc_en="Empty for the national layer.",
        default=None,
    )
    publisher: NonEmpty | None = field("发布机关", "Publisher", default=None)
    published: DateText | None = field("发布日期", "Published", default=None)
    effective: DateText | None = field("施行日期", "Effective", default=None)
    admission: AdmissionRoute | None = field(
        "准入审批程序",
        "Admission route",
        desc_zh="本层规定的清单外事项审批程序；未规定时留空。",
        desc_en="The approval route for tasks outside the catalog; empty where the layer sets none.",
        default=None,
    )
    releases: tuple[Release, ...] = field(
        "发布记录",
        "Releases",
        desc_zh="各版本的变更说明，最新在后；最后一条的版本须与本层版本一致。",
        desc_en="A changelog entry per release, newest last; the last one's version is the layer's version.",
        default_factory=tuple,
    )
    covers: tuple[Scope, ...] = field(
        "覆盖范围",
        "Covers",
        desc_zh="本层适用于村、社区或两者。",
        desc_en="Villages, communities or both.",
        min_length=1,
    )

    @property
    def reach(self) -> Scope:
        """Where the layer applies, as one scope: village, community, or both."""
        return Scope.BOTH if len(set(self.covers)) > 1 else self.covers[0]

    @model_validator(mode="after")
    def _consistent(self) -> Layer:
        if self.releases and self.releases[-1].version != self.version:
            last = self.releases[-1].version
            raise model_error("layer-last-release", last=last, version=self.version)
        if self.level is Level.NATIONAL:
            if self.id != "cn" or self.division_code is not None or self.parent is not None:
                raise model_error("layer-national")
        else:
            if self.division_code != self.id:
                raise model_error("layer-id-code")
            if self.parent is None:
                raise model_error("layer-parent")
        return self
