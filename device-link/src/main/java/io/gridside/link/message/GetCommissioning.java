package io.gridside.link.message;

/**
 * Asks how far a gateway's commissioning has come (protocol section 6.30), answered by a
 * {@link CommissioningState}; what a console asks first when it resumes a commissioning day.
 */
public record GetCommissioning() implements Message {
}
