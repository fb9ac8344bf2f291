"""santei: price Japanese medical claims (レセプト) through libsantei_c's stable C ABI.

    import santei
    with santei.Masters.load("../shared/masters/r06") as masters, santei.Context(masters) as ctx:
        result = ctx.price(claim)            # a dict, JSON text or bytes (santei.claim/1)
        print(result.total_points, result.patient_yen)

Masters are immutable once a Context or a lookup uses them and may be shared by threads; a Context
is for one thread at a time. Every failure raises SanteiError with the status and where it was.
"""

import contextlib
import ctypes
import dataclasses
import enum
import json as _json
import os
from typing import List, Optional, Union

from . import _native
from ._native import lib as _lib

__all__ = [
    "Context", "Diagnostic", "Masters", "PublicExpense", "Result", "SanteiError", "Severity", "Status",
    "price_json_lines", "price_json_lines_to", "regress_json_lines", "version", "version_number",
]


class Status(enum.IntEnum):
    """santei_status: pinned values (santei.h)."""

    OK = 0
    INVALID_ARGUMENT = -1
    IO = -2
    PARSE = -3
    MASTER = -4
    CLAIM = -5
    UNKNOWN_CODE = -6
    RULE = -7
    OVERFLOW = -8
    LIMIT_EXCEEDED = -9
    ENCODING = -10
    NOT_FOUND = -11
    INTERNAL = -99


class Severity(enum.IntEnum):
    ERROR = 0
    WARNING = 1
    INFO = 2


class SanteiError(Exception):
    """A santei call failed: status (Status), file, line, column, field and message say where and why."""

    def __init__(self, status: int, file: str = "", line: int = 0, column: int = 0, field: str = "", message: str = ""):
        try:
            self.status = Status(status)
        except ValueError:
            self.status = status
        self.status_name = _lib.santei_status_name(status).decode()
        self.file, self.line, self.column, self.field, self.message = file, line, column, field, message
        where = ":".join(str(part) for part in (file, line or "", column or "") if part != "")
        text = f"{where}: " if where else ""
        text += f"{field}: " if field and not message.startswith(field) else ""
        super().__init__(f"{self.status_name}: {text}{message}")


def _text(value: Optional[bytes]) -> str:
    return value.decode("utf-8") if value else ""


def _check(status: int) -> None:
    """Raises SanteiError with this thread's last error when status is not OK."""
    if status == Status.OK:
        return
    error = _lib.santei_last_error().contents
    raise SanteiError(error.status, _text(error.file), error.line, error.column, _text(error.field), _text(error.message))


def _take_json(buf: "_native.Buf") -> dict:
    """The JSON a call wrote into `buf`, parsed; the buffer is disposed of."""
    try:
        return _json.loads(ctypes.string_at(buf.ptr, buf.size).decode("utf-8"))
    finally:
        _lib.santei_buf_dispose(ctypes.byref(buf))


def version() -> str:
    """The version of the libsantei_c actually loaded, e.g. "0.1.0"."""
    return _lib.santei_version_string().decode()


def version_number() -> int:
    return _lib.santei_version_number()


class _Handle:
    """A native handle freed by close(), on leaving a with block, or when collected."""

    _closed = "the handle is closed"

    @staticmethod
    def _free(handle: ctypes.c_void_p) -> None:
        raise NotImplementedError

    def _live(self) -> ctypes.c_void_p:
        if not self._handle:
            raise ValueError(self._closed)
        return self._handle

    def close(self) -> None:
        if getattr(self, "_handle", None):
            self._free(self._handle)
            self._handle = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        if _lib is not None:  # None during interpreter shutdown
            self.close()


