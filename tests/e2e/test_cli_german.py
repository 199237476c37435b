"""``wellbeing`` in German, run as a person runs it: ``LANGUAGE=de`` or ``LANG=de_DE.UTF-8``.

The words are German (report, errors with exit 2, limits, help, ``doctor``, storage
errors); what machines
read (``--json``, exported files, exit codes) is the same in every language;
and an English run imports and reads nothing of the translation.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_env, run_cli

GERMAN = {"LANGUAGE": "de", "TZ": "UTC"}
ENGLISH = {"LANGUAGE": "en", "TZ": "UTC"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("german") / "data"
    done = run_cli("demo-data", "--days", "14", "--seed", "7", "--end", "2025-12-28",
                   data_dir=data_dir, env=ENGLISH, timeout=300)
    assert done.returncode == 0, done.stderr
    return data_dir


def test_a_usage_error_is_german_with_exit_2(data_dir: Path) -> None:
    done = run_cli("report", "--from", "2026-01-05", "--to", "2026-01-01",
                   data_dir=data_dir, env=GERMAN)
    assert done.returncode == 2
    assert done.stderr == ("wellbeing: --from 2026-01-05 liegt nach --to 2026-01-01.\n"
                           "Gib das frühere Datum bei --from an.\n")
    done = run_cli("report", "--date", "2026-02-30", data_dir=data_dir,
                   env={"LANG": "de_DE.UTF-8", "LANGUAGE": "", "TZ": "UTC"})
    assert done.returncode == 2
    assert done.stderr == (
        "wellbeing: Argument --date: '2026-02-30' ist kein gültiges Datum der Form JJJJ-MM-TT.\n"
        "Mit 'wellbeing report --help' siehst du die Optionen.\n")


def without_a_session(env: dict[str, str]) -> dict[str, str]:
    """``env`` in this environment without any desktop session (no X, Wayland or session bus)."""
    full = cli_env(env)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "XDG_CURRENT_DESKTOP",
                 "DBUS_SESSION_BUS_ADDRESS"):
        full.pop(name, None)
    return full


def test_doctor_speaks_german(data_dir: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir),
                           "doctor"], capture_output=True, text=True, timeout=120, check=False,
                          env=without_a_session(GERMAN))
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert out.startswith("wellbeing doctor\n\nPlattform (wie Wellbeing das Fenster im "
                          "Vordergrund und die Zeit ohne Eingabe erkennt):\n")
    assert "  ok  Sitzung: keine grafische Sitzung\n" in out
    if sys.platform.startswith("linux"):
        assert ("  !!  Vordergrund über x11: DISPLAY ist nicht gesetzt: Dies ist keine "
                "X11-Sitzung\n      Lösung: starte wellbeing in deiner X11-Desktop-Sitzung "
                "(oder setze DISPLAY)\n") in out
        assert ("  !!  gewähltes Backend: keins: In dieser Sitzung funktioniert kein "
                "Backend\n") in out
        assert ("  !!  Benachrichtigungen: keiner funktioniert, Hinweise landen nur im "
                "Protokoll (") in out
        assert "  !!  Stummschaltung: „Bitte nicht stören“ des Desktops lässt sich " in out
    assert "  ok  Panel: wird von der grafischen Oberfläche beim Start geprüft" in out
    assert "\nDaten:\n" in out
    assert f"  ok  Datenordner: {data_dir} (privat, beschreibbar)\n" in out
    assert (f"  ok  Einstellungen: {data_dir / 'config.toml'} (noch nicht angelegt, es gelten "
            "die Standardwerte); der Tag beginnt um ") in out
    assert f"  ok  Datenbank: {data_dir / 'wellbeing.sqlite3'} (Schema aktuell)\n" in out
    assert f"  ok  Protokolldatei: {data_dir / 'logs'}" in out
    assert out.endswith("\nDie Aufzeichnung kann noch nicht funktionieren: Sieh dir die "
                        "Lösungen oben an.\n")
    for english in ("fix:", "foreground", "data directory", "not set", "session bus", "Tracking"):
        assert english not in out, english


def test_a_storage_error_is_german_with_its_exit_code(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    done = run_cli("report", data_dir=not_a_folder, env=GERMAN)
    assert done.returncode == 4  # StorageUnavailable, as in English
    message, hint = done.stderr.splitlines()
    assert message.startswith(f"wellbeing: Der Datenordner {not_a_folder} lässt sich nicht "
                              "nutzen: ")
    assert hint == ("Wähle mit --data-dir ORDNER (oder $WELLBEING_DATA_DIR) einen beschreibbaren "
                    "Ort oder korrigiere die Zugriffsrechte des Ordners.")
    done = run_cli("--db", "nosuch://somewhere/db", "report", data_dir=tmp_path / "data",
                   env=GERMAN)
    assert done.returncode == 4
    message, hint = done.stderr.splitlines()
    assert message.startswith("wellbeing: Die Datenbank-URL nosuch://somewhere/db lässt sich "
                              "nicht nutzen: ")
    assert hint.startswith("Gib mit --db (oder $WELLBEING_DB_URL) eine SQLAlchemy-URL wie ")
    english = run_cli("report", data_dir=not_a_folder, env=ENGLISH)
    assert english.returncode == 4
    assert english.stderr.startswith(f"wellbeing: Cannot use the data directory {not_a_folder}: ")


def test_the_report_by_site_says_its_note_in_german(demo: Path) -> None:
    done = run_cli("report", "--week", "2025-12-24", "--by", "site", data_dir=demo, env=GERMAN)
    assert done.returncode == 0, done.stderr
    assert "Websites werden beim Erfassen an den Fenstertiteln erkannt" in done.stdout
    assert "Sites are recognised" not in done.stdout


def test_limits_speak_german(data_dir: Path) -> None:
    empty = run_cli("limits", "list", data_dir=data_dir, env=GERMAN)
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.startswith("Noch keine Limits. Lege eins fest mit: wellbeing limits set "
                                   "ZIEL DAUER")
    done = run_cli("limits", "set", "instagram.com", "10m", "--days", "mon-fri",
                   data_dir=data_dir, env=GERMAN)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Limit für instagram.com: ")
    locked = run_cli("limits", "lock", "instagram.com", "--until", "2000-01-01",
                     data_dir=data_dir, env=GERMAN)
    assert locked.returncode == 2
    assert locked.stderr.startswith("wellbeing: das Sperrdatum 2000-01-01 liegt in der "
                                    "Vergangenheit (heute ist der ")
    assert locked.stderr.endswith("\nNichts wurde geändert.\n")
    listed = run_cli("limits", "list", data_dir=data_dir, env=GERMAN)
    assert listed.stdout.split()[:6] == ["ZIEL", "HEUTE", "MODUS", "TAGE", "SPERRE",
                                         "AUSSTEHEND"]
    assert "(heute kein Limit)" in listed.stdout or " von 10m" in listed.stdout
    off = run_cli("limits", "downtime", "off", data_dir=data_dir, env=GERMAN)
    assert off.stdout == "Die Auszeit ist aus.\n"


def test_the_help_is_german(data_dir: Path) -> None:
    done = run_cli("limits", "--help", data_dir=data_dir, env=GERMAN)
    assert done.returncode == 0
    assert done.stdout.startswith("Aufruf: wellbeing limits [-h] AKTION ...")
    assert "Tageslimits für eine App, eine Website" in done.stdout


@pytest.mark.parametrize("args", [
    ("report", "--week", "2025-12-24", "--json"),
    ("report", "--date", "2025-12-28", "--by", "category", "--json"),
    ("limits", "list", "--json"),
    ("experiment", "status", "--json"),
    ("backup", "list", "--json"),
    ("classify", "--app", "firefox", "--title", "Instagram", "--json"),
])
def test_machine_output_is_the_same_in_german(demo: Path, args: tuple[str, ...]) -> None:
    english = run_cli(*args, data_dir=demo, env=ENGLISH)
    german = run_cli(*args, data_dir=demo, env=GERMAN)
    assert english.returncode == german.returncode == 0, german.stderr
    assert german.stdout == english.stdout
    json.loads(german.stdout)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_exported_files_are_the_same_in_german(demo: Path, tmp_path: Path, fmt: str) -> None:
    files = {}
    for name, env in (("en", ENGLISH), ("de", GERMAN)):
        target = tmp_path / f"{name}.{fmt}"
        done = run_cli("export", "--format", fmt, "--from", "2025-12-20", "--to", "2025-12-28",
                       "-o", str(target), data_dir=demo, env=env)
        assert done.returncode == 0, done.stderr
        files[name] = target.read_bytes()
    assert done.stdout.startswith(f"{target} geschrieben ({fmt}, nur für dich lesbar): ")
    if fmt == "json":  # its header says when it was written
        english, german = (json.loads(files[name]) for name in ("en", "de"))
        del english["exported_at"], german["exported_at"]
        assert german == english
    else:
        assert len(files["de"]) == len(files["en"])


# Runs main() in a fresh interpreter; prints the translation files it opened and whether
# it imported the reader of them.
_PROBE = """
import contextlib, io, json, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0]))
                 if event == "open" and str(args[0]).endswith(".qm") else None)
