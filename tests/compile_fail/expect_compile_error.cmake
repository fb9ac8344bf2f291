# cmake -DCXX=<compiler> -DSOURCE=<file.cpp> -DINCLUDE=<include dir> -P expect_compile_error.cmake
#
# A compile-fail test (style.md §5, HowardHinnant/date's *.fail.cpp): SOURCE has one line marked
# "// expected error" inside #ifdef SANTEI_EXPECT_ERROR. Without the macro the file must compile
# (so the test cannot pass on a typo or a missing header); with it, the compiler must report an
# error on exactly that line.
file(READ "${SOURCE}" content)
string(FIND "${content}" "// expected error" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SOURCE} has no line marked '// expected error'")
endif()
string(SUBSTRING "${content}" 0 ${at} before)
string(REGEX MATCHALL "\n" newlines "${before}")
list(LENGTH newlines marked)
math(EXPR marked "${marked} + 1")

set(flags -std=c++20 -fsyntax-only "-I${INCLUDE}")
execute_process(COMMAND "${CXX}" ${flags} "${SOURCE}" RESULT_VARIABLE result ERROR_VARIABLE errors)
if(result)
  message(FATAL_ERROR "the control build (without SANTEI_EXPECT_ERROR) must compile:\n${errors}")
endif()

execute_process(COMMAND "${CXX}" ${flags} -DSANTEI_EXPECT_ERROR "${SOURCE}" RESULT_VARIABLE result
                ERROR_VARIABLE errors)
if(NOT result)
  message(FATAL_ERROR "${SOURCE} compiled, but line ${marked} must not")
endif()
get_filename_component(name "${SOURCE}" NAME)
if(NOT errors MATCHES "${name}:${marked}:[0-9]+: error")
  message(FATAL_ERROR "the compiler failed, but not on line ${marked} of ${name}:\n${errors}")
endif()
message(STATUS "${name}:${marked} does not compile, as required")
