"""AlertEngine on hand-built Story records: dedup, updates, replay, rate limits, rule changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from newswire.alerter.engine import AlertEngine
from newswire.alerter.rules import RuleSet, load_rules, parse_rules
from newswire.core.ids import alert_id
from newswire.core.records import Alert, Conflict, Story, StoryClaim, StoryMember, from_dict, to_dict

DEFAULT = Path(__file__).resolve().parents[2] / "deploy" / "rules.yaml"
NOW = datetime(2024, 12, 28, 12, 0, tzinfo=UTC)

K1000 = ("North Korean forces are experiencing mass casualties on the front lines of Russia's war against "
         "Ukraine, with a thousand of their troops killed or injured in the last week alone in Russia's Kursk "
         "region, the White House said Friday.")
K3000 = "More than 3,000 North Korean soldiers have been killed or injured since their deployment, Zelensky said."


def member(i: int, source: str, *, dup: str | None = None, spam: bool = False,
           published: str | None = None) -> StoryMember:
    return StoryMember(article_id=f"a{i}", url=f"https://{source}.example/{i}", source=source, title=None,
                       published_at=published, duplicate_of=dup, spam=spam)


def claim(key: str, *, origins: int, reports: int | None = None, value: float | None = 1000.0,
          kind: str = "casualties", window: str | None = "week", unit: str | None = None,
          speaker: str | None = "White House", text: str = K1000, hedged: bool = False,
          articles: list[str] | None = None) -> StoryClaim:
    return StoryClaim(key=key, kind=kind, text=text, value=value, unit=unit, window=window, speaker=speaker,
                      reports=reports or origins, independent_origins=origins,
                      article_ids=articles or [f"a{i}" for i in range(reports or origins)], claim_ids=[],
                      hedged=hedged)


def story(members: list[StoryMember], claims: list[StoryClaim], *, sid: str = "s1",
          conflicts: list[Conflict] | None = None, entities: list[str] | None = None,
          first: str = "2024-12-28T10:00:00+00:00", last: str = "2024-12-28T10:05:00+00:00",
          title: str = "North Korean troops suffer mass casualties in Kursk") -> Story:
    return Story(story_id=sid, title=title, first_seen=first, last_seen=last, articles=members, claims=claims,
                 conflicts=conflicts or [], entities=entities or [], trigger_article_id=members[-1].article_id)


def rules(*specs: dict[str, Any]) -> RuleSet:
    return parse_rules({"rules": list(specs)})


CORR = {"name": "corr", "type": "corroborated", "min_origins": 3}


def seed_stories() -> list[Story]:
    """The seeds' shape: 000 wire, 001 rewrite of 000, 002 news site, 003 spam copy, 004 blog."""
    members = [member(0, "voa"), member(1, "rewriter", dup="a0"), member(2, "kyivindependent"),
               member(3, "gold99", spam=True), member(4, "blog")]
    origins = [1, 1, 2, 3, 4]
    out = []
    for n in range(1, 6):
        claims = [claim("k1000", origins=origins[n - 1], reports=n, hedged=True)]
        conflicts: list[Conflict] = []
        if n >= 3:
            claims.append(claim("k3000", origins=1, value=3000.0, window="since deployment", speaker="Zelensky",
                                text=K3000, articles=["a2"]))
        out.append(story(members[:n], claims, conflicts=conflicts, entities=["North Korea", "Kursk"],
                         last=f"2024-12-28T10:0{n}:00+00:00"))
    return out


def run(engine: AlertEngine, stories: list[Story], *, replay: bool = False) -> list[Alert]:
    return [a for s in stories for a in engine.evaluate(s, replay=replay, now=NOW)]


