from typing import Any

from bench.import_diff import differences, read_file

_A: dict[str, Any] = {"title": "甲", "date": "2024年5月6日", "publisher": "", "paragraphs": ["一。", "二。"]}


def test_a_file_read_differently_shows_its_heads_and_paragraphs_lost_and_gained():
    before: dict[str, Any] = {"x.txt": [_A], "y.txt": [_A], "z.txt": [_A]}
    after: dict[str, Any] = {"x.txt": [{**_A, "title": "乙"}], "y.txt": [{**_A, "paragraphs": ["一。二。"]}],
                             "z.txt": [_A]}
    assert differences(before, after) == ["== x.txt", "  - ('甲', '2024年5月6日', '')",
                                          "  + ('乙', '2024年5月6日', '')", "== y.txt (paragraphs only)"]
    assert differences(before, after, paragraphs=True)[-3:] == ["    -p 一。", "    -p 二。", "    +p 一。二。"]


def test_a_file_is_read_as_kb_add_reads_it_and_a_refusal_says_why(tmp_path):
    (tmp_path / "notice.txt").write_text("某某社区停水通知\n5月7日上午8点到12点停水，请提前储水。\n", encoding="utf-8")
    reading = read_file(tmp_path / "notice.txt")
    assert isinstance(reading, list)
    [article] = reading
    assert (article["title"], article["paragraphs"]) == ("某某社区停水通知", ["5月7日上午8点到12点停水，请提前储水。"])
    (tmp_path / "notice.wps").write_bytes(b"\x00")
    assert str(read_file(tmp_path / "notice.wps")).startswith("refused: WPS")