from wellbeing.__main__ import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "opened": opened,
                  "reader": "wellbeing.core.qm" in sys.modules}))
"""


def probe(data_dir: Path, env: dict[str, str], *args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _PROBE, "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=cli_env(env), timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_english_imports_and_reads_nothing_of_the_translation(demo: Path) -> None:
    english = probe(demo, ENGLISH, "report", "--week", "2025-12-24")
    assert english == {"code": 0, "opened": [], "reader": False}
    german = probe(demo, GERMAN, "report", "--week", "2025-12-24")
    assert german["code"] == 0
    assert german["reader"] is True
    assert [Path(str(p)).name for p in german["opened"]] == ["wellbeing_de.qm"]  # type: ignore[union-attr]


def test_the_report_table_is_german(demo: Path) -> None:
    german = run_cli("report", "--week", "2025-12-24", "--by", "category", data_dir=demo,
                     env=GERMAN)
    assert german.returncode == 0, german.stderr
    lines = german.stdout.splitlines()
    assert lines[0] == "Bildschirmzeit vom 2025-12-22 bis 2025-12-28 (nach Kategorie)"
    assert lines[1].startswith("  Gesamt             ")
    assert lines[2].startswith("  Tagesdurchschnitt  ")
    assert "  Arbeit " in german.stdout  # a built-in category, shown in German
    assert "  2025-12-22 Mo  " in german.stdout
    assert "  2025-12-28 So  " in german.stdout
    english = run_cli("report", "--week", "2025-12-24", "--by", "category", data_dir=demo,
                      env=ENGLISH)
    assert english.stdout.splitlines()[0] == "Screen time 2025-12-22 to 2025-12-28 (by category)"
    assert "  Work " in english.stdout
    assert "  2025-12-22 Mon  " in english.stdout
    assert len(english.stdout.splitlines()) == len(lines)
    day = run_cli("report", "--date", "2025-12-28", data_dir=demo, env=GERMAN)
    assert day.stdout.startswith("Bildschirmzeit am 2025-12-28 (nach App)\n  Gesamt  ")


def test_a_pending_loosening_and_downtime_are_german(data_dir: Path) -> None:
    for args in (("limits", "set", "instagram.com", "10m", "--cooling-off"),
                 ("limits", "set", "instagram.com", "30m")):
        done = run_cli(*args, data_dir=data_dir, env=GERMAN)
        assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Limit für instagram.com: 10m daily; notify; Bedenkzeit; ab ")
    assert " UTC: 30m daily, notify.\n" in done.stdout
    listed = run_cli("limits", "list", data_dir=data_dir, env=GERMAN)
    row = listed.stdout.splitlines()[1]
    assert row.split()[:5] == ["instagram.com", "0", "s", "von", "10m"]
    assert row.endswith(" UTC: 30m daily, notify")
    assert " ab " in row
    english = run_cli("limits", "list", data_dir=data_dir, env=ENGLISH)
    assert english.stdout.splitlines()[1].endswith(" UTC: 30m daily, notify")
    assert " from " in english.stdout.splitlines()[1]
    down = run_cli("limits", "downtime", "22:30-06:00", "--allow", "instagram.com",
                   data_dir=data_dir, env=GERMAN)
    assert down.stdout == "Auszeit festgelegt: 22:30-06:00, erlaubt: instagram.com.\n"
    bad = run_cli("limits", "downtime", "24:00-06:00", data_dir=data_dir, env=GERMAN)
    assert bad.returncode == 2
    assert bad.stderr == ("wellbeing: '24:00' in '24:00-06:00' ist keine Uhrzeit (00:00 bis "
                          "23:59).\nNichts wurde geändert.\n")


def test_deleting_asks_and_refuses_in_german(demo: Path, tmp_path: Path) -> None:
    from wellbeing.paths import resolve
    from wellbeing.platform.instance import TrackerLock

    asked = run_cli("delete", "--from", "2025-12-26", "--to", "2025-12-27", data_dir=demo,
                    env=GERMAN)
    assert asked.returncode == 2, asked.stderr
    assert " Intervalle (" in asked.stderr
    assert " Nutzung) an 2 Tagen, vom 2025-12-26 bis " \
        "2025-12-27, auf allen Geräten" in asked.stderr
    lock = TrackerLock(resolve(str(demo)).lock_file)
    lock.acquire()
    try:
        refused = run_cli("delete", "--all", "--yes", data_dir=demo, env=GERMAN)
    finally:
        lock.release()
    assert refused.returncode == 1
    assert refused.stderr.startswith("wellbeing: wellbeing läuft für diesen Datenordner (PID ")
    assert "solange kann nichts gelöscht werden.\nBeende es zuerst" in refused.stderr
