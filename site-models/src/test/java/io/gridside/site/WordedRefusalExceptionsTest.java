package io.gridside.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each worded refusal keeps its English message, its sentence and that sentence's values, as its JDK kind. */
class WordedRefusalExceptionsTest {

    static Stream<Throwable> refusals() {
        return Stream.of(
                new InvalidValueException("amount.negative", "Amount is negative: -5", -5L, null),
                new NotReadyException("amount.negative", "Amount is negative: -5", -5L, null),
                new NotHeldException("amount.negative", "Amount is negative: -5", -5L, null),
                new BrokenRecordException("amount.negative", "Amount is negative: -5", -5L, null),
                new RefusedFileException("amount.negative", "Amount is negative: -5", null, -5L, null));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void keepsMessageReasonAndValuesWithNullsInOrder(Throwable refusal) {
        WordedRefusal worded = (WordedRefusal) refusal;

        assertThat(refusal).hasMessage("Amount is negative: -5");
        assertThat(worded.reason()).isEqualTo("amount.negative");
        assertThat(worded.values()).containsExactly(-5L, null);
        assertThatThrownBy(() -> worded.values().add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachStaysTheJdkExceptionItsCallersCatch() {
        assertThat(new InvalidValueException("r", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new NotReadyException("r", "m")).isInstanceOf(IllegalStateException.class);
        assertThat(new NotHeldException("r", "m")).isInstanceOf(NoSuchElementException.class);
        assertThat(new BrokenRecordException("r", "m")).isInstanceOf(IllegalStateException.class);
        assertThat(new RefusedFileException("r", "m", new IOException("inner")))
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void valuesAreCopiedSoTheCallersArrayCannotChangeThemLater() {
        Object[] values = {"M-1", 3};
        InvalidValueException refusal = new InvalidValueException("meter.unknown", "Unknown meter M-1", values);

        values[0] = "M-2";

        assertThat(refusal.values()).containsExactly("M-1", 3);
    }

    @Test
    void deserializedRefusalKeepsItsReasonButNotItsValues() throws Exception {
        NotHeldException refusal = new NotHeldException("customer.unknown", "Unknown customer C-9", new Object());

        NotHeldException copy = roundTrip(refusal);

        assertThat(copy).hasMessage("Unknown customer C-9");
        assertThat(copy.reason()).isEqualTo("customer.unknown");
        assertThat(copy.values()).isEmpty();
    }

    private static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            T copy = (T) in.readObject();
            return copy;
        }
    }
}
