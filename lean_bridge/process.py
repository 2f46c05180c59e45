"""One managed child process speaking a line protocol on stdin/stdout.

The child runs in its own session (process group), so killing the group also kills what
it spawned (``lake env repl`` forks the real server). Every read and write has a hard
deadline and goes through one ``selectors`` loop over non-blocking pipes, which also
drains stderr into a bounded ring buffer, so a chatty child can never block on a full
stderr pipe while we wait for its answer. On timeout, death or garbage the whole group
is killed with SIGKILL and reaped (no zombies) and every fd is closed (no leaks across
restarts). An optional memory cap sets ``RLIMIT_AS`` in the child before ``exec``.

This module knows nothing about JSON; the protocol clients frame and decode lines.
"""

from __future__ import annotations

import collections
import errno
import os
import resource
import selectors
import signal
import subprocess
import time
from typing import Callable, Mapping, Optional, Sequence

from lean_bridge.types import BackendCrashed, BackendStartupError, BackendTimeout

DEFAULT_STDERR_LINES = 200
MAX_LINE_BYTES = 256 * 1024 * 1024  # a longer line than this is garbage, not an answer
_READ_CHUNK = 1 << 16
_OOM_MARKERS = ("out of memory", "MemoryError", "bad_alloc", "Cannot allocate memory")


