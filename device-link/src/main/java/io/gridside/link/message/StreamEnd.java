package io.gridside.link.message;

/** The last frame of a stream: how many items it carried, or that it was cancelled. */
public record StreamEnd(long count, boolean cancelled) implements Message {
}
