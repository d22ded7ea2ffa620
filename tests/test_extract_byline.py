"""Byline names made fit to show (newsledger.extract.byline), on made-up names."""
from __future__ import annotations

import pytest

from newsledger.extract.byline import tidy_name, tidy_names


@pytest.mark.parametrize("raw, clean", [
    ("Rechtsanwältin Jane Roe", "Jane Roe"),  # a profession before the name
    ("Jane Roe Chefredakteur", "Jane Roe"),  # a role after it
    ("Autor Roe", "Autor Roe"),  # two words of name are always kept
    ("Teilen Twittern Teilen Mailen", None),  # share buttons
    ("Youtube", None),
    ("Alle Beiträge", None),  # the author box's "all posts" link
    ("View all posts", None),
])
def test_roles_and_page_furniture(raw, clean):
    assert tidy_name(raw) == clean


def test_a_credential_split_off_at_its_comma_is_no_co_author():
    assert tidy_names(["Jane Roe", "PhD"]) == ["Jane Roe"]
    assert tidy_names(["Jane Roe", "M.D.", "John Doe", "MPH"]) == ["Jane Roe", "John Doe"]


def test_the_site_named_in_parts_is_no_co_author():
    assert tidy_names(["Jane Roe", "Die Gazette"], "Harbour news | Die Gazette") == ["Jane Roe"]
    assert tidy_names(["April Roe"], "Harbour news | AP") == ["April Roe"]  # a short part is no stem
