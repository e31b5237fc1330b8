# Warnings are part of the build contract: -Wall -Wextra stays clean.
function(kasp_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# Declares a module library with the layout modules/<name>/{include,src}.
function(kasp_add_module name)
  cmake_parse_arguments(ARG "STATIC" "" "SOURCES" ${ARGN})
  if(ARG_STATIC)
    add_library(kasp_${name} STATIC ${ARG_SOURCES})
  else()
    add_library(kasp_${name} ${ARG_SOURCES})
  endif()
  add_library(kasp::${name} ALIAS kasp_${name})
  # Public headers are part of the target so AUTOMOC sees the Q_OBJECT classes declared there.
  file(GLOB_RECURSE public_headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/*.h)
  target_sources(kasp_${name} PRIVATE ${public_headers})
  target_include_directories(kasp_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  kasp_set_warnings(kasp_${name})
endfunction()