def test_seeds_shape_with_default_rules() -> None:
    alerts = run(AlertEngine(load_rules(DEFAULT), {}), seed_stories())
    corr = [a for a in alerts if a.rule == "corroborated"]
    assert [(a.update, a.claims[0].independent_origins) for a in corr] == [(False, 3), (True, 4)]
    assert corr[-1].title.startswith("Corroborated by 4 independent outlets: ")
    assert corr[-1].title.endswith("(White House)") and "\n" not in corr[-1].title
    assert corr[-1].alert_id == corr[0].alert_id == alert_id("corroborated", "s1", "k1000")
    assert corr[-1].claims[0].text == K1000 and corr[-1].claims[0].speaker == "White House"
    spam = [a for a in alerts if a.rule == "suspect-spam"]
    assert len(spam) == 1 and spam[0].outlets == ["gold99"] and spam[0].alert_id == alert_id(
        "suspect-spam", "s1", "a3")
    assert not [a for a in alerts if a.rule == "conflicting-figures"]
    # every alert id is unique apart from updates
    firsts = [a.alert_id for a in alerts if not a.update]
    assert len(firsts) == len(set(firsts))


def test_once_per_story_and_rule() -> None:
    engine = AlertEngine(rules(CORR), {})
    s = story([member(i, f"o{i}") for i in range(3)], [claim("k", origins=3)])
    assert len(engine.evaluate(s, replay=False, now=NOW)) == 1
    # the same story event redelivered, and a later update with the same count: nothing
    assert engine.evaluate(s, replay=False, now=NOW) == []
    assert engine.evaluate(story(s.articles, s.claims, last="2024-12-28T11:00:00+00:00"),
                           replay=False, now=NOW) == []
    # another story with the same claim key is another alert
    other = engine.evaluate(story(s.articles, s.claims, sid="s2"), replay=False, now=NOW)
    assert len(other) == 1 and other[0].story_id == "s2"


def test_dedup_survives_a_new_engine_on_the_same_fired_table() -> None:
    fired: dict[str, bytes] = {}
    s = story([member(i, f"o{i}") for i in range(3)], [claim("k", origins=3)])
    assert len(AlertEngine(rules(CORR), fired).evaluate(s, replay=False, now=NOW)) == 1
    assert AlertEngine(rules(CORR), fired).evaluate(s, replay=False, now=NOW) == []
    state = orjson.loads(fired[alert_id("corr", "s1", "k")])
    assert state["count"] == 3 and state["first_seen"] == s.last_seen


def test_update_only_when_the_count_rises() -> None:
    engine = AlertEngine(rules(CORR), {})
    members = [member(i, f"o{i}") for i in range(5)]
    first = engine.evaluate(story(members, [claim("k", origins=3)]), replay=False, now=NOW)
    assert [a.update for a in first] == [False]
    assert engine.evaluate(story(members, [claim("k", origins=2)]), replay=False, now=NOW) == []
    assert engine.evaluate(story(members, [claim("k", origins=3)]), replay=False, now=NOW) == []
    up = engine.evaluate(story(members, [claim("k", origins=4)]), replay=False, now=NOW)
    assert [a.update for a in up] == [True]
    assert up[0].first_seen == first[0].first_seen and "update: count rose to 4" in up[0].reasons
    assert engine.evaluate(story(members, [claim("k", origins=4)]), replay=False, now=NOW) == []


def test_no_updates_when_the_rule_says_so() -> None:
    engine = AlertEngine(rules({**CORR, "updates": False}), {})
    members = [member(i, f"o{i}") for i in range(5)]
    assert len(engine.evaluate(story(members, [claim("k", origins=3)]), replay=False, now=NOW)) == 1
    assert engine.evaluate(story(members, [claim("k", origins=5)]), replay=False, now=NOW) == []


def test_replay_emits_nothing_and_marks_nothing() -> None:
    fired: dict[str, bytes] = {}
    engine = AlertEngine(load_rules(DEFAULT), fired)
    assert run(engine, seed_stories(), replay=True) == []
    assert fired == {}
    # live input afterwards still alerts, as if the replay never happened
    assert any(a.rule == "corroborated" for a in run(engine, seed_stories()))
    n = len(fired)
    assert run(engine, seed_stories(), replay=True) == [] and len(fired) == n


