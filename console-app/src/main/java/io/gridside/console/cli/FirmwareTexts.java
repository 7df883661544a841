package io.gridside.console.cli;

import io.gridside.link.message.FirmwareState;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.Reading;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the firmware commands print plans, campaigns and installs for a person. */
final class FirmwareTexts {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private FirmwareTexts() {
    }

    /** An install's outcome and the health checks of its trial boot, its time to the second in {@code zone}. */
    static void printOutcome(PrintWriter out, FirmwareState.Outcome outcome, ZoneId zone) {
        out.printf("%s %s on the gateway at %s%s%n", outcome.version(), outcome.confirmed() ? "confirmed" : "reverted",
                time(outcome.at(), zone), outcome.confirmed() ? "." : ": " + outcome.reason());
        for (FirmwareState.HealthCheck check : outcome.checks()) {
            out.printf("  %-6s %-14s %s%n", check.passed() ? "passed" : "FAILED", check.name(), check.detail());
        }
    }

    /** A time for a person: to the second, in the site's zone, with the zone's name. */
    static String time(Instant at, ZoneId zone) {
        return at == null ? "-" : SITE_TIME.format(at.atZone(zone));
    }

    /** {@code 1 meter}, {@code 3 meters}. */
    static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** A campaign's policy in a line, its shares in percent. */
    static String policy(CampaignPolicy policy) {
        return "canary " + policy.canaryPerGroup() + " per group, first wave " + policy.firstWaveSize()
                + ", growth x" + policy.waveGrowth() + ", advance at " + percent(policy.confirmPerMille())
                + " confirmed, pause at " + percent(policy.pausePerMille()) + " failed, soak "
                + count(policy.soakIntervals(), "interval", "intervals") + ", "
                + count(policy.attemptsPerMeter(), "attempt", "attempts") + " per meter, "
                + policy.concurrency() + " at once";
    }

    /** A share per thousand as a percentage: {@code 98%}, {@code 99.5%}. */
    static String percent(int perMille) {
        return BigDecimal.valueOf(perMille, 1).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * The policy, a plan's waves (number, size, hop range, hardware mix) and the meters it leaves out, with why.
     */
    static void printPlan(PrintWriter out, CampaignPlan plan, List<FleetMeter> fleet, CampaignPolicy policy) {
        Map<String, FleetMeter> byId = fleet.stream().collect(Collectors.toMap(FleetMeter::meterId,
                Function.identity(), (a, b) -> a));
        out.printf("Plan: %s in %s, %d left out.%n", count(plan.meterCount(), "meter", "meters"),
                count(plan.waves().size(), "wave", "waves"), plan.excluded().size());
        out.printf("Policy: %s.%n", policy(policy));
        out.printf("  %-6s %5s  %-9s %s%n", "wave", "size", "hops", "hardware");
        for (int number = 0; number < plan.waves().size(); number++) {
            List<FleetMeter> wave = plan.waves().get(number).stream().map(byId::get).toList();
            out.printf("  %-6s %5d  %-9s %s%n", number == 0 ? "canary" : Integer.toString(number), wave.size(),
                    hops(wave), mix(wave));
        }
        Map<String, Long> reasons = new TreeMap<>(plan.excluded().values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        reasons.forEach((reason, many) -> out.printf("  left out: %s: %s%n", count(many, "meter", "meters"),
                reason));
    }

    /** The range of hop depths of a wave's meters, and how many have no route. */
    static String hops(List<FleetMeter> wave) {
        int min = wave.stream().filter(FleetMeter::reachable).mapToInt(FleetMeter::hops).min().orElse(-1);
        int max = wave.stream().filter(FleetMeter::reachable).mapToInt(FleetMeter::hops).max().orElse(-1);
        long unrouted = wave.stream().filter(meter -> !meter.reachable()).count();
        String range = min < 0 ? "" : min == max ? Integer.toString(min) : min + "-" + max;
        return unrouted == 0 ? range : (range.isEmpty() ? "" : range + ",") + unrouted + " none";
    }

    /** How many meters of each hardware revision a wave holds, such as {@code mtr-r2 x3, mtr-r3 x1}. */
    static String mix(List<FleetMeter> wave) {
        Map<String, Long> counts = new TreeMap<>(wave.stream()
                .collect(Collectors.groupingBy(FleetMeter::hardwareId, Collectors.counting())));
        return counts.entrySet().stream().map(entry -> entry.getKey() + " x" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A campaign's status and, per wave, how many of its meters stand where. */
    static void printCampaign(PrintWriter out, CampaignState campaign) {
        out.printf("Campaign %s of %s: %s%s%n", campaign.campaignId(), campaign.version(),
                campaign.status().name().toLowerCase(Locale.ROOT),
                campaign.reason().isEmpty() ? "" : ": " + campaign.reason());
        out.printf("  %-6s %-8s %5s %9s %11s %7s %11s %8s %6s %11s%n", "wave", "status", "size", "confirmed",
                "in progress", "pending", "unreachable", "deferred", "failed", "not updated");
        for (CampaignState.Wave wave : campaign.waves()) {
            printWave(out, wave.number() == 0 ? "canary" : Integer.toString(wave.number()),
                    wave.status().name().toLowerCase(Locale.ROOT), wave.size(), campaign.countsOf(wave.number()));
        }
        printWave(out, "all", "", campaign.meters().size(), campaign.counts());
    }

    /**
     * What a technician waiting on a running campaign is told: the gateway moves it on only at the end of each
     * quarter hour, and when it next will (the first quarter hour's end after {@code gatewayNow}, or after the
     * campaign's last change should that be later), and until when each soaking wave soaks; times of day in
     * {@code zone}, the site's.
     */
    static void printTiming(PrintWriter out, CampaignState campaign, Instant gatewayNow, ZoneId zone) {
        if (campaign.status() != CampaignStatus.RUNNING) {
            return;
        }
        Instant after = gatewayNow.isAfter(campaign.updated()) ? gatewayNow : campaign.updated();
        Instant next = Reading.intervalStartOf(after).plus(Reading.INTERVAL);
        out.printf("  The gateway moves campaigns on at each quarter hour; next at %s.%n", timeOfDay(next, zone));
        for (CampaignState.Wave wave : campaign.waves()) {
            if (wave.status() == WaveStatus.SOAKING && wave.soakUntil() != null) {
                out.printf("  %s soaks until %s: its readings must stay normal until then.%n", wave.number() == 0
                        ? "The canary" : "Wave " + wave.number(), timeOfDay(wave.soakUntil(), zone));
            }
        }
    }

    private static String timeOfDay(Instant at, ZoneId zone) {
        return TIME_OF_DAY.format(at.atZone(zone));
    }

    private static void printWave(PrintWriter out, String name, String status, int size,
            Map<MeterUpdateStatus, Integer> counts) {
        out.printf("  %-6s %-8s %5d %9d %11d %7d %11d %8d %6d %11d%n", name, status, size,
                counts.get(MeterUpdateStatus.CONFIRMED), inProgress(counts), counts.get(MeterUpdateStatus.PENDING),
                counts.get(MeterUpdateStatus.UNREACHABLE), counts.get(MeterUpdateStatus.DEFERRED),
                counts.get(MeterUpdateStatus.FAILED), counts.get(MeterUpdateStatus.NOT_UPDATED));
    }

    /** Meters receiving the image or rebooting into it. */
    static int inProgress(Map<MeterUpdateStatus, Integer> counts) {
        return counts.get(MeterUpdateStatus.TRANSFERRING) + counts.get(MeterUpdateStatus.INSTALLING);
    }
}
