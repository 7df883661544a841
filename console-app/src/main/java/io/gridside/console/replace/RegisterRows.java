package io.gridside.console.replace;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.replace.ReplaceGatewayViewModel.RegisterRow;
import io.gridside.console.service.GatewayReplacing.RegistersReview;
import io.gridside.console.service.Reconciled;
import io.gridside.link.message.RegistersRead;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meters' registers as the technician reviews them before the post, and the warnings of the stale and unread
 * ones, worded as the command line words them.
 */
final class RegisterRows {

    private RegisterRows() {
    }

    /** One row per meter of the replica, in the reconciliation's order, with its register and gap. */
    static List<RegisterRow> of(RegistersReview review, ZoneId zone) {
        Map<String, RegistersRead.Register> read = new HashMap<>();
        review.registers().registers().forEach(register -> read.put(register.meterId(), register));
        Reconciled preview = review.preview();
        List<RegisterRow> rows = new ArrayList<>();
        for (Reconciled.Row row : preview.rows()) {
            Optional<RegistersRead.Register> register = Optional.ofNullable(read.get(row.meterId()));
            rows.add(new RegisterRow(row.customerId(), row.meterId(),
                    register.map(r -> Formats.kwh(r.registerWh())).orElse(""),
                    register.map(r -> Formats.siteTime(r.at(), zone)).orElse(""), state(preview, row),
                    gap(preview, row)));
        }
        return rows;
    }

    /** The meter's register in words: read, stale with its code, or unread with its code. */
    static String state(Reconciled reconciled, Reconciled.Row row) {
        if (row.unread()) {
            return ReplaceTexts.text("review.unread");
        }
        return stale(reconciled, row) ? ReplaceTexts.text("review.stale") : ReplaceTexts.text("review.read");
    }

    /** The gap's energy in kWh, or what stands in its place for an unread or stale register. */
    static String gap(Reconciled reconciled, Reconciled.Row row) {
        if (row.unread()) {
            return ReplaceTexts.text("result.unreadCell");
        }
        return stale(reconciled, row) ? ReplaceTexts.text("result.staleCell") : Formats.kwh(row.gapEnergyWh());
    }

    /** A sentence for each stale register (the command line's own) and each unread meter. */
    static List<String> warnings(Reconciled reconciled, ZoneId zone) {
        List<String> warnings = new ArrayList<>();
        reconciled.staleRegisters().forEach(stale -> warnings.add(I18n.text("replace.staleRegister",
                stale.meterId(), stale.customerId(), Formats.siteTime(stale.at(), zone),
                Formats.siteTime(stale.replicaReadingEnd(), zone), Formats.kwh(stale.registerWh()),
                Formats.kwh(stale.replicaRegisterWh()))));
        reconciled.noStartKnown().forEach(meterId -> warnings.add(I18n.text("replace.noGapStart", meterId,
                reconciled.customerOfMeter(meterId))));
        reconciled.rows().stream().filter(Reconciled.Row::unread).forEach(row -> warnings.add(
                ReplaceTexts.text("result.unread", row.meterId(), row.customerId())));
        return warnings;
    }

    private static boolean stale(Reconciled reconciled, Reconciled.Row row) {
        return reconciled.staleRegisters().stream().anyMatch(s -> s.meterId().equals(row.meterId()));
    }
}
