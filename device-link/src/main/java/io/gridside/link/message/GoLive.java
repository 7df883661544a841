package io.gridside.link.message;

/**
 * Switches a commissioned gateway's billing on (protocol section 6.31): the customers' accounts open with their
 * opening balances and every quarter hour from then on is billed. Refused before the site is set up or while no
 * customer is commissioned; sent again, it is answered as the first was.
 */
public record GoLive() implements Message {
}
