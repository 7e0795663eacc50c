"""Dates as a person reads them back, in the chosen language: "today 18:02",
"yesterday", "3 days ago", "Fri", "Wed 25 Nov 2026" ("Rab 25 Nov 2026",
"kemarin", "3 hari lalu" in Indonesian). Day and month names come from the
catalogue, never from the C library's locale."""

from datetime import date, datetime, timedelta

from partnerlog.i18n import N_, _, ngettext

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
# Whole, for running text ("due Friday"): a short name is for tables ("Jum", "Sen").
WEEKDAY_NAMES = (
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
    N_("Sunday"),
)  # fmt: skip
MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"),
    N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def window_end(today: date, days: int) -> date:
    """The last day of a window of ``days`` (`due --within N`, `agenda --days N`):
    the Nth day after today, included, so whoever comes due in exactly N days
    is in it."""
    return today + timedelta(days=days)


def in_window(days_ahead: int, days: int) -> bool:
    """Whether a day ``days_ahead`` from today is in a window of ``days``."""
    return 0 <= days_ahead <= days


def weekday(day: date, whole: bool = False) -> str:
    """ "Fri" ("Jum"); ``whole``: "Friday" ("Jumat")."""
    return _((WEEKDAY_NAMES if whole else WEEKDAYS)[day.weekday()])


def month(number: int) -> str:
    """ "Dec" ("Des")."""
    return _(MONTHS[number - 1])


def day_month(day: date, whole: bool = False) -> str:
    """ "Fri 4 Dec"; ``whole``: "Friday, 4 Dec"."""
    if whole:
        return f"{weekday(day, True)}, {day.day} {month(day.month)}"
    return f"{weekday(day)} {day.day} {month(day.month)}"


def day_month_msg(day: date):
    """ "Fri 4 Dec" as a `Msg`: English as data, translated when shown."""
    from partnerlog.i18n import Msg

    return Msg(
        "{weekday} {day} {month}",
        weekday=Msg(WEEKDAYS[day.weekday()]),
        day=day.day,
        month=Msg(MONTHS[day.month - 1]),
    )


def full(day: date, whole: bool = False) -> str:
    """ "Fri 4 Dec 2026"; ``whole``: "Friday, 4 Dec 2026"."""
    return f"{day_month(day, whole)} {day.year}"


def describe(moment: datetime, now: datetime) -> str:
    """A date as a person reads it back: "today 18:02", "yesterday 12:00", "Fri 20 Nov 2026
    12:00", in the time zone the person is in now (a time stored elsewhere is shown here)."""
    moment = moment.astimezone(now.tzinfo)
    days = (now.date() - moment.date()).days
    clock = moment.strftime("%H:%M")
    if days == 0:
        return _("today {clock}").format(clock=clock)
    if days == 1:
        return _("yesterday {clock}").format(clock=clock)
    return f"{full(moment.date())} {clock}"


def ago(moment: datetime | None, now: datetime) -> str:
    """ "today", "yesterday", "3 days ago", "5 months ago", or "never"."""
    if moment is None:
        return _("never")
    days = (now.date() - moment.date()).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    if days < 100:
        return ngettext("{count} day ago", "{count} days ago", days).format(count=days)
    if days < 730:
        months = days // 30
        return ngettext("{count} month ago", "{count} months ago", months).format(count=months)
    years = days // 365
    return ngettext("{count} year ago", "{count} years ago", years).format(count=years)


def days_ago(days: int | None) -> str:
    """ "never", "today", "yesterday", "12 days ago": a count of days, in words."""
    if days is None:
        return _("never")
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("{count} day ago", "{count} days ago", days).format(count=days)


def ahead(day: date, today: date, whole: bool = False) -> str:
    """A day to come as a person reads it: "today", "tomorrow", "Fri" within the
    week, "Fri 4 Dec", or "Mon 4 Jan 2027" in another year (``whole``, in a
    sentence: "Friday", "Friday, 4 Dec")."""
    days = (day - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if 1 < days < 7:
        return weekday(day, whole)
    return day_month(day, whole) if day.year == today.year else full(day, whole)


def due_words(due_on: str | None, today: date, whole: bool = False) -> str:
    """ "due Fri", "due today", "3 days overdue", or "" without a due day
    (``whole``, in a sentence: "due Friday")."""
    if not due_on:
        return ""
    day = date.fromisoformat(due_on)
    late = (today - day).days
    if late > 0:
        return ngettext("{count} day overdue", "{count} days overdue", late).format(count=late)
    return _("due {day}").format(day=ahead(day, today, whole))
