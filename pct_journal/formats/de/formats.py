# "Freitag, 4. Dezember 2026, 19:40"; see pct_journal/formats/en/formats.py.
DATE_FORMAT = "j. M Y"
DATETIME_FORMAT = "l, j. F Y, H:i"
SHORT_DATETIME_FORMAT = "D, j. M Y, H:i"
MONTH_DAY_FORMAT = "l, j. F"
