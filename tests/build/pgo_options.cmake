# cmake -DSOURCE=... -DWORK=... -DCXX=... -DCC=... -DCOMPILER_ID=... -P pgo_options.cmake
# SANTEI_PGO (CMakeLists.txt) refuses a value it does not define, a USE build without a profile and
# a sanitizer build, each by name, and gives GCC the profile's flags. Configures the source tree in
# WORK with the build's compilers (the library alone: no tests, benchmarks or command); builds nothing.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/empty")

# Configures with the options after `expect` and checks the outcome: `fails` with an error that
# contains `text`, or `passes` with `text` in the library's compile commands.
function(configure expect text)
  file(REMOVE_RECURSE "${WORK}/tree")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${WORK}/tree" "-DCMAKE_CXX_COMPILER=${CXX}"
                          "-DCMAKE_C_COMPILER=${CC}" -DSANTEI_BUILD_TESTS=OFF -DSANTEI_BUILD_BENCH=OFF
                          -DSANTEI_BUILD_CLI=OFF -DSANTEI_INSTALL=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ${ARGN}
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(REGEX REPLACE "[ \n]+" " " err_line "${err}")  # CMake wraps an error's lines
  if(expect STREQUAL "fails")
    if(NOT result)
      message(FATAL_ERROR "${ARGN}: configured; expected the error \"${text}\"")
    endif()
    string(FIND "${err_line}" "${text}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${ARGN}: failed without \"${text}\":\n${err}")
    endif()
  else()
    if(result)
      message(FATAL_ERROR "${ARGN}: did not configure:\n${err}")
    endif()
    file(READ "${WORK}/tree/compile_commands.json" commands)
    string(FIND "${commands}" "${text}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${ARGN}: no \"${text}\" in the compile commands")
    endif()
  endif()
  message(STATUS "${ARGN}: ${expect}, as expected")
endfunction()

configure(fails "SANTEI_PGO=sometimes: not one of OFF, GENERATE, USE" -DSANTEI_PGO=sometimes)
if(NOT COMPILER_ID STREQUAL "GNU")
  configure(fails "SANTEI_PGO=GENERATE needs GCC; this build's C++ compiler is ${COMPILER_ID}" -DSANTEI_PGO=GENERATE)
  return()
endif()
configure(fails "SANTEI_PGO=USE: no profile in ${WORK}/empty (*.gcda)" -DSANTEI_PGO=USE "-DSANTEI_PGO_DIR=${WORK}/empty")
configure(fails "a sanitizer build is not one to train" -DSANTEI_PGO=GENERATE -DSANTEI_SANITIZE=address)
configure(passes "-fprofile-generate=${WORK}/profile" -DSANTEI_PGO=GENERATE "-DSANTEI_PGO_DIR=${WORK}/profile")
file(MAKE_DIRECTORY "${WORK}/profile")
file(TOUCH "${WORK}/profile/unity_0_cxx.cxx.gcda")
configure(passes "-fprofile-use=${WORK}/profile" -DSANTEI_PGO=USE "-DSANTEI_PGO_DIR=${WORK}/profile")
