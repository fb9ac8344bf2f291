# Helpers shared by every santei target.

# Gives a target its santei:: alias, public include directories, warnings and version.
function(santei_setup_target target)
  get_target_property(type ${target} TYPE)
  if(NOT target STREQUAL "santei_c")
    add_library(santei::${target} ALIAS ${target})
  endif()
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(${target} PUBLIC cxx_std_20)
  santei_warnings(${target})
  set_target_properties(${target} PROPERTIES VERSION ${PROJECT_VERSION}
                        SOVERSION ${PROJECT_VERSION_MAJOR})
endfunction()

function(santei_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                           -Wno-sign-conversion)
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /utf-8)
  endif()
endfunction()

# Writes OUTPUT, a C++ file holding every FILE as a byte array keyed by its path relative to BASE.
# Regenerated whenever one of the files changes.
function(santei_embed_files)
  cmake_parse_arguments(EMB "" "OUTPUT;BASE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${EMB_OUTPUT}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMB_OUTPUT} -DBASE=${EMB_BASE} "-DFILES=${EMB_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake"
    DEPENDS ${EMB_FILES} "${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake"
    COMMENT "Embedding santei data files"
    VERBATIM)
endfunction()

# A test whose runtime is missing on this machine: registered anyway, so that ctest lists it as
# skipped (never as passed, never silently absent). .ci/run and the README install every runtime,
# so nothing is skipped there.
function(santei_skipped_test name reason)
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} -E echo "SKIPPED: ${reason}")
  set_tests_properties(${name} PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED: ")
  message(STATUS "santei: test ${name} will show as skipped: ${reason}")
endfunction()
