/* santei.h — the C ABI of santei: price Japanese medical claims (レセプト) from any language.
 *
 * The one header receipt computers link against (libsantei_c). Pure C99; every entry point is
 * also valid C++. Read docs/abi-stability.md for what may change between versions.
 *
 * Conventions (libgit2 and zstd style):
 *   - Handles are opaque: santei_masters (loaded fee masters, shared by threads), santei_context
 *     (one per thread: pricing options and scratch), santei_result (one priced claim).
 *     Each has a create/free pair; every free accepts NULL.
 *   - Functions return an int holding a santei_status: 0 (SANTEI_OK) or a negative code. Outputs
 *     come first in the parameter list and are written only on success (on failure a pointer
 *     output is set to NULL where it is a handle).
 *   - The detailed error of the last failed call (status, file, line, column, field, message) is
 *     kept per thread: santei_last_error().
 *   - Text in and out is UTF-8. Strings the library returns are borrowed: each function says how
 *     long they stay valid. Buffers handed to the caller (santei_buf) are released with
 *     santei_buf_dispose(); never with free().
 *   - No C++ exception and no abort crosses this interface. NULL handles, handles of the wrong
 *     kind, out-of-range indexes, oversized lengths and malformed UTF-8 are reported as
 *     SANTEI_ERR_INVALID_ARGUMENT (or the status named), never crashed on. A pointer to freed or
 *     unmapped memory cannot be detected and remains undefined behaviour.
 *   - A file named by its path (masters, snapshots, a household's UKE files) is mapped, not copied,
 *     while the call reads it. Replace such a file by renaming a new one over it (santei masters add
 *     does): one cut short in place by another program during the call raises SIGBUS in the
 *     calling process, which santei leaves to the host's own handling (a JVM's, a .NET runtime's).
 *
 * Thread-safety: a santei_masters is immutable once shared (see santei_masters_load) and may be
 * used by any number of threads at once. A santei_context must be used by one thread at a time
 * (concurrent use is detected and refused). A santei_result is immutable: any thread may read it;
 * free it once.
 */
#ifndef SANTEI_H
#define SANTEI_H

#include <stddef.h>
#include <stdint.h>

#include "santei/config.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Versions
 * ------------------------------------------------------------------------------------------- */

/* SANTEI_VERSION_MAJOR/MINOR/PATCH, SANTEI_VERSION_NUMBER (MAJOR*10000 + MINOR*100 + PATCH) and
 * SANTEI_VERSION_STRING come from santei/config.h: the version this header belongs to. */

/* The version of the library actually loaded, as SANTEI_VERSION_NUMBER. A binding compares it
 * with the version it was written for.
 * @return the packed version number, e.g. 100 for 0.1.0. Never fails.
 * Thread-safety: any thread. */
SANTEI_C_API unsigned santei_version_number(void);

/* The version of the library actually loaded, e.g. "0.1.0".
 * @return a static NUL-terminated string; never NULL; do not free.
 * Thread-safety: any thread. */
SANTEI_C_API const char* santei_version_string(void);

/* ---------------------------------------------------------------------------------------------
 * Status codes and errors
 * ------------------------------------------------------------------------------------------- */

/* Pinned values: the same numbers as santei::Status (santei/result.hpp) and never renumbered. */
typedef enum santei_status {
  SANTEI_OK = 0,                      /* success */
  SANTEI_ERR_INVALID_ARGUMENT = -1,   /* a NULL or wrong-kind handle, bad length, index or option */
  SANTEI_ERR_IO = -2,                 /* a file or directory could not be read */
  SANTEI_ERR_PARSE = -3,              /* malformed text: CSV, XML, JSON, a date or a number */
  SANTEI_ERR_MASTER = -4,             /* a master file that cannot be trusted */
  SANTEI_ERR_CLAIM = -5,              /* a claim that cannot be priced (missing field, bad date…) */
  SANTEI_ERR_UNKNOWN_CODE = -6,       /* a code not in the masters, or not in force that day */
  SANTEI_ERR_RULE = -7,               /* an inconsistent rule definition */
  SANTEI_ERR_OVERFLOW = -8,           /* a number beyond what exact arithmetic holds */
  SANTEI_ERR_LIMIT_EXCEEDED = -9,     /* an input beyond a documented maximum (size, depth…) */
  SANTEI_ERR_ENCODING = -10,          /* bytes that are not valid UTF-8 (or CP932 in masters) */
  SANTEI_ERR_NOT_FOUND = -11,         /* nothing found: no revision for a date, no such record */
  SANTEI_ERR_INTERNAL = -99           /* a bug in santei (or out of memory); please report it */
} santei_status;

