package io.gridside.billing;

import io.gridside.site.CreditState;
import io.gridside.site.MeterLock;
import io.gridside.site.RelayState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account's whole state as bytes, for a gateway to keep beside the readings it rated: balance, rating state
 * with each line's accrual and remainder, credit state, relay, lock, and what the customer's debts still owe.
 *
 * <p>The layout is private to the engine and starts with a format byte; a state written by another format is
 * refused rather than misread. Fields are written in a fixed order with Java's data streams, big-endian, and
 * enumerations by name, never by position.
 */
final class AccountCodec {

    private static final int FORMAT = 1;

    private AccountCodec() {
    }

    /** The account's state, with the remaining amount of each debt of {@code debtsRemaining} (id to minor units). */
    static byte[] encode(Account account, Map<String, Long> debtsRemaining) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(account.customerId);
            out.writeUTF(account.meterId);
            writeInstant(out, account.openedAt);
            out.writeBoolean(account.closedAt != null);
            if (account.closedAt != null) {
                writeInstant(out, account.closedAt);
            }
            out.writeLong(account.balanceMinor);
            writeRating(out, account.rating);
            out.writeUTF(account.relay.name());
            out.writeLong(account.lastStandingDay.toEpochDay());
            out.writeUTF(account.state.name());
            out.writeBoolean(account.neverDisconnect);
            out.writeBoolean(account.lowAlertArmed);
            out.writeLong(account.emergencyDebtMinor);
            writeLock(out, account.lock);
            out.writeLong(account.energyPastZeroWh);
            out.writeLong(account.energyInGraceWh);
            out.writeInt(debtsRemaining.size());
            for (Map.Entry<String, Long> debt : debtsRemaining.entrySet()) {
                out.writeUTF(debt.getKey());
                out.writeLong(debt.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("An account's state could not be written to memory.", e);
        }
        return bytes.toByteArray();
    }

    /** An account read back, and what its debts still owed when it was written. */
    record Decoded(Account account, Map<String, Long> debtsRemaining) {
    }

    static Decoded decode(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("An account's saved state is in format " + format
                        + ", and this engine reads format " + FORMAT + " only.");
            }
            String customerId = in.readUTF();
            String meterId = in.readUTF();
            Instant openedAt = readInstant(in);
            Instant closedAt = in.readBoolean() ? readInstant(in) : null;
            long balance = in.readLong();
            Account account = new Account(customerId, meterId, openedAt, readRating(in));
            account.closedAt = closedAt;
            account.balanceMinor = balance;
            account.relay = RelayState.valueOf(in.readUTF());
            account.lastStandingDay = LocalDate.ofEpochDay(in.readLong());
            account.state = CreditState.valueOf(in.readUTF());
            account.neverDisconnect = in.readBoolean();
            account.lowAlertArmed = in.readBoolean();
            account.emergencyDebtMinor = in.readLong();
            account.lock = readLock(in);
            account.energyPastZeroWh = in.readLong();
            account.energyInGraceWh = in.readLong();
            Map<String, Long> debts = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                debts.put(in.readUTF(), in.readLong());
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("An account's saved state has " + in.available()
                        + " bytes past its end.");
            }
            return new Decoded(account, debts);
        } catch (IOException e) {
            throw new IllegalArgumentException("An account's saved state is cut short: " + e.getMessage(), e);
        }
    }

    private static void writeRating(DataOutputStream out, RatingState rating) throws IOException {
        writeMonth(out, rating.firstFullMonth);
        out.writeBoolean(rating.blockPeriod != null);
        if (rating.blockPeriod != null) {
            out.writeLong(rating.blockPeriod.toEpochDay());
        }
        out.writeLong(rating.periodWh);
        out.writeBoolean(rating.energyMonth != null);
        if (rating.energyMonth != null) {
            writeMonth(out, rating.energyMonth);
        }
        out.writeLong(rating.monthEnergyUnits);
        Map<String, long[]> lines = rating.lines();
        out.writeInt(lines.size());
        for (Map.Entry<String, long[]> line : lines.entrySet()) {
            out.writeUTF(line.getKey());
            out.writeLong(line.getValue()[0]);
            out.writeLong(line.getValue()[1]);
        }
        writeNullableInstant(out, rating.accruedFrom);
        writeNullableInstant(out, rating.accruedTo);
        out.writeBoolean(rating.ratedVersion != null);
        if (rating.ratedVersion != null) {
            writeInstant(out, rating.ratedVersion.toInstant(ZoneOffset.UTC));
        }
    }

    private static RatingState readRating(DataInputStream in) throws IOException {
        RatingState rating = new RatingState(readMonth(in));
        rating.blockPeriod = in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
        rating.periodWh = in.readLong();
        rating.energyMonth = in.readBoolean() ? readMonth(in) : null;
        rating.monthEnergyUnits = in.readLong();
        for (int n = in.readInt(); n > 0; n--) {
            rating.restoreLine(in.readUTF(), in.readLong(), in.readLong());
        }
        rating.accruedFrom = readNullableInstant(in);
        rating.accruedTo = readNullableInstant(in);
        rating.ratedVersion = in.readBoolean() ? LocalDateTime.ofInstant(readInstant(in), ZoneOffset.UTC) : null;
        return rating;
    }

    private static void writeLock(DataOutputStream out, MeterLock lock) throws IOException {
        out.writeBoolean(lock != null);
        if (lock != null) {
            out.writeUTF(lock.meterId());
            out.writeUTF(lock.relay().name());
            out.writeUTF(lock.placedBy());
            out.writeUTF(lock.reason());
            writeInstant(out, lock.placedAt());
        }
    }

    private static MeterLock readLock(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return MeterLock.placed(in.readUTF(), RelayState.valueOf(in.readUTF()), in.readUTF(), in.readUTF(),
                readInstant(in));
    }

    private static void writeMonth(DataOutputStream out, YearMonth month) throws IOException {
        out.writeInt(month.getYear() * 12 + month.getMonthValue() - 1);
    }

    private static YearMonth readMonth(DataInputStream in) throws IOException {
        int months = in.readInt();
        return YearMonth.of(Math.floorDiv(months, 12), Math.floorMod(months, 12) + 1);
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeNullableInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeBoolean(at != null);
        if (at != null) {
            writeInstant(out, at);
        }
    }

    private static Instant readNullableInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }
}
