"""The timeline query's merge cache is shared by worker threads: saves and reads interleaved raise nothing."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from pathlib import Path

from summarizer.articles import Article
from summarizer.schemas import Bilingual, Event, Evidence, Group, LangSummary, Summary, Topic
from summarizer.timeline import query
from summarizer.timeline.store import Store


def _save(store: Store, n: int) -> None:
    moment = dt.datetime(2024, 12, 1, 9, tzinfo=dt.UTC)
    aid = f"a{n}"
    text = f"قتل {n} مدنيين في إدلب."
    article = Article(
        id=aid, text=text, published_at=moment, date_only=False, day=moment.date(), language="ar"
    )
    event = Event(
        id=f"e{n}", date=dt.date(2024, 11, 1 + n % 28), date_precision="day", region="idlib", location=None,
        event_type="strike", actors=[], fatalities=n, injured=None, status="reported", attribution=[],
        description=Bilingual(ar=text), evidence=[Evidence(article_id=aid, quote=text)], article_ids=[aid],
    )  # fmt: skip
    group = Group(
        id=f"g{n}", day=moment.date(), topic=Topic(label=Bilingual(ar="إدلب"), keywords=[]), article_ids=[aid],
        summary=Summary(ar=LangSummary(headline="h", bullets=[])), events=[event],
    )  # fmt: skip
    store.save([article], [group], engine="x", model="x", prompt_version=None)


def test_reads_and_writes_from_many_threads(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    errors: list[BaseException] = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: a race shows up in a short run

    def writer(start: int) -> None:
        try:
            for n in range(start, start + 15):
                _save(store, n)
        except BaseException as e:  # pragma: no cover - what the test looks for
            errors.append(e)

    def reader(i: int) -> None:
        try:
            for k in range(60):
                day = dt.date(2024, 11, 1 + (i * 7 + k) % 28)
                query.happenings(store, query.Query(date_from=day, date_to=day + dt.timedelta(days=k % 9)))
                query.happenings(store, query.Query())
        except BaseException as e:  # pragma: no cover - what the test looks for
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(s,)) for s in (0, 100)]
    threads += [threading.Thread(target=reader, args=(i,)) for i in range(8)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert len(query.happenings(store, query.Query(limit=1000))[0]) == 30
