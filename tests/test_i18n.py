"""Bahasa Indonesia: the catalogue is whole, the language is chosen as documented, data
never changes with it, and what a person reads is translated."""

import json
import re
from importlib import metadata
from pathlib import Path

import pytest

import partnerlog

LOCALE = Path(partnerlog.__file__).parent / "locale"
SOURCE = Path(__file__).parent.parent / "src" / "partnerlog"
PO = SOURCE / "locale" / "id" / "LC_MESSAGES" / "partnerlog.po"
POT = SOURCE / "locale" / "partnerlog.pot"
FIELD = re.compile(r"\{([A-Za-z_]\w*)")


def catalogue(path=PO):
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        return read_po(handle)


def test_every_message_is_translated_with_its_fields():
    po = catalogue()
    assert po.plural_forms == "nplurals=1; plural=0;"  # Indonesian has no plural forms
    messages = [m for m in po if m.id]
    assert len(messages) > 700
    for message in messages:
        assert "fuzzy" not in message.flags, message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {message.id!r}"
        for text in strings:
            assert set(FIELD.findall(text)) == set(FIELD.findall(ids[0])), message.id


def test_the_catalogue_holds_every_message_the_code_marks():
    """What `pybabel extract -F babel.cfg` finds today is what the .pot and .po hold."""
    from babel.messages.extract import extract_from_dir

    root = SOURCE.parent.parent
    config = (root / "babel.cfg").read_text()
    keywords = re.search(r"^keywords = (.*)$", config, re.M).group(1).split()
    spec = {"_": None, "ngettext": (1, 2)}
    for keyword in keywords:
        name, _, places = keyword.partition(":")
        spec[name] = tuple(int(p) for p in places.split(",")) if places else None
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        SOURCE, method_map=[("**.py", "python")], keywords=spec
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    for path in (POT, PO):
        held = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue(path) if m.id}
        assert found == held, (path.name, sorted(found ^ held)[:5])


def test_no_message_hides_inside_an_f_string():
    """`pybabel extract` cannot see `_("…")` written inside an f-string's braces."""
    hidden = re.compile(r"""\{_\(["']""")
    found = [
        f"{path.relative_to(SOURCE)}:{n}"
        for path in SOURCE.rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if hidden.search(line)
    ]
    assert not found


def test_an_installed_package_carries_the_compiled_catalogue():
    """The wheel's build compiles the .po (setup.py); a clean install has the .mo."""
    files = metadata.files("partnerlog") or []
    installed = [str(f) for f in files]
    if not any(name.endswith("partnerlog/quick.py") for name in installed):
        pytest.skip("an editable install: the catalogue is compiled into the source folder")
    assert "partnerlog/locale/id/LC_MESSAGES/partnerlog.mo" in installed
    assert not any(name.endswith(".po") for name in installed)
    assert (LOCALE / "id" / "LC_MESSAGES" / "partnerlog.mo").is_file()


def test_the_catalogue_reads_every_message_as_the_standard_library_does(tmp_path):
    """partnerlog reads the compiled catalogue itself (decoding only what a command
    says): every message and plural, and a message it lacks, as `gettext` gives them."""
    import gettext

    from partnerlog.i18n import _Catalogue

    compiled = LOCALE / "id" / "LC_MESSAGES" / "partnerlog.mo"
    with open(compiled, "rb") as handle:
        expected = gettext.GNUTranslations(handle)
    found = _Catalogue(compiled.read_bytes())
    plurals = 0
    for message in catalogue():
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            plurals += 1
            for count in (0, 1, 2, 1000):
                assert found.ngettext(*message.id, count) == expected.ngettext(*message.id, count)
        else:
            assert found.gettext(message.id) == expected.gettext(message.id)
    assert plurals > 10
    assert found.gettext("not a message") == "not a message"
    assert found.ngettext("one {n}", "{n} more", 2) == "{n} more"
    for broken in (b"\x00" * 28, compiled.read_bytes()[:30]):  # not one, or cut short
        with pytest.raises(ValueError):  # (the language falls back to English)
            _Catalogue(broken)


# -- choosing the language ------------------------------------------------------------------


