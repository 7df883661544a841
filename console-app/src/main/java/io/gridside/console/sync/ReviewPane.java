package io.gridside.console.sync;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The customer values that a later edit overwrote, from either side, for a person to review: the customer and
 * field, the value that lost, the value now, where the winner came from, and when.
 */
final class ReviewPane extends BorderPane {

    private final TableView<SyncOverview.Review> table = SyncTables.table("sync-reviews", "sync.review.none");

    ReviewPane(SyncViewModel model) {
        table.getColumns().setAll(List.of(
                SyncTables.column("sync.review.at", 150, review -> Formats.siteTime(review.at(), model.zone())),
                SyncTables.column("sync.review.customer", 120, SyncOverview.Review::customerId),
                SyncTables.column("sync.review.field", 90, review -> fieldName(review.field())),
                SyncTables.wrapping(SyncTables.column("sync.review.lost", 220, SyncOverview.Review::lostValue)),
                SyncTables.wrapping(SyncTables.column("sync.review.won", 220, SyncOverview.Review::wonValue)),
                SyncTables.column("sync.review.from", 120, review -> I18n.text("sync.review.from."
                        + review.wonBy()))));
        table.setItems(model.reviews());
        setCenter(table);
    }

    private static String fieldName(String field) {
        String key = "sync.review.field." + field;
        String name = I18n.text(key);
        return name.equals("!" + key + "!") ? field : name;
    }
}
