"""`Secret`: how plaintext leaves the vault (shared/design/vault.md §7.4).

The value sits in a private `bytearray` so `wipe()` can overwrite it. That is best effort:
CPython may have copied it already (the `bytes` AES-GCM returned, a `str` the caller built,
`reveal_text()` results), and those copies cannot be wiped. What this class does guarantee is
that the value never appears by accident: in a `repr`, a log line, an f-string, a pickle or a
traceback's locals.
"""

from __future__ import annotations

import hmac
from types import TracebackType
from typing import NoReturn, final

_MASK = "Secret(***)"


@final
class Secret:
    """A revealed plaintext. Read it only through `reveal_text()` / `reveal_bytes()`."""

    __slots__ = ("_buf", "_wiped")

    def __init__(self, value: str | bytes | bytearray) -> None:
        if isinstance(value, str):
            value = value.encode("utf-8")
        elif not isinstance(value, bytes | bytearray):
            raise TypeError("Secret takes str, bytes or bytearray")
        # A copy we own, so wiping it never touches the caller's buffer (and vice versa).
        self._buf = bytearray(value)
        self._wiped = False

    # --- reading --------------------------------------------------------------------------

    def reveal_bytes(self) -> bytes:
        """The plaintext as bytes (a copy the caller is responsible for)."""
        self._check_alive()
        return bytes(self._buf)

    def reveal_text(self) -> str:
        """The plaintext decoded as UTF-8."""
        self._check_alive()
        return self._buf.decode("utf-8")

    def matches(self, other: Secret | str | bytes) -> bool:
        """Constant-time comparison (no `__eq__`, which would invite `==` timing leaks)."""
        self._check_alive()
        if isinstance(other, Secret):
            other._check_alive()
            theirs: bytes | bytearray = other._buf
        elif isinstance(other, str):
            theirs = other.encode("utf-8")
        else:
            theirs = other
        return hmac.compare_digest(self._buf, theirs)

    @property
    def wiped(self) -> bool:
        return self._wiped

    # --- disposal -------------------------------------------------------------------------

    def wipe(self) -> None:
        """Overwrite the buffer with zeros (best effort, see the module docstring)."""
        for i in range(len(self._buf)):
            self._buf[i] = 0
        self._wiped = True

    def __enter__(self) -> Secret:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.wipe()

    def __del__(self) -> None:
        # Interpreter shutdown may already have cleared attributes; never raise from here.
        buf = getattr(self, "_buf", None)
        if buf is not None:
            buf[:] = bytes(len(buf))

    # --- never show or serialise the value ------------------------------------------------

    def __repr__(self) -> str:
        return _MASK

    def __str__(self) -> str:
        return _MASK

    def __format__(self, format_spec: str) -> str:
        return _MASK

    def __reduce__(self) -> NoReturn:
        raise TypeError("Secret cannot be pickled")

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("Secret cannot be pickled")

    def __getstate__(self) -> NoReturn:
        raise TypeError("Secret cannot be pickled")

    def __copy__(self) -> NoReturn:
        # A copy would be a second buffer that `wipe()` on the original does not reach.
        raise TypeError("Secret cannot be copied")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError("Secret cannot be copied")

    def _check_alive(self) -> None:
        if self._wiped:
            raise ValueError("Secret was wiped")