class Masters(_Handle):
    """Loaded fee-schedule masters of one or several revisions. Use as a context manager (or close());
    contexts made from them keep the loaded data alive after close()."""

    _closed = "the masters are closed"

    @staticmethod
    def _free(handle: ctypes.c_void_p) -> None:
        _lib.santei_masters_free(handle)

    def __init__(self):
        handle = ctypes.c_void_p()
        _check(_lib.santei_masters_new(ctypes.byref(handle)))
        self._handle = handle

    @classmethod
    def load(cls, *paths: str) -> "Masters":
        """Masters from revision directories (../shared/masters/r06) or directories of them."""
        masters = cls()
        try:
            for path in paths:
                masters.add(path)
        except BaseException:
            masters.close()
            raise
        return masters

    @classmethod
    def demo(cls) -> "Masters":
        """The small demo master compiled into santei."""
        masters = cls()
        try:
            _check(_lib.santei_masters_load_demo(masters._live()))
        except BaseException:
            masters.close()
            raise
        return masters

    def add(self, path: str) -> "Masters":
        """Adds the revisions of a directory. Only before the masters are first used."""
        _check(_lib.santei_masters_load(self._live(), str(path).encode("utf-8")))
        return self

    @property
    def revisions(self) -> List[str]:
        count = ctypes.c_size_t()
        _check(_lib.santei_masters_revision_count(ctypes.byref(count), self._live()))
        out = []
        for index in range(count.value):
            revision = ctypes.c_char_p()
            _check(_lib.santei_masters_revision(ctypes.byref(revision), self._live(), index))
            out.append(_text(revision.value))
        return out

    def lookup(self, code: Union[str, int], date: Optional[str] = None) -> dict:
        """The master record of a code in force on date (YYYY-MM-DD; None: newest), as a dict (santei.lookup/1)."""
        buf = _native.Buf()
        _check(_lib.santei_lookup(ctypes.byref(buf), self._live(), str(code).encode("ascii", "replace"),
                                  date.encode("utf-8") if date is not None else None))
        return _take_json(buf)



@dataclasses.dataclass(frozen=True)
class PublicExpense:
    law: str  # 法別番号
    yen: int  # what the programme pays


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    rule: str
    message: str


@dataclasses.dataclass(frozen=True)
class Result:
    """One priced claim. Copay figures are None when the context priced without copay."""

    revision: str
    total_points: int
    patient_yen: Optional[int]
    insurer_yen: Optional[int]
    medical_cost_yen: Optional[int]
    public_expenses: List[PublicExpense]
    diagnostics: List[Diagnostic]
    json: str  # santei.result/1, as the library wrote it

    def to_dict(self) -> dict:
        return _json.loads(self.json)


class Context(_Handle):
    """Prices claims on masters. One per thread; use as a context manager (or close())."""

    _closed = "the context is closed"

    @staticmethod
    def _free(handle: ctypes.c_void_p) -> None:
        _lib.santei_context_free(handle)

    def __init__(self, masters: Masters, *, copay: bool = True, explain: bool = True, revision: Optional[str] = None,
                 dpc: Optional[str] = None):
        """`dpc`: a directory of MHLW's DPC電子点数表 workbooks, for claims with admission.dpc (docs/dpc.md)."""
        options = _native.PriceOptions()
        _check(_lib.santei_price_options_init(ctypes.byref(options), _native.PRICE_OPTIONS_VERSION))
        options.copay, options.explain = int(copay), int(explain)
        options.revision = revision.encode("utf-8") if revision else None
        options.dpc = os.fsencode(dpc) if dpc else None
        handle = ctypes.c_void_p()
        _check(_lib.santei_context_new(ctypes.byref(handle), masters._live(), ctypes.byref(options)))
        self._handle = handle

    def price(self, claim: Union[dict, str, bytes]) -> Result:
        """Prices one santei.claim/1 claim; raises SanteiError naming the field of a claim it cannot price."""
        if isinstance(claim, dict):
            data = _json.dumps(claim, ensure_ascii=False).encode("utf-8")
        elif isinstance(claim, str):
            data = claim.encode("utf-8", "surrogateescape")
        else:
            data = bytes(claim)
        handle = ctypes.c_void_p()
        _check(_lib.santei_price(ctypes.byref(handle), self._live(), data, len(data)))
        try:
            return self._read(handle)
        finally:
            _lib.santei_result_free(handle)

    @staticmethod
    def _read(handle: ctypes.c_void_p) -> Result:
        def number(function):
            value = ctypes.c_int64()
            _check(function(ctypes.byref(value), handle))
            return value.value

        def copay_figure(function):
            value = ctypes.c_int64()
            status = function(ctypes.byref(value), handle)
            if status == Status.NOT_FOUND:
                return None
            _check(status)
            return value.value

        text, size = ctypes.c_void_p(), ctypes.c_size_t()
        _check(_lib.santei_result_json(ctypes.byref(text), ctypes.byref(size), handle))
        revision = ctypes.c_char_p()
        _check(_lib.santei_result_revision(ctypes.byref(revision), handle))
        count = ctypes.c_size_t()
        _check(_lib.santei_result_public_expense_count(ctypes.byref(count), handle))
        shares = []
        for index in range(count.value):
            law, yen = ctypes.c_char_p(), ctypes.c_int64()
            _check(_lib.santei_result_public_expense(ctypes.byref(law), ctypes.byref(yen), handle, index))
            shares.append(PublicExpense(_text(law.value), yen.value))
        _check(_lib.santei_result_diagnostic_count(ctypes.byref(count), handle))
        diagnostics = []
        for index in range(count.value):
            severity, rule, message = ctypes.c_int(), ctypes.c_char_p(), ctypes.c_char_p()
            _check(_lib.santei_result_diagnostic(ctypes.byref(severity), ctypes.byref(rule), ctypes.byref(message),
                                                 handle, index))
            diagnostics.append(Diagnostic(Severity(severity.value), _text(rule.value), _text(message.value)))
        return Result(
            revision=_text(revision.value),
            total_points=number(_lib.santei_result_total_points),
            patient_yen=copay_figure(_lib.santei_result_patient_yen),
            insurer_yen=copay_figure(_lib.santei_result_insurer_yen),
            medical_cost_yen=copay_figure(_lib.santei_result_medical_cost_yen),
            public_expenses=shares,
            diagnostics=diagnostics,
            json=ctypes.string_at(text, size.value).decode("utf-8"),
        )


