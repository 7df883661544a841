package io.gridside.console;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.WeakListChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/**
 * A view's listeners on what outlives it: its view model, the session. A language or theme switch builds every
 * screen again on the same models, so a listener a model held strongly would keep each old screen, and all it
 * refers to, for as long as the console runs. Here the model holds the listener weakly and the view holds it
 * strongly: the listener lives exactly as long as the view that added it.
 */
public final class Listening {

    private Listening() {
    }

    /** Calls {@code listener} when {@code value} changes, for as long as {@code view} is reachable. */
    public static <T> void onChange(Node view, ObservableValue<T> value, ChangeListener<? super T> listener) {
        keep(view, listener);
        value.addListener(new WeakChangeListener<>(listener));
    }

    /** Calls {@code listener} when {@code observable} is invalidated, for as long as {@code view} is reachable. */
    public static void onInvalidation(Node view, Observable observable, InvalidationListener listener) {
        keep(view, listener);
        observable.addListener(new WeakInvalidationListener(listener));
    }

    /** Calls {@code listener} when {@code list} changes, for as long as {@code view} is reachable. */
    public static <E> void onListChange(Node view, ObservableList<E> list, ListChangeListener<E> listener) {
        keep(view, listener);
        list.addListener(new WeakListChangeListener<>(listener));
    }

    /** Calls {@code listener} when {@code map} changes, for as long as {@code view} is reachable. */
    public static <K, V> void onMapChange(Node view, ObservableMap<K, V> map, MapChangeListener<K, V> listener) {
        keep(view, listener);
        map.addListener(new WeakMapChangeListener<>(listener));
    }

    /**
     * Shows {@code value} in {@code field}. A text field's or text area's own binding holds its listener strongly, so
     * bound straight to a model's text it would keep the field, and its screen, as long as the model: it is bound
     * to a binding of the field's own that the model holds weakly.
     */
    public static void bindText(TextInputControl field, ObservableValue<String> value) {
        field.textProperty().bind(Bindings.createStringBinding(value::getValue, value));
    }

    /**
     * Stops {@code animation} once {@code view} leaves its scene: a running animation is held by the toolkit's
     * pulse, so a screen replaced by a switch would otherwise keep running, and stay, for good.
     */
    public static void stopWhenRemoved(Node view, Animation animation) {
        view.sceneProperty().addListener((property, was, scene) -> {
            if (scene == null) {
                animation.stop();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void keep(Node view, Object listener) {
        ((List<Object>) view.getProperties().computeIfAbsent(Listening.class, key -> new ArrayList<>()))
                .add(listener);
    }
}
