package io.jsylla.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void returnsTheLastLinesOfAFileLargerThanOneChunk(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("system.log");
        Files.writeString(log, IntStream.range(0, 5000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");
        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 4997", "line 4998", "line 4999");
    }

    @Test
    void quotesEachExistingFileUnderAHeader(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.log");
        Files.writeString(a, "one\ntwo\n");
        String quoted = LogTail.quote(10, a, dir.resolve("missing.log"));
        assertThat(quoted).contains("last 2 lines of " + a).contains("one\ntwo").doesNotContain("missing");
    }
}
