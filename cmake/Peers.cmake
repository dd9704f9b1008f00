# Peer libraries as baselines: glibc libm and libmvec, SLEEF,
# oneDNN, XNNPACK. Each one found is compiled in and announced to the code by
# an AB_HAVE_<PEER> definition; ACTBENCH_PEERS chooses what happens when one
# is missing: AUTO builds what is found, ON stops the configuration naming
# the Debian package, OFF builds none. Sets ACTBENCH_PEER_SOURCES,
# ACTBENCH_PEER_LIBS and ACTBENCH_PEER_DEFS for the caller.
#
# Peer sources live in impls/peers/ (not globbed as kernels) and are listed
# here, so that a file is compiled only when its library exists.

set(_peer_dir ${CMAKE_SOURCE_DIR}/impls/peers)
set(_peer_sources "")
set(_peer_libs "")
set(_peer_defs "")
set(_peer_mode "${ACTBENCH_PEERS}")
string(TOUPPER "${_peer_mode}" _peer_mode)
if(NOT _peer_mode MATCHES "^(AUTO|ON|OFF)$")
  message(FATAL_ERROR "ACTBENCH_PEERS must be AUTO, ON or OFF (got '${ACTBENCH_PEERS}')")
endif()

set(_peer_x86 OFF)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64|amd64")
  set(_peer_x86 ON)
endif()

# A missing peer: fatal under ON, a status line under AUTO.
macro(_actbench_peer_missing what debian_package)
  if(_peer_mode STREQUAL "ON")
    message(FATAL_ERROR "Peer ${what} not found (ACTBENCH_PEERS=ON). On Debian: apt-get install ${debian_package}")
  endif()
  message(STATUS "Peer ${what}: not found, not built (apt-get install ${debian_package})")
endmacro()

