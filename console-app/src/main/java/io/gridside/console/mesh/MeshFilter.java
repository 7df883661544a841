package io.gridside.console.mesh;

import io.gridside.console.I18n;
import io.gridside.site.CreditState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which radios the mesh view shows at full strength, written as a few conditions that must all hold, such as
 * {@code hops>=3 credit=disconnected}, {@code firmware=mt-1.8.0} or {@code online=no}; the other radios are dimmed.
 *
 * <p>Conditions are separated by spaces or commas. Each names a fact ({@code hops}, {@code traffic}, {@code credit},
 * {@code firmware}, {@code online}, {@code customer}, {@code meter}), a comparison ({@code = != < <= > >=}; the
 * last four only for numbers) and a value. Text compares without regard to case. The gateway always passes. A meter
 * without a route has hops -1 and one of unknown traffic has traffic -1: {@code hops=-1} finds the first, and no
 * ordering ({@code <}, {@code >=}, ...) ever passes either.
 */
public final class MeshFilter {

    /** The filter that passes every radio. */
    public static final MeshFilter NONE = new MeshFilter("", List.of());

    private static final Pattern CONDITION = Pattern.compile("([a-zA-Z]+)\\s*(!=|<=|>=|=|<|>)\\s*([^\\s,]+)");

    private final String text;
    private final List<Condition> conditions;

    private MeshFilter(String text, List<Condition> conditions) {
        this.text = text;
        this.conditions = List.copyOf(conditions);
    }

    /**
     * The filter {@code text} writes; blank text passes everything.
     *
     * @throws IllegalArgumentException with a sentence for the technician when the text is not a filter
     */
    public static MeshFilter parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return NONE;
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : trimmed.replaceAll("\\s*(!=|<=|>=|=|<|>)\\s*", "$1").split("[\\s,]+")) {
            Matcher matcher = CONDITION.matcher(part);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(I18n.text("mesh.filter.bad", part));
            }
            conditions.add(condition(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2), matcher.group(3)));
        }
        return new MeshFilter(trimmed, conditions);
    }

    /** The text the filter was written as. */
    public String text() {
        return text;
    }

    /** Whether the filter passes every radio. */
    public boolean passesAll() {
        return conditions.isEmpty();
    }

    /** Whether radio {@code node} meets every condition; the gateway always does. */
    public boolean matches(MeshFacts facts, int node) {
        if (node == facts.graph().gateway()) {
            return true;
        }
        return conditions.stream().allMatch(condition -> condition.test(facts, node));
    }

    private static Condition condition(String fact, String comparison, String value) {
        return switch (fact) {
            case "hops", "hop" -> number(comparison, value, fact, (facts, node) -> facts.hops(node));
            case "traffic" -> number(comparison, value, fact, MeshFacts::traffic);
            case "credit", "state" -> text(comparison, creditState(value), fact,
                    (facts, node) -> facts.creditState(node) == null ? null : facts.creditState(node).name());
            case "firmware", "fw" -> text(comparison, value, fact, MeshFacts::firmware);
            case "online" -> text(comparison, Boolean.toString(yes(value)), fact,
                    (facts, node) -> Boolean.toString(facts.online(node)));
            case "customer" -> text(comparison, value, fact, MeshFacts::customerId);
            case "meter", "id" -> text(comparison, value, fact, MeshFacts::meterId);
            default -> throw new IllegalArgumentException(I18n.text("mesh.filter.fact", fact));
        };
    }

    private static Condition number(String comparison, String value, String fact, NumberFact read) {
        long wanted;
        try {
            wanted = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.text("mesh.filter.number", fact, value), e);
        }
        return (facts, node) -> {
            long actual = read.of(facts, node);
            if (actual < 0 && !comparison.equals("=") && !comparison.equals("!=")) {
                // -1 is "unknown" (traffic) or "no route" (hops): no order holds for it, only (in)equality.
                return false;
            }
            return switch (comparison) {
                case "=" -> actual == wanted;
                case "!=" -> actual != wanted;
                case "<" -> actual < wanted;
                case "<=" -> actual <= wanted;
                case ">" -> actual > wanted;
                default -> actual >= wanted;
            };
        };
    }

    private static Condition text(String comparison, String value, String fact, TextFact read) {
        if (!comparison.equals("=") && !comparison.equals("!=")) {
            throw new IllegalArgumentException(I18n.text("mesh.filter.textComparison", fact, comparison));
        }
        boolean equal = comparison.equals("=");
        return (facts, node) -> {
            String actual = read.of(facts, node);
            return (actual != null && actual.equalsIgnoreCase(value)) == equal;
        };
    }

    private static String creditState(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (CreditState state : CreditState.values()) {
            if (state.name().equals(upper) || state.name().startsWith(upper) && upper.length() >= 3) {
                return state.name();
            }
        }
        throw new IllegalArgumentException(I18n.text("mesh.filter.credit", value,
                Arrays.toString(CreditState.values()).toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether {@code value} says yes: in English, as the examples and the command line write it, or in the language
     * in use ({@code online=non} in French).
     */
    private static boolean yes(String value) {
        String typed = value.toLowerCase(I18n.locale());
        if (typed.equals(I18n.text("mesh.filter.yes").toLowerCase(I18n.locale()))) {
            return true;
        }
        if (typed.equals(I18n.text("mesh.filter.no").toLowerCase(I18n.locale()))) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "on" -> true;
            case "no", "n", "false", "0", "off" -> false;
            default -> throw new IllegalArgumentException(I18n.text("mesh.filter.yesNo", value,
                    I18n.text("mesh.filter.yes"), I18n.text("mesh.filter.no")));
        };
    }

    @Override
    public String toString() {
        return text;
    }

    @FunctionalInterface
    private interface Condition {
        boolean test(MeshFacts facts, int node);
    }

    @FunctionalInterface
    private interface NumberFact {
        long of(MeshFacts facts, int node);
    }

    @FunctionalInterface
    private interface TextFact {
        String of(MeshFacts facts, int node);
    }
}
