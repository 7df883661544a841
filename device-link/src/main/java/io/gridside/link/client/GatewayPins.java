package io.gridside.link.client;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where a console keeps the gateway keys it has pinned, one per site. Implementations are thread-safe. */
public interface GatewayPins {

    /** The pin of {@code siteId}, or empty when no key is pinned for it yet. */
    Optional<GatewayPin> find(String siteId) throws IOException;

    /** Pins a key for its site, replacing the site's pin if there is one. */
    void save(GatewayPin pin) throws IOException;

    /** Removes the pin of {@code pin}'s site when it is still {@code pin}; another pin of the site stays. */
    void forget(GatewayPin pin) throws IOException;

    /** Pins that live as long as this object: for the demo site, which is new at every start, and for tests. */
    static GatewayPins inMemory() {
        Map<String, GatewayPin> pins = new ConcurrentHashMap<>();
        return new GatewayPins() {
            @Override
            public Optional<GatewayPin> find(String siteId) {
                return Optional.ofNullable(pins.get(siteId));
            }

            @Override
            public void save(GatewayPin pin) {
                pins.put(pin.siteId(), pin);
            }

            @Override
            public void forget(GatewayPin pin) {
                pins.remove(pin.siteId(), pin);
            }
        };
    }
}
