package io.gridside.link.frame;

import java.util.Objects;

/**
 * One link frame, as it is before COBS encoding (all fields big-endian):
 *
 * <pre>
 *  0       1      2       3         4        6      8      10       12          16          20         22
 *  +-------+------+-------+---------+--------+------+------+--------+-----------+-----------+----------+-----+
 *  |version| type | flags | channel |  epoch | seq  | ack  | window |   sack    | requestId | length n | ... |
 *  |  u8   |  u8  |  u8   |   u8    |  u16   | u16  | u16  |  u16   |   u32     |    u32    |   u16    |     |
 *  +-------+------+-------+---------+--------+------+------+--------+-----------+-----------+----------+-----+
 *  22: payload, n bytes; then crc32c (u32) over every byte before it.
 * </pre>
 *
 * <p>Type 0x00 is a bare acknowledgement: it carries no payload and no sequence number of its own. Every other
 * frame is one fragment of one message, numbered by {@code seq} within the sender's {@code epoch}, and also
 * acknowledges what the sender has received: {@code ack} is the last frame received in order, {@code sack}
 * bit i says that frame {@code ack + 2 + i} arrived too, and {@code window} is how many frames after
 * {@code ack} the sender will accept. The encoded frame is followed by one 0x00 delimiter.
 *
 * @param type the message's wire code from the catalogue, or {@link #ACK}
 * @param flags {@link #FIRST}, {@link #LAST} (of a message's fragments) and {@link #RESET} (first frame of an epoch)
 * @param channel the priority class: 0 control, 1 billing, 2 events, 3 bulk
 * @param epoch the sender's session number, chosen at random when it starts or resets
 * @param seq the sender's frame number, wrapping at 2^16
 * @param ack the last frame number received in order from the peer
 * @param window how many frames after {@code ack} the sender of this frame will accept
 * @param sack which of the 32 frames after {@code ack + 1} the sender of this frame already holds
 * @param requestId the request this frame opens or answers; 0 for frames outside any request
 * @param body this fragment of the message, CBOR-encoded: a slice of the message on its way out, so that a large
 *     message is not copied into fragments; {@link #payload()} gives it as one array
 */
public record Frame(int type, int flags, int channel, int epoch, int seq, int ack, int window, long sack,
        long requestId, Payload body) {

    /** The protocol version this build speaks. */
    public static final int VERSION = 2;
    /** Bytes before the payload. */
    public static final int HEADER_LENGTH = 22;
    /** Bytes of checksum after the payload. */
    public static final int TRAILER_LENGTH = 4;
    /** The largest payload a frame may carry. */
    public static final int MAX_PAYLOAD = 16 * 1024;

    /** The type of a bare acknowledgement. */
    public static final int ACK = 0x00;
    /**
     * A console asks to carry on its session over a new transport; the payload is the 16-byte session id. Like
     * the two types after it, it is a link control frame: unnumbered, it carries an acknowledgement and no message.
     */
    public static final int RESUME = 0xF0;
    /** The gateway carries on the session named by a {@link #RESUME} over the transport it arrived on. */
    public static final int RESUMED = 0xF1;
    /** The gateway holds no session by the id a {@link #RESUME} named; the console must say hello anew. */
    public static final int RESUME_REFUSED = 0xF2;
    /**
     * The sender ends the session on purpose: the receiver closes the link at once rather than keep the session
     * for a resume. No payload.
     */
    public static final int CLOSE = 0xF3;
    /**
     * The plain form of frames on a stream (protocol section 6.37), a link control frame whose one payload byte is
     * {@link #PLAIN_OFFER} or {@link #PLAIN_SWITCH}.
     */
    public static final int FRAMING = 0xF4;
    /** In a {@link #FRAMING} frame: the sender reads frames in the plain form once its peer switches. */
    public static final int PLAIN_OFFER = 1;
    /** In a {@link #FRAMING} frame: every frame after this one from the sender is in the plain form. */
    public static final int PLAIN_SWITCH = 2;
    /** This frame holds the first fragment of a message. */
    public static final int FIRST = 0x01;
    /** This frame holds the last fragment of a message. */
    public static final int LAST = 0x02;
    /** This frame starts the sender's epoch: the receiver forgets the sender's earlier frames. */
    public static final int RESET = 0x04;
    /** The number of priority channels. */
    public static final int CHANNELS = 4;

    public Frame {
        check(type, 0xFF, "type");
        check(flags, 0x07, "flags");
        check(channel, CHANNELS - 1, "channel");
        check(epoch, 0xFFFF, "epoch");
        check(seq, 0xFFFF, "seq");
        check(ack, 0xFFFF, "ack");
        check(window, 0xFFFF, "window");
        if (sack < 0 || sack > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sack must fit in 32 bits, was " + sack);
        }
        if (requestId < 0 || requestId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("requestId must fit in 32 bits, was " + requestId);
        }
        Objects.requireNonNull(body, "body");
        if (body.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "payload must be at most " + MAX_PAYLOAD + " bytes, was " + body.length());
        }
    }

    /** A frame whose payload is {@code payload}, taken over as it is. */
    public Frame(int type, int flags, int channel, int epoch, int seq, int ack, int window, long sack,
            long requestId, byte[] payload) {
        this(type, flags, channel, epoch, seq, ack, window, sack, requestId, Payload.of(payload));
    }

    /** A whole message in one frame on channel 0 of epoch 0, acknowledging nothing: for tests and vectors. */
    public Frame(int type, int seq, int ack, long requestId, byte[] payload) {
        this(type, FIRST | LAST, 0, 0, seq, ack, 0, 0, requestId, payload);
    }

    /** The payload as one array: the array the frame was made of when it was one, else a copy of its pieces. */
    public byte[] payload() {
        return body.toArray();
    }

    private static void check(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be between 0 and " + max + ", was " + value);
        }
    }

    public boolean isAck() {
        return type == ACK;
    }

    /** Whether this is an unnumbered frame of the link itself: a bare acknowledgement or a resume frame. */
    public boolean isControl() {
        return type == ACK || type >= RESUME;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame f && f.type == type && f.flags == flags && f.channel == channel
                && f.epoch == epoch && f.seq == seq && f.ack == ack && f.window == window && f.sack == sack
                && f.requestId == requestId && f.body.equals(body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, flags, channel, epoch, seq, ack, window, sack, requestId, body);
    }

    @Override
    public String toString() {
        return String.format("Frame[type=0x%02x, flags=%d, channel=%d, epoch=%d, seq=%d, ack=%d, window=%d, "
                + "sack=%08x, requestId=%d, %d payload bytes]", type, flags, channel, epoch, seq, ack, window, sack,
                requestId, body.length());
    }
}
