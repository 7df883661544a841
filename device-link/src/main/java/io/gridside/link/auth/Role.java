package io.gridside.link.auth;

import java.util.Locale;

/**
 * What a credential lets its holder do. A supervisor may do everything a technician may, and also change
 * what a site trusts: set the gateway's clock, pin a gateway's key for the first time, or pin a new one without
 * an operator's key replacement record.
 */
public enum Role {

    TECHNICIAN("technician"),
    SUPERVISOR("supervisor");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name credentials and the link carry, written out so that renaming a constant cannot change it. */
    public String wireName() {
        return wireName;
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return this == SUPERVISOR || needed == TECHNICIAN;
    }

    /**
     * @throws IllegalArgumentException when {@code name} names no role
     */
    public static Role ofWireName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("The role must be technician or supervisor, was '" + name + "'.");
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
