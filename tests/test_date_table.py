"""Dates as people type them, in both languages, for the two kinds of field: a
log (past: what happened) and a plan (future: a due date, postpone, a date to
come). Each is right, or refused with a hint; none is silently wrong.

``now`` is one of several moments: a Wednesday afternoon in Jakarta, a month's
last morning, a leap day's evening, and Berlin on the days its clocks change.
An expectation is the local time ("2026-11-24 09:00"), the time with its
offset where the zone changes ("2026-03-29T03:30+02:00"), or "!" and a piece
of the message that refuses it.
"""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from partnerlog.core.dates import parse_when
from partnerlog.errors import UsageError

JAKARTA, BERLIN = ZoneInfo("Asia/Jakarta"), ZoneInfo("Europe/Berlin")
NOWS = {
    "wed": datetime(2026, 11, 25, 15, 0, tzinfo=JAKARTA),  # Wednesday afternoon
    "end": datetime(2026, 3, 31, 8, 0, tzinfo=JAKARTA),  # the last morning of March
    "leap": datetime(2028, 2, 29, 20, 30, tzinfo=JAKARTA),  # a leap day's evening
    "spring": datetime(2026, 3, 29, 12, 0, tzinfo=BERLIN),  # clocks went 02:00 → 03:00
    "autumn": datetime(2026, 10, 26, 9, 0, tzinfo=BERLIN),  # the day after 03:00 → 02:00
}
FUTURE = "!in the future"

