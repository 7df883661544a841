package io.gridside.link.server;

import io.gridside.link.auth.CommissioningPackRefusedException;
import io.gridside.link.auth.CredentialCheck;
import io.gridside.link.auth.CredentialRefusedException;
import io.gridside.link.auth.OperatorKey;
import io.gridside.link.auth.Refusal;
import io.gridside.link.auth.RevocationList;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetCommissioning;
import io.gridside.link.message.GetJoinedMeters;
import io.gridside.link.message.GoLive;
import io.gridside.link.message.Hello;
import io.gridside.link.message.Message;
import io.gridside.link.message.SetUpSite;
import io.gridside.link.message.TestRelay;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's answers to the commissioning requests (protocol sections 6.30 and 6.31), and the rules of a
 * factory-fresh gateway's first contact. A fresh gateway trusts no operator yet, so it cannot check a hello's
 * credential: it admits any well-formed one, answers only what a setup needs, and checks the credential against
 * the operator key of the pack the setup brings. Once set up, a hello is checked as on any gateway.
 */
final class CommissionDesk {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionDesk.class);

    private final GatewayService service;
    private final Function<String, Optional<RevocationList>> revocations;

    CommissionDesk(GatewayService service, Function<String, Optional<RevocationList>> revocations) {
        this.service = service;
        this.revocations = revocations;
    }

    /**
     * Whether {@code message} is a commissioning request this desk answers: all but the joined meters, which the
     * session streams, and which this desk refuses for a gateway that cannot be commissioned.
     */
    static boolean handles(Message message) {
        return message instanceof SetUpSite || message instanceof CommissionMeter || message instanceof TestRelay
                || message instanceof GoLive || message instanceof GetCommissioning
                || message instanceof GetJoinedMeters;
    }

    /** Whether the gateway can be commissioned over the link at all. */
    boolean commissionable() {
        try {
            service.commissioning();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether the gateway has no site yet. */
    boolean factoryFresh() {
        try {
            return service.commissioning().factoryFresh();
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether a factory-fresh gateway answers {@code message}: what a setup needs, nothing that reads a site. */
    static boolean answersWhileFresh(Message message) {
        return message instanceof SetUpSite || message instanceof GetCommissioning
                || message instanceof GetJoinedMeters;
    }

    /** The refusal of a request a factory-fresh gateway does not answer. */
    static ErrorReply notSetUp(Message message) {
        return new ErrorReply(CommissionRefusedException.NOT_SET_UP, "This gateway is factory-fresh: it has no site "
                + "yet, so it cannot answer a " + message.getClass().getSimpleName() + "; set it up with the "
                + "operator's commissioning pack first.");
    }

    /**
     * The credential of a hello: checked by every rule of {@link CredentialCheck} with the gateway's operator keys,
     * site and clock as they stand now, or only read when the gateway is factory-fresh.
     *
     * @throws CredentialRefusedException with the first rule the credential breaks
     */
    SignedCredential checkHello(Hello hello, Instant clock) throws CredentialRefusedException {
        if (!factoryFresh()) {
            return new CredentialCheck(service.trustedOperators(), service.profile().siteId(), revocations)
                    .check(hello.credential(), hello.credentialSignature(), clock);
        }
        try {
            return SignedCredential.of(hello.credential(), hello.credentialSignature());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CredentialRefusedException(Refusal.CREDENTIAL_MALFORMED, "The credential is damaged or not a "
                    + "Gridside credential; connect with your credential file.");
        }
    }

    /** The answer to a commissioning request that {@link #handles} names, or the refusal with its rule's code. */
    Message answer(Message request, SignedCredential credential) {
        String by = credential.technicianId();
        try {
            CommissioningService commissioning = service.commissioning();
            Message answer;
            if (request instanceof SetUpSite setUp) {
                answer = setUp(commissioning, setUp, credential);
            } else if (request instanceof CommissionMeter commission) {
                answer = commissioning.commission(commission, by);
            } else if (request instanceof TestRelay test) {
                answer = commissioning.testRelay(test.meterSerial(), by);
            } else if (request instanceof GoLive) {
                answer = commissioning.goLive(by);
            } else if (request instanceof GetCommissioning) {
                answer = commissioning.state();
            } else {
                throw new IllegalStateException("the session streams the joined meters of a gateway that has them");
            }
            LOG.info("Technician {} commissioned: {}", by, answer);
            return answer;
        } catch (CommissionRefusedException e) {
            return refused(request, by, e.code(), e.getMessage());
        } catch (CommissioningPackRefusedException e) {
            return refused(request, by, e.code(), e.getMessage());
        } catch (UnsupportedOperationException e) {
            return refused(request, by, CommissionRefusedException.NOT_COMMISSIONABLE, "This gateway is not "
                    + "commissioned over the link; it was set up another way.");
        }
    }

    private static ErrorReply refused(Message request, String by, String code, String message) {
        LOG.info("Refused a {} of technician {}: {}", request.getClass().getSimpleName(), by, code);
        return new ErrorReply(code, message);
    }

    private Message setUp(CommissioningService commissioning, SetUpSite request, SignedCredential credential)
            throws CommissionRefusedException, CommissioningPackRefusedException {
        OperatorKey trusted = commissioning.factoryFresh() ? null
                : service.trustedOperators().keys().stream().findFirst().orElse(null);
        String siteId = request.plan().siteId();
        SignedCommissioningPack pack = SignedCommissioningPack.verify(request.pack(), request.packSignature(),
                siteId, request.clock(), trusted);
        if (!credential.signedBy(pack.pack().operator()) || !credential.credential().covers(siteId)
                || !credential.credential().validAt(request.clock())) {
            throw new CommissionRefusedException(CommissionRefusedException.CREDENTIAL_REFUSED, "The credential of "
                    + credential.technicianId() + " is not one operator key '" + pack.pack().operatorKeyId()
                    + "' signed for site " + siteId + " and valid at " + request.clock() + "; connect with a "
                    + "credential the pack's operator issued for this site.");
        }
        return commissioning.setUp(request.plan(), request.clock(), pack, tariffs(pack, request),
                credential.technicianId());
    }

    private static List<TariffSchedule> tariffs(SignedCommissioningPack pack, SetUpSite request)
            throws CommissioningPackRefusedException {
        List<TariffSchedule> schedules = new ArrayList<>();
        for (String file : pack.pack().tariffFiles()) {
            TariffSchedule schedule;
            try {
                schedule = TariffFile.parse(file).validated();
            } catch (IOException | RuntimeException e) {
                throw new CommissioningPackRefusedException(CommissioningPackRefusedException.BAD_TARIFF, "A tariff "
                        + "file in the commissioning pack is not a valid tariff (" + e.getMessage() + "); ask the "
                        + "operator for a new pack.");
            }
            if (!schedule.currency().equals(request.plan().currency())) {
                throw new CommissioningPackRefusedException(CommissioningPackRefusedException.BAD_TARIFF, "The "
                        + "tariff " + schedule.tariffId() + " in the pack prices in " + schedule.currency()
                        + " and the site bills in " + request.plan().currency() + "; ask the operator for a new "
                        + "pack.");
            }
            schedules.add(schedule);
        }
        return schedules;
    }
}
