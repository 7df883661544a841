package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.LedgerEntry;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Asks a factory-fresh gateway to take over a site whose gateway died, from the console's verified replica: the
 * site, its flat tariff, the ledger's tip that the new gateway's chain continues from, how many
 * {@link RestoreChunk}s carry the accounts (section 6.32), and the billing configuration the dead gateway billed
 * with (section 6.35). Sent again under the same restore id after a dropped link, it changes nothing and is
 * answered with what is still missing.
 *
 * <p>Schema 2 added {@code billingConfig} and {@code receiptBooks}, which a restore leaves out when the replica
 * holds none: a restore without them is written exactly as schema 1 wrote it, and read with nulls, which bill the
 * site's flat tariff under plain credit terms and number every credential's receipts from 1, as before.
 *
 * <p>Schema 3 added {@code configParts} and {@code configDigest} (section 6.39): a configuration too large for this
 * frame travels in that many {@link RestoreConfigPart}s instead of in {@code billingConfig}, and the gateway checks
 * the document they carry against the digest before it applies the restore. A restore that carries its
 * configuration here, or none, leaves both out and is written exactly as schema 2 wrote it.
 *
 * <p>Schema 4 added {@code ledgerParts} (section 6.41): sent only to a gateway that lists {@code restore-ledger},
 * it says how many {@link RestoreLedgerPart}s carry the replica's ledger from entry 1 to the tip, which the gateway
 * links from the chain's genesis and checks against {@code tipHash} before it applies the restore. A restore that
 * carries no ledger leaves it out and is written exactly as schema 3 wrote it.
 *
 * @param restoreId names one restore; the console derives it from the site and the tip, so that a repeat after a
 *     dropped link is known for one
 * @param tip the replica's last ledger entry, which the new gateway keeps and its first own entry follows: a
 *     console's pull asks for the last entry it holds again, to check that the history did not change
 * @param tipHash that entry's link of the hash chain, which the new gateway's first entry is chained after
 * @param chunkCount how many chunks carry the accounts, 1 or more
 * @param billingConfig the billing configuration document the replica keeps (as a GetBillingConfig answers it),
 *     compressed and cut into pieces as {@link MeshDayBatch#chunksOf} does; null when the replica holds none
 * @param receiptBooks each receipt book of the replica's cash book, in book code order, so that the new gateway
 *     numbers a credential's receipts on from the dead gateway's and counts the cash it took; null for none
 * @param configParts how many {@link RestoreConfigPart}s carry the configuration, 1 or more; null when it travels
 *     in {@code billingConfig} or there is none
 * @param configDigest the SHA-256 of the configuration document the parts carry; null exactly when
 *     {@code configParts} is
 * @param ledgerParts how many {@link RestoreLedgerPart}s carry the replica's ledger, 1 or more; null when the
 *     restore carries only the tip
 */
public record BeginRestore(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
        int chunkCount, @JsonInclude(JsonInclude.Include.NON_NULL) List<ByteString> billingConfig,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReceiptBook> receiptBooks,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer configParts,
        @JsonInclude(JsonInclude.Include.NON_NULL) ByteString configDigest,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer ledgerParts) implements Message {

    /**
     * One credential's receipt book as the replica's cash book leaves it.
     *
     * @param code the book code its receipt numbers begin with ({@code AA11BB} of {@code AA11BB-0007})
     * @param lastNumber the highest receipt number of the book the replica holds
     * @param takenMinor the cash taken under it, voided receipts included, which counts against the credential's
     *     offline limit
     */
    public record ReceiptBook(String code, long lastNumber, long takenMinor) {

        public ReceiptBook {
            Objects.requireNonNull(code, "code");
            if (lastNumber < 1 || takenMinor < 0) {
                throw new IllegalArgumentException("a receipt book has issued a receipt and taken no negative cash");
            }
        }
    }

    /** The bytes of a SHA-256 digest, which {@code configDigest} is. */
    public static final int DIGEST_BYTES = 32;

    public BeginRestore {
        Objects.requireNonNull(restoreId, "restoreId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(tip, "tip");
        Objects.requireNonNull(tipHash, "tipHash");
        if (chunkCount < 1) {
            throw new IllegalArgumentException("a restore has at least one chunk, not " + chunkCount);
        }
        billingConfig = billingConfig == null ? null : List.copyOf(billingConfig);
        receiptBooks = receiptBooks == null ? null : List.copyOf(receiptBooks);
        if ((configParts == null) != (configDigest == null) || configParts != null
                && (configParts < 1 || billingConfig != null || configDigest.size() != DIGEST_BYTES)) {
            throw new IllegalArgumentException("a restore carries its configuration in itself or in 1 or more parts "
                    + "named by a SHA-256 digest, not both");
        }
        if (ledgerParts != null && ledgerParts < 1) {
            throw new IllegalArgumentException("a restore carries its ledger in 1 or more parts, not " + ledgerParts);
        }
    }

    /** A restore of schema 3: its ledger, if any, in its tip alone. */
    public BeginRestore(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
            int chunkCount, List<ByteString> billingConfig, List<ReceiptBook> receiptBooks, Integer configParts,
            ByteString configDigest) {
        this(restoreId, site, tariff, tip, tipHash, chunkCount, billingConfig, receiptBooks, configParts,
                configDigest, null);
    }

    /** A restore of schema 2: its configuration, if any, in its own frame. */
    public BeginRestore(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
            int chunkCount, List<ByteString> billingConfig, List<ReceiptBook> receiptBooks) {
        this(restoreId, site, tariff, tip, tipHash, chunkCount, billingConfig, receiptBooks, null, null, null);
    }

    /** A restore of a replica that holds no billing configuration nor cash book, as schema 1 sent every restore. */
    public BeginRestore(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
            int chunkCount) {
        this(restoreId, site, tariff, tip, tipHash, chunkCount, null, null, null, null, null);
    }

    /** The same restore, its ledger carried in {@code parts} {@link RestoreLedgerPart}s (section 6.41). */
    public BeginRestore withLedgerParts(int parts) {
        return new BeginRestore(restoreId, site, tariff, tip, tipHash, chunkCount, billingConfig, receiptBooks,
                configParts, configDigest, parts);
    }

    /** Whether the restore carries the replica's ledger before its tip in {@link RestoreLedgerPart}s. */
    public boolean ledgerInParts() {
        return ledgerParts != null;
    }

    /** Whether the configuration travels in {@link RestoreConfigPart}s rather than in this frame. */
    public boolean configInParts() {
        return configParts != null;
    }

    /**
     * The configuration document the restore carries, or null for none.
     *
     * @throws MalformedMessageException when the pieces are not a compressed document
     */
    public byte[] billingConfigDocument() {
        if (billingConfig == null) {
            return null;
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        billingConfig.forEach(piece -> packed.writeBytes(piece.toByteArray()));
        return MeshDayBatch.documentOf(packed.toByteArray());
    }

    /** The restore's fields as the codec reads them once the fields of schema 2 are there, null or not. */
    private record Fields(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
            int chunkCount, List<ByteString> billingConfig, List<ReceiptBook> receiptBooks, Integer configParts,
            ByteString configDigest, Integer ledgerParts) {
    }

    /**
     * Reads the fields as the codec decodes them: a restore of schema 1 has none of the later fields, and one of
     * schema 2 neither part count nor digest, and one of schema 3 no ledger parts; each left out is read as null.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static BeginRestore fromTree(ObjectNode tree) {
        tree.putIfAbsent("billingConfig", tree.nullNode());
        tree.putIfAbsent("receiptBooks", tree.nullNode());
        tree.putIfAbsent("configParts", tree.nullNode());
        tree.putIfAbsent("configDigest", tree.nullNode());
        tree.putIfAbsent("ledgerParts", tree.nullNode());
        Fields fields = MessageCodec.convert(tree, Fields.class);
        return new BeginRestore(fields.restoreId(), fields.site(), fields.tariff(), fields.tip(), fields.tipHash(),
                fields.chunkCount(), fields.billingConfig(), fields.receiptBooks(), fields.configParts(),
                fields.configDigest(), fields.ledgerParts());
    }
}
