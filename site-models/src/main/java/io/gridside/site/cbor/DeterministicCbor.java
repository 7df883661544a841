package io.gridside.site.cbor;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes the subset of CBOR that signed structures use, in the core deterministic encoding of
 * RFC 8949, section 4.2.1: integers and lengths in their shortest form, definite lengths only, and map keys
 * sorted by the bytewise order of their own encodings.
 *
 * <p>Values are plain Java: integers ({@code Integer}, {@code Long}, or a {@code BigInteger} from -2^64 to
 * 2^64 - 1), text ({@code String}), byte strings ({@code byte[]} or {@link ByteString}), {@code Boolean},
 * {@code null}, arrays ({@code List}) and maps ({@code Map}, with keys of any of these types). Floating-point
 * numbers, tags and other simple values have no place in what is signed, so both directions refuse them.
 *
 * <p>The decoder is strict: it accepts only bytes that the encoder would have written, so that one value has
 * exactly one encoding and a signature over it cannot be replayed over a variant.
 */
public final class DeterministicCbor {

    private static final int UNSIGNED = 0;
    private static final int NEGATIVE = 1;
    private static final int BYTES = 2;
    private static final int TEXT = 3;
    private static final int ARRAY = 4;
    private static final int MAP = 5;
    private static final int TAG = 6;
    private static final int SIMPLE = 7;
    private static final int FALSE = 0xf4;
    private static final int TRUE = 0xf5;
    private static final int NULL = 0xf6;
    /** Deeper nesting than any signed structure needs; it keeps hostile input from exhausting the stack. */
    private static final int MAX_DEPTH = 32;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private DeterministicCbor() {
    }

