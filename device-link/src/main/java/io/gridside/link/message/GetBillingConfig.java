package io.gridside.link.message;

/** Opens a stream of the gateway's billing configuration document, answered by its batches and an end. */
public record GetBillingConfig() implements Message {
}
