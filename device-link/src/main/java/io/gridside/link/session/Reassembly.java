package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts each priority class's fragments back into whole messages. The fragments are kept as they came and copied
 * once, into the whole, when the last arrives; a message of one fragment is its payload. Used by the dispatcher
 * thread only.
 */
final class Reassembly {

    /** One message being put together: its fragments so far and their total length. */
    private static final class Partial {
        final List<byte[]> fragments = new ArrayList<>();
        int length;
    }

    private final Partial[] partial = new Partial[Frame.CHANNELS];
    private long broken;

    /**
     * Adds a fragment; returns the whole payload when it was the last one, else null. The whole is an array that
     * nothing else holds (a joined copy, or the payload a lone fragment was read into), so a decoder may take it over.
     */
    synchronized byte[] add(Frame frame) {
        int channel = frame.channel();
        if (frame.has(Frame.FIRST)) {
            if (partial[channel] != null) {
                broken++;
            }
            if (frame.has(Frame.LAST)) {
                partial[channel] = null;
                return frame.payload();
            }
            partial[channel] = new Partial();
        } else if (partial[channel] == null) {
            broken++;
            return null;
        }
        Partial message = partial[channel];
        message.fragments.add(frame.payload());
        message.length += frame.payload().length;
        if (message.length > LinkOptions.MAX_MESSAGE) {
            broken++;
            partial[channel] = null;
            return null;
        }
        if (!frame.has(Frame.LAST)) {
            return null;
        }
        partial[channel] = null;
        return join(message);
    }

    // KNOWN SHORTCOMING: on the way in, every bulk byte is still copied twice into new arrays that a raw socket copy
    // does not make: the reader copies each frame's payload out of what it read, and the join copies the fragments
    // into the whole. Fragments that stay views of the reader's buffer would need that buffer handed over rather
    // than reused, and a whole of views a byte string made of pieces (bench/README.md, firmware).
    private static byte[] join(Partial message) {
        byte[] payload = new byte[message.length];
        int offset = 0;
        for (byte[] fragment : message.fragments) {
            System.arraycopy(fragment, 0, payload, offset, fragment.length);
            offset += fragment.length;
        }
        return payload;
    }

    synchronized void clear() {
        Arrays.fill(partial, null);
    }

    synchronized long broken() {
        return broken;
    }
}
