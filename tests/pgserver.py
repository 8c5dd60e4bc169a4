"""Which PostgreSQL server the tests use: the one VERIFY_TEST_POSTGRES_URL names (required to
answer), else the local default if it answers, else a throwaway cluster started from the
installed PostgreSQL binaries, else none (the PostgreSQL tests are skipped, loudly)."""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy

URL_ENV = "VERIFY_TEST_POSTGRES_URL"
BIN_ENV = "VERIFY_TEST_POSTGRES_BIN"
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432"
TOOLS = ("initdb", "pg_ctl")


@dataclass(frozen=True)
class Plan:
    """What to do: "use" a server, start a "throwaway" one, "skip" the tests, or "fail"."""

    action: str
    url: str
    why: str = ""


class SESSION:
    """What this test session decided (set by tests/conftest.py at start)."""

    plan: Plan | None = None
    cluster: "Cluster | None" = None
    skipped = 0


def answers(url: str, timeout: float = 3.0) -> bool:
    """True if a PostgreSQL server accepts a connection at url (its `postgres` database)."""
    engine = sqlalchemy.create_engine(
        f"{url.rstrip('/')}/postgres", connect_args={"connect_timeout": max(int(timeout), 1)}
    )
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True
    except sqlalchemy.exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def binaries(env: dict[str, str] | os._Environ[str] = os.environ) -> Path | None:
    """The folder holding initdb and pg_ctl: VERIFY_TEST_POSTGRES_BIN, else the PATH, else
    `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin (Debian keeps them there)."""
    if BIN_ENV in env:
        candidates = [Path(env[BIN_ENV])] if env[BIN_ENV] else []
    else:
        found = shutil.which("initdb")
        candidates = [Path(found).resolve().parent] if found else []
        pg_config = shutil.which("pg_config")
        if pg_config:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
            candidates.append(Path(out.stdout.strip()))
        versions = glob.glob("/usr/lib/postgresql/*/bin")
        candidates += sorted((Path(p) for p in versions), key=_version, reverse=True)
    for folder in candidates:
        if all(os.access(folder / tool, os.X_OK) for tool in TOOLS):
            return folder
    return None


def _version(folder: Path) -> tuple[int, ...]:
    digits = folder.parent.name.split(".")
    return tuple(int(d) for d in digits if d.isdigit())


def plan(explicit: str | None, *, answering: bool, bindir: Path | None) -> Plan:
    """Decide from the setting, whether its server answers and the binaries found."""
    if explicit:
        if answering:
            return Plan("use", explicit)
        return Plan("fail", explicit, f"no PostgreSQL server answers at {explicit} ({URL_ENV})")
    if answering:
        return Plan("use", DEFAULT_URL)
    if bindir is not None:
        return Plan("throwaway", "", f"no server at {DEFAULT_URL}; started one from {bindir}")
    return Plan(
        "skip", DEFAULT_URL, f"no PostgreSQL server answers at {DEFAULT_URL} and no PostgreSQL "
        "binaries (initdb, pg_ctl) are installed",
    )  # fmt: skip


def skip_line(count: int, why: str) -> str:
    """The one loud line when the PostgreSQL half of the suite cannot run."""
    return (
        f"SKIPPED {count} PostgreSQL test(s): {why}. To run them, install PostgreSQL (its "
        f"binaries are enough) or point {URL_ENV}=postgresql+psycopg://USER@HOST:PORT at a "
        "server whose user may create databases."
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A PostgreSQL cluster in a temporary folder on a free port, for one test session.

    initdb refuses to run as root, so as root the cluster belongs to the `postgres` user
    (or `nobody`)."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="verify-test-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.owner = pwd.getpwnam(_unprivileged_user()) if os.geteuid() == 0 else None
        if self.owner is not None:
            os.chown(self.folder, self.owner.pw_uid, self.owner.pw_gid)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"

    def start(self) -> "Cluster":
        """initdb, then start the server and wait until it accepts connections."""
        try:
            self._run(
                "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync",
            )  # fmt: skip
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                "-o", options, "-w", "-t", "60", "start",
            )  # fmt: skip
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server (fast: nothing in it is worth keeping) and remove the folder."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str, check: bool = True) -> None:
        owner = self.owner
        result = subprocess.run(
            [str(self.bindir / tool), *args], capture_output=True, text=True, cwd=self.folder,
            user=owner.pw_uid if owner else None, group=owner.pw_gid if owner else None,
            extra_groups=[] if owner else None,
        )  # fmt: skip
        if check and result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed: {result.stderr.strip()}\n{tail}")


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and no `postgres` or `nobody` user to own a cluster")
