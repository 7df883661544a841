package io.gridside.console.replay;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.service.DiagnosisWords;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import io.gridside.site.replay.RelayHold;
import io.gridside.site.replay.SiteState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the Replay screen writes for a person: an outage's evidence, a duration, the site's state in a line. */
final class ReplayTexts {

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    private ReplayTexts() {
    }

    /** The name a person reads for {@code zone} at {@code at}, as the outages' times write it: "EAT". */
    static String zoneName(ZoneId zone, Instant at) {
        return ZONE_NAME.format(at.atZone(zone));
    }

    /**
     * The state line at {@code at} of {@code window}: before the history held begins it says so rather than count
     * meters nobody heard of yet; after the last event held it says the site is shown as it last stood.
     */
    static String stateLine(ReplayWindow window, Instant at, SiteState state) {
        if (window.beforeHistory(at)) {
            return I18n.text("replay.summary.beforeHistory", Formats.siteTime(window.historyStart(), window.zone()));
        }
        if (window.afterHistory(at)) {
            return I18n.text("replay.summary.afterHistory", Formats.siteTime(window.historyEnd(), window.zone()),
                    summary(state));
        }
        return summary(state);
    }

    /** The outage's evidence and competing explanations, as lines a technician reads. */
    static String details(Outage outage, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(I18n.text("replay.outage.title", cause(outage.cause()), Formats.siteTime(outage.start(), zone),
                duration(outage.duration()), outage.meterCount()));
        if (!outage.feeders().isEmpty()) {
            lines.add(I18n.text("replay.outage.feeders", String.join(", ", outage.feeders())));
        }
        lines.add(I18n.text("replay.outage.evidence"));
        for (Evidence evidence : outage.evidence()) {
            lines.add("  \u2022 " + DiagnosisWords.evidence(evidence));
        }
        if (!outage.competing().isEmpty()) {
            lines.add(I18n.text("replay.outage.competing"));
            for (Outage.Competing competing : outage.competing()) {
                lines.add("  \u2022 " + cause(competing.cause()) + ": " + DiagnosisWords.why(competing));
            }
        }
        return String.join("\n", lines);
    }

    /** What an outage's cause is called in the language in use, such as "power outage". */
    static String cause(OutageCause cause) {
        return I18n.text("replay.cause." + cause.code());
    }

    /** A duration as a person reads it: "1 h 30 min", "45 s". */
    static String duration(Duration duration) {
        return Formats.duration(duration);
    }

    /** How many meters had power, could talk and were held off, and how the gateway and the plant stood. */
    static String summary(SiteState state) {
        int held = 0;
        for (int i = 0; i < state.meterIds().size(); i++) {
            held += state.relay(i) == RelayHold.NONE ? 0 : 1;
        }
        SiteState.Plant plant = state.plant();
        List<String> plantNotes = new ArrayList<>();
        plantNotes.add(I18n.text(plant.gatewayUp() ? "replay.plant.gatewayUp" : "replay.plant.gatewayDown"));
        plantNotes.add(I18n.text(plant.backhaulUp() ? "replay.plant.backhaulUp" : "replay.plant.backhaulDown"));
        if (plant.batteryLow()) {
            plantNotes.add(I18n.text("replay.plant.batteryLow"));
        }
        if (plant.inverterTripped()) {
            plantNotes.add(I18n.text("replay.plant.inverterTripped"));
        }
        if (plant.generatorFailed()) {
            plantNotes.add(I18n.text("replay.plant.generatorFailed"));
        }
        if (!plant.sheddingFeeders().isEmpty()) {
            plantNotes.add(I18n.text("replay.plant.shedding", String.join(", ", plant.sheddingFeeders())));
        }
        if (plant.interference()) {
            plantNotes.add(I18n.text("replay.plant.interference"));
        }
        return I18n.text("replay.summary", state.poweredCount(), state.meterIds().size(), state.talkingCount(), held,
                String.join(", ", plantNotes));
    }
}
