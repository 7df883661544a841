/** The mesh view: the site's radios and links drawn at any size, now and as they were, with answers about them. */
package io.gridside.console.mesh;