def test_rate_limit_per_minute_and_per_hour() -> None:
    engine = AlertEngine(rules({**CORR, "rate_limit": {"per_minute": 2, "per_hour": 3}}), {})
    members = [member(i, f"o{i}") for i in range(3)]

    def fire(sid: str, at: datetime) -> int:
        return len(engine.evaluate(story(members, [claim("k", origins=3)], sid=sid), replay=False, now=at))

    assert [fire(f"s{i}", NOW) for i in range(3)] == [1, 1, 0]
    assert engine.suppressed["corr"] == 1
    # a minute later the held-back story goes out on its next update; then the hourly cap bites
    later = NOW + timedelta(seconds=61)
    assert fire("s2", later) == 1
    assert fire("s3", later) == 0
    assert fire("s3", NOW + timedelta(minutes=61)) == 1


def test_rate_limits_are_per_rule() -> None:
    limited = {**CORR, "rate_limit": {"per_minute": 1}}
    other = {"name": "big", "type": "figure_threshold", "kinds": ["casualties"], "threshold": 100}
    engine = AlertEngine(rules(limited, other), {})
    members = [member(i, f"o{i}") for i in range(3)]
    got = [a.rule for sid in ("s1", "s2") for a in engine.evaluate(
        story(members, [claim("k", origins=3)], sid=sid), replay=False, now=NOW)]
    assert got == ["corr", "big", "big"]


def test_rule_change_takes_effect_when_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    fired: dict[str, bytes] = {}
    s = story([member(i, f"o{i}") for i in range(3)], [claim("k", origins=3)])
    path.write_text("rules:\n  - {name: corr, type: corroborated, min_origins: 4}\n", encoding="utf-8")
    assert AlertEngine(load_rules(path), fired).evaluate(s, replay=False, now=NOW) == []
    path.write_text("rules:\n  - {name: corr, type: corroborated, min_origins: 3, severity: critical}\n",
                    encoding="utf-8")
    alerts = AlertEngine(load_rules(path), fired).evaluate(s, replay=False, now=NOW)
    assert [(a.rule, a.severity) for a in alerts] == [("corr", "critical")]


def test_unreadable_fired_entry_counts_as_fired() -> None:
    s = story([member(i, f"o{i}") for i in range(3)], [claim("k", origins=3)])
    fired = {alert_id("corr", "s1", "k"): b"not json"}
    assert AlertEngine(rules(CORR), fired).evaluate(s, replay=False, now=NOW) == []


def test_alert_round_trips_and_carries_evidence() -> None:
    members = [member(0, "voa"), member(1, "afp"), member(2, "bbc"), member(3, "other")]
    c = claim("k", origins=3, articles=["a0", "a1", "a2"])
    (alert,) = AlertEngine(rules(CORR), {}).evaluate(story(members, [c]), replay=False, now=NOW)
    assert alert.outlets == ["voa", "afp", "bbc"]
    assert alert.links == [f"https://{o}.example/{i}" for i, o in enumerate(["voa", "afp", "bbc"])]
    assert alert.claims[0].reports == 3 and alert.claims[0].value == 1000.0
    assert from_dict(Alert, orjson.loads(orjson.dumps(to_dict(alert)))) == alert


# --- rule types ---------------------------------------------------------------------------------


def test_corroborated_filters() -> None:
    members = [member(i, f"o{i}") for i in range(3)]
    quote = claim("q", origins=3, value=None, kind="quote")
    hedged = claim("h", origins=3, hedged=True)
    r = rules({**CORR, "require_figure": True, "include_hedged": False})
    assert AlertEngine(r, {}).evaluate(story(members, [quote, hedged]), replay=False, now=NOW) == []
    r = rules({**CORR, "kinds": ["quote"]})
    assert [a.claims[0].key for a in AlertEngine(r, {}).evaluate(
        story(members, [quote, hedged]), replay=False, now=NOW)] == ["q"]


