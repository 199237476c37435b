from __future__ import annotations

from pathlib import Path

import pytest

from wellbeing.platform.desktop_entries import (
    DesktopIndex,
    app_key,
    application_dirs,
    locale_candidates,
    normalize_exe,
    parse_desktop_file,
    tidy_name,
)


def write(apps: Path, name: str, body: str) -> Path:
    path = apps / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[Desktop Entry]\nType=Application\n" + body, encoding="utf-8")
    return path


@pytest.fixture
def apps(tmp_path: Path) -> Path:
    d = tmp_path / "share" / "applications"
    d.mkdir(parents=True)
    return d


# -- app keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exe", "wm_class", "key"),
    [
        ("/usr/lib/firefox/firefox", ("Navigator", "firefox"), "firefox"),
        ("/usr/lib/firefox-esr/firefox-esr", ("Navigator", "Firefox-esr"), "firefox-esr"),
        ("/usr/bin/xterm", ("xterm", "XTerm"), "xterm"),
        ("C:\\Program Files\\Notepad++\\Notepad++.exe", (), "notepad++"),
        ("/opt/app/Thing.bin", (), "thing"),
        ("/nix/store/abc/bin/.firefox-wrapped", ("firefox", "firefox"), "firefox"),
        ("/usr/bin/python3.11", ("window_shot.py", "screentime"), "screentime"),
        ("/usr/bin/python3", ("main.py", "Zeal Notes"), "zeal-notes"),
        (
            "/usr/lib/jvm/java-17/bin/java",
            ("sun-awt-X11-XFramePeer", "jetbrains-idea"),
            "jetbrains-idea",
        ),
        ("/usr/lib/electron25/electron", ("slack", "Slack"), "slack"),
        ("/usr/bin/node", ("code", "Code"), "code"),
        ("/usr/bin/flatpak-spawn", ("org.gnome.gedit", "Gedit"), "gedit"),
        ("/usr/bin/bwrap", ("telegram", "TelegramDesktop"), "telegramdesktop"),
        ("/usr/bin/wine64-preloader", ("notepad.exe", "notepad.exe"), "notepad"),
        ("/usr/bin/mono-sgen", ("keepass2", "KeePass2"), "keepass2"),
        ("/usr/bin/gjs-console", ("org.gnome.Weather", "org.gnome.Weather"), "org.gnome.weather"),
        ("/usr/bin/qemu-system-x86_64", ("qemu", "Qemu-system-x86_64"), "qemu-system-x86_64"),
        ("/bin/bash", (), "bash"),  # a runtime without a window class keeps its own name
        ("/usr/bin/perl", ("only-instance",), "only-instance"),
        (None, ("xcalc", "XCalc"), "xcalc"),  # no pid: the class alone
        (None, (), "unknown"),
    ],
)
def test_app_key(exe: str | None, wm_class: tuple[str, ...], key: str) -> None:
    assert app_key(exe, wm_class) == key


def test_normalize_exe_strips_only_known_suffixes() -> None:
    assert normalize_exe("Code.exe") == "code"
    assert normalize_exe("my app.AppImage") == "my-app"
    assert normalize_exe("libreoffice7.6") == "libreoffice7.6"
    assert normalize_exe(".bin") == "bin"  # never strips a name down to nothing


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("gnome-terminal-server", "Gnome Terminal Server"),
        ("xterm", "Xterm"),
        ("org.gnome.Nautilus", "Nautilus"),
        ("my_app", "My App"),
    ],
)
def test_tidy_name(key: str, name: str) -> None:
    assert tidy_name(key) == name


# -- parsing --------------------------------------------------------------------------------


def test_parse_reads_localised_name_icon_exec_and_escapes(apps: Path) -> None:
    path = write(
        apps,
        "org.example.Editor.desktop",
        "Name=Editor\nName[de]=Bearbeiter\nName[de_AT]=Editor AT\nIcon=accessories-text-editor\n"
        "Exec=env GDK_BACKEND=x11 /usr/bin/example-editor --new %U\n"
        "StartupWMClass=ExampleEditor\nComment=a\\stab\\tand\\\\slash\n"
        "[Desktop Action new]\nName=Should not win\n",
    )
    entry = parse_desktop_file(path, "org.example.Editor", ["de_AT", "de"])
    assert entry is not None
    assert entry.name == "Editor AT"
    assert entry.icon == "accessories-text-editor"
    assert entry.exec_name == "example-editor"
    assert entry.wm_class == "ExampleEditor"
    assert not entry.no_display
    assert parse_desktop_file(path, "x", ["fr"]).name == "Editor"  # type: ignore[union-attr]


def test_parse_skips_hidden_links_and_nameless(apps: Path) -> None:
    hidden = write(apps, "a.desktop", "Name=A\nHidden=true\n")
    link = apps / "b.desktop"
    link.write_text("[Desktop Entry]\nType=Link\nName=B\nURL=https://example.org\n")
    nameless = write(apps, "c.desktop", "Exec=c\n")
    assert parse_desktop_file(hidden, "a") is None
    assert parse_desktop_file(link, "b") is None
    assert parse_desktop_file(nameless, "c") is None
    assert parse_desktop_file(apps / "missing.desktop", "m") is None


