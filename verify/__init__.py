"""verify: turn articles into a queue of checkable claims and track their verification."""

__version__ = "0.1.0"
