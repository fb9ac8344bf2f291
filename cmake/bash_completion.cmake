# cmake -DSANTEI=path/to/santei -DOUTPUT=file -P bash_completion.cmake
# Writes `santei completion bash` to OUTPUT (after each build of the santei command).
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${SANTEI}" completion bash OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "santei completion bash failed: ${result}")
endif()
