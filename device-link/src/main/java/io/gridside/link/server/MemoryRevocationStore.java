package io.gridside.link.server;

import io.gridside.link.auth.SignedRevocationList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A revocation store in memory, which a restart forgets: for tests and gateways that keep nothing. */
public final class MemoryRevocationStore implements RevocationStore {

    private final Map<String, SignedRevocationList> lists = new HashMap<>();

    @Override
    public synchronized Optional<SignedRevocationList> held(String operatorKeyId) {
        return Optional.ofNullable(lists.get(operatorKeyId));
    }

    @Override
    public synchronized SignedRevocationList keepIfNewer(SignedRevocationList list) {
        return lists.merge(list.operatorKeyId(), list, (held, pushed) -> pushed.serial() > held.serial()
                ? pushed : held);
    }
}
