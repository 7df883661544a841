package io.gridside.sim.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mesh whose routes the test moves by hand, which records what the scenario asks of its radios. */
final class ScriptedMesh implements MeshTopology {

    /** A silence or an interference the scenario asked for. */
    record Call(String what, List<String> meterIds, Double radiusMetres, Instant from, Instant to) {
    }

    final List<Call> calls = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, String> lastParents = new HashMap<>();
    private List<String> reach = List.of();

    /** A mesh of {@code meters} meters, each routing straight to the gateway. */
    ScriptedMesh(int meters) {
        for (int i = 0; i < meters; i++) {
            ids.add(TestTopology.id(i));
            route(i, -1);
        }
    }

    /** Routes meter {@code meter} through meter {@code parent}, or through the gateway for -1. */
    ScriptedMesh route(int meter, int parent) {
        String id = parent < 0 ? TestTopology.GATEWAY : TestTopology.id(parent);
        parents.put(TestTopology.id(meter), id);
        lastParents.put(TestTopology.id(meter), id);
        return this;
    }

    /** Leaves meter {@code meter} with no route, as the mesh does when none of its neighbours will do. */
    ScriptedMesh detach(int meter) {
        parents.remove(TestTopology.id(meter));
        return this;
    }

    /** The meters the next interference reaches. */
    ScriptedMesh reaching(List<String> meterIds) {
        reach = meterIds;
        return this;
    }

    @Override
    public String gatewayId() {
        return TestTopology.GATEWAY;
    }

    @Override
    public List<String> meterIds() {
        return ids;
    }

    @Override
    public String parentOf(String meterId) {
        return parents.get(meterId);
    }

    @Override
    public String lastParentOf(String meterId) {
        return lastParents.get(meterId);
    }

    @Override
    public void silence(String meterId, Instant from, Instant to) {
        calls.add(new Call("silence", List.of(meterId), null, from, to));
    }

    @Override
    public List<String> interfere(List<String> meterIds, Double radiusMetres, double riseDb, Instant from,
            Instant to) {
        calls.add(new Call("interfere", meterIds, radiusMetres, from, to));
        return reach;
    }
}
