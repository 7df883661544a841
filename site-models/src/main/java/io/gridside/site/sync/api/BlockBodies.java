package io.gridside.site.sync.api;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The {@code bodies} of a readings {@code blocks} item: the raw bodies of its blocks, each preceded by its length
 * as an unsigned LEB128 varint, concatenated and raw-deflated together (compressing many blocks together saves what
 * deflating each alone cannot).
 */
public final class BlockBodies {

    /** The most bytes a packed group inflates to. */
    private static final int MAX_INFLATED = 64 * 1024 * 1024;

    private BlockBodies() {
    }

    /** The bodies, length-prefixed and deflated together. */
    public static byte[] pack(List<byte[]> bodies) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            long length = body.length;
            while (length >= 0x80) {
                raw.write((int) (length & 0x7f) | 0x80);
                length >>>= 7;
            }
            raw.write((int) length);
            raw.writeBytes(body);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw.toByteArray());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.size() / 2 + 64);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The bodies {@link #pack} packed.
     *
     * @throws IllegalArgumentException for bytes that are not such a pack
     */
    public static List<byte[]> unpack(byte[] packed) {
        byte[] raw = inflate(packed);
        List<byte[]> bodies = new ArrayList<>();
        int at = 0;
        while (at < raw.length) {
            long length = 0;
            int shift = 0;
            while (true) {
                if (at >= raw.length || shift > 28) {
                    throw new IllegalArgumentException("a block's length in the bodies is cut short");
                }
                int b = raw[at++] & 0xff;
                length |= (long) (b & 0x7f) << shift;
                shift += 7;
                if (b < 0x80) {
                    break;
                }
            }
            if (length > raw.length - at) {
                throw new IllegalArgumentException("a block's body runs past the end of the bodies");
            }
            byte[] body = new byte[(int) length];
            System.arraycopy(raw, at, body, 0, body.length);
            at += body.length;
            bodies.add(body);
        }
        return bodies;
    }

    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4 + 16);
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int length = inflater.inflate(buffer);
                if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("the deflated bodies are cut short");
                }
                out.write(buffer, 0, length);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("the bodies inflate past " + MAX_INFLATED + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the deflated bodies are corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