@contextlib.contextmanager
def _lines_at(lines):
    """(what to pass as a C ``const char*``, its length in bytes) for the JSON Lines entries: bytes as
    they are; a writable buffer (a bytearray, an mmap opened with ``mmap.ACCESS_COPY``, a memoryview
    of either) read where it lies, by its address: a month's file mapped is not copied (reading
    64 MiB into bytes cost a sixth of a Dask partition's time); other buffers copied. No ctypes
    object holds the buffer once the block is left, so an mmap can be closed after it."""
    with memoryview(lines) as whole, whole.cast("B") as view:
        array = None if isinstance(lines, bytes) or view.readonly else (ctypes.c_char * len(view)).from_buffer(view)
        data = ctypes.addressof(array) if array is not None else lines if isinstance(lines, bytes) else bytes(view)
        try:
            yield data, len(view)
        finally:
            del array, data


def price_json_lines(context: Context, lines: bytes, *, first_line: int = 1, threads: int = 1) -> tuple:
    """The claims of `lines` (santei.claim/1 JSON Lines, the first of them line `first_line` of its file)
    priced in native code in one call, as ``santei price`` prints them: (the santei.result/1 lines as
    one str, each ending in a newline, in input order; how many of them are error lines). `lines` is
    bytes or any bytes-like object (an mmap opened with ``mmap.ACCESS_COPY`` is read where it lies)."""
    buf = _native.Buf()
    errors = ctypes.c_size_t(0)
    with _lines_at(lines) as (data, length):
        _check(_lib.santei_price_json_lines(ctypes.byref(buf), ctypes.byref(errors), context._live(), data, length,
                                            first_line, threads))
    try:
        return ctypes.string_at(buf.ptr, buf.size).decode("utf-8"), errors.value
    finally:
        _lib.santei_buf_dispose(ctypes.byref(buf))


def price_json_lines_to(context: Context, lines: bytes, write, *, first_line: int = 1, threads: int = 1) -> int:
    """As price_json_lines, but each batch of result lines (bytes, whole lines, at most 256 of them) is
    handed to ``write`` as soon as it is priced, in input order (``write=out_file.write``), so memory
    stays bounded however many claims ``lines`` holds: bytes, or any bytes-like object (a mmap of a
    month's file opened with ``mmap.ACCESS_COPY`` is read where it lies). Returns how many lines were
    error lines. An exception raised by ``write`` stops the pricing and is raised again here."""
    raised = []

    def take(_user, data, length):
        try:
            write(ctypes.string_at(data, length))
            return 0
        except BaseException as error:  # stopped here, raised again once the call has returned
            raised.append(error)
            return 1

    callback = _native.WriteFn(take)
    errors = ctypes.c_size_t(0)
    with _lines_at(lines) as (data, length):
        status = _lib.santei_price_json_lines_to(ctypes.byref(errors), context._live(), data, length, first_line,
                                                 threads, callback, None)
    if raised:
        raise raised[0]
    _check(status)
    return errors.value


def regress_json_lines(old: Context, new: Context, lines: bytes, *, first_line: int = 1, threads: int = 1) -> dict:
    """The claims of `lines` (santei.claim/1 JSON Lines, the first of them line `first_line` of its file)
    priced under `old`'s revision and `new`'s in native code: the summary as santei.regress/1
    (``santei regress --json``). Each context must have been made with a revision. `lines` is bytes
    or any bytes-like object (an mmap opened with ``mmap.ACCESS_COPY`` is read where it lies)."""
    buf = _native.Buf()
    with _lines_at(lines) as (data, length):
        _check(_lib.santei_regress_json_lines(ctypes.byref(buf), old._live(), new._live(), data, length, first_line,
                                              threads))
    return _take_json(buf)
