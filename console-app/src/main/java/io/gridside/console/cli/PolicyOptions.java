package io.gridside.console.cli;

import io.gridside.site.firmware.CampaignPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of a meter campaign's policy; each left out takes {@link CampaignPolicy#defaults}'s value. */
final class PolicyOptions {

    /** Each field of {@link CampaignPolicy} by the option that sets it. */
    private static final Map<String, String> OPTIONS = Map.of("canaryPerGroup", "--canary-per-group",
            "firstWaveSize", "--first-wave", "waveGrowth", "--growth", "confirmPerMille",
            "--confirm-percent", "pausePerMille", "--pause-percent", "soakIntervals",
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
        checkPercent("--confirm-percent", confirmPercent);
        checkPercent("--pause-percent", pausePercent);
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

    /** A percentage option is from 0.1 to 100, said in percent rather than in the policy's per thousand. */
    private static void checkPercent(String option, String percent) {
        if (percent != null) {
            int perMille = perMille(option, percent, 0);
            if (perMille < 1 || perMille > 1000) {
                throw new UsageException(option + " is a percentage from 0.1 to 100, not " + percent.strip() + ".");
            }
        }
    }

    /**
     * Warnings, one line each for stderr, when the shares confirm and pause leave no room between them: above 100
     * together, a wave that failed less than the pause share may still never confirm enough, so it neither
     * advances nor pauses; with fewer than half confirmed to advance, or more than half failed to pause, waves go on
     * over meters that failed. Such a policy is allowed; the warning says what it does.
     */
    static List<String> warnings(CampaignPolicy policy) {
        List<String> warnings = new ArrayList<>();
        int confirm = policy.confirmPerMille();
        int pause = policy.pausePerMille();
        if (confirm + pause > 1000) {
            warnings.add("gridside: warning: --confirm-percent " + FirmwareTexts.percent(confirm) + " and "
                    + "--pause-percent " + FirmwareTexts.percent(pause) + " add up to more than 100%: a wave with "
                    + "fewer than " + FirmwareTexts.percent(pause) + " failed but more than "
                    + FirmwareTexts.percent(1000 - confirm) + " not confirmed neither advances nor pauses, and waits "
                    + "for a technician.");
        }
        if (confirm < 500 || pause > 500) {
            warnings.add("gridside: warning: with --confirm-percent " + FirmwareTexts.percent(confirm) + " and "
                    + "--pause-percent " + FirmwareTexts.percent(pause) + ", a wave advances or keeps going while "
                    + "most of its meters have not confirmed the image; the defaults are 98 and 2.");
        }
        return warnings;
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
