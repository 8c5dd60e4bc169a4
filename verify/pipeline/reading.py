"""Claims read from articles ahead of storing them. Reading (`extract.read`) is pure CPU work
and storing mostly waits on the database, so with many articles and more than one core the
articles are read in worker processes (`verify.processes`) while this one stores: results come
back in input order, a few articles ahead, each read within a deadline. With few articles or
one core they are read here, as they are stored."""

import asyncio
import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Generator, Sequence

from verify import extract, processes
from verify.errors import VerifyError

# Below this many articles, starting worker processes (about a second) costs more than it saves:
# on two cores the 127 benchmark pages ingest no faster in workers, 1,000 articles 5-15 % faster
# (bench/README.md).
PARALLEL_FROM = 200  # `verify ingest --help` and the README say so
MAX_WORKERS = 8
AHEAD_PER_WORKER = 4  # chunks read ahead per worker: enough to keep each busy
# Articles sent to a worker at once: each call's round trip (a thread hop, two pipe messages and
# the GIL contended with the storing thread) costs this process more than reading a short
# article costs the worker, so one call per article left the workers waiting on it.
CHUNK = 16
# A page whose claims take longer than this to read is refused (normal pages take milliseconds;
# only input built to defeat a regular expression comes near it). The worker keeps the deadline
# of each article in its chunk; this process kills a worker only when the whole chunk runs past
# its articles' deadlines and BACKSTOP_S more (a worker stuck where no signal reaches it).
DEADLINE_S = 120.0
BACKSTOP_S = 10.0
PRELOAD = ("verify.pipeline.reading",)
# Workers yield to this process: storing is the critical path, and with a worker per core a
# fair share would leave it a fraction of one.
WORKER_NICE = 5

Job = tuple[str, str | None]  # an article's text and its URL


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def workers_for(count: int, workers: int | None = None) -> int:
    """Worker processes for `count` articles: `workers` if given (0 or 1: none), else one per
    core once there are enough articles to pay for starting them."""
    if workers is None:
        workers = cores() if count >= PARALLEL_FROM else 1
    return max(0, min(workers, MAX_WORKERS, count))


def read_one(text: str, url: str | None) -> extract.Extraction:
    """One article's claims and skipped sentences."""
    return extract.read(text, url=url)


def chunk_size(count: int, workers: int) -> int:
    """Articles per call to a worker: CHUNK, or fewer when the batch is small, so that every
    worker has its share of the window."""
    return max(1, min(CHUNK, count // max(1, workers * AHEAD_PER_WORKER)))


class _Late(Exception):
    """An article ran past its deadline (raised by the alarm in a worker)."""


def read_chunk(jobs: Sequence[Job], deadline: float) -> list[extract.Extraction] | int:
    """Each job's extraction, each within `deadline` seconds (run in a worker, on its main
    thread, where the alarm can interrupt even a regular expression), or the position of the
    first job that ran past it."""
    armed = [False]

    def late(*_: object) -> None:
        if armed[0]:
            raise _Late

    previous = signal.signal(signal.SIGALRM, late)
    found = []
    try:
        for k, (text, url) in enumerate(jobs):
            try:
                armed[0] = True
                signal.setitimer(signal.ITIMER_REAL, deadline)
                found.append(read_one(text, url))
            except _Late:
                return k
            finally:
                armed[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
        return found
    finally:
        signal.signal(signal.SIGALRM, previous)


def read_all(jobs: Sequence[Job], workers: int) -> Generator[extract.Extraction, None, None]:
    """Each job's extraction, in order: in `workers` processes when more than one, else here."""
    if workers <= 1:
        for text, url in jobs:
            yield read_one(text, url)
        return
    ahead = _Ahead(jobs, workers)
    try:
        yield from ahead.results()
    finally:
        ahead.stop()


class _Ahead:
    """A thread running an event loop that keeps the worker pool busy and hands results over
    through a queue, at most a window's worth ahead of the consumer."""

    def __init__(self, jobs: Sequence[Job], workers: int) -> None:
        self.jobs = jobs
        self.workers = workers
        self.window = workers * AHEAD_PER_WORKER
        self.size = chunk_size(len(jobs), workers)
        self.done: queue.Queue[tuple[bool, object]] = queue.Queue()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="verify-read-ahead", daemon=True)
        self.thread.start()

    def results(self) -> Generator[extract.Extraction, None, None]:
        for _ in range(0, len(self.jobs), self.size):
            ok, value = self.done.get()
            if not ok:
                raise value if isinstance(value, BaseException) else VerifyError(str(value))
            assert isinstance(value, list)
            yield from value

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()

    def _run(self) -> None:
        try:
            asyncio.run(self._produce())
        except BaseException as exc:  # handed to the consumer, which raises it
            self.done.put((False, exc))

    async def _produce(self) -> None:
        async with processes.Pool(self.workers, preload=PRELOAD, nice=WORKER_NICE) as pool:
            pending: deque[asyncio.Task[list[extract.Extraction]]] = deque()
            starts = range(0, len(self.jobs), self.size)
            jobs = iter((k, self.jobs[k : k + self.size]) for k in starts)
            exhausted = False
            while not self.stopped.is_set():
                while not exhausted and len(pending) + self.done.qsize() < self.window:
                    job = next(jobs, None)
                    exhausted = job is None
                    if job is not None:
                        pending.append(asyncio.ensure_future(self._read(pool, *job)))
                if not pending and exhausted:
                    return
                if not pending:  # the consumer is a window behind: wait for it
                    await asyncio.sleep(0.01)
                    continue
                if not pending[0].done():
                    await asyncio.wait([pending[0]], timeout=0.2)  # wakes to see a stop
                    continue
                task = pending.popleft()
                error = task.exception()
                self.done.put((False, error) if error else (True, task.result()))
                if error:
                    break
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def _read(
        self, pool: processes.Pool, first: int, chunk: Sequence[Job]
    ) -> list[extract.Extraction]:
        one = len(chunk) == 1
        where = (
            f"article {first + 1}: reading its"
            if one
            else f"articles {first + 1}–{first + len(chunk)}: reading their"
        )
        backstop = DEADLINE_S * len(chunk) + BACKSTOP_S
        try:
            result = await pool.run(backstop, read_chunk, chunk, DEADLINE_S)
        except processes.Timeout:
            raise VerifyError(f"{where} claims took longer than {backstop:g} s") from None
        except processes.ChildFailed as exc:
            raise VerifyError(f"{where} claims failed ({exc})") from None
        if isinstance(result, int):
            late = first + result + 1
            raise VerifyError(
                f"article {late}: reading its claims took longer than {DEADLINE_S:g} s"
            )
        assert isinstance(result, list)
        return result
