import unicodedata

import pytest

from partnerlog.core.matching import find_partner
from partnerlog.core.people import handle_candidates, slug
from partnerlog.core.records import Partner
from partnerlog.core.vocabulary import default_pillars, fold, hashtags, mentions
from partnerlog.errors import NotFound, PartnerlogError
from partnerlog.present.text import visible


def people(*specs):
    return [
        Partner(handle=h, name=n, id=i, archived_at=a)
        for i, (h, n, a) in enumerate((s + (None,))[:3] for s in specs)
    ]


def test_fold_ignores_case_accents_and_normal_form():
    nfc = unicodedata.normalize("NFC", "José")
    nfd = unicodedata.normalize("NFD", "José")
    assert nfc != nfd
    assert fold(nfc) == fold(nfd) == fold("JOSE") == "jose"


def test_fold_of_ascii_is_what_normalising_would_give():
    """ASCII skips the normalisation; it must come out the same."""
    text = "".join(map(chr, range(128)))
    normalised = unicodedata.normalize("NFKD", text)
    assert fold(text) == unicodedata.normalize("NFC", normalised).casefold().strip()
    assert fold(" José ") == fold("jose")


@pytest.mark.parametrize(
    "name, first",
    [
        ("Sari Wulandari", ["sari", "sari-w", "sari-wulandari", "sari2"]),
        ("José Álvarez", ["jose", "jose-a", "jose-alvarez", "jose2"]),
        ("王芳", ["王芳", "王芳2", "王芳3", "王芳4"]),
        ("[bold]Evil[/]", ["bold", "bold-e", "bold-evil", "bold2"]),
    ],
)
def test_handle_candidates(name, first):
    candidates = handle_candidates(name)
    assert [next(candidates) for _ in range(4)] == first


def test_slug_of_punctuation_only_is_empty():
    assert slug("!!!") == ""


def test_mentions_and_hashtags():
    note = "Lunch with @budi and @jose. Emails like a@b.com are not mentions #Roadmap #q1-plan #1"
    assert mentions(note) == ["budi", "jose"]
    assert hashtags(note) == ["roadmap", "q1-plan"]
    assert hashtags("#Kopi #kopi") == ["kopi"]


def test_default_pillars_table():
    assert default_pillars("lunch", None) == ("bond", "understanding")
    assert default_pillars("review", "office") == ("communication", "complement")
    assert default_pillars("planning", None) == ("goals",)
    assert default_pillars("planning", "outside") == ("bond", "goals")
    assert default_pillars("something-new", None) == ("understanding",)


@pytest.mark.parametrize(
    "text, shown",
    [
        ("[bold]x[/]", "[bold]x[/]"),
        ("\x1b[2Jgone", "\\x1b[2Jgone"),
        ("bell\x07", "bell\\x07"),
        ("rtl\u202eevil", "rtl\\u202eevil"),
        ("two\nlines", "two\nlines"),
        ("emoji 🎉 漢字", "emoji 🎉 漢字"),
    ],
)
def test_visible_shows_control_characters(text, shown):
    assert visible(text) == shown


def test_visible_one_line():
    assert visible("a\nb\tc", one_line=True) == "a ⏎ b c"


