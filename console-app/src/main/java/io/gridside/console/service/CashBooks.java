package io.gridside.console.service;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cash.CashUp;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The gateway's cash book as the console reads it: one site day's receipts and voids, the cash-up of any
 * technician who took cash that day, and the references the console offers for a new top-up.
 */
public final class CashBooks {

    private static final DateTimeFormatter REFERENCE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Random RANDOM = new SecureRandom();

    /**
     * The cash book's lines of one site day: the day's receipts and the day's voids of every technician.
     *
     * @param zone the site's time zone, which the day and each line's time of day are in
     * @param currency the site's currency, which every line carries
     */
    public record Day(LocalDate day, ZoneId zone, String currency, List<CashBookLine> lines) {

        public Day {
            lines = List.copyOf(lines);
        }

        /** The cash-up that {@code technicianId} owes for the day: the receipts less the voids made that day. */
        public CashUp cashUp(String technicianId) {
            return CashUp.of(lines, technicianId, day, zone, currency);
        }

        /** The technicians with a receipt or a void on the day, sorted. */
        public List<String> technicians() {
            return lines.stream().map(CashBookLine::technicianId).distinct().sorted().toList();
        }
    }

    private CashBooks() {
    }

    /**
     * Pulls the cash book's lines of the site day {@code day} from the gateway; a day left null is the gateway's
     * today.
     */
    public static Day day(GatewayClient client, LocalDate day, CancelSignal cancel) throws LinkException {
        ZoneId zone = ZoneId.of(client.hello().timeZone());
        LocalDate date = day != null ? day : LocalDate.ofInstant(client.lastGatewayClock(), zone);
        List<CashBookLine> book = new ArrayList<>();
        client.billing().cashBook(date, date, (lines, received, total) -> book.addAll(lines), cancel);
        return new Day(date, zone, client.hello().currency(), book);
    }

    /**
     * A fresh payment reference for cash taken at {@code at}: the site time to the second, then random hex, so two
     * laptops never make the same one. The technician keeps it until the receipt is shown, so asking again after
     * a dropped link credits nothing twice.
     */
    public static String newReference(Instant at, ZoneId zone) {
        byte[] random = new byte[2];
        RANDOM.nextBytes(random);
        return "CASH-" + REFERENCE_TIME.format(at.atZone(zone)) + "-" + HexFormat.of().withUpperCase()
                .formatHex(random);
    }
}
