# Max ULP error per binade of x over all 2^32 inputs (exhaustive error map),
# one line per implementation, on a signed binade axis: -FLT_MAX at the left,
# the subnormals and zeros in the middle, +FLT_MAX at the right, so both tails
# are visible. make_report.py writes one data block per implementation
# (columns: position, max ULP clamped to the plot floor) and the tic labels.
# Parameters: datafile, outfile, name, titles (space-separated), nblocks,
#             xtics_spec (a gnuplot tics list), floor.
set terminal svg size 900,420 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name.": max ULP error per binade of x (exhaustive)"
set xlabel "x (binade; sign mirrored about 0)"
set ylabel sprintf("max ULP error (log; 0 drawn at %g)", floor)
set logscale y
set format y "%g"
set yrange [floor*0.5:*]
set xtics @xtics_spec
set xtics rotate by -45 font ",9"
set grid
set key outside right top font ",9"
plot for [i=1:nblocks] datafile index (i-1) using 1:2 with steps lw 1.5 lc i dt 1+int((i-1)/8) title word(titles, i)
