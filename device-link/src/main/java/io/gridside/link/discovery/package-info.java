/**
 * Finding gateways on a LAN: a gateway advertises its link with DNS-SD over multicast DNS, and the console browses
 * for those adverts for a bounded time.
 */
package io.gridside.link.discovery;
