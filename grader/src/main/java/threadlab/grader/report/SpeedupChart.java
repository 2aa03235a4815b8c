package threadlab.grader.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import threadlab.grader.benchmark.BenchmarkRow;

/**
 * The lesson of the course in one picture: speed-up against workers for CPU-bound and I/O-bound work, the
 * student's threads (pool) and processes (process map) next to the JDK's pool and the ideal lines. Drawn with
 * JFreeChart as a PNG.
 */
final class SpeedupChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final List<String> PLOTTED = List.of("PoolExecutor", "ThreadPoolExecutor", "ProcessMap");

    private SpeedupChart() {
    }

    /** The chart of every benchmark of the report, or empty when none measured a speed-up against workers. */
    static Optional<byte[]> png(GradeReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        TreeSet<Integer> workers = new TreeSet<>();
        int cpus = 0;
        for (ExerciseReport exercise : report.exercises()) {
            if (exercise.benchmark() == null) {
                continue;
            }
            cpus = Math.max(cpus, exercise.benchmark().cpus());
            for (String implementation : PLOTTED) {
                for (String workload : List.of("io-bound", "cpu-bound")) {
                    XYSeries series = new XYSeries(label(implementation, workload));
                    for (BenchmarkRow row : exercise.benchmark().rows()) {
                        if (row.measured() && row.implementation().equals(implementation) && row.workload().equals(workload)) {
                            series.add(row.workers(), row.speedup());
                            workers.add(row.workers());
                        }
                    }
                    if (series.getItemCount() > 0) {
                        data.addSeries(series);
                    }
                }
            }
        }
        if (data.getSeriesCount() == 0) {
            return Optional.empty();
        }
        addIdeal(data, workers, cpus);
        return Optional.of(render(chart(data, cpus)));
    }

    private static String label(String implementation, String workload) {
        return switch (implementation) {
            case "PoolExecutor" -> "your PoolExecutor (threads), " + workload;
            case "ProcessMap" -> "your ProcessMap (processes), " + workload;
            default -> "JDK " + implementation + ", " + workload;
        };
    }

    private static void addIdeal(XYSeriesCollection data, TreeSet<Integer> workers, int cpus) {
        XYSeries io = new XYSeries("ideal, I/O-bound (one per worker)");
        XYSeries cpu = new XYSeries("ideal, CPU-bound (at most " + cpus + " CPUs)");
        for (int w : workers) {
            io.add(w, w);
            cpu.add(w, Math.min(w, cpus));
        }
        data.addSeries(io);
        data.addSeries(cpu);
    }

    private static JFreeChart chart(XYSeriesCollection data, int cpus) {
        JFreeChart chart = ChartFactory.createXYLineChart("Speed-up against workers (" + cpus + " CPUs)", "workers (threads or processes)",
                "speed-up over one after the other", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("workers (threads or processes)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        plot.setDomainAxis(x);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String key = data.getSeriesKey(i).toString();
            if (key.startsWith("ideal")) {
                renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
                renderer.setSeriesShapesVisible(i, false);
                renderer.setSeriesPaint(i, key.contains("I/O") ? new Color(0x1f77b4) : new Color(0xd62728));
            } else {
                renderer.setSeriesStroke(i, new BasicStroke(key.contains("JDK") ? 1.2f : 2.5f));
                renderer.setSeriesPaint(i, colour(key));
            }
        }
        plot.setRenderer(renderer);
        return chart;
    }

    private static Color colour(String key) {
        boolean io = key.endsWith("io-bound");
        if (key.contains("JDK")) {
            return io ? new Color(0x9ecae1) : new Color(0xfc9272);
        }
        if (key.contains("processes")) {
            return io ? new Color(0x2ca02c) : new Color(0x9467bd);
        }
        return io ? new Color(0x1f77b4) : new Color(0xd62728);
    }

    private static byte[] render(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
