"""Counter values as Word writes them for each w:numFmt."""
import pytest

from converter.reading.ooxml.number_formats import format_number


@pytest.mark.parametrize("value, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCounting", "二十"), (105, "chineseCounting", "一百零五"), (110, "chineseCounting", "一百一十"),
    (3, "chineseLegalSimplified", "叁"), (2, "ideographTraditional", "乙"), (4, "decimalEnclosedCircle", "④"),
    (3, "decimalEnclosedParen", "⑶"), (12, "decimalFullWidth", "１２"), (4, "upperRoman", "IV"),
    (28, "lowerLetter", "bb"), (7, "decimalZero", "07"), (5, "none", ""), (5, "someFutureFormat", "5"),
    (3, "taiwaneseCountingThousand", "三"), (11, "taiwaneseCountingThousand", "十一"), (10, "taiwaneseDigital", "一〇"),
])
def test_numbers_are_written_in_the_format_word_uses(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_absurd_start_values_fall_back_to_digits():
    assert format_number(999_999_999, "lowerLetter") == "999999999"
