package io.gridside.billing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which tariff rates each customer of a site whose customers are not all on one: the raters of the site's other
 * tariffs by tariff id, and the tariff of each customer on one of them. A customer it does not name is rated by the
 * engine's own rater, the site's default schedule, so a site of one tariff needs none of this and bills as before.
 */
public final class CustomerTariffs {

    /** Every customer on the site's default schedule. */
    public static final CustomerTariffs NONE = new CustomerTariffs(List.of(), Map.of());

    private final Map<String, Rater> raters;
    private final Map<String, String> tariffOfCustomer;

    /**
     * @param raters the raters of the site's tariffs other than the default, one per tariff id
     * @param tariffOfCustomer the tariff id of each customer rated by one of them
     * @throws IllegalArgumentException for a customer on a tariff none of {@code raters} has, or two raters of one id
     */
    public CustomerTariffs(List<Rater> raters, Map<String, String> tariffOfCustomer) {
        Map<String, Rater> byId = new LinkedHashMap<>();
        for (Rater rater : raters) {
            if (byId.put(rater.schedule().tariffId(), rater) != null) {
                throw new IllegalArgumentException("Tariff " + rater.schedule().tariffId() + " is given twice.");
            }
        }
        tariffOfCustomer.forEach((customerId, tariffId) -> {
            if (!byId.containsKey(tariffId)) {
                throw new IllegalArgumentException("Customer " + customerId + " is on tariff " + tariffId
                        + ", which is not among the site's tariffs " + byId.keySet() + ".");
            }
        });
        this.raters = Map.copyOf(byId);
        this.tariffOfCustomer = Map.copyOf(new TreeMap<>(tariffOfCustomer));
    }

    /** The rater of the customer's tariff, or {@code defaultRater} for a customer on the site's default. */
    public Rater raterOf(String customerId, Rater defaultRater) {
        String tariffId = tariffOfCustomer.get(customerId);
        return tariffId == null ? defaultRater : raters.get(tariffId);
    }

    /** The raters of the tariffs besides the default, in no particular order. */
    public List<Rater> raters() {
        return List.copyOf(raters.values());
    }

    /** Whether a tariff besides the default has the id {@code tariffId}. */
    public boolean has(String tariffId) {
        return raters.containsKey(tariffId);
    }

    /** These tariffs with {@code rater} in place of the one of its tariff id, which must be among them. */
    public CustomerTariffs with(Rater rater) {
        Map<String, Rater> replaced = new LinkedHashMap<>(raters);
        if (replaced.put(rater.schedule().tariffId(), rater) == null) {
            throw new IllegalArgumentException("The site has no tariff " + rater.schedule().tariffId() + ".");
        }
        return new CustomerTariffs(List.copyOf(replaced.values()), tariffOfCustomer);
    }

    /**
     * Whether a version pushed to tariff {@code tariffId} re-rates the customer: one on that tariff, or one on the
     * default when no other tariff has that id (a push always goes to the default then, as on a site of one tariff).
     */
    public boolean pushReaches(String customerId, String tariffId) {
        String own = tariffOfCustomer.get(customerId);
        return own != null ? own.equals(tariffId) : !raters.containsKey(tariffId);
    }
}
