package io.gridside.console;

import javafx.beans.InvalidationListener;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps text fields as wide as the text they must show whole, in the font and padding the theme gives them: a
 * field's prompt is often the only hint of what it takes, and French or Swahili words, or the high-contrast theme's
 * larger letters, cut it otherwise.
 */
public final class FittedFields {

    /** Room for the caret and the field's rounding, beyond the text. */
    private static final double ROOM = 8;
    /** Room for a date picker's calendar button beside its text. */
    private static final double PICKER_BUTTON = 40;

    private FittedFields() {
    }

    /** Keeps {@code field} as wide as its prompt, or as {@code sample} (a widest value it shows) when wider. */
    public static void fit(TextField field, String sample) {
        fit(field, field, sample, 0);
    }

    /** Keeps {@code picker} as wide as its prompt and its calendar button. */
    public static void fit(DatePicker picker) {
        fit(picker, picker.getEditor(), "", PICKER_BUTTON);
    }

    private static void fit(Region sized, TextField field, String sample, double extra) {
        InvalidationListener fit = changed -> {
            double text = Math.max(width(field.getPromptText(), field.getFont()), width(sample, field.getFont()));
            double width = Math.ceil(text) + field.getInsets().getLeft() + field.getInsets().getRight() + ROOM + extra;
            sized.setPrefWidth(width);
            sized.setMinWidth(width);
        };
        field.fontProperty().addListener(fit);
        field.insetsProperty().addListener(fit);
        field.promptTextProperty().addListener(fit);
        fit.invalidated(null);
    }

    private static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
