"""The Indonesian words a person may type for the vocabulary's choices.

Each stands for the language-neutral key that is stored: ``-p kedekatan`` is
``bond``, ``--owner bersama`` is ``shared``, ``trait add me kelemahan …`` is a
weakness. They are accepted whatever language partnerlog speaks (people type
the word they think in). The first word for a key is the one the Indonesian
catalogue shows for it (a test holds the two together), so what is on screen
can be typed back; the others are what people also say.
"""

WORDS = {
    # The five pillars: the article's tips.
    "communication": ("komunikasi",),
    "bond": ("kedekatan", "keakraban"),
    "understanding": ("saling pengertian", "pengertian", "saling memahami"),
    "goals": ("tujuan bersama",),
    "complement": ("saling melengkapi", "melengkapi"),
    # The five benefits.
    "productivity": ("produktivitas",),
    "network": ("relasi", "jejaring", "jaringan"),
    "growth": ("pengembangan diri", "pengembangan", "perkembangan"),
    "wellbeing": ("kesehatan mental", "teman curhat", "kesejahteraan"),
    "environment": ("suasana kerja", "lingkungan kerja", "lingkungan"),
    # Who someone is to you.
    "partner": ("mitra", "mitra kerja"),
    "colleague": ("kolega", "rekan seprofesi"),
    "superior": ("atasan", "bos"),
    "peer": ("sejawat", "rekan setara"),
    "subordinate": ("bawahan",),
    "external": ("eksternal", "pihak luar"),
    # Whose goal, which trait, where, which side of a conflict.
    "me": ("aku", "saya"),
    "shared": ("bersama",),
    "strength": ("kekuatan", "kelebihan"),
    "weakness": ("kelemahan", "kekurangan"),
    "office": ("kantor", "di kantor"),
    "outside": ("luar", "luar kantor", "di luar"),
    "remote": ("daring", "online", "video"),
    "mine": ("milikku", "punyaku"),
    "theirs": ("milik mereka", "punya mereka"),
}


def normal(word: str) -> str:
    """A typed word as it is compared: lower case, "-" and "_" as spaces."""
    return " ".join(word.lower().replace("-", " ").replace("_", " ").split())


def key_of(typed: str, allowed: tuple[str, ...]) -> str | None:
    """The key among ``allowed`` that ``typed`` names in Indonesian (a whole word,
    or the start of only one), or None."""
    word = normal(typed)
    if not word:
        return None
    exact = [key for key in allowed if word in WORDS.get(key, ())]
    if exact:
        return exact[0]
    starts = {key for key in allowed for w in WORDS.get(key, ()) if w.startswith(word)}
    return starts.pop() if len(starts) == 1 else None
