package io.gridside.console.cli;

import io.gridside.link.client.GatewayPin;
import io.gridside.link.client.GatewayPins;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The laptop's pins as a session of the command line uses them, noting each pin that a session replaced with
 * another key, so that the command says so: a re-pin changes whom the laptop trusts and must never pass silently.
 */
final class RepinWatch implements GatewayPins {

    private final GatewayPins pins;
    private final List<String> notices = new ArrayList<>();

    RepinWatch(GatewayPins pins) {
        this.pins = pins;
    }

    @Override
    public Optional<GatewayPin> find(String siteId) throws IOException {
        return pins.find(siteId);
    }

    @Override
    public synchronized void save(GatewayPin pin) throws IOException {
        Optional<GatewayPin> before = pins.find(pin.siteId());
        pins.save(pin);
        if (before.isPresent() && !before.get().publicKey().equals(pin.publicKey())) {
            notices.add(notice(before.get(), pin));
        }
    }

    @Override
    public void forget(GatewayPin pin) throws IOException {
        pins.forget(pin);
    }

    /** One line for each site whose pin was replaced since the last call, in order; then forgets them. */
    synchronized List<String> takeNotices() {
        List<String> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    static String notice(GatewayPin before, GatewayPin after) {
        String how = after.byRecord()
                .map(record -> " with the key replacement record of operator key "
                        + record.replacement().operatorKeyId())
                .orElse(" with --repin");
        return "site " + after.siteId() + " re-pinned: was " + before.fingerprint() + " (gateway "
                + before.gatewayId() + "), now " + after.fingerprint() + " (gateway " + after.gatewayId() + "), by "
                + after.pinnedBy() + how + ".";
    }
}