PAST = [
    # -- now, today, and a day or two back
    ("wed", "today", "2026-11-25 15:00"), ("wed", "now", "2026-11-25 15:00"),
    ("wed", "hari ini", "2026-11-25 15:00"), ("wed", "sekarang", "2026-11-25 15:00"),
    ("wed", "tadi", "2026-11-25 15:00"), ("wed", "barusan", "2026-11-25 15:00"),
    ("wed", "baru saja", "2026-11-25 15:00"), ("wed", "just now", "2026-11-25 15:00"),
    ("wed", "earlier today", "2026-11-25 15:00"),
    ("wed", "yesterday", "2026-11-24 12:00"), ("wed", "kemarin", "2026-11-24 12:00"),
    ("wed", "kemarin lusa", "2026-11-23 12:00"), ("wed", "kemarin dulu", "2026-11-23 12:00"),
    # -- minutes and hours ago
    ("wed", "5 mins ago", "2026-11-25 14:55"), ("wed", "10 mins ago", "2026-11-25 14:50"),
    ("wed", "5 min ago", "2026-11-25 14:55"), ("wed", "1 minute ago", "2026-11-25 14:59"),
    ("wed", "1h ago", "2026-11-25 14:00"), ("wed", "2h ago", "2026-11-25 13:00"),
    ("wed", "2 hours ago", "2026-11-25 13:00"), ("wed", "an hour ago", "2026-11-25 14:00"),
    ("wed", "1 hr ago", "2026-11-25 14:00"), ("wed", "3 hrs ago", "2026-11-25 12:00"),
    ("wed", "half an hour ago", "2026-11-25 14:30"), ("wed", "90 minutes ago", "2026-11-25 13:30"),
    ("wed", "30 menit lalu", "2026-11-25 14:30"), ("wed", "15 menit yang lalu", "2026-11-25 14:45"),
    ("wed", "2 jam lalu", "2026-11-25 13:00"), ("wed", "dua jam lalu", "2026-11-25 13:00"),
    ("wed", "sejam lalu", "2026-11-25 14:00"), ("wed", "setengah jam lalu", "2026-11-25 14:30"),
    ("wed", "20 hours ago", "2026-11-24 19:00"),
    # -- days, weeks, months and years ago
    ("wed", "2 days ago", "2026-11-23 12:00"), ("wed", "a day ago", "2026-11-24 12:00"),
    ("wed", "three days ago", "2026-11-22 12:00"), ("wed", "dua hari lalu", "2026-11-23 12:00"),
    ("wed", "3 hari yang lalu", "2026-11-22 12:00"), ("wed", "tiga hari lalu", "2026-11-22 12:00"),
    ("wed", "a week ago", "2026-11-18 12:00"), ("wed", "seminggu lalu", "2026-11-18 12:00"),
    ("wed", "seminggu yang lalu", "2026-11-18 12:00"), ("wed", "2 weeks ago", "2026-11-11 12:00"),
    ("wed", "2 minggu lalu", "2026-11-11 12:00"), ("wed", "2 pekan lalu", "2026-11-11 12:00"),
    ("wed", "minggu lalu", "2026-11-18 12:00"), ("wed", "pekan lalu", "2026-11-18 12:00"),
    ("wed", "last week", "2026-11-18 12:00"), ("wed", "a month ago", "2026-10-25 12:00"),
    ("wed", "sebulan lalu", "2026-10-25 12:00"), ("wed", "bulan lalu", "2026-10-25 12:00"),
    ("wed", "last month", "2026-10-25 12:00"), ("wed", "2 bulan lalu", "2026-09-25 12:00"),
    ("wed", "a year ago", "2025-11-25 12:00"), ("wed", "tahun lalu", "2025-11-25 12:00"),
    ("wed", "last year", "2025-11-25 12:00"), ("wed", "setahun lalu", "2025-11-25 12:00"),
    # -- weekdays
    ("wed", "monday", "2026-11-23 12:00"), ("wed", "senin", "2026-11-23 12:00"),
    ("wed", "tuesday", "2026-11-24 12:00"), ("wed", "selasa", "2026-11-24 12:00"),
    ("wed", "wednesday", "2026-11-25 12:00"), ("wed", "rabu", "2026-11-25 12:00"),
    ("wed", "thursday", "2026-11-19 12:00"), ("wed", "kamis", "2026-11-19 12:00"),
    ("wed", "friday", "2026-11-20 12:00"), ("wed", "jumat", "2026-11-20 12:00"),
    ("wed", "fri", "2026-11-20 12:00"), ("wed", "jum'at", "2026-11-20 12:00"),
    ("wed", "saturday", "2026-11-21 12:00"), ("wed", "sabtu", "2026-11-21 12:00"),
    ("wed", "sunday", "2026-11-22 12:00"), ("wed", "minggu", "2026-11-22 12:00"),
    ("wed", "ahad", "2026-11-22 12:00"), ("wed", "hari minggu", "2026-11-22 12:00"),
    ("wed", "last friday", "2026-11-20 12:00"), ("wed", "jumat lalu", "2026-11-20 12:00"),
    ("wed", "last wednesday", "2026-11-18 12:00"), ("wed", "rabu lalu", "2026-11-18 12:00"),
    ("wed", "rabu kemarin", "2026-11-18 12:00"), ("wed", "this past friday", "2026-11-20 12:00"),
    ("wed", "hari jumat", "2026-11-20 12:00"), ("wed", "hari senin", "2026-11-23 12:00"),
    ("wed", "senin ini", "2026-11-23 12:00"), ("wed", "this monday", "2026-11-23 12:00"),
    ("wed", "senin minggu lalu", "2026-11-16 12:00"), ("wed", "friday last week", "2026-11-20 12:00"),
    ("wed", "kamis pekan lalu", "2026-11-19 12:00"), ("wed", "on monday", "2026-11-23 12:00"),
    # -- parts of the day
    ("wed", "tadi pagi", "2026-11-25 09:00"), ("wed", "this morning", "2026-11-25 09:00"),
    ("wed", "pagi ini", "2026-11-25 09:00"), ("wed", "tadi siang", "2026-11-25 12:00"),
    ("wed", "this afternoon", "2026-11-25 15:00"), ("wed", "tadi sore", "2026-11-25 15:00"),
    ("wed", "kemarin pagi", "2026-11-24 09:00"), ("wed", "kemarin siang", "2026-11-24 12:00"),
    ("wed", "kemarin sore", "2026-11-24 16:00"), ("wed", "kemarin malam", "2026-11-24 20:00"),
    ("wed", "semalam", "2026-11-24 20:00"), ("wed", "tadi malam", "2026-11-24 20:00"),
    ("wed", "last night", "2026-11-24 20:00"), ("wed", "yesterday morning", "2026-11-24 09:00"),
    ("wed", "yesterday afternoon", "2026-11-24 15:00"),
    ("wed", "yesterday evening", "2026-11-24 19:00"), ("wed", "last evening", "2026-11-24 19:00"),
    ("wed", "noon", "2026-11-25 12:00"), ("wed", "midday", "2026-11-25 12:00"),
    ("wed", "senin sore", "2026-11-23 16:00"), ("wed", "friday morning", "2026-11-20 09:00"),
    # -- times of day, bare and qualified, before or after the day
    ("wed", "jam 9", "2026-11-25 09:00"), ("wed", "jam 1", "2026-11-25 13:00"),
    ("wed", "tadi jam 1", "2026-11-25 13:00"), ("wed", "at 2", "2026-11-25 14:00"),
    ("wed", "at 3", "2026-11-25 15:00"), ("wed", "jam 4", "2026-11-25 04:00"),
    ("wed", "jam 14.00", "2026-11-25 14:00"), ("wed", "14:30", "2026-11-25 14:30"),
    ("wed", "14.30", "2026-11-25 14:30"), ("wed", "pukul 10.15", "2026-11-25 10:15"),
    ("wed", "9am", "2026-11-25 09:00"), ("wed", "3pm", "2026-11-25 15:00"),
    ("wed", "9:30am", "2026-11-25 09:30"), ("wed", "jam 09.00", "2026-11-25 09:00"),
    ("wed", "jam 8 pagi", "2026-11-25 08:00"), ("wed", "jam 1 siang", "2026-11-25 13:00"),
    ("wed", "jam 3 sore", "2026-11-25 15:00"), ("wed", "jam 12 siang", "2026-11-25 12:00"),
    ("wed", "9:15", "2026-11-25 09:15"), ("wed", "at 11:45", "2026-11-25 11:45"),
    ("wed", "kemarin jam 9", "2026-11-24 09:00"), ("wed", "kemarin jam 2", "2026-11-24 14:00"),
    ("wed", "kemarin jam 8 malam", "2026-11-24 20:00"),
    ("wed", "kemarin jam 12 malam", "2026-11-25 00:00"), ("wed", "tadi jam 12 malam", "2026-11-25 00:00"),
    ("wed", "kemarin pukul 14.30", "2026-11-24 14:30"), ("wed", "yesterday 3pm", "2026-11-24 15:00"),
    ("wed", "yesterday at 9", "2026-11-24 09:00"), ("wed", "yesterday 9:30am", "2026-11-24 09:30"),
    ("wed", "jam 9 tadi pagi", "2026-11-25 09:00"), ("wed", "semalam jam 10", "2026-11-24 22:00"),
    ("wed", "kemarin sore jam 4", "2026-11-24 16:00"), ("wed", "jam 4 kemarin sore", "2026-11-24 16:00"),
    ("wed", "9am yesterday", "2026-11-24 09:00"), ("wed", "14.30 kemarin", "2026-11-24 14:30"),
    ("wed", "senin jam 10", "2026-11-23 10:00"), ("wed", "senin lalu jam 9", "2026-11-23 09:00"),
    ("wed", "rabu jam 10", "2026-11-25 10:00"), ("wed", "last friday at 4pm", "2026-11-20 16:00"),
    # -- calendar days
    ("wed", "2026-11-20", "2026-11-20 12:00"), ("wed", "2026-11-20 09:30", "2026-11-20 09:30"),
    ("wed", "2026-11-20T09:30", "2026-11-20 09:30"), ("wed", "2026-11-25", "2026-11-25 12:00"),
    ("wed", "20/11", "2026-11-20 12:00"), ("wed", "20/11/2026", "2026-11-20 12:00"),
    ("wed", "20.11.2026", "2026-11-20 12:00"), ("wed", "20-11-2026", "2026-11-20 12:00"),
    ("wed", "3/11", "2026-11-03 12:00"), ("wed", "1/3/25", "2025-03-01 12:00"),
    ("wed", "20/12", "2025-12-20 12:00"), ("wed", "29/02/2024", "2024-02-29 12:00"),
    ("wed", "tgl 20", "2026-11-20 12:00"), ("wed", "tanggal 5", "2026-11-05 12:00"),
    ("wed", "tgl 30", "2026-10-30 12:00"), ("wed", "tgl 25", "2026-11-25 12:00"),
    ("wed", "the 5th", "2026-11-05 12:00"), ("wed", "5th", "2026-11-05 12:00"),
    ("wed", "on the 1st", "2026-11-01 12:00"), ("wed", "20 nov", "2026-11-20 12:00"),
    ("wed", "20 november", "2026-11-20 12:00"), ("wed", "november 20", "2026-11-20 12:00"),
    ("wed", "nov 20, 2025", "2025-11-20 12:00"), ("wed", "3 desember", "2025-12-03 12:00"),
    ("wed", "1 agustus 2026", "2026-08-01 12:00"), ("wed", "20 Oktober 2025", "2025-10-20 12:00"),
    ("wed", "tgl 20 okt", "2026-10-20 12:00"), ("wed", "20 nov jam 3 sore", "2026-11-20 15:00"),
    # -- parts of a week, month or year
    ("wed", "awal bulan", "2026-11-01 12:00"), ("wed", "akhir bulan", "2026-10-31 12:00"),
    ("wed", "pertengahan bulan", "2026-11-15 12:00"), ("wed", "beginning of the month", "2026-11-01 12:00"),
    ("wed", "start of the month", "2026-11-01 12:00"), ("wed", "end of last month", "2026-10-31 12:00"),
    ("wed", "akhir bulan lalu", "2026-10-31 12:00"), ("wed", "awal tahun", "2026-01-01 12:00"),
    ("wed", "pertengahan tahun", "2026-07-01 12:00"), ("wed", "akhir tahun", "2025-12-31 12:00"),
    ("wed", "end of the year", "2025-12-31 12:00"), ("wed", "awal minggu", "2026-11-23 12:00"),
    ("wed", "akhir pekan", "2026-11-21 12:00"), ("wed", "weekend", "2026-11-21 12:00"),
    ("wed", "last weekend", "2026-11-21 12:00"), ("wed", "akhir pekan lalu", "2026-11-21 12:00"),
    ("wed", "end of week", "2026-11-20 12:00"), ("wed", "end of last week", "2026-11-20 12:00"),
    ("wed", "awal minggu lalu", "2026-11-16 12:00"), ("wed", "mid month", "2026-11-15 12:00"),
    # -- refused: in the future, not a date, or not one day
    ("wed", "tomorrow", FUTURE), ("wed", "besok", FUTURE), ("wed", "lusa", FUTURE),
    ("wed", "next friday", FUTURE), ("wed", "jumat depan", FUTURE), ("wed", "minggu depan", FUTURE),
    ("wed", "pekan depan", FUTURE), ("wed", "next week", FUTURE), ("wed", "in 2 days", FUTURE),
    ("wed", "2 hari lagi", FUTURE), ("wed", "seminggu lagi", FUTURE), ("wed", "in 2 hours", FUTURE),
    ("wed", "2 jam lagi", FUTURE), ("wed", "bulan depan", FUTURE), ("wed", "tahun depan", FUTURE),
    ("wed", "jumat ini", FUTURE), ("wed", "jam 8 malam", FUTURE), ("wed", "nanti sore", FUTURE),
    ("wed", "tonight", FUTURE), ("wed", "2027-01-01", FUTURE),
    ("wed", "minggu ini", "!'minggu ini' is a whole week"),
    ("wed", "this week", "!'this week' is a whole week"),
    ("wed", "9", "!a bare number"), ("wed", "25", "!a bare number"),
    ("wed", "blorp", "!cannot understand the date"), ("wed", "jam 25", "!cannot understand the time"),
    ("wed", "13pm", "!cannot understand the time"), ("wed", "31/11/2026", "!not a valid date"),
    ("wed", "11/25/2024", "!write it as 2024-11-25"), ("wed", "11/23", "!write it as 2026-11-23"),
    ("wed", "tgl 32", "!not a valid date"), ("wed", "2026-13-01", "!not a valid date"),
    ("wed", "2026-02-30", "!not a valid date"), ("wed", "", "!empty date"),
    # -- a month's last morning
    ("end", "kemarin", "2026-03-30 12:00"), ("end", "tadi pagi", "2026-03-31 08:00"),
    ("end", "this morning", "2026-03-31 08:00"), ("end", "tadi siang", FUTURE),
    ("end", "jam 9", FUTURE), ("end", "jam 7", "2026-03-31 07:00"),
    ("end", "sebulan lalu", "2026-02-28 12:00"), ("end", "bulan lalu", "2026-02-28 12:00"),
    ("end", "awal bulan", "2026-03-01 12:00"), ("end", "tgl 31", "2026-03-31 08:00"),
    ("end", "today", "2026-03-31 08:00"), ("end", "selasa", "2026-03-31 08:00"),
    ("end", "tgl 30", "2026-03-30 12:00"), ("end", "29/2", "2024-02-29 12:00"),
    # -- a leap day's evening
    ("leap", "semalam", "2028-02-29 20:00"), ("leap", "tadi malam", "2028-02-29 20:00"),
    ("leap", "tahun lalu", "2027-02-28 12:00"), ("leap", "a year ago", "2027-02-28 12:00"),
    ("leap", "29/2", "2028-02-29 12:00"), ("leap", "tgl 29", "2028-02-29 12:00"),
    ("leap", "jam 9", "2028-02-29 09:00"), ("leap", "at 8", "2028-02-29 20:00"),
    ("leap", "jam 8 malam", "2028-02-29 20:00"), ("leap", "akhir bulan", "2028-02-29 12:00"),
    ("leap", "sebulan lalu", "2028-01-29 12:00"), ("leap", "seminggu lalu", "2028-02-22 12:00"),
    # -- Berlin on the days its clocks change
    ("spring", "jam 02.30", "2026-03-29T03:30+02:00"), ("spring", "jam 1", "2026-03-29T01:00+01:00"),
    ("spring", "3 hours ago", "2026-03-29T09:00+02:00"),
    ("spring", "12 hours ago", "2026-03-28T23:00+01:00"),
    ("spring", "kemarin", "2026-03-28T12:00+01:00"), ("spring", "yesterday 9am", "2026-03-28T09:00+01:00"),
    ("autumn", "kemarin jam 02.30", "2026-10-25T02:30+02:00"),
    ("autumn", "3 days ago", "2026-10-23T12:00+02:00"), ("autumn", "kemarin", "2026-10-25T12:00+01:00"),
    ("autumn", "25 hours ago", "2026-10-25T08:00+01:00"), ("autumn", "last week", "2026-10-19T12:00+02:00"),
]  # fmt: skip