def test_parse_flatpak_exec_uses_command(apps: Path) -> None:
    path = write(
        apps,
        "org.mozilla.firefox.desktop",
        "Name=Firefox\nExec=/usr/bin/flatpak run --branch=stable --arch=x86_64 "
        "--command=firefox --file-forwarding org.mozilla.firefox @@u %u @@\n",
    )
    entry = parse_desktop_file(path, "org.mozilla.firefox")
    assert entry is not None
    assert entry.exec_name == "firefox"


def test_locale_candidates() -> None:
    assert locale_candidates({"LANG": "de_AT.UTF-8@euro"}) == [
        "de_AT@euro",
        "de_AT",
        "de@euro",
        "de",
    ]
    assert locale_candidates({"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE"}) == ["fr_FR", "fr"]
    assert locale_candidates({"LANG": "C"}) == []
    assert locale_candidates({}) == []


# -- directories and matching ---------------------------------------------------------------


def test_application_dirs_from_env_argument(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "home"), "XDG_DATA_DIRS": f"{tmp_path}/a::{tmp_path}/b"}
    dirs = application_dirs(env, home=tmp_path)
    assert dirs[:3] == [
        tmp_path / "home/applications",
        tmp_path / "a/applications",
        tmp_path / "b/applications",
    ]
    assert tmp_path / ".local/share/flatpak/exports/share/applications" in dirs
    assert Path("/var/lib/flatpak/exports/share/applications") in dirs
    defaults = application_dirs({}, home=tmp_path)
    assert defaults[:3] == [
        tmp_path / ".local/share/applications",
        Path("/usr/local/share/applications"),
        Path("/usr/share/applications"),
    ]


def test_match_order_wm_class_then_id_then_exec(apps: Path) -> None:
    write(apps, "by-exec.desktop", "Name=By Exec\nExec=/usr/bin/thing %f\n")
    write(apps, "thing.desktop", "Name=By Id\nExec=other\n")
    write(apps, "classy.desktop", "Name=By Class\nStartupWMClass=Thing-Window\nExec=x\n")
    index = DesktopIndex([apps], locales=[])
    assert index.find("thing", ("thing-window", "Thing-Window")).name == "By Class"  # type: ignore[union-attr]
    assert index.find("thing", ("thing", "Unrelated")).name == "By Id"  # type: ignore[union-attr]
    assert index.find("THING").name == "By Id"  # type: ignore[union-attr]
    (apps / "thing.desktop").unlink()
    fresh = DesktopIndex([apps], locales=[])
    assert fresh.find("thing").name == "By Exec"  # type: ignore[union-attr]
    assert fresh.find("nothing-like-it", ("a", "B")) is None


def test_reverse_dns_id_matches_its_last_part(apps: Path) -> None:
    write(apps, "org.gnome.Calculator.desktop", "Name=Calculator\nIcon=org.gnome.Calculator\n")
    entry = DesktopIndex([apps], locales=[]).find("calculator")
    assert entry is not None
    assert entry.icon == "org.gnome.Calculator"


def test_no_display_entries_name_apps_but_lose_ties(apps: Path) -> None:
    write(apps, "helper.desktop", "Name=Helper\nNoDisplay=true\nExec=helper\n")
    write(apps, "a-shown.desktop", "Name=Tool\nExec=tool\n")
    write(apps, "z-hidden.desktop", "Name=Tool (internal)\nNoDisplay=true\nExec=tool\n")
    write(apps, "0-hidden.desktop", "Name=Tool (first but hidden)\nNoDisplay=true\nExec=tool\n")
    index = DesktopIndex([apps], locales=[])
    helper = index.find("helper")
    assert helper is not None
    assert helper.name == "Helper"
    assert helper.no_display
    assert index.find("tool").name == "Tool"  # type: ignore[union-attr]


def test_higher_precedence_dir_shadows_same_id_even_when_hidden(tmp_path: Path) -> None:
    user, system = tmp_path / "user/applications", tmp_path / "sys/applications"
    write(user, "vlc.desktop", "Name=My VLC\n")
    write(system, "vlc.desktop", "Name=VLC media player\n")
    write(user, "gone.desktop", "Name=Gone\nHidden=true\n")
    write(system, "gone.desktop", "Name=System Gone\n")
    write(system, "kde/okular.desktop", "Name=Okular\n")
    index = DesktopIndex([user, system], locales=[])
    assert index.find("vlc").name == "My VLC"  # type: ignore[union-attr]
    assert index.find("gone") is None
    assert index.find("kde-okular").name == "Okular"  # type: ignore[union-attr]


def test_index_is_built_lazily_once(apps: Path) -> None:
    index = DesktopIndex([apps, apps.parent / "missing"], locales=[])
    write(apps, "late.desktop", "Name=Late\n")  # written after construction: still seen
    assert index.find("late") is not None
    write(apps, "later.desktop", "Name=Later\n")  # written after the first lookup: not re-scanned
    assert index.find("later") is None
    assert [e.desktop_id for e in index.entries()] == ["late"]
