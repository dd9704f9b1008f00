# Install rules: the public headers under include/actbench/, libactbench
# (static and shared), libactbench_peers (shared), the actbench program,
# pkg-config files (actbench.pc, actbench-peers.pc) and a CMake package
# (find_package(actbench) gives actbench::actbench, actbench::actbench_static
# and actbench::peers). Everything is relocatable: `cmake --install build
# --prefix DIR` works for any DIR.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${CMAKE_SOURCE_DIR}/impls/include/actbench
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h" PATTERN "*.def")
install(FILES ${ACTBENCH_GENERATED_INCLUDE}/actbench/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/actbench)

install(TARGETS actbench_kernels actbench_kernels_shared actbench_peers_shared
        EXPORT actbenchTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS actbench RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# pkg-config: the prefix is found from the .pc file's own place (pcfiledir).
set(_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH ACTBENCH_PC_TO_PREFIX /prefix/${_pc_dir} /prefix)
configure_file(${CMAKE_SOURCE_DIR}/cmake/actbench.pc.in ${CMAKE_BINARY_DIR}/actbench.pc @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/cmake/actbench-peers.pc.in
               ${CMAKE_BINARY_DIR}/actbench-peers.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/actbench.pc ${CMAKE_BINARY_DIR}/actbench-peers.pc
        DESTINATION ${_pc_dir})

set(_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/actbench)
install(EXPORT actbenchTargets NAMESPACE actbench:: DESTINATION ${_cmake_dir})
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/actbenchConfig.cmake.in
  ${CMAKE_BINARY_DIR}/actbenchConfig.cmake INSTALL_DESTINATION ${_cmake_dir})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/actbenchConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/actbenchConfig.cmake
              ${CMAKE_BINARY_DIR}/actbenchConfigVersion.cmake DESTINATION ${_cmake_dir})
