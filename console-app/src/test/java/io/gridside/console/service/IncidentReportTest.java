package io.gridside.console.service;

import static io.gridside.console.service.IncidentSite.FROM;
import static io.gridside.console.service.IncidentSite.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.console.imports.CsvReader;
import io.gridside.console.imports.CsvRow;
import io.gridside.console.imports.CsvTable;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import io.gridside.site.store.SiteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentReportTest {

    @TempDir
    Path dir;

    private OutageReview review;

    @BeforeEach
    void load() {
        try (SiteStore store = IncidentSite.create(dir.resolve("site.db"))) {
            review = OutageReview.load(store, FROM, TO, input -> IncidentSite.diagnosis());
        }
    }

    @Test
    void namesTheAffectedCustomersAndWhichCountInTheIndices() {
        IncidentReport report = IncidentReport.of(review, null);

        assertThat(report.affected()).extracting(IncidentReport.Affected::customerId).containsExactly("C-1", "C-2");
        assertThat(report.affected()).allMatch(IncidentReport.Affected::counted);
        assertThat(report.customerCount()).isEqualTo(2);
        assertThat(report.customersWithoutSupply()).isEqualTo(2);
        assertThat(report.timeline()).extracting(entry -> entry.event().id()).containsExactly(3L, 4L, 6L, 7L);
    }

    @Test
    void thePageIsSelfContainedPrintableAndEscapesTheSitesText() {
        Outage outage = review.diagnosis().outages().get(0);

        String html = IncidentReport.of(review, outage).html();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print", "@page { size: A4")
                .doesNotContain("<script", "http://x\"", "src=", "<link");
        assertThat(html).contains("Amina &lt;b&gt;&amp; Sons&lt;/b&gt;").doesNotContain(IncidentSite.MARKUP_NAME);
        assertThat(html).contains("Incident report", "O-20260602-2100-1: power outage",
                "2 of 2 meters on F1 sent a last gasp within 2 s", "generator failure",
                "no plant event, but &lt;the&gt; plant log is empty");
        // The outage began at 18:00 UTC, 21:00 in Nairobi.
        assertThat(html).contains("2026-06-02 21:00:00", "Africa/Nairobi").doesNotContain("2026-06-02 18:00:00");
        assertThat(html).contains("<td>Feeder F2</td><td class=\"n\">1</td><td class=\"n\">0</td>");
        assertThat(html).contains("<td class=\"n\">undefined</td>");
    }

    @Test
    void theCsvHasOneRowPerThingWithTheSameColumnsAndQuotesWhatNeedsIt() {
        String csv = IncidentReport.of(review, null).csv();

        // The project's strict reader refuses any record whose length is not the header's, or a quote out of place.
        CsvTable table = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8), IncidentCsv.COLUMNS);
        assertThat(table.problems()).isEmpty();
        assertThat(csv.lines().findFirst()).hasValue(String.join(",", IncidentCsv.COLUMNS));
        assertThat(table.rows()).extracting(row -> row.get("row")).containsExactly("outage", "evidence",
                "competing", "meter", "meter", "index", "index", "index", "event", "event", "event", "event");
        CsvRow first = table.rows().get(3);
        assertThat(first.get("customer_name")).isEqualTo(IncidentSite.MARKUP_NAME);
        assertThat(first.get("from")).isEqualTo("2026-06-02T21:00:00+03:00");
        assertThat(first.get("missing_intervals")).isEqualTo("4");
        assertThat(first.get("estimated_kwh")).isEqualTo("0.010");
        assertThat(first.get("estimate_methods")).isEqualTo("profile");
        assertThat(first.get("counted")).isEqualTo("true");
        assertThat(table.rows().get(4).get("customer_name")).isEqualTo("'" + IncidentSite.FORMULA_NAME);
        CsvRow feederTwo = table.rows().get(7);
        assertThat(feederTwo.get("scope")).isEqualTo("F2");
        assertThat(feederTwo.get("customers")).isEqualTo("1");
        assertThat(feederTwo.get("caidi_minutes")).isEqualTo("undefined");
        assertThat(table.rows().get(5).get("saifi")).isEqualTo("0.667");
        assertThat(csv).contains("\r\n");
    }

    @Test
    void theReportOfOneOutageNamesOnlyTheMetersHeldOffDuringIt() {
        Outage morning = new Outage("O-20260602-1300-1", OutageCause.POWER, Instant.parse("2026-06-02T10:00:00Z"),
                Instant.parse("2026-06-02T10:30:00Z"), List.of(new MeterSpan("M-1",
                        Instant.parse("2026-06-02T10:00:00Z"), Instant.parse("2026-06-02T10:30:00Z"), true, true)),
                List.of("F1"), List.of(), List.of(), List.of());
        Diagnosis diagnosis = IncidentSite.diagnosis();
        List<Outage> outages = new ArrayList<>(List.of(morning));
        outages.addAll(diagnosis.outages());
        OutageReview both;
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            both = OutageReview.load(store, FROM, TO, input -> new Diagnosis(FROM, TO, outages, List.of("M-3")));
        }

        // M-3's relay opened two seconds into the evening outage and not before: the morning's held none off.
        assertThat(IncidentReport.of(both, morning).heldOff()).isEmpty();
        assertThat(IncidentReport.of(both, outages.get(1)).heldOff()).containsExactly("M-3");
        assertThat(IncidentReport.of(both, null).heldOff()).containsExactly("M-3");
        assertThat(IncidentReport.of(both, morning).html()).doesNotContain("Held off");
    }

    @Test
    void aRelayClosedAtTheVeryInstantAnOutageStartsWasNotHeldOffInIt() {
        Instant start = Instant.parse("2026-06-02T10:00:00Z");
        Outage morning = new Outage("O-20260602-1300-1", OutageCause.POWER, start, start.plusSeconds(1800),
                List.of(new MeterSpan("M-2", start, start.plusSeconds(1800), true, true)), List.of("F1"), List.of(),
                List.of(), List.of());
        OutageReview held;
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertEvents(List.of(
                    new SiteEvent(8, start.minusSeconds(3600), "M-2", EventKind.RELAY_OFF,
                            new TreeMap<>(Map.of("reason", "maintenance")), null),
                    new SiteEvent(9, start, "M-2", EventKind.RELAY_ON,
                            new TreeMap<>(Map.of("reason", "maintenance")), null)));
            held = OutageReview.load(store, FROM, TO, input -> new Diagnosis(FROM, TO, List.of(morning),
                    List.of("M-2")));
        }

        assertThat(IncidentReport.of(held, morning).heldOff()).isEmpty();
        assertThat(IncidentReport.of(held, null).heldOff()).containsExactly("M-2");
    }

    @Test
    void anOutageIsFoundByItsIdInAnyCase() {
        String id = review.diagnosis().outages().get(0).id();

        assertThat(review.outage(" " + id.toLowerCase(java.util.Locale.ROOT) + " ")).map(Outage::id).contains(id);
        assertThat(review.outage("O-nope")).isEmpty();
    }

    @Test
    void refusesAnOutageTheReviewDoesNotHold() {
        Outage stranger = new Outage("O-X", OutageCause.POWER, FROM, TO, List.of(), List.of(), List.of(), List.of(),
                List.of());

        assertThatThrownBy(() -> IncidentReport.of(review, stranger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("O-X");
    }
}
