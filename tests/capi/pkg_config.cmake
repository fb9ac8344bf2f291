# Script mode: builds consumer/main.c with `pkg-config --cflags --libs santei-c` against PREFIX and
# runs it on CLAIM. -DPKG_CONFIG= -DPREFIX= -DLIBDIR= -DCC= -DSOURCE= -DOUTPUT= -DCLAIM=
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs santei-c OUTPUT_VARIABLE flags RESULT_VARIABLE status
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pkg-config santei-c failed")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND "${CC}" -std=c99 -Wall -Wextra -pedantic -Werror "${SOURCE}" -o "${OUTPUT}" ${flags}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "compiling with pkg-config flags failed: ${flags}")
endif()
set(ENV{LD_LIBRARY_PATH} "${PREFIX}/${LIBDIR}")
execute_process(COMMAND "${OUTPUT}" "${CLAIM}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the pkg-config consumer failed")
endif()
