package io.gridside.link.server;

import io.gridside.link.auth.Role;
import io.gridside.link.message.Message;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.SetClock;
import java.util.Set;

/**
 * The role each request needs, which the gateway enforces: a console's own checks would protect nothing. A
 * request not named here is a technician's.
 */
public final class RequestRoles {

    /** Requests that change what the site trusts, how it keeps time, or money already charged. */
    private static final Set<Class<? extends Message>> SUPERVISOR_ONLY = Set.of(SetClock.class, PostAdjustments.class);

    private RequestRoles() {
    }

    public static Role needed(Class<? extends Message> request) {
        return SUPERVISOR_ONLY.contains(request) ? Role.SUPERVISOR : Role.TECHNICIAN;
    }

    public static Set<Class<? extends Message>> supervisorOnly() {
        return SUPERVISOR_ONLY;
    }
}
