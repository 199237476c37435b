"""Children started without ``subprocess`` (``platform.child_process``): real processes.

Output and exit codes come back, a child that runs too long is killed, a missing
program is an OSError, the environment given is the child's, nothing but the
descriptors named reaches the child, and a child left to run is reaped. The same
checks run through the ``subprocess`` fallback (Windows' way).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pytest

from wellbeing.platform import child_process

PY = sys.executable


@pytest.fixture(params=["posix_spawn", "subprocess"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "subprocess":
        monkeypatch.setattr(child_process, "_SPAWN", False)
    return str(request.param)


def test_output_and_exit_code_come_back(way: str) -> None:
    done = child_process.run(
        [PY, "-c", "import sys; print('out ä'); print('err', file=sys.stderr); sys.exit(3)"],
        timeout=30,
    )
    assert (done.code, done.stdout, done.stderr) == (3, "out ä\n", "err\n")


def test_a_lot_of_output_on_both_pipes_does_not_block(way: str) -> None:
    script = "import sys; sys.stdout.write('o' * 300000); sys.stderr.write('e' * 300000)"
    done = child_process.run([PY, "-c", script], timeout=60)
    assert (len(done.stdout), len(done.stderr), done.code) == (300000, 300000, 0)


def test_a_child_that_runs_too_long_is_killed(way: str) -> None:
    begun = time.monotonic()
    with pytest.raises(TimeoutError):
        child_process.run([PY, "-c", "import time; time.sleep(60)"], timeout=0.5)
    assert time.monotonic() - begun < 30


def test_a_missing_program_is_an_oserror(way: str) -> None:
    with pytest.raises(FileNotFoundError):
        child_process.run(["/nonexistent/wellbeing-no-such-tool"], timeout=5)


def test_the_environment_given_is_the_childs_and_its_stdin_is_empty(way: str) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "WELLBEING_CHILD_TEST": "given"}
    script = "import os, sys; print(os.environ.get('WELLBEING_CHILD_TEST'), repr(sys.stdin.read()))"
    done = child_process.run([PY, "-c", script], timeout=30, env=env)
    assert done.stdout == "given ''\n"


def test_a_name_is_found_on_the_path(way: str) -> None:
    assert child_process.run(["true"], timeout=30).code == 0


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_no_other_open_file_reaches_the_child() -> None:
    with tempfile.TemporaryFile() as private:
        script = "import os; print(sorted(int(n) for n in os.listdir('/proc/self/fd')))"
        done = child_process.run([PY, "-c", script], timeout=30)
        assert private.fileno() > 2
    fds = eval(done.stdout)  # noqa: S307 - our own child's list of numbers
    assert [fd for fd in fds if fd > 2 and fd != 3] == []  # 3: the listing's own directory


def test_a_child_left_to_run_reads_its_file_and_is_reaped(way: str, tmp_path: object) -> None:
    out = f"{tmp_path}/copied"
    script = f"import sys; open({out!r}, 'w').write(sys.stdin.read())"
    with tempfile.TemporaryFile() as given:
        given.write(b"names on stdin")
        given.seek(0)
        child = child_process.start([PY, "-c", script], stdin_fd=given.fileno())
    assert child.wait(timeout=30) == 0
    assert child.poll() == 0  # reaped once, asked again
    with open(out, encoding="utf-8") as copied:
        assert copied.read() == "names on stdin"


def test_waiting_for_a_child_still_running_is_a_timeout(way: str) -> None:
    with tempfile.TemporaryFile() as given:
        child = child_process.start([PY, "-c", "import time; time.sleep(60)"],
                                    stdin_fd=given.fileno())
    try:
        assert child.poll() is None
        with pytest.raises(TimeoutError):
            child.wait(timeout=0.2)
    finally:
        os.kill(child.pid, 9)
        child.wait(timeout=30)


# -- which() and unnamed_file() ------------------------------------------------------------------


def test_which_finds_what_shutil_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    program = tmp_path / "bin" / "wb-tool"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    plain = tmp_path / "bin" / "wb-plain"  # not executable
    plain.write_text("")
    (tmp_path / "bin" / "wb-dir").mkdir()  # a directory is no program
    monkeypatch.setenv("PATH", os.pathsep.join([str(tmp_path / "none"), str(program.parent),
                                                "/bin", "/usr/bin"]))
    names = ["wb-tool", "wb-plain", "wb-dir", "sh", "no-such-program-here", str(program),
             str(plain), "bin/wb-tool"]
    for name in names:
        assert child_process.which(name) == shutil.which(name), name
    assert child_process.which("wb-tool") == str(program)


def test_an_unnamed_file_has_no_name_and_only_its_owner_reads_it(tmp_path: Path) -> None:
    with child_process.unnamed_file(tmp_path) as file:
        file.write(b"{}")
        file.seek(0)
        assert file.read() == b"{}"
        assert list(tmp_path.iterdir()) == []
        assert os.fstat(file.fileno()).st_mode & 0o777 == 0o600


def test_without_unnamed_files_tempfiles_way_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(child_process, "_O_TMPFILE", 0)  # as on macOS, or Linux before 3.11
    with child_process.unnamed_file(tmp_path) as file:
        file.write(b"x")
        file.seek(0)
        assert file.read() == b"x"
        assert list(tmp_path.iterdir()) == []
        assert os.fstat(file.fileno()).st_mode & 0o777 == 0o600
