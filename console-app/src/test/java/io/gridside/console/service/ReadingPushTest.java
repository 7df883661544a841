package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.QueuedRead;
import io.gridside.site.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads travel to the gateway a meter's run of consecutive quarter hours at a time, so a gap's reads go together. */
class ReadingPushTest {

    private static final Instant START = Instant.parse("2026-06-02T13:30:00Z");

    @Test
    void packsRunsWholeIntoRequestsAndCutsOnlyARunLongerThanARequest() {
        List<QueuedRead> pending = new ArrayList<>();
        pending.addAll(run("M00001", 0, 60));
        pending.addAll(run("M00002", 0, 50));
        pending.addAll(run("M00001", 100, 10));
        pending.addAll(run("M00003", 0, 120));

        List<List<QueuedRead>> chunks = ReadingPush.chunks(pending);

        assertThat(chunks).extracting(List::size).containsExactly(70, 50, 96, 24);
        assertThat(chunks.get(0)).extracting(QueuedRead::meterId).containsOnly("M00001");
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.size()).isLessThanOrEqualTo(96));
    }

    @Test
    void cutsAMetersReadsWhereAQuarterHourIsMissing() {
        List<QueuedRead> reads = new ArrayList<>(run("M00001", 0, 3));
        reads.addAll(run("M00001", 4, 2));

        assertThat(ReadingPush.runs(reads)).extracting(List::size).containsExactly(3, 2);
    }

    private static List<QueuedRead> run(String meterId, int from, int count) {
        List<QueuedRead> reads = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            reads.add(QueuedRead.pending(meterId, START.plus(Reading.INTERVAL.multipliedBy(i)), 1_000 + i, "IMPORT",
                    "reads.csv:" + (i + 2), "imported"));
        }
        return reads;
    }
}
