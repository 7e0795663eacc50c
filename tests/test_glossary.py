"""The Indonesian catalogue follows its glossary (`locale/id/GLOSSARY.md`): one
word for each concept, none of the words it rules out, and the words shown for
the model's keys are the ones a person can type back."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[1] / "src" / "partnerlog" / "locale"
GLOSSARY = LOCALE / "id" / "GLOSSARY.md"


def _cells(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [part.strip().replace("\\|", "|") for part in parts]


def _patterns(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def tables() -> list[list[list[str]]]:
    found, current = [], None
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("|"):
            if current is None:
                current = []
                found.append(current)
            cells = _cells(line)
            if not set("".join(cells)) <= set("-: "):
                current.append(cells)
        else:
            current = None
    return [table[1:] for table in found]  # (without the heading row)


def messages() -> list[tuple[str, str]]:
    """(English, Indonesian) of every message but the help's example command lines."""
    from partnerlog.spec import COMMANDS

    examples = {example for command in COMMANDS for example in command.examples}
    with open(LOCALE / "id" / "LC_MESSAGES" / "partnerlog.po", "rb") as handle:
        catalogue = read_po(handle)
    pairs = []
    for message in catalogue:
        if not message.id or message.id in examples:
            continue
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        indonesian = message.string
        indonesian = " ".join(indonesian) if isinstance(indonesian, tuple) else indonesian
        pairs.append((english, indonesian))
    return pairs


WORDS, MODEL = tables()


def test_the_glossary_has_its_two_tables():
    assert len(WORDS) >= 10 and len(MODEL) >= 10
    assert all(len(row) == 4 for row in WORDS) and all(len(row) == 3 for row in MODEL)


def _ruled_out() -> list[str]:
    return [p for row in WORDS for p in _patterns(row[3])] + [
        p for row in MODEL for p in _patterns(row[2])
    ]


@pytest.mark.parametrize("pattern", _ruled_out())
def test_no_message_uses_a_word_the_glossary_rules_out(pattern):
    wrong = [(en, id_) for en, id_ in messages() if re.search(pattern, id_, re.IGNORECASE)]
    assert wrong == []


@pytest.mark.parametrize("row", [r for r in WORDS if r[1]], ids=lambda r: r[0])
def test_a_message_about_a_concept_uses_the_concepts_word(row):
    [english] = _patterns(row[1])
    [indonesian] = _patterns(row[2])
    missing = [
        (en, id_)
        for en, id_ in messages()
        if re.search(english, en, re.IGNORECASE) and not re.search(indonesian, id_, re.IGNORECASE)
    ]
    assert missing == []


def test_the_words_shown_for_the_model_are_the_words_it_reads():
    from partnerlog.core.local_words import WORDS as TYPED

    shown = dict(messages())
    for key, typed in TYPED.items():
        assert shown[key] == typed[0], key
    for row in MODEL:
        keys = [k.strip() for k in row[0].split("/")]
        words = [s.strip() for s in row[1].split("/")]
        for key, word in zip(keys, words, strict=True):
            assert shown[key] == word, key
