#!/bin/bash
# The installed library as a user meets it: `cmake --install` into a fresh
# prefix, then the GELU example (examples/gelu_dispatch.c, dispatch API and
# registry) built against the installed copy twice, with pkg-config and with
# find_package, and run; its link needs no peer library. The installed tool
# prints the project version and loads a plugin built from the installed
# headers.
set -u
: "${ACTBENCH_BUILD_DIR:?}" "${ACTBENCH_SOURCE_DIR:?}" "${ACTBENCH_PROJECT_VERSION:?}"
CC=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
pass() { passes=$((passes+1)); }
prefix=$tmp/prefix

if ! cmake --install "$ACTBENCH_BUILD_DIR" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log"; echo "0 passed, 1 failed"; exit 1
fi
for f in include/actbench/actbench.h include/actbench/activation_list.def \
         include/actbench/dispatch.h include/actbench/plugin.h \
         include/actbench/peers.h include/actbench/version.h bin/actbench; do
    [ -f "$prefix/$f" ] && pass || fail "not installed: $f"
done
pcdir=$(dirname "$(find "$prefix" -name actbench.pc | head -1)")
libdir=$(dirname "$pcdir")
for f in libactbench.a libactbench.so libactbench_peers.so; do
    [ -e "$libdir/$f" ] && pass || fail "not installed: $f"
done

# pkg-config: the acceptance command line, nothing added.
export PKG_CONFIG_PATH=$pcdir
libs=$(pkg-config --libs actbench)
case "$libs" in *dnnl*|*sleef*|*XNNPACK*|*mvec*|*peers*) fail "peer library in '$libs'" ;; *) pass ;; esac
# shellcheck disable=SC2046  # pkg-config output is word-split on purpose
if $CC -std=c17 "$ACTBENCH_SOURCE_DIR/examples/gelu_dispatch.c" $(pkg-config --cflags --libs actbench) \
        -o "$tmp/gelu_pc" 2>"$tmp/cc.log"; then
    if LD_LIBRARY_PATH=$libdir "$tmp/gelu_pc" >"$tmp/run_pc.log" 2>&1; then pass
    else fail "pkg-config example run"; cat "$tmp/run_pc.log"; fi
    needed=$(readelf -d "$tmp/gelu_pc" | grep NEEDED)
    case "$needed" in *dnnl*|*sleef*|*XNNPACK*|*mvec*|*peers*) fail "example needs a peer: $needed" ;; *) pass ;; esac
else
    fail "pkg-config example build"; cat "$tmp/cc.log"
fi
# Static linking: Libs.private lists what libactbench.a needs.
static_libs=$(pkg-config --static --libs actbench)
# shellcheck disable=SC2086  # word-split on purpose
if $CC -std=c17 "$ACTBENCH_SOURCE_DIR/examples/gelu_dispatch.c" $(pkg-config --cflags actbench) \
        ${static_libs//-lactbench/-l:libactbench.a} -o "$tmp/gelu_static" 2>"$tmp/cc_static.log" &&
   "$tmp/gelu_static" >/dev/null; then pass
else fail "static example"; cat "$tmp/cc_static.log"; fi

# find_package: examples/CMakeLists.txt as a user's project.
if cmake -S "$ACTBENCH_SOURCE_DIR/examples" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$CC" >"$tmp/cmake.log" 2>&1 &&
   cmake --build "$tmp/example" >>"$tmp/cmake.log" 2>&1; then
    if "$tmp/example/gelu_dispatch" >"$tmp/run_cmake.log" 2>&1 &&
       grep -q "^gelu forward " "$tmp/run_cmake.log"; then pass
    else fail "find_package example run"; cat "$tmp/run_cmake.log"; fi
    if "$prefix/bin/actbench" --plugin "$tmp/example/libplugin_sigmoid.so" list -a sigmoid |
        grep -q plugin-f64; then pass; else fail "installed tool with the example plugin"; fi
else
    fail "find_package example build"; cat "$tmp/cmake.log"
fi

version=$ACTBENCH_PROJECT_VERSION
if [ "$("$prefix/bin/actbench" --version)" = "actbench $version" ] &&
   grep -q "\"$version\"" "$prefix/include/actbench/version.h" &&
   [ "$(pkg-config --modversion actbench)" = "$version" ]; then pass
else fail "version: tool '$("$prefix/bin/actbench" --version)', project '$version'"; fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
