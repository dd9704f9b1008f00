# Speed versus accuracy: every implementation of one activation and direction
# as a point (time per element at one size and distribution, max ULP), log
# scales, the Pareto-optimal points joined by a line. The axis ranges and the
# label positions are computed by scripts/report/graphs.py (labels placed so
# that they do not overlap); errors above `cap` ULP are drawn at the cap as
# triangles.
# pointsfile columns: time, max ULP (floored and capped), has error classes
# (1 when the implementation also returns NaN/inf/flushed/wrong-sign
# results), off scale (1 when capped). frontfile: time, ULP of the front.
# labelsfile: x, y, text, left-aligned (1) or right-aligned (0).
# Parameters: pointsfile, frontfile, labelsfile, outfile, name, subtitle,
# unit, floor, cap, xmin, xmax, ymin, ymax, palette.
set terminal svg size 640,460 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name."\n".subtitle
set xlabel unit." (log)"
set ylabel sprintf("max ULP error (log; 0 drawn at %g)", floor)
set logscale xy
set xrange [xmin:xmax]
set yrange [ymin:ymax]
set grid
set key below font ",9"
set format x "%g"
set format y "%g"
plot frontfile using 1:2 with lines lw 2 lc rgb word(palette, 3) title "Pareto front", \
     pointsfile using 1:($3 == 0 && $4 == 0 ? $2 : 1/0) with points pt 7 ps 1 lc rgb word(palette, 1) title "implementation", \
     pointsfile using 1:($3 != 0 && $4 == 0 ? $2 : 1/0) with points pt 5 ps 1 lc rgb word(palette, 2) title "also NaN/inf/flush/sign errors", \
     pointsfile using 1:($4 != 0 ? $2 : 1/0) with points pt 9 ps 1.4 lc rgb word(palette, 2) title sprintf("error above %g ULP (drawn at the top)", cap), \
     labelsfile using 1:($4 == 1 ? $2 : 1/0):3 with labels left font ",8" notitle, \
     labelsfile using 1:($4 == 0 ? $2 : 1/0):3 with labels right font ",8" notitle
