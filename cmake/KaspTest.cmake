# kasp_add_test(<module> <name> [GUI] [LIBS ...] [LABELS ...] [ENV ...] [TIMEOUT s])
# builds tests/<module>/tst_<name>.cpp into a Qt Test executable, linked with kasp_testsupport,
# registered in CTest as <module>.<name> with a fixed locale and time zone. GUI tests use the X
# server when there is one (Xvfb in scripts/run-tests.sh), the offscreen platform otherwise.
function(kasp_add_test module name)
  cmake_parse_arguments(ARG "GUI" "TIMEOUT" "LIBS;LABELS;ENV" ${ARGN})
  set(target tst_${module}_${name})
  add_executable(${target} ${CMAKE_CURRENT_SOURCE_DIR}/${module}/tst_${name}.cpp)
  target_link_libraries(${target} PRIVATE Qt6::Test kasp_testsupport ${ARG_LIBS})
  kasp_set_warnings(${target})
  set(KASP_TEST_${target}_GUI ${ARG_GUI} CACHE INTERNAL "")
  kasp_register_test(${module}.${name} ${target} TIMEOUT ${ARG_TIMEOUT} LABELS ${module} ${ARG_LABELS} ENV ${ARG_ENV})
endfunction()

# kasp_add_test_variant(<module> <name> <variant> ENV ...): the same test program run again in
# another environment (no keychain, English UI, ...), as CTest <module>.<name>.<variant>.
function(kasp_add_test_variant module name variant)
  cmake_parse_arguments(ARG "" "TIMEOUT" "ENV;LABELS" ${ARGN})
  kasp_register_test(${module}.${name}.${variant} tst_${module}_${name} TIMEOUT ${ARG_TIMEOUT}
                     LABELS ${module} ${ARG_LABELS} ENV ${ARG_ENV})
endfunction()

function(kasp_register_test test_name target)
  cmake_parse_arguments(ARG "" "TIMEOUT" "LABELS;ENV" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 180)
  endif()
  add_test(NAME ${test_name} COMMAND ${target})
  set(platform offscreen)
  if(KASP_TEST_${target}_GUI)
    set(platform xcb) # a real X server: scripts/run-tests.sh runs ctest under Xvfb
    # One X server for all of them: two at once take the focus from each other's windows (window
    # shortcuts then miss), so widget tests run one at a time, beside the others.
    set_tests_properties(${test_name} PROPERTIES RESOURCE_LOCK xdisplay)
  endif()
  set_tests_properties(${test_name} PROPERTIES
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=${platform};TZ=Europe/Moscow;LANG=C.UTF-8;LC_ALL=C.UTF-8;KASP_TEST_TMP=${CMAKE_BINARY_DIR}/test-tmp;KASP_SOURCE_DIR=${PROJECT_SOURCE_DIR};${ARG_ENV}")
endfunction()
