import xml.etree.ElementTree as ET

from site_entries import catalog, entry

from converter.site.feeds import atom, feeds, timestamp

ATOM = "{http://www.w3.org/2005/Atom}"


def href(src: str) -> str:
    return "https://e.cn/" + src.removesuffix(".md") + "/"


def test_there_is_a_feed_for_the_archive_and_one_per_issuer():
    cat = catalog(entry(issuer="区科技局"), entry(issuer="区农业局"))
    paths = [f.path for f in feeds(cat, "档案")]
    assert paths[0] == "feed.xml"
    assert sorted(paths[1:]) == ["issuers/qukejiju/feed.xml", "issuers/qunongyeju/feed.xml"]


def test_entries_are_newest_added_first_and_dated_from_front_matter():
    older, newer = entry(2023, imported="2024-01-05", slug="a"), entry(2020, imported="2024-03-01", slug="b")
    feed = feeds(catalog(older, newer), "档案")[0]
    root = ET.fromstring(atom(feed, "档案", href))
    assert [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")] == [
        "https://e.cn/reports/2020/b/", "https://e.cn/reports/2023/a/"]
    assert root.find(f"{ATOM}updated").text == "2024-03-01T00:00:00+08:00"


def test_the_same_archive_gives_the_same_feed_bytes():
    cat = catalog(entry(2023, imported="2024-01-05"), entry(2022, issuer="区农业局"))
    first = [atom(f, "档案", href) for f in feeds(cat, "档案")]
    assert first == [atom(f, "档案", href) for f in feeds(cat, "档案")]


def test_entry_ids_come_from_the_original_not_the_address():
    report = entry()
    feed = feeds(catalog(report), "档案")[0]
    one = ET.fromstring(atom(feed, "档案", href)).find(f"{ATOM}entry/{ATOM}id").text
    two = ET.fromstring(atom(feed, "档案", lambda s: "/elsewhere/")).find(f"{ATOM}entry/{ATOM}id").text
    assert one == two and one.startswith("urn:uuid:")


def test_titles_with_markup_stay_text():
    feed = feeds(catalog(entry(title="<b>&标题</b>")), "档案")[0]
    root = ET.fromstring(atom(feed, "档案", href))
    assert root.find(f"{ATOM}entry/{ATOM}title").text == "<b>&标题</b>"


def test_timestamps_are_rfc3339_in_china_time_unless_zoned():
    assert timestamp("2024-01-05") == "2024-01-05T00:00:00+08:00"
    assert timestamp("2024-01-05T10:00:00Z") == "2024-01-05T10:00:00Z"
    assert timestamp("2024-01-05T10:00:00") == "2024-01-05T10:00:00+08:00"