PLANS = [
    ("wed", "tomorrow", "2026-11-26 12:00"), ("wed", "besok", "2026-11-26 12:00"),
    ("wed", "lusa", "2026-11-27 12:00"), ("wed", "friday", "2026-11-27 12:00"),
    ("wed", "jumat", "2026-11-27 12:00"), ("wed", "wednesday", "2026-11-25 12:00"),
    ("wed", "monday", "2026-11-30 12:00"), ("wed", "senin depan", "2026-11-30 12:00"),
    ("wed", "next monday", "2026-11-30 12:00"), ("wed", "jumat pekan depan", "2026-12-04 12:00"),
    ("wed", "jumat minggu depan", "2026-12-04 12:00"), ("wed", "friday next week", "2026-12-04 12:00"),
    ("wed", "next week", "2026-12-02 12:00"), ("wed", "minggu depan", "2026-12-02 12:00"),
    ("wed", "pekan depan", "2026-12-02 12:00"), ("wed", "in 2 weeks", "2026-12-09 12:00"),
    ("wed", "2 minggu lagi", "2026-12-09 12:00"), ("wed", "seminggu lagi", "2026-12-02 12:00"),
    ("wed", "in 3 days", "2026-11-28 12:00"), ("wed", "3 hari lagi", "2026-11-28 12:00"),
    ("wed", "tiga hari lagi", "2026-11-28 12:00"), ("wed", "in 10 days", "2026-12-05 12:00"),
    ("wed", "in a week", "2026-12-02 12:00"), ("wed", "sebulan lagi", "2026-12-25 12:00"),
    ("wed", "bulan depan", "2026-12-25 12:00"), ("wed", "next month", "2026-12-25 12:00"),
    ("wed", "in 2 months", "2027-01-25 12:00"), ("wed", "tahun depan", "2027-11-25 12:00"),
    ("wed", "minggu ini", "2026-11-27 12:00"), ("wed", "this week", "2026-11-27 12:00"),
    ("wed", "pekan ini", "2026-11-27 12:00"), ("wed", "akhir minggu", "2026-11-28 12:00"),
    ("wed", "akhir pekan", "2026-11-28 12:00"), ("wed", "weekend", "2026-11-28 12:00"),
    ("wed", "this weekend", "2026-11-28 12:00"), ("wed", "next weekend", "2026-12-05 12:00"),
    ("wed", "akhir pekan depan", "2026-12-05 12:00"), ("wed", "end of week", "2026-11-27 12:00"),
    ("wed", "end of the week", "2026-11-27 12:00"), ("wed", "end of next week", "2026-12-04 12:00"),
    ("wed", "akhir bulan", "2026-11-30 12:00"), ("wed", "end of month", "2026-11-30 12:00"),
    ("wed", "end of the month", "2026-11-30 12:00"), ("wed", "awal bulan", "2026-12-01 12:00"),
    ("wed", "awal bulan depan", "2026-12-01 12:00"), ("wed", "beginning of next month", "2026-12-01 12:00"),
    ("wed", "pertengahan bulan", "2026-12-15 12:00"), ("wed", "akhir tahun", "2026-12-31 12:00"),
    ("wed", "end of the year", "2026-12-31 12:00"), ("wed", "awal tahun depan", "2027-01-01 12:00"),
    ("wed", "pertengahan tahun depan", "2027-07-01 12:00"), ("wed", "end of day", "2026-11-25 12:00"),
    ("wed", "nanti", "2026-11-25 15:00"), ("wed", "nanti sore", "2026-11-25 16:00"),
    ("wed", "tonight", "2026-11-25 20:00"), ("wed", "jam 4", "2026-11-25 16:00"),
    ("wed", "at 2", "2026-11-26 14:00"), ("wed", "besok jam 14.00", "2026-11-26 14:00"),
    ("wed", "besok jam 2", "2026-11-26 14:00"), ("wed", "besok pagi", "2026-11-26 09:00"),
    ("wed", "senin jam 10", "2026-11-30 10:00"), ("wed", "the 5th", "2026-12-05 12:00"),
    ("wed", "tgl 5", "2026-12-05 12:00"), ("wed", "tanggal 1", "2026-12-01 12:00"),
    ("wed", "20/12", "2026-12-20 12:00"), ("wed", "3 januari", "2027-01-03 12:00"),
    ("wed", "1/1", "2027-01-01 12:00"), ("wed", "2027-03-31", "2027-03-31 12:00"),
    ("wed", "hari jumat", "2026-11-27 12:00"), ("wed", "jumat ini", "2026-11-27 12:00"),
    ("wed", "this friday", "2026-11-27 12:00"), ("wed", "kamis ini", "2026-11-26 12:00"),
    ("wed", "in 2 hours", "2026-11-25 17:00"), ("wed", "2 jam lagi", "2026-11-25 17:00"),
    ("wed", "sejam lagi", "2026-11-25 16:00"), ("wed", "in 30 minutes", "2026-11-25 15:30"),
    ("wed", "30 menit lagi", "2026-11-25 15:30"), ("wed", "9", "!a bare number"),
    ("wed", "blorp", "!cannot understand the date"),
    ("end", "akhir bulan", "2026-03-31 12:00"), ("end", "bulan depan", "2026-04-30 12:00"),
    ("end", "sebulan lagi", "2026-04-30 12:00"), ("end", "awal bulan", "2026-04-01 12:00"),
    ("end", "tgl 31", "2026-03-31 12:00"), ("end", "tgl 30", "2026-04-30 12:00"),
    ("end", "akhir bulan depan", "2026-04-30 12:00"), ("end", "minggu depan", "2026-04-07 12:00"),
    ("end", "jam 9", "2026-03-31 09:00"),
    ("leap", "tahun depan", "2029-02-28 12:00"), ("leap", "bulan depan", "2028-03-29 12:00"),
    ("leap", "besok", "2028-03-01 12:00"), ("leap", "akhir bulan", "2028-02-29 12:00"),
    ("leap", "awal bulan", "2028-03-01 12:00"), ("leap", "29/2", "2028-02-29 12:00"),
    ("leap", "tgl 30", "2028-03-30 12:00"), ("leap", "at 8", "2028-03-01 08:00"),
]  # fmt: skip