/* The English name of a status, e.g. "claim_error" for SANTEI_ERR_CLAIM.
 * @return a static NUL-terminated string; "unknown_status" for a value not in santei_status.
 * Thread-safety: any thread. Does not touch santei_last_error(). */
SANTEI_C_API const char* santei_status_name(int status);

/* The detailed error of the last call on this thread. Empty strings and zero numbers mean "not
 * applicable". Fields may be appended in later versions (never removed or reordered). */
typedef struct santei_error {
  int status;          /* a santei_status; SANTEI_OK when the last call succeeded */
  const char* file;    /* the input: a master file path, "<claim>", "<demo>"; "" if none */
  int64_t line;        /* 1-based line in that input; 0 if not applicable */
  int column;          /* 1-based column (JSON character, CSV field, byte for UTF-8 errors) */
  const char* field;   /* the field at fault, e.g. "visits[0].date"; "" if none */
  const char* message; /* one sentence saying what is wrong; "" on success */
} santei_error;

/* The error of the most recent status-returning santei call made on this thread (a successful
 * call resets it to SANTEI_OK with empty strings).
 * @return a pointer to a thread-local struct; never NULL. It and its strings stay valid until
 *   the next santei call on this thread; copy what you keep. Do not free.
 * Thread-safety: each thread has its own; a call on another thread never changes it. */
SANTEI_C_API const santei_error* santei_last_error(void);

/* ---------------------------------------------------------------------------------------------
 * Library-owned buffers
 * ------------------------------------------------------------------------------------------- */

/* A byte buffer filled by santei (e.g. lookup JSON). `ptr` is NUL-terminated (not counted in
 * `size`) and owned by santei until santei_buf_dispose(). Initialise with SANTEI_BUF_INIT. */
typedef struct santei_buf {
  char* ptr;
  size_t size;
} santei_buf;

#define SANTEI_BUF_INIT {NULL, 0}

/* Releases what santei put in `buf` and resets it to SANTEI_BUF_INIT. A NULL `buf` or an empty
 * one is a no-op; a buffer santei did not fill (or disposed already) is left alone and reported
 * as SANTEI_ERR_INVALID_ARGUMENT in santei_last_error().
 * Ownership: only for buffers filled by santei. Thread-safety: any thread, one call per buffer. */
SANTEI_C_API void santei_buf_dispose(santei_buf* buf);

/* ---------------------------------------------------------------------------------------------
 * Masters: the fee-schedule masters of one or several revisions (r04, r06…)
 * ------------------------------------------------------------------------------------------- */

typedef struct santei_masters santei_masters;

/* Creates an empty master set; add revisions with santei_masters_load / _load_demo.
 * @return SANTEI_OK and *out set to a new handle; SANTEI_ERR_INVALID_ARGUMENT if out is NULL.
 * Ownership: the caller owns *out; release it with santei_masters_free().
 * Thread-safety: any thread. */
SANTEI_C_API int santei_masters_new(santei_masters** out);

/* Releases a master set. NULL is a no-op (as for every free function; a pointer that is not a live
 * handle of the right kind is left alone and reported in santei_last_error()). Contexts created from it keep the loaded data alive, so
 * it may be freed before them.
 * Thread-safety: call once, when no other thread uses this handle. */
SANTEI_C_API void santei_masters_free(santei_masters* masters);

/* Loads the SSK masters of a revision directory (e.g. "../shared/masters/r06") or of every
 * revision directory under a directory ("../shared/masters") and adds them to `masters`.
 * `path` is a NUL-terminated UTF-8 path of at most 4096 bytes. Several calls add several
 * revisions; revisions whose periods overlap are refused.
 * @return SANTEI_OK; SANTEI_ERR_INVALID_ARGUMENT (NULL, bad path, or the set is already shared),
 *   SANTEI_ERR_ENCODING (path not UTF-8), SANTEI_ERR_IO, SANTEI_ERR_PARSE, SANTEI_ERR_MASTER
 *   (with the file, line, column and field in santei_last_error()). On failure `masters` is
 *   unchanged.
 * Thread-safety: loading is the building phase and needs exclusive use of `masters`. Once a
 *   context is created from it or it is used for a lookup, the set is frozen: it is immutable,
 *   shared by any number of threads, and further loads return SANTEI_ERR_INVALID_ARGUMENT. */
