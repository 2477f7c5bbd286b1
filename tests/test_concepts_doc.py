"""The concepts page names what the format has: a developer reads there which resources a layer package holds."""

from __future__ import annotations

import re

from conftest import REPO
from villagecat.package import RESOURCES


def test_the_concepts_page_names_every_resource_of_a_layer_package() -> None:
    """It listed seven item kinds and left out ``obligations`` and ``milestones``, which every shipped layer has."""
    page = (REPO / "docs" / "concepts.md").read_text(encoding="utf-8")
    layers = page.split("## Layers", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([a-z_]+)`", layers))
    assert set(RESOURCES) - named == set()
