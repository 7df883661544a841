/** What happens between the meters and the gateway: the mesh's upstream traffic and how the gateway takes it in. */
package io.gridside.sim.mesh;
