package io.gridside.console.cli;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.RosterBatch;
import io.gridside.site.Meter;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.MeterSerial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a meter named on the command line by its id (what the gateway calls it, such as {@code M00003}) or by the
 * serial on its label (what the technician has in front of them at the house, typed or scanned), and answers the
 * meter's id. A site commissioned offline names its meters by id only once it went live, so both must do.
 */
final class MeterNames {

    private MeterNames() {
    }

    /**
     * The id of the meter {@code given} names among {@code meters}: itself when it is a meter's id, the id of the
     * meter of that serial when it is a serial one of them carries, and itself otherwise (for whoever checks it
     * next to refuse).
     *
     * @throws RefusedException {@code SERIAL_CHECK_DIGIT} when it is neither and reads as a serial with a wrong
     *     check digit
     */
    static String meterId(String given, List<Meter> meters) {
        if (given == null || meters.stream().anyMatch(meter -> meter.meterId().equals(given))) {
            return given;
        }
        Optional<Meter> labelled = ofSerial(given, meters);
        if (labelled.isPresent()) {
            return labelled.get().meterId();
        }
        refuseMistypedSerial(given);
        return given;
    }

    /** The meter among {@code meters} whose serial {@code given} is, typed or scanned; empty when none is. */
    static Optional<Meter> ofSerial(String given, List<Meter> meters) {
        String serial = serialOrNull(given);
        if (serial == null) {
            return Optional.empty();
        }
        return meters.stream().filter(meter -> meter.serial().equals(serial)).findFirst();
    }

    /**
     * The id of the meter {@code given} names on the gateway of {@code client}. Only text that reads as a serial
     * costs a look at the gateway's roster; a meter id goes to the gateway as it is.
     */
    static String meterId(GatewayClient client, String given) throws LinkException {
        if (serialOrNull(given) == null && !mistypedSerial(given)) {
            return given;
        }
        List<Meter> meters = new ArrayList<>();
        client.roster((batch, received, total) -> batch.stream().map(RosterBatch.Entry::meter).forEach(meters::add),
                CancelSignal.NEVER);
        return meterId(given, meters);
    }

    /**
     * Refuses text that reads as a serial but for its check digit, as commissioning does: the gateway would answer
     * it as an unknown customer or meter, which sends the technician looking for the wrong mistake.
     *
     * @throws RefusedException with {@link CommissionRefusal#SERIAL_CHECK_DIGIT}
     */
    private static void refuseMistypedSerial(String given) {
        try {
            MeterSerial.fromScan(given);
        } catch (CommissionRefusal refusal) {
            if (CommissionRefusal.SERIAL_CHECK_DIGIT.equals(refusal.code())) {
                throw new RefusedException(refusal.getMessage(), refusal, refusal.code());
            }
        }
    }

    /** Whether {@code given} reads as a serial whose check digit is wrong. */
    private static boolean mistypedSerial(String given) {
        try {
            refuseMistypedSerial(given);
            return false;
        } catch (RefusedException mistyped) {
            return true;
        }
    }

    private static String serialOrNull(String given) {
        try {
            return given == null ? null : MeterSerial.fromScan(given);
        } catch (CommissionRefusal notASerial) {
            return null;
        }
    }
}
