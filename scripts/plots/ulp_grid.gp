# Max ULP error over the activation's interesting range (the exhaustive
# sweep's fine grid of bins in x), one line per implementation.
# Parameters: datafile, outfile, name, titles (space-separated), nblocks, floor.
set terminal svg size 900,420 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name.": max ULP error per bin of x over the dense range (exhaustive)"
set xlabel "x"
set ylabel sprintf("max ULP error (log; 0 drawn at %g)", floor)
set logscale y
set format y "%g"
set yrange [floor*0.5:*]
set grid
set key outside right top font ",9"
plot for [i=1:nblocks] datafile index (i-1) using 1:2 with steps lw 1.5 lc i dt 1+int((i-1)/8) title word(titles, i)
