package io.gridside.link.auth;

/** A gateway key replacement record the console will not act on: the rule it broke, and one sentence on why. */
public final class KeyReplacementRefusedException extends Exception {

    private final KeyReplacementCheck.Rule rule;

    public KeyReplacementRefusedException(KeyReplacementCheck.Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public KeyReplacementCheck.Rule rule() {
        return rule;
    }
}
