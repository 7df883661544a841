package io.gridside.console.cli;

import io.gridside.site.firmware.CampaignPolicy;
import java.math.BigDecimal;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of a meter campaign's policy; each left out takes {@link CampaignPolicy#defaults}'s value. */
final class PolicyOptions {

    /** Each field of {@link CampaignPolicy} by the option that sets it. */
    private static final Map<String, String> OPTIONS = Map.of("canaryPerGroup", "--canary-per-group",
            "firstWaveSize", "--first-wave", "waveGrowth", "--growth", "confirmPerMille",
            "--confirm-percent (per thousand)", "pausePerMille", "--pause-percent (per thousand)", "soakIntervals",
            "--soak-intervals", "attemptsPerMeter", "--attempts", "concurrency", "--concurrency");

    @Option(names = "--canary-per-group", paramLabel = "N", description = "Canary meters for each pair of hardware "
        + "revision and current version (default: 1).")
    Integer canaryPerGroup;

    @Option(names = "--first-wave", paramLabel = "N", description = "Meters of the first wave after the canary "
        + "(default: 10).")
    Integer firstWave;

    @Option(names = "--growth", paramLabel = "N", description = "How many times larger each wave is than the one "
        + "before (default: 3).")
    Integer growth;

    @Option(names = "--confirm-percent", paramLabel = "PERCENT", description = "A wave advances only when at least "
        + "this share of its meters confirmed, to a tenth of a percent (default: 98).")
    String confirmPercent;

    @Option(names = "--pause-percent", paramLabel = "PERCENT", description = "The campaign pauses itself as soon as "
        + "this share of a wave failed, to a tenth of a percent (default: 2).")
    String pausePercent;

    @Option(names = "--soak-intervals", paramLabel = "N", description = "Reading intervals a wave soaks with normal "
        + "readings before the next starts (default: 4).")
    Integer soakIntervals;

    @Option(names = "--attempts", paramLabel = "N", description = "Attempts per meter before it is set aside as "
        + "failed (default: 3).")
    Integer attempts;

    @Option(names = "--concurrency", paramLabel = "N", description = "Meters updating at once, to protect the "
        + "mesh's airtime (default: 8).")
    Integer concurrency;

    /** Whether any option was given. */
    boolean given() {
        return canaryPerGroup != null || firstWave != null || growth != null || confirmPercent != null
                || pausePercent != null || soakIntervals != null || attempts != null || concurrency != null;
    }

    /**
     * The policy the options ask for.
     *
     * @throws UsageException naming the option, when one is out of its range
     */
    CampaignPolicy policy() {
        CampaignPolicy defaults = CampaignPolicy.defaults();
        try {
            return new CampaignPolicy(or(canaryPerGroup, defaults.canaryPerGroup()),
                    or(firstWave, defaults.firstWaveSize()), or(growth, defaults.waveGrowth()),
                    perMille("--confirm-percent", confirmPercent, defaults.confirmPerMille()),
                    perMille("--pause-percent", pausePercent, defaults.pausePerMille()),
                    or(soakIntervals, defaults.soakIntervals()), or(attempts, defaults.attemptsPerMeter()),
                    or(concurrency, defaults.concurrency()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("A campaign option is out of its range: " + optionNames(e.getMessage()) + ".",
                    e);
        }
    }

    /** The policy's message with its fields named as the options that set them. */
    private static String optionNames(String message) {
        String named = message;
        for (Map.Entry<String, String> field : OPTIONS.entrySet()) {
            named = named.replace(field.getKey(), field.getValue());
        }
        return named;
    }

    private static int or(Integer value, int otherwise) {
        return value != null ? value : otherwise;
    }

    /** A percentage such as {@code 98} or {@code 99.5} as a share per thousand. */
    private static int perMille(String option, String percent, int otherwise) {
        if (percent == null) {
            return otherwise;
        }
        try {
            return new BigDecimal(percent.strip()).movePointRight(1).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UsageException(option + " takes a percentage to a tenth, such as 98 or 99.5, not " + percent
                    + ".", e);
        }
    }
}
