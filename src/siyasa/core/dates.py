"""Dates as an organisation shows them: Gregorian, and the Umm al-Qura Hijri date beside it when
the organisation asks for it."""

import datetime
from typing import Literal

from django.utils import formats, timezone
from django.utils.translation import get_language
from hijridate import Gregorian


def hijri(day: datetime.date) -> str:
    """`day` in the Umm al-Qura calendar, in the reader's language ("21 Jumada al-Akhirah 1448
    AH"); empty outside the calendar's tables (1924–2077)."""
    lang: Literal["ar", "en"] = "ar" if (get_language() or "ar").startswith("ar") else "en"
    try:
        date = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        return ""
    return f"{date.day} {date.month_name(lang)} {date.year} {date.notation(lang)}"


def org_date(value, org, format_name: str = "DATE_FORMAT") -> str:
    """`value` (a date or an aware datetime, shown in local time) in `format_name`, followed by
    its Hijri date in brackets when `org.show_hijri_dates` is on."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = formats.date_format(value, format_name)
    if getattr(org, "show_hijri_dates", False):
        other = hijri(value.date() if isinstance(value, datetime.datetime) else value)
        if other:
            text = f"{text} ({other})"
    return text
