import os
import subprocess
import sys

WRITER = """
import sys
from partnerlog.quick import main
for n in range(100):
    code = main(["log", "sari", f"{sys.argv[1]} entry {n}"])
    if code:
        sys.exit(code)
"""


def test_two_processes_logging_at_once_both_land(team, rows, journal_path):
    env = dict(os.environ, PARTNERLOG_DB=str(journal_path))
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, name], env=env, stderr=subprocess.PIPE)
        for name in ("left", "right")
    ]
    said = [writer.communicate(timeout=300)[1].decode(errors="replace") for writer in writers]
    assert [w.returncode for w in writers] == [0, 0], said  # (what they said, if one failed)
    assert rows("SELECT count(*) AS n FROM interactions") == [{"n": 200}]
    assert rows("SELECT count(*) AS n FROM interactions WHERE note LIKE 'left%'") == [{"n": 100}]
    assert rows("SELECT count(*) AS n FROM interaction_partners") == [{"n": 200}]