SANTEI_C_API int santei_masters_load(santei_masters* masters, const char* path);

/* Adds the small demo master compiled into santei (hand-typed real r06 values; no files).
 * @return SANTEI_OK, or as santei_masters_load. Thread-safety: as santei_masters_load. */
SANTEI_C_API int santei_masters_load_demo(santei_masters* masters);

/* The number of revisions loaded.
 * @return SANTEI_OK and *out set; SANTEI_ERR_INVALID_ARGUMENT for a NULL argument.
 * Thread-safety: any thread once the set is shared. */
SANTEI_C_API int santei_masters_revision_count(size_t* out, const santei_masters* masters);

/* The id of the index-th revision, oldest first (e.g. "r06").
 * @return SANTEI_OK and *out set to a borrowed NUL-terminated string, valid while `masters` (or a
 *   context made from it) lives; SANTEI_ERR_INVALID_ARGUMENT for NULL or an index out of range.
 * Thread-safety: any thread once the set is shared. */
SANTEI_C_API int santei_masters_revision(const char** out, const santei_masters* masters, size_t index);

/* ---------------------------------------------------------------------------------------------
 * Code lookup
 * ------------------------------------------------------------------------------------------- */

/* The master record of `code` in force on `date`, with its decoded columns, other versions and
 * rule-graph edges, as JSON (santei.lookup/1).
 * `code` is a NUL-terminated string of 1–9 ASCII digits (9-digit 診療行為, 医薬品, 特定器材,
 * コメント code, or a 7-digit 傷病名 code). `date` is "YYYY-MM-DD", or NULL for the newest version.
 * @return SANTEI_OK and `out` filled (dispose with santei_buf_dispose; `out` is overwritten, not
 *   read: dispose a buffer before reusing it); SANTEI_ERR_INVALID_ARGUMENT (NULL, bad code or date),
 *   SANTEI_ERR_UNKNOWN_CODE (not in the masters or not in force that day),
 *   SANTEI_ERR_NOT_FOUND (no loaded revision prices that date).
 * Thread-safety: any thread; freezes `masters` (see santei_masters_load). */
SANTEI_C_API int santei_lookup(santei_buf* out, const santei_masters* masters, const char* code, const char* date);

/* ---------------------------------------------------------------------------------------------
 * Contexts: one per thread, holding the pricing options
 * ------------------------------------------------------------------------------------------- */

typedef struct santei_context santei_context;

/* santei_price_options.mode: what santei adds to what a claim lists (pinned values). */
typedef enum santei_mode {
  SANTEI_MODE_CLAIM = 0,      /* as each claim's "mode" says (santei.claim/1 default: automatic) */
  SANTEI_MODE_AUTOMATIC = 1,  /* add what the law adds by itself (年齢加算, 時間加算 …) */
  SANTEI_MODE_AS_CLAIMED = 2  /* price what the claim states; what the law would add is a diagnostic */
} santei_mode;

/* Pricing options. Initialise with SANTEI_PRICE_OPTIONS_INIT or santei_price_options_init();
 * later versions append fields and raise SANTEI_PRICE_OPTIONS_VERSION. A version 1 struct (the
 * first four fields) and a version 2 struct (the first six) are still accepted. */
typedef struct santei_price_options {
  unsigned version;      /* SANTEI_PRICE_OPTIONS_VERSION */
  int copay;             /* nonzero: compute the window charge and shares (default 1) */
  int explain;           /* nonzero: keep the explanation of each line in the JSON (default 1) */
  const char* revision;  /* price under this revision ("r04") whatever the month; NULL: by month */
  /* version 2 */
  int mode;              /* a santei_mode (default SANTEI_MODE_CLAIM) */
  const char* local_programmes;  /* path of a 地方単独 programmes file (docs/local-programmes.md),
                                    read once by santei_context_new; NULL: the rows santei ships */
  /* version 3 */
  const char* dpc;       /* a directory of MHLW's DPC電子点数表 workbooks (docs/dpc.md) for claims with
                            admission.dpc, read once by santei_context_new; NULL: such a claim is
                            SANTEI_ERR_CLAIM naming admission.dpc */
} santei_price_options;

