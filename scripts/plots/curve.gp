# An activation and its derivative over its range, from the MPFR reference
# values of `actbench curves` (results/curves/<activation>.csv: x, f, derivative).
# Parameters (gnuplot -e): datafile, outfile, name.
set terminal svg size 640,400 dynamic font "sans,12" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name." and its derivative (MPFR reference)"
set xlabel "x"
set grid
set key top left
set xzeroaxis lt -1 lw 0.5
plot datafile skip 1 using 1:2 with lines lw 2 lc rgb "#0072B2" title name."(x)", \
     datafile skip 1 using 1:3 with lines lw 2 dt 2 lc rgb "#D55E00" title name."'(x)"
