# kasp_add_test(<module> <name> [GUI] [LIBS ...] [LABELS ...] [ENV ...] [TIMEOUT s] [EXCEPT fn...])
# builds tests/<module>/tst_<name>.cpp into a Qt Test executable, linked with kasp_testsupport,
# registered in CTest as <module>.<name> with a fixed locale and time zone. GUI tests use the X
# server when there is one (Xvfb in scripts/run-tests.sh), the offscreen platform otherwise.
# EXCEPT leaves test functions out of this run: the ones a variant runs in its own environment.
#
# A program that skipped something (QSKIP) and failed nothing shows in CTest as skipped ("Not
# Run"), not as passed; scripts/run-tests.sh then fails the suite and names it. So a function that
# only makes sense in one environment is not skipped elsewhere: it runs in a variant of its own
# (kasp_add_test_variant FUNCTIONS), and the others leave it out (EXCEPT).
function(kasp_add_test module name)
  cmake_parse_arguments(ARG "GUI" "TIMEOUT" "LIBS;LABELS;ENV;EXCEPT" ${ARGN})
  set(target tst_${module}_${name})
  add_executable(${target} ${CMAKE_CURRENT_SOURCE_DIR}/${module}/tst_${name}.cpp)
  target_link_libraries(${target} PRIVATE Qt6::Test kasp_testsupport ${ARG_LIBS})
  kasp_set_warnings(${target})
  set(KASP_TEST_${target}_GUI ${ARG_GUI} CACHE INTERNAL "")
  kasp_register_test(${module}.${name} ${target} TIMEOUT ${ARG_TIMEOUT} LABELS ${module} ${ARG_LABELS}
                     ENV ${ARG_ENV} EXCEPT ${ARG_EXCEPT})
endfunction()

# kasp_add_test_variant(<module> <name> <variant> [FUNCTIONS fn...] [UNPRIVILEGED] ENV ...): the same
# test program run again in another environment (no keychain, English UI, ...), as CTest
# <module>.<name>.<variant>. FUNCTIONS runs only those test functions (the others run elsewhere);
# UNPRIVILEGED runs it as an ordinary user even when the suite runs as root
# (tests/support/run-unprivileged.sh).
function(kasp_add_test_variant module name variant)
  cmake_parse_arguments(ARG "UNPRIVILEGED" "TIMEOUT" "ENV;LABELS;FUNCTIONS" ${ARGN})
  set(unprivileged)
  if(ARG_UNPRIVILEGED)
    set(unprivileged UNPRIVILEGED)
  endif()
  kasp_register_test(${module}.${name}.${variant} tst_${module}_${name} TIMEOUT ${ARG_TIMEOUT}
                     LABELS ${module} ${ARG_LABELS} ENV ${ARG_ENV} FUNCTIONS ${ARG_FUNCTIONS} ${unprivileged})
endfunction()

function(kasp_register_test test_name target)
  cmake_parse_arguments(ARG "UNPRIVILEGED" "TIMEOUT" "LABELS;ENV;FUNCTIONS;EXCEPT" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 180)
  endif()
  set(command $<TARGET_FILE:${target}> ${ARG_FUNCTIONS})
  if(ARG_EXCEPT)
    set(command sh ${PROJECT_SOURCE_DIR}/tests/support/qtest-except.sh ${command} ${ARG_EXCEPT})
  endif()
  if(ARG_UNPRIVILEGED)
    set(command sh ${PROJECT_SOURCE_DIR}/tests/support/run-unprivileged.sh ${command})
  endif()
  add_test(NAME ${test_name} COMMAND ${command})
  set(platform offscreen)
  if(KASP_TEST_${target}_GUI)
    set(platform xcb) # a real X server: scripts/run-tests.sh runs ctest under Xvfb
    # One X server for all of them: two at once take the focus from each other's windows (window
    # shortcuts then miss), so widget tests run one at a time, beside the others.
    set_tests_properties(${test_name} PROPERTIES RESOURCE_LOCK xdisplay)
  endif()
  # Skipped when Qt Test's totals say something skipped and nothing failed. The expression wins over
  # the exit code, so it names "0 failed": a run with a failure, or without totals (a crash), keeps
  # its exit code's verdict.
  set_tests_properties(${test_name} PROPERTIES
    SKIP_REGULAR_EXPRESSION "Totals: [0-9]+ passed, 0 failed, [1-9][0-9]* skipped"
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=${platform};TZ=Europe/Moscow;LANG=C.UTF-8;LC_ALL=C.UTF-8;KASP_TEST_TMP=${CMAKE_BINARY_DIR}/test-tmp;KASP_SOURCE_DIR=${PROJECT_SOURCE_DIR};${ARG_ENV}")
endfunction()
