# Max ULP error per binade of x over all 2^32 inputs (exhaustive error map),
# one line per implementation, on a signed binade axis: negative x to the
# left, the subnormals and zeros in the middle, positive x to the right. The
# x range is cut to the binades where some implementation errs (plus a
# margin) and the tic labels are thinned so that they never collide
# (scripts/report/graphs.py); errors above `cap` are drawn at the cap, with a
# triangle, and the key names their true maximum.
# Parameters: datafile (one block per implementation: position, max ULP),
# outliersfile (position, cap), outfile, name, titles, nblocks, xtics_spec,
# floor, cap, ymax (the top of the data, capped), xmin, xmax, palette.
set terminal svg size 900,440 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name.": max ULP error per binade of x (all 2^32 inputs)"
set xlabel "x (binade; sign mirrored about 0)" offset 0,-1
set ylabel sprintf("max ULP error (log; 0 drawn at %g)", floor)
set logscale y
set format y "%g"
set yrange [floor*0.5:ymax]
set xrange [xmin:xmax]
set xtics @xtics_spec
set xtics rotate by -45 font ",9"
set grid
set key outside right top font ",9"
plot for [i=1:nblocks] datafile index (i-1) using 1:2 with steps lw 1.5 lc rgb word(palette, 1+(i-1)%7) \
        dt 1+int((i-1)/7) title word(titles, i), \
     outliersfile using 1:2 with points pt 9 ps 1.2 lc rgb "black" notitle