def test_figure_threshold_kind_unit_and_value() -> None:
    r = rules({"name": "money", "type": "figure_threshold", "kinds": ["money"], "units": ["usd"],
               "threshold": 1e9})
    members = [member(0, "voa")]
    claims = [claim("big", origins=1, kind="money", value=1.25e9, unit="$", text="A $1.25 billion package."),
              claim("small", origins=1, kind="money", value=5e8, unit="usd"),
              claim("eur", origins=1, kind="money", value=2e9, unit="EUR")]
    alerts = AlertEngine(r, {}).evaluate(story(members, claims), replay=False, now=NOW)
    assert [a.claims[0].key for a in alerts] == ["big"]
    assert alerts[0].title.startswith("Money figure $1.25 billion: ")
    assert alerts[0].alert_id == alert_id("money", "s1", "money=1.25e+09 usd")


def test_figure_threshold_pages_once_per_figure_in_a_story() -> None:
    r = rules({"name": "cas", "type": "figure_threshold", "kinds": ["casualties"], "threshold": 100})
    engine = AlertEngine(r, {})
    members = [member(i, f"o{i}") for i in range(3)]
    a = claim("k1", origins=1, value=3000.0, unit="soldiers", speaker=None, articles=["a0"])
    b = claim("k2", origins=2, value=3000.0, unit="North Koreans", speaker="Zelensky", articles=["a1", "a2"])
    (alert,) = engine.evaluate(story(members, [a]), replay=False, now=NOW)
    assert alert.alert_id == alert_id("cas", "s1", "casualties=3000")
    # the unmatched twin claim with more origins is an update of the same alert, not a second page
    (update,) = engine.evaluate(story(members, [a, b]), replay=False, now=NOW)
    assert update.update and update.alert_id == alert.alert_id
    assert [c.key for c in update.claims] == ["k2", "k1"] and "(Zelensky)" in update.title


def test_figure_threshold_without_units_ignores_measures() -> None:
    r = rules({"name": "cas", "type": "figure_threshold", "kinds": ["casualties"], "threshold": 100},
              {"name": "share", "type": "figure_threshold", "kinds": ["casualties"], "units": ["%"],
               "threshold": 5})
    claims = [claim("pct", origins=1, value=150.0, unit="percent"), claim("n", origins=1, value=120.0,
                                                                         unit="soldiers"),
              claim("ha", origins=1, value=18000.0, unit="hectare"), claim("d", origins=1, value=300.0, unit="days")]
    alerts = AlertEngine(r, {}).evaluate(story([member(0, "voa")], claims), replay=False, now=NOW)
    assert [(a.rule, a.claims[0].key) for a in alerts] == [("cas", "n"), ("share", "pct")]


def test_is_measure() -> None:
    from newswire.alerter.matchers import is_measure

    assert all(is_measure(u) for u in ["%", "percent", "hectares", "km", "metres", "tonnes", "hours", "°C"])
    assert not any(is_measure(u) for u in [None, "", "troops", "soldiers", "people", "usd", "£", "GBP",
                                       "drones", "koreans", "squadrons"])


def _conflict(values: list[float], keys: list[str], window: str | None = "week") -> Conflict:
    return Conflict(key="cf", kind="casualties", unit=None, window=window, values=values, claim_keys=keys,
                    article_ids=["a0", "a1"])


