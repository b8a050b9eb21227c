# "viernes, 4 de diciembre de 2026, 19:40"; see pct_journal/formats/en/formats.py.
DATE_FORMAT = r"j M Y"
DATETIME_FORMAT = r"l, j \d\e F \d\e Y, H:i"
SHORT_DATETIME_FORMAT = r"D j M Y, H:i"
MONTH_DAY_FORMAT = r"l j \d\e F"
