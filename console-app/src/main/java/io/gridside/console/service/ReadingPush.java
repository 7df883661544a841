package io.gridside.console.service;

import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.site.QueuedRead;
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
            progress.update("Sending reads to the gateway's billing", answered.size(), pending.size());
        }
        return new Result(answered);
    }

    /**
     * The reads by meter, in the order each meter's first was queued, and each meter's in time order, cut at the
     * request's bound: a gap is filled only by all its reads at once, so a meter's reads travel together.
     * KNOWN SHORTCOMING: a meter with more reads than a request holds is cut where the bound falls, so a gap of more
     * than {@value PostReadings#MAX_READS} quarter hours, or one the cut splits, is refused as incomplete.
     */
    private static List<List<QueuedRead>> chunks(List<QueuedRead> pending) {
        Map<String, List<QueuedRead>> byMeter = new LinkedHashMap<>();
        pending.forEach(r -> byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r));
        byMeter.values().forEach(reads -> reads.sort(Comparator.comparing(QueuedRead::readAt)));
        List<List<QueuedRead>> chunks = new ArrayList<>();
        List<QueuedRead> chunk = new ArrayList<>();
        for (List<QueuedRead> reads : byMeter.values()) {
            if (!chunk.isEmpty() && chunk.size() + reads.size() > PostReadings.MAX_READS) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            for (QueuedRead read : reads) {
                if (chunk.size() == PostReadings.MAX_READS) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                }
                chunk.add(read);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
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
