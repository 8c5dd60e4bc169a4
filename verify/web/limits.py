"""Sign-in rate limits: failed attempts per account name and per client address, counted in a
sliding window in this server process."""

import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW = 300.0  # seconds
PER_NAME = 5  # failed sign-ins for one name in the window
PER_ADDRESS = 20  # failed sign-ins from one address in the window
MAX_KEYS = 100_000  # memory stays bounded however many names are tried


class LoginLimiter:
    """Refuses sign-in for a while after too many failures (guessing passwords)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.failures: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self.failures.get(key, deque())
        while times and times[0] <= now - WINDOW:
            times.popleft()
        return times

    def wait(self, name: str, address: str) -> float:
        """Seconds until this name may be tried again from this address (0: now)."""
        now = self.clock()
        with self.lock:
            waits = [0.0]
            for key, limit in ((f"name:{name}", PER_NAME), (f"addr:{address}", PER_ADDRESS)):
                times = self._recent(key, now)
                if len(times) >= limit:
                    waits.append(times[len(times) - limit] + WINDOW - now)
            return max(waits)

    def failed(self, name: str, address: str) -> None:
        now = self.clock()
        with self.lock:
            if len(self.failures) >= MAX_KEYS:
                for key in [k for k in self.failures if not self._recent(k, now)]:
                    del self.failures[key]
            for key in (f"addr:{address}", f"name:{name}"):
                if key not in self.failures and len(self.failures) >= MAX_KEYS:
                    continue  # full of live entries: the address limit still holds
                times = self._recent(key, now)
                times.append(now)
                self.failures[key] = times

    def succeeded(self, name: str) -> None:
        with self.lock:
            self.failures.pop(f"name:{name}", None)
