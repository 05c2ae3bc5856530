# Renders one scdoc page: cmake -DSCDOC=... -DINPUT=page.scd -DOUTPUT=page -P scdoc.cmake
# (scdoc reads standard input and writes standard output; a failed run leaves no output.)
execute_process(COMMAND "${SCDOC}" INPUT_FILE "${INPUT}" OUTPUT_FILE "${OUTPUT}.tmp"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "scdoc failed on ${INPUT}: ${err}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
