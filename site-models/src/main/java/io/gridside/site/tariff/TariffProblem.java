package io.gridside.site.tariff;

/**
 * One reason a tariff cannot be used.
 *
 * @param field where in the tariff, as a path such as {@code versions[1].tou[2].to}
 */
public record TariffProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
