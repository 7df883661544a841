package io.gridside.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CreditState;
import io.gridside.site.MeterStatus;
import io.gridside.site.RelayState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeterRowsTest {

    private final MeterRows shown = new MeterRows();
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void showTwelveMeters() {
        shown.setAll(meters(12));
        shown.addListener((ListChangeListener<MeterStatus>) change -> {
            while (change.next()) {
                changes.add(describe(change));
            }
        });
    }

    @Test
    void aPullThatChangedNothingTellsNobody() {
        List<MeterStatus> before = List.copyOf(shown);

        shown.update(meters(12));

        assertThat(changes).isEmpty();
        for (int i = 0; i < before.size(); i++) {
            assertThat(shown.get(i)).as("row %d kept as it was", i).isSameAs(before.get(i));
        }
    }

    @Test
    void aMeterWhoseBalanceChangedIsTheOneRowReplaced() {
        List<MeterStatus> pulled = meters(12);
        pulled.set(5, meter(5, 777));

        shown.update(pulled);

        assertThat(changes).containsExactly("replaced 5..6");
        assertThat(shown).containsExactlyElementsOf(pulled);
    }

    @Test
    void severalChangedMetersAndOneAddedAreTheOnePullsOneChange() {
        List<MeterStatus> pulled = meters(13);
        pulled.set(2, meter(2, 222));
        pulled.set(7, meter(7, 777));
        List<Integer> calls = new ArrayList<>();
        shown.addListener((ListChangeListener<MeterStatus>) change -> calls.add(1));

        shown.update(pulled);

        assertThat(calls).as("listeners called once").hasSize(1);
        assertThat(changes).containsExactly("replaced 2..3", "replaced 7..8", "added 12..13");
        assertThat(shown).containsExactlyElementsOf(pulled);
    }

    @Test
    void metersAddedOrRemovedAtTheEndAreAddedOrRemovedThere() {
        shown.update(meters(14));
        assertThat(changes).containsExactly("added 12..14");
        assertThat(shown).containsExactlyElementsOf(meters(14));

        changes.clear();
        shown.update(meters(10));
        assertThat(changes).containsExactly("removed 10..10");
        assertThat(shown).containsExactlyElementsOf(meters(10));
    }

    @Test
    void manyChangesOrAnotherOrderReplaceTheWholeListAtOnce() {
        List<MeterStatus> pulled = new ArrayList<>(IntStream.range(0, 12).mapToObj(i -> meter(i, 1)).toList());

        shown.update(pulled);
        assertThat(changes).containsExactly("replaced 0..12");
        assertThat(shown).containsExactlyElementsOf(pulled);

        changes.clear();
        List<MeterStatus> reversed = new ArrayList<>(pulled);
        java.util.Collections.reverse(reversed);
        shown.update(reversed);
        assertThat(changes).containsExactly("replaced 0..12");
        assertThat(shown).containsExactlyElementsOf(reversed);
    }

    private static String describe(ListChangeListener.Change<? extends MeterStatus> change) {
        String kind = change.wasReplaced() ? "replaced" : change.wasAdded() ? "added"
                : change.wasRemoved() ? "removed" : "other";
        return kind + " " + change.getFrom() + ".." + change.getTo();
    }

    private static List<MeterStatus> meters(int count) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> meter(i, 1_000 + i)).toList());
    }

    private static MeterStatus meter(int index, long balanceMinor) {
        String id = String.format("M%05d", index + 1);
        return new MeterStatus(id, "C" + id, "Customer " + index, balanceMinor, "KES",
                Instant.parse("2026-12-06T06:00:00Z"), 12_000, -80, "GW-1", RelayState.ON, CreditState.ACTIVE);
    }
}
