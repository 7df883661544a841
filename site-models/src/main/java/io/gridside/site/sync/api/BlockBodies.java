package io.gridside.site.sync.api;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The {@code bodies} of a readings {@code blocks} item: the raw bodies of its blocks, each preceded by its length
 * as an unsigned LEB128 varint, concatenated and compressed together (compressing many blocks together saves what
 * compressing each alone cannot). Batch format 3 packs them as one xz stream ({@link #XZ}); format 2 raw-deflated
 * them, which the item says by leaving its {@code packing} out.
 */
public final class BlockBodies {

    /** The most bytes a packed group inflates to. */
    private static final int MAX_INFLATED = 64 * 1024 * 1024;

    /** The {@code packing} of bodies packed as one xz stream. */
    public static final String XZ = "xz";

    private BlockBodies() {
    }

    /** The bodies, length-prefixed and packed together as one xz stream. */
    public static byte[] pack(List<byte[]> bodies) {
        return Xz.compress(concatenate(bodies));
    }

    /** The bodies, length-prefixed and raw-deflated together, as batch format 2 packed them. */
    public static byte[] packDeflated(List<byte[]> bodies) {
        return deflate(concatenate(bodies));
    }

    private static byte[] concatenate(List<byte[]> bodies) {
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
        return raw.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
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
     * The bodies packed with {@code packing}: {@link #XZ} as {@link #pack} packs them, null as
     * {@link #packDeflated} did.
     *
     * @throws IllegalArgumentException for bytes that are not such a pack, or a packing this side does not know
     */
    public static List<byte[]> unpack(byte[] packed, String packing) {
        byte[] raw;
        if (packing == null) {
            raw = inflate(packed);
        } else if (XZ.equals(packing)) {
            raw = Xz.decompress(packed, MAX_INFLATED);
        } else {
            throw new IllegalArgumentException("'" + packing + "' is not a packing of block bodies");
        }
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
