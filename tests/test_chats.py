"""`chat import`: WhatsApp and Telegram exports, in the shapes the apps write them,
become one chat entry a day per partner, without what was said."""

import io
import json
import zipfile

import pytest

LRM, NNBSP = "\u200e", "\u202f"

# Android, English (US): month first, two-digit year, 12-hour with a narrow space.
ANDROID_US = (
    f"12/28/25, 9:15{NNBSP}PM - Messages and calls are end-to-end encrypted. No one outside "
    "of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
    f"12/28/25, 9:15{NNBSP}PM - Sari Wulandari: Are we still on for tomorrow?\n"
    f"12/28/25, 9:17{NNBSP}PM - Budi: Yes! 10am\n"
    "see you there: bring the deck\n"
    f"12/29/25, 8:02{NNBSP}AM - Sari Wulandari: <Media omitted>\n"
    f"12/30/25, 1:00{NNBSP}PM - Sari Wulandari: the numbers look off\n"
    f"12/30/25, 1:05{NNBSP}PM - Budi: This message was deleted\n"
)
# Android, English (UK): day first, four-digit year, 24-hour.
ANDROID_UK = (
    "28/12/2025, 21:15 - Sari Wulandari: Are we still on for tomorrow?\n"
    "28/12/2025, 21:17 - Budi: Yes\n"
    "13/01/2026, 09:00 - Budi: happy new year\n"
    "13/01/2026, 09:01 - Sari Wulandari: <Media omitted>\n"
)
# Android, Indonesian: day first, time with a dot, no comma.
ANDROID_ID = (
    "28/12/25 21.15 - Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun "
    "di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.\n"
    "28/12/25 21.15 - Sari Wulandari: Besok jadi?\n"
    "28/12/25 21.17 - Budi: Jadi, jam 10\n"
    "29/12/25 08.02 - Sari Wulandari: <Media tidak disertakan>\n"
    "29/12/25 08.03 - Budi: pesan ini dihapus\n"
)
# iOS, English: bracketed, seconds, direction marks on notices and media.
IOS_EN = (
    f"[28/12/2025, 21:15:42] Sari Wulandari: {LRM}Messages and calls are end-to-end "
    "encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n"
    "[28/12/2025, 21:15:50] Sari Wulandari: Are we still on for tomorrow?\n"
    "[28/12/2025, 21:17:03] Budi: Yes\n"
    f"{LRM}[29/12/2025, 08:02:11] Sari Wulandari: {LRM}image omitted\n"
    f"{LRM}[29/12/2025, 08:05:00] Budi: {LRM}sticker omitted\n"
)
# iOS, Indonesian.
IOS_ID = (
    f"[28/12/25 21.15.42] Sari Wulandari: {LRM}Pesan dan panggilan terenkripsi secara "
    "end-to-end.\n"
    "[28/12/25 21.15.50] Sari Wulandari: Besok jadi?\n"
    "[28/12/25 21.17.03] Budi: Jadi\n"
)
# A group chat: Android, English (UK), with a member added and a phone number.
GROUP = (
    '02/12/2025, 09:00 - Budi created group "Data team"\n'
    "15/12/2025, 09:01 - Budi added Sari Wulandari\n"
    "15/12/2025, 09:02 - Sari Wulandari: morning all\n"
    "15/12/2025, 09:03 - +62 812-3456-7890: halo\n"
    "15/12/2025, 09:05 - Budi: standup at 10\n"
    "15/12/2025, 09:06 - Dewi Lestari: ok\n"
    "16/12/2025, 10:00 - Sari Wulandari: anyone?\n"
)
TELEGRAM = {
    "name": "Sari Wulandari",
    "type": "personal_chat",
    "id": 4242,
    "messages": [
        {"id": 1, "type": "service", "date": "2025-12-27T10:00:00", "actor": "Budi",
         "action": "phone_call"},
        {"id": 2, "type": "message", "date": "2025-12-28T21:15:42", "from": "Sari Wulandari",
         "from_id": "user1", "text": "Are we still on?"},
        {"id": 3, "type": "message", "date": "2025-12-28T21:17:00", "from": "Budi",
         "from_id": "user2", "text": ["Yes ", {"type": "bold", "text": "10am"}]},
        {"id": 4, "type": "message", "date": "2025-12-29T08:00:00", "from": "Budi",
         "from_id": "user2", "photo": "photos/1.jpg", "text": ""},
    ],
}  # fmt: skip


@pytest.fixture
def chats(run, tmp_path):
    assert run("partner", "add", "Sari Wulandari").exit_code == 0
    assert run("partner", "add", "Dewi Lestari").exit_code == 0

    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def logged(rows) -> list[dict]:
    return rows(
        "SELECT i.occurred_at AS at, i.note, i.kind, i.setting, group_concat(p.handle) AS who"
        " FROM interactions i JOIN interaction_partners ip ON ip.interaction_id = i.id"
        " JOIN partners p ON p.id = ip.partner_id GROUP BY i.id ORDER BY i.occurred_at"
    )


