package io.gridside.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.link.auth.CommandRefusal;
import io.gridside.link.auth.CommissioningPackRefusedException;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.HelloProof;
import io.gridside.link.auth.Refusal;
import io.gridside.link.auth.RevocationListRefusedException;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.ManifestVector;
import io.gridside.link.firmware.SignedManifest;
import io.gridside.link.frame.Cobs;
import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.message.CashBookBatch;
import io.gridside.link.message.DayDigestsBatch;
import io.gridside.link.message.GetBillingConfig;
import io.gridside.link.message.GetDayDigests;
import io.gridside.link.message.GetRelayCommands;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.Ping;
import io.gridside.link.message.PushRevocations;
import io.gridside.link.message.RevocationsHeld;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.server.CommissionRefusedException;
import io.gridside.link.server.RequestRoles;
import io.gridside.link.testing.CommissioningSamples;
import io.gridside.link.testing.FirmwareSamples;
import io.gridside.link.testing.ReplacementSamples;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDayDocument;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerDays;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds docs/protocol.md to the code: the bytes of its frame and signature vectors, its catalogue, its error
 * codes and its roles must be what the code produces and does, so whoever builds the other end from the
 * document builds what this console speaks.
 */
class ProtocolDocVectorsTest {

    /** Surefire runs in the module's directory; the document lives at the repository root. */
    private static final Path DOC = Path.of("..", "docs", "protocol.md");

    /** The message each vector's {@code message:} line describes, as the code builds it. */
    private static final Map<String, Message> MESSAGES = Map.ofEntries(
            Map.entry("ping", new Ping(42)),
            Map.entry("get-site", new GetSite()),
            Map.entry("hello", SampleMessages.hello()),
            Map.entry("cash-top-up", SampleMessages.cashTopUp()),
            Map.entry("readings-batch", new ReadingsBatch(SampleMessages.readings(2), 2)),
            Map.entry("get-day-digests", new GetDayDigests(SampleMessages.DAY.minusDays(2), SampleMessages.DAY)),
            Map.entry("day-digests-batch", new DayDigestsBatch(List.of(SampleMessages.dayDigest()), 1)),
            Map.entry("gateway-health", SampleMessages.gatewayHealth()),
            Map.entry("get-billing-config", new GetBillingConfig()),
            Map.entry("cash-void", SampleMessages.cashVoid()),
            Map.entry("cash-book-batch", new CashBookBatch(SampleMessages.cashBook(), 2)),
            Map.entry("post-payments", SampleMessages.postPayments()),
            Map.entry("payments-posted", SampleMessages.paymentsPosted()),
            Map.entry("exchange-meter", SampleMessages.exchangeMeter()),
            Map.entry("get-relay-commands", new GetRelayCommands()),
            Map.entry("get-gap-fills", SampleMessages.getGapFills()),
            Map.entry("get-readings-by-meter", SampleMessages.getReadingsByMeter()),
            Map.entry("gap-fills-batch", SampleMessages.gapFillsBatch()),
            Map.entry("push-tariff", SampleMessages.pushTariff()),
            Map.entry("tariff-pushed", SampleMessages.tariffPushed()),
            Map.entry("post-readings", SampleMessages.postReadings()),
            Map.entry("readings-taken", SampleMessages.readingsTaken()),
            Map.entry("topology-batch-radio-facts", SampleMessages.topologyBatchWithRadioFacts()),
            Map.entry("roster-batch-feeders", SampleMessages.rosterBatchWithFeeders()),
            Map.entry("firmware-chunk", FirmwareSamples.vectorChunk()),
            Map.entry("firmware-offered", FirmwareSamples.vectorOffered()),
            Map.entry("chunk-held", FirmwareSamples.vectorChunkHeld()),
            Map.entry("control-campaign-resume", FirmwareSamples.vectorResume()),
            Map.entry("restore-state", ReplacementSamples.vectorState()),
            Map.entry("post-reconciliation-periods", ReplacementSamples.reconciliationWithPeriods()),
            Map.entry("begin-restore-in-parts", ReplacementSamples.beginInParts()),
            Map.entry("restore-config-part", ReplacementSamples.configPart()),
            Map.entry("restore-state-of-parts", ReplacementSamples.stateOfParts()),
            Map.entry("push-revocations", new PushRevocations(TestCredentials.revocationList().signed(),
                    TestCredentials.revocationList().signature())),
            Map.entry("revocations-held", new RevocationsHeld(TestCredentials.OPERATOR.keyId(), 3,
                    TestCredentials.RECORD_ISSUED_AT, true)),
            Map.entry("joined-meters-batch", CommissioningSamples.joinedMetersBatch()),
            Map.entry("commission-meter", CommissioningSamples.commissionMeter()),
            Map.entry("meter-commissioned", CommissioningSamples.meterCommissioned()));
    /** The documents each {@code digest} block describes, as the code encodes them. */
    private static final Map<String, byte[]> DIGESTED = Map.of(
            "events-of-a-day", HistoryDigests.eventsDocument(SampleMessages.events()),
            "mesh-of-a-day", MeshDayDocument.encode(SampleMessages.meshDay()),
            "ledger-of-a-customer-day", ledgerDayDocument());
    /** Vectors of bare acknowledgements, which carry no message. */
    private static final Set<String> BARE_ACKS = Set.of("ack");
    /** Vectors of resume frames: their type and the payload the code puts in them. */
    private static final Map<String, Control> CONTROL_FRAMES = Map.of(
            "resume", new Control(Frame.RESUME, HelloProof.sessionId(SampleMessages.helloReply())),
            "plain-offer", new Control(Frame.FRAMING, new byte[] {Frame.PLAIN_OFFER}),
            "plain-switch", new Control(Frame.FRAMING, new byte[] {Frame.PLAIN_SWITCH}));

