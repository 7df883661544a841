/** The tariffs screen: the site's tariff schedule, an editor for its next version, and a month's bill preview. */
package io.gridside.console.tariffs;
