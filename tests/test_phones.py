"""Partners' phone numbers: given by hand or from a vCard's TEL, shown, exported,
synced, undone, and how a chat's senders shown as numbers find their partner."""

import json

import pytest

from tests.test_sync_trust import Device


def shown(run, who: str) -> list[str]:
    return json.loads(run("partner", "show", who, "--json").stdout)["phones"]


def test_numbers_given_shown_changed_and_undone(run, rows, unchanged):
    assert run("partner", "add", "Sari Wulandari", "--phone", "+62 812-3456-7890").exit_code == 0
    assert shown(run, "sari") == ["+62 812-3456-7890"]
    assert rows("SELECT tail FROM partner_phones") == [{"tail": "234567890"}]
    assert run("partner", "edit", "sari", "--phone", "021 555 0101").exit_code == 0
    assert shown(run, "sari") == ["+62 812-3456-7890", "021 555 0101"]
    # Forgotten by its digits, however it is written.
    assert run("partner", "edit", "sari", "--remove-phone", "0812 3456 7890").exit_code == 0
    assert shown(run, "sari") == ["021 555 0101"]
    assert run("undo", "--yes").exit_code == 0
    assert shown(run, "sari") == ["+62 812-3456-7890", "021 555 0101"]


@pytest.mark.parametrize(
    "args",
    [
        ["partner", "add", "Budi", "--phone", "call me"],
        ["partner", "add", "Budi", "--phone", "12"],
        ["partner", "add", "Budi", "--phone", "0812-3456-7890"],  # Sari's already
        ["partner", "edit", "sari", "--remove-phone", "0999 999 999"],  # not hers
    ],
    ids=["words", "too-short", "another-partners", "not-hers"],
)
def test_a_bad_number_changes_nothing(run, unchanged, args):
    run("partner", "add", "Sari Wulandari", "--phone", "+62 812-3456-7890")
    with unchanged():
        result = run(*args)
    assert result.exit_code != 0
    assert result.stderr.startswith("partnerlog: ") and result.stderr.count("\n") == 1


def test_a_vcard_gives_numbers_but_a_shared_number_is_not_one_person(run, tmp_path):
    run("partner", "add", "Dewi Lestari", "--phone", "0813 1111 2222")
    cards = tmp_path / "c.vcf"
    cards.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dewi Lestari\nTEL;TYPE=CELL:+62 813-1111-2222\n"
        "TEL;TYPE=WORK:tel:+62-21-555-0101\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:2.1\nFN:Budi Santoso\nTEL;CELL:+62 811 000 111\n"
        "TEL;HOME:not a number\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Rina Kusuma\nTEL;TYPE=WORK:+62 21 555 0101\nEND:VCARD\n"
    )
    assert run("partner", "import", str(cards)).exit_code == 0
    partners = json.loads(run("partner", "list", "--json").stdout)
    # The office's number stays Dewi's; Rina, who shares it, is someone else.
    assert sorted(p["name"] for p in partners) == ["Budi Santoso", "Dewi Lestari", "Rina Kusuma"]
    assert shown(run, "dewi") == ["+62-21-555-0101", "0813 1111 2222"]
    assert shown(run, "budi") == ["+62 811 000 111"]
    assert shown(run, "rina") == []


def test_a_chat_sender_shown_as_a_number_is_the_partner_with_it(run, rows, tmp_path):
    run("partner", "add", "Sari Wulandari", "--phone", "0812 3456 7890")
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "15/12/2025, 09:02 - +62 812-3456-7890: morning\n15/12/2025, 09:05 - Budi: hi\n"
    )
    result = run("chat", "import", str(chat), "--me", "Budi", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 1
    who = rows(
        "SELECT p.handle FROM interaction_partners ip JOIN partners p ON p.id = ip.partner_id"
    )
    assert who == [{"handle": "sari"}]


def test_numbers_travel_through_export_import_and_sync(run, monkeypatch, tmp_path):
    one = Device(run, monkeypatch, tmp_path / "one.db")
    two = Device(run, monkeypatch, tmp_path / "two.db")
    one.ok("partner", "add", "Sari Wulandari", "--phone", "+62 812-3456-7890")
    folder = tmp_path / "shared"
    one.sync(folder)
    two.sync(folder)
    assert json.loads(two.ok("partner", "show", "sari", "--json").stdout)["phones"] == [
        "+62 812-3456-7890"
    ]
    two.ok("partner", "edit", "sari", "--remove-phone", "+62 812-3456-7890")
    two.sync(folder)
    one.sync(folder)
    assert json.loads(one.ok("partner", "show", "sari", "--json").stdout)["phones"] == []
    exported = tmp_path / "e.json"
    one.ok("partner", "edit", "sari", "--phone", "021 555 0101")
    one.ok("export", "-o", str(exported))
    document = json.loads(exported.read_text())
    assert document["partners"][0]["phones"] == ["021 555 0101"]
    # A file from before numbers (no "phones") leaves the numbers here as they are.
    del document["partners"][0]["phones"]
    document["partners"][0].pop("seen", None)  # (an older file has no versions either)
    document["partners"][0]["role"] = "edited elsewhere"
    document["partners"][0]["updated_at"] = "2099-01-01T00:00:00+00:00"
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document))
    one.ok("import", str(older))
    sari = json.loads(one.ok("partner", "show", "sari", "--json").stdout)
    assert sari["role"] == "edited elsewhere" and sari["phones"] == ["021 555 0101"]
