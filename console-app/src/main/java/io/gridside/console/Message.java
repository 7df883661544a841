package io.gridside.console;

import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

/**
 * A line a view model writes after an action (a receipt saved, an import's result, a pull refused), kept as a
 * {@link Sentence} and shown as text that is written again whenever the language changes, so a message written
 * before a switch reads in the new language after it. Use it on the JavaFX thread.
 */
public final class Message {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Sentence sentence = Sentence.NONE;
    /** Held here and listened to weakly: the language lives as long as the console, a screen's model may not. */
    private final ChangeListener<Locale> reword = (language, old, now) -> reword();

    public Message() {
        I18n.languageProperty().addListener(new WeakChangeListener<>(reword));
    }

    /** Shows the text of {@code key} with {@code args}. */
    public void say(String key, Object... args) {
        show(Sentence.of(key, args));
    }

    /** Shows what the technician reads about {@code failure}. */
    public void fail(Throwable failure) {
        show(Sentence.failure(failure));
    }

    /**
     * Shows {@code words} as they are: a failure a service already worded, or words from outside the console. They
     * stay in the language they were written in.
     */
    public void showWords(String words) {
        show(Sentence.verbatim(words));
    }

    /** Shows {@code shown}. */
    public void show(Sentence shown) {
        sentence = shown;
        text.set(shown.text());
    }

    /** Shows nothing. */
    public void clear() {
        show(Sentence.NONE);
    }

    /**
     * Writes the sentence again in the language now in use, on the JavaFX thread, where the screens read it; with
     * no toolkit running (a test, the command line) there is no such thread, and it is written at once.
     */
    private void reword() {
        onFxThread(() -> text.set(sentence.text()));
    }

    /**
     * Runs {@code rewording} on the JavaFX thread, where the screens read what it writes: at once when called there or
     * when no toolkit runs (a test, the command line), else later. For a model that words its texts again when the
     * language changes, which a test may switch from its own thread.
     */
    public static void onFxThread(Runnable rewording) {
        if (Platform.isFxApplicationThread()) {
            rewording.run();
            return;
        }
        try {
            Platform.runLater(rewording);
        } catch (IllegalStateException noToolkit) {
            rewording.run();
        }
    }

    /** The sentence shown, as kept. */
    public Sentence sentence() {
        return sentence;
    }

    /** The sentence shown, in the language in use. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
