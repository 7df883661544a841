package io.gridside.link.session;

/**
 * This side's farewell to the peer ({@link io.gridside.link.frame.Frame#CLOSE}): asked for by a close, taken and
 * written by the link's writer.
 */
final class Farewell {

    private enum Stage { NONE, ASKED, TAKEN, WRITTEN }

    private Stage stage = Stage.NONE;

    synchronized void ask() {
        if (stage == Stage.NONE) {
            stage = Stage.ASKED;
        }
    }

    /** Whether the writer should send the farewell now; true once. */
    synchronized boolean take() {
        if (stage != Stage.ASKED) {
            return false;
        }
        stage = Stage.TAKEN;
        return true;
    }

    synchronized void written() {
        stage = Stage.WRITTEN;
        notifyAll();
    }

    /** Whether a farewell was asked for: the peer closing its end after it is an answer, not a break. */
    synchronized boolean said() {
        return stage != Stage.NONE;
    }

    /** Waits until the farewell is on the wire, or {@code nanos} have passed. */
    synchronized void awaitWritten(long nanos) {
        long deadline = System.nanoTime() + nanos;
        try {
            while (stage != Stage.WRITTEN) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
