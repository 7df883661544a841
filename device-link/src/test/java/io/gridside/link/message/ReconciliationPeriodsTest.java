package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.testing.ReplacementSamples;
import io.gridside.site.CreditState;
import io.gridside.site.RelayState;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounts' periods a reconciliation carries (section 6.36), and a peer of schema 2. */
class ReconciliationPeriodsTest {

    private static final CBORMapper PLAIN = new CBORMapper();

    @Test
    void carriesEachAccountsPeriodWholeThroughTheCodec() {
        PostReconciliation post = ReplacementSamples.reconciliationOfSchemaThree();

        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, MessageCodec.encode(post));

        assertThat(decoded).isEqualTo(post);
        assertThat(decoded.periodsCarried()).singleElement().satisfies(period -> {
            assertThat(period.blockPeriod()).isEqualTo(LocalDate.of(2024, 4, 30));
            assertThat(period.blockPeriodWh()).isEqualTo(2_400);
            assertThat(period.energyMonth()).isEqualTo(YearMonth.of(2024, 4));
            assertThat(period.credit()).isEqualTo(CreditState.EMERGENCY);
        });
        assertThat(decoded.receiptsCarried()).hasSize(1);
    }

    @Test
    void writesAReconciliationWithoutPeriodsExactlyAsSchemaTwoDid() throws IOException {
        Map<?, ?> fields = PLAIN.readValue(MessageCodec.encode(ReplacementSamples.reconciliationOfSchemaTwo()),
                Map.class);

        assertThat(fields.keySet().stream().map(String::valueOf).toList())
                .containsExactly("restoreId", "lines", "receipts");
    }

    @Test
    void readsTheReconciliationOfAConsoleOfSchemaTwoAsCarryingNoPeriod() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(
                ReplacementSamples.reconciliationOfSchemaThree()), Map.class);
        fields.remove("periods");

        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, PLAIN.writeValueAsBytes(fields));

        assertThat(decoded.periods()).isNull();
        assertThat(decoded.periodsCarried()).isEmpty();
        assertThat(decoded).isEqualTo(ReplacementSamples.reconciliationOfSchemaTwo());
    }

    @Test
    void carriesWhetherTheLowCreditAlertIsArmedAndWritesAPeriodThatDoesNotSayAsSchemaThreeDid() throws IOException {
        PostReconciliation.AccountPeriod unsaid = new PostReconciliation.AccountPeriod("c-002", null, 0, null, 0,
                YearMonth.of(2024, 5), CreditState.ACTIVE, RelayState.ON, 0, 0, 0);
        PostReconciliation.AccountPeriod disarmed = new PostReconciliation.AccountPeriod("c-003", null, 0, null, 0,
                YearMonth.of(2024, 5), CreditState.LOW, RelayState.ON, 0, 0, 0, false, null);
        PostReconciliation post = new PostReconciliation(ReplacementSamples.RESTORE_ID,
                ReplacementSamples.reconciliation().lines(), null, List.of(unsaid, disarmed));

        byte[] wire = MessageCodec.encode(post);
        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, wire);
        List<?> periods = (List<?>) PLAIN.readValue(wire, Map.class).get("periods");

        assertThat(decoded.periodsCarried()).containsExactly(unsaid, disarmed);
        assertThat(decoded.periodsCarried().get(1).lowAlertArmed()).isFalse();
        assertThat(((Map<?, ?>) periods.get(0)).containsKey("lowAlertArmed")).isFalse();
        assertThat(((Map<?, ?>) periods.get(1)).get("lowAlertArmed")).isEqualTo(false);
    }

    @Test
    void writesAnAccountThatNeverRatedAReadingWithItsBlockPeriodAndMonthNull() throws IOException {
        PostReconciliation.AccountPeriod fresh = new PostReconciliation.AccountPeriod("c-002", null, 0, null, 0,
                YearMonth.of(2024, 5), CreditState.ACTIVE, RelayState.ON, 0, 0, 0);
        PostReconciliation post = new PostReconciliation(ReplacementSamples.RESTORE_ID,
                ReplacementSamples.reconciliation().lines(), null, List.of(fresh));

        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, MessageCodec.encode(post));

        assertThat(decoded.periodsCarried()).containsExactly(fresh);
    }

    @Test
    void carriesEachLinesRemainderAndWritesAPeriodWithoutOneAsBefore() throws IOException {
        PostReconciliation.AccountPeriod plain = new PostReconciliation.AccountPeriod("c-002", null, 0, null, 0,
                YearMonth.of(2024, 5), CreditState.ACTIVE, RelayState.ON, 0, 0, 0);
        PostReconciliation.AccountPeriod carried = new PostReconciliation.AccountPeriod("c-003", null, 0, null, 0,
                YearMonth.of(2024, 5), CreditState.ACTIVE, RelayState.ON, 0, 0, 0, null,
                List.of(new PostReconciliation.LineRemainder("TAX:VAT:%", 100_000_000_000L, 73_512_000_000L)));
        PostReconciliation post = new PostReconciliation(ReplacementSamples.RESTORE_ID,
                ReplacementSamples.reconciliation().lines(), null, List.of(plain, carried));

        byte[] bytes = MessageCodec.encode(post);
        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, bytes);

        assertThat(decoded.periodsCarried()).containsExactly(plain, carried);
        assertThat(decoded.periodsCarried().get(1).remaindersCarried()).singleElement()
                .extracting(PostReconciliation.LineRemainder::units).isEqualTo(73_512_000_000L);
        List<?> periods = (List<?>) PLAIN.readValue(bytes, Map.class).get("periods");
        assertThat(((Map<?, ?>) periods.get(0)).containsKey("remainders")).isFalse();
        assertThat(((Map<?, ?>) periods.get(1)).containsKey("remainders")).isTrue();
    }
}
