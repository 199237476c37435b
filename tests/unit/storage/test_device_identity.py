"""The device uuid lives in the install's data directory: a shared database sees several devices."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from sqlalchemy import select

from wellbeing.paths import Paths
from wellbeing.storage import device_identity
from wellbeing.storage.db import Database
from wellbeing.storage.models import Device, Meta


def test_claim_writes_a_private_file_once(tmp_path: Path) -> None:
    path = tmp_path / "device-id"
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    assert device_identity.claim(path, first) == first
    assert device_identity.claim(path, second) == first
    assert path.read_text() == first + "\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name != "device-id"]  # no temporary left


def test_a_damaged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "device-id"
    path.write_text("not-a-uu")
    assert device_identity.read(path) is None
    fresh = str(uuid.uuid4())
    assert device_identity.claim(path, fresh) == fresh


def test_processes_claiming_at_once_agree(tmp_path: Path) -> None:
    path = tmp_path / "device-id"
    kept: list[str] = []
    candidates = [str(uuid.uuid4()) for _ in range(8)]
    threads = [
        threading.Thread(target=lambda c=c: kept.append(device_identity.claim(path, c)))
        for c in candidates
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(kept)) == 1
    assert kept[0] in candidates


def test_an_older_local_file_keeps_its_device(tmp_path: Path) -> None:
    """Before the file existed the uuid was in meta: the upgrade adopts it."""
    paths = Paths(tmp_path / "data")
    with Database.open(None, paths) as db:
        old = db.device_id("host", "linux")  # the old way: no identity file
    assert not paths.device_file.exists()
    with Database.open(None, paths) as db:
        assert db.device_id("host", "linux", identity=paths.device_file) == old
        with db.transaction() as conn:
            stored = conn.scalar(select(Meta.value).where(Meta.key == "device_uuid"))
    assert device_identity.read(paths.device_file) == stored


def test_a_new_local_file_keeps_meta_in_step(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    with Database.open(None, paths) as db:
        device = db.device_id("host", "linux", identity=paths.device_file)
        assert db.device_id("host", "linux") == device  # a tool reading meta agrees
        with db.transaction() as conn:
            uuids = conn.scalars(select(Device.uuid)).all()
    assert uuids == [device_identity.read(paths.device_file)]
