package io.gridside.site.store;

import io.gridside.site.Reading;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One meter's readings of one UTC day in the compact form the site store keeps them in: 96 slots, one per quarter
 * hour, each empty or holding a reading.
 *
 * <p>The encoded block is a column per field, each value an unsigned or zig-zag LEB128 varint, so that the small,
 * slowly changing numbers of a meter's day take a byte or two each:
 *
 * <pre>
 *   form      1 byte   0 = the body follows as is, 1 = the body follows raw-deflated
 *   body:
 *   n         varint   readings held (0..96)
 *   present   12 bytes bit i (byte i / 8, bit i % 8) set when slot i holds a reading; left out when n = 96
 *   q         varint   readings with a quality (0..n)
 *   measured  ceil(n / 8) bytes  bit j set when the j-th reading held has a quality; left out when q is 0 or n
 *   energy    n varints           each reading's energy, Wh
 *   opening   varint              the first reading's register less its energy, Wh
 *   rise      n - 1 zig-zags      each later reading's register less its energy less the register before it
 *                                 (0 unless the register moved between readings, as across a gap)
 *   average   q zig-zags          each quality's average decivolts less the previous one's (the first less 0)
 *   below     q varints           average less minimum decivolts
 *   above     q varints           maximum less average decivolts
 *   peak      q zig-zags          peak watts less four times the interval's energy (its mean power)
 * </pre>
 *
 * <p>Encoding is deterministic: the same readings give the same bytes, whichever order they arrived in.
 */
final class ReadingBlock {

    /** Quarter hours in a UTC day, which has no daylight-saving change. */
    static final int SLOTS = 96;
    static final long DAY_SECONDS = 86_400;

    private static final int FORM_PLAIN = 0;
    private static final int FORM_DEFLATED = 1;
    /** Below this a body is kept as is: deflating a few bytes only adds to them. */
    private static final int DEFLATE_FROM = 48;
    private static final int MAX_BODY = 64 * 1024;

    private final long day;
    private final long[] energy = new long[SLOTS];
    private final long[] register = new long[SLOTS];
    private final Reading.Quality[] quality = new Reading.Quality[SLOTS];
    private final boolean[] present = new boolean[SLOTS];
    private int size;

    /** An empty block of the UTC day {@code day}, counted in days from the epoch. */
    ReadingBlock(long day) {
        this.day = day;
    }

    static long dayOf(Instant intervalStart) {
        return Math.floorDiv(intervalStart.getEpochSecond(), DAY_SECONDS);
    }

    static int slotOf(Instant intervalStart) {
        return (int) (Math.floorMod(intervalStart.getEpochSecond(), DAY_SECONDS) / Reading.INTERVAL.toSeconds());
    }

    long day() {
        return day;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == SLOTS;
    }

    boolean holds(int slot) {
        return present[slot];
    }

    /**
     * Puts {@code reading} into its slot unless the slot holds one already: the first copy of a reading is kept.
     *
     * @return whether the reading was new
     * @throws IllegalArgumentException when the reading is of another day
     */
    boolean add(Reading reading) {
        if (dayOf(reading.intervalStart()) != day) {
            throw new IllegalArgumentException("The reading of " + reading.intervalStart() + " is not of UTC day "
                    + day + ".");
        }
        int slot = slotOf(reading.intervalStart());
        if (present[slot]) {
            return false;
        }
        put(slot, reading.energyWh(), reading.registerWh(), reading.quality());
        return true;
    }

    private void put(int slot, long energyWh, long registerWh, Reading.Quality measured) {
        present[slot] = true;
        energy[slot] = energyWh;
        register[slot] = registerWh;
        quality[slot] = measured;
        size++;
    }