class ManagedProcess:
    """A restartable child process with deadline-bounded line I/O and a stderr ring buffer."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: Optional[str] = None,
        env: Optional[Mapping[str, str]] = None,
        memory_mb: Optional[int] = None,
        stderr_lines: int = DEFAULT_STDERR_LINES,
    ) -> None:
        """Remember how to start the child; nothing runs until ``start()``."""
        if not argv:
            raise ValueError("argv must name an executable")
        self.argv: tuple[str, ...] = tuple(argv)
        self.cwd = cwd
        self.env = dict(env) if env is not None else None
        self.memory_mb = memory_mb
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=stderr_lines)
        self.starts = 0  # how many times the child was started (the session number)
        self._proc: Optional[subprocess.Popen[bytes]] = None
        self._selector: Optional[selectors.BaseSelector] = None
        self._out_buf = bytearray()
        self._err_buf = bytearray()
        self._stdout_open = False
        self._budget = 0.0

    def deadline(self, timeout: float) -> float:
        """The monotonic deadline ``timeout`` seconds from now (remembered for error messages)."""
        self._budget = timeout
        return time.monotonic() + timeout

    # ------------------------------------------------------------------ lifecycle

    @property
    def pid(self) -> Optional[int]:
        """The child's pid, or None when it is not running."""
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        """True while a started child has not exited."""
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start the child (killing any previous one first)."""
        self.kill()
        self.stderr_tail.clear()
        self._out_buf.clear()
        self._err_buf.clear()
        preexec: Optional[Callable[[], None]] = None
        if self.memory_mb is not None:
            limit = int(self.memory_mb) * 1024 * 1024
            preexec = _rlimit_preexec(limit)
        try:
            proc = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self.cwd,
                env=self.env,
                start_new_session=True,
                close_fds=True,
                preexec_fn=preexec,
                bufsize=0,
            )
        except OSError as e:
            raise BackendStartupError(
                f"cannot start {self.argv[0]!r}: {e.strerror or e}", argv=self.argv, output=""
            ) from e
        self._proc = proc
        self.starts += 1
        assert proc.stdin and proc.stdout and proc.stderr
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            os.set_blocking(stream.fileno(), False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(proc.stdout, selectors.EVENT_READ, "out")
        self._selector.register(proc.stderr, selectors.EVENT_READ, "err")
        self._stdout_open = True

    def kill(self) -> None:
        """Kill the whole process group, reap the child and close every fd (idempotent)."""
        proc, self._proc = self._proc, None
        if self._selector is not None:
            self._selector.close()
            self._selector = None
        if proc is None:
            return
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL not delivered
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        self._stdout_open = False

    def close(self, grace: float = 1.0) -> None:
        """End the child politely (EOF on stdin), then kill its group after ``grace`` seconds."""
        proc = self._proc
        if proc is not None and proc.stdin is not None:
            try:
                proc.stdin.close()
            except OSError:
                pass
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                pass
        self.kill()

    # ------------------------------------------------------------------ I/O

    def write(self, data: bytes, deadline: float) -> None:
        """Write all of ``data`` to stdin before ``deadline`` (draining stdout/stderr meanwhile)."""
        proc = self._require_running()
        assert proc.stdin is not None and self._selector is not None
        view = memoryview(data)
        try:
            written = os.write(proc.stdin.fileno(), view)
        except BlockingIOError:
            written = 0
        except (BrokenPipeError, OSError) as e:
            raise self._crashed(f"cannot write request: {e}", stdin_broken=True) from e
        if written == len(view):
            return
        view = view[written:]
        self._selector.register(proc.stdin, selectors.EVENT_WRITE, "in")
        try:
            while view:
                for key, _ in self._select(deadline, "writing the request"):
                    if key.data == "in":
                        try:
                            n = os.write(proc.stdin.fileno(), view)
                        except BlockingIOError:
                            continue
                        except OSError as e:
                            raise self._crashed(f"cannot write request: {e}", stdin_broken=True) from e
                        view = view[n:]
                    else:
                        self._drain(key.data)
        finally:
            if self._selector is not None and proc.stdin.fileno() in self._selector.get_map():
                self._selector.unregister(proc.stdin)

    def read_line(self, deadline: float, *, what: str = "a response") -> str:
        """Read one stdout line (without its newline) before ``deadline``; decode as UTF-8.

        Only ``\\n`` ends a line (not U+2028 or ``\\r``), as in Lean's ``getLine``.
        """
        self._require_running()
        while True:
            nl = self._out_buf.find(b"\n")
            if nl >= 0:
                raw = bytes(self._out_buf[:nl])
                del self._out_buf[:nl + 1]
                try:
                    return raw.decode("utf-8").rstrip("\r")
                except UnicodeDecodeError as e:
                    raise self._crashed(f"server printed invalid UTF-8: {raw[:80]!r}", garbage=True) from e
            if not self._stdout_open:
                raise self._crashed(f"server closed its output while we waited for {what}")
            if len(self._out_buf) > MAX_LINE_BYTES:
                raise self._crashed(f"server printed a line longer than {MAX_LINE_BYTES} bytes", garbage=True)
            for key, _ in self._select(deadline, f"waiting for {what}"):
                self._drain(key.data)

    def poll_exited(self, wait: float = 0.0) -> bool:
        """True if the child has exited (waiting up to ``wait`` seconds)."""
        if self._proc is None:
            return True
        try:
            self._proc.wait(timeout=wait) if wait > 0 else None
        except subprocess.TimeoutExpired:
            return False
        return self._proc.poll() is not None

    # ------------------------------------------------------------------ internals

    def _require_running(self) -> subprocess.Popen[bytes]:
        """The live child, or ``BackendCrashed`` if it is gone."""
        if self._proc is None:
            raise BackendCrashed("server is not running", stderr_tail=tuple(self.stderr_tail))
        return self._proc

    def _select(self, deadline: float, what: str) -> list[tuple[selectors.SelectorKey, int]]:
        """Wait for pipe events until ``deadline``; kill and raise ``BackendTimeout`` after it."""
        assert self._selector is not None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise self._timed_out(what)
        try:
            events = self._selector.select(remaining)
        except InterruptedError:  # pragma: no cover - PEP 475 retries for us
            events = []
        if not events and time.monotonic() >= deadline:
            raise self._timed_out(what)
        return events

    def _drain(self, which: str) -> None:
        """Read what is available on stdout (into the buffer) or stderr (into the ring)."""
        proc = self._proc
        assert proc is not None and self._selector is not None
        stream = proc.stdout if which == "out" else proc.stderr
        assert stream is not None
        try:
            chunk = os.read(stream.fileno(), _READ_CHUNK)
        except BlockingIOError:
            return
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            chunk = b""
        if which == "out":
            if chunk:
                self._out_buf += chunk
            else:
                self._stdout_open = False
                self._selector.unregister(stream)
            return
        if not chunk:
            self._selector.unregister(stream)
            self._flush_stderr(final=True)
            return
        self._err_buf += chunk
        self._flush_stderr(final=False)

    def _flush_stderr(self, *, final: bool) -> None:
        """Move complete stderr lines into the ring buffer; cap an endless partial line."""
        buf = self._err_buf
        while True:
            nl = buf.find(b"\n")
            if nl < 0:
                break
            self.stderr_tail.append(bytes(buf[:nl]).decode("utf-8", "replace"))
            del buf[:nl + 1]
        if buf and (final or len(buf) > 8192):
            self.stderr_tail.append(bytes(buf[:8192]).decode("utf-8", "replace"))
            buf.clear()

    def drain_stderr(self, seconds: float = 0.05) -> None:
        """Collect what stderr still holds (used to report why a child died)."""
        if self._proc is None or self._selector is None:
            return
        deadline = time.monotonic() + seconds
        stderr = self._proc.stderr
        while self._selector is not None and stderr is not None and stderr.fileno() in self._selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            for key, _ in self._selector.select(remaining):
                self._drain(key.data)
        self._flush_stderr(final=True)

    def _timed_out(self, what: str) -> BackendTimeout:
        """Kill the child and build the timeout error."""
        tail = tuple(self.stderr_tail)
        self.kill()
        last = f"; last stderr: {tail[-1]!r}" if tail else ""
        return BackendTimeout(
            f"{self.argv[0]}: no answer within {self._budget:g}s while {what}; server killed{last}",
            seconds=self._budget,
            stderr_tail=tail,
        )

    def _crashed(self, reason: str, *, garbage: bool = False, stdin_broken: bool = False) -> BackendCrashed:
        """Collect exit status and stderr, kill and reap the child, and build the crash error."""
        self.drain_stderr(0.2 if not garbage else 0.02)
        proc = self._proc
        if proc is not None and not garbage:
            try:
                proc.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                pass
        returncode = proc.poll() if proc is not None else None
        tail = tuple(self.stderr_tail)
        self.kill()
        if returncode is None and proc is not None:
            returncode = proc.returncode
        sig = -returncode if returncode is not None and returncode < 0 else None
        cause = "garbage on stdout" if garbage else "exited"
        if self.memory_mb is not None and not garbage and (
            any(m in line for line in tail for m in _OOM_MARKERS)
            or sig in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS)
        ):
            cause = f"out of memory (memory cap {self.memory_mb} MB)"
        detail = f"signal {signal.Signals(sig).name}" if sig else f"exit status {returncode}"
        last = f"; last stderr: {tail[-1]!r}" if tail else ""
        return BackendCrashed(
            f"{self.argv[0]}: {reason} ({cause}, {detail}){last}",
            returncode=returncode,
            signal=sig,
            stderr_tail=tail,
            cause=cause,
        )


def _rlimit_preexec(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` that caps the child's address space at ``limit`` bytes."""

    def _apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return _apply
