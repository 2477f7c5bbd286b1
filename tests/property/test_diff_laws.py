"""The laws of diffing and patching, checked on generated revisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st
from strategies import national, revision

from villagecat.diff import diff_packages, required_bump
from villagecat.patch import apply_patch, from_document, make_patch, to_document

if TYPE_CHECKING:
    from villagecat.package import LayerPackage

_ORDER = ["none", "patch", "minor", "major"]


@given(national())
def test_diff_of_a_package_with_itself_is_empty(a: LayerPackage) -> None:
    """diff(a, a) has no change and needs no bump."""
    report = diff_packages(a, a)
    assert report.changes == []
    assert report.suggested_bump == "none"


@given(st.data())
def test_applying_the_patch_of_a_diff_gives_the_new_version(data: st.DataObject) -> None:
    """apply(patch(a, b), a) == b, order included."""
    a = data.draw(national())
    b = data.draw(revision(a))
    assert from_document(apply_patch(to_document(a), make_patch(a, b))) == b


@given(st.data())
def test_the_suggested_bump_is_never_smaller_than_the_largest_change_requires(data: st.DataObject) -> None:
    """Any breaking change asks for a major bump, any warning at least a minor one."""
    a = data.draw(national())
    report = diff_packages(a, data.draw(revision(a)))
    needed = required_bump(c.level for c in report.changes)
    assert _ORDER.index(report.suggested_bump) >= _ORDER.index(needed)
    if any(c.level == "breaking" for c in report.changes):
        assert report.suggested_bump == "major"
    assert (report.changes == []) == (report.suggested_bump == "none")
