package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.cbor.ByteString;
import java.util.List;

/**
 * Where a restore stands on the new gateway, its answer to every restore request (section 6.32): the chunks it
 * still lacks, whether it applied the restore, and its ledger's tip.
 *
 * <p>Schema 2 added {@code missingConfigParts} (section 6.39), which only a restore whose configuration travels in
 * parts is answered with: any other answer is written exactly as schema 1 wrote it, and read with null.
 *
 * <p>Schema 3 added {@code missingLedgerParts} (section 6.41), which only a restore that carries its ledger in parts
 * is answered with, until it is applied; any other answer is written exactly as schema 2 wrote it.
 *
 * @param missingChunks the indexes of the chunks not held yet, in order; empty once all arrived
 * @param applied whether the gateway took over the site from the restore, which it does once
 * @param tipSeq the sequence of the gateway's last ledger entry: the replica's tip until it posts its own
 * @param tipHash that entry's link of the hash chain
 * @param missingConfigParts the indexes of the configuration's parts not held yet, in order, empty once all
 *     arrived; null for a restore that carries its configuration in its begin, or none, and once it is applied
 * @param missingLedgerParts the indexes of the ledger's parts not held yet, in order, empty once all arrived; null
 *     for a restore that carries no ledger in parts, and once it is applied
 */
public record RestoreState(String restoreId, List<Integer> missingChunks, boolean applied, long tipSeq,
        ByteString tipHash, @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> missingConfigParts,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> missingLedgerParts) implements Message {

    public RestoreState {
        missingChunks = List.copyOf(missingChunks);
        missingConfigParts = missingConfigParts == null ? null : List.copyOf(missingConfigParts);
        missingLedgerParts = missingLedgerParts == null ? null : List.copyOf(missingLedgerParts);
    }

    /** The answer of schema 2: no ledger parts asked for. */
    public RestoreState(String restoreId, List<Integer> missingChunks, boolean applied, long tipSeq,
            ByteString tipHash, List<Integer> missingConfigParts) {
        this(restoreId, missingChunks, applied, tipSeq, tipHash, missingConfigParts, null);
    }

    /** The answer about a restore whose configuration, if any, is in its begin, as schema 1 gave every answer. */
    public RestoreState(String restoreId, List<Integer> missingChunks, boolean applied, long tipSeq,
            ByteString tipHash) {
        this(restoreId, missingChunks, applied, tipSeq, tipHash, null, null);
    }

    /** The configuration's parts still missing: none for a restore that sends its configuration in no parts. */
    public List<Integer> configPartsMissing() {
        return missingConfigParts == null ? List.of() : missingConfigParts;
    }

    /** The ledger's parts still missing: none for a restore that sends its ledger in no parts. */
    public List<Integer> ledgerPartsMissing() {
        return missingLedgerParts == null ? List.of() : missingLedgerParts;
    }

    /** The state's fields as the codec reads them once the parts missing are there, null or not. */
    private record Fields(String restoreId, List<Integer> missingChunks, boolean applied, long tipSeq,
            ByteString tipHash, List<Integer> missingConfigParts, List<Integer> missingLedgerParts) {
    }

    /** Reads the fields as the codec decodes them: a state of schema 1 has no parts missing, read as null. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RestoreState fromTree(ObjectNode tree) {
        tree.putIfAbsent("missingConfigParts", tree.nullNode());
        tree.putIfAbsent("missingLedgerParts", tree.nullNode());
        Fields fields = MessageCodec.convert(tree, Fields.class);
        return new RestoreState(fields.restoreId(), fields.missingChunks(), fields.applied(), fields.tipSeq(),
                fields.tipHash(), fields.missingConfigParts(), fields.missingLedgerParts());
    }
}
