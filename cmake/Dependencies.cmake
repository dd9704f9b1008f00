# Required libraries, found at configure time. A missing one stops the
# configuration with the Debian package that provides it.
find_package(PkgConfig QUIET)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found. On Debian: apt-get install pkg-config")
endif()
find_package(Threads REQUIRED)

function(actbench_require_pkg target module debian_package)
  pkg_check_modules(${target} QUIET IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${target}_FOUND)
    message(FATAL_ERROR "${module} not found. On Debian: apt-get install ${debian_package}")
  endif()
  message(STATUS "Found ${module} ${${target}_VERSION}")
  set(${target}_VERSION "${${target}_VERSION}" PARENT_SCOPE)
endfunction()

actbench_require_pkg(MPFR mpfr libmpfr-dev)
actbench_require_pkg(HWLOC hwloc libhwloc-dev)
actbench_require_pkg(CJSON libcjson libcjson-dev)
actbench_require_pkg(ZLIB zlib zlib1g-dev)  # CRC-32 of the results manifest

find_path(GMP_INCLUDE_DIR gmp.h)
find_library(GMP_LIBRARY gmp)
if(NOT GMP_INCLUDE_DIR OR NOT GMP_LIBRARY)
  message(FATAL_ERROR "GMP not found. On Debian: apt-get install libgmp-dev")
endif()
add_library(GMP::GMP UNKNOWN IMPORTED)
set_target_properties(GMP::GMP PROPERTIES IMPORTED_LOCATION ${GMP_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${GMP_INCLUDE_DIR})

# Peer libraries are added in cmake/Peers.cmake.
set(ACTBENCH_PEER_SOURCES "")
set(ACTBENCH_PEER_LIBS "")
set(ACTBENCH_PEER_DEFS "")
if(EXISTS ${CMAKE_SOURCE_DIR}/cmake/Peers.cmake)
  include(${CMAKE_SOURCE_DIR}/cmake/Peers.cmake)
endif()
