package io.gridside.link.transport;

/** The two ways a console reaches a gateway. */
public enum TransportKind {
    TCP,
    SERIAL
}
