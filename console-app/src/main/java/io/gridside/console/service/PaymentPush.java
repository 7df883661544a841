package io.gridside.console.service;

import io.gridside.console.Sentence;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the payments a site database's outbox holds to the gateway, which alone posts them to the ledger, and
 * keeps each answer in the outbox. Payments travel {@value PostPayments#MAX_PAYMENTS} to a request, and each
 * request's answers are kept before the next is sent: a link that drops leaves the rest pending, and the next push
 * sends them, while the gateway's idempotency by reference makes sending one again harmless.
 */
public final class PaymentPush {

    /** What a push did: the payments answered, each with the gateway's answer, in the order sent. */
    public record Result(List<QueuedPayment> answered) {

        public Result {
            answered = List.copyOf(answered);
        }

        public long count(QueuedPayment.State state) {
            return answered.stream().filter(p -> p.state() == state).count();
        }
    }

    private PaymentPush() {
    }

    /**
     * Sends every pending payment of {@code store} over {@code client}'s session.
     *
     * @throws SiteMismatchException when the database is of another site than the gateway's
     * @throws LinkException when the link fails or the gateway refuses a request whole; what was answered before
     *     is kept
     */
    public static Result run(GatewayClient client, SiteStore store, Progress progress) throws LinkException {
        checkSite(client, store);
        List<QueuedPayment> pending = store.pendingPayments();
        List<QueuedPayment> answered = new ArrayList<>(pending.size());
        for (int from = 0; from < pending.size(); from += PostPayments.MAX_PAYMENTS) {
            int to = Math.min(pending.size(), from + PostPayments.MAX_PAYMENTS);
            List<QueuedPayment> chunk = pending.subList(from, to);
            PaymentsPosted posted = client.billing().postPayments(request(chunk));
            List<QueuedPayment> chunkAnswers = answers(chunk, posted);
            store.recordPaymentAnswers(chunkAnswers, Instant.now());
            answered.addAll(chunkAnswers);
            progress.update(Sentence.of("progress.payments"), answered.size(), pending.size());
        }
        return new Result(answered);
    }

    static void checkSite(GatewayClient client, SiteStore store) {
        String gatewaySite = client.hello().siteId();
        String storeSite = store.site().map(SiteInfo::siteId).orElse(null);
        if (!gatewaySite.equals(storeSite)) {
            throw new SiteMismatchException(storeSite == null ? "site.mismatch.pushNoSite" : "site.mismatch.push",
                    "The site database " + store.file() + " holds " + (storeSite == null ? "no site" : "site "
                    + storeSite) + ", but the gateway is of site " + gatewaySite + "; push the outbox of this site's "
                    + "database.", store.file(), storeSite, gatewaySite);
        }
    }

    private static PostPayments request(List<QueuedPayment> chunk) {
        return new PostPayments(chunk.stream().map(p -> new PostPayments.Payment(p.reference(), p.customerId(),
                p.amountMinor(), p.currency(), p.paidAt(), p.source())).toList());
    }

    private static List<QueuedPayment> answers(List<QueuedPayment> chunk, PaymentsPosted posted)
            throws LinkException {
        List<QueuedPayment> answers = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            QueuedPayment sent = chunk.get(i);
            PaymentsPosted.Result result = posted.results().get(i);
            if (!sent.reference().equals(result.reference())) {
                throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway answered payment "
                        + result.reference() + " where " + sent.reference() + " was sent; push again, which "
                        + "credits none twice.");
            }
            answers.add(new QueuedPayment(sent.reference(), sent.customerId(), sent.amountMinor(), sent.currency(),
                    sent.paidAt(), sent.source(), state(result.outcome()), result.code(), result.message()));
        }
        return answers;
    }

    private static QueuedPayment.State state(PaymentsPosted.Outcome outcome) {
        return switch (outcome) {
            case CREDITED -> QueuedPayment.State.CREDITED;
            case ALREADY_CREDITED -> QueuedPayment.State.ALREADY_CREDITED;
            case REFUSED -> QueuedPayment.State.REFUSED;
        };
    }
}
