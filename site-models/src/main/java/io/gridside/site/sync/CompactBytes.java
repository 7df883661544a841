package io.gridside.site.sync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The varints, zig-zags and strings that the compact topology encoding is written in, and the reader of them. */
final class CompactBytes {

    private CompactBytes() {
    }

    static final class Out extends ByteArrayOutputStream {

        void varint(long value) {
            long v = value;
            while ((v & ~0x7fL) != 0) {
                write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            write((int) v);
        }

        void zigzag(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            writeBytes(utf8);
        }
    }

    static final class In {

        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            if (at >= bytes.length) {
                throw new IllegalArgumentException("the snapshot is cut short");
            }
            return bytes[at++] & 0xff;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a varint runs past 64 bits");
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        int count() {
            long count = varint();
            if (count > bytes.length - at) {
                throw new IllegalArgumentException("a count runs past the snapshot's bytes");
            }
            return (int) count;
        }

        String string() {
            int length = count();
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        String node(String[] ids) {
            long index = varint();
            if (index > ids.length) {
                throw new IllegalArgumentException("a node index runs past the nodes");
            }
            return index == 0 ? null : ids[(int) index - 1];
        }

        int index(String[] ids) {
            long index = varint();
            if (index >= ids.length) {
                throw new IllegalArgumentException("a node index runs past the nodes");
            }
            return (int) index;
        }

        boolean atEnd() {
            return at == bytes.length;
        }
    }
}
