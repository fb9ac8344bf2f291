// Every santei.h function called with NULL, handles of the wrong kind, garbage, out-of-range
// indexes, oversized lengths and malformed UTF-8: each returns a status and leaves a message in
// santei_last_error(); none crashes. exports.cmake checks that every exported function appears here.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "santei/santei.h"

namespace {

// Readable memory that is no handle of any kind.
alignas(16) unsigned char garbage[256] = {0x13, 0x37, 0xca, 0xfe, 0xba, 0xbe, 0x00, 0xff};

template <class T>
T* garbage_as() {
  return reinterpret_cast<T*>(garbage);
}

// The call failed with `expected`, and santei_last_error() says so with a message.
void check_error(int status, int expected) {
  CHECK(status == expected);
  const santei_error* error = santei_last_error();
  REQUIRE(error != nullptr);
  CHECK(error->status == status);
  REQUIRE(error->message != nullptr);
  CHECK(std::strlen(error->message) > 0);
  CHECK(error->file != nullptr);
  CHECK(error->field != nullptr);
  INFO(error->message);
}

void check_ok(int status) {
  INFO(santei_last_error()->message);
  REQUIRE(status == SANTEI_OK);
  CHECK(santei_last_error()->status == SANTEI_OK);
  CHECK(std::strlen(santei_last_error()->message) == 0);
}

// A void function given garbage leaves it alone and reports it.
void check_reported() { check_error(santei_last_error()->status, SANTEI_ERR_INVALID_ARGUMENT); }

constexpr const char* kClaim = R"({"format":"santei.claim/1","month":"2024-06","setting":"outpatient",
 "facility":{"kind":"clinic"},"patient":{"birth_date":"1980-01-01"},"insurance":{"kind":"employee"},
 "visits":[{"date":"2024-06-03","orders":[{"category":"11","items":[{"code":"111000110"}]}]}]})";

struct Demo {
  santei_masters* masters = nullptr;
  santei_context* context = nullptr;
  santei_result* result = nullptr;
  Demo() {
    check_ok(santei_masters_new(&masters));
    check_ok(santei_masters_load_demo(masters));
    check_ok(santei_context_new(&context, masters, nullptr));
    check_ok(santei_price(&result, context, kClaim, std::strlen(kClaim)));
  }
  ~Demo() {
    santei_result_free(result);
    santei_context_free(context);
    santei_masters_free(masters);
  }
};

}  // namespace

TEST_CASE("version, status names and the last error need no arguments and never fail") {
  CHECK(santei_version_number() == SANTEI_VERSION_NUMBER);
  CHECK(std::string(santei_version_string()) == SANTEI_VERSION_STRING);
  CHECK(std::string(santei_status_name(SANTEI_OK)) == "ok");
  CHECK(std::string(santei_status_name(SANTEI_ERR_ENCODING)) == "encoding_error");
  CHECK(std::string(santei_status_name(INT_MIN)) == "unknown_status");
  CHECK(std::string(santei_status_name(12345)) == "unknown_status");
  CHECK(santei_last_error() != nullptr);
}

TEST_CASE("free functions accept NULL and refuse garbage without crashing") {
  santei_masters_free(nullptr);
  santei_context_free(nullptr);
  santei_result_free(nullptr);
  santei_buf_dispose(nullptr);
  santei_masters_free(garbage_as<santei_masters>());
  check_reported();
  santei_context_free(garbage_as<santei_context>());
  check_reported();
  santei_result_free(garbage_as<santei_result>());
  check_reported();
  santei_masters_free(reinterpret_cast<santei_masters*>(garbage + 1));  // misaligned
  check_reported();
  Demo demo;  // a live handle of another kind is not freed through the wrong function
  santei_masters_free(reinterpret_cast<santei_masters*>(demo.context));
  check_reported();
  santei_context_free(reinterpret_cast<santei_context*>(demo.result));
  check_reported();
  santei_result_free(reinterpret_cast<santei_result*>(demo.masters));
  check_reported();
}

TEST_CASE("santei_buf_dispose refuses a buffer santei did not fill") {
  santei_buf empty = SANTEI_BUF_INIT;
  santei_buf_dispose(&empty);
  char text[] = "not santei's";
  santei_buf foreign{text, sizeof text - 1};
  santei_buf_dispose(&foreign);
  check_reported();
  CHECK(foreign.ptr == text);
  santei_buf aligned{reinterpret_cast<char*>(garbage + 32), 8};
  santei_buf_dispose(&aligned);
  check_reported();
}

