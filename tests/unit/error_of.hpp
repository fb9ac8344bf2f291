// What a failing call reports: the ErrorInfo of the santei::Exception it throws, and the check of
// an expected message, shared by the bad-input and limits tests.
#pragma once

#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "santei/result.hpp"

namespace santei::test {

// The error `call` throws; the test fails if it throws none.
template <class Call>
ErrorInfo error_of(Call&& call) {
  try {
    call();
  } catch (const Exception& e) {
    return e.info();
  }
  FAIL("no santei::Exception was thrown");
  return {};
}

// `expected` is the whole message, or its beginning when it ends with "…".
inline void check_message(const std::string& actual, std::string_view expected) {
  constexpr std::string_view ellipsis = "…";
  if (expected.ends_with(ellipsis)) {
    expected.remove_suffix(ellipsis.size());
    CHECK(std::string_view(actual).starts_with(expected));
  } else {
    CHECK(actual == expected);
  }
}

}  // namespace santei::test
