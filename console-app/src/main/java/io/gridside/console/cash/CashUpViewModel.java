package io.gridside.console.cash;

import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.service.CashBooks;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cash.CashUp;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A technician's cash-up of one site day from the gateway's cash book: the receipts and voids, and the cash to hand
 * over; on the day a gateway was replaced, with the dead gateway's lines the replica holds, marked as theirs. A
 * technician sees their own; a supervisor picks any technician of the day and may void a receipt, giving a reason,
 * as long as it is not their own.
 */
public final class CashUpViewModel {

    private final SessionViewModel session;
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final StringProperty technician = new SimpleStringProperty("");
    private final ObservableList<String> technicians = FXCollections.observableArrayList();
    private final ObservableList<CashBookLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<CashUp> cashUp = new SimpleObjectProperty<>();
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.of("UTC"));
    private final StringProperty total = new SimpleStringProperty("");
    private final BooleanProperty supervisor = new SimpleBooleanProperty();
    private final ObjectProperty<CashBookLine> selected = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final Message message = new Message();
    private CashBooks.Day book;

    CashUpViewModel(SessionViewModel session) {
        this.session = session;
        session.onNewSession(hello -> reset());
        technician.addListener((obs, old, who) -> show());
    }

    private void reset() {
        SignedCredential credential = session.credential();
        supervisor.set(CashDeskViewModel.supervisor(credential));
        book = null;
        technicians.clear();
        day.set(null);
        technician.set(credential == null ? "" : credential.technicianId());
        show();
        if (credential != null) {
            load();
        }
    }

    /**
     * Pulls the chosen day's cash book (the gateway's today, before a day is chosen) and shows the cash-up; a book
     * that comes back after its session closed is not shown.
     */
    public void load() {
        LocalDate asked = day.get();
        session.loadOnSession(Sentence.of("task.cashUp"), (open, context) -> open.cashBook(asked, context), loaded -> {
            book = loaded;
            zone.set(loaded.zone());
            day.set(loaded.day());
            // Refilling the list clears the choice box's value with it: the technician chosen stays chosen (a void
            // reloads the book, and the supervisor goes on with the same technician's cash-up).
            String chosen = technician.get();
            technicians.setAll(loaded.technicians());
            SignedCredential credential = session.credential();
            if (credential != null && !technicians.contains(credential.technicianId())) {
                technicians.add(0, credential.technicianId());
            }
            if (chosen != null && !chosen.isBlank()) {
                if (!technicians.contains(chosen)) {
                    technicians.add(chosen);
                }
                technician.set(chosen);
            } else if (credential != null) {
                technician.set(credential.technicianId());
            }
            show();
        }, failure -> message.fail(failure));
    }

    /** Writes the hand-over line again, as {@link CashDeskViewModel#retext()} asks after a language switch. */
    void retext() {
        show();
    }

    private void show() {
        String who = technician.get() == null ? "" : technician.get().strip();
        if (book == null || who.isEmpty()) {
            cashUp.set(null);
            lines.clear();
            total.set("");
            return;
        }
        CashUp shown = book.cashUp(who);
        cashUp.set(shown);
        lines.setAll(shown.lines());
        long receipts = shown.lines().stream().filter(l -> l.kind() == CashBookLine.Kind.RECEIPT).count();
        total.set(I18n.text("cash.handOver", who, shown.day(), receipts, money(shown.receiptsMinor()),
                shown.lines().size() - receipts, money(shown.voidsMinor()), money(shown.handOverMinor())));
    }

    /** Voids the chosen receipt with the reason typed; a supervisor's session only, and not their own receipt. */
    public void voidSelected() {
        CashBookLine line = selected.get();
        String why = reason.get() == null ? "" : reason.get().strip();
        if (line == null || line.kind() != CashBookLine.Kind.RECEIPT) {
            message.say("cash.void.choose");
            return;
        }
        if (fromReplica(line)) {
            message.show(Sentence.of("cash.void.replica", line.receipt()));
            return;
        }
        if (why.isEmpty()) {
            message.say("cash.void.reason");
            return;
        }
        CashVoid request = new CashVoid(line.receipt(), why);
        session.runOnSession(Sentence.of("task.void", line.receipt()), (open, context) -> open.voidReceipt(request),
                this::voided, failure -> message.show(Sentence.refusal(failure)));
    }

    private void voided(CashVoided done) {
        message.show(done.outcome() == CashVoided.Outcome.VOIDED
                ? Sentence.of("cash.voided", done.receipt(), Sentence.money(done.amountMinor(), done.currency()),
                        done.customerId())
                : Sentence.of("cash.voided.before", done.receipt(), done.voidedBy(), done.reason()));
        reason.set("");
        load();
    }

    /**
     * Whether {@code line} is a receipt or void of a gateway this one replaced, which the site database's replica
     * holds: it counts in the cash-up, but this gateway cannot void it.
     */
    public boolean fromReplica(CashBookLine line) {
        return book != null && book.fromReplica(line);
    }

    private String money(long minor) {
        return book == null ? "" : Formats.money(minor, book.currency());
    }

    /** The site day of the cash-up; null until the first load names the gateway's today. */
    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    /** Whose cash-up it is; a technician's own, or any a supervisor picks. */
    public StringProperty technicianProperty() {
        return technician;
    }

    /** The technicians with cash in the day's book, and the session's own. */
    public ObservableList<String> technicians() {
        return technicians;
    }

    public ObservableList<CashBookLine> lines() {
        return lines;
    }

    public ObjectProperty<CashUp> cashUpProperty() {
        return cashUp;
    }

    /** The site's time zone, which the lines' times are shown in. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /** The day's receipts, voids and the cash to hand over, in a sentence. */
    public StringProperty totalProperty() {
        return total;
    }

    /** Whether the session is a supervisor's, who picks the technician and may void. */
    public BooleanProperty supervisorProperty() {
        return supervisor;
    }

    /** The line chosen in the table, which a void applies to. */
    public ObjectProperty<CashBookLine> selectedProperty() {
        return selected;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