TEST_CASE("santei_masters_new, _load and _load_demo with bad arguments") {
  check_error(santei_masters_new(nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_load(nullptr, "/tmp"), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_load(garbage_as<santei_masters>(), "/tmp"), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_load_demo(nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_load_demo(garbage_as<santei_masters>()), SANTEI_ERR_INVALID_ARGUMENT);

  santei_masters* masters = nullptr;
  check_ok(santei_masters_new(&masters));
  check_error(santei_masters_load(masters, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_load(masters, ""), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_load(masters, "/tmp/\xff\xfe"), SANTEI_ERR_ENCODING);
  CHECK(std::string(santei_last_error()->field) == "path");
  const std::vector<char> unterminated(8192, 'a');  // no NUL within the 4096-byte limit
  check_error(santei_masters_load(masters, unterminated.data()), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_load(masters, "/nonexistent/santei/masters"), SANTEI_ERR_IO);
  CHECK(std::string(santei_last_error()->file) == "/nonexistent/santei/masters");
  check_error(santei_masters_load(masters, "/tmp"), SANTEI_ERR_MASTER);  // a directory without masters
  size_t count = 99;
  check_ok(santei_masters_revision_count(&count, masters));
  CHECK(count == 0);  // failed loads leave the set unchanged

  check_ok(santei_masters_load_demo(masters));
  check_error(santei_masters_load_demo(masters), SANTEI_ERR_MASTER);  // r06 twice: periods overlap
  check_ok(santei_masters_revision_count(&count, masters));
  CHECK(count == 1);

  santei_context* context = nullptr;
  check_ok(santei_context_new(&context, masters, nullptr));
  check_error(santei_masters_load_demo(masters), SANTEI_ERR_INVALID_ARGUMENT);  // frozen once shared
  CHECK(std::string(santei_last_error()->message).find("already shared") != std::string::npos);
  santei_context_free(context);
  santei_masters_free(masters);
}

TEST_CASE("santei_masters_revision_count and _revision with bad arguments") {
  Demo demo;
  size_t count = 0;
  const char* id = nullptr;
  check_error(santei_masters_revision_count(nullptr, demo.masters), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_revision_count(&count, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_revision_count(&count, garbage_as<santei_masters>()), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_revision_count(&count, reinterpret_cast<santei_masters*>(demo.result)),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_revision(nullptr, demo.masters, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_revision(&id, nullptr, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_revision(&id, demo.masters, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_masters_revision(&id, demo.masters, SIZE_MAX), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(std::string(santei_last_error()->field) == "index");
  check_ok(santei_masters_revision(&id, demo.masters, 0));
  CHECK(std::string(id) == "r06");
}

TEST_CASE("santei_lookup with bad arguments") {
  Demo demo;
  santei_buf buf = SANTEI_BUF_INIT;
  check_error(santei_lookup(nullptr, demo.masters, "111000110", nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, nullptr, "111000110", nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, garbage_as<santei_masters>(), "111000110", nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, nullptr, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "", nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "11100011x", nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "1110001100", nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "-11100011", nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "\xe3\x81", nullptr), SANTEI_ERR_ENCODING);
  const std::vector<char> unterminated(64, '1');
  check_error(santei_lookup(&buf, demo.masters, unterminated.data(), nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "111000110", "2024-13-01"), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "111000110", "2024-02-30"), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "111000110", "yesterday"), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_lookup(&buf, demo.masters, "999999999", nullptr), SANTEI_ERR_UNKNOWN_CODE);
  check_error(santei_lookup(&buf, demo.masters, "111000110", "1990-01-01"), SANTEI_ERR_NOT_FOUND);
  CHECK(buf.ptr == nullptr);
  check_ok(santei_lookup(&buf, demo.masters, "111000110", "2024-06-03"));
  REQUIRE(buf.ptr != nullptr);
  CHECK(std::strlen(buf.ptr) == buf.size);
  CHECK(std::string(buf.ptr).find("\"points\":\"291\"") != std::string::npos);
  santei_buf_dispose(&buf);
  CHECK(buf.ptr == nullptr);
  CHECK(buf.size == 0);
}

TEST_CASE("santei_price_options_init and santei_context_new with bad arguments") {
  santei_price_options options;
  check_error(santei_price_options_init(nullptr, SANTEI_PRICE_OPTIONS_VERSION), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_options_init(&options, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_options_init(&options, 9999), SANTEI_ERR_INVALID_ARGUMENT);
  check_ok(santei_price_options_init(&options, SANTEI_PRICE_OPTIONS_VERSION));
  CHECK(options.copay == 1);
  CHECK(options.revision == nullptr);

  Demo demo;
  santei_context* context = nullptr;
  check_error(santei_context_new(nullptr, demo.masters, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_context_new(&context, nullptr, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_context_new(&context, garbage_as<santei_masters>(), nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_context_new(&context, reinterpret_cast<santei_masters*>(demo.context), nullptr),
              SANTEI_ERR_INVALID_ARGUMENT);
  santei_price_options bad = SANTEI_PRICE_OPTIONS_INIT;
  bad.version = 0xffffffffu;
  check_error(santei_context_new(&context, demo.masters, &bad), SANTEI_ERR_INVALID_ARGUMENT);
  bad = santei_price_options SANTEI_PRICE_OPTIONS_INIT;
  bad.revision = "r99";
  check_error(santei_context_new(&context, demo.masters, &bad), SANTEI_ERR_NOT_FOUND);
  bad.revision = "r\xff";
  check_error(santei_context_new(&context, demo.masters, &bad), SANTEI_ERR_ENCODING);
  CHECK(context == nullptr);

  santei_masters* empty = nullptr;
  check_ok(santei_masters_new(&empty));
  check_error(santei_context_new(&context, empty, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  santei_masters_free(empty);
}

TEST_CASE("santei_price_options version 2 (mode, local_programmes); a version 1 struct still works") {
  Demo demo;
  santei_context* context = nullptr;
  santei_price_options v2 = SANTEI_PRICE_OPTIONS_INIT;
  CHECK(v2.mode == SANTEI_MODE_CLAIM);
  v2.mode = 7;
  check_error(santei_context_new(&context, demo.masters, &v2), SANTEI_ERR_INVALID_ARGUMENT);
  v2.mode = SANTEI_MODE_AS_CLAIMED;
  v2.local_programmes = "/nonexistent/local_programmes.xml";
  check_error(santei_context_new(&context, demo.masters, &v2), SANTEI_ERR_IO);
  CHECK(context == nullptr);
  v2.local_programmes = nullptr;
  check_ok(santei_context_new(&context, demo.masters, &v2));
  santei_context_free(context);
  context = nullptr;
  // A binding written for version 1 passes the first four fields only.
  struct Version1 {
    unsigned version;
    int copay;
    int explain;
    const char* revision;
    unsigned char after[16];
  } v1{};
  std::memset(v1.after, 0xAB, sizeof v1.after);
  check_ok(santei_price_options_init(reinterpret_cast<santei_price_options*>(&v1), 1));
  CHECK(v1.version == 1);
  CHECK(v1.copay == 1);
  CHECK(v1.after[0] == 0xAB);  // nothing written past a version 1 struct
  check_ok(santei_context_new(&context, demo.masters, reinterpret_cast<const santei_price_options*>(&v1)));
  santei_context_free(context);
  context = nullptr;
  // A binding written for version 2 passes the first six fields only.
  struct Version2 {
    unsigned version;
    int copay;
    int explain;
    const char* revision;
    int mode;
    const char* local_programmes;
    unsigned char after[16];
  } v2s{};
  std::memset(v2s.after, 0xAB, sizeof v2s.after);
  check_ok(santei_price_options_init(reinterpret_cast<santei_price_options*>(&v2s), 2));
  CHECK(v2s.version == 2);
  CHECK(v2s.mode == SANTEI_MODE_CLAIM);
  CHECK(v2s.after[0] == 0xAB);  // nothing written past a version 2 struct
  check_ok(santei_context_new(&context, demo.masters, reinterpret_cast<const santei_price_options*>(&v2s)));
  santei_context_free(context);
}

TEST_CASE("santei_price_options version 3 (dpc): a directory without DPC電子点数表 workbooks is SANTEI_ERR_NOT_FOUND") {
  Demo demo;
  santei_context* context = nullptr;
  santei_price_options v3 = SANTEI_PRICE_OPTIONS_INIT;
  CHECK(v3.version == 3);
  CHECK(v3.dpc == nullptr);
  v3.dpc = "/nonexistent/dpc";
  check_error(santei_context_new(&context, demo.masters, &v3), SANTEI_ERR_NOT_FOUND);
  CHECK(context == nullptr);
  v3.dpc = "dpc\xff";
  check_error(santei_context_new(&context, demo.masters, &v3), SANTEI_ERR_ENCODING);
}

TEST_CASE("santei_price with bad arguments and bad claims") {
  Demo demo;
  santei_result* result = nullptr;
  const auto price = [&](const std::string& claim) { return santei_price(&result, demo.context, claim.data(), claim.size()); };
  check_error(santei_price(nullptr, demo.context, kClaim, std::strlen(kClaim)), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price(&result, nullptr, kClaim, std::strlen(kClaim)), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price(&result, garbage_as<santei_context>(), kClaim, std::strlen(kClaim)), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price(&result, reinterpret_cast<santei_context*>(demo.masters), kClaim, 10),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price(&result, demo.context, nullptr, 5), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price(&result, demo.context, nullptr, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price(&result, demo.context, kClaim, SIZE_MAX), SANTEI_ERR_LIMIT_EXCEEDED);
  CHECK(std::string(santei_last_error()->field) == "length");
  CHECK(std::string(santei_last_error()->message) ==
        "a claim of " + std::to_string(SIZE_MAX) + " bytes is over the 16777216-byte limit");  // parse_claim's words
  check_error(santei_price(&result, demo.context, kClaim, 0), SANTEI_ERR_PARSE);
  check_error(price("{\"format\":\"santei.claim/1\",\n \"month\":\"2024-\xff\"}"), SANTEI_ERR_ENCODING);
  CHECK(santei_last_error()->line == 2);
  CHECK(santei_last_error()->column == 16);
  check_error(price("\xc0\xaf"), SANTEI_ERR_ENCODING);  // overlong '/'
  check_error(price("{"), SANTEI_ERR_PARSE);
  check_error(price("[]"), SANTEI_ERR_CLAIM);  // JSON, but not an object
  check_error(price(std::string(kClaim, std::strlen(kClaim) - 1)), SANTEI_ERR_PARSE);  // truncated
  std::string no_month = kClaim;  // misspelt: refused by name (santei.claim/1 defines no "mnth")
  no_month.replace(no_month.find("\"month\""), 17, "\"mnth\":\"2024-06\"");
  check_error(price(no_month), SANTEI_ERR_CLAIM);
  CHECK(std::string(santei_last_error()->field) == "mnth");
  CHECK(std::string(santei_last_error()->message) == "unknown field; did you mean month?");
  std::string unknown = kClaim;
  unknown.replace(unknown.find("111000110"), 9, "999999999");
  check_error(price(unknown), SANTEI_ERR_UNKNOWN_CODE);
  std::string outside = kClaim;
  outside.replace(outside.find("2024-06-03"), 10, "2024-07-03");
  check_error(price(outside), SANTEI_ERR_CLAIM);
  CHECK(std::string(santei_last_error()->field).find("visits[0].date") != std::string::npos);
  std::string deep(100000, '[');
  check_error(price(deep), SANTEI_ERR_LIMIT_EXCEEDED);
  CHECK(result == nullptr);
  check_ok(price(kClaim));  // the context still works after all of that
  int64_t points = 0;
  check_ok(santei_result_total_points(&points, result));
  CHECK(points == 291);
  santei_result_free(result);
}

TEST_CASE("santei_price_uke with bad arguments and bytes that are no UKE file: statuses or a report, never a crash") {
  Demo demo;
  santei_buf buf = SANTEI_BUF_INIT;
  constexpr char kBytes[] = "IR,1,13,1,1234567,,クリニック,202406,00,\r\n";
  check_error(santei_price_uke(nullptr, demo.context, kBytes, sizeof kBytes - 1, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke(&buf, nullptr, kBytes, sizeof kBytes - 1, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke(&buf, garbage_as<santei_context>(), kBytes, sizeof kBytes - 1, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke(&buf, reinterpret_cast<santei_context*>(demo.masters), kBytes, 1, nullptr),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke(&buf, demo.context, nullptr, 0, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke(&buf, demo.context, kBytes, SIZE_MAX, nullptr), SANTEI_ERR_LIMIT_EXCEEDED);
  CHECK(std::string(santei_last_error()->field) == "length");
  check_error(santei_price_uke(&buf, demo.context, kBytes, sizeof kBytes - 1, "\xc0\xaf"), SANTEI_ERR_ENCODING);
  CHECK(std::string(santei_last_error()->field) == "name");
  CHECK(buf.ptr == nullptr);
  // Bytes santei cannot read — none, NULs, a record cut short, every byte value — are a report
  // whose errors say so.
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  for (const std::string& bytes : {std::string(), std::string(64, '\0'), std::string(kBytes, 10), every_byte}) {
    check_ok(santei_price_uke(&buf, demo.context, bytes.data(), bytes.size(), "bad.uke"));
    REQUIRE(buf.ptr != nullptr);
    const std::string json(buf.ptr, buf.size);
    CHECK(json.starts_with(R"({"format":"santei.uke-report/1","path":"bad.uke",)"));
    CHECK(json.find(R"("errors":[])") == std::string::npos);
    santei_buf_dispose(&buf);
  }
}

TEST_CASE("santei_regress_json_lines with bad arguments and bytes that are no claims: statuses or a summary, never a crash") {
  Demo demo;
  santei_buf buf = SANTEI_BUF_INIT;
  constexpr char kLine[] = "{}\n";
  check_error(santei_regress_json_lines(nullptr, demo.context, demo.context, kLine, 3, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_regress_json_lines(&buf, nullptr, demo.context, kLine, 3, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_regress_json_lines(&buf, demo.context, garbage_as<santei_context>(), kLine, 3, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_regress_json_lines(&buf, demo.context, reinterpret_cast<santei_context*>(demo.masters), kLine, 3, 1, 1),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_regress_json_lines(&buf, demo.context, demo.context, kLine, 3, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(std::string(santei_last_error()->field) == "new_context");
  // Two contexts that name revisions: any bytes are a summary whose receipts neither could price.
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  options.revision = "r06";
  santei_context* a = nullptr;
  santei_context* b = nullptr;
  check_ok(santei_context_new(&a, demo.masters, &options));
  check_ok(santei_context_new(&b, demo.masters, &options));
  check_error(santei_regress_json_lines(&buf, a, b, nullptr, 0, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_regress_json_lines(&buf, a, b, kLine, SIZE_MAX, 1, 1), SANTEI_ERR_LIMIT_EXCEEDED);
  check_error(santei_regress_json_lines(&buf, a, b, kLine, 3, -5, 1), SANTEI_ERR_INVALID_ARGUMENT);
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  for (const std::string& bytes : {std::string(), std::string(64, '\0'), std::string(kLine), every_byte}) {
    check_ok(santei_regress_json_lines(&buf, a, b, bytes.data(), bytes.size(), 1, 2));
    REQUIRE(buf.ptr != nullptr);
    CHECK(std::string(buf.ptr, buf.size).starts_with(R"({"format":"santei.regress/1","old_revision":"r06","new_revision":"r06",)"));
    santei_buf_dispose(&buf);
  }
  santei_context_free(b);
  santei_context_free(a);
}

TEST_CASE("santei_price_json_lines with bad arguments and bytes that are no claims: statuses or error lines, never a crash") {
  Demo demo;
  santei_buf buf = SANTEI_BUF_INIT;
  std::size_t errors = 0;
  constexpr char kLine[] = "{}\n";
  check_error(santei_price_json_lines(nullptr, &errors, demo.context, kLine, 3, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines(&buf, &errors, nullptr, kLine, 3, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines(&buf, &errors, garbage_as<santei_context>(), kLine, 3, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines(&buf, &errors, reinterpret_cast<santei_context*>(demo.masters), kLine, 3, 1, 1),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines(&buf, &errors, demo.context, nullptr, 0, 1, 1), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines(&buf, &errors, demo.context, kLine, SIZE_MAX, 1, 1), SANTEI_ERR_LIMIT_EXCEEDED);
  check_error(santei_price_json_lines(&buf, &errors, demo.context, kLine, 3, -5, 1), SANTEI_ERR_INVALID_ARGUMENT);
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  // Each non-blank line is one answer: an error line here, counted in `errors`.
  const std::pair<std::string, std::size_t> cases[] = {
      {std::string(), 0}, {std::string(64, '\0'), 1}, {std::string(kLine), 1}, {every_byte, 2}};
  for (const auto& c : cases) {  // (no structured binding: clang's CAPTURE lambda cannot name one)
    const std::string& bytes = c.first;
    const std::size_t lines = c.second;
    check_ok(santei_price_json_lines(&buf, &errors, demo.context, bytes.data(), bytes.size(), 1, 2));
    CAPTURE(lines);
    CHECK(errors == lines);
    const std::string out = buf.ptr ? std::string(buf.ptr, buf.size) : std::string();
    CHECK(static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')) == lines);
    if (lines > 0) CHECK(out.starts_with(R"({"format":"santei.result/1","error":{)"));
    santei_buf_dispose(&buf);
  }
}

namespace {

// A santei_write_fn appending to the std::string at `user`.
int append_to(void* user, const char* bytes, size_t length) {
  static_cast<std::string*>(user)->append(bytes, length);
  return 0;
}

// A santei_write_fn that takes nothing: it answers 7, and counts its calls at `user`.
int refuse(void* user, const char*, size_t) {
  ++*static_cast<int*>(user);
  return 7;
}

}  // namespace

TEST_CASE("santei_price_json_lines_to with bad arguments, a write that refuses and bytes that are no claims") {
  Demo demo;
  std::string out;
  std::size_t errors = 0;
  constexpr char kLine[] = "{}\n";
  check_error(santei_price_json_lines_to(&errors, nullptr, kLine, 3, 1, 1, append_to, &out), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines_to(&errors, garbage_as<santei_context>(), kLine, 3, 1, 1, append_to, &out),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines_to(&errors, demo.context, nullptr, 0, 1, 1, append_to, &out), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines_to(&errors, demo.context, kLine, 3, -5, 1, append_to, &out), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_json_lines_to(&errors, demo.context, kLine, 3, 1, 1, nullptr, &out), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(std::string(santei_last_error()->field) == "write");
  CHECK(out.empty());
  // Stopped by the caller: an io_error naming "write"; the error line was counted, and the context still works.
  int calls = 0;
  check_error(santei_price_json_lines_to(&errors, demo.context, kLine, 3, 1, 2, refuse, &calls), SANTEI_ERR_IO);
  CHECK(std::string(santei_last_error()->field) == "write");
  CHECK(std::string(santei_last_error()->message).starts_with("the write callback returned 7 after taking 0 bytes"));
  CHECK(calls == 1);
  CHECK(errors == 1);
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  // The same bytes and counts as santei_price_json_lines; no lines, no write.
  for (const std::string& bytes : {std::string(), std::string(64, '\0'), std::string(kLine), every_byte}) {
    santei_buf buf = SANTEI_BUF_INIT;
    std::size_t buffered_errors = 0;
    check_ok(santei_price_json_lines(&buf, &buffered_errors, demo.context, bytes.data(), bytes.size(), 1, 2));
    out.clear();
    check_ok(santei_price_json_lines_to(&errors, demo.context, bytes.data(), bytes.size(), 1, 2, append_to, &out));
    CHECK(out == (buf.ptr ? std::string(buf.ptr, buf.size) : std::string()));
    CHECK(errors == buffered_errors);
    santei_buf_dispose(&buf);
  }
}

TEST_CASE("santei_price_uke_to with bad arguments, a write that refuses and bytes that are no UKE file") {
  Demo demo;
  std::string out;
  constexpr char kBytes[] = "IR,1,13,1,1234567,,クリニック,202406,00,\r\n";
  check_error(santei_price_uke_to(nullptr, kBytes, sizeof kBytes - 1, nullptr, 2, append_to, &out), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke_to(garbage_as<santei_context>(), kBytes, sizeof kBytes - 1, nullptr, 2, append_to, &out),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke_to(demo.context, nullptr, 0, nullptr, 2, append_to, &out), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_price_uke_to(demo.context, kBytes, SIZE_MAX, nullptr, 2, append_to, &out), SANTEI_ERR_LIMIT_EXCEEDED);
  check_error(santei_price_uke_to(demo.context, kBytes, sizeof kBytes - 1, "\xc0\xaf", 2, append_to, &out), SANTEI_ERR_ENCODING);
  check_error(santei_price_uke_to(demo.context, kBytes, sizeof kBytes - 1, nullptr, 2, nullptr, &out), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(std::string(santei_last_error()->field) == "write");
  CHECK(out.empty());
  int calls = 0;
  check_error(santei_price_uke_to(demo.context, kBytes, sizeof kBytes - 1, nullptr, 2, refuse, &calls), SANTEI_ERR_IO);
  CHECK(std::string(santei_last_error()->field) == "write");
  CHECK(calls == 1);
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  // The same report as santei_price_uke.
  for (const std::string& bytes : {std::string(), std::string(64, '\0'), std::string(kBytes, 10), every_byte}) {
    santei_buf buf = SANTEI_BUF_INIT;
    check_ok(santei_price_uke(&buf, demo.context, bytes.data(), bytes.size(), "bad.uke"));
    out.clear();
    check_ok(santei_price_uke_to(demo.context, bytes.data(), bytes.size(), "bad.uke", 2, append_to, &out));
    REQUIRE(buf.ptr != nullptr);
    CHECK(out == std::string(buf.ptr, buf.size));
    santei_buf_dispose(&buf);
  }
}

TEST_CASE("santei_result accessors with bad arguments") {
  Demo demo;
  const santei_result* garbage_result = garbage_as<santei_result>();
  const santei_result* wrong_kind = reinterpret_cast<santei_result*>(demo.masters);
  const char* text = nullptr;
  size_t size = 0;
  int64_t number = 0;
  int severity = 0;
  const char* rule = nullptr;
  const char* message = nullptr;
  for (const santei_result* bad : {static_cast<const santei_result*>(nullptr), garbage_result, wrong_kind}) {
    check_error(santei_result_json(&text, &size, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_revision(&text, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_total_points(&number, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_patient_yen(&number, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_insurer_yen(&number, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_medical_cost_yen(&number, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_public_expense_count(&size, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_public_expense(&text, &number, bad, 0), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_diagnostic_count(&size, bad), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_diagnostic(&severity, &rule, &message, bad, 0), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_cap_ledger_count(&size, bad, 0), SANTEI_ERR_INVALID_ARGUMENT);
    check_error(santei_result_cap_ledger_line(&text, &number, &number, &number, &severity, bad, 0, 0), SANTEI_ERR_INVALID_ARGUMENT);
  }
  const santei_result* r = demo.result;
  check_error(santei_result_json(nullptr, &size, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_ok(santei_result_json(&text, nullptr, r));  // the length is optional
  check_error(santei_result_revision(nullptr, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_total_points(nullptr, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_patient_yen(nullptr, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_insurer_yen(nullptr, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_medical_cost_yen(nullptr, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_public_expense_count(nullptr, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_public_expense(nullptr, &number, r, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_public_expense(&text, nullptr, r, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_public_expense(&text, &number, r, SIZE_MAX), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_diagnostic_count(nullptr, r), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_diagnostic(nullptr, &rule, &message, r, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_diagnostic(&severity, nullptr, &message, r, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_diagnostic(&severity, &rule, nullptr, r, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_diagnostic(&severity, &rule, &message, r, 12345), SANTEI_ERR_INVALID_ARGUMENT);
  CHECK(std::string(santei_last_error()->message).find("out of range") != std::string::npos);
  check_error(santei_result_cap_ledger_count(nullptr, r, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_cap_ledger_count(&size, r, 0), SANTEI_ERR_INVALID_ARGUMENT);  // the claim has no 公費
  check_error(santei_result_cap_ledger_line(&text, &number, &number, &number, &severity, r, 0, 0), SANTEI_ERR_INVALID_ARGUMENT);
}

TEST_CASE("santei_result_cap_ledger_line: a 難病 cap half used elsewhere gives this clinic's 上限額管理票 line") {
  Demo demo;
  // 初診料 291点 → 2,910円: 難病 2割 582, but the 管理票 showed 9,700 of 10,000: 300 is collected.
  constexpr const char* claim = R"({"format":"santei.claim/1","month":"2024-06","setting":"outpatient",
   "facility":{"kind":"clinic","name":"Eクリニック"},"patient":{"birth_date":"1980-01-01"},
   "insurance":{"kind":"employee","income_bracket":"ウ"},
   "public_expenses":[{"law":"54","monthly_cap_yen":10000,"paid_this_month_yen":9700}],
   "visits":[{"date":"2024-06-03","orders":[{"category":"11","items":[{"code":"111000110"}]}]}]})";
  santei_result* result = nullptr;
  check_ok(santei_price(&result, demo.context, claim, std::strlen(claim)));
  size_t lines = 0;
  check_ok(santei_result_cap_ledger_count(&lines, result, 0));
  REQUIRE(lines == 1);
  const char* date = nullptr;
  int64_t cost = 0, paid = 0, total = 0;
  int reached = -1;
  check_ok(santei_result_cap_ledger_line(&date, &cost, &paid, &total, &reached, result, 0, 0));
  CHECK(std::string(date) == "2024-06-03");
  CHECK(cost == 2910);
  CHECK(paid == 300);
  CHECK(total == 10000);
  CHECK(reached == 1);
  check_error(santei_result_cap_ledger_line(nullptr, &cost, &paid, &total, &reached, result, 0, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_cap_ledger_line(&date, &cost, &paid, &total, nullptr, result, 0, 0), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_result_cap_ledger_line(&date, &cost, &paid, &total, &reached, result, 0, 1), SANTEI_ERR_INVALID_ARGUMENT);
  int64_t patient = 0;
  check_ok(santei_result_patient_yen(&patient, result));
  CHECK(patient == 300);
  santei_result_free(result);
}

TEST_CASE("copay figures of a result priced without copay are not_found, not zero") {
  Demo demo;
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  options.copay = 0;
  santei_context* context = nullptr;
  check_ok(santei_context_new(&context, demo.masters, &options));
  santei_result* result = nullptr;
  check_ok(santei_price(&result, context, kClaim, std::strlen(kClaim)));
  int64_t yen = -1;
  check_error(santei_result_patient_yen(&yen, result), SANTEI_ERR_NOT_FOUND);
  check_error(santei_result_insurer_yen(&yen, result), SANTEI_ERR_NOT_FOUND);
  check_error(santei_result_medical_cost_yen(&yen, result), SANTEI_ERR_NOT_FOUND);
  CHECK(yen == -1);
  size_t count = 9;
  check_ok(santei_result_public_expense_count(&count, result));
  CHECK(count == 0);
  santei_result_free(result);
  santei_context_free(context);
}

TEST_CASE("a successful call clears the thread's last error") {
  santei_masters* masters = nullptr;
  check_error(santei_masters_new(nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_ok(santei_masters_new(&masters));
  CHECK(std::string(santei_last_error()->file).empty());
  CHECK(std::string(santei_last_error()->field).empty());
  CHECK(santei_last_error()->line == 0);
  santei_masters_free(masters);
}

TEST_CASE("santei_kougaku: a household month in, santei.kougaku-result/1 out; bad input is an error, never a crash") {
  constexpr const char* household = R"({"format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ",
    "members": [{"id": "夫", "birth_date": "1974-05-01", "receipts": [
      {"institution": "A病院", "setting": "inpatient", "cost_yen": 1000000, "patient_yen": 87430, "household_limited": true},
      {"institution": "Bクリニック", "setting": "outpatient", "cost_yen": 30000, "patient_yen": 9000}]},
     {"id": "妻", "birth_date": "1978-01-01", "receipts": [{"institution": "C病院", "setting": "outpatient", "cost_yen": 100000, "patient_yen": 30000}]}]})";
  santei_buf buf = SANTEI_BUF_INIT;
  check_ok(santei_kougaku(&buf, nullptr, household, std::strlen(household), nullptr));
  const std::string json(buf.ptr, buf.size);
  CHECK(json.find(R"("benefit_yen":29000)") != std::string::npos);
  santei_buf_dispose(&buf);

  Demo demo;
  check_error(santei_kougaku(nullptr, nullptr, household, std::strlen(household), nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_kougaku(&buf, nullptr, nullptr, 10, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_kougaku(&buf, reinterpret_cast<santei_masters*>(demo.context), household, std::strlen(household), nullptr),
              SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_kougaku(&buf, nullptr, household, SIZE_MAX, nullptr), SANTEI_ERR_INVALID_ARGUMENT);
  check_error(santei_kougaku(&buf, nullptr, household, 20, nullptr), SANTEI_ERR_PARSE);  // cut short
  constexpr const char* unknown_key = R"({"format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "members": [], "extra": 1})";
  check_error(santei_kougaku(&buf, demo.masters, unknown_key, std::strlen(unknown_key), nullptr), SANTEI_ERR_CLAIM);
  CHECK(std::string(santei_last_error()->field) == "extra");
  CHECK(buf.ptr == nullptr);
}