def test_conflict_needs_spread_and_one_window() -> None:
    r = rules({"name": "cf", "type": "conflict", "min_spread": 0.1})
    members = [member(0, "a"), member(1, "b")]
    a = claim("x", origins=1, value=1000.0)
    b = claim("y", origins=1, value=1500.0, articles=["a1"])
    alerts = AlertEngine(r, {}).evaluate(story(members, [a, b], conflicts=[_conflict([1000, 1500], ["x", "y"])]),
                                         replay=False, now=NOW)
    assert len(alerts) == 1 and "1,000, 1,500" in alerts[0].title and len(alerts[0].claims) == 2
    far = claim("y", origins=1, value=137.0)
    one = claim("x", origins=1, value=1.0)
    assert AlertEngine(r, {}).evaluate(story(members, [one, far], conflicts=[_conflict([1, 137], ["x", "y"])]),
                                       replay=False, now=NOW) == []
    near = claim("y", origins=1, value=1050.0)
    assert AlertEngine(r, {}).evaluate(story(members, [a, near], conflicts=[_conflict([1000, 1050], ["x", "y"])]),
                                       replay=False, now=NOW) == []
    # a week vs since deployment: different windows are not a conflict, whatever the event says
    since = claim("y", origins=1, value=3000.0, window="since deployment")
    assert AlertEngine(r, {}).evaluate(story(members, [a, since], conflicts=[_conflict([1000, 3000], ["x", "y"])]),
                                       replay=False, now=NOW) == []


def test_breaking_counts_outlets_inside_the_window() -> None:
    r = rules({"name": "brk", "type": "breaking", "min_outlets": 3, "within_minutes": 30})
    engine = AlertEngine(r, {})
    t = lambda m: f"2024-12-28T10:{m:02d}:00+00:00"
    late = [member(0, "a", published=t(0)), member(1, "b", published=t(10)), member(2, "c", published=t(50))]
    assert engine.evaluate(story(late, [], last=t(50)), replay=False, now=NOW) == []
    spam = late[:2] + [member(3, "d", published=t(20), spam=True)]
    assert engine.evaluate(story(spam, [], last=t(20)), replay=False, now=NOW) == []
    same_outlet = late[:2] + [member(4, "b", published=t(15))]
    assert engine.evaluate(story(same_outlet, [], last=t(15)), replay=False, now=NOW) == []
    fast = late[:2] + [member(5, "e", published=t(25))]
    (alert,) = engine.evaluate(story(fast, [], last=t(25)), replay=False, now=NOW)
    assert alert.title.startswith("Breaking: North Korean troops") and "3 outlets within 30 minutes" in alert.title
    # articles without a time count only while the whole story fits the window
    untimed = [member(i, o) for i, o in enumerate("xyz")]
    assert len(AlertEngine(r, {}).evaluate(story(untimed, [], last=t(20)), replay=False, now=NOW)) == 1
    assert AlertEngine(r, {}).evaluate(story(untimed, [], last=t(45)), replay=False, now=NOW) == []


def test_watchlist_matches_entities_and_keywords() -> None:
    r = rules({"name": "w", "type": "watchlist", "desk": "world", "entities": ["North Korea"],
               "keywords": ["ceasefire"], "min_outlets": 2})
    members = [member(0, "voa"), member(1, "afp")]
    s = story(members, [claim("k", origins=1, text="Talks on a Ceasefire resumed.")], entities=["North Korea"])
    (alert,) = AlertEngine(r, {}).evaluate(s, replay=False, now=NOW)
    assert alert.title.startswith("[world] Watchlist North Korea, ceasefire: ")
    assert alert.claims == [] and alert.outlets == ["voa", "afp"]
    assert AlertEngine(r, {}).evaluate(story(members[:1], [], entities=["North Korea"]),
                                       replay=False, now=NOW) == []
    assert AlertEngine(r, {}).evaluate(story(members, [], entities=["South Korea"], title="Seoul"),
                                       replay=False, now=NOW) == []