# The Debian package version, for peers whose library has no version API.
function(_actbench_deb_version package out_var)
  set(_v "")
  find_program(_dpkg_query dpkg-query)
  if(_dpkg_query)
    execute_process(COMMAND ${_dpkg_query} -W -f=\${Version} ${package}
      OUTPUT_VARIABLE _v ERROR_QUIET RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      set(_v "")
    endif()
  endif()
  if(_v STREQUAL "")
    set(_v "unknown")
  endif()
  set(${out_var} "${_v}" PARENT_SCOPE)
endfunction()

# Sources of a peer; files with "avx2" in their name get -mavx2 -mfma alone.
macro(_actbench_peer_add_sources)
  foreach(_name ${ARGN})
    set(_src ${_peer_dir}/${_name})
    list(APPEND _peer_sources ${_src})
    if(_name MATCHES "avx2")
      set_source_files_properties(${_src} PROPERTIES COMPILE_OPTIONS "-mavx2;-mfma")
    endif()
  endforeach()
endmacro()

if(NOT _peer_mode STREQUAL "OFF")
  # ---- glibc libm (scalar): always there with the C library.
  list(APPEND _peer_defs AB_HAVE_LIBM=1)
  _actbench_peer_add_sources(tanh_libm.c)
  message(STATUS "Peer libm: glibc")

  # ---- libmvec: glibc's vector math, AVX2 variants (_ZGVdN8v_*).
  if(_peer_x86)
    find_library(ACTBENCH_LIBMVEC NAMES mvec)
    if(ACTBENCH_LIBMVEC)
      list(APPEND _peer_defs AB_HAVE_LIBMVEC=1)
      list(APPEND _peer_libs ${ACTBENCH_LIBMVEC})
      _actbench_peer_add_sources(sigmoid_libmvec_avx2.c tanh_libmvec_avx2.c
        silu_libmvec_avx2.c elu_libmvec_avx2.c gelu_libmvec_avx2.c
        softplus_libmvec_avx2.c mish_libmvec_avx2.c)
      message(STATUS "Peer libmvec: ${ACTBENCH_LIBMVEC}")
    else()
      _actbench_peer_missing(libmvec libc6-dev)
    endif()
  endif()

  # ---- SLEEF: AVX2 u10 / u35 vector functions.
  if(_peer_x86)
    pkg_check_modules(SLEEF QUIET IMPORTED_TARGET GLOBAL sleef)
    if(SLEEF_FOUND)
      list(APPEND _peer_defs AB_HAVE_SLEEF=1)
      list(APPEND _peer_libs PkgConfig::SLEEF)
      _actbench_peer_add_sources(sigmoid_sleef_u10_avx2.c tanh_sleef_u10_avx2.c
        tanh_sleef_u35_avx2.c silu_sleef_u10_avx2.c elu_sleef_u10_avx2.c
        gelu_sleef_u10_avx2.c softplus_sleef_u10_avx2.c mish_sleef_u10_avx2.c)
      message(STATUS "Peer SLEEF: ${SLEEF_VERSION}")
    else()
      _actbench_peer_missing(SLEEF libsleef-dev)
    endif()
  endif()

  # ---- oneDNN: eltwise forward / backward primitives (C API).
  find_path(ACTBENCH_DNNL_INCLUDE oneapi/dnnl/dnnl.h)
  find_library(ACTBENCH_DNNL_LIBRARY NAMES dnnl)
  if(ACTBENCH_DNNL_INCLUDE AND ACTBENCH_DNNL_LIBRARY)
    # The Debian build runs on OpenMP: one thread is asked for through
    # omp_set_num_threads, so libgomp is linked directly.
    file(STRINGS ${ACTBENCH_DNNL_INCLUDE}/oneapi/dnnl/dnnl_config.h _dnnl_omp
         REGEX "define DNNL_CPU_THREADING_RUNTIME DNNL_RUNTIME_OMP")
    set(_dnnl_ok ON)
    if(_dnnl_omp)
      find_package(OpenMP QUIET COMPONENTS C)
      if(OpenMP_C_FOUND AND OpenMP_gomp_LIBRARY)
        list(APPEND _peer_libs ${OpenMP_gomp_LIBRARY})
        list(APPEND _peer_defs AB_DNNL_OMP=1)
      else()
        set(_dnnl_ok OFF)
        _actbench_peer_missing("oneDNN (its OpenMP runtime, libgomp)" libgomp1)
      endif()
    endif()
    if(_dnnl_ok)
      list(APPEND _peer_defs AB_HAVE_ONEDNN=1)
      list(APPEND _peer_libs ${ACTBENCH_DNNL_LIBRARY})
      _actbench_peer_add_sources(onednn_eltwise.c sigmoid_onednn.c tanh_onednn.c
        relu_onednn.c leaky_relu_onednn.c elu_onednn.c gelu_onednn.c
        gelu_tanh_onednn.c silu_onednn.c mish_onednn.c softplus_onednn.c
        hardswish_onednn.c)
      message(STATUS "Peer oneDNN: ${ACTBENCH_DNNL_LIBRARY}")
    endif()
  else()
    _actbench_peer_missing(oneDNN libdnnl-dev)
  endif()

  # ---- XNNPACK operators (with pthreadpool, given a NULL pool).
  find_path(ACTBENCH_XNNPACK_INCLUDE xnnpack.h)
  find_library(ACTBENCH_XNNPACK_LIBRARY NAMES XNNPACK xnnpack)
  find_path(ACTBENCH_PTHREADPOOL_INCLUDE pthreadpool.h)
  find_library(ACTBENCH_PTHREADPOOL_LIBRARY NAMES pthreadpool)
  if(ACTBENCH_XNNPACK_INCLUDE AND ACTBENCH_XNNPACK_LIBRARY AND
     ACTBENCH_PTHREADPOOL_INCLUDE AND ACTBENCH_PTHREADPOOL_LIBRARY)
    _actbench_deb_version(libxnnpack-dev _xnn_version)
    list(APPEND _peer_defs AB_HAVE_XNNPACK=1 "AB_XNNPACK_DEB_VERSION=\"${_xnn_version}\"")
    list(APPEND _peer_libs ${ACTBENCH_XNNPACK_LIBRARY} ${ACTBENCH_PTHREADPOOL_LIBRARY})
    _actbench_peer_add_sources(xnnpack_ops.c sigmoid_xnnpack.c elu_xnnpack.c
      leaky_relu_xnnpack.c relu_xnnpack.c hardswish_xnnpack.c softmax_xnnpack.c)
    message(STATUS "Peer XNNPACK: ${ACTBENCH_XNNPACK_LIBRARY} (Debian ${_xnn_version})")
  else()
    _actbench_peer_missing(XNNPACK "libxnnpack-dev libpthreadpool-dev")
  endif()

  # ---- PyTorch (ATen) and Eigen: C++ adapters, in their own file.
  include(${CMAKE_CURRENT_LIST_DIR}/PeersML.cmake)
else()
  message(STATUS "Peers: none built (ACTBENCH_PEERS=OFF)")
endif()

set(ACTBENCH_PEER_SOURCES ${_peer_sources})
set(ACTBENCH_PEER_LIBS ${_peer_libs})
set(ACTBENCH_PEER_DEFS ${_peer_defs})
