package io.gridside.link.client;

import io.gridside.link.message.HelloReply;

/**
 * A console's own check of a gateway's hello, made once the gateway has proved it holds the key it presents and
 * before that key is checked against the site's pin or pinned: for a session that must judge what it was asked to
 * do by what the gateway says of itself (its clock, its capabilities) before the laptop trusts another key. A check
 * that throws ends the session, which then pinned nothing.
 */
@FunctionalInterface
public interface HelloCheck {

    /** The check of a session that judges nothing before the pin. */
    HelloCheck NONE = reply -> { };

    /**
     * Judges {@code reply}, and throws to end the session: a {@link LinkException} as the link's own refusal, or
     * the caller's own unchecked exception, which reaches the caller of {@link GatewayClient#open} as it was thrown.
     */
    void check(HelloReply reply) throws LinkException;
}
