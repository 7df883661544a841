/**
 * A factory-fresh gateway that replaces a site's dead one and is restored from a console's replica (protocol
 * section 6.32, decision 0067), with the site's meters it reads over the mesh.
 */
package io.gridside.sim.replace;