def _shown(moment: datetime, expected: str) -> str:
    if "T" in expected:
        return moment.isoformat(timespec="minutes")
    return moment.strftime("%Y-%m-%d %H:%M")


def _check(now: str, text: str, expected: str, prefer: str) -> None:
    moment = NOWS[now]
    if expected.startswith("!"):
        with pytest.raises(UsageError) as refused:
            parse_when(text, moment, prefer=prefer, allow_future=prefer == "future")
        assert expected[1:] in refused.value.message, refused.value.message
        assert refused.value.exit_code == 2
        return
    found = parse_when(text, moment, prefer=prefer, allow_future=prefer == "future")
    assert _shown(found, expected) == expected


def test_the_tables_hold_at_least_250_expressions_in_both_languages():
    assert len(PAST) + len(PLANS) >= 250
    assert len({(now, text) for now, text, _ in PAST}) == len(PAST)
    assert len({(now, text) for now, text, _ in PLANS}) == len(PLANS)


@pytest.mark.english
@pytest.mark.parametrize(("now", "text", "expected"), PAST, ids=[f"{n}:{t}" for n, t, _ in PAST])
def test_a_log_reads_what_happened(now, text, expected):
    _check(now, text, expected, "past")


@pytest.mark.english
@pytest.mark.parametrize(("now", "text", "expected"), PLANS, ids=[f"{n}:{t}" for n, t, _ in PLANS])
def test_a_plan_reads_what_is_to_come(now, text, expected):
    _check(now, text, expected, "future")


