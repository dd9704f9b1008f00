# The machine-learning frameworks' own kernels as peers: PyTorch's ATen
# (libtorch-dev) and Eigen (libeigen3-dev, the element-wise math under
# TensorFlow's CPU kernels). Included by cmake/Peers.cmake inside its
# "peers wanted" branch, with its helpers and lists; ACTBENCH_PEERS applies
# as to every peer. Their adapters are C++ (exporting the C kernels), so
# the CXX language is enabled only when one of them is found.
# ACTBENCH_PEERS_ML=OFF leaves these two out while keeping the others.

set(ACTBENCH_PEERS_ML ON CACHE BOOL "Build the PyTorch (ATen) and Eigen peers when found")
if(NOT ACTBENCH_PEERS_ML)
  message(STATUS "Peers PyTorch, Eigen: not built (ACTBENCH_PEERS_ML=OFF)")
  return()
endif()

include(CheckLanguage)
check_language(CXX)
if(NOT CMAKE_CXX_COMPILER)
  _actbench_peer_missing("PyTorch and Eigen (their adapters need a C++ compiler)" g++)
  return()
endif()

find_path(ACTBENCH_ATEN_INCLUDE ATen/ops/from_blob.h)
find_library(ACTBENCH_TORCH_CPU_LIBRARY NAMES torch_cpu)
find_library(ACTBENCH_C10_LIBRARY NAMES c10)
find_package(Eigen3 3.4 QUIET NO_MODULE)
set(_ml_torch OFF)
if(ACTBENCH_ATEN_INCLUDE AND ACTBENCH_TORCH_CPU_LIBRARY AND ACTBENCH_C10_LIBRARY)
  set(_ml_torch ON)
endif()
set(_ml_eigen OFF)
if(Eigen3_FOUND AND _peer_x86)
  set(_ml_eigen ON)
endif()

if(_ml_torch OR _ml_eigen)
  enable_language(CXX)
  set(CMAKE_CXX_STANDARD 17)
  set(CMAKE_CXX_STANDARD_REQUIRED ON)
  set(CMAKE_CXX_EXTENSIONS OFF)
  set(CMAKE_CXX_FLAGS_RELEASE "-O2")
endif()

# ---- PyTorch: ATen operators on tensors wrapping the caller's buffers.
if(_ml_torch)
  _actbench_deb_version(libtorch-dev _torch_version)
  list(APPEND _peer_defs AB_HAVE_TORCH=1 "AB_TORCH_DEB_VERSION=\"${_torch_version}\"")
  list(APPEND _peer_libs ${ACTBENCH_TORCH_CPU_LIBRARY} ${ACTBENCH_C10_LIBRARY})
  _actbench_peer_add_sources(torch_ops.cpp sigmoid_torch.cpp tanh_torch.cpp relu_torch.cpp
    leaky_relu_torch.cpp prelu_torch.cpp elu_torch.cpp selu_torch.cpp gelu_torch.cpp
    gelu_tanh_torch.cpp silu_torch.cpp mish_torch.cpp softplus_torch.cpp softsign_torch.cpp
    hardsigmoid_torch.cpp hardswish_torch.cpp softmax_torch.cpp log_softmax_torch.cpp)
  message(STATUS "Peer PyTorch (ATen): ${ACTBENCH_TORCH_CPU_LIBRARY} (Debian ${_torch_version})")
else()
  _actbench_peer_missing("PyTorch (ATen)" libtorch-dev)
endif()

# ---- Eigen: header-only; AVX2 + FMA as compiled (file names say avx2).
if(_ml_eigen)
  list(APPEND _peer_defs AB_HAVE_EIGEN=1 "AB_EIGEN_VERSION=\"${Eigen3_VERSION}\"")
  list(APPEND _peer_libs Eigen3::Eigen)
  _actbench_peer_add_sources(sigmoid_eigen_avx2.cpp tanh_eigen_avx2.cpp gelu_eigen_avx2.cpp)
  message(STATUS "Peer Eigen: ${Eigen3_VERSION}")
elseif(_peer_x86)
  _actbench_peer_missing("Eigen 3.4" libeigen3-dev)
endif()
