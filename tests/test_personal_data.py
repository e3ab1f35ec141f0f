"""Personal data: resident ID, mobile and bank card numbers, each only when it really is one."""
from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.data import rules
from converter.safety import digit_forms, personal_data
from converter.safety.personal_data import find_personal_data, is_bank_card, is_credit_code, is_resident_id

VALID_ID = "11010519491231002X"  # GB 11643 example
VALID_CARD = "6222020200112233446"  # 19 digits, Luhn-valid
CREDIT_CODE = "513301000000000073"  # GB 32100-valid (a 社会组织), all digits, and Luhn-valid too
ID_PASSING_LUHN = "110105194912310150"


def kinds(text: str) -> list[str]:
    return [found.kind for found in find_personal_data(text)]


def test_a_resident_id_with_a_valid_check_digit_is_found_and_masked():
    found = find_personal_data(f"身份证号：{VALID_ID}。")
    assert [(f.kind, f.shown) for f in found] == [("id-number", "1101**********002X")]


@pytest.mark.parametrize("number", ["110105194912310021", "110105194913310027", "990105194912310023"])
def test_an_eighteen_digit_number_failing_the_id_rules_is_not_an_id(number):
    """Wrong check digit; month 13; province 99."""
    assert "id-number" not in kinds(f"编号{number}号")


def test_a_legacy_fifteen_digit_id_with_a_real_birth_date_is_found():
    assert kinds("原身份证号 110105491231002 已换发") == ["id-number"]


@pytest.mark.parametrize("text", ["联系电话13812345678。", "手机：138-1234-5678", "+86 138 1234 5678", "电话:19912345678"])
def test_mobile_numbers_are_found_however_they_are_written(text):
    assert kinds(text) == ["phone"]


@pytest.mark.parametrize("text", ["流水号013812345678901", "总投资15000000000元", "共12812345678户",
                                  "订单138123456789", "固定电话 0571-87654321"])
def test_digits_that_only_look_like_a_mobile_number_are_not_one(text):
    assert "phone" not in kinds(text)


def luhn(digits: str) -> bool:
    total = 0
    for index, digit in enumerate(reversed(digits)):
        doubled = int(digit) * (2 if index % 2 else 1)
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def test_a_luhn_valid_card_number_is_found_also_in_groups_of_four():
    assert luhn(VALID_CARD) and is_bank_card(VALID_CARD)
    grouped = " ".join(VALID_CARD[i:i + 4] for i in range(0, 19, 4))
    assert kinds(f"账号 {grouped} 开户行") == ["bank-card"]


def test_a_card_number_failing_luhn_is_not_reported():
    wrong = VALID_CARD[:-1] + str((int(VALID_CARD[-1]) + 1) % 10)
    assert kinds(f"账号 {wrong}") == []


def test_an_organisations_credit_code_is_not_taken_for_a_card():
    assert luhn(CREDIT_CODE) and is_credit_code(CREDIT_CODE)
    assert kinds(f"统一社会信用代码：{CREDIT_CODE}") == []


def test_an_id_number_is_reported_once_even_when_it_also_passes_luhn():
    assert luhn(ID_PASSING_LUHN) and is_resident_id(ID_PASSING_LUHN)
    assert kinds(ID_PASSING_LUHN) == ["id-number"]


def test_amounts_dates_and_document_numbers_are_not_personal_data():
    text = ("2023年全年完成固定资产投资1234567890123456元，同比增长8.5%；"
            "文号 明政发〔2023〕12号，2023年12月28日印发，邮编310000。")
    assert kinds(text) == []


def test_numbers_typed_in_fullwidth_digits_are_found_too():
    fullwidth = VALID_ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert kinds(f"身份证{fullwidth}，手机１３８１２３４５６７８") == ["id-number", "phone"]


NUMBERISH = st.text(alphabet="0123456789０１２３４５６７８９①⑴⒈¹²½⑽㏠𝟏🄁X+-－ \t\u3000\u00a0\u2007¨年元，。8613",
                    max_size=60)


DIGIT_FORMS = ["0123456789", "０１２３４５６７８９", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "⁰¹²³⁴⁵⁶⁷⁸⁹", "₀₁₂₃₄₅₆₇₈₉"]


@st.composite
def mobile_in_mixed_digits(draw) -> str:
    """A mobile number with each digit in any of its Unicode forms, maybe with separators NFKC makes."""
    digits = "1" + draw(st.sampled_from("3456789")) + "".join(draw(st.lists(st.sampled_from("0123456789"),
                                                                            min_size=9, max_size=9)))
    shown = "".join(draw(st.sampled_from(DIGIT_FORMS))[int(d)] for d in digits)
    gap = draw(st.sampled_from(["", " ", "\u3000", "\u00a0", "-", "－"]))
    return shown[:3] + gap + shown[3:7] + gap + shown[7:]


@given(st.lists(st.one_of(NUMBERISH, mobile_in_mixed_digits(),
                          st.sampled_from([VALID_ID, VALID_CARD, CREDIT_CODE, "138 1234 5678", "+86 139-1234-5678",
                                           "110105491231002"])), max_size=4))
@settings(max_examples=400, deadline=None)
def test_the_quick_look_for_a_long_run_of_digits_never_hides_a_finding(pieces):
    text = "".join(pieces)
    everything = re.compile("")  # the full scan, as without the quick look
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(personal_data, "CANDIDATE", everything)
        full = find_personal_data(text)
    assert find_personal_data(text) == full


def test_the_list_of_characters_nfkc_makes_digits_of_is_this_pythons_unicode_data():
    """The packaged list is what this Python's Unicode data gives; a Python with another Unicode version
    (3.12: 15.0, 3.13: 15.1) makes the list from its own data instead."""
    if rules("nfkc_digit_forms")["unicode_version"] == unicodedata.unidata_version:
        assert digit_forms.TABLE.read_text(encoding="utf-8") == digit_forms.table_text(), \
            "run `python -m converter.safety.digit_forms` to make the list again"
    assert sorted(digit_forms._forms()) == digit_forms.scan()


def test_projection_translates_a_line_exactly_when_it_holds_a_form_character():
    forms = digit_forms._forms()
    for code, form in forms.items():
        assert digit_forms.project(f"第{chr(code)}项") == f"第{form}项"
    line = "二〇二三年全市生产总值增长5.2%，城镇新增就业1.3万人"
    assert digit_forms.project(line) is line
