package io.gridside.console.service;

import io.gridside.console.Sentence;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.site.QueuedRead;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends the register reads a site database's outbox holds (imported from files, decided on the exceptions queue)
 * to the gateway, whose billing alone takes them, and keeps each answer in the outbox. Reads travel
 * {@value PostReadings#MAX_READS} to a request, one meter's reads together so that a gap's reads arrive in one
 * request, and each request's answers are kept before the next is sent: a link that drops leaves the rest
 * pending, and the gateway takes a read it holds as a duplicate, so sending one again is harmless.
 */
public final class ReadingPush {

    /** What a push did: the reads answered, each with the gateway's answer, in the order sent. */
    public record Result(List<QueuedRead> answered) {

        public Result {
            answered = List.copyOf(answered);
        }

        public long count(QueuedRead.State state) {
            return answered.stream().filter(r -> r.state() == state).count();
        }
    }

    private ReadingPush() {
    }

    /**
     * Sends every pending read of {@code store} over {@code client}'s session, as a supervisor's signed commands.
     *
     * @throws SiteMismatchException when the database is of another site than the gateway's
     * @throws LinkException when the link fails or the gateway refuses a request whole; what was answered before
     *     is kept
     */
    public static Result run(GatewayClient client, SiteStore store, Progress progress) throws LinkException {
        PaymentPush.checkSite(client, store);
        List<QueuedRead> pending = store.pendingReads();
        List<QueuedRead> answered = new ArrayList<>(pending.size());
        for (List<QueuedRead> chunk : chunks(pending)) {
            ReadingsTaken taken = client.billing().postReadings(request(chunk));
            List<QueuedRead> chunkAnswers = answers(chunk, taken);
            store.recordReadAnswers(chunkAnswers, Instant.now());
            answered.addAll(chunkAnswers);
            progress.update(Sentence.of("progress.reads"), answered.size(), pending.size());
        }
        return new Result(answered);
    }

    /**
     * The reads by meter, in the order each meter's first was queued, and each meter's in time order, packed into
     * requests a run of consecutive quarter hours at a time: a gap is filled only by all its reads at once, and its
     * reads are such a run, so a run is never cut unless it is longer than a request holds. KNOWN SHORTCOMING: a gap
     * of more than {@value PostReadings#MAX_READS} quarter hours cannot be filled, and is refused as incomplete.
     */
    static List<List<QueuedRead>> chunks(List<QueuedRead> pending) {
        Map<String, List<QueuedRead>> byMeter = new LinkedHashMap<>();
        pending.forEach(r -> byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r));
        List<List<QueuedRead>> chunks = new ArrayList<>();
        List<QueuedRead> chunk = new ArrayList<>();
        for (List<QueuedRead> reads : byMeter.values()) {
            reads.sort(Comparator.comparing(QueuedRead::readAt));
            for (List<QueuedRead> run : runs(reads)) {
                if (!chunk.isEmpty() && chunk.size() + Math.min(run.size(), PostReadings.MAX_READS)
                        > PostReadings.MAX_READS) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                }
                for (QueuedRead read : run) {
                    if (chunk.size() == PostReadings.MAX_READS) {
                        chunks.add(chunk);
                        chunk = new ArrayList<>();
                    }
                    chunk.add(read);
                }
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** One meter's reads, in time order, cut where the next is not the following quarter hour. */
    static List<List<QueuedRead>> runs(List<QueuedRead> reads) {
        List<List<QueuedRead>> runs = new ArrayList<>();
        List<QueuedRead> run = new ArrayList<>();
        for (QueuedRead read : reads) {
            if (!run.isEmpty() && !run.get(run.size() - 1).readAt().plus(Reading.INTERVAL).equals(read.readAt())) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(read);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static PostReadings request(List<QueuedRead> chunk) {
        return new PostReadings(chunk.stream().map(r -> new PostReadings.Read(r.meterId(), r.readAt(),
                r.registerWh(), PostReadings.Origin.valueOf(r.origin().toUpperCase(Locale.ROOT)), r.originId(),
                r.reason())).toList());
    }

    private static List<QueuedRead> answers(List<QueuedRead> chunk, ReadingsTaken taken) throws LinkException {
        List<QueuedRead> answers = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            QueuedRead sent = chunk.get(i);
            ReadingsTaken.Result result = taken.results().get(i);
            if (!sent.meterId().equals(result.meterId()) || !sent.readAt().equals(result.readAt())) {
                throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway answered a read of meter "
                        + result.meterId() + " at " + result.readAt() + " where meter " + sent.meterId() + " at "
                        + sent.readAt() + " was sent; push again, which posts nothing twice.");
            }
            answers.add(sent.answered(QueuedRead.State.valueOf(result.outcome().name()), result.code(),
                    result.message()));
        }
        return answers;
    }
}
