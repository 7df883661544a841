package io.gridside.link.fuzz;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.testing.SampleMessages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Makes hostile input for the link, seeded: random bytes, and real frames mutated in ways a noisy line or a
 * broken peer could, half of them with their checksum mended so they get past framing into the message decoder
 * and the session.
 */
final class FrameFuzzer {

    private final SplittableRandom random;
    private final List<byte[]> payloads;
    private final List<Integer> codes;

    FrameFuzzer(long seed) {
        this.random = new SplittableRandom(seed);
        List<Message> samples = SampleMessages.all();
        this.payloads = samples.stream().map(MessageCodec::encode).toList();
        this.codes = samples.stream().map(MessageCatalogue::codeOf).toList();
    }

    /** The wire bytes of {@code frames} hostile frames. */
    byte[] frames(int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) {
            out.writeBytes(next());
        }
        return out.toByteArray();
    }

    private byte[] next() {
        int kind = random.nextInt(7);
        return switch (kind) {
            case 0 -> randomBytes();
            case 1 -> flipBits(validFrame());
            case 2 -> truncate(validFrame());
            case 3 -> controlFrame();
            default -> mendedMutation();
        };
    }

    /** An intact link control frame (a resume, its answers, or a type no build knows) with a random payload. */
    private byte[] controlFrame() {
        byte[] payload = new byte[random.nextInt(3) == 0 ? random.nextInt(64) : 16];
        random.nextBytes(payload);
        int type = Frame.RESUME + random.nextInt(0x10);
        return FrameCodec.encode(new Frame(type, 0, 0, random.nextInt(0x10000), 0, random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextLong(0x1_0000_0000L), 0, payload));
    }

    private byte[] validFrame() {
        int pick = random.nextInt(payloads.size());
        return FrameCodec.encode(new Frame(codes.get(pick), random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextLong(0x1_0000_0000L), payloads.get(pick)));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(1, 200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] flipBits(byte[] wire) {
        for (int flips = random.nextInt(1, 4); flips > 0; flips--) {
            int at = random.nextInt(wire.length);
            wire[at] ^= (byte) (1 << random.nextInt(8));
        }
        return wire;
    }

    private byte[] truncate(byte[] wire) {
        byte[] cut = java.util.Arrays.copyOf(wire, random.nextInt(1, wire.length));
        cut[cut.length - 1] = FrameCodec.DELIMITER;
        return cut;
    }

    /**
     * A frame whose header or payload is garbled and whose checksum is then made right again, so framing
     * accepts it and everything behind framing must cope.
     */
    private byte[] mendedMutation() {
        int pick = random.nextInt(payloads.size());
        byte[] payload = payloads.get(pick).clone();
        if (payload.length > 0 && random.nextBoolean()) {
            payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
        }
        int length = Frame.HEADER_LENGTH + payload.length + Frame.TRAILER_LENGTH;
        ByteBuffer raw = ByteBuffer.allocate(length);
        raw.put((byte) Frame.VERSION);
        raw.put((byte) (random.nextInt(4) == 0 ? random.nextInt(256) : codes.get(pick)));
        byte[] rest = new byte[Frame.HEADER_LENGTH - 4];
        random.nextBytes(rest);
        raw.put(rest);
        raw.putShort((short) payload.length);
        raw.put(payload);
        CRC32C crc = new CRC32C();
        crc.update(raw.array(), 0, length - Frame.TRAILER_LENGTH);
        raw.putInt((int) crc.getValue());
        byte[] encoded = io.gridside.link.frame.Cobs.encode(raw.array(), 0, length);
        byte[] wire = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        wire[encoded.length] = FrameCodec.DELIMITER;
        return wire;
    }
}
