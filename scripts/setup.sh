#!/bin/bash
# Installs the Debian packages actbench needs, when missing. As root it runs
# apt-get; otherwise it prints the exact command to run and fails.
#   scripts/setup.sh build    what the build and tests need
#   scripts/setup.sh report   + what the graphs and REPORT.md need
set -eu
mode=${1:-build}
packages=(make pkg-config libmpfr-dev libgmp-dev libhwloc-dev hwloc libcjson-dev zlib1g-dev python3
          libsleef-dev libdnnl-dev libxnnpack-dev libpthreadpool-dev
          libtorch-dev libeigen3-dev libopenmpi-dev openmpi-bin)
if [ "$mode" = report ]; then
    packages+=(gnuplot-nox llvm)  # llvm: llvm-mca for the port-throughput bounds (optional)
fi
command -v cc >/dev/null || command -v gcc >/dev/null || packages+=(gcc)
command -v cmake >/dev/null || packages+=(cmake)
command -v c++ >/dev/null || packages+=(g++)  # only the PyTorch and Eigen peers' adapters are C++

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "actbench needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root with:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The peer libraries are optional (the build detects them): install the
# required packages first, so a mirror without a peer does not block the rest.
required=() optional=()
for p in "${missing[@]}"; do
    case $p in libsleef-dev|libdnnl-dev|libxnnpack-dev|libpthreadpool-dev|libtorch-dev|libeigen3-dev|g++|llvm|libopenmpi-dev|openmpi-bin)
                optional+=("$p") ;;
                *) required+=("$p") ;; esac
done
[ ${#required[@]} -eq 0 ] || apt-get install -y -qq "${required[@]}" >/dev/null
if [ ${#optional[@]} -gt 0 ] && ! apt-get install -y -qq "${optional[@]}" >/dev/null; then
    echo "setup: warning: could not install optional packages (${optional[*]}); building without the peers," \
         "MPI and/or reporting without port bounds" >&2
fi
