/**
 * Commissioning a new site offline, from an empty store to a gateway that bills: the site's plan, the meters that
 * joined the mesh and wait to be given to customers, the planned customers, and the steps of the day.
 */
package io.gridside.site.commission;
