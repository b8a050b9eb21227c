import pytest

from entries.models import Entry
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("values", "threshold", "expected"),
    [
        pytest.param({}, 2, False, id="calm"),
        pytest.param({"sadness": 1, "anxiety_after": 1}, 2, False, id="mild-only"),
        pytest.param({"irritation": 2}, 2, True, id="moderate-irritation"),
        pytest.param({"agitation": 2}, 3, False, id="below-a-higher-threshold"),
        pytest.param({"cried": True}, 4, True, id="crying-always-counts"),
        pytest.param({"anxiety_after": 1}, 1, True, id="mild-with-threshold-one"),
    ],
)
def test_an_entry_is_an_episode_by_the_users_threshold(alice, values, threshold, expected):
    entry = EntryFactory(user=alice, **values)

    assert entry.is_episode_at(threshold) is expected
    flagged = Entry.objects.with_episode_flag(threshold).get(pk=entry.pk)
    assert flagged.is_episode is expected
    assert Entry.objects.episodes(threshold).filter(pk=entry.pk).exists() is expected


def test_peak_intensity_is_the_strongest_emotion(alice):
    entry = EntryFactory(user=alice, sadness=1, irritation=3, agitation=0, anxiety_after=2)

    assert entry.peak_intensity == 3
    assert entry.peak_label == "Strong"


def test_is_episode_without_annotation_uses_the_users_preferences(alice):
    alice.preferences.episode_threshold = 3
    alice.preferences.save()
    entry = Entry.objects.get(pk=EntryFactory(user=alice, sadness=2).pk)

    assert entry.is_episode is False
