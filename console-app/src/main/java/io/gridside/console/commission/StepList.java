package io.gridside.console.commission;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.service.commission.StepState;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The steps down the side of the screen: done, current, left or unavailable, each a click away. */
final class StepList extends ListView<StepState> {

    StepList(CommissionViewModel model) {
        setId("commission-steps");
        setItems(model.steps());
        setCellFactory(list -> new StepCell());
        setPrefWidth(220);
        setMinWidth(200);
        getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen.step() != model.shownProperty().get()) {
                model.show(chosen.step());
            }
        });
        Listening.onChange(this, model.shownProperty(), (obs, old, step) -> selectShown(model));
        Listening.onListChange(this, model.steps(), change -> selectShown(model));
    }

    private void selectShown(CommissionViewModel model) {
        getItems().stream().filter(state -> state.step() == model.shownProperty().get()).findFirst()
                .ifPresent(state -> getSelectionModel().select(state));
    }

    /** One step: an icon for where it stands, its name, and the same in words for a screen reader. */
    private static final class StepCell extends ListCell<StepState> {

        StepCell() {
            // A name longer than the list is wide (French, Portuguese) wraps within it rather than scroll sideways.
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(StepState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.ACCENT, Styles.TEXT_MUTED, Styles.DANGER);
            if (empty || state == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            String status = CommissionTexts.text("status." + state.status().name().toLowerCase());
            setId("step-" + state.step().name().toLowerCase());
            setText(CommissionTexts.text("step." + state.step().name()));
            setAccessibleText(getText() + ", " + status);
            setTooltip(new javafx.scene.control.Tooltip(status));
            FontIcon icon = switch (state.status()) {
                case DONE -> new FontIcon(Material2AL.CHECK_CIRCLE);
                case CURRENT -> new FontIcon(Material2AL.ARROW_FORWARD);
                case LEFT -> new FontIcon(Material2MZ.RADIO_BUTTON_UNCHECKED);
                case UNAVAILABLE -> new FontIcon(Material2AL.BLOCK);
            };
            setGraphic(icon);
            getStyleClass().add(switch (state.status()) {
                case DONE -> Styles.SUCCESS;
                case CURRENT -> Styles.ACCENT;
                case LEFT -> Styles.TEXT_MUTED;
                case UNAVAILABLE -> Styles.DANGER;
            });
        }
    }
}
