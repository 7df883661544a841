package io.gridside.console.cash;

import io.gridside.console.Retext;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;

/** The cash desk's two halves, a top-up with its receipt and the day's cash-up, on one session. */
public final class CashDeskViewModel implements Retext {

    private final TopUpViewModel topUp;
    private final CashUpViewModel cashUp;

    public CashDeskViewModel(SessionViewModel session) {
        this.cashUp = new CashUpViewModel(session);
        this.topUp = new TopUpViewModel(session, cashUp::load);
    }

    /** Writes the cash-up's hand-over line again in the language now in use. */
    @Override
    public void retext() {
        cashUp.retext();
    }

    public TopUpViewModel topUp() {
        return topUp;
    }

    public CashUpViewModel cashUp() {
        return cashUp;
    }

    /** Whether {@code credential} is a supervisor's, who may void receipts and pick any technician's cash-up. */
    static boolean supervisor(SignedCredential credential) {
        return credential != null && credential.role() == Role.SUPERVISOR;
    }
}
