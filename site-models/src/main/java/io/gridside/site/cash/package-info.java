/** Cash collected on site: the gateway's cash book of receipts and voids, and a technician's cash-up of a day. */
package io.gridside.site.cash;
