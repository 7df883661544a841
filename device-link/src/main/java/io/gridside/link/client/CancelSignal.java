package io.gridside.link.client;

import java.util.function.BooleanSupplier;

/** Tells a long pull whether its user asked it to stop. */
@FunctionalInterface
public interface CancelSignal extends BooleanSupplier {

    CancelSignal NEVER = () -> false;

    default boolean isCancelled() {
        return getAsBoolean();
    }
}
