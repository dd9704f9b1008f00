# Open MPI (Debian libopenmpi-dev) for `mpirun -np N actbench accuracy
# --exhaustive`: optional, like the peers. ACTBENCH_MPI=AUTO builds the MPI
# mode when MPI's C bindings are found, ON requires them, OFF leaves them
# out. Without MPI, harness/sweep/mpi_off.c takes the place of
# harness/sweep/mpi.c: the sweep runs in one process and refuses to start
# when a launcher says it is one of several ranks (each would sweep
# everything and overwrite the others' files).
# Sets ACTBENCH_MPI_FOUND; the caller links MPI::MPI_C into the harness.

set(ACTBENCH_MPI "AUTO" CACHE STRING "Build the MPI mode of the exhaustive sweep: AUTO, ON or OFF")
set_property(CACHE ACTBENCH_MPI PROPERTY STRINGS AUTO ON OFF)

if(NOT ACTBENCH_MPI MATCHES "^(AUTO|ON|OFF)$")
  message(FATAL_ERROR "ACTBENCH_MPI must be AUTO, ON or OFF (got '${ACTBENCH_MPI}')")
endif()
set(ACTBENCH_MPI_FOUND OFF)
if(ACTBENCH_MPI STREQUAL "OFF")
  message(STATUS "MPI: not built (ACTBENCH_MPI=OFF)")
else()
  find_package(MPI QUIET COMPONENTS C)
  if(MPI_C_FOUND)
    set(ACTBENCH_MPI_FOUND ON)
    message(STATUS "MPI: MPI ${MPI_C_VERSION} C bindings, launcher ${MPIEXEC_EXECUTABLE}")
  elseif(ACTBENCH_MPI STREQUAL "ON")
    message(FATAL_ERROR "MPI not found (ACTBENCH_MPI=ON). On Debian: apt-get install libopenmpi-dev openmpi-bin")
  else()
    message(STATUS "MPI: not found, the sweep runs in one process (apt-get install libopenmpi-dev)")
  endif()
endif()
