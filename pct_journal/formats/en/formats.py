# The journal's dates in English: day before month, as a diary reads ("Friday 4 December
# 2026, 19:40"), with a 24-hour clock. Templates name the format (|date:"DATETIME_FORMAT"),
# never a pattern, so each language puts day, month and year in its own order.
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "l j F Y, H:i"
SHORT_DATETIME_FORMAT = "D j M Y, H:i"
MONTH_DAY_FORMAT = "l j F"
