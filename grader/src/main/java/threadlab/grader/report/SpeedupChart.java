package threadlab.grader.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * student's implementations (threads, processes) next to the references and the ideal lines. Drawn with JFreeChart
 * as a PNG.
 *
 * <p>It names no exercise: it plots the rows of every benchmark whose workload is {@value #IO_BOUND} or
 * {@value #CPU_BOUND}. An implementation measured at several worker counts is a speed-up curve, the student's (a
 * benchmark scales the student's implementation and measures its references at the scored count only); one
 * measured at a single count is a reference's point.
 */
final class SpeedupChart {

    static final String IO_BOUND = "io-bound";
    static final String CPU_BOUND = "cpu-bound";
    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final Color[] IO_CURVES = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x17becf)};
    private static final Color[] CPU_CURVES = {new Color(0xd62728), new Color(0x9467bd), new Color(0xff7f0e)};

    private SpeedupChart() {
    }

    /** The chart of every benchmark of the report, or empty when none measured a speed-up against workers. */
    static Optional<byte[]> png(GradeReport report) {
        XYSeriesCollection data = series(report);
        if (data.getSeriesCount() == 0) {
            return Optional.empty();
        }
        TreeSet<Integer> workers = new TreeSet<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            for (int item = 0; item < data.getItemCount(i); item++) {
                workers.add(data.getX(i, item).intValue());
            }
        }
        int cpus = report.exercises().stream().filter(e -> e.benchmark() != null)
                .mapToInt(e -> e.benchmark().cpus()).max().orElse(1);
        addIdeal(data, workers, cpus);
        return Optional.of(render(chart(data, cpus)));
    }

    /**
     * The measured series: one per implementation and workload, a curve for one measured at several worker counts; a
     * single point at one worker is the baseline every speed-up is against, and is left out.
     */
    static XYSeriesCollection series(GradeReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ExerciseReport exercise : report.exercises()) {
            if (exercise.benchmark() == null) {
                continue;
            }
            Map<List<String>, XYSeries> series = new LinkedHashMap<>();
            for (BenchmarkRow row : exercise.benchmark().rows()) {
                if (row.measured() && (row.workload().equals(IO_BOUND) || row.workload().equals(CPU_BOUND))) {
                    series.computeIfAbsent(List.of(row.implementation(), row.workload()),
                            k -> new XYSeries(String.join(", ", k))).add(row.workers(), row.speedup());
                }
            }
            series.forEach((key, points) -> {
                boolean curve = points.getItemCount() > 1;
                if (curve || points.getX(0).intValue() > 1) {
                    points.setKey(label(key.get(0), key.get(1), curve));
                    data.addSeries(points);
                }
            });
        }
        return data;
    }

    private static String label(String implementation, String workload, boolean curve) {
        return (curve ? "your " : "reference: ") + implementation + ", " + workload;
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
        Map<Boolean, Integer> curvesSoFar = new HashMap<>(); // by workload (I/O-bound or not): each curve its colour
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String key = data.getSeriesKey(i).toString();
            boolean io = key.contains("I/O") || key.endsWith(IO_BOUND);
            if (key.startsWith("ideal")) {
                renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
                renderer.setSeriesShapesVisible(i, false);
                renderer.setSeriesPaint(i, io ? new Color(0x1f77b4) : new Color(0xd62728));
            } else if (key.startsWith("reference")) {
                renderer.setSeriesStroke(i, new BasicStroke(1.2f));
                renderer.setSeriesPaint(i, io ? new Color(0x9ecae1) : new Color(0xfc9272));
            } else {
                int curve = curvesSoFar.merge(io, 1, Integer::sum) - 1;
                renderer.setSeriesStroke(i, new BasicStroke(2.5f));
                renderer.setSeriesPaint(i, (io ? IO_CURVES : CPU_CURVES)[curve % IO_CURVES.length]);
            }
        }
        plot.setRenderer(renderer);
        return chart;
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