#define SANTEI_PRICE_OPTIONS_VERSION 3
#define SANTEI_PRICE_OPTIONS_INIT {SANTEI_PRICE_OPTIONS_VERSION, 1, 1, NULL, SANTEI_MODE_CLAIM, NULL, NULL}

/* Fills `options` with the defaults of `version` (for bindings that cannot use the macro).
 * @return SANTEI_OK; SANTEI_ERR_INVALID_ARGUMENT for NULL or an unknown version.
 * Thread-safety: any thread. */
SANTEI_C_API int santei_price_options_init(santei_price_options* options, unsigned version);

/* Creates a pricing context on `masters`, with `options` (NULL: defaults). The context keeps the
 * loaded masters alive and copies the options (the strings need not outlive the call; the local
 * programmes file and the DPC workbooks are read here: give each thread's context the same
 * options, or create contexts once, as reading the DPC workbooks takes a few hundred ms).
 * @return SANTEI_OK and *out set; SANTEI_ERR_INVALID_ARGUMENT (NULL out or masters, a set with no
 *   revision, an unknown options version or mode), SANTEI_ERR_NOT_FOUND (options.revision not
 *   loaded), SANTEI_ERR_IO / SANTEI_ERR_RULE (the local programmes file cannot be read or is
 *   malformed: santei_last_error() names its line and attribute).
 * Ownership: the caller owns *out; release it with santei_context_free().
 * Thread-safety: any thread; freezes `masters`. The context itself is for one thread at a time. */
SANTEI_C_API int santei_context_new(santei_context** out, const santei_masters* masters,
                                    const santei_price_options* options);

/* Releases a context. NULL is a no-op. Results it produced stay valid.
 * Thread-safety: call once, when no call with this context is running. */
SANTEI_C_API void santei_context_free(santei_context* context);

/* ---------------------------------------------------------------------------------------------
 * Pricing
 * ------------------------------------------------------------------------------------------- */

typedef struct santei_result santei_result;

/* Prices one claim (santei.claim/1 JSON, UTF-8, `length` bytes, no NUL needed, at most 16 MiB).
 * @return SANTEI_OK and *out set to a new result (rule violations that leave the claim priceable
 *   are diagnostics in it, not errors); otherwise *out is NULL and the status is
 *   SANTEI_ERR_INVALID_ARGUMENT (NULL pointer, context in use by another thread),
 *   SANTEI_ERR_LIMIT_EXCEEDED (length), SANTEI_ERR_ENCODING (not UTF-8: line and byte column),
 *   SANTEI_ERR_PARSE (not JSON), SANTEI_ERR_CLAIM (missing or bad field), SANTEI_ERR_UNKNOWN_CODE,
 *   SANTEI_ERR_NOT_FOUND (no revision for the month) — santei_last_error() names the line, column
 *   and field of the claim.
 * Ownership: the caller owns *out; release it with santei_result_free().
 * Thread-safety: one call at a time per context; many contexts on one santei_masters run in
 *   parallel. */
SANTEI_C_API int santei_price(santei_result** out, santei_context* context, const char* claim_json, size_t length);

/* Prices every receipt of a UKE (レセ電) file as claimed — from the codes, quantities and units it
 * states, nothing added and nothing dropped — and compares each unit with what the file states:
 * santei.uke-report/1 JSON (docs/uke-check.md), what `santei price --uke` writes on stdout.
 * `bytes` is the file's content (`length` bytes: CP932 or UTF-8, CR LF or LF; at most 2 GiB),
 * `name` names it in the report and its errors (NULL: "<uke>"). The context's options apply:
 * its revision, copay, local programmes and mode (SANTEI_MODE_CLAIM: every UKE receipt is
 * as_claimed); explain is not used. A record or receipt santei cannot read or price is reported
 * in the JSON (errors, receipts[].error) and the rest of the file is priced; a file santei does
 * not read (歯科, 調剤) is an error of the report, not of the call.
 * @return SANTEI_OK and `out` filled (dispose with santei_buf_dispose; `out` is overwritten, not
 *   read); SANTEI_ERR_INVALID_ARGUMENT (NULL `out`, `context` or `bytes`, a handle of the wrong
 *   kind, a context in use by another thread, a name over 4096 bytes), SANTEI_ERR_ENCODING (a
 *   name not UTF-8), SANTEI_ERR_LIMIT_EXCEEDED (length) — santei_last_error() names the field.
 * Thread-safety: one call at a time per context, as santei_price. Requires 0.2. */
