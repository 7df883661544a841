package io.gridside.link.message;

/** Asks the gateway to read every meter's energy register over the mesh now (section 6.32). */
public record ReadRegisters() implements Message {
}
