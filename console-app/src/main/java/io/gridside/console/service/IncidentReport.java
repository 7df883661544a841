package io.gridside.console.service;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.Reliability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The incident report of one outage or of every outage of a window: what happened when (in the site's time zone),
 * whom it cut off, why, the evidence and the competing explanations, the reliability indices and the readings it
 * cost. Rendered as a printable page ({@link #html()}) and as CSV ({@link #csv()}).
 *
 * <p>Its timeline holds the events the outages explain, not every event of the window: a month of a site holds
 * thousands of routine ones that would bury the incident.
 */
public final class IncidentReport {

    /**
     * One meter's time out in an outage, with whom it supplies.
     *
     * @param customerId the roster's customer of the meter, or empty when it lists none
     * @param customerName the customer's name, or empty when not known
     * @param feeder the meter's feeder, or empty when it is not mapped
     * @param counted whether the time out counts in the indices: its customer, one of the roster's, lost supply,
     *     as the indices count it; a meter held off at some other time of the window is not dropped for that
     */
    public record Affected(Outage outage, MeterSpan span, String customerId, String customerName, String feeder,
            boolean counted) {
    }

    /** One event of the timeline and the outage that explains it. */
    public record Entry(SiteEvent event, Outage outage) {
    }

    private final OutageReview review;
    private final Outage outage;
    private final List<Affected> affected;

    private IncidentReport(OutageReview review, Outage outage) {
        this.review = Objects.requireNonNull(review, "review");
        this.outage = outage;
        this.affected = findAffected();
    }

    /**
     * The report of {@code outage} alone, or of every outage of the review's window when it is null.
     *
     * @throws IllegalArgumentException for an outage the review does not hold
     */
    public static IncidentReport of(OutageReview review, Outage outage) {
        if (outage != null && !review.diagnosis().outages().contains(outage)) {
            throw new IllegalArgumentException("The review of " + review.from() + " to " + review.to()
                    + " holds no outage " + outage.id() + ".");
        }
        return new IncidentReport(review, outage);
    }

    public OutageReview review() {
        return review;
    }

    /** The one outage reported, or empty for a report of the whole window. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** The outages reported, by start. */
    public List<Outage> outages() {
        return outage == null ? review.diagnosis().outages() : List.of(outage);
    }

    /** The start of what is reported: the outage's, or the window's. */
    public Instant from() {
        return outage == null ? review.from() : outage.start();
    }

    /** The end of what is reported: the outage's, or the window's. */
    public Instant to() {
        return outage == null ? review.to() : outage.end();
    }

    /** The indices of the outage alone over the window, or of the whole window. */
    public Reliability reliability() {
        return outage == null ? review.reliability() : review.reliabilityOf(outage);
    }

    /** Every affected meter of each outage reported, by outage and then meter. */
    public List<Affected> affected() {
        return affected;
    }

    private List<Affected> findAffected() {
        Map<String, String> customerOf = review.customerOfMeter();
        List<Affected> found = new ArrayList<>();
        for (Outage reported : outages()) {
            for (MeterSpan span : reported.spans()) {
                String customerId = customerOf.getOrDefault(span.meterId(), "");
                found.add(new Affected(reported, span, customerId,
                        review.customerNames().getOrDefault(customerId, ""),
                        review.feederOf().getOrDefault(span.meterId(), ""),
                        span.supplyLost() && customerOf.containsKey(span.meterId())));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The meters billing or maintenance held off, which are not outages: for the whole window, those the diagnosis
     * excluded; for one outage, only those whose relay was held open during it, at its start or opened before its
     * end, as the window's relay events tell.
     */
    public List<String> heldOff() {
        List<String> excluded = review.diagnosis().excludedMeters();
        if (outage == null) {
            return excluded;
        }
        return excluded.stream().filter(meterId -> heldOpen(meterId, outage.start(), outage.end())).toList();
    }

    /**
     * Whether {@code meterId}'s relay was open at some moment of [start, end): opened before {@code start} and not
     * closed by then, or opened before {@code end}. A meter whose first relay event of the window closes it was
     * open as the window began.
     */
    private boolean heldOpen(String meterId, Instant start, Instant end) {
        Boolean open = null;
        for (SiteEvent event : review.events()) {
            if (!event.source().equals(meterId)
                    || event.kind() != EventKind.RELAY_OFF && event.kind() != EventKind.RELAY_ON) {
                continue;
            }
            boolean opens = event.kind() == EventKind.RELAY_OFF;
            // A relay that turns at the very instant the outage starts stood as it turned to for all of it.
            if (event.at().isAfter(start)) {
                if (open == null && !opens || event.at().isBefore(end) && opens) {
                    return true;
                }
                return Boolean.TRUE.equals(open);
            }
            open = opens;
        }
        return Boolean.TRUE.equals(open);
    }

    /** How many customers the outages reported touched, each counted once. */
    public int customerCount() {
        return customers(false);
    }

    /** How many of those customers lost supply, not only their meters' messages, each counted once. */
    public int customersWithoutSupply() {
        return customers(true);
    }

    private int customers(boolean supplyLostOnly) {
        Set<String> customers = new HashSet<>();
        affected().stream().filter(a -> !supplyLostOnly || a.span().supplyLost())
                .forEach(a -> customers.add(a.customerId().isEmpty() ? "meter " + a.span().meterId()
                        : a.customerId()));
        return customers.size();
    }

    /** The events the outages reported explain, in the gateway's order, each with its outage. */
    public List<Entry> timeline() {
        Map<Long, Outage> byEvent = review.diagnosis().byEvent();
        List<Entry> entries = new ArrayList<>();
        for (SiteEvent event : review.events()) {
            Outage explaining = byEvent.get(event.id());
            if (explaining != null && (outage == null || explaining.equals(outage))) {
                entries.add(new Entry(event, explaining));
            }
        }
        return entries;
    }

    /** The readings the outages reported cost, by outage and then meter. */
    public List<DataGap> gaps() {
        Set<String> reported = new HashSet<>();
        outages().forEach(o -> reported.add(o.id()));
        return review.gaps().stream().filter(gap -> reported.contains(gap.outageId())).toList();
    }

    /** The printable page. */
    public String html() {
        return IncidentPage.of(this);
    }

    /** The CSV file's text. */
    public String csv() {
        return IncidentCsv.of(this);
    }

    /** Writes the printable page to {@code file}, replacing it. */
    public void writeHtml(Path file) throws IOException {
        Files.writeString(file, html(), StandardCharsets.UTF_8);
    }

    /** Writes the CSV to {@code file}, replacing it. */
    public void writeCsv(Path file) throws IOException {
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
    }
}
