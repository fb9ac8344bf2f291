# cmake -DPKG_CONFIG=... -DPREFIX=... -DLIBDIR=... -DCXX=... -DSOURCE=... -DOUTPUT=... -P pkg_config.cmake
# Builds SOURCE with nothing but `pkg-config --cflags --libs santei` from the installed PREFIX, runs it.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs santei
                OUTPUT_VARIABLE flags ERROR_VARIABLE error RESULT_VARIABLE result OUTPUT_STRIP_TRAILING_WHITESPACE)
if(result)
  message(FATAL_ERROR "pkg-config --cflags --libs santei failed: ${error}")
endif()
message(STATUS "pkg-config --cflags --libs santei: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND "${CXX}" -std=c++20 "${SOURCE}" ${flags} -o "${OUTPUT}" RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "building ${SOURCE} with those flags failed")
endif()
execute_process(COMMAND "${OUTPUT}" RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "${OUTPUT} failed: ${result}")
endif()
