package io.gridside.console.cli;

import io.gridside.link.auth.CommissioningPack;
import io.gridside.link.auth.CommissioningPackFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.auth.SignedCredential;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission pack}: the operator's commissioning pack for one site, made ahead of time in the
 * operator's office with its signing key, which the technician carries to the factory-fresh gateway.
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Makes the signed commissioning pack a technician carries to a new site's factory-fresh "
                + "gateway: the operator's public key, the site id, the tariff files and the technicians' "
                + "credentials.",
            "Every credential must be signed by the same operator key, for the site. The gateway trusts the key of "
                + "the first pack it takes, and only that key after."})
final class CommissionPackCommand implements Callable<Integer> {

    private static final long MAX_VALID_DAYS = 366;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--operator-key", required = true, paramLabel = "FILE",
            description = "The operator's private key file, which signs the pack (see credential operator-key).")
    Path operatorKey;

    @Option(names = "--tariff", required = true, paramLabel = "FILE",
            description = "A tariff file (JSON, as bill tariff-check reads it) the site bills with; repeatable.")
    List<Path> tariffs;

    @Option(names = "--credential", required = true, paramLabel = "FILE",
            description = "A technician's credential file the operator issued for the site; repeatable.")
    List<Path> credentials;

    @Option(names = "--site-id", required = true, paramLabel = "ID", description = "The site the pack is for.")
    String siteId;

    @Option(names = "--valid-days", paramLabel = "DAYS", defaultValue = "30",
            description = "How many days from now a gateway takes the pack (default: ${DEFAULT-VALUE}).")
    long validDays;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the pack; an existing file is never replaced.")
    Path out;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (validDays < 1 || validDays > MAX_VALID_DAYS) {
            throw new UsageException("--valid-days must be between 1 and " + MAX_VALID_DAYS + ", was " + validDays
                    + ".");
        }
        CommandFiles.requireNew(out, "--out");
        OperatorSigningKey key = CommandFiles.signingKey(operatorKey);
        List<SignedCredential> issued = credentials();
        checkCredentials(key, issued);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignedCommissioningPack pack;
        try {
            pack = key.sign(new CommissioningPack(siteId, key.keyId(), key.publicKey().publicKey(), now,
                    now.plus(Duration.ofDays(validDays)), tariffTexts(), issued));
        } catch (IllegalArgumentException e) {
            throw new UsageException("The pack cannot be made: " + e.getMessage() + ".", e);
        }
        CommandFiles.written(out, "--out", () -> CommissioningPackFile.write(out, pack));
        print(pack);
        return ExitCode.OK;
    }

    private List<SignedCredential> credentials() {
        List<SignedCredential> issued = new ArrayList<>();
        for (Path file : credentials) {
            issued.add(CommandFiles.credential(file));
        }
        return issued;
    }

    /** Refuses here what the gateway would refuse on site, where no operator is at hand to mend it. */
    private void checkCredentials(OperatorSigningKey key, List<SignedCredential> issued) {
        for (SignedCredential credential : issued) {
            if (!credential.signedBy(key.publicKey()) || !credential.credential().covers(siteId)) {
                throw new UsageException("The credential of " + credential.technicianId() + " is not signed by "
                        + "operator key " + key.keyId() + " for site " + siteId + "; the gateway would refuse the "
                        + "pack. Issue it with this key for this site.", null, "COMMISSION_PACK_BAD_CREDENTIAL");
            }
        }
    }

    private List<String> tariffTexts() {
        List<String> texts = new ArrayList<>();
        for (Path file : tariffs) {
            try {
                String text = Files.readString(file);
                TariffSchedule schedule = TariffFile.parse(text).validated();
                texts.add(TariffFile.write(schedule));
            } catch (IOException | RuntimeException e) {
                throw new UsageException("The tariff file " + file + " cannot be packed: " + e.getMessage()
                        + " Check it with gridside bill tariff-check.", e, "COMMISSION_PACK_BAD_TARIFF");
            }
        }
        return texts;
    }

    private void print(SignedCommissioningPack signed) {
        PrintWriter printer = command.commandLine().getOut();
        CommissioningPack pack = signed.pack();
        List<String> technicians = pack.credentials().stream().map(SignedCredential::technicianId).toList();
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("file", out.toString());
            fields.put("siteId", pack.siteId());
            fields.put("operatorKeyId", pack.operatorKeyId());
            fields.put("issuedAt", pack.issuedAt());
            fields.put("notAfter", pack.notAfter());
            fields.put("tariffFiles", pack.tariffFiles().size());
            fields.put("technicians", technicians);
            printer.println(Json.write(fields));
            return;
        }
        printer.printf("Wrote the commissioning pack for site %s to %s, signed by operator key %s.%n",
                pack.siteId(), out, pack.operatorKeyId());
        printer.printf("It carries %d tariff file(s) and the credentials of %s, and a gateway takes it until %s.%n",
                pack.tariffFiles().size(), String.join(", ", technicians), pack.notAfter());
    }
}