class TestFindPartner:
    everyone = people(
        ("sari", "Sari Wulandari"),
        ("santi", "Santi Putri"),
        ("jose", unicodedata.normalize("NFC", "José Álvarez")),
        ("budi", "Budi Santoso"),
        ("old", "Old Friend", "2026-01-01"),
    )

    @pytest.mark.parametrize(
        "query, handle",
        [
            ("sari", "sari"),
            ("SARI", "sari"),
            ("Sari Wulandari", "sari"),
            ("@sari", "sari"),
            ("sar", "sari"),
            ("wuland", "sari"),
            (unicodedata.normalize("NFD", "José"), "jose"),
            ("jose alvarez", "jose"),
            ("old", "old"),
        ],
    )
    def test_finds(self, query, handle):
        assert find_partner(self.everyone, query).handle == handle

    def test_ambiguous_prefix_lists_the_candidates(self):
        with pytest.raises(PartnerlogError) as caught:
            find_partner(self.everyone, "sa")
        message = caught.value.message
        assert "sari (Sari Wulandari)" in message and "santi (Santi Putri)" in message
        assert "budi" in message  # Budi Santoso: "sa" starts his surname

    @pytest.mark.english
    def test_unknown_suggests_a_close_match(self):
        with pytest.raises(NotFound) as caught:
            find_partner(self.everyone, "sary")
        assert "did you mean sari" in caught.value.message

    def test_unknown_without_any_close_match_says_how_to_add(self):
        with pytest.raises(NotFound) as caught:
            find_partner(self.everyone, "zzzz")
        assert "partnerlog partner add" in caught.value.message

    def test_archived_partners_answer_only_to_exact_names(self):
        with pytest.raises(NotFound):
            find_partner(self.everyone, "ol")

    @pytest.mark.english
    def test_an_active_partners_exact_handle_names_them_outright(self):
        variants = people(("jose", "José A"), ("josé", "José B"), ("ana", "Ana", "2026-01-01"))
        variants += people(("anà", "Ana Active"))
        assert find_partner(variants, "jose").name == "José A"
        assert find_partner(variants, "@josé").name == "José B"
        with pytest.raises(PartnerlogError, match="could be"):
            find_partner(variants, "JOSE")  # folded, both match
        # An archived exact handle still gives way to an active partner it folds to.
        assert find_partner(variants, "ana").name == "Ana Active"


class TestComplement:
    from partnerlog.core.records import Trait

    @staticmethod
    def trait(subject, polarity, label):
        from partnerlog.core.records import Trait
        from partnerlog.core.vocabulary import area_key

        return Trait(subject=subject, polarity=polarity, area=area_key(label), label=label)

    @pytest.mark.parametrize(
        "label, key",
        [
            ("Public Speaking", "public-speaking"),
            ("  public_speaking ", "public-speaking"),
            ("public-speaking", "public-speaking"),
            ("PUBLIC   speaking", "public-speaking"),
            ("SQL", "sql"),
            ("Négociation", "negociation"),
            ("C++", "c"),
        ],
    )
    def test_area_key(self, label, key):
        from partnerlog.core.vocabulary import area_key

        assert area_key(label) == key

    def test_pairs_in_both_directions_over_several_partners(self):
        from partnerlog.core.complement import complement_pairs
        from partnerlog.core.records import Pair

        traits = [
            self.trait("me", "weakness", "Public Speaking"),
            self.trait("me", "weakness", "negotiation"),
            self.trait("me", "strength", "SQL"),
            self.trait("me", "strength", "python"),
            self.trait("sari", "strength", "public_speaking"),
            self.trait("budi", "strength", "public speaking"),
            self.trait("jose", "weakness", "sql"),
            self.trait("sari", "weakness", "SQL"),
            self.trait("budi", "weakness", "design"),  # nobody of us is strong: no pair
            self.trait("sari", "strength", "design"),  # partner↔partner: not my pair
        ]
        assert [p.to_json() for p in complement_pairs(traits)] == [
            {"area": "negotiation", "strong": None, "weak": "me"},
            {"area": "public-speaking", "strong": "budi", "weak": "me"},
            {"area": "public-speaking", "strong": "sari", "weak": "me"},
            {"area": "sql", "strong": "me", "weak": "jose"},
            {"area": "sql", "strong": "me", "weak": "sari"},
        ]
        only_sari = complement_pairs(traits, only="sari")
        assert only_sari == [
            Pair("public-speaking", "sari", "me", "Public Speaking"),
            Pair("sql", "me", "sari", "SQL"),
        ]

    def test_no_traits_no_pairs(self):
        from partnerlog.core.complement import complement_pairs

        assert complement_pairs([]) == []
