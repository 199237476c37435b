"""The shipped GNOME Shell extension: two forms, one body, its GNOME versions, only Get/Changed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from wellbeing.platform.gnome_extension import BUS_NAME, INTERFACE, OBJECT_PATH, UUID, shipped_dir

FORMS = ("legacy", "esm")


def source(form: str) -> str:
    return (shipped_dir(form) / "extension.js").read_text(encoding="utf-8")


def metadata(form: str) -> dict[str, object]:
    data = json.loads((shipped_dir(form) / "metadata.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def shared_body(text: str) -> str:
    start = text.index("// BEGIN shared body")
    end = text.index("// END shared body")
    return text[start:end]


def test_both_forms_share_one_body() -> None:
    assert shared_body(source("legacy")) == shared_body(source("esm"))


def test_the_legacy_form_has_init_and_no_module_syntax() -> None:
    text = source("legacy")
    assert "function init()" in text
    assert not re.search(r"^\s*(import|export)\b", text, re.MULTILINE)


def test_the_es_module_form_exports_an_extension_and_uses_no_legacy_imports() -> None:
    text = source("esm")
    assert "export default class" in text
    assert "extends Extension" in text
    assert "imports." not in text


@pytest.mark.parametrize("form", FORMS)
def test_metadata_names_the_folder_and_one_version(form: str) -> None:
    data = metadata(form)
    assert data["uuid"] == UUID == shipped_dir(form).name
    assert data["version"] == metadata("legacy")["version"]
    assert isinstance(data["version"], int)


def test_shell_versions_cover_current_lts_and_stable_releases() -> None:
    legacy = [int(str(v)) for v in metadata("legacy")["shell-version"]]  # type: ignore[attr-defined]
    esm = [int(str(v)) for v in metadata("esm")["shell-version"]]  # type: ignore[attr-defined]
    assert max(legacy) <= 44 < 45 <= min(esm)
    # Ubuntu 22.04 LTS (42), Debian 12 (43), Ubuntu 24.04 LTS (46), Debian 13 (48),
    # Fedora 42 (48), Fedora 43 and Ubuntu 25.10 (49), Ubuntu 26.04 LTS and Fedora 44 (50).
    for version in (42, 43):
        assert version in legacy
    for version in (46, 48, 49, 50):
        assert version in esm


def test_the_interface_is_read_only_get_and_changed() -> None:
    text = source("esm")
    xml = text[text.index("<node>") : text.index("</node>")]
    assert re.findall(r'<method name="(\w+)"', xml) == ["Get"]
    assert re.findall(r'<signal name="(\w+)"', xml) == ["Changed"]
    assert 'direction="in"' not in xml  # nothing can be sent to the shell
    assert f"<interface name=\"{INTERFACE}\">" in xml
    assert f"BUS_NAME = '{BUS_NAME}'" in text
    assert f"OBJECT_PATH = '{OBJECT_PATH}'" in text
    assert "eval" not in text.lower()


def test_the_es_module_form_parses_in_gjs(tmp_path: Path) -> None:
    """GNOME 45+ is not run here; gjs at least proves the module's syntax (imports stubbed)."""
    gjs = shutil.which("gjs")
    if gjs is None:
        pytest.skip("gjs is not installed")
    text = source("esm")
    stub = tmp_path / "stub.js"
    stub.write_text("export class Extension {}\nexport default {};\n")
    text = re.sub(r"from '(gi://\w+|resource:///[^']+)'", "from './stub.js'", text)
    module = tmp_path / "extension.js"
    module.write_text(text)
    runner = tmp_path / "run.js"
    runner.write_text(
        "import Ext from './extension.js';\n"
        "print(typeof Ext, typeof Ext.prototype.enable, typeof Ext.prototype.disable);\n"
    )
    res = subprocess.run(
        [gjs, "-m", str(runner)], capture_output=True, text=True, timeout=30, check=False
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["function", "function", "function"]
