package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One batch of the roster stream: customers with their meters.
 *
 * <p>Schema 2 added each entry's {@code feeder}, which an entry leaves out when the gateway does not know it: an
 * entry without it is written exactly as schema 1 wrote it, and read with a feeder of null. A gateway sends feeders
 * only to a console that asked for them ({@link GetRoster#feeders()}), and a console of schema 1 ignores the field
 * as it ignores any field it does not know.
 *
 * @param total how many entries the whole roster holds
 */
public record RosterBatch(List<Entry> entries, long total) implements Message {

    /**
     * A customer, the meter installed at their premises, and the low-voltage feeder that supplies it.
     *
     * @param feeder the name of the feeder out of the powerhouse that supplies the meter, as the site's wiring plan
     *     names it (1-16 printable ASCII characters with no space at either end, such as {@code F2}), or null when
     *     the gateway does not say
     */
    public record Entry(Customer customer, Meter meter, @JsonInclude(JsonInclude.Include.NON_NULL) String feeder) {

        /** A feeder's name: printable ASCII, no space at either end. */
        private static final Pattern FEEDER = Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]{0,14}[\\x21-\\x7e])?");

        public Entry {
            if (feeder != null && !FEEDER.matcher(feeder).matches()) {
                throw new IllegalArgumentException("feeder must be 1-16 printable ASCII characters with no space at "
                        + "either end, or null, was '" + feeder + "'");
            }
        }

        /** An entry whose feeder the gateway does not say, as gateways before feeders report. */
        public Entry(Customer customer, Meter meter) {
            this(customer, meter, null);
        }

        /** The entry's fields as the codec reads them once the feeder is there, null or not. */
        private record Fields(Customer customer, Meter meter, String feeder) {
        }

        /** Reads the fields as the codec decodes them: an entry of schema 1 has no feeder, and is read with null. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Entry fromTree(ObjectNode tree) {
            tree.putIfAbsent("feeder", tree.nullNode());
            Fields fields = MessageCodec.convert(tree, Fields.class);
            return new Entry(fields.customer(), fields.meter(), fields.feeder());
        }

        /** This entry as a gateway sends it to a console that did not ask for feeders. */
        public Entry withoutFeeder() {
            return new Entry(customer, meter, null);
        }
    }

    public RosterBatch {
        entries = List.copyOf(entries);
    }

    /** This batch as a gateway answers a console that did not ask for feeders. */
    public RosterBatch withoutFeeders() {
        return new RosterBatch(entries.stream().map(Entry::withoutFeeder).toList(), total);
    }
}
