package io.gridside.billing.config;

import io.gridside.billing.CreditPolicy;
import io.gridside.billing.CreditTerms;
import io.gridside.site.Debt;
import io.gridside.site.SiteCalendar;
import io.gridside.site.cbor.CborException;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A gateway's {@link BillingConfig} as one document of deterministic CBOR, which the link carries as it is and
 * whose SHA-256 is the configuration's digest. Optional values are CBOR null; the calendar travels in its own file
 * form (holiday names are not kept):
 *
 * <pre>
 * { "tariff": { "tariffId": text, "currency": text,
 *     "versions": [{ "effectiveFrom": "2024-01-01T00:00", "currency": text?, "blocks": [[up to Wh?, price,
 *         lifeline]], "blockReset": "DAILY"|"MONTHLY"?, "tou": [[day type, "HH:MM", "HH:MM", price]],
 *         "standing": [period, amount, due day?]?, "minimumMonthlyMinor": int?,
 *         "charges": [[name, "TAX"|"LEVY", basis points?, price?]], "lifelinePowerLimitWatts": int? }] },
 *   "policy": [low alert hysteresis, emergency cap, reconnect, reconnect share %, grace],
 *   "calendar": text, "neverDisconnect": [customer id, sorted],
 *   "debts": [[debt id, customer id, "CONNECTION_FEE"|"APPLIANCE_LOAN", principal, share %]],
 *   "pushed": [[version number, known at (UTC instant), after ledger seq]],   (only once a version was pushed)
 *   "otherTariffs": [tariff, in tariff id order],          (these two only on a site of more than one tariff)
 *   "customerTariffs": [[customer id, tariff id], in customer id order] }
 * </pre>
 *
 * <p>"tariff" is the site's default schedule, which rates every customer "customerTariffs" does not name; a
 * version pushed late is always one of it.
 */
public final class BillingConfigDocument {

    private BillingConfigDocument() {
    }

