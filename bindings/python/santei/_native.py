"""ctypes declarations of santei.h (libsantei_c). Internal: use the santei package instead."""

import ctypes
import ctypes.util
import os

c_int64_p = ctypes.POINTER(ctypes.c_int64)
c_size_t_p = ctypes.POINTER(ctypes.c_size_t)
c_char_pp = ctypes.POINTER(ctypes.c_char_p)


class Error(ctypes.Structure):
    """santei_error: fields may be appended by later versions, never reordered."""

    _fields_ = [
        ("status", ctypes.c_int),
        ("file", ctypes.c_char_p),
        ("line", ctypes.c_int64),
        ("column", ctypes.c_int),
        ("field", ctypes.c_char_p),
        ("message", ctypes.c_char_p),
    ]


class Buf(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_void_p), ("size", ctypes.c_size_t)]


class PriceOptions(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("copay", ctypes.c_int),
        ("explain", ctypes.c_int),
        ("revision", ctypes.c_char_p),
        # version 2
        ("mode", ctypes.c_int),
        ("local_programmes", ctypes.c_char_p),
        # version 3
        ("dpc", ctypes.c_char_p),
    ]


PRICE_OPTIONS_VERSION = 3

# santei_write_fn: int (*)(void* user, const char* bytes, size_t length).
WriteFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char), ctypes.c_size_t)

# name: (restype, argtypes). Opaque handles are void pointers.
_H = ctypes.c_void_p
_SIGNATURES = {
    "santei_version_number": (ctypes.c_uint, []),
    "santei_version_string": (ctypes.c_char_p, []),
    "santei_status_name": (ctypes.c_char_p, [ctypes.c_int]),
    "santei_last_error": (ctypes.POINTER(Error), []),
    "santei_buf_dispose": (None, [ctypes.POINTER(Buf)]),
    "santei_masters_new": (ctypes.c_int, [ctypes.POINTER(_H)]),
    "santei_masters_free": (None, [_H]),
    "santei_masters_load": (ctypes.c_int, [_H, ctypes.c_char_p]),
    "santei_masters_load_demo": (ctypes.c_int, [_H]),
    "santei_masters_revision_count": (ctypes.c_int, [c_size_t_p, _H]),
    "santei_masters_revision": (ctypes.c_int, [c_char_pp, _H, ctypes.c_size_t]),
    "santei_lookup": (ctypes.c_int, [ctypes.POINTER(Buf), _H, ctypes.c_char_p, ctypes.c_char_p]),
    "santei_price_options_init": (ctypes.c_int, [ctypes.POINTER(PriceOptions), ctypes.c_uint]),
    "santei_context_new": (ctypes.c_int, [ctypes.POINTER(_H), _H, ctypes.POINTER(PriceOptions)]),
    "santei_context_free": (None, [_H]),
    "santei_price": (ctypes.c_int, [ctypes.POINTER(_H), _H, ctypes.c_char_p, ctypes.c_size_t]),
    "santei_result_free": (None, [_H]),
    "santei_result_json": (ctypes.c_int, [ctypes.POINTER(ctypes.c_void_p), c_size_t_p, _H]),
    "santei_result_revision": (ctypes.c_int, [c_char_pp, _H]),
    "santei_result_total_points": (ctypes.c_int, [c_int64_p, _H]),
    "santei_result_patient_yen": (ctypes.c_int, [c_int64_p, _H]),
    "santei_result_insurer_yen": (ctypes.c_int, [c_int64_p, _H]),
    "santei_result_medical_cost_yen": (ctypes.c_int, [c_int64_p, _H]),
    "santei_result_public_expense_count": (ctypes.c_int, [c_size_t_p, _H]),
    "santei_result_public_expense": (ctypes.c_int, [c_char_pp, c_int64_p, _H, ctypes.c_size_t]),
    "santei_result_diagnostic_count": (ctypes.c_int, [c_size_t_p, _H]),
    "santei_result_diagnostic": (
        ctypes.c_int,
        [ctypes.POINTER(ctypes.c_int), c_char_pp, c_char_pp, _H, ctypes.c_size_t],
    ),
    "santei_regress_json_lines": (
        ctypes.c_int,
        # lines: a void pointer, as santei_price_json_lines_to's
        [ctypes.POINTER(Buf), _H, _H, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int64, ctypes.c_uint],
    ),
    "santei_price_json_lines": (
        ctypes.c_int,
        # lines: a void pointer, as santei_price_json_lines_to's
        [ctypes.POINTER(Buf), ctypes.POINTER(ctypes.c_size_t), _H, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int64,
         ctypes.c_uint],
    ),
    "santei_price_json_lines_to": (
        ctypes.c_int,
        # lines: a void pointer, so a writable buffer's address can be passed as well as bytes
        [ctypes.POINTER(ctypes.c_size_t), _H, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int64, ctypes.c_uint, WriteFn,
         ctypes.c_void_p],
    ),
}


def _find_library():
    """SANTEI_LIBRARY (a path to libsantei_c.so), else the system's search path."""
    explicit = os.environ.get("SANTEI_LIBRARY")
    if explicit:
        return explicit
    for name in ("libsantei_c.so.0", "libsantei_c.dylib", "santei_c.dll"):
        try:
            ctypes.CDLL(name)
            return name
        except OSError:
            pass
    found = ctypes.util.find_library("santei_c")
    if found:
        return found
    raise OSError("libsantei_c not found: set SANTEI_LIBRARY to its path or add its directory to the loader path")


def load():
    lib = ctypes.CDLL(_find_library())
    for name, (restype, argtypes) in _SIGNATURES.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


lib = load()
