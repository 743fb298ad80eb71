# Grouped bars of requests per second at 50 clients: proxy, Redis and raw MariaDB per case, log scale.
# Called by bench/run.sh as: gnuplot -e "datafile='...'; outfile='...'" bench/chart.gp
# The data file has one row per case: "label" proxy redis mariadb proxy-status, with "-" where there is no figure
# and proxy-status "n/a" when the proxy could not run the case.
set terminal pngcairo size 1280,600 font "sans,11"
set output outfile
set datafile missing "-"

# Cases without any figure (a command the proxy lacks) still get their slot on the x axis.
stats datafile using (1) nooutput
cases = STATS_records

set title "Requests per second, 50 clients (log scale; higher is better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.9 border -1
set boxwidth 0.9
set logscale y
set yrange [100:*]
set xrange [-0.5:cases - 0.5]
set format y "%.0s%c"
set ylabel "requests/s"
set grid ytics
set key outside bottom center horizontal
set xtics nomirror scale 0
set tmargin 3

# Three bars per cluster, each a quarter of the cluster wide (gap 1), centred on the case.
label(x) = x >= 1e6 ? sprintf("%.2fM", x / 1e6) : x >= 1000 ? sprintf("%.1fk", x / 1000) : sprintf("%.0f", x)
plot datafile using 2:xtic(1) title "proxy" linecolor rgb "#1f77b4", \
     ''       using 3 title "Redis 7" linecolor rgb "#d62728", \
     ''       using 4 title "MariaDB (sysbench)" linecolor rgb "#7f7f7f", \
     ''       using ($0 - 0.25):2:(label($2)) with labels offset 0,0.7 font ",8" notitle, \
     ''       using ($0):3:(label($3)) with labels offset 0,0.7 font ",8" notitle, \
     ''       using ($0 + 0.25):4:(label($4)) with labels offset 0,0.7 font ",8" notitle, \
     ''       using ($0 - 0.25):(150):(strcol(5) eq "n/a" ? "n/a" : "") with labels font ",9" textcolor rgb "#1f77b4" notitle