# -- properties over any moment of any year, in four zones ----------------------------

FORMS = sorted({text for _n, text, expected in PAST + PLANS if not expected.startswith("!")})
# What a plan says without a year or a backward word is ahead of today.
AHEAD = sorted(
    {text for _n, text, expected in PLANS if not expected.startswith("!")}
    - {text for text in FORMS if any(c.isdigit() for c in text) and len(text) >= 8}
)
ZONES = ("Asia/Jakarta", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe")


def _moments():
    from hypothesis import strategies as st

    return st.builds(
        lambda naive, zone: naive.replace(tzinfo=ZoneInfo(zone)),
        st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)),
        st.sampled_from(ZONES),
    )


def test_a_log_is_never_in_the_future_and_a_plan_never_behind_today():
    from datetime import timedelta

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from partnerlog.core.dates import parse_day

    @settings(max_examples=int(os.environ.get("PARTNERLOG_DATE_EXAMPLES", "300")), deadline=None)
    @given(_moments(), st.sampled_from(FORMS), st.sampled_from(AHEAD))
    def check(now, logged, planned):
        try:
            moment = parse_when(logged, now)
        except UsageError as refused:
            assert refused.exit_code == 2
        else:
            assert moment <= now + timedelta(minutes=5), (logged, now, moment)
        day = parse_day(planned, now, prefer="future")
        assert day >= now.date(), (planned, now, day)

    check()


def test_no_form_in_the_tables_needs_dateparser():
    """`log -w` with any documented form stays on the quick path."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from datetime import datetime\n"
        "from zoneinfo import ZoneInfo\n"
        "from partnerlog.core.dates import parse_when\n"
        "now = datetime(2026, 11, 25, 15, 0, tzinfo=ZoneInfo('Asia/Jakarta'))\n"
        f"for text in {FORMS!r}:\n"
        "    try:\n"
        "        parse_when(text, now, prefer='future', allow_future=True)\n"
        "    except Exception:\n"
        "        pass\n"
        "print(json.dumps('dateparser' in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert json.loads(result.stdout) is False, result.stderr
