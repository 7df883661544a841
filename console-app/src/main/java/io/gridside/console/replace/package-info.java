/** The console's guided replacement of a site's failed gateway, reached from the Commissioning screen. */
package io.gridside.console.replace;
