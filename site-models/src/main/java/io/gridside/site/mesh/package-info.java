/**
 * The mesh as a graph and the answers computed on it: which links are weak or one-way, which meters have a single
 * route, and which meters' loss would cut others off from the gateway.
 */
package io.gridside.site.mesh;
