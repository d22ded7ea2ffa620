"""Time expressions normalised against the publication date (newsledger.analyze.dates)."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.analyze.dates import date_spans, find_dates, parse_published

SEED = (
    "Published at 10:09 Updated at 12:50\n\n"
    "North Korea has decided to send troops, South Korean intelligence said Friday.\n\n"
    "In a separate statement, the NIS said it had \u201cdetected from October 8 to 13 that North Korea "
    "transported its special forces to Russia\u201d.\n\n"
    "As relations have deteriorated in recent months, North Korea has moved closer to Russia. "
    "Vladimir Putin made a rare visit to Pyongyang in June.\n\n"
    "The NIS said Friday that North Korea had provided more than 13,000 containers since August.\n\n"
    "Ukrainian President Volodymyr Zelensky said Thursday he had information.\n\n"
    "More North Korean troops are expected to be sent soon.\n\n"
    "Six servicemen were killed near Donetsk on October 3.\n\n"
    "Teilor Stone has been a reporter on the news desk since 2013."
)


def by_text(dates, text):
    hits = [d for d in dates if d.text == text]
    assert hits, f"{text!r} not in {[d.text for d in dates]}"
    return hits[0]


def test_parse_published():
    assert parse_published("2024-10-18") == dt.date(2024, 10, 18)
    assert parse_published("2024-10-18T10:09:00+02:00") == dt.date(2024, 10, 18)
    assert parse_published("18 October 2024") == dt.date(2024, 10, 18)
    assert parse_published("October 18, 2024") == dt.date(2024, 10, 18)
    assert parse_published("Fri, 18 Oct 2024 10:09:00 GMT") == dt.date(2024, 10, 18)
    assert parse_published("10:09") is None
    assert parse_published(None) is None
    assert parse_published("not a date") is None


def test_seed_with_publication_year():
    ds = find_dates(SEED, "2024-10-18T10:09")
    for d in ds:
        assert SEED[d.start:d.end] == d.text
    assert by_text(ds, "October 3").value == "2024-10-03"
    iv = by_text(ds, "October 8 to 13")
    assert (iv.kind, iv.value) == ("interval", "2024-10-08/2024-10-13")
    assert by_text(ds, "Friday").value == "2024-10-18"  # on or before publication
    assert by_text(ds, "Thursday").value == "2024-10-17"
    assert by_text(ds, "June").value == "2024-06"
    since = by_text(ds, "since August")
    assert (since.kind, since.value) == ("interval", "2024-08/2024-10-18")
    assert by_text(ds, "since 2013").value == "2013/2024-10-18"
    assert by_text(ds, "recent months").kind == "duration"
    assert by_text(ds, "soon").value == "FUTURE_REF"
    assert by_text(ds, "10:09").value == "2024-10-18T10:09"


def test_seed_without_year():
    ds = find_dates(SEED, "10:09")  # the seed gives only a clock time
    assert by_text(ds, "October 3").value == "XXXX-10-03"
    assert by_text(ds, "October 8 to 13").value == "XXXX-10-08/XXXX-10-13"
    assert by_text(ds, "Friday").value == "XXXX-WXX-5"
    assert by_text(ds, "June").value == "XXXX-06"
    assert by_text(ds, "since August").value == "XXXX-08/PRESENT_REF"
    assert by_text(ds, "since 2013").value == "2013/PRESENT_REF"
    assert by_text(find_dates("He joined in 2013.", None), "2013").value == "2013"
    for d in ds:  # a year-less date never gets a guessed year
        assert not (d.value or "").startswith("20") or d.text in ("2013", "since 2013")


def test_no_publication_at_all():
    ds = find_dates("It happened on October 3.", None)
    assert [d.value for d in ds] == ["XXXX-10-03"]


@pytest.mark.parametrize("text,value", [
    ("It happened in December.", "2023-12"),  # after the publication month: previous year
    ("The summit will be held in December.", "2024-12"),  # future tense: this year
    ("The vote will take place in March.", "2025-03"),
    ("He was born on 12 March 2024.", "2024-03-12"),
    ("He was born on March 12, 2024.", "2024-03-12"),
    ("The file is dated 2024-03-12.", "2024-03-12"),
    ("It rained yesterday.", "2024-10-17"),
    ("It rains today.", "2024-10-18"),
    ("They met last week.", "2024-W41"),
    ("They met last month.", "2024-09"),
    ("They met last year.", "2023"),
    ("They met three years ago.", "2021"),
    ("Music of the 1990s.", "199"),
    ("We meet next Monday.", "2024-10-21"),
    ("Prices rose in the first quarter.", "2024-Q1"),
])
def test_normalisation(text, value):
    ds = find_dates(text, "2024-10-18")
    assert value in [d.value for d in ds], ds


def test_clock_time_and_duration():
    ds = find_dates("At 5:30 p.m. GMT, after 15 years of talks.", "2024-10-18")
    assert by_text(ds, "5:30 p.m. GMT").value == "2024-10-18T17:30"
    dur = by_text(ds, "15 years")
    assert (dur.kind, dur.value) == ("duration", "P15Y")


@pytest.mark.parametrize("text", [
    "2000 people were evacuated.", "The May figures may change.", "It costs $2019.",
    "a 2,013 km road",
])
def test_not_years(text):
    ds = find_dates(text, "2024-10-18")
    assert not any(d.value and d.value[:2] in ("20", "19") and len(d.value) == 4 for d in ds), ds


def test_date_spans_exclude_durations():
    spans = date_spans("In 2013 she spent three years on October 3 at 10:09.", None)
    texts = ["In 2013 she spent three years on October 3 at 10:09."[a:b] for a, b in spans]
    assert "three years" not in texts
    assert {"2013", "October 3", "10:09"} <= set(texts)


@pytest.mark.slow
def test_tempeval_dates():
    from newsledger.evaluate.quantities import evaluate_dates

    res = evaluate_dates()
    assert res["date_value_accuracy"] >= 0.85, res
    assert res["detection_relaxed"]["F1"] >= 0.88, res


# one or two invented sentences per pattern family: (text, expression, kind, value), published
# Friday 2024-10-18 (ISO week 42) unless the value shows otherwise
@pytest.mark.parametrize("text,expr,kind,value", [
    ("Filed at 2024-03-12T09:30:00Z.", "2024-03-12T09:30:00Z", "time", "2024-03-12T09:30"),
    ("The memo is dated 2024/3/5.", "2024/3/5", "date", "2024-03-05"),
    ("Talks ran from Dec. 28 to Jan. 3.", "Dec. 28 to Jan. 3", "interval", "2023-12-28/2024-01-03"),
    ("It met between 8 and 13 October 2022.", "8 and 13 October 2022", "interval", "2022-10-08/2022-10-13"),
    ("The plan was drafted in early March 2020.", "early March 2020", "date", "2020-03"),
    ("She left last June.", "last June", "date", "2024-06"),
    ("She returns next June.", "next June", "date", "2025-06"),
    ("The market opens on Thursdays.", "Thursdays", "set", "XXXX-WXX-4"),
    ("They spoke on Friday morning.", "Friday morning", "time", "2024-10-18TMO"),
    ("He called on Sunday night.", "Sunday night", "time", "2024-10-13TNI"),
    ("They meet again next Friday.", "next Friday", "date", "2024-10-25"),
    ("Roads have been closed since Monday.", "since Monday", "interval", "2024-10-14/2024-10-18"),
    ("He served from 2001 to 2005.", "2001 to 2005", "interval", "2001/2005"),
    ("The 2010-12 drought.", "2010-12", "interval", "2010/2012"),
    ("Songs of the '80s.", "the '80s", "date", "198"),
    ("Novels of the 19th century.", "the 19th century", "date", "18"),
    ("Sales fell last spring.", "last spring", "date", "2023-SP"),
    ("It snowed in the winter of 2019.", "the winter of 2019", "date", "2019-WI"),
    ("Profits rose in the fourth quarter.", "the fourth quarter", "date", "2024-Q4"),
    ("Profits rose in Q3 2020.", "Q3 2020", "date", "2020-Q3"),
    ("Results for fiscal 2020 were late.", "fiscal 2020", "date", "2020"),
    ("Prices rose over the past year.", "the past year", "duration", "P1Y"),
    ("A vote is due next quarter.", "next quarter", "date", "2025-Q1"),
    ("The fair opens this weekend.", "this weekend", "date", "2024-W42-WE"),
    ("Growth slowed last decade.", "last decade", "date", "201"),
    ("It closed two months ago.", "two months ago", "date", "2024-08"),
    ("It opened a fortnight ago.", "a fortnight ago", "date", "2024-W40"),
    ("It opened several days ago.", "several days ago", "date", "PAST_REF"),
    ("It began the day before yesterday.", "the day before yesterday", "date", "2024-10-16"),
    ("The band plays tonight.", "tonight", "time", "2024-10-18TNI"),
    ("Prices rose in recent months.", "recent months", "duration", "PXM"),
    ("Several hours passed.", "Several hours", "duration", "PTXH"),
    ("He ruled for three decades.", "three decades", "duration", "P30Y"),
    ("It stayed shut for a week.", "a week", "duration", "P1W"),
    ("The show lasts 2.5 hours.", "2.5 hours", "duration", "PT2.5H"),
    ("Plans for the first 100 days.", "the first 100 days", "duration", "P100D"),
    ("It ended after years of war.", "years", "duration", "PXY"),
    ("The train left at 9.45pm.", "9.45pm", "time", "2024-10-18T21:45"),
    ("The train left at 12 AM.", "12 AM", "time", "2024-10-18T00:00"),
    ("The curfew starts at midnight.", "midnight", "time", "2024-10-18T00:00"),
    ("The abbey was built in 1750.", "1750", "date", "1750"),
])
def test_normalisation_per_pattern_family(text, expr, kind, value):
    d = by_text(find_dates(text, "2024-10-18"), expr)
    assert (d.kind, d.value) == (kind, value)


@pytest.mark.parametrize("text,expr,kind,value", [
    ("Sales fell last spring.", "last spring", "date", "XXXX-SP"),
    ("It closed two months ago.", "two months ago", "date", "PAST_REF"),
    ("The band plays tonight.", "tonight", "time", None),
    ("The fair opens this weekend.", "this weekend", "date", "XXXX-WXX-WE"),
    ("The train left at 9.45pm.", "9.45pm", "time", "XXXX-XX-XXT21:45"),
])
def test_normalisation_without_publication_date(text, expr, kind, value):
    d = by_text(find_dates(text, None), expr)
    assert (d.kind, d.value) == (kind, value)


@pytest.mark.parametrize("text,rejected", [
    ("The file 2024-02-30 is corrupt.", "2024-02-30"),  # no such day
    ("Rates rose June 5 percent.", "June 5"),  # a figure, not a day
    ("Leaves turn brown in the fall.", "fall"),  # a bare season
    ("Profits rose in Q2.", "Q2"),  # a year-less Q-quarter
    ("It stayed shut a week.", "a week"),  # "a week" with no span word before it
    ("He ran a 1:36.6 lap.", "1:36"),  # a lap time
    ("The abbey was built 1750 or so.", "1750"),  # a bare year before 1800 ("in 1750" is one)
])
def test_rejected_matches(text, rejected):
    assert rejected not in [d.text for d in find_dates(text, "2024-10-18")]


def test_every_pattern_has_a_normalisation_step():
    from newsledger.analyze import dates

    assert {name for name, _ in dates.NAMED_PATTERNS} == set(dates.NORMALISERS)


def test_one_scan_per_text_whatever_the_publication_date():
    """The quantity reader (no publication date) and the analyser (with it) read the same article:
    the patterns run over it once, and each call still normalises against its own date."""
    from newsledger.analyze import dates

    text = "Talks resumed on March 3. The minister will visit on Friday."
    dates._scan.cache_clear()
    without = {d.text: d.value for d in find_dates(text)}
    with_pub = {d.text: d.value for d in find_dates(text, "2024-10-18")}
    assert dates._scan.cache_info().hits == 1 and dates._scan.cache_info().misses == 1
    assert without["March 3"] == "XXXX-03-03" and with_pub["March 3"] == "2024-03-03"
    assert with_pub["Friday"] == "2024-10-18"  # future-tense sentence: on or after publication
