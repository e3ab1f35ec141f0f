"""Counter values written the way a `w:numFmt` says: 一 二 三, (1), ①, iv, C …"""
from __future__ import annotations

CHINESE_DIGITS = "零一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese_counting(n: int, digits: str = CHINESE_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        parts.append(("" if digit == 1 and power == 10 and n < 20 else digits[digit]) + unit)
    return "".join(parts)


def roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cycle(symbols: str, n: int) -> str:
    return symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


def _enclosed(first: str, n: int, count: int = 20) -> str:
    return chr(ord(first) + n - 1) if 1 <= n <= count else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(FULL_WIDTH),
    "decimalHalfWidth": str,
    "upperRoman": lambda n: roman(n).upper(),
    "lowerRoman": roman,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerLetter": letters,
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,  # what LibreOffice writes for an .odt's 一, 二, 三 numbering
    "taiwaneseDigital": lambda n: "".join(CHINESE_DIGITS[int(d)] if d != "0" else "〇" for d in str(n)),
    "ideographDigital": lambda n: "".join(CHINESE_DIGITS[int(d)] if d != "0" else "〇" for d in str(n)),
    "chineseLegalSimplified": lambda n: chinese_counting(n, LEGAL_DIGITS, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_counting(n, LEGAL_DIGITS, "拾佰仟"),
    "ideographTraditional": lambda n: _cycle(TRADITIONAL, n),
    "ideographZodiac": lambda n: _cycle(ZODIAC, n),
    "decimalEnclosedCircle": lambda n: _enclosed("①", n),
    "decimalEnclosedCircleChinese": lambda n: _enclosed("①", n),
    "ideographEnclosedCircle": lambda n: _enclosed("㈠", n, 10),
    "decimalEnclosedFullstop": lambda n: _enclosed("⒈", n),
    "decimalEnclosedParen": lambda n: _enclosed("⑴", n),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    if not 0 <= n < 10000:  # a file may say start="999999999"; letters and numerals would explode
        return str(n)
    return FORMATS.get(fmt, str)(n)
