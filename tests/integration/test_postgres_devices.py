"""Several installs on one PostgreSQL database: separate devices, and no race at first start."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.integration.test_storage_postgres import fresh_pg_url  # noqa: F401 - a fixture
from wellbeing.paths import Paths
from wellbeing.storage import device_identity
from wellbeing.storage.db import Database, current_revision, schema_head
from wellbeing.storage.models import Device, Meta

pytestmark = pytest.mark.postgres


def open_install(url: str, data_dir: Path, name: str) -> int:
    paths = Paths(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with Database.open(url, paths) as db:
        return db.device_id(name, "linux", identity=paths.device_file)


def test_two_installs_write_as_two_devices(fresh_pg_url: str, tmp_path: Path) -> None:  # noqa: F811
    first = open_install(fresh_pg_url, tmp_path / "laptop", "laptop")
    second = open_install(fresh_pg_url, tmp_path / "desktop", "desktop")
    assert first != second
    assert open_install(fresh_pg_url, tmp_path / "laptop", "laptop") == first
    with Database.open(fresh_pg_url, Paths(tmp_path / "laptop")) as db, db.transaction() as conn:
        names = {row.id: row.name for row in conn.execute(select(Device.id, Device.name))}
    assert names == {first: "laptop", second: "desktop"}


def test_an_upgraded_server_gives_its_old_device_to_one_install(
    fresh_pg_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """An older version kept the uuid in meta; the first install to upgrade keeps its rows."""
    with Database.open(fresh_pg_url, Paths(tmp_path / "old")) as db:
        old = db.device_id("laptop", "linux")  # written the old way, uuid in meta
    assert open_install(fresh_pg_url, tmp_path / "laptop", "laptop") == old
    other = open_install(fresh_pg_url, tmp_path / "desktop", "desktop")
    assert other != old
    with Database.open(fresh_pg_url, Paths(tmp_path / "laptop")) as db, db.transaction() as conn:
        assert conn.scalar(select(Meta.value).where(Meta.key == "device_uuid")) is None
        assert conn.scalar(select(func.count()).select_from(Device)) == 2
    uuid_file = Paths(tmp_path / "laptop").device_file
    assert device_identity.read(uuid_file) is not None


def test_first_starts_at_once_on_an_empty_server(fresh_pg_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Four installs start together on an empty database: all open it, none fails on DDL."""
    devices: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def start(n: int) -> None:
        try:
            barrier.wait()
            devices.append(open_install(fresh_pg_url, tmp_path / f"install{n}", f"pc{n}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(n,), daemon=True) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)  # without the upgrade lock they can wait on each other for ever
    assert not [thread for thread in threads if thread.is_alive()], "an install never started"
    assert errors == []
    assert len(set(devices)) == 4
    paths = Paths(tmp_path / "install0")
    with Database.open(fresh_pg_url, paths) as db, db.engine.connect() as conn:
        assert current_revision(conn) == schema_head()
