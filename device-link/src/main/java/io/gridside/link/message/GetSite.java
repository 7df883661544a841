package io.gridside.link.message;

/** Asks for the site's description, tariff, customers and meters. */
public record GetSite() implements Message {
}
