package io.gridside.console.cash;

import io.gridside.console.Message;
import io.gridside.console.Failures;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.service.Amounts;
import io.gridside.console.service.CashBooks;
import io.gridside.console.service.ReceiptPage;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.HelloReply;
import io.gridside.site.MeterStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

/**
 * A cash top-up in three steps: the form (customer, amount, reference), a confirmation that shows what will be
 * credited to whom against their current balance, and the gateway's receipt. The reference stays the same until
 * the technician starts a new top-up, so confirming again after a failure can never credit the cash twice.
 */
public final class TopUpViewModel {

    /** Where the top-up stands. */
    public enum Step {
        /** Choosing the customer and typing the amount. */
        FORM,
        /** The technician checks the confirmation before anything is sent. */
        CONFIRM,
        /** The gateway's receipt is shown. */
        RECEIPT
    }

    private final SessionViewModel session;
    private final Runnable onReceipt;
    private final FilteredList<MeterStatus> matches;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<MeterStatus> chosen = new SimpleObjectProperty<>();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FORM);
    private final Message confirmation = new Message();
    private final ObjectProperty<CashReceipt> receipt = new SimpleObjectProperty<>();
    /** The receipt in words, kept as sentences so that it reads in a language chosen after it came. */
    private final Message receiptText = new Message();
    private final Message message = new Message();
    private final StringBinding balance;
    /** The gateway's last word on the credential's cash allowance, from the last receipt of this session. */
    private CashReceipt lastAllowance;
    private long amountMinor;
    private boolean sending;

    TopUpViewModel(SessionViewModel session, Runnable onReceipt) {
        this.session = session;
        this.onReceipt = onReceipt;
        this.matches = new FilteredList<>(session.meters());
        this.balance = Bindings.createStringBinding(this::currentBalance, chosen, session.meters());
        query.addListener((obs, old, text) -> filter(text));
        session.onNewSession(next -> {
            lastAllowance = null;
            newTopUp();
        });
    }

    private void filter(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        matches.setPredicate(c -> wanted.isEmpty() || c.customerId().toLowerCase(Locale.ROOT).contains(wanted)
                || c.customerName().toLowerCase(Locale.ROOT).contains(wanted)
                || c.meterId().toLowerCase(Locale.ROOT).contains(wanted));
    }

    /** The chosen customer's balance as the last pull brought it; a pull after a top-up shows it risen. */
    private String currentBalance() {
        MeterStatus current = currentRow();
        return current == null ? "" : Formats.money(current.balanceMinor(), current.currency());
    }

    private MeterStatus currentRow() {
        MeterStatus picked = chosen.get();
        if (picked == null) {
            return null;
        }
        return session.meters().stream().filter(m -> m.customerId().equals(picked.customerId())).findFirst()
                .orElse(picked);
    }

    /** Checks the form and asks the technician to confirm; nothing is sent yet. */
    public void review() {
        HelloReply hello = session.helloProperty().get();
        MeterStatus customer = currentRow();
        if (hello == null || customer == null) {
            message.say("cash.chooseCustomer");
            return;
        }
        try {
            amountMinor = Amounts.parseTyped(amount.get(), hello.currency(), I18n.locale());
        } catch (IllegalArgumentException e) {
            message.fail(e);
            return;
        }
        if (reference.get() == null || reference.get().isBlank()) {
            reference.set(CashBooks.newReference(gatewayClock(), zone(hello)));
        }
        message.clear();
        confirmation.say("cash.confirm", Sentence.money(amountMinor, hello.currency()), customer.customerId(),
                customer.customerName(), customer.meterId(), Sentence.money(customer.balanceMinor(),
                        customer.currency()), reference.get().strip());
        step.set(Step.CONFIRM);
    }

    /** Back to the form from the confirmation, with everything typed kept. */
    public void back() {
        step.set(Step.FORM);
    }

    /** Sends the top-up to the gateway; a refusal comes back in plain words with the allowance left. */
    public void confirm() {
        HelloReply hello = session.helloProperty().get();
        MeterStatus customer = currentRow();
        if (sending || hello == null || customer == null || step.get() != Step.CONFIRM) {
            return;
        }
        sending = true;
        CashTopUp request = new CashTopUp(customer.customerId(), null, amountMinor, hello.currency(),
                reference.get().strip(), "");
        session.runOnSession(Sentence.of("task.topUp", customer.customerId()), (open, context) -> open.topUp(request),
                this::received, failure -> {
                    sending = false;
                    step.set(Step.FORM);
                    message.say("cash.refused", new Failures.Refusal(failure), allowance());
                });
    }

    private void received(CashReceipt got) {
        sending = false;
        lastAllowance = got;
        receipt.set(got);
        HelloReply hello = session.helloProperty().get();
        Sentence.Money money = Sentence.money(got.amountMinor(), got.currency());
        String when = Formats.siteTime(got.paidAt(), zone(hello));
        String number = got.receipt() == null ? "\u2013" : got.receipt();
        Sentence first = got.outcome() == CashReceipt.Outcome.CREDITED
                ? Sentence.of("cash.receipt", number, money, got.customerId(), when)
                : Sentence.of("cash.receipt.again", number, money, got.customerId(), when);
        Sentence after = got.balanceAfterMinor() == null ? Sentence.of("cash.receipt.posting")
                : Sentence.of("cash.receipt.balance", Sentence.money(got.balanceAfterMinor(), got.currency()));
        receiptText.say("cash.receipt.lines", first, after, allowance());
        message.clear();
        step.set(Step.RECEIPT);
        session.refresh();
        onReceipt.run();
    }

    /** What the credential may still credit in cash, as far as the console knows it. */
    private Sentence allowance() {
        CashReceipt known = lastAllowance;
        if (known != null) {
            return Sentence.of("cash.allowance", Sentence.money(known.remainingMinor(), known.currency()),
                    Sentence.money(known.limitMinor(), known.currency()),
                    Sentence.money(known.usedMinor(), known.currency()));
        }
        SignedCredential credential = session.credential();
        HelloReply hello = session.helloProperty().get();
        Long limit = credential == null ? null : credential.credential().limits().get(TechnicianCredential.CASH_LIMIT);
        if (limit == null || hello == null) {
            return Sentence.of("cash.allowance.unknown");
        }
        return Sentence.of("cash.allowance.limit", Sentence.money(limit, hello.currency()));
    }

    /** Writes the receipt shown as a small printable page into the receipts folder, and says where. */
    public void exportReceipt() {
        Path folder = session.dirs().receipts();
        CashReceipt shown = receipt.get();
        HelloReply hello = session.helloProperty().get();
        SignedCredential credential = session.credential();
        if (shown == null || hello == null || credential == null) {
            return;
        }
        MeterStatus customer = currentRow();
        ReceiptPage.Context context = new ReceiptPage.Context(hello.siteName(), hello.siteId(), zone(hello),
                customer == null ? "" : customer.customerName(), credential.technicianId());
        session.runOnSession(Sentence.of("task.receipt", shown.reference()),
                (open, task) -> ReceiptPage.write(shown, context, folder),
                file -> message.say("cash.receipt.saved", file),
                failure -> message.fail(failure));
    }

    /** Clears the form for the next customer, with a fresh reference. */
    public void newTopUp() {
        HelloReply hello = session.helloProperty().get();
        query.set("");
        chosen.set(null);
        amount.set("");
        receipt.set(null);
        receiptText.clear();
        confirmation.clear();
        message.clear();
        reference.set(hello == null ? "" : CashBooks.newReference(gatewayClock(), zone(hello)));
        step.set(Step.FORM);
    }

    /** The gateway's clock as last measured, which a new reference is named after; this computer's before that. */
    private Instant gatewayClock() {
        Instant clock = session.gatewayClockProperty().get();
        return clock != null ? clock : Instant.now();
    }

    private static ZoneId zone(HelloReply hello) {
        return hello == null ? ZoneId.of("UTC") : ZoneId.of(hello.timeZone());
    }

    /** The customers that pass the query, for the picker. */
    public FilteredList<MeterStatus> matches() {
        return matches;
    }

    /** What the technician typed to find the customer: an id, a name or a meter id, or part of one. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<MeterStatus> chosenProperty() {
        return chosen;
    }

    /** The chosen customer's balance as last pulled, in the currency. */
    public StringBinding balance() {
        return balance;
    }

    /** The cash, as typed, in the currency's main unit. */
    public StringProperty amountProperty() {
        return amount;
    }

    /** The payment's reference: made up for a new top-up, or typed from a paper receipt book. */
    public StringProperty referenceProperty() {
        return reference;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.textProperty();
    }

    /** The gateway's receipt of the last top-up, or null before one. */
    public ObjectProperty<CashReceipt> receiptProperty() {
        return receipt;
    }

    public ReadOnlyStringProperty receiptTextProperty() {
        return receiptText.textProperty();
    }

    /** Why the form cannot go on, the gateway's refusal, or where a receipt went; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
