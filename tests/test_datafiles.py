"""The shared tab-separated data reader."""

from __future__ import annotations

import pytest

from eventcoder.datafiles import read_rows
from eventcoder.errors import ModelError


def test_rows_skip_comments_and_blanks_and_keep_line_numbers(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# header\n\na\tb\tc\nd\te\n", encoding="utf-8")
    assert read_rows(path, 2) == [(3, ["a", "b", "c"]), (4, ["d", "e"])]
    assert read_rows(path, 3, pad=True)[1] == (4, ["d", "e", ""])


def test_short_rows_and_missing_files_name_the_place(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("a\tb\nc\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"E103.*line 2"):
        read_rows(path, 2)
    with pytest.raises(ModelError, match="E103"):
        read_rows(tmp_path / "none.tsv", 1)
