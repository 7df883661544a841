package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Why another cause competes reads in the language in use where the diagnosis names its sentence. */
class DiagnosisWordsTest {

    private static final Outage.Competing PARTITION = new Outage.Competing(OutageCause.MESH_PARTITION,
            "M-7 went silent and the meters routing through it lost comms with it, their power on.",
            "competing.partition", List.of("M-7"));

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aCompetingCauseReadsInFrenchAndAsTheDiagnosisWroteItInEnglish() {
        assertThat(DiagnosisWords.why(PARTITION)).isEqualTo(PARTITION.why());

        I18n.use(Locale.FRENCH);

        assertThat(DiagnosisWords.why(PARTITION)).startsWith("M-7 s'est tu").doesNotContain("went silent");
        Outage.Competing unnamed = new Outage.Competing(OutageCause.GENERATOR, "the plant log is empty");
        assertThat(DiagnosisWords.why(unnamed)).isEqualTo("the plant log is empty");
    }

    @Test
    void everySentenceTheDiagnosisNamesInItsSourcesExists() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (String file : List.of("OutageWriter.java", "OutageFinder.java", "Diagnoser.java")) {
            sources.append(Files.readString(Path.of("..", "site-models", "src", "main", "java", "io", "gridside",
                    "site", "outage", file)));
        }
        List<String> reasons = new ArrayList<>(Pattern.compile("\"((?:competing|evidence)\\.[A-Za-z.]*[A-Za-z])\"")
                .matcher(sources).results().map(match -> match.group(1)).toList());
        reasons.addAll(List.of("evidence.alone.power", "evidence.alone.comms"));
        // The names the writer builds from parts: a plant stretch's, by cause and whether it ended, and lost power's.
        for (String stretch : List.of("backhaul", "noise", "battery", "generator", "inverter", "shedding", "other")) {
            reasons.addAll(List.of("evidence.window." + stretch + ".closed", "evidence.window." + stretch + ".open"));
        }
        reasons.add("evidence.window.reboot.closed");
        for (String scope : List.of("site", "unmapped", "feederAll", "feederSome")) {
            reasons.add("evidence.powerLost." + scope);
        }

        assertThat(reasons).hasSizeGreaterThanOrEqualTo(25)
                .allSatisfy(reason -> assertThat(I18n.has("diagnosis." + reason)).as(reason).isTrue());
    }

    @Test
    void aLoneMetersFactReadsInSwahiliAndAsTheDiagnosisWroteItInEnglish() {
        Evidence alone = new Evidence("M-3 lost power alone at 2026-06-01 21:04:30 EAT; no other meter on its feeder "
                + "or behind it in the mesh did, and no gateway or plant event explains it.", List.of(9L),
                "evidence.alone.power", List.of("M-3", Evidence.time(Instant.parse("2026-06-01T18:04:30Z"),
                        ZoneId.of("Africa/Nairobi"))));
        Evidence unnamed = Evidence.of("2 of 2 meters on F1 sent a last gasp within 2 s");

        assertThat(DiagnosisWords.evidence(alone)).isEqualTo(alone.text());
        I18n.use(Locale.forLanguageTag("sw"));

        assertThat(DiagnosisWords.evidence(alone))
                .startsWith("M-3 ilipoteza umeme peke yake tarehe 2026-06-01 21:04:30 EAT")
                .doesNotContain("alone");
        assertThat(DiagnosisWords.evidence(unnamed)).isEqualTo(unnamed.text());
    }
}
