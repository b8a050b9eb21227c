"""The insights find what was planted, stay quiet when nothing was, and match scipy.

Journals come from the seeded generator behind `seed_demo --plant` (entries/demo.py),
analysed in memory; the last tests go through the database and both views.
"""

import datetime as dt
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from scipy.stats import fisher_exact
from scipy.stats.contingency import relative_risk

from entries.demo import generate_entries
from insights.analysis import analyse_journal
from insights.demo_frame import demo_journal
from insights.wording import counts_sentence
from tests.analysis_frames import analyse, factor, table_entries

SEEDS = range(20)
END = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def _report(seed: int, plants: dict[str, float], count: int = 200):
    journal = demo_journal(generate_entries(count, seed=seed, plants=plants, end=END))
    return analyse_journal(
        journal.entries,
        threshold=journal.threshold,
        tag_names=journal.tag_names,
        partner_names=journal.partner_names,
    )


def test_a_strong_planted_pain_effect_is_ranked_first_as_a_clear_pattern():
    found = 0
    for seed in SEEDS:
        top = _report(seed, {"pain": 4.0}).ranked_factors()[0]
        found += top.key == "pain" and top.evidence == "clear"

    assert found >= 19


def test_with_nothing_planted_a_clear_pattern_is_rare():
    false_alarms = sum(
        any(f.evidence == "clear" for f in _report(seed, {}).ranked_factors()) for seed in SEEDS
    )

    assert false_alarms <= 2


@pytest.mark.parametrize(
    "table",
    [(7, 9, 2, 15), (12, 40, 9, 60), (3, 5, 10, 95), (20, 25, 30, 75), (5, 50, 6, 8)],
    ids=["design-example", "mild", "small-arm", "common", "protective"],
)
def test_hand_made_tables_match_scipy_called_directly(table):
    exposed_episodes, exposed_entries, unexposed_episodes, unexposed_entries = table

    pain = factor(analyse(table_entries({"pain": 6}, *table)), "pain")

    expected = relative_risk(*table)
    interval = expected.confidence_interval(confidence_level=0.95)
    fisher = fisher_exact(
        [
            [exposed_episodes, exposed_entries - exposed_episodes],
            [unexposed_episodes, unexposed_entries - unexposed_episodes],
        ]
    )
    assert not pain.corrected
    assert pain.risk_ratio == pytest.approx(expected.relative_risk)
    assert pain.ci_low == pytest.approx(interval.low)
    assert pain.ci_high == pytest.approx(interval.high)
    assert pain.p_value == pytest.approx(fisher.pvalue)


def test_the_design_example_reads_as_the_design_says():
    pain = factor(analyse(table_entries({"pain": 6}, 7, 9, 2, 15)), "pain")

    assert counts_sentence(pain) == (
        "Episodes followed 7 of 9 entries with moderate or worse pain (78%), "
        "and 2 of 15 without (13%)."
    )


@pytest.fixture
def planted_user(db):
    call_command("seed_demo", user="planted", entries=200, seed=3, plant=["pain=4.0"], password="x")
    return get_user_model().objects.get(username="planted")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_database_the_overview_and_the_json_agree(client, planted_user):
    client.force_login(planted_user)

    data = json.loads(client.get(reverse("insights:report_json")).content)
    overview = client.get(reverse("insights:overview"))
    page = _text(overview.content.decode())

    in_memory = _report(3, {"pain": 4.0})
    assert (data["entries"], data["episodes"]) == (in_memory.entries, in_memory.episodes)
    assert [c["key"] for c in data["categories"]] == [c.key for c in in_memory.categories]
    assert [c.key for c in overview.context["cards"]] == [c["key"] for c in data["categories"]]
    assert data["categories"][0]["key"] == "pain"
    assert data["categories"][0]["evidence"] == "clear"
    memory_factors = {f.label: f for f in in_memory.ranked_factors()}
    for category in data["categories"]:
        for item in category["factors"]:
            expected = memory_factors[item["label"]]
            assert item["exposed"]["episodes"] == expected.exposed.episodes
            assert item["exposed"]["entries"] == expected.exposed.entries
            assert item["risk_ratio"] == pytest.approx(expected.risk_ratio)
            assert item["q_value"] == pytest.approx(expected.q_value)
            if item["exposed"]["entries"] or item["unexposed"]["entries"]:
                assert (
                    f"Episodes followed {item['exposed']['episodes']} of "
                    f"{item['exposed']['entries']} "
                ) in page
            else:  # the check-in factors: the seeded journal has no check-ins
                assert item["key"] in {"phq9_recent_high", "gad7_recent_high"}
                assert item["evidence"] == "not_enough_data"
                assert counts_sentence(expected) in page