def test_suspect_source_spam_and_copies_of_other_outlets() -> None:
    r = rules({"name": "sus", "type": "suspect_source", "signals": ["spam", "copy"]})
    members = [member(0, "voa"), member(1, "voa", dup="a0"), member(2, "farm", dup="a0"),
               member(3, "casino", spam=True)]
    alerts = AlertEngine(r, {}).evaluate(story(members, []), replay=False, now=NOW)
    assert [a.alert_id for a in alerts] == [alert_id("sus", "s1", "a2"), alert_id("sus", "s1", "a3")]
    assert "copy of voa" in alerts[0].title and alerts[0].outlets == ["voa", "farm"]
    assert "spam page" in alerts[1].title
    # a rule on copies alone leaves a copying spam page to the spam rule: one page, one alert
    copies = rules({"name": "cp", "type": "suspect_source", "signals": ["copy"]})
    members[3] = member(3, "casino", spam=True, dup="a0")
    alerts = AlertEngine(copies, {}).evaluate(story(members, []), replay=False, now=NOW)
    assert [a.alert_id for a in alerts] == [alert_id("cp", "s1", "a2")]
    both = AlertEngine(r, {}).evaluate(story(members, []), replay=False, now=NOW)
    assert "spam page copying voa" in both[1].title and len(both[1].reasons) == 2


@pytest.mark.parametrize("replay", [True, False])
def test_naive_now_is_accepted(replay: bool) -> None:
    s = story([member(i, f"o{i}") for i in range(3)], [claim("k", origins=3)])
    out = AlertEngine(rules(CORR), {}).evaluate(s, replay=replay, now=datetime(2024, 12, 28, 12, 0))
    assert len(out) == (0 if replay else 1)


def test_claims_only_spam_pages_report_raise_nothing() -> None:
    r = rules({"name": "big", "type": "figure_threshold", "kinds": ["casualties"], "threshold": 100},
              {"name": "cf", "type": "conflict"})
    members = [member(0, "voa"), member(1, "casino", spam=True)]
    honest = claim("x", origins=1, value=1000.0, articles=["a0"])
    junk = claim("y", origins=1, value=5000.0, articles=["a1"])
    alerts = AlertEngine(r, {}).evaluate(
        story(members, [honest, junk], conflicts=[_conflict([1000, 5000], ["x", "y"])]), replay=False, now=NOW)
    assert [(a.rule, a.claims[0].key) for a in alerts] == [("big", "x")]
    # a spam page among real reports is named in the reasons
    shared = claim("z", origins=2, value=700.0, articles=["a0", "a1"])
    (alert,) = AlertEngine(r, {}).evaluate(story(members, [shared]), replay=False, now=NOW)
    assert any("spam" in reason and "casino" in reason for reason in alert.reasons)


def test_conflict_falls_back_to_event_values_when_claims_are_absent() -> None:
    r = rules({"name": "cf", "type": "conflict"})
    members = [member(0, "a"), member(1, "b")]
    (alert,) = AlertEngine(r, {}).evaluate(story(members, [], conflicts=[_conflict([2400, 3100], ["p", "q"])]),
                                           replay=False, now=NOW)
    assert alert.alert_id == alert_id("cf", "s1", "cf") and alert.claims == []
    assert "2,400, 3,100" in alert.title


def test_every_default_alert_fits_the_alert_schema() -> None:
    from newswire.core import schemas
    from newswire.core.settings import Settings

    check = schemas.validator(Settings().schemas_dir, schemas.ALERT)
    alerts = run(AlertEngine(load_rules(DEFAULT), {}), seed_stories())
    assert {a.rule for a in alerts} >= {"corroborated", "suspect-spam", "mass-casualties", "breaking"}
    for alert in alerts:
        envelope = {"schema": schemas.ALERT, "id": alert.alert_id, "article_id": None,
                    "produced_at": "2024-12-28T10:00:00Z", "pipeline_version": "1", "replay": False,
                    "payload": orjson.loads(orjson.dumps(to_dict(alert)))}
        check.validate(envelope)


def test_stale_fired_entries_can_be_pruned() -> None:
    from newswire.alerter.engine import stale_keys

    fired: dict[str, bytes] = {}
    engine = AlertEngine(rules(CORR), fired)
    members = [member(i, f"o{i}") for i in range(3)]
    engine.evaluate(story(members, [claim("k", origins=3)], sid="old"), replay=False, now=NOW)
    engine.evaluate(story(members, [claim("k", origins=3)], sid="new"), replay=False,
                    now=NOW + timedelta(days=8))
    fired["junk"] = b"?"
    assert stale_keys(fired, NOW + timedelta(days=7)) == [alert_id("corr", "old", "k")]


