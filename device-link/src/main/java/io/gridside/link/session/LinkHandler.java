package io.gridside.link.session;

import io.gridside.link.message.Message;
import java.io.IOException;

/** Receives what arrives on the link, on the link's dispatcher thread. */
public interface LinkHandler {

    void onMessage(long requestId, Message message);

    /**
     * The link ended: closed here, closed by the peer, or broken ({@code cause} is then not null). Called
     * once, after every message that arrived before the end has been handed over.
     */
    void onClosed(IOException cause);

    /**
     * The peer started a new session on this link (a new console on a serial line, a restarted gateway).
     * Called between the last message of the former session and the first of the new one.
     */
    default void onPeerReset() {
    }

    /**
     * The transport broke and the link, being resumable, is suspended until it is resumed over a new one or
     * closed. Called on the thread that met the break.
     */
    default void onSuspended(IOException cause) {
    }

    /**
     * Whether the session that {@code sessionId} names is this link's own: a console that lost sight of the
     * link asks to resume it over the same transport (the gateway never saw the break). Called under the
     * link's lock; it must not call back into the link.
     */
    default boolean isOwnSession(byte[] sessionId) {
        return false;
    }

    /**
     * The peer ended its session on purpose ({@link io.gridside.link.frame.Frame#CLOSE}). Returns whether the link
     * closes too: a gateway on a serial line forgets the session but keeps the line for the next console.
     */
    default boolean onPeerEnded() {
        return true;
    }
}
