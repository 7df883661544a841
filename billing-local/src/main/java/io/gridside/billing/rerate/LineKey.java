package io.gridside.billing.rerate;

import io.gridside.billing.Charge;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One charge line of a customer's day: the energy, the standing charge, the minimum charge, or a tax or levy by
 * its name. Its label ({@code energy}, {@code standing}, {@code minimum}, {@code tax:VAT}, {@code levy:REA}) is
 * how an adjustment's reference names the line it corrects.
 */
public record LineKey(EntryKind kind, String name) implements Comparable<LineKey> {

    public static final LineKey ENERGY = new LineKey(EntryKind.ENERGY, "");
    public static final LineKey STANDING = new LineKey(EntryKind.STANDING_CHARGE, "");
    public static final LineKey MINIMUM = new LineKey(EntryKind.MINIMUM_CHARGE, "");

    private static final Comparator<LineKey> ORDER =
            Comparator.comparing(LineKey::kind).thenComparing(LineKey::name);

    public LineKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        boolean named = kind == EntryKind.TAX || kind == EntryKind.LEVY;
        boolean rated = named || kind == EntryKind.ENERGY || kind == EntryKind.STANDING_CHARGE
                || kind == EntryKind.MINIMUM_CHARGE;
        if (!rated || named == name.isEmpty()) {
            throw new IllegalArgumentException("A charge line is energy, standing or minimum without a name, or "
                    + "a tax or levy with one; not " + kind + " '" + name + "'.");
        }
    }

    /** The line a charge of rating posts to. */
    public static LineKey of(Charge charge) {
        return of(charge.kind(), charge.reference()).orElseThrow();
    }

    /**
     * The line a ledger entry posts to: its kind's for a charge, the one its reference names for an adjustment,
     * none for an opening, a top-up or a debt recovery, which rating does not post.
     *
     * @throws IllegalArgumentException for an adjustment whose reference names no line
     */
    public static Optional<LineKey> of(LedgerEntry entry) {
        if (entry.kind() == EntryKind.ADJUSTMENT) {
            return Optional.of(Adjustment.lineOf(entry));
        }
        return of(entry.kind(), entry.reference());
    }

    private static Optional<LineKey> of(EntryKind kind, String reference) {
        return switch (kind) {
            case ENERGY -> Optional.of(ENERGY);
            case STANDING_CHARGE -> Optional.of(STANDING);
            case MINIMUM_CHARGE -> Optional.of(MINIMUM);
            case TAX, LEVY -> Optional.of(new LineKey(kind, reference.substring(reference.indexOf(' ') + 1)));
            default -> Optional.empty();
        };
    }

    /**
     * The line a label names.
     *
     * @throws IllegalArgumentException when the label names no line
     */
    public static LineKey parse(String label) {
        switch (label) {
            case "energy":
                return ENERGY;
            case "standing":
                return STANDING;
            case "minimum":
                return MINIMUM;
            default:
                break;
        }
        if (label.startsWith("tax:") && label.length() > 4) {
            return new LineKey(EntryKind.TAX, label.substring(4));
        }
        if (label.startsWith("levy:") && label.length() > 5) {
            return new LineKey(EntryKind.LEVY, label.substring(5));
        }
        throw new IllegalArgumentException("'" + label + "' names no charge line: energy, standing, minimum, "
                + "tax:NAME or levy:NAME.");
    }

    public String label() {
        return switch (kind) {
            case ENERGY -> "energy";
            case STANDING_CHARGE -> "standing";
            case MINIMUM_CHARGE -> "minimum";
            case TAX -> "tax:" + name;
            default -> "levy:" + name;
        };
    }

    @Override
    public int compareTo(LineKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return label();
    }
}