    /** Section 11.13: customer C-1's 2 March 2026 in Nairobi, an entry closing it at midnight and its correction. */
    private static byte[] ledgerDayDocument() {
        Instant midnight = Instant.parse("2026-03-02T21:00:00Z");
        List<LedgerEntry> day = List.of(
                new LedgerEntry(1, midnight.minusSeconds(900), "C-1", EntryKind.ENERGY, -25, 975,
                        "interval:2026-03-02T20:30:00Z"),
                new LedgerEntry(2, midnight, "C-1", EntryKind.ENERGY, -30, 945, "interval:2026-03-02T20:45:00Z"),
                new LedgerEntry(5, midnight.plusSeconds(7200), "C-1", EntryKind.ADJUSTMENT, 30, 925,
                        "adjustment:2026-03-02 readings-changed energy"));
        CustomerDay customerDay = new CustomerDay("C-1", LocalDate.of(2026, 3, 2));
        day.forEach(entry -> {
            if (!LedgerDays.of(entry, ZoneId.of("Africa/Nairobi")).equals(customerDay)) {
                throw new IllegalStateException("entry " + entry.seq() + " belongs to another day");
            }
        });
        return LedgerDays.document(customerDay, day);
    }

    private record Control(int type, byte[] payload) {
    }

    /** The bytes each signed block's {@code value:} describes, as the code encodes them, and the key that signs. */
    private static final Map<String, Signed> SIGNED = Map.of(
            "credential", new Signed(TestCredentials.OPERATOR.key(),
                    TestCredentials.technician().signed().toByteArray()),
            "hello-proof", new Signed(SampleMessages.GATEWAY_KEY,
                    HelloProof.transcript(SampleMessages.hello(), SampleMessages.helloReply())),
            "gateway-key-replacement", new Signed(TestCredentials.OPERATOR.key(),
                    TestCredentials.keyReplacement().signed().toByteArray()),
            "keyed-credential", new Signed(TestCredentials.OPERATOR.key(),
                    TestCredentials.keyedTechnician().signed().toByteArray()),
            "technician-command", new Signed(TestCredentials.TECHNICIAN_KEY,
                    SampleMessages.technicianCommand().encode()),
            "firmware-manifest", new Signed(ManifestVector.KEY,
                    SignedManifest.signedBytes(ManifestVector.image().manifest())),
            "revocation-list", new Signed(TestCredentials.OPERATOR.key(),
                    TestCredentials.revocationList().signed().toByteArray()),
            "commissioning-pack", new Signed(TestCredentials.OPERATOR.key(),
                    CommissioningSamples.pack().signed().toByteArray()));

    private record Signed(SigningKey key, byte[] bytes) {
    }

