package io.jsylla.testkit.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so a large log costs no more than a small one. */
public final class LogTail {
    private static final int CHUNK = 8192;

    private LogTail() {}

    public static List<String> lastLines(Path file, int lines) {
        if (!Files.isRegularFile(file)) return List.of();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            long start = end;
            byte[] buf = new byte[0];
            int newlines = 0;
            while (start > 0 && newlines <= lines) {
                int n = (int) Math.min(CHUNK, start);
                start -= n;
                byte[] chunk = new byte[n];
                raf.seek(start);
                raf.readFully(chunk);
                for (byte b : chunk) if (b == '\n') newlines++;
                byte[] joined = Arrays.copyOf(chunk, n + buf.length);
                System.arraycopy(buf, 0, joined, n, buf.length);
                buf = joined;
            }
            List<String> all = new ArrayList<>(Arrays.asList(
                    new String(buf, StandardCharsets.UTF_8).split("\\R")));
            if (start > 0 && !all.isEmpty()) all.remove(0); // a partial first line
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e + ")");
        }
    }

    /** The tail of each existing file under a header naming it, for exception messages. */
    public static String quote(int lines, Path... files) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            List<String> tail = lastLines(f, lines);
            if (tail.isEmpty()) continue;
            sb.append("\n--- last ").append(tail.size()).append(" lines of ").append(f).append(" ---");
            for (String line : tail) sb.append('\n').append(line);
        }
        return sb.toString();
    }
}