@pytest.mark.parametrize(
    "env, args, language",
    [
        ({"PARTNERLOG_LANG": "id"}, [], "id"),
        ({"LANG": "id_ID.UTF-8"}, [], "id"),
        ({"LANGUAGE": "id:en", "LANG": "en_US.UTF-8"}, [], "id"),
        ({"LC_ALL": "id_ID.UTF-8", "LANG": "en_GB.UTF-8"}, [], "id"),
        ({"LC_MESSAGES": "id_ID"}, [], "id"),
        ({"LANG": "C"}, [], "en"),
        ({"PARTNERLOG_LANG": "xx"}, [], "en"),  # unknown: English, silently
        ({"PARTNERLOG_LANG": "en", "LANG": "id_ID.UTF-8"}, [], "en"),
        ({"PARTNERLOG_LANG": "en"}, ["--lang", "id"], "id"),
        ({"LANG": "id_ID.UTF-8"}, ["--lang=en"], "en"),
        ({}, ["--lang", "klingon"], "en"),
    ],
)
def test_the_language_is_chosen_as_documented(team, monkeypatch, env, args, language):
    for name in ("PARTNERLOG_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for who in ("sari", "budi", "jose", "maria"):
        team("log", who, "hello")
    result = team(*args, "due")
    assert result.exit_code == 0
    said = {"en": "Nobody is due. Well kept!\n", "id": "Tidak ada yang jatuh tempo."}
    assert said[language] in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1


def test_help_is_translated(run):
    shown = run("--lang", "id", "log", "--help").stdout
    assert "Catat interaksi dengan satu mitra atau lebih." in shown
    assert "Contoh: partnerlog log sari" in shown
    assert "Record an interaction" in run("--lang", "en", "log", "--help").stdout


# -- data is the same in every language -----------------------------------------------------


def both(run, *args):
    english = run("--lang", "en", *args)
    indonesian = run("--lang", "id", *args)
    assert english.exit_code == indonesian.exit_code
    return english, indonesian


@pytest.mark.parametrize(
    "args",
    [
        ("summary", "--json"),
        ("due", "--json", "--within", "2w"),
        ("partner", "show", "andi", "--json"),
        ("agenda", "--json"),
        ("open", "--json"),
        ("timeline", "--json", "-n", "5"),
        ("kinds", "--json"),
        ("search", "migration", "--json"),
    ],
)
def test_json_is_identical_in_every_language(run, demo_journal, tmp_path, monkeypatch, args):
    import shutil

    journal = tmp_path / "demo.db"
    shutil.copy(demo_journal, journal)
    monkeypatch.setenv("PARTNERLOG_DB", str(journal))
    english, indonesian = both(run, *args)
    assert english.stdout == indonesian.stdout
    assert json.loads(indonesian.stdout) is not None


def test_numbers_in_messages_are_written_the_languages_way(team, unchanged):
    """Indonesian groups thousands with "." (and writes decimals after ","); the
    values themselves, and English, are as they were."""
    note = "x" * 70_000
    with unchanged():
        english = team("--lang", "en", "log", "sari", note)
        indonesian = team("--lang", "id", "log", "sari", note)
    assert english.exit_code == indonesian.exit_code == 2
    assert "70,000 characters" in english.stderr and "65,536" in english.stderr
    assert "70.000 karakter" in indonesian.stderr and "65.536" in indonesian.stderr


def test_exit_codes_and_stored_rows_do_not_change_with_the_language(team, rows):
    english, indonesian = both(team, "log", "nobody", "x")
    assert english.exit_code == indonesian.exit_code == 1
    assert english.stderr != indonesian.stderr
    assert team("--lang", "id", "log", "sari", "ngopi", "-k", "ngopi", "-s", "luar").exit_code == 0
    assert rows("SELECT kind, setting FROM interactions") == [
        {"kind": "coffee", "setting": "outside"}
    ]
    english, indonesian = both(team, "log", "sari", "x", "-t", "9")
    assert english.exit_code == indonesian.exit_code == 2
    team("partner", "add", "Old Friend", "--cadence", "1")
    team("log", "old", "long ago", "-w", "2026-10-01")
    english, indonesian = both(team, "due", "--exit-code")
    assert english.exit_code == indonesian.exit_code == 6


# -- what a person reads ----------------------------------------------------------------------------


def test_dates_read_back_in_indonesian(team):
    logged = team("--lang", "id", "log", "sari", "rapat", "-w", "3 hari lalu")
    assert "Rab 25 Nov 2026 12:00" in logged.stderr
    listed = team("--lang", "id", "partner", "list").stdout
    assert "3 hari lalu" in listed and "belum pernah" in listed
    team("--lang", "id", "log", "budi", "kopi", "-w", "kemarin")
    assert "kemarin" in team("--lang", "id", "partner", "list").stdout


def test_the_dashboard_report_and_steps_are_translated(run, demo_journal, tmp_path, monkeypatch):
    import shutil

    from partnerlog.present import screen

    journal = tmp_path / "demo.db"
    shutil.copy(demo_journal, journal)
    monkeypatch.setenv("PARTNERLOG_DB", str(journal))
    monkeypatch.setattr(screen, "on_terminal", lambda: True)  # the terminal's layout
    summary = run("--lang", "id", "summary").stdout
    for word in (
        "rawan",
        "prima",
        "pilar: komunikasi · kedekatan · saling pengertian · tujuan bersama",
    ):
        assert word in summary
    assert "tepati janjimu" in summary  # a next step, translated when shown
    report = run("--lang", "id", "report", "sari", "--no-pager").stdout
    assert report.startswith("# Persiapan 1:1: Sari Wulandari")
    for heading in ("## Untuk dibahas", "## Janji terbuka", "## Ikhtisar", "### Kesehatan"):
        assert heading in report
    english = json.loads(run("--lang", "id", "summary", "--json").stdout)
    assert english[0]["next_step"].startswith("keep your word")  # data stays English


def english_sentences() -> list[str]:
    """Fragments of the catalogue's English that would show a message left untranslated:
    the literal parts of each message (between its fields) of three words or more, that
    its translation does not contain itself."""
    found = []
    for message in catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            for part in re.split(r"\{[^}]*\}", text):
                part = part.strip(" .,:;()—…'\"\n")
                if len(part.split()) >= 3 and not any(part in s for s in strings):
                    found.append(part)
    return found


def test_the_tour_in_indonesian_leaves_no_english_sentence(tmp_path, monkeypatch):
    """Every command of the README tour, in Indonesian: no sentence of the catalogue's
    English shows through (the notes the tour types are data, and stay as typed)."""
    from tests.test_readme import run_line, tour

    monkeypatch.setenv("PARTNERLOG_LANG", "id")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("LINES", "100000")
    monkeypatch.chdir(tmp_path)
    shown = []
    for command, _expected in tour():
        if not command.startswith("alias "):
            shown.append(run_line(command)[1])
    output = "\n".join(shown)
    typed = "\n".join(command for command, _ in tour())
    leaks = [s for s in english_sentences() if s in output and s not in typed]
    assert not leaks, leaks[:10]
    assert "Tidak ada yang jatuh tempo" in output or "terlambat" in output


def test_what_the_review_found_reads_in_indonesian(team, tmp_path):
    """The strings a native speaker's review found English or wrong, through the CLI."""

    def said(*args, input=None):
        result = team("--lang", "id", *args, input=input)
        return result.stdout + result.stderr

    team("log", "sari", "kopi pagi", "-k", "coffee", "-t", "1")
    shown = said("entry", "show", "1")
    assert all(label in shown for label in ("entri", "kapan", "dengan", "jenis", "pilar"))
    team("goal", "add", "sari", "Migrasi gudang data")
    team("goal", "add", "sari", "Rapat kwartal")
    assert "Sasaran #1 tercapai: Migrasi gudang data." in said("goal", "done", "1")
    assert "Sasaran #2 dibatalkan: Rapat kwartal." in said("goal", "drop", "2")
    long_note = "x" * 70_000
    refused = said("log", "sari", input=long_note)
    assert "catatan berisi 70.000 karakter; catatan memuat paling banyak 65.536" in refused
    owed = said("owe", "sari", "kirim slide", "--due", "2026-12-04")
    assert "Ditambahkan janji #1 dengan Sari Wulandari, tenggat Jumat." in owed
    assert "berutang" not in said("agenda")
    team("partner", "archive", "budi")
    assert "Budi Santoso (budi) sudah diarsipkan; tidak ada yang diubah" in said(
        "partner", "archive", "budi"
    )
    cards = tmp_path / "c.vcf"
    cards.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Sari Wulandari\nORG:Nusantara\nEND:VCARD\n")
    assert "Diperbarui Sari Wulandari (sari): organisasi Nusantara." in said(
        "partner", "import", str(cards)
    )
