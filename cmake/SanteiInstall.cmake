# install(EXPORT) with santei-config.cmake and a pkg-config file, so vendors can use
# find_package(santei) or pkg-config --cflags --libs santei.
include(CMakePackageConfigHelpers)

set(SANTEI_INSTALL_TARGETS santei)
if(TARGET santei_c)
  list(APPEND SANTEI_INSTALL_TARGETS santei_c)
endif()
if(TARGET santei_cli)
  install(TARGETS santei_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES "${SANTEI_BASH_COMPLETION}" DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()
install(TARGETS ${SANTEI_INSTALL_TARGETS} EXPORT santei-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/santei" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(SANTEI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/santei)
install(EXPORT santei-targets NAMESPACE santei:: DESTINATION ${SANTEI_CMAKE_DIR})
if(BUILD_SHARED_LIBS)
  set(SANTEI_STATIC_LIBRARY OFF)
else()
  set(SANTEI_STATIC_LIBRARY ON)
endif()
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/santei-config.cmake.in"
                              "${PROJECT_BINARY_DIR}/santei-config.cmake"
                              INSTALL_DESTINATION ${SANTEI_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/santei-config-version.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/santei-config.cmake" "${PROJECT_BINARY_DIR}/santei-config-version.cmake"
        DESTINATION ${SANTEI_CMAKE_DIR})

# The .pc file finds its prefix from its own place (${pcfiledir}), so `cmake --install --prefix`
# and a moved install tree work.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SANTEI_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH santei_pc_up "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
  string(REGEX REPLACE "/$" "" santei_pc_up "${santei_pc_up}")
  set(SANTEI_PC_PREFIX "\${pcfiledir}/${santei_pc_up}")
endif()
# A static santei makes its users link pugixml, fmt, simdjson, libzip and nettle (Boost is header-only and
# private), so they are Requires, not Requires.private: `pkg-config --libs santei` must link.
if(BUILD_SHARED_LIBS)
  set(SANTEI_PC_REQUIRES "")
  set(SANTEI_PC_REQUIRES_PRIVATE "pugixml fmt simdjson libzip nettle")
  set(SANTEI_PC_CFLAGS "")
else()
  set(SANTEI_PC_REQUIRES "pugixml fmt simdjson libzip nettle")
  set(SANTEI_PC_REQUIRES_PRIVATE "")
  set(SANTEI_PC_CFLAGS " -DSANTEI_STATIC")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/santei.pc.in" "${PROJECT_BINARY_DIR}/santei.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/santei.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# santei-c.pc for C programs using only santei.h (-lsantei_c), with the same relocatable prefix.
if(TARGET santei_c)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/santei-c.pc.in" "${PROJECT_BINARY_DIR}/santei-c.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/santei-c.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
