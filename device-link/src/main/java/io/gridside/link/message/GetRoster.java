package io.gridside.link.message;

/** Opens a stream of the site's customers and their meters, answered by roster batches and an end. */
public record GetRoster() implements Message {
}
