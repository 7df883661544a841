package io.gridside.site.sync.api;

/**
 * A position in a down stream: the cloud's epoch and the stream's sequence number of the last item read, written
 * {@code <epoch>:<n>}. A cursor of another epoch is unknown to the cloud (410 {@code cursor_unknown}).
 */
public record DownCursor(String epoch, long position) {

    public DownCursor {
        if (epoch == null || epoch.isEmpty() || epoch.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an epoch is non-empty text without ':', was '" + epoch + "'");
        }
        if (position < 0) {
            throw new IllegalArgumentException("a cursor's position is not negative, was " + position);
        }
    }

    /**
     * Reads a cursor's text.
     *
     * @throws IllegalArgumentException when it is not {@code <epoch>:<n>}
     */
    public static DownCursor parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a cursor is '<epoch>:<n>', was '" + text + "'");
        }
        try {
            return new DownCursor(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a cursor is '<epoch>:<n>', was '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return epoch + ":" + position;
    }
}
