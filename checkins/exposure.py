"""Whether a high check-in score came shortly before each entry: the latest PHQ-9 (or
GAD-7) of the 14 days before scored 10 or more. Pure pandas, no Django.

The questionnaires ask about the last two weeks, so an entry is exposed when the latest
check-in of that instrument taken in the 14 days up to the entry's time had a total of
10 or more. Without such a check-in the answer is unknown (<NA>), not "no", so the
analysis can leave those entries out instead of counting them as unexposed.
"""

import pandas as pd

from checkins.instruments import GAD7, HIGH_TOTAL, PHQ9

WINDOW = pd.Timedelta(days=14)
EXPOSURE_COLUMNS = {PHQ9: "phq9_recent_high", GAD7: "gad7_recent_high"}


def _utc(times: pd.Series) -> pd.Series:
    return pd.to_datetime(times, utc=True).astype("datetime64[ns, UTC]")


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

    entries = pd.DataFrame({"at": _utc(occurred_at), "row": range(len(occurred_at))})
    entries = entries.dropna(subset=["at"]).sort_values("at", kind="stable")
    scores = pd.DataFrame({"at": _utc(scores["taken_at"]), "total": scores["total"].to_numpy()})
    # On equal times merge_asof takes the last row, so keep the order they were taken in.
    scores = scores.dropna(subset=["at"]).sort_values("at", kind="stable")
    matched = pd.merge_asof(
        entries,
        scores,
        on="at",
        direction="backward",  # only check-ins at or before the entry
        tolerance=window,  # inclusive: exactly 14 days before still counts
        allow_exact_matches=True,
    )
    high = (matched["total"] >= threshold).astype("boolean")
    high[matched["total"].isna()] = pd.NA
    values = result.to_numpy(dtype=object)
    values[matched["row"].to_numpy()] = high.to_numpy(dtype=object)
    return pd.Series(values, index=occurred_at.index, dtype="boolean", name=name)


def recent_high_flags(occurred_at: pd.Series, checkins: pd.DataFrame) -> pd.DataFrame:
    """Both factors as columns `phq9_recent_high` and `gad7_recent_high` (nullable
    boolean), indexed like `occurred_at`; join them onto the entries frame."""
    return pd.concat(
        [recent_high(occurred_at, checkins, instrument) for instrument in EXPOSURE_COLUMNS],
        axis=1,
    )