    /**
     * The deterministic encoding of {@code value}.
     *
     * @throws CborException when the value holds something this encoding does not carry
     */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value, 0);
        return out.toByteArray();
    }

    /**
     * The value that {@code cbor} encodes: a {@code Long} (or a {@code BigInteger} past the range of a long),
     * {@code String}, {@link ByteString}, {@code Boolean}, {@code null}, {@code List} or {@code Map} (in the
     * encoded order).
     *
     * @throws CborException naming the rule the bytes break, when they are not deterministic CBOR of one value
     */
    public static Object decode(byte[] cbor) {
        Decoder decoder = new Decoder(cbor);
        Object value = decoder.value(0);
        if (decoder.position != cbor.length) {
            throw new CborException("CBOR: " + (cbor.length - decoder.position) + " bytes follow the value that "
                    + "ends at byte " + decoder.position + ".");
        }
        return value;
    }

    private static void write(ByteArrayOutputStream out, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CborException("CBOR: values nested deeper than " + MAX_DEPTH + " are not encoded.");
        }
        if (value == null) {
            out.write(NULL);
        } else if (value instanceof Boolean bool) {
            out.write(bool ? TRUE : FALSE);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            writeInteger(out, ((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            writeInteger(out, big);
        } else if (value instanceof String text) {
            writeBytes(out, TEXT, utf8(text));
        } else if (value instanceof byte[] bytes) {
            writeBytes(out, BYTES, bytes);
        } else if (value instanceof ByteString bytes) {
            writeBytes(out, BYTES, bytes.toByteArray());
        } else if (value instanceof List<?> list) {
            writeArray(out, list, depth);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, depth);
        } else {
            throw new CborException("CBOR: a " + value.getClass().getSimpleName() + " has no deterministic "
                    + "encoding here; use an integer, text, bytes, a boolean, null, a list or a map.");
        }
    }

    private static void writeInteger(ByteArrayOutputStream out, long value) {
        if (value >= 0) {
            writeHead(out, UNSIGNED, value);
        } else {
            writeHead(out, NEGATIVE, -1 - value);
        }
    }

    private static void writeInteger(ByteArrayOutputStream out, BigInteger value) {
        if (value.signum() >= 0 && value.compareTo(TWO_TO_64) < 0) {
            writeHead(out, UNSIGNED, value.longValue());
        } else if (value.signum() < 0 && value.negate().compareTo(TWO_TO_64) <= 0) {
            writeHead(out, NEGATIVE, BigInteger.ONE.negate().subtract(value).longValue());
        } else {
            throw new CborException("CBOR: the integer " + value + " is outside -2^64 to 2^64 - 1; bignums are "
                    + "not used.");
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, int major, byte[] bytes) {
        writeHead(out, major, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeArray(ByteArrayOutputStream out, List<?> list, int depth) {
        writeHead(out, ARRAY, list.size());
        for (Object item : list) {
            write(out, item, depth + 1);
        }
    }

    /** Entries go out in the bytewise order of their keys' encodings (RFC 8949, section 4.2.1). */
    private static void writeMap(ByteArrayOutputStream out, Map<?, ?> map, int depth) {
        List<byte[][]> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            ByteArrayOutputStream key = new ByteArrayOutputStream();
            write(key, entry.getKey(), depth + 1);
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            write(value, entry.getValue(), depth + 1);
            entries.add(new byte[][] {key.toByteArray(), value.toByteArray()});
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        writeHead(out, MAP, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0 && Arrays.equals(entries.get(i - 1)[0], entries.get(i)[0])) {
                throw new CborException("CBOR: two keys of a map encode the same; a map's keys must differ.");
            }
            out.writeBytes(entries.get(i)[0]);
            out.writeBytes(entries.get(i)[1]);
        }
    }

    /** The initial byte and argument in their shortest form; {@code argument} is unsigned. */
    private static void writeHead(ByteArrayOutputStream out, int major, long argument) {
        int type = major << 5;
        if (Long.compareUnsigned(argument, 24) < 0) {
            out.write(type | (int) argument);
        } else if (Long.compareUnsigned(argument, 0xffL) <= 0) {
            out.write(type | 24);
            out.write((int) argument);
        } else if (Long.compareUnsigned(argument, 0xffffL) <= 0) {
            out.write(type | 25);
            writeBigEndian(out, argument, 2);
        } else if (Long.compareUnsigned(argument, 0xffff_ffffL) <= 0) {
            out.write(type | 26);
            writeBigEndian(out, argument, 4);
        } else {
            out.write(type | 27);
            writeBigEndian(out, argument, 8);
        }
    }

    private static void writeBigEndian(ByteArrayOutputStream out, long value, int size) {
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new CborException("CBOR: text with an unpaired surrogate is not valid UTF-8.");
        }
    }

    /** Reads one value at a time, checking every rule of the deterministic encoding as it goes. */
    private static final class Decoder {

        private final byte[] in;
        private int position;

        Decoder(byte[] in) {
            this.in = in;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw fail("values are nested deeper than " + MAX_DEPTH);
            }
            int start = position;
            int initial = next();
            int major = initial >>> 5;
            int info = initial & 0x1f;
            return switch (major) {
                case UNSIGNED -> unsigned(argument(info, start));
                case NEGATIVE -> negative(argument(info, start));
                case BYTES -> ByteString.of(take(length(info, start)));
                case TEXT -> text(take(length(info, start)), start);
                case ARRAY -> array(length(info, start), depth);
                case MAP -> map(length(info, start), depth);
                case TAG -> throw failAt(start, "tags are not used");
                case SIMPLE -> simple(initial, start);
                default -> throw new IllegalStateException("A major type has three bits.");
            };
        }

        private static Object unsigned(long argument) {
            return argument >= 0 ? (Object) argument : new BigInteger(Long.toUnsignedString(argument));
        }

        private static Object negative(long argument) {
            if (argument >= 0) {
                return -1 - argument;
            }
            return BigInteger.ONE.negate().subtract(new BigInteger(Long.toUnsignedString(argument)));
        }

        private Object text(byte[] utf8, int start) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(utf8)).toString();
            } catch (CharacterCodingException e) {
                throw failAt(start, "the text is not valid UTF-8");
            }
        }

        private List<Object> array(int count, int depth) {
            List<Object> items = new ArrayList<>(Math.min(count, in.length - position));
            for (int i = 0; i < count; i++) {
                items.add(value(depth + 1));
            }
            return items;
        }

        private Map<Object, Object> map(int count, int depth) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            byte[] previousKey = null;
            for (int i = 0; i < count; i++) {
                int keyStart = position;
                Object key = value(depth + 1);
                byte[] keyBytes = Arrays.copyOfRange(in, keyStart, position);
                if (previousKey != null && Arrays.compareUnsigned(previousKey, keyBytes) >= 0) {
                    throw failAt(keyStart, "the map's keys are not in ascending order of their encodings, "
                            + "or one repeats");
                }
                previousKey = keyBytes;
                entries.put(key, value(depth + 1));
            }
            return entries;
        }

        private Object simple(int initial, int start) {
            return switch (initial) {
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case NULL -> null;
                default -> throw failAt(start, String.format("the simple value or float 0x%02x is not used; "
                        + "only false, true and null are", initial));
            };
        }

        /** A length that must fit in what is left of the input, so that no hostile length allocates. */
        private int length(int info, int start) {
            long length = argument(info, start);
            if (length < 0 || length > in.length - position) {
                throw failAt(start, "a length of " + Long.toUnsignedString(length) + " runs past the end");
            }
            return (int) length;
        }

        private long argument(int info, int start) {
            if (info < 24) {
                return info;
            }
            if (info == 31) {
                throw failAt(start, "indefinite lengths are not deterministic");
            }
            if (info > 27) {
                throw failAt(start, "the additional information " + info + " is reserved");
            }
            int size = 1 << (info - 24);
            long argument = 0;
            for (int i = 0; i < size; i++) {
                argument = argument << 8 | next();
            }
            long smallest = switch (size) {
                case 1 -> 24;
                case 2 -> 0x100;
                case 4 -> 0x1_0000;
                default -> 0x1_0000_0000L;
            };
            if (Long.compareUnsigned(argument, smallest) < 0) {
                throw failAt(start, "the argument " + argument + " is not in its shortest form");
            }
            return argument;
        }

        private byte[] take(int length) {
            byte[] bytes = Arrays.copyOfRange(in, position, position + length);
            position += length;
            return bytes;
        }

        private int next() {
            if (position >= in.length) {
                throw fail("the input ends in the middle of a value");
            }
            return in[position++] & 0xff;
        }

        private CborException fail(String rule) {
            return failAt(position, rule);
        }

        private static CborException failAt(int at, String rule) {
            return new CborException("CBOR at byte " + at + ": " + rule + ".");
        }
    }
}
