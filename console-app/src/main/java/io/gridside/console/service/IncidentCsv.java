package io.gridside.console.service;

import static io.gridside.console.service.StatementCsv.field;
import static io.gridside.console.service.StatementCsv.text;

import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.ReliabilityIndices;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An incident report as one CSV file (RFC 4180, CRLF line ends, a header row, fields quoted when they need it) with
 * one set of columns; the {@code row} column says what each row is and which columns it fills, the others empty:
 *
 * <ul>
 *   <li>{@code outage}: {@code outage_id}, {@code cause} (as {@code power}, {@code mesh-partition}),
 *       {@code feeder} (its feeders, space-separated), {@code from}, {@code to}, {@code minutes},
 *       {@code supply_lost} (whether any customer lost supply) and {@code customers} (how many it touched);
 *   <li>{@code evidence}: {@code outage_id} and the fact in {@code text}, strongest first;
 *   <li>{@code competing}: {@code outage_id}, the competing {@code cause} and why it fits in {@code text};
 *   <li>{@code meter}: one affected meter of an outage: {@code outage_id}, {@code cause}, {@code meter_id},
 *       {@code customer_id}, {@code customer_name}, {@code feeder}, its time out {@code from} {@code to}
 *       {@code minutes}, {@code supply_lost}, {@code restored}, {@code counted} (in the indices), and its
 *       readings: {@code intervals} (quarter hours out), {@code missing_intervals}, {@code estimated_intervals},
 *       {@code estimated_kwh}, {@code estimate_methods} and {@code estimate_statuses} (billing's VEE);
 *   <li>{@code index}: the IEEE 1366 indices of a {@code scope}, {@code site} or a feeder's id:
 *       {@code customers} (served), {@code sustained} and {@code momentary} interruptions, {@code saifi},
 *       {@code saidi_minutes}, {@code caidi_minutes}, {@code maifi}; an index that would divide by zero reads
 *       {@code undefined};
 *   <li>{@code event}: one event of the timeline: {@code outage_id} (the outage that explains it),
 *       {@code event_id}, {@code from} (when), {@code source}, {@code event} (its kind, as {@code power_loss}) and
 *       its details as {@code key=value} pairs in {@code text};
 *   <li>{@code history}, first and only when the window lies wholly or partly outside the history the site
 *       database holds: {@code from} and {@code to} (its first and last event, empty when it holds none) and in
 *       {@code text} the warning that the indices say nothing about what lies outside it.
 * </ul>
 *
 * <p>Times are ISO 8601 in the site's time zone with its offset; booleans are {@code true} or {@code false}; text
 * a spreadsheet would run as a formula starts with an apostrophe, as in {@link StatementCsv}.
 */
final class IncidentCsv {

    /** The header row's column names, in order. */
    static final List<String> COLUMNS = List.of("row", "outage_id", "cause", "scope", "meter_id", "customer_id",
            "customer_name", "feeder", "from", "to", "minutes", "supply_lost", "restored", "counted", "intervals",
            "missing_intervals", "estimated_intervals", "estimated_kwh", "estimate_methods", "estimate_statuses",
            "customers", "sustained", "momentary", "saifi", "saidi_minutes", "caidi_minutes", "maifi", "event_id",
            "source", "event", "text");

    private static final String CRLF = "\r\n";

    private IncidentCsv() {
    }

    /** The whole file's text. */
    static String of(IncidentReport report) {
        ZoneId zone = report.review().site().zone();
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS);
        report.review().historyWarning().ifPresent(warning -> {
            EventHistory history = report.review().history();
            Row row = new Row("history").put("text", warning);
            if (!history.isEmpty()) {
                row.put("from", IncidentText.iso(history.first(), zone))
                        .put("to", IncidentText.iso(history.last(), zone));
            }
            line(csv, row.fields());
        });
        Map<String, DataGap> gaps = new HashMap<>();
        report.gaps().forEach(gap -> gaps.put(key(gap.outageId(), gap.meterId(), gap.from().toString()), gap));
        for (Outage outage : report.outages()) {
            outage(csv, report, outage, zone);
            for (IncidentReport.Affected affected : report.affected()) {
                if (affected.outage().equals(outage)) {
                    meter(csv, affected, gaps.get(key(outage.id(), affected.span().meterId(),
                            affected.span().from().toString())), zone);
                }
            }
        }
        index(csv, "site", report.reliability().site());
        report.reliability().byFeeder().forEach((feeder, indices) -> index(csv, feeder, indices));
        for (IncidentReport.Entry entry : report.timeline()) {
            Row row = new Row("event");
            row.put("outage_id", entry.outage().id()).put("event_id", Long.toString(entry.event().id()))
                    .put("from", IncidentText.iso(entry.event().at(), zone)).put("source", entry.event().source())
                    .put("event", entry.event().kind().name().toLowerCase(Locale.ROOT))
                    .put("text", IncidentText.details(entry.event()));
            line(csv, row.fields());
        }
        return csv.toString();
    }

    private static void outage(StringBuilder csv, IncidentReport report, Outage outage, ZoneId zone) {
        long customers = report.affected().stream().filter(a -> a.outage().equals(outage))
                .map(a -> a.customerId().isEmpty() ? "meter " + a.span().meterId() : a.customerId()).distinct()
                .count();
        Row row = new Row("outage").put("outage_id", outage.id()).put("cause", outage.cause().code())
                .put("feeder", String.join(" ", outage.feeders())).put("from", IncidentText.iso(outage.start(), zone))
                .put("to", IncidentText.iso(outage.end(), zone)).put("minutes", minutes(outage.duration()))
                .put("supply_lost", Boolean.toString(outage.supplyLost())).put("customers", Long.toString(customers));
        line(csv, row.fields());
        for (Evidence evidence : outage.evidence()) {
            line(csv, new Row("evidence").put("outage_id", outage.id()).put("text", evidence.text()).fields());
        }
        for (Outage.Competing competing : outage.competing()) {
            line(csv, new Row("competing").put("outage_id", outage.id()).put("cause", competing.cause().code())
                    .put("text", competing.why()).fields());
        }
    }

    private static void meter(StringBuilder csv, IncidentReport.Affected affected, DataGap gap, ZoneId zone) {
        Row row = new Row("meter").put("outage_id", affected.outage().id())
                .put("cause", affected.outage().cause().code()).put("meter_id", affected.span().meterId())
                .put("customer_id", affected.customerId()).put("customer_name", affected.customerName())
                .put("feeder", affected.feeder()).put("from", IncidentText.iso(affected.span().from(), zone))
                .put("to", IncidentText.iso(affected.span().to(), zone))
                .put("minutes", minutes(affected.span().duration()))
                .put("supply_lost", Boolean.toString(affected.span().supplyLost()))
                .put("restored", Boolean.toString(affected.span().restored()))
                .put("counted", Boolean.toString(affected.counted()));
        if (gap != null) {
            row.put("intervals", Integer.toString(gap.intervals()))
                    .put("missing_intervals", Integer.toString(gap.missing().size()))
                    .put("estimated_intervals", Integer.toString(gap.estimatedIntervals()))
                    .put("estimated_kwh", Amounts.kwh(gap.estimatedWh()))
                    .put("estimate_methods", codes(gap.methods())).put("estimate_statuses", codes(gap.statuses()));
        }
        line(csv, row.fields());
    }

    private static void index(StringBuilder csv, String scope, ReliabilityIndices indices) {
        line(csv, new Row("index").put("scope", scope).put("customers", Integer.toString(indices.customersServed()))
                .put("sustained", Long.toString(indices.sustainedInterruptions()))
                .put("momentary", Long.toString(indices.momentaryInterruptions()))
                .put("saifi", IncidentText.index(indices.saifi()))
                .put("saidi_minutes", IncidentText.index(indices.saidiMinutes()))
                .put("caidi_minutes", IncidentText.index(indices.caidiMinutes()))
                .put("maifi", IncidentText.index(indices.maifi())).fields());
    }

    private static String minutes(Duration duration) {
        return IncidentText.minutes(duration);
    }

    private static String codes(List<? extends Enum<?>> values) {
        return values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    private static String key(String outageId, String meterId, String from) {
        return outageId + "\n" + meterId + "\n" + from;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(IncidentCsv::cell).collect(Collectors.joining(","))).append(CRLF);
    }

    private static String cell(String value) {
        return field(text(value));
    }

    /** One row's fields by column name, empty where it fills none. */
    private static final class Row {

        private final String[] fields = new String[COLUMNS.size()];

        Row(String kind) {
            Arrays.fill(fields, "");
            fields[0] = kind;
        }

        Row put(String column, String value) {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            fields[index] = value;
            return this;
        }

        List<String> fields() {
            return new ArrayList<>(Arrays.asList(fields));
        }
    }
}
