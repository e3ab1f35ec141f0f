"""The Content-Security-Policy meta tag: first in <head>, strict, once."""
from __future__ import annotations

from converter.site.csp import META, POLICY, with_policy

PAGE = '<!doctype html>\n<html lang="zh">\n  <head>\n    <meta charset="utf-8">\n    <title>x</title>\n  </head><body></body></html>'


def test_the_policy_allows_only_the_sites_own_origin_and_no_inline_script():
    directives = dict(d.split(" ", 1) for d in POLICY.split("; "))
    assert directives["default-src"] == directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in POLICY and "unsafe-eval" not in POLICY and "*" not in POLICY


def test_the_policy_is_the_first_thing_in_head():
    assert with_policy(PAGE).index("<head>") + len("<head>") == with_policy(PAGE).index(META)


def test_a_title_that_escaped_its_tag_comes_after_the_policy():
    hostile = PAGE.replace("<title>x</title>", "<title>x</title><script>alert(1)</script></title>")
    result = with_policy(hostile)
    assert result.index(META) < result.index("<script>")


def test_adding_the_policy_twice_adds_it_once():
    assert with_policy(with_policy(PAGE)).count(META) == 1


def test_a_document_without_head_is_left_alone():
    assert with_policy("<p>fragment</p>") == "<p>fragment</p>"
