# Time per element at each working-set size (L1, L2, L3, DRAM, each labelled
# with its bytes) for every implementation of one activation and direction,
# with the copy kernel (the memory ceiling at that size) drawn dashed in black.
# Colour-blind-safe palette; dash and point types vary too, so that more than
# eight lines stay apart.
# datafile: one block per implementation (columns: level index, time), the
# copy kernel's block last. Parameters: datafile, outfile, name, subtitle,
# unit, titles (space-separated, copy last), nblocks, xtics_spec, xmax, palette.
set terminal svg size 900,460 dynamic font "sans,11" background "white"
set output outfile
set termoption noenhanced
set datafile separator ","
set title name."\n".subtitle
set xlabel "working set (input + output)"
set ylabel unit." (log)"
set logscale y
set format y "%g"
set xtics @xtics_spec
set xrange [-0.15:xmax+0.15]
set grid
set key outside right top font ",9"
plot for [i=1:nblocks-1] datafile index (i-1) using 1:2 with linespoints lw 1.5 \
        pt (4+(i-1)%6) ps 0.7 lc rgb word(palette, 1+(i-1)%7) dt 1+int((i-1)/7) title word(titles, i), \
     datafile index (nblocks-1) using 1:2 with linespoints lw 3 dt 2 pt 5 lc rgb "black" title word(titles, nblocks)
