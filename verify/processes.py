"""CPU work in child processes, each call with a deadline. A call past its deadline has its
child killed and replaced, so one hostile input costs its own time only; children die with
their parent, even when it is killed with SIGKILL (Linux PR_SET_PDEATHSIG)."""

import asyncio
import contextlib
import ctypes
import importlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

PR_SET_PDEATHSIG = 1


class Timeout(Exception):
    """A call ran past its deadline; its child was killed."""


class ChildFailed(Exception):
    """A call raised in the child, or the child died."""


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent goes (Linux only; elsewhere the
    child still exits when its pipe to the parent closes)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)


def _serve(conn: Connection, parent: int, preload: Sequence[str], nice: int) -> None:
    """The child's loop: run (function, args) requests until the pipe closes."""
    _die_with_parent(parent)
    if nice:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(nice)
    for name in preload:
        importlib.import_module(name)
    conn.send((True, "ready"))
    while True:
        try:
            function, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[bool, Any] = (True, function(*args))
        except Exception as exc:  # reported to the parent, which decides
            reply = (False, f"{type(exc).__name__}: {exc}")
        conn.send(reply)


class _Child:
    def __init__(self, preload: Sequence[str], nice: int = 0) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        self.conn, theirs = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(theirs, os.getpid(), tuple(preload), nice), daemon=True
        )
        self.process.start()
        theirs.close()

    def ready(self) -> None:
        """Block until the child has imported its preload modules."""
        self.conn.recv()

    def call(self, function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
        self.conn.send((function, args))
        result: tuple[bool, Any] = self.conn.recv()
        return result

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
            self.process.join(5)
        self.conn.close()


STARTUP_TIMEOUT = 120.0  # a child that cannot import its modules in this long is broken


class Pool:
    """Up to `size` children, started when first needed. Use as an async context manager.
    A call's deadline counts its own run only: starting a child and waiting for a free one
    do not use it up."""

    def __init__(self, size: int, *, preload: Sequence[str] = (), nice: int = 0) -> None:
        self.size = max(size, 1)
        self.preload = tuple(preload)
        self.nice = nice  # added to the children's niceness: the parent's work comes first
        self.started = 0
        self.idle: asyncio.Queue[_Child] | None = None
        self.children: list[_Child] = []

    async def __aenter__(self) -> "Pool":
        self.idle = asyncio.Queue()
        return self

    async def __aexit__(self, *_: object) -> None:
        for child in self.children:
            child.kill()
        self.children.clear()

    async def _acquire(self) -> _Child:
        assert self.idle is not None, "use Pool as an async context manager"
        if self.idle.empty() and self.started < self.size:
            self.started += 1
            child = _Child(self.preload, self.nice)
            self.children.append(child)
            loop = asyncio.get_running_loop()
            try:
                async with asyncio.timeout(STARTUP_TIMEOUT):
                    await asyncio.shield(loop.run_in_executor(None, child.ready))
            except (TimeoutError, EOFError, OSError) as exc:
                self._replace(child)
                raise ChildFailed(f"worker process did not start ({type(exc).__name__})") from exc
            return child
        return await self.idle.get()

    def _replace(self, child: _Child) -> None:
        child.kill()
        self.children.remove(child)
        self.started -= 1

    async def run(self, timeout: float, function: Callable[..., Any], *args: Any) -> Any:
        """function(*args) in a child, given timeout seconds to run; Timeout (the child is
        killed and replaced) or ChildFailed otherwise."""
        loop = asyncio.get_running_loop()
        child = await self._acquire()
        call = loop.run_in_executor(None, child.call, function, args)
        try:
            async with asyncio.timeout(timeout):
                ok, value = await asyncio.shield(call)
        except TimeoutError:
            self._replace(child)  # the waiting thread sees EOF and ends
            with contextlib.suppress(Exception):
                await call
            raise Timeout(f"took longer than {timeout:g} s") from None
        except (EOFError, OSError) as exc:
            self._replace(child)
            raise ChildFailed(f"worker process died ({type(exc).__name__})") from exc
        except asyncio.CancelledError:
            self._replace(child)  # its work is no longer wanted, and it may be mid-way
            raise
        assert self.idle is not None
        self.idle.put_nowait(child)
        if not ok:
            raise ChildFailed(str(value))
        return value
