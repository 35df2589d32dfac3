package io.jsylla.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One progress line for the whole benchmark. Live (on a terminal), it redraws the line in place
 * with a carriage return; otherwise (a log, a test) it prints the bar at every quarter of each
 * phase, and one line per finished run.
 */
final class ProgressBar {
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final boolean live;
    private int drawn;
    private String lastStep = ""; // run, phase and quarter last printed when not live

    ProgressBar(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** Redraws the line: which run, which phase, how far, how fast. */
    synchronized void update(String run, String phase, double percent, double opsPerSecond) {
        int filled = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100 * WIDTH);
        String line = String.format(Locale.ROOT, "%s  %-7s [%s%s] %5.1f%%  %,12.0f ops/s", run, phase,
                "#".repeat(filled), "-".repeat(WIDTH - filled), percent, opsPerSecond);
        if (live) {
            draw(line);
            return;
        }
        String step = run + "/" + phase + "/" + (int) (Math.max(0, Math.min(100, percent)) / 25);
        if (percent >= 25 && !step.equals(lastStep)) {
            lastStep = step;
            out.print(line + "\n");
            out.flush();
        }
    }

    /** Leaves a line for a finished step (and clears the live line first). */
    synchronized void println(String line) {
        if (live) draw("");
        out.print(live ? "\r" + line + "\n" : line + "\n");
        drawn = 0;
        out.flush();
    }

    private void draw(String line) {
        String padding = " ".repeat(Math.max(0, drawn - line.length()));
        out.print("\r" + line + padding);
        if (!padding.isEmpty()) out.print("\r" + line);
        drawn = line.length();
        out.flush();
    }
}