SANTEI_C_API int santei_price_uke(santei_buf* out, santei_context* context, const char* bytes, size_t length,
                                  const char* name);

/* Receives santei's output a piece at a time, in order, on the thread that made the call:
 * `length` bytes at `bytes` (not NUL-terminated; valid only during this call; never 0 bytes).
 * `user` is the pointer given to the call. Return 0 to go on; any other value stops the call
 * (nothing more is priced or written), which then returns SANTEI_ERR_IO. It must not throw,
 * longjmp out, or call santei with the context of the call (which is in use).
 * Requires 0.2. */
typedef int (*santei_write_fn)(void* user, const char* bytes, size_t length);

/* santei_price_uke's report handed to `write` a piece at a time as it is made (about 1 MiB each)
 * instead of held whole in a buffer: the same bytes, for a month's file whose report is large
 * (52.7 MB for 20,000 receipts). The receipts are priced on `threads` threads (0: the hardware
 * threads; 1: the calling thread) while the calling thread reads the file, as `santei price --uke
 * -j N` does; their results are held until the report is written. Arguments, statuses and
 * thread-safety as santei_price_uke; NULL `write` is SANTEI_ERR_INVALID_ARGUMENT; `write`
 * returning non-zero: SANTEI_ERR_IO, field "write". Requires 0.2. */
SANTEI_C_API int santei_price_uke_to(santei_context* context, const char* bytes, size_t length, const char* name,
                                     unsigned threads, santei_write_fn write, void* user);

/* Releases a result and every string borrowed from it. NULL is a no-op.
 * Thread-safety: call once, when no other thread reads this result. */
SANTEI_C_API void santei_result_free(santei_result* result);

/* The whole result as santei.result/1 JSON.
 * @return SANTEI_OK, *out set to a borrowed NUL-terminated UTF-8 string and *length (may be NULL)
 *   to its size in bytes; valid until the result is freed. SANTEI_ERR_INVALID_ARGUMENT for NULL.
 * Thread-safety: any thread (results are immutable). */
SANTEI_C_API int santei_result_json(const char** out, size_t* length, const santei_result* result);

/* The fee revision the claim was priced under, e.g. "r06" (borrowed, valid until the result is
 * freed). @return SANTEI_OK or SANTEI_ERR_INVALID_ARGUMENT. Thread-safety: any thread. */
SANTEI_C_API int santei_result_revision(const char** out, const santei_result* result);

/* 合計点数: the receipt's total points.
 * @return SANTEI_OK and *out set, or SANTEI_ERR_INVALID_ARGUMENT. Thread-safety: any thread. */
SANTEI_C_API int santei_result_total_points(int64_t* out, const santei_result* result);

/* 窓口負担金: what the window charges the patient for the month, in yen.
 * @return SANTEI_OK and *out set; SANTEI_ERR_NOT_FOUND when the context priced without copay;
 *   SANTEI_ERR_INVALID_ARGUMENT for NULL. Thread-safety: any thread. */
SANTEI_C_API int santei_result_patient_yen(int64_t* out, const santei_result* result);

/* 保険者負担: the insurer's share in yen. @return as santei_result_patient_yen. */
SANTEI_C_API int santei_result_insurer_yen(int64_t* out, const santei_result* result);

/* 総医療費: the medical cost in yen. @return as santei_result_patient_yen. */
SANTEI_C_API int santei_result_medical_cost_yen(int64_t* out, const santei_result* result);

/* The number of 公費 shares (0 without 公費 or without copay).
 * @return SANTEI_OK and *out set, or SANTEI_ERR_INVALID_ARGUMENT. Thread-safety: any thread. */
SANTEI_C_API int santei_result_public_expense_count(size_t* out, const santei_result* result);