    /** Adds every reading of {@code other}, a block of the same day, whose slot is empty here. */
    void addAll(ReadingBlock other) {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (other.present[slot] && !present[slot]) {
                put(slot, other.energy[slot], other.register[slot], other.quality[slot]);
            }
        }
    }

    /** The readings held whose interval starts in [from, to), in time order, as readings of {@code meterId}. */
    List<Reading> readings(String meterId, long fromSecond, long toSecond) {
        List<Reading> result = new ArrayList<>(size);
        long dayStart = day * DAY_SECONDS;
        long interval = Reading.INTERVAL.toSeconds();
        for (int slot = 0; slot < SLOTS; slot++) {
            long start = dayStart + slot * interval;
            if (present[slot] && start >= fromSecond && start < toSecond) {
                result.add(new Reading(meterId, Instant.ofEpochSecond(start), energy[slot], register[slot],
                        quality[slot]));
            }
        }
        return result;
    }

    /** The block's bytes; see the class's comment for their layout. */
    byte[] encode() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            return encode(deflater);
        } finally {
            deflater.end();
        }
    }

    /** The block's bytes, deflated with {@code deflater} (reset first), which a caller encoding many reuses. */
    byte[] encode(Deflater deflater) {
        Bytes body = new Bytes();
        body.varint(size);
        if (size < SLOTS) {
            body.bitmap(present, SLOTS);
        }
        int[] slots = heldSlots();
        boolean[] measured = new boolean[size];
        int measuredCount = 0;
        for (int j = 0; j < size; j++) {
            measured[j] = quality[slots[j]] != null;
            measuredCount += measured[j] ? 1 : 0;
        }
        body.varint(measuredCount);
        if (measuredCount > 0 && measuredCount < size) {
            body.bitmap(measured, size);
        }
        encodeRegisters(body, slots);
        encodeQualities(body, slots);
        return frame(body.toByteArray(), deflater);
    }

    private void encodeRegisters(Bytes body, int[] slots) {
        for (int slot : slots) {
            body.varint(energy[slot]);
        }
        long before = 0;
        for (int j = 0; j < slots.length; j++) {
            int slot = slots[j];
            long opening = register[slot] - energy[slot];
            if (j == 0) {
                body.varint(opening);
            } else {
                body.zigzag(opening - before);
            }
            before = register[slot];
        }
    }

    private void encodeQualities(Bytes body, int[] slots) {
        long previousAverage = 0;
        int[] measuredSlots = Arrays.stream(slots).filter(slot -> quality[slot] != null).toArray();
        for (int slot : measuredSlots) {
            body.zigzag(quality[slot].averageDecivolts() - previousAverage);
            previousAverage = quality[slot].averageDecivolts();
        }
        for (int slot : measuredSlots) {
            body.varint(quality[slot].averageDecivolts() - quality[slot].minDecivolts());
        }
        for (int slot : measuredSlots) {
            body.varint(quality[slot].maxDecivolts() - quality[slot].averageDecivolts());
        }
        for (int slot : measuredSlots) {
            body.zigzag(quality[slot].peakWatts() - 4 * energy[slot]);
        }
    }

    private int[] heldSlots() {
        int[] slots = new int[size];
        int j = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (present[slot]) {
                slots[j++] = slot;
            }
        }
        return slots;
    }

    private static byte[] frame(byte[] body, Deflater deflater) {
        if (body.length >= DEFLATE_FROM) {
            byte[] deflated = deflate(body, deflater);
            if (deflated.length < body.length) {
                return withForm(FORM_DEFLATED, deflated);
            }
        }
        return withForm(FORM_PLAIN, body);
    }

    private static byte[] withForm(int form, byte[] body) {
        byte[] framed = new byte[body.length + 1];
        framed[0] = (byte) form;
        System.arraycopy(body, 0, framed, 1, body.length);
        return framed;
    }

    private static byte[] deflate(byte[] body, Deflater deflater) {
        deflater.reset();
        deflater.setInput(body);
        deflater.finish();
        byte[] buffer = new byte[body.length + 64];
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        return Arrays.copyOf(buffer, length);
    }

    /**
     * The block of UTC day {@code day} that {@code bytes} encode.
     *
     * @throws IllegalArgumentException naming what is wrong, for bytes that are not a block
     */
    static ReadingBlock decode(long day, byte[] bytes) {
        Reader in = new Reader(body(bytes));
        ReadingBlock block = new ReadingBlock(day);
        return block.decodeBody(in);
    }

    /**
     * The body of an encoded block, inflated when its form is 1: the bytes that follow form 0.
     *
     * @throws IllegalArgumentException for bytes that do not begin with a form, or whose deflated body is corrupt
     */
    static byte[] body(byte[] bytes) {
        if (bytes.length == 0 || (bytes[0] != FORM_PLAIN && bytes[0] != FORM_DEFLATED)) {
            throw new IllegalArgumentException("A reading block must begin with its form, 0 or 1.");
        }
        byte[] body = Arrays.copyOfRange(bytes, 1, bytes.length);
        return bytes[0] == FORM_DEFLATED ? inflate(body) : body;
    }

    private ReadingBlock decodeBody(Reader in) {
        ReadingBlock block = this;
        int held = in.count(SLOTS, "readings held");
        boolean[] present = held == SLOTS ? filled(SLOTS) : in.bitmap(SLOTS);
        int[] slots = slotsOf(present, held);
        int measuredCount = in.count(held, "readings with a quality");
        boolean[] measured = measuredCount == 0 ? new boolean[held]
                : measuredCount == held ? filled(held) : in.bitmap(held);
        if (countOf(measured) != measuredCount) {
            throw new IllegalArgumentException("A reading block's quality bitmap disagrees with its count.");
        }
        block.decodeRegisters(in, slots);
        block.decodeQualities(in, slots, measured);
        if (!in.atEnd()) {
            throw new IllegalArgumentException("A reading block has bytes after its last column.");
        }
        return block;
    }

    private void decodeRegisters(Reader in, int[] slots) {
        long[] energies = new long[slots.length];
        for (int j = 0; j < slots.length; j++) {
            energies[j] = in.varint();
        }
        long before = 0;
        for (int j = 0; j < slots.length; j++) {
            long opening = j == 0 ? in.varint() : before + in.zigzag();
            long registerWh = Math.addExact(opening, energies[j]);
            put(slots[j], energies[j], registerWh, null);
            before = registerWh;
        }
    }

    private void decodeQualities(Reader in, int[] slots, boolean[] measured) {
        List<Integer> measuredSlots = new ArrayList<>();
        for (int j = 0; j < slots.length; j++) {
            if (measured[j]) {
                measuredSlots.add(slots[j]);
            }
        }
        int q = measuredSlots.size();
        long[] average = new long[q];
        long previous = 0;
        for (int k = 0; k < q; k++) {
            previous += in.zigzag();
            average[k] = previous;
        }
        long[] below = in.varints(q);
        long[] above = in.varints(q);
        for (int k = 0; k < q; k++) {
            int slot = measuredSlots.get(k);
            long peak = in.zigzag() + 4 * energy[slot];
            quality[slot] = new Reading.Quality(Math.toIntExact(average[k] - below[k]), Math.toIntExact(average[k]),
                    Math.toIntExact(average[k] + above[k]), Math.toIntExact(peak));
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int length = inflater.inflate(buffer);
                if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("A reading block's deflated body is cut short.");
                }
                out.write(buffer, 0, length);
                if (out.size() > MAX_BODY) {
                    throw new IllegalArgumentException("A reading block inflates past " + MAX_BODY + " bytes.");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("A reading block's deflated body is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static boolean[] filled(int length) {
        boolean[] all = new boolean[length];
        Arrays.fill(all, true);
        return all;
    }

    private static int countOf(boolean[] bits) {
        int count = 0;
        for (boolean bit : bits) {
            count += bit ? 1 : 0;
        }
        return count;
    }

    private static int[] slotsOf(boolean[] present, int held) {
        if (countOf(present) != held) {
            throw new IllegalArgumentException("A reading block's slot bitmap disagrees with its count.");
        }
        int[] slots = new int[held];
        int j = 0;
        for (int slot = 0; slot < present.length; slot++) {
            if (present[slot]) {
                slots[j++] = slot;
            }
        }
        return slots;
    }

    /** A growing byte buffer that writes varints. */
    private static final class Bytes extends ByteArrayOutputStream {

        Bytes() {
            super(256);
        }

        void varint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                write((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            write((int) rest);
        }

        void zigzag(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void bitmap(boolean[] bits, int length) {
            byte[] packed = new byte[(length + 7) / 8];
            for (int i = 0; i < length; i++) {
                if (bits[i]) {
                    packed[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            write(packed, 0, packed.length);
        }
    }

    /** Reads varints from a block's body, refusing any that runs past its end or past 64 bits. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new IllegalArgumentException("A reading block ends inside a number.");
                }
                int b = bytes[position++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("A reading block holds a number longer than 64 bits.");
        }

        long zigzag() {
            long raw = varint();
            return (raw >>> 1) ^ -(raw & 1);
        }

        long[] varints(int count) {
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = varint();
            }
            return values;
        }

        int count(int max, String what) {
            long value = varint();
            if (value < 0 || value > max) {
                throw new IllegalArgumentException("A reading block counts " + value + " " + what + ", more than "
                        + max + ".");
            }
            return (int) value;
        }

        boolean[] bitmap(int length) {
            int byteCount = (length + 7) / 8;
            if (position + byteCount > bytes.length) {
                throw new IllegalArgumentException("A reading block ends inside a bitmap.");
            }
            boolean[] bits = new boolean[length];
            for (int i = 0; i < length; i++) {
                bits[i] = (bytes[position + i / 8] & (1 << (i % 8))) != 0;
            }
            position += byteCount;
            return bits;
        }

        boolean atEnd() {
            return position == bytes.length;
        }
    }
}