def test_untitled_story_is_named_by_its_main_claim() -> None:
    r = rules({"name": "sus", "type": "suspect_source", "signals": ["spam"]})
    members = [member(0, "voa"), member(1, "casino", spam=True)]
    s = story(members, [claim("k", origins=2, text=K3000)], title="")
    (alert,) = AlertEngine(r, {}).evaluate(s, replay=False, now=NOW)
    assert alert.title.endswith("in story: More than 3,000 North Korean soldiers have been killed or injured since "
                                "their deployment")
    bare = story(members, [], title="", entities=["Kursk", "Pyongyang"])
    (alert,) = AlertEngine(r, {}).evaluate(bare, replay=False, now=NOW)
    assert alert.title.endswith("in story: Kursk, Pyongyang")


def test_breaking_on_a_story_first_seen_at_the_end_of_time() -> None:
    """first_seen + the rule's minutes overflowed past year 9999: the alerter dead-lettered a valid story event."""
    r = rules({"name": "brk", "type": "breaking", "min_outlets": 2, "within_minutes": 30})
    end = "9999-12-31T23:59:00+00:00"
    members = [member(0, "a", published=end), member(1, "b", published=end)]
    (alert,) = AlertEngine(r, {}).evaluate(story(members, [], first=end, last=end), replay=False, now=NOW)
    assert "2 outlets within 30 minutes" in alert.title
    assert AlertEngine(r, {}).evaluate(story(members, [], first="9999-12-31T23:59:59-05:00", last=end),
                                       replay=False, now=NOW) == []  # past year 9999 in UTC: unreadable


def test_what_an_absorbed_story_alerted_on_does_not_page_again_in_the_story_that_absorbed_it() -> None:
    """A one-article story paged on its figure; once a grown story absorbed it (merged_from), the same figure
    of the same article paged again under the new story id."""
    import dataclasses

    r = rules({"name": "mass", "type": "figure_threshold", "kinds": ["casualties"], "threshold": 100},
              {"name": "watch", "type": "watchlist", "keywords": ["Kursk"]})
    engine = AlertEngine(r, {})
    big = claim("k_big", origins=1, value=1000.0, articles=["a1"])
    lone = story([member(1, "voa")], [big], sid="s_lone")
    assert {a.rule for a in engine.evaluate(lone, replay=False, now=NOW)} == {"mass", "watch"}
    grown = dataclasses.replace(story([member(0, "ap"), member(1, "voa")], [big], sid="s_grown"),
                                merged_from=["s_lone"])
    assert engine.evaluate(grown, replay=False, now=NOW) == []
    other = story([member(2, "afp")], [claim("k_other", origins=1, value=5000.0, articles=["a2"])], sid="s_new")
    assert {a.rule for a in engine.evaluate(other, replay=False, now=NOW)} == {"mass", "watch"}  # others still page


def test_the_default_corroboration_rule_leaves_ages_and_distances_alone() -> None:
    """Every outlet repeats a suspect's age ("Orozco, 27") and a distance: no page for them, while a toll,
    a sum or a count that three origins report still pages."""
    members = [member(0, "ap"), member(1, "reuters"), member(2, "bbc")]
    age = claim("k27", origins=3, value=27.0, kind="measure", unit="year of age", window=None,
                text="Deputies identified the suspect as Jose Luis Orozco, 27.")
    toll = claim("k12", origins=3, value=12.0, kind="casualties", window=None, text="The attack killed 12 people.")
    alerts = AlertEngine(load_rules(DEFAULT), {}).evaluate(story(members, [age, toll]), replay=False, now=NOW)
    assert [a.claims[0].key for a in alerts if a.rule == "corroborated"] == ["k12"]
