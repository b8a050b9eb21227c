"""Whether a high check-in score came shortly before each entry: the latest PHQ-9 (or
GAD-7) of the 14 days before scored 10 or more. Pure pandas, no Django.

The questionnaires ask about the last two weeks, so an entry is exposed when the latest
check-in of that instrument taken in the 14 days up to the entry's time had a total of
10 or more. Without such a check-in the answer is unknown (<NA>), not "no", so the
analysis can leave those entries out instead of counting them as unexposed.
"""

import numpy as np
import pandas as pd

from checkins.instruments import GAD7, HIGH_TOTAL, PHQ9

WINDOW = pd.Timedelta(days=14)
EXPOSURE_COLUMNS = {PHQ9: "phq9_recent_high", GAD7: "gad7_recent_high"}


def _nanoseconds(times: pd.Series) -> np.ndarray:
    """The moments as int64 nanoseconds since the epoch in UTC (NaT as NAT)."""
    naive = pd.to_datetime(times, utc=True).dt.tz_convert(None)
    return naive.astype("datetime64[ns]").to_numpy().view("int64")


NAT = np.iinfo("int64").min  # how NaT reads as int64 nanoseconds


def recent_high(
    occurred_at: pd.Series,
    checkins: pd.DataFrame,
    instrument: str,
    *,
    window: pd.Timedelta = WINDOW,
    threshold: int = HIGH_TOTAL,
) -> pd.Series:
    """A nullable-boolean Series aligned with `occurred_at` (same index), named
    "<instrument>_recent_high".

    True/False: the latest `instrument` check-in taken at or before the entry and at
    most `window` earlier had total >= threshold / below it. <NA>: none in that window.
    A check-in after the entry never counts, however close.
    `checkins` needs the columns taken_at (aware), instrument and total, as given by
    checkins.selectors.checkins_dataframe.
    """
    name = EXPOSURE_COLUMNS.get(instrument, f"{instrument}_recent_high")
    result = pd.Series(pd.NA, index=occurred_at.index, dtype="boolean", name=name)
    if occurred_at.empty or checkins.empty:
        return result
    scores = checkins.loc[checkins["instrument"] == instrument, ["taken_at", "total"]]
    if scores.empty:
        return result

    # Binary search in the check-ins' times rather than a merge: the latest check-in at
    # or before each entry (on equal times, the one taken last), then whether it lies
    # within the window (inclusive: exactly 14 days before still counts).
    taken = _nanoseconds(scores["taken_at"])
    order = np.argsort(taken, kind="stable")
    taken, totals = taken[order], scores["total"].to_numpy()[order]
    totals = totals[taken != NAT]
    taken = taken[taken != NAT]
    if not taken.size:
        return result
    at = _nanoseconds(occurred_at)
    latest = np.searchsorted(taken, at, side="right") - 1
    found = (latest >= 0) & (at != NAT)
    latest = np.where(found, latest, 0)
    found &= at - taken[latest] <= window.value
    high = found & (totals[latest] >= threshold)
    return pd.Series(pd.arrays.BooleanArray(high, ~found), index=occurred_at.index, name=name)


def recent_high_flags(occurred_at: pd.Series, checkins: pd.DataFrame) -> pd.DataFrame:
    """Both factors as columns `phq9_recent_high` and `gad7_recent_high` (nullable
    boolean), indexed like `occurred_at`; join them onto the entries frame."""
    return pd.concat(
        [recent_high(occurred_at, checkins, instrument) for instrument in EXPOSURE_COLUMNS],
        axis=1,
    )
