/** The meters table, sortable and filterable, with a chart of the chosen meter's recent readings. */
package io.gridside.console.meters;
