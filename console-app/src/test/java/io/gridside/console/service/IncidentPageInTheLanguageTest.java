package io.gridside.console.service;

import static io.gridside.console.service.IncidentSite.FROM;
import static io.gridside.console.service.IncidentSite.TO;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.EventKind;
import io.gridside.site.outage.Outage;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident report's page reads in the console's language: its headings, terms, causes and figures. */
class IncidentPageInTheLanguageTest {

    /** Headings and terms of the English page that a French one may not carry. */
    private static final List<String> ENGLISH = List.of("Incident report", "Customers affected", "Started",
            "Lasted", "Evidence", "Competing explanations", "Affected customers", "Reliability indices",
            "Customers served", "Missing readings", "Timeline", "undefined", "power outage", "generator failure",
            "Times are in", "Feeder");

    @TempDir
    Path dir;

    private OutageReview review;

    @BeforeEach
    void load() {
        try (SiteStore store = IncidentSite.create(dir.resolve("site.db"))) {
            review = OutageReview.load(store, FROM, TO, input -> IncidentSite.diagnosis());
        }
    }

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aFrenchIncidentPageReadsInFrenchButForTheDiagnosissOwnSentences() {
        Outage outage = review.diagnosis().outages().get(0);
        I18n.use(Locale.FRENCH);

        String html = IncidentReport.of(review, outage).html();

        assertThat(html).contains("<html lang=\"fr\">", "<h1>Rapport d&#39;incident</h1>",
                "O-20260602-2100-1: coupure de courant", "<dt>Clients touchés</dt>", "<h3>Indices</h3>",
                "<td>Départ F2</td><td class=\"n\">1</td><td class=\"n\">0</td>", "<td class=\"n\">non défini</td>",
                "Les heures sont celles de Africa/Nairobi");
        List<String> left = ENGLISH.stream().filter(word -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b")
                .matcher(html.replaceAll("(?s)<style>.*?</style>", "")).find()).toList();
        assertThat(left).isEmpty();
        // The diagnosis writes its evidence in English, as the Replay screen shows it.
        assertThat(html).contains("2 of 2 meters on F1 sent a last gasp within 2 s");
    }

    @Test
    void aFrenchIncidentPageNamesEventsAndEstimatesInFrench() {
        Outage outage = review.diagnosis().outages().get(0);
        I18n.use(Locale.FRENCH);

        String html = IncidentReport.of(review, outage).html();

        assertThat(html).contains("<td>" + I18n.text("page.incident.kind.POWER_LOSS") + "</td>",
                "<td>" + I18n.text("page.incident.kind.POWER_RESTORE") + "</td>",
                "<td>" + I18n.text("page.incident.method.PROFILE") + "</td>");
        assertThat(html).doesNotContain("<td>power loss</td>", "<td>power restore</td>", "<td>profile</td>");
    }

    @Test
    void everyEventKindEstimateMethodAndStateHasAName() {
        List<String> keys = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            keys.add("page.incident.kind." + kind.name());
        }
        for (EstimateMethod method : EstimateMethod.values()) {
            keys.add("page.incident.method." + method.name());
        }
        for (EstimateStatus status : EstimateStatus.values()) {
            keys.add("page.incident.status." + status.name());
        }

        assertThat(keys).allSatisfy(key -> assertThat(I18n.has(key)).as(key).isTrue());
    }
}
