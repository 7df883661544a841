package io.gridside.link.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator keys a gateway trusts to sign credentials, by key id. Immutable. */
public final class TrustedOperators {

    private final Map<String, OperatorKey> byId;

    private TrustedOperators(Map<String, OperatorKey> byId) {
        this.byId = byId;
    }

    /**
     * @throws IllegalArgumentException when two keys share an id
     */
    public static TrustedOperators of(Collection<OperatorKey> keys) {
        Map<String, OperatorKey> byId = new LinkedHashMap<>();
        for (OperatorKey key : keys) {
            if (byId.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("Two trusted operator keys share the id " + key.keyId() + ".");
            }
        }
        return new TrustedOperators(Map.copyOf(byId));
    }

    public static TrustedOperators of(OperatorKey... keys) {
        return of(List.of(keys));
    }

    public Optional<OperatorKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public Collection<OperatorKey> keys() {
        return byId.values();
    }
}