    private static final Pattern ERROR_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE);
    private static final Pattern ROLE_ROW = Pattern.compile("^\\| (\\w+) \\| supervisor \\|$", Pattern.MULTILINE);

    private static final Pattern CATALOGUE_ROW =
            Pattern.compile("^\\| (0x[0-9a-f]{2}) \\| (\\w+) \\| (?:C→G|G→C) \\| (\\d+) \\| (\\w+) \\|",
                    Pattern.MULTILINE);

    /** One fenced {@code vector} block of the document: the frame's header fields and its bytes. */
    record Vector(String name, Frame frame, byte[] raw, byte[] wire) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** One fenced {@code signed} block: a key's seed and public key, the bytes signed and the signature. */
    record SignedVector(String name, byte[] seed, byte[] publicKey, byte[] signed, byte[] signature) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<SignedVector> signedVectors() throws IOException {
        List<SignedVector> vectors = new ArrayList<>();
        for (Map<String, String> block : blocks(Files.readString(DOC, StandardCharsets.UTF_8), "signed")) {
            vectors.add(new SignedVector(block.get("name"), hex(block.get("seed")), hex(block.get("publicKey")),
                    hex(block.get("signed")), hex(block.get("signature"))));
        }
        return vectors;
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        for (Map<String, String> block : blocks(Files.readString(DOC, StandardCharsets.UTF_8), "vector")) {
            Frame frame = new Frame((int) number(block.get("type")), (int) number(block.get("flags")),
                    (int) number(block.get("channel")), (int) number(block.get("epoch")),
                    (int) number(block.get("seq")), (int) number(block.get("ack")),
                    (int) number(block.get("window")), number(block.get("sack")), number(block.get("requestId")),
                    hex(block.get("payload")));
            vectors.add(new Vector(block.get("name"), frame, hex(block.get("raw")), hex(block.get("wire"))));
        }
        return vectors;
    }

    @Test
    void documentsAVectorForEachMessageThisTestBuildsAndNoOther() throws IOException {
        Set<String> names = new HashSet<>(MESSAGES.keySet());
        names.addAll(BARE_ACKS);
        names.addAll(CONTROL_FRAMES.keySet());

        assertThat(vectors()).extracting(Vector::name).containsExactlyInAnyOrderElementsOf(names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesTheMessageToTheDocumentedPayloadAndType(Vector vector) {
        if (BARE_ACKS.contains(vector.name())) {
            assertThat(vector.frame().type()).isEqualTo(Frame.ACK);
            assertThat(vector.frame().payload()).isEmpty();
            return;
        }
        Control control = CONTROL_FRAMES.get(vector.name());
        if (control != null) {
            assertThat(vector.frame().type()).isEqualTo(control.type());
            assertThat(hexOf(vector.frame().payload())).isEqualTo(hexOf(control.payload()));
            return;
        }
        Message message = MESSAGES.get(vector.name());

        assertThat(MessageCatalogue.codeOf(message)).isEqualTo(vector.frame().type());
        assertThat(MessageCatalogue.priorityOf(message).channel()).isEqualTo(vector.frame().channel());
        assertThat(hexOf(MessageCodec.encode(message))).isEqualTo(hexOf(vector.frame().payload()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void framesTheHeaderAndPayloadToTheDocumentedBytes(Vector vector) {
        byte[] wire = FrameCodec.encode(vector.frame());

        assertThat(hexOf(wire)).isEqualTo(hexOf(vector.wire()));
        assertThat(hexOf(Cobs.decode(wire, 0, wire.length - 1))).isEqualTo(hexOf(vector.raw()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sendsEachFramePlainAsItsDocumentedRawBytesAndReadsItBack(Vector vector) {
        byte[] plain = new byte[FrameCodec.MAX_PLAIN_LENGTH + 3];
        int end = FrameCodec.encodePlainInto(vector.frame(), plain, 3);

        assertThat(hexOf(Arrays.copyOfRange(plain, 3, end))).isEqualTo(hexOf(vector.raw()));
        assertThat(FrameCodec.decodePlain(vector.raw(), 0, vector.raw().length)).isEqualTo(vector.frame());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void readsEveryFieldBackFromTheDocumentedWireBytes(Vector vector) {
        Frame frame = FrameCodec.decode(vector.wire(), 0, vector.wire().length - 1);

        assertThat(frame).isEqualTo(vector.frame());
        if (!frame.isControl()) {
            assertThat(MessageCodec.decode(frame.type(), frame.payload())).isEqualTo(MESSAGES.get(vector.name()));
        }
    }

    @Test
    void documentsASignedVectorForEachSignedStructureThisTestBuilds() throws IOException {
        assertThat(signedVectors()).extracting(SignedVector::name)
                .containsExactlyInAnyOrderElementsOf(SIGNED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedVectors")
    void encodesAndSignsTheDocumentedBytes(SignedVector vector) {
        Signed expected = SIGNED.get(vector.name());
        SigningKey key = SigningKey.fromSeed(ByteString.of(vector.seed()));

        assertThat(key.publicKey()).isEqualTo(expected.key().publicKey());
        assertThat(hexOf(key.publicKey().toByteArray())).isEqualTo(hexOf(vector.publicKey()));
        assertThat(hexOf(expected.bytes())).isEqualTo(hexOf(vector.signed()));
        assertThat(hexOf(key.sign(vector.signed()).toByteArray())).isEqualTo(hexOf(vector.signature()));
        assertThat(Ed25519.verify(ByteString.of(vector.publicKey()), vector.signed(),
                ByteString.of(vector.signature()))).isTrue();
    }

    @Test
    void documentsTheFirmwareFilesHeaderAndSignedManifestAsTheCodeWritesThem() throws Exception {
        List<Map<String, String>> files = blocks(Files.readString(DOC, StandardCharsets.UTF_8), "firmware-file");
        FirmwareImage image = ManifestVector.image();
        byte[] header = hex(files.get(0).get("header"));
        byte[] signed = hex(files.get(0).get("manifest"));

        assertThat(files).extracting(block -> block.get("name")).containsExactly("sample-meter-image");
        assertThat(hexOf(Arrays.copyOf(image.fileBytes(), header.length + signed.length)))
                .isEqualTo(hexOf(header) + " " + hexOf(signed));
        assertThat(SignedManifest.decode(signed).signatureVerifies()).isTrue();
    }

    @Test
    void documentsEachDigestedDocumentAsTheCodeEncodesAndDigestsIt() throws IOException {
        List<Map<String, String>> blocks = blocks(Files.readString(DOC, StandardCharsets.UTF_8), "digest");

        assertThat(blocks).extracting(block -> block.get("name"))
                .containsExactlyInAnyOrderElementsOf(DIGESTED.keySet());
        for (Map<String, String> block : blocks) {
            byte[] document = DIGESTED.get(block.get("name"));
            assertThat(hexOf(document)).as(block.get("name")).isEqualTo(hexOf(hex(block.get("document"))));
            assertThat(hexOf(HistoryDigests.sha256(document).toByteArray())).as(block.get("name"))
                    .isEqualTo(hexOf(hex(block.get("sha256"))));
        }
        assertThat(SampleMessages.dayDigest().eventsDigest().toByteArray())
                .isEqualTo(hex(blocks.stream().filter(block -> block.get("name").equals("events-of-a-day"))
                        .findFirst().orElseThrow().get("sha256")));
    }

    @Test
    void documentsTheLedgersHashChainAsTheCodeEncodesAndLinksIt() throws IOException {
        Map<String, LedgerEntry> entries = Map.of(
                "opening", new LedgerEntry(1, Instant.parse("2024-04-30T00:00:00Z"), "c-001", EntryKind.OPENING,
                        50_000, 50_000, "opening"),
                "energy", new LedgerEntry(2, Instant.parse("2024-04-30T00:15:00Z"), "c-001", EntryKind.ENERGY,
                        -264, 49_736, "2024-04-30T00:00:00Z"),
                "day-posting", new LedgerEntry(3, Instant.parse("2024-04-30T21:00:00Z"), "c-001", EntryKind.ENERGY,
                        -5_123, 44_613, "usage:2024-04-30T00:15:00Z/2024-04-30T21:00:00Z"));
        List<Map<String, String>> blocks = blocks(Files.readString(DOC, StandardCharsets.UTF_8), "chain");

        assertThat(blocks).extracting(b -> b.get("name")).containsExactlyInAnyOrderElementsOf(entries.keySet());
        for (Map<String, String> block : blocks) {
            LedgerEntry entry = entries.get(block.get("name"));
            assertThat(hexOf(LedgerChain.canonicalBytes(entry))).as(block.get("name")).isEqualTo(block.get("cbor"));
            assertThat(hexOf(LedgerChain.link(hex(block.get("previous")), entry))).as(block.get("name"))
                    .isEqualTo(block.get("link"));
        }
        assertThat(blocks.get(0).get("previous")).isEqualTo(hexOf(LedgerChain.genesis()));
    }

    @Test
    void listsEveryCodeAGatewayRefusesACredentialWith() throws IOException {
        Matcher row = ERROR_ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).contains(Arrays.stream(Refusal.values()).map(Refusal::code).toArray(String[]::new))
                .contains("AUTH_REQUIRED", "ROLE_FORBIDDEN", "CLOCK_REFUSED", "VERSION_UNSUPPORTED")
                .contains("CASH_NOT_PERMITTED", "CASH_INVALID", "CASH_CURRENCY_MISMATCH", "CASH_UNKNOWN_CUSTOMER",
                        "CASH_REFERENCE_CONFLICT", "CASH_LIMIT_EXCEEDED", "CASH_RECEIPT_VOIDED", "CASH_UNKNOWN_RECEIPT",
                        "CASH_OWN_RECEIPT")
                .contains("TOPOLOGY_OUT_OF_RANGE", "HISTORY_OUT_OF_RANGE")
                .contains("PAYMENT_INVALID", "PAYMENT_CURRENCY_MISMATCH", "PAYMENT_UNKNOWN_CUSTOMER",
                        "PAYMENT_REFERENCE_CONFLICT")
                .contains("ADJUSTMENT_STALE", "ADJUSTMENT_INVALID", "UNKNOWN_CUSTOMER")
                .contains("TARIFF_INVALID", "TARIFF_CURRENCY", "TARIFF_VERSION_SKIPPED", "TARIFF_VERSION_TAKEN",
                        "TARIFF_TOO_LATE", "TARIFF_PUSH_BUSY", "TARIFF_RERATE_UNSUPPORTED", "TARIFF_PUSH_TOO_LARGE")
                .contains("READ_UNKNOWN_METER", "READ_OFF_QUARTER_HOUR", "READ_NOT_BILLED", "READ_BEFORE_ACCOUNT",
                        "READ_CONFLICTS", "READ_NO_GAP", "READ_OUTSIDE_GAP", "GAP_INCOMPLETE", "READ_BACKWARDS",
                        "READ_BEYOND_RATING", "READ_BESIDE_GAP", "READ_LAST_BILLED")
                .contains(Arrays.stream(io.gridside.site.firmware.FirmwareRefusal.values())
                        .map(io.gridside.site.firmware.FirmwareRefusal::code).toArray(String[]::new))
                .contains("CAMPAIGN_UNKNOWN", "CAMPAIGN_CONFLICT", "UNSUPPORTED")
                .contains(RevocationListRefusedException.MALFORMED, RevocationListRefusedException.UNKNOWN_OPERATOR,
                        RevocationListRefusedException.BAD_SIGNATURE)
                .contains(Arrays.stream(CommandRefusal.values()).map(CommandRefusal::code).toArray(String[]::new))
                .contains(constantsOf(CommissioningPackRefusedException.class))
                .contains(constantsOf(CommissionRefusedException.class))
                .contains("COMMISSION_NOT_LIVE");
    }

    @Test
    void listsTheRequestsOnlyASupervisorMayMake() throws IOException {
        Matcher row = ROLE_ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                RequestRoles.supervisorOnly().stream().map(Class::getSimpleName).toList());
    }

    @Test
    void listsTheMessageCatalogueWithItsPriorityClassesAsTheCodeHasIt() throws IOException {
        Matcher row = CATALOGUE_ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        List<Tuple> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(tuple((int) number(row.group(1)), row.group(2), Integer.parseInt(row.group(3)),
                    row.group(4)));
        }

        assertThat(MessageCatalogue.entries())
                .extracting(e -> e.code(), e -> e.type().getSimpleName(), e -> e.schemaVersion(),
                        e -> e.priority().name().toLowerCase(Locale.ROOT))
                .containsExactlyElementsOf(documented);
    }

    /**
     * The {@code key: value} lines of every block fenced as {@code kind}. A line that starts with a space
     * goes on with the value above it, so long byte strings can wrap.
     */
    private static List<Map<String, String>> blocks(String doc, String kind) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = null;
        String key = null;
        for (String line : doc.lines().toList()) {
            if (block == null) {
                if (line.equals("```" + kind)) {
                    block = new LinkedHashMap<>();
                }
            } else if (line.equals("```")) {
                blocks.add(block);
                block = null;
            } else if (line.startsWith(" ")) {
                block.merge(key, line.strip(), (before, more) -> before + " " + more);
            } else {
                int colon = line.indexOf(':');
                key = line.substring(0, colon);
                block.put(key, line.substring(colon + 1).strip());
            }
        }
        return blocks;
    }

    /** The values of a class's public text constants: the codes an exception class names. */
    private static String[] constantsOf(Class<?> type) {
        return Arrays.stream(type.getFields()).filter(field -> field.getType() == String.class).map(field -> {
            try {
                return (String) field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(String[]::new);
    }

    private static long number(String text) {
        return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static String hexOf(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
