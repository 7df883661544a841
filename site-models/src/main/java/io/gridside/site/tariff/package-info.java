/**
 * Tariffs as effective-dated, immutable versions: the prices, blocks, time-of-use bands, standing charges,
 * minimum charge and tax lines that rating applies, and their validation on entry.
 */
package io.gridside.site.tariff;
