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
    # Only the columns it reads, as arrays: taking the episodes' rows of the whole frame
    # copied every column.
    is_episode = entries["is_episode"].to_numpy(dtype=bool)
    total = int(np.count_nonzero(is_episode))
    intensities = np.column_stack(
        [entries[key].to_numpy(dtype="int64")[is_episode] for key in EMOTIONS]
    ).reshape(total, len(EMOTIONS))
    emotions = []
    for column, key in enumerate(EMOTIONS):
        values = intensities[:, column]
        count = int(np.count_nonzero(values >= threshold))
        mean = float(values.mean()) if total else None
        emotions.append(EmotionShare(key, count, _share(count, total), mean))
    emotions.sort(key=lambda emotion: -emotion.episodes)
    peaks = intensities.max(axis=1) if total else np.zeros(0, dtype=int)
    peak_counts = np.bincount(peaks, minlength=INTENSITY_STEPS)
    cried = int(np.count_nonzero(entries["cried"].to_numpy(dtype=bool)[is_episode]))
    minutes = _numbers(entries["episode_minutes"])[is_episode]
    minutes = minutes[~np.isnan(minutes)]
    low, median, high = (
        (float(q) for q in np.quantile(minutes, [0.25, 0.5, 0.75])) if len(minutes) else (None,) * 3
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


def _numbers(values: pd.Series) -> np.ndarray:
    """The values as floats, NaN where not recorded (or not a number)."""
    if not pd.api.types.is_numeric_dtype(values.dtype):
        values = pd.to_numeric(values, errors="coerce")
    return values.to_numpy(dtype="float64", na_value=np.nan)


def coping_outcomes(entries: pd.DataFrame) -> list[CopingOutcome]:
    """Per way of coping tried after an episode, how often it was rated as having helped."""
    is_episode = entries["is_episode"].to_numpy(dtype=bool)
    if not is_episode.any():
        return []
    ways_tried = entries["coping"].to_numpy()[is_episode]
    ratings = _numbers(entries["coping_helped"])[is_episode]
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