    public static byte[] encode(BillingConfig config) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tariff", tariff(config.schedule()));
        CreditPolicy policy = config.terms().policy();
        document.put("policy", List.of(policy.lowAlertHysteresisMinor(), policy.emergencyCapMinor(),
                policy.reconnectMinor(), policy.reconnectSharePercent(), policy.graceEnabled()));
        document.put("calendar", config.terms().calendar().format());
        document.put("neverDisconnect", List.copyOf(new TreeSet<>(config.terms().neverDisconnect())));
        document.put("debts", config.terms().debts().stream()
                .map(d -> List.of(d.debtId(), d.customerId(), d.kind().name(), d.principalMinor(), d.sharePercent()))
                .toList());
        // Left out until a version is pushed, so a configuration that never had one keeps its bytes and digest.
        if (!config.pushed().isEmpty()) {
            document.put("pushed", config.pushed().stream()
                    .map(p -> List.of(p.versionNumber(), p.knownAt().toString(), p.afterSeq())).toList());
        }
        // Left out on a site of one tariff, so that its document keeps its bytes and digest.
        if (!config.otherTariffs().isEmpty()) {
            document.put("otherTariffs", config.otherTariffs().stream().map(BillingConfigDocument::tariff).toList());
            document.put("customerTariffs", config.tariffOfCustomer().entrySet().stream()
                    .map(e -> List.of(e.getKey(), e.getValue())).toList());
        }
        return DeterministicCbor.encode(document);
    }

    /** The SHA-256 of a configuration's document. */
    public static byte[] digest(byte[] document) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(document);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /**
     * The configuration a document holds.
     *
     * @throws IllegalArgumentException naming what is missing or of the wrong form
     */
    public static BillingConfig decode(byte[] document) {
        try {
            Map<?, ?> root = map(DeterministicCbor.decode(document), "the document");
            CreditTerms terms = new CreditTerms(policy(list(root.get("policy"), "policy")),
                    SiteCalendar.parse(text(root.get("calendar"), "calendar")),
                    new TreeSet<>(list(root.get("neverDisconnect"), "neverDisconnect").stream()
                            .map(id -> text(id, "neverDisconnect")).toList()),
                    list(root.get("debts"), "debts").stream().map(BillingConfigDocument::debt).toList());
            List<PushedVersion> pushed = root.get("pushed") == null ? List.of()
                    : list(root.get("pushed"), "pushed").stream().map(BillingConfigDocument::pushed).toList();
            List<TariffSchedule> others = root.get("otherTariffs") == null ? List.of()
                    : list(root.get("otherTariffs"), "otherTariffs").stream()
                            .map(t -> schedule(map(t, "a tariff"))).toList();
            Map<String, String> customers = new LinkedHashMap<>();
            if (root.get("customerTariffs") != null) {
                list(root.get("customerTariffs"), "customerTariffs").stream().map(c -> list(c, "a customer tariff"))
                        .forEach(c -> customers.put(text(c.get(0), "a customer id"), text(c.get(1), "a tariff id")));
            }
            return new BillingConfig(schedule(map(root.get("tariff"), "tariff")), terms, pushed, others, customers);
        } catch (CborException | ClassCastException | IndexOutOfBoundsException | DateTimeParseException e) {
            throw new IllegalArgumentException("The billing configuration is not well formed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> tariff(TariffSchedule schedule) {
        Map<String, Object> tariff = new LinkedHashMap<>();
        tariff.put("tariffId", schedule.tariffId());
        tariff.put("currency", schedule.currency());
        tariff.put("versions", schedule.versions().stream().map(BillingConfigDocument::version).toList());
        return tariff;
    }

    private static Map<String, Object> version(TariffVersion v) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("effectiveFrom", v.effectiveFrom() == null ? null : v.effectiveFrom().toString());
        version.put("currency", v.currency());
        version.put("blocks", v.blocks().stream().map(b -> Arrays.asList(b.upToWh(), b.price(), b.lifeline()))
                .toList());
        version.put("blockReset", v.blockReset() == null ? null : v.blockReset().name());
        version.put("tou", v.tou().stream()
                .map(t -> Arrays.asList(t.day() == null ? null : t.day().name(), t.from(), t.to(), t.price()))
                .toList());
        StandingCharge standing = v.standing();
        version.put("standing", standing == null ? null : Arrays.asList(
                standing.period() == null ? null : standing.period().name(), standing.amountMinor(),
                standing.dueDay()));
        version.put("minimumMonthlyMinor", v.minimumMonthlyMinor());
        version.put("charges", v.charges().stream().map(c -> Arrays.asList(c.name(),
                c.kind() == null ? null : c.kind().name(), c.basisPoints(), c.price())).toList());
        version.put("lifelinePowerLimitWatts", v.lifelinePowerLimitWatts());
        return version;
    }

    private static TariffSchedule schedule(Map<?, ?> tariff) {
        return new TariffSchedule(text(tariff.get("tariffId"), "tariffId"), text(tariff.get("currency"), "currency"),
                list(tariff.get("versions"), "versions").stream()
                        .map(v -> version(map(v, "a version"))).toList());
    }

    private static TariffVersion version(Map<?, ?> v) {
        Object from = v.get("effectiveFrom");
        Object reset = v.get("blockReset");
        return new TariffVersion(from == null ? null : LocalDateTime.parse(text(from, "effectiveFrom")),
                (String) v.get("currency"),
                list(v.get("blocks"), "blocks").stream().map(b -> block(list(b, "a block"))).toList(),
                reset == null ? null : Period.valueOf(text(reset, "blockReset")),
                list(v.get("tou"), "tou").stream().map(t -> band(list(t, "a band"))).toList(),
                standing(v.get("standing")), (Long) v.get("minimumMonthlyMinor"),
                list(v.get("charges"), "charges").stream().map(c -> charge(list(c, "a charge"))).toList(),
                intOrNull(v.get("lifelinePowerLimitWatts")));
    }

    private static Block block(List<?> row) {
        return new Block((Long) row.get(0), (Long) row.get(1), (Boolean) row.get(2));
    }

    private static TouBand band(List<?> row) {
        return new TouBand(row.get(0) == null ? null : DayType.valueOf((String) row.get(0)), (String) row.get(1),
                (String) row.get(2), (Long) row.get(3));
    }

    private static StandingCharge standing(Object value) {
        if (value == null) {
            return null;
        }
        List<?> row = list(value, "standing");
        return new StandingCharge(row.get(0) == null ? null : Period.valueOf((String) row.get(0)),
                (Long) row.get(1), intOrNull(row.get(2)));
    }

    private static ChargeLine charge(List<?> row) {
        return new ChargeLine((String) row.get(0),
                row.get(1) == null ? null : ChargeLine.Kind.valueOf((String) row.get(1)), (Long) row.get(2),
                (Long) row.get(3));
    }

    private static CreditPolicy policy(List<?> row) {
        return new CreditPolicy((Long) row.get(0), (Long) row.get(1), (Long) row.get(2),
                Math.toIntExact((Long) row.get(3)), (Boolean) row.get(4));
    }

    private static Debt debt(Object value) {
        List<?> row = list(value, "a debt");
        return new Debt((String) row.get(0), (String) row.get(1), Debt.Kind.valueOf((String) row.get(2)),
                (Long) row.get(3), Math.toIntExact((Long) row.get(4)));
    }

    private static PushedVersion pushed(Object value) {
        List<?> row = list(value, "a pushed version");
        return new PushedVersion(Math.toIntExact((Long) row.get(0)), Instant.parse(text(row.get(1), "knownAt")),
                (Long) row.get(2));
    }

    private static Integer intOrNull(Object value) {
        return value == null ? null : Math.toIntExact((Long) value);
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(what + " must be a map");
    }

    private static List<?> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(what + " must be an array");
    }

    private static String text(Object value, String what) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException(what + " must be text");
    }
}
