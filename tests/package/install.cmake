# cmake -DBUILD_DIR=... -DPREFIX=... [-DCONFIG=...] -P install.cmake
# A fresh `cmake --install` of the santei build into PREFIX.
file(REMOVE_RECURSE "${PREFIX}")
set(config_args)
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
                RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
# The santei command's bash completion goes where bash-completion looks for it.
set(completion "share/bash-completion/completions/santei")
if(EXISTS "${BUILD_DIR}/${completion}" AND NOT EXISTS "${PREFIX}/${completion}")
  message(FATAL_ERROR "${completion} was not installed")
endif()
