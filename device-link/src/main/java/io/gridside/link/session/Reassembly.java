package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Puts each priority class's fragments back into whole messages. Used by the dispatcher thread only. */
final class Reassembly {

    private final ByteArrayOutputStream[] partial = new ByteArrayOutputStream[Frame.CHANNELS];
    private long broken;

    /** Adds a fragment; returns the whole payload when it was the last one, else null. */
    synchronized byte[] add(Frame frame) {
        int channel = frame.channel();
        if (frame.has(Frame.FIRST)) {
            if (partial[channel] != null) {
                broken++;
            }
            partial[channel] = new ByteArrayOutputStream();
        } else if (partial[channel] == null) {
            broken++;
            return null;
        }
        partial[channel].writeBytes(frame.payload());
        if (partial[channel].size() > LinkOptions.MAX_MESSAGE) {
            broken++;
            partial[channel] = null;
            return null;
        }
        if (!frame.has(Frame.LAST)) {
            return null;
        }
        byte[] payload = partial[channel].toByteArray();
        partial[channel] = null;
        return payload;
    }

    synchronized void clear() {
        Arrays.fill(partial, null);
    }

    synchronized long broken() {
        return broken;
    }
}
