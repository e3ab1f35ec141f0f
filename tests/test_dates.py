"""Chinese dates and years as reports write them."""
import datetime as dt

import pytest

from converter.metadata.dates import find_dates, find_years, parse_date


@pytest.mark.parametrize("text", ["二○二三年十二月二十日", "二〇二三年十二月二十日", "二O二三年十二月二十日",
                                  "二零二三年十二月二十日", "二0二三年十二月二十日", "2023年12月20日", "２０２３年１２月２０日",
                                  "2023 年 12 月 20 日", "2023-12-20", "2023.12.20", "2023/12/20"])
def test_every_way_of_writing_a_date_is_parsed(text):
    assert parse_date(text) == dt.date(2023, 12, 20)


@pytest.mark.parametrize("text, expected", [("二〇一二年二月二十日", dt.date(2012, 2, 20)),
                                            ("二〇二四年十月一日", dt.date(2024, 10, 1)),
                                            ("二〇二四年十一月三十一日", None),
                                            ("二〇二四年一月廿一日", dt.date(2024, 1, 21)),
                                            ("二〇二四年十二月十日", dt.date(2024, 12, 10))])
def test_chinese_numeral_months_and_days(text, expected):
    assert parse_date(text) == expected


def test_impossible_dates_are_not_dates():
    assert parse_date("2023年2月30日") is None
    assert find_dates("截至2023年13月1日") == []


def test_text_around_a_date_means_it_is_not_a_date_line():
    assert parse_date("于2023年12月20日召开") is None


def test_dates_are_found_in_order_with_their_place():
    found = find_dates("——2025年1月16日在湖北省会议上，二○二五年一月十七日闭幕")
    assert [f.iso for f in found] == ["2025-01-16", "2025-01-17"]
    assert found[0].start == 2


def test_years_in_digits_brackets_and_numerals():
    assert find_years("平潭综合实验区社会事业局2024年工作总结及2025年工作思路") == [2024, 2025]
    assert find_years("政府工作报告（2025）") == [2025]
    assert find_years("区科技局二〇二三年工作总结") == [2023]
    assert find_years("12345热线") == []
