package io.gridside.console.shell;

import io.gridside.console.I18n;

/** Work that needs the gateway was asked for while no session is open. */
public final class NoSessionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NoSessionException() {
        super(I18n.text("session.none"));
    }
}
