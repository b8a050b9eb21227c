"""What episodes looked like, and which ways of coping went with episodes rated as helped.

Pure (pandas only); labels for the keys live with the page that shows them.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

EMOTIONS = ("sadness", "irritation", "agitation", "anxiety_after")
INTENSITY_STEPS = 5  # 0 none .. 4 severe
HELPED_MIN = 2  # "somewhat" or more on the 0-4 "how much it helped" scale


@dataclass(frozen=True)
class EmotionShare:
    key: str
    episodes: int  # episodes in which this feeling reached the threshold
    share: float | None  # of all episodes
    mean_intensity: float | None  # 0-4, over all episodes


@dataclass(frozen=True)
class EpisodeProfile:
    episodes: int
    emotions: list[EmotionShare]  # the most frequent first
    peak_counts: list[int]  # episodes by their strongest feeling, index 0 (none) .. 4 (severe)
    cried: int
    cried_share: float | None
    minutes_recorded: int  # episodes with a duration
    median_minutes: float | None
    minutes_low: float | None  # the middle half of durations lies between low and high
    minutes_high: float | None


@dataclass(frozen=True)
class CopingOutcome:
    key: str
    episodes: int  # episodes in which this was tried
    rated: int  # of those, how many had "how much it helped" answered
    helped: int  # rated "somewhat" or more
    helped_share: float | None  # helped / rated


def _share(count: int, total: int) -> float | None:
    return count / total if total else None


def episode_profile(entries: pd.DataFrame, *, threshold: int) -> EpisodeProfile:
    episodes = entries[entries["is_episode"].astype(bool).to_numpy()]
    total = len(episodes)
    emotions = []
    for key in EMOTIONS:
        values = episodes[key].astype(int).to_numpy()
        count = int(np.count_nonzero(values >= threshold))
        mean = float(values.mean()) if total else None
        emotions.append(EmotionShare(key, count, _share(count, total), mean))
    emotions.sort(key=lambda emotion: -emotion.episodes)
    peaks = episodes[list(EMOTIONS)].astype(int).max(axis=1).to_numpy() if total else []
    peak_counts = np.bincount(np.asarray(peaks, dtype=int), minlength=INTENSITY_STEPS)
    cried = int(np.count_nonzero(episodes["cried"].astype(bool).to_numpy()))
    minutes = pd.to_numeric(episodes["episode_minutes"], errors="coerce").dropna().astype(float)
    low, median, high = (
        (float(q) for q in minutes.quantile([0.25, 0.5, 0.75])) if len(minutes) else (None,) * 3
    )
    return EpisodeProfile(
        episodes=total,
        emotions=emotions,
        peak_counts=[int(n) for n in peak_counts[:INTENSITY_STEPS]],
        cried=cried,
        cried_share=_share(cried, total),
        minutes_recorded=len(minutes),
        median_minutes=median,
        minutes_low=low,
        minutes_high=high,
    )


def coping_outcomes(entries: pd.DataFrame) -> list[CopingOutcome]:
    """Per way of coping tried after an episode, how often it was rated as having helped."""
    is_episode = entries["is_episode"].astype(bool).to_numpy()
    if not is_episode.any():
        return []
    ways_tried = entries["coping"].to_numpy()[is_episode]
    ratings = pd.to_numeric(entries["coping_helped"], errors="coerce")
    ratings = ratings.to_numpy(dtype="float64", na_value=np.nan)[is_episode]
    # A journal's episodes are counted in one pass of plain Python: a handful of ways
    # each, where exploding and grouping a DataFrame cost more than the counting.
    tallies: dict[str, list[int]] = {}  # key: [episodes, rated, helped]
    for ways, rating in zip(ways_tried, ratings, strict=True):
        if isinstance(ways, str):
            ways = [ways]
        elif not isinstance(ways, list | tuple):
            continue  # nothing recorded
        rated = not np.isnan(rating)
        helped = bool(rated and rating >= HELPED_MIN)
        for key in ways:
            if key is None:
                continue
            tally = tallies.setdefault(str(key), [0, 0, 0])
            tally[0] += 1
            tally[1] += rated
            tally[2] += helped
    outcomes = [
        CopingOutcome(key, episodes, rated, helped, _share(helped, rated))
        for key, (episodes, rated, helped) in tallies.items()
    ]
    return sorted(outcomes, key=lambda o: (-(o.helped_share or 0), -o.episodes, o.key))
