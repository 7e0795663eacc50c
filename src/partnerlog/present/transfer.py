"""What `report`, `export` and `import` print or write."""

from partnerlog.present.text import plural, print_json, say


def report(data, values: dict, now) -> None:
    from partnerlog.present.exporters import write
    from partnerlog.present.markdown import report as markdown

    write(markdown(data, now), data.output)
    if data.output is not None:
        say(
            "Wrote a report of {count} to {output}",
            count=plural(len(data.verdicts), "partnership"),
            output=data.output,
        )


def export(found, values: dict, now) -> None:
    from partnerlog.present.exporters import EXPORTERS

    done = EXPORTERS[values["format"].lower()](found, values["output"])
    if done:
        say("{done}", done=done)


NOUNS = {
    "partners": "partner",
    "interactions": "interaction",
    "goals": "goal",
    "check_ins": "check-in",
    "traits": "trait",
}


def imported(result: dict, values: dict, now) -> None:
    if values["json"]:
        print_json(result)
        return

    def counted(counts: dict) -> str:
        return ", ".join(plural(n, NOUNS[key]) for key, n in counts.items() if n)

    if any(result["added"].values()):
        say("Imported {counts}.", counts=counted(result["added"]))
    else:
        say("Nothing new to import.")
    if any(result["skipped"].values()):
        say("Already here, skipped: {counts}.", counts=counted(result["skipped"]))
    for note in result["notes"]:
        say("Note: {note}.", note=note)
