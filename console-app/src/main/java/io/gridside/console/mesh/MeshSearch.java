package io.gridside.console.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds radios by what a technician has in hand: a meter id, a customer's id or name, or a serial number, any part
 * of it, without regard to case.
 */
public final class MeshSearch {

    private MeshSearch() {
    }

    /**
     * The radios whose meter id, customer id, customer name or serial contains {@code text}, best first: an exact
     * match of an id or serial before a partial one, then in graph order. Blank text finds nothing.
     */
    public static int[] find(MeshFacts facts, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return new int[0];
        }
        List<Integer> exact = new ArrayList<>();
        List<Integer> partial = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            String[] fields = {facts.meterId(i), facts.customerId(i), facts.customerName(i), facts.serial(i)};
            boolean isExact = false;
            boolean contains = false;
            for (String field : fields) {
                if (field != null) {
                    String lower = field.toLowerCase(Locale.ROOT);
                    isExact |= lower.equals(wanted);
                    contains |= lower.contains(wanted);
                }
            }
            if (isExact) {
                exact.add(i);
            } else if (contains) {
                partial.add(i);
            }
        }
        exact.addAll(partial);
        return exact.stream().mapToInt(Integer::intValue).toArray();
    }
}
