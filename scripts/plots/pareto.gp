# Speed versus accuracy: every implementation of one activation and direction
# as a point (TSC ticks/element at one size and distribution, max ULP), log
# scales, the Pareto-optimal points joined by a line.
# pointsfile columns: ticks, max ULP (clamped to floor), label, has_classes
# (1 when the implementation also returns NaN/inf/flushed/wrong-sign results).
# frontfile: the Pareto-optimal points in order of ticks.
# Parameters: pointsfile, frontfile, outfile, name, subtitle, floor.
set terminal svg size 640,460 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name."\n".subtitle
set xlabel "TSC ticks / element (log)"
set ylabel sprintf("max ULP error (log; 0 drawn at %g)", floor)
set logscale xy
set offsets graph 0.08, graph 0.25, graph 0.1, graph 0.1
set grid
set key below font ",9"
set format x "%g"
set format y "%g"
plot frontfile using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Pareto front", \
     pointsfile using 1:($4 == 0 ? $2 : 1/0) with points pt 7 ps 1 lc rgb "#1f77b4" title "implementation", \
     pointsfile using 1:($4 != 0 ? $2 : 1/0) with points pt 9 ps 1.2 lc rgb "#d62728" title "also NaN/inf/flush/sign errors", \
     pointsfile using 1:2:3 with labels offset char 0.6,0.6 left rotate by 20 font ",8" notitle
