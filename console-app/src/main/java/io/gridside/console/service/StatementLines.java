package io.gridside.console.service;

import io.gridside.site.LedgerEntry;

/**
 * What the ledger posted to one customer over a stretch of time, line by line, in minor units: charges as the
 * positive amounts the customer paid, top-ups as the positive amounts credited, adjustments signed. Every entry
 * lands on exactly one line, so the lines add up to what the entries did to the balance.
 */
public record StatementLines(long energyMinor, long standingMinor, long taxMinor, long levyMinor,
        long minimumMinor, long debtRecoveryMinor, long topUpsMinor, long adjustmentsMinor) {

    public static final StatementLines NONE = new StatementLines(0, 0, 0, 0, 0, 0, 0, 0);

    /** These lines with {@code entry} added to the line its kind belongs to. */
    public StatementLines plus(LedgerEntry entry) {
        return plus(of(entry));
    }

    /**
     * One entry as lines: nothing but on the line its kind belongs to. A kind of entry this statement has no line
     * for (a correction a newer gateway posts) is an adjustment, and so is an opening balance given here; a
     * customer's statement leaves openings out of its days and starts from them ({@link Statements}).
     */
    public static StatementLines of(LedgerEntry entry) {
        long amount = entry.amountMinor();
        long charged = Math.negateExact(amount);
        return switch (entry.kind()) {
            case ENERGY -> new StatementLines(charged, 0, 0, 0, 0, 0, 0, 0);
            case STANDING_CHARGE -> new StatementLines(0, charged, 0, 0, 0, 0, 0, 0);
            case TAX -> new StatementLines(0, 0, charged, 0, 0, 0, 0, 0);
            case LEVY -> new StatementLines(0, 0, 0, charged, 0, 0, 0, 0);
            case MINIMUM_CHARGE -> new StatementLines(0, 0, 0, 0, charged, 0, 0, 0);
            case DEBT_RECOVERY -> new StatementLines(0, 0, 0, 0, 0, charged, 0, 0);
            case TOP_UP -> new StatementLines(0, 0, 0, 0, 0, 0, amount, 0);
            default -> new StatementLines(0, 0, 0, 0, 0, 0, 0, amount);
        };
    }

    /** These lines and {@code other}'s, line by line. */
    public StatementLines plus(StatementLines other) {
        return with(Math.addExact(energyMinor, other.energyMinor), Math.addExact(standingMinor, other.standingMinor),
                Math.addExact(taxMinor, other.taxMinor), Math.addExact(levyMinor, other.levyMinor),
                Math.addExact(minimumMinor, other.minimumMinor),
                Math.addExact(debtRecoveryMinor, other.debtRecoveryMinor),
                Math.addExact(topUpsMinor, other.topUpsMinor), Math.addExact(adjustmentsMinor, other.adjustmentsMinor));
    }

    /** Everything charged: energy, standing, tax, levy, minimum charge and debt recovery. */
    public long chargesMinor() {
        return Math.addExact(Math.addExact(Math.addExact(energyMinor, standingMinor), Math.addExact(taxMinor,
                levyMinor)), Math.addExact(minimumMinor, debtRecoveryMinor));
    }

    /** What the lines did to the balance: top-ups and adjustments less the charges. */
    public long netMinor() {
        return Math.subtractExact(Math.addExact(topUpsMinor, adjustmentsMinor), chargesMinor());
    }

    private static StatementLines with(long energy, long standing, long tax, long levy, long minimum, long debt,
            long topUps, long adjustments) {
        return new StatementLines(energy, standing, tax, levy, minimum, debt, topUps, adjustments);
    }
}
