"""``wellbeing classify`` as a subprocess: JSON, the human form, bad rules, a malformed config."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.helpers import run_cli

INSTAGRAM = "Instagram • Photos and videos — Mozilla Firefox"
MASTODON_RULE = (
    '[[rules]]\nname = "My Mastodon"\nfield = "title"\nmatch = "regex"\npattern = "^Mastodon"\n'
    'site = "mastodon.social"\nsite_name = "Mastodon"\ncategory = "Social"\n'
)


def write_config(data_dir: Path, text: str) -> Path:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = data_dir / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_names_app_site_category_and_rule(data_dir: Path) -> None:
    res = run_cli("classify", "--app", "firefox", "--title", INSTAGRAM, "--json",
                  data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert list(data) == ["app", "site", "category", "rule"]
    assert data["app"] == "firefox"
    assert data["site"] == "instagram.com"
    assert data["category"] == "Social"
    assert data["rule"].startswith('default.toml rule #')
    assert '"Instagram"' in data["rule"]
    assert not (data_dir / "wellbeing.sqlite3").exists()  # classify reads the config only


def test_an_app_without_a_site(data_dir: Path) -> None:
    res = run_cli("classify", "--app", "xterm", "--title", "vim", "--json", data_dir=data_dir)
    assert json.loads(res.stdout)["site"] is None
    assert json.loads(res.stdout)["category"] == "Work"
    res = run_cli("classify", "--app", "nobody-knows-me", "--json", data_dir=data_dir)
    data = json.loads(res.stdout)
    assert (data["site"], data["category"]) == (None, "Other")
    assert data["rule"].startswith("no rule matched")


def test_human_form_says_what_it_counts_as_and_why(data_dir: Path) -> None:
    res = run_cli("classify", "--app", "firefox", "--title", INSTAGRAM, data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "Counts as    Instagram (instagram.com) in Firefox" in out
    assert "Category     Social" in out
    assert "Decided by   default.toml rule #" in out
    assert "not stored (storing window titles is off)" in out
    assert "cannot be reclassified" in out


def test_private_window_and_wm_class(data_dir: Path) -> None:
    res = run_cli("classify", "--app", "firefox", "--title",
                  "Instagram — Mozilla Firefox Private Browsing", data_dir=data_dir)
    assert "never stored (a private browser window)" in res.stdout
    assert "instagram.com" in res.stdout
    res = run_cli("classify", "--app", "java", "--wm-class", "jetbrains-idea",
                  "--wm-class", "jetbrains-idea", "--json", data_dir=data_dir)
    assert json.loads(res.stdout)["category"] == "Work"


def test_a_user_rule_decides_and_a_bad_one_is_reported(data_dir: Path) -> None:
    config = write_config(
        data_dir,
        '[[rules]]\nname = "broken"\nfield = "title"\nmatch = "regex"\npattern = "(oops"\n'
        'site = "oops.example"\n\n' + MASTODON_RULE,
    )
    res = run_cli("classify", "--app", "firefox", "--title", "Mastodon — Mozilla Firefox",
                  "--json", data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["site"] == "mastodon.social"
    assert data["rule"].startswith('config.toml rule #2 "My Mastodon"')
    assert f'{config}, [[rules]] #1 "broken", line 1: bad regex' in res.stderr
    human = run_cli("classify", "--app", "firefox", "--title", "Mastodon — Mozilla Firefox",
                    data_dir=data_dir)
    assert human.returncode == 0
    assert "Rule problems" in human.stdout
    assert f'{config}, [[rules]] #1 "broken", line 1: bad regex' in human.stdout
    assert "Counts as    Mastodon (mastodon.social) in Firefox" in human.stdout


def test_ignored_apps_are_said_to_record_nothing(data_dir: Path) -> None:
    write_config(data_dir, '[privacy]\nignore_apps = ["zoom"]\n')
    res = run_cli("classify", "--app", "zoom", "--title", "Meeting", data_dir=data_dir)
    assert res.returncode == 0
    assert "nothing is recorded" in res.stdout
    data = json.loads(run_cli("classify", "--app", "zoom", "--json", data_dir=data_dir).stdout)
    assert data["site"] is None
    assert "ignore_apps" in data["rule"]


def test_a_malformed_config_is_exit_3(data_dir: Path) -> None:
    config = write_config(data_dir, "[privacy]\nstore_titles = maybe\n")
    res = run_cli("classify", "--app", "firefox", "--json", data_dir=data_dir)
    assert res.returncode == 3
    assert str(config) in res.stderr
    assert "Traceback" not in res.stderr


def test_classify_needs_an_app(data_dir: Path) -> None:
    res = run_cli("classify", "--title", "x", data_dir=data_dir)
    assert res.returncode == 2
    assert "--app" in res.stderr


def test_report_by_site_says_what_it_lists(data_dir: Path) -> None:
    res = run_cli("report", "--by", "site", "--date", "2026-11-29", data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    assert "apps that are not browsers are not listed" in res.stdout
    assert "cannot be reclassified" in res.stdout
    help_text = run_cli("report", "--help").stdout
    assert "Other browsing" in help_text
    assert "classify" in run_cli("--help").stdout
