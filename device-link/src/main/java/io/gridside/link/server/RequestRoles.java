package io.gridside.link.server;

import io.gridside.link.auth.Role;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.Message;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.SetClock;
import java.util.Set;

/**
 * The role each request needs, which the gateway enforces: a console's own checks would protect nothing. A
 * request not named here is a technician's.
 */
public final class RequestRoles {

    /**
     * Requests that change what the site trusts or how it keeps time, money a technician took or money already
     * charged, payments imported from a file, which no cash limit bounds (the supervisor answers for the file),
     * and those that open or close a customer's account: a move-in may start an account with credit, and a
     * move-out settles one.
     */
    private static final Set<Class<? extends Message>> SUPERVISOR_ONLY = Set.of(SetClock.class, CashVoid.class,
            PostPayments.class, MoveIn.class, MoveOut.class, PostAdjustments.class);

    private RequestRoles() {
    }

    public static Role needed(Class<? extends Message> request) {
        return SUPERVISOR_ONLY.contains(request) ? Role.SUPERVISOR : Role.TECHNICIAN;
    }

    public static Set<Class<? extends Message>> supervisorOnly() {
        return SUPERVISOR_ONLY;
    }
}