@pytest.mark.parametrize(
    "name, text, days",
    [
        ("WhatsApp Chat with Sari Wulandari.txt", ANDROID_US, ["2025-12-28", "2025-12-30"]),
        ("WhatsApp Chat with Sari Wulandari.txt", ANDROID_UK, ["2025-12-28", "2026-01-13"]),
        ("Chat WhatsApp dengan Sari Wulandari.txt", ANDROID_ID, ["2025-12-28", "2025-12-29"]),
        ("_chat.txt", IOS_EN, ["2025-12-28", "2025-12-29"]),
        ("_chat.txt", IOS_ID, ["2025-12-28"]),
    ],
    ids=["android-us", "android-uk", "android-id", "ios-en", "ios-id"],
)
def test_whatsapp_as_phones_export_it(chats, run, rows, name, text, days):
    result = run("chat", "import", chats(name, text), "--me", "Budi")
    assert result.exit_code == 0, result.stderr
    found = logged(rows)
    assert [f["at"][:10] for f in found] == days
    assert all(f["who"] == "sari" and f["kind"] == "message" and f["setting"] == "remote"
               for f in found)  # fmt: skip
    tags = rows("SELECT DISTINCT tag FROM interaction_tags")
    assert tags == [{"tag": "whatsapp"}]
    pillars = rows("SELECT DISTINCT pillar FROM interaction_pillars")
    assert pillars == [{"pillar": "communication"}]


@pytest.mark.english
def test_what_was_said_is_never_kept(chats, run, rows, journal_path):
    run("chat", "import", chats("chat.txt", ANDROID_US), "--me", "Budi")
    assert [f["note"] for f in logged(rows)] == [
        "WhatsApp: 2 messages, 1 from Sari",
        "WhatsApp: 2 messages, 1 from Sari",
    ]
    stored = journal_path.read_bytes()
    for said in (b"still on for tomorrow", b"bring the deck", b"numbers look off"):
        assert said not in stored


def test_importing_again_or_a_longer_export_adds_only_new_days(chats, run, rows):
    first = ANDROID_UK.split("13/01/2026")[0]
    assert run("chat", "import", chats("a.txt", first), "--me", "Budi").exit_code == 0
    assert len(logged(rows)) == 1
    again = run("chat", "import", chats("b.txt", ANDROID_UK), "--json")  # --me remembered
    assert again.exit_code == 0, again.stderr
    said = json.loads(again.stdout)
    assert (said["added"], said["unchanged"], said["me"]) == (1, 1, "Budi")
    assert len(logged(rows)) == 2
    third = json.loads(run("chat", "import", chats("b.txt", ANDROID_UK), "--json").stdout)
    assert (third["added"], third["unchanged"]) == (0, 2)


@pytest.mark.parametrize(
    "zipped, inside, text",
    [
        ("WhatsApp Chat - Sari Wulandari.zip", "_chat.txt", IOS_EN),
        ("WhatsApp Chat with Sari Wulandari.zip", "WhatsApp Chat with Sari Wulandari.txt",
         ANDROID_UK),
    ],
    ids=["iphone", "android"],
)  # fmt: skip
def test_a_zip_as_whatsapp_makes_it(chats, run, rows, tmp_path, zipped, inside, text):
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr(inside, text)
        archive.writestr("00000012-PHOTO-2025-12-29-08-02-11.jpg", b"\xff\xd8\xff")
        archive.writestr("IMG-20251229-WA0001.jpg", b"\xff\xd8\xff")
    path = tmp_path / zipped
    path.write_bytes(packed.getvalue())
    result = run("chat", "import", str(path), "--me", "Budi")
    assert result.exit_code == 0, result.stderr
    assert len(logged(rows)) == 2


