# Max ULP error over the activation's interesting range (the exhaustive
# sweep's fine grid of bins in x), one line per implementation. The x axis
# spans the grid exactly; errors above `cap` are drawn at the cap, with a
# triangle, and the key names their true maximum, so that one approximation
# does not stretch the axis for all.
# Parameters: datafile, outliersfile, outfile, name, titles, nblocks, floor,
# cap, ymax (the top of the data, capped), xmin, xmax, palette.
set terminal svg size 900,420 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name.": max ULP error per bin of x over the dense range (all 2^32 inputs)"
set xlabel "x"
set ylabel sprintf("max ULP error (log; 0 drawn at %g)", floor)
set logscale y
set format y "%g"
set yrange [floor*0.5:ymax]
set xrange [xmin:xmax]
set grid
set key outside right top font ",9"
plot for [i=1:nblocks] datafile index (i-1) using 1:2 with steps lw 1.5 lc rgb word(palette, 1+(i-1)%7) \
        dt 1+int((i-1)/7) title word(titles, i), \
     outliersfile using 1:2 with points pt 9 ps 1.2 lc rgb "black" notitle