/* The index-th 公費 share, in priority order (第1公費 first): its 法別番号 (`law`, e.g. "54",
 * borrowed until the result is freed) and what the programme pays in yen.
 * @return SANTEI_OK; SANTEI_ERR_INVALID_ARGUMENT for NULL or an index out of range.
 * Thread-safety: any thread. */
SANTEI_C_API int santei_result_public_expense(const char** law, int64_t* yen, const santei_result* result, size_t index);

/* The number of lines this institution writes into the 自己負担上限額管理票 of the index-th 公費
 * (docs/cap-ledger.md): one per visit date (per bill inpatient) with care under it; 0 for a 公費
 * without a monthly cap.
 * @return SANTEI_OK and *out set; SANTEI_ERR_INVALID_ARGUMENT for NULL or an index out of range.
 * Thread-safety: any thread. Requires 0.2. */
SANTEI_C_API int santei_result_cap_ledger_count(size_t* out, const santei_result* result, size_t expense);

/* The line-th 管理票 line of the expense-th 公費: its date ("YYYY-MM-DD", borrowed until the result
 * is freed), the day's 医療費総額 (10割) of the care under the 公費, the 自己負担額 collected under it
 * that day, the month's 累積額 after the line (other institutions' included), and whether the
 * monthly cap is reached (1) or not (0).
 * @return SANTEI_OK; SANTEI_ERR_INVALID_ARGUMENT for a NULL pointer or an index out of range.
 * Thread-safety: any thread. Requires 0.2. */
SANTEI_C_API int santei_result_cap_ledger_line(const char** date, int64_t* cost_yen, int64_t* patient_yen,
                                               int64_t* cumulative_yen, int* reached, const santei_result* result,
                                               size_t expense, size_t line);

/* Severity of a diagnostic (pinned values, as santei::Severity). */
typedef enum santei_severity {
  SANTEI_SEVERITY_ERROR = 0,   /* the law forbids it: the line was dropped, capped or not billed */
  SANTEI_SEVERITY_WARNING = 1, /* doubtful: a rule with 特例条件, a check the masters cannot settle */
  SANTEI_SEVERITY_INFO = 2     /* a choice santei made that a clerk may want to see */
} santei_severity;

/* The number of diagnostics (violated or doubtful rules) of the result.
 * @return SANTEI_OK and *out set, or SANTEI_ERR_INVALID_ARGUMENT. Thread-safety: any thread. */
SANTEI_C_API int santei_result_diagnostic_count(size_t* out, const santei_result* result);

/* The index-th diagnostic: its santei_severity, its rule (e.g. "背反/同一月") and its message,
 * the strings borrowed until the result is freed.
 * @return SANTEI_OK; SANTEI_ERR_INVALID_ARGUMENT for NULL or an index out of range.
 * Thread-safety: any thread. */
SANTEI_C_API int santei_result_diagnostic(int* severity, const char** rule, const char** message,
                                          const santei_result* result, size_t index);

/* ---------------------------------------------------------------------------------------------
 * The insurer's 高額療養費 of a household month
 * ------------------------------------------------------------------------------------------- */

/* What the insurer pays back after the month for one household (docs/kougaku.md): 世帯合算 with
 * the 21,000円 rule, 70歳以上 外来 per person then the household, 多数回, the 75歳到達月 and, in
 * July, the yearly caps. `household_json` is santei.kougaku/1 (`length` bytes, at most 16 MiB);
 * the files it names are read relative to `base_dir` (NULL: the working directory); its UKE
 * receipts are priced with `masters` (NULL when it names none).
 * @return SANTEI_OK and `out` filled with santei.kougaku-result/1 (dispose with
 *   santei_buf_dispose; `out` is overwritten, not read); SANTEI_ERR_CLAIM (the household or a
 *   receipt is wrong: santei_last_error() names the field), SANTEI_ERR_PARSE, SANTEI_ERR_ENCODING,
 *   SANTEI_ERR_IO (a named file), SANTEI_ERR_RULE (no figures for the month),
 *   SANTEI_ERR_INVALID_ARGUMENT (NULL, a handle of the wrong kind, a length over the limit).
 * Thread-safety: any thread; freezes `masters` (see santei_masters_load). Requires 0.2. */
SANTEI_C_API int santei_kougaku(santei_buf* out, const santei_masters* masters, const char* household_json,
                                size_t length, const char* base_dir);

