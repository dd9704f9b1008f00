# TSC ticks/element at each working-set size (L1, L2, L3, DRAM) for every
# implementation of one activation and direction, with the copy kernel (the
# memory ceiling of this machine at that size) drawn in black.
# datafile: one block per implementation (columns: level index, ticks), the
# copy kernel's block last. Parameters: datafile, outfile, name, subtitle,
# titles (space-separated, copy last), nblocks, xtics_spec.
set terminal svg size 900,440 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name."\n".subtitle
set xlabel "working set (input + output)"
set ylabel "TSC ticks / element (log)"
set logscale y
set format y "%g"
set xtics @xtics_spec
set xrange [-0.3:*]
set offsets 0, graph 0.05, 0, 0
set grid
set key outside right top font ",9"
plot for [i=1:nblocks-1] datafile index (i-1) using 1:2 with linespoints lw 1.5 pt 7 ps 0.6 lc i dt 1+int((i-1)/8) title word(titles, i), \
     datafile index (nblocks-1) using 1:2 with linespoints lw 3 dt 2 pt 5 lc rgb "black" title word(titles, nblocks)