def test_a_group_chat_logs_one_entry_a_day_with_who_wrote(chats, run, rows):
    result = run("chat", "import", chats("WhatsApp Chat with Data team.txt", GROUP),
                 "--me", "Budi", "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    found = logged(rows)
    assert [(f["at"][:10], sorted(f["who"].split(","))) for f in found] == [
        ("2025-12-15", ["dewi", "sari"])
    ]  # (16 December: only Sari wrote)
    assert json.loads(result.stdout)["unknown"] == {"+62 812-3456-7890": 1}


@pytest.mark.english
def test_unknown_senders_are_named_with_the_command_that_adds_them(chats, run, rows):
    result = run("chat", "import", chats("g.txt", GROUP), "--me", "Budi")
    assert "1 message from +62 812-3456-7890, not a partner: partnerlog partner add " in (
        result.stderr
    )
    assert "'+62 812-3456-7890'" in result.stderr
    added = run("chat", "import", chats("g.txt", GROUP), "--add-unknown")
    assert added.exit_code == 0
    assert len(rows("SELECT id FROM partners")) == 3


def test_telegram_result_json(chats, run, rows):
    result = run("chat", "import", chats("result.json", json.dumps(TELEGRAM)), "--me", "Budi")
    assert result.exit_code == 0, result.stderr
    found = logged(rows)
    assert [f["at"][:10] for f in found] == ["2025-12-28"]
    assert rows("SELECT DISTINCT tag FROM interaction_tags") == [{"tag": "telegram"}]


def test_a_corrupt_line_is_skipped_and_counted(chats, run, rows):
    broken = ANDROID_UK + "45/13/2025, 25:99 - Budi: ???\n"
    result = run("chat", "import", chats("c.txt", broken), "--me", "Budi", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["unreadable_lines"] == 1
    assert len(logged(rows)) == 2


def test_dates_that_read_both_ways_ask_which(chats, run, rows, unchanged):
    both = "01/02/2025, 10:00 - Sari Wulandari: hi\n01/02/2025, 10:05 - Budi: hi\n" + (
        "03/04/2025, 10:00 - Sari Wulandari: hi\n03/04/2025, 10:05 - Budi: hi\n"
    )
    path = chats("both.txt", both)
    with unchanged():
        refused = run("chat", "import", path, "--me", "Budi")
    assert refused.exit_code == 2 and "--day-first" in refused.stderr
    assert run("chat", "import", path, "--me", "Budi", "--month-first").exit_code == 0
    assert [f["at"][:10] for f in logged(rows)] == ["2025-01-02", "2025-03-04"]


def test_since_until_and_a_dry_run(chats, run, rows, unchanged):
    path = chats("uk.txt", ANDROID_UK)
    with unchanged():
        dry = run("chat", "import", path, "--me", "Budi", "--dry-run", "--json")
    assert dry.exit_code == 0 and json.loads(dry.stdout)["added"] == 2
    run("chat", "import", path, "--me", "Budi", "--since", "2026-01-01", "--until", "2026-01-31")
    assert [f["at"][:10] for f in logged(rows)] == ["2026-01-13"]


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--day-first", "--month-first"], "--month-first"),
        (["--me", "Nobody"], "Nobody"),
        ([], "--me"),
    ],
)
def test_bad_input_changes_nothing(chats, run, unchanged, args, fragment):
    path = chats("uk.txt", ANDROID_UK)
    with unchanged():
        result = run("chat", "import", path, *args)
    assert result.exit_code == 2
    assert fragment in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "content",
    [
        b"just some notes\n",
        b"\xff\xfe\x00garbage",
        b'{"about": "me"}',
        b'{"chats": {"list": []}}',
        b"PK\x03\x04broken",
    ],  # fmt: skip
    ids=["text", "binary", "json", "all-chats", "bad-zip"],
)
def test_files_that_are_not_chats_are_refused(chats, run, tmp_path, unchanged, content):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with unchanged():
        result = run("chat", "import", str(path), "--me", "Budi")
    assert result.exit_code == 2
    assert result.stderr.startswith("partnerlog: ") and result.stderr.count("\n") == 1


def test_a_chat_from_stdin(chats, run, rows):
    result = run("chat", "import", "-", "--me", "Budi", input=ANDROID_UK)
    assert result.exit_code == 0, result.stderr
    assert len(logged(rows)) == 2


def test_two_group_chats_piped_in_on_the_same_day_are_two_entries(chats, run, rows):
    other = "".join(line + "\n" for line in GROUP.splitlines() if "+62" not in line)
    assert run("chat", "import", "-", "--me", "Budi", input=GROUP).exit_code == 0
    assert run("chat", "import", "-", input=other).exit_code == 0  # (other people: another group)
    assert len(logged(rows)) == 2
    again = json.loads(run("chat", "import", "-", "--json", input=GROUP).stdout)
    assert (again["added"], again["unchanged"]) == (0, 1)


def test_what_was_said_is_kept_only_when_asked_and_then_private(chats, run, rows, journal_path):
    result = run("chat", "import", chats("uk.txt", ANDROID_UK + (
        "14/01/2026, 10:00 - Sari Wulandari: the deck,\nslide 3 needs numbers\n"
        "14/01/2026, 10:02 - Budi: on it\n"
    )), "--me", "Budi", "--keep-text", "--since", "2026-01-14")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [entry] = rows("SELECT note, private FROM interactions")
    assert entry["private"] == 1
    assert entry["note"].splitlines()[2:] == [
        "10:00 Sari Wulandari: the deck,",
        "slide 3 needs numbers",
        "10:02 Budi: on it",
    ]