/* The same claims priced under two fee revisions, in native code (a regression run; the Dask
 * entry point, bindings/python/santei/dask_regress.py, runs one call per partition of a file):
 * `lines` holds `length` bytes of santei.claim/1 JSON Lines (blank lines skipped), the first of
 * them line `first_line` of its file (≥ 1; it numbers the receipts). Each claim is priced with
 * `old_context`'s masters and revision and with `new_context`'s (each context's options must name
 * a revision); the copayment and mode are `old_context`'s. A line that is not a claim counts as a
 * receipt neither revision could price. `threads`: 0 = the hardware threads.
 * @return SANTEI_OK and `out` filled with the summary as santei.regress/1 JSON (`santei regress
 *   --json`; dispose with santei_buf_dispose; `out` is overwritten, not read), whose "lines" counts
 *   the lines of `lines` (blank ones and a last one without a newline among them): the next
 *   partition's `first_line` is this one's plus it (since 0.2);
 *   SANTEI_ERR_INVALID_ARGUMENT (NULL, a handle of the wrong kind, the same context twice, a
 *   context whose options name no revision, a context in use by another thread, first_line < 1),
 *   SANTEI_ERR_LIMIT_EXCEEDED (length over 2 GiB) — santei_last_error() names the field.
 * Thread-safety: one call at a time per context, as santei_price. Requires 0.2. */
SANTEI_C_API int santei_regress_json_lines(santei_buf* out, santei_context* old_context, santei_context* new_context,
                                           const char* lines, size_t length, int64_t first_line, unsigned threads);

/* Prices JSON Lines of claims in native code, as `santei price` does (batches of claims priced on
 * `threads` threads — 0: the hardware threads — while the next are parsed; one call instead of a
 * santei_price per claim): `lines` holds `length` bytes of santei.claim/1 JSON Lines (blank lines
 * skipped; at most 256 MiB: cut larger files into partitions of whole lines), the first of them
 * line `first_line` of its file (≥ 1). The context's options apply to every claim.
 * @return SANTEI_OK and `out` filled with one santei.result/1 line per claim, each ending in '\n',
 *   in input order — the bytes `santei price` prints for those lines; a claim that cannot be priced
 *   gets its {"error":…} line naming its line in the file and its field, and the others are still
 *   priced; `*errors` (when not NULL) is the number of such lines. Dispose of `out` with
 *   santei_buf_dispose; it is overwritten, not read. SANTEI_ERR_INVALID_ARGUMENT (NULL, a handle
 *   of the wrong kind, the context in use by another thread, first_line < 1),
 *   SANTEI_ERR_LIMIT_EXCEEDED (length) — santei_last_error() names the field.
 * The context keeps the call's pricing threads, waiting, for its next call: none is started again
 * and their memory stays warm (measured with explanations: about 15 MB more with 2 threads, 33 MB
 * with 8). santei_context_free joins and frees them; a call with another `threads` replaces them.
 * A process forked after a call starts its own at its first call.
 * Thread-safety: one call at a time per context, as santei_price. Requires 0.2. */
SANTEI_C_API int santei_price_json_lines(santei_buf* out, size_t* errors, santei_context* context, const char* lines,
                                         size_t length, int64_t first_line, unsigned threads);

/* santei_price_json_lines' result lines handed to `write` as they are priced, in input order, a
 * batch of at most 256 lines (and about 1 MiB of claims) a call, instead of held in a buffer until
 * the end: memory stays bounded however many claims `lines` holds, so there is no limit on
 * `length` (a whole month's file, mapped by the caller) and the first results reach the caller
 * while the rest are priced. The same bytes as santei_price_json_lines. `*errors` (when not NULL)
 * is the number of error lines written, also when `write` stopped the call.
 * @return SANTEI_OK; SANTEI_ERR_IO (field "write") when `write` returned non-zero;
 *   SANTEI_ERR_INVALID_ARGUMENT as santei_price_json_lines, and a NULL `write`.
 * Thread-safety: one call at a time per context, as santei_price. Requires 0.2. */
SANTEI_C_API int santei_price_json_lines_to(size_t* errors, santei_context* context, const char* lines, size_t length,
                                            int64_t first_line, unsigned threads, santei_write_fn write, void* user);

#ifdef __cplusplus
}
#endif

#endif /* SANTEI_H */
